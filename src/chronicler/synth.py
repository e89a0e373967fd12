"""Synthetic news articles for benchmarks and stress tests.

    generate_articles(n, seed)      -> Iterator[dict]   jsonl-ready: title, text, url, outlet, author, published
    wire_variant(text, frac, rng)   -> str              a wire-copy edit: ~frac of the words changed
    write_jsonl(path, n, seed)      -> Path

Articles are built from templates and word lists over an invented world (the demo corpus's
countries plus more, see ``chronicler/demo/FACTS.md``) and generic news vocabulary: 300–600
words in 8–15 paragraphs, with datelines, named speakers with titles, direct, split and
indirect quotes, "according to" and unnamed attributions, counts of dead and injured,
weekday and relative dates. Output is deterministic for a seed; article ``i`` depends only
on ``(seed, i)``, so ``generate_articles(10)`` is a prefix of ``generate_articles(1000)``.
Urls are unique. Nothing here is real news.

Run ``python -m chronicler.synth N OUT.jsonl [SEED]``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

__all__ = ["generate_articles", "wire_variant", "write_jsonl"]

MIN_WORDS, MAX_WORDS = 300, 600
MIN_PARAS, MAX_PARAS = 8, 15

# ---------------------------------------------------------------- the invented world
_COUNTRIES = [  # name, demonym, capital, currency
    ("Merovia", "Merovian", "Varsk", "merks"),
    ("Kaldoria", "Kaldorian", "Tirvan", "kals"),
    ("Norvane", "Norvanian", "Wexmoor", "crowns"),
    ("Dunmara", "Dunmaran", "Port Elsin", "dunars"),
    ("Veltria", "Veltrian", "Carrowgate", "velts"),
    ("Suvenia", "Suvenian", "Amsk", "sols"),
    ("Tavonia", "Tavonian", "Bressa", "tavs"),
    ("Karsia", "Karsian", "Udrin", "karns"),
]
_REGIONS = ["Lessara", "the Orun Plateau", "the Vasken Strip", "Upper Dravel", "the Saltmarch",
            "the Kestra Valley", "the Ambrel Massif", "the Tessin Basin"]
_GROUPS = ["the Black Ridge Front", "the Valley Resistance Force", "the Army of the Saltmarch",
           "the Sons of the Orun", "the Red Pine Brigade", "the Dravel Liberation Movement",
           "the Kestra Martyrs' Front", "the Ambrel Defence Committee"]
_RIVERS = ["Serrin", "Tovar", "Aldas", "Marl", "Oskel", "Vess", "Ostrin", "Culver"]
_LINES = ["Line of Contact", "armistice line", "ceasefire line", "Line of Separation"]
_OP_A = ["Iron", "Steel", "Silent", "Northern", "Crimson", "Granite", "Swift", "Midnight", "Amber",
         "Black", "White", "Burning", "Hidden", "Distant", "Broken", "High"]
_OP_B = ["Lantern", "Wall", "Arrow", "Shield", "Hammer", "Dawn", "Spear", "Gate", "Falcon", "Storm",
         "Tide", "Anvil", "Sentinel", "Thunder", "Harvest", "River"]
_TOWN_A = ["Kov", "Mar", "Res", "Des", "Ost", "Bah", "Sol", "Qad", "Mir", "Zer", "Dur", "Kel", "Nel",
           "Ker", "Dol", "Far", "Orl", "Sel", "Bren", "Pel", "Ask", "Vod", "Lim", "Tam", "Hes", "Gor",
           "Wil", "Cas", "Brav", "Ul"]
_TOWN_B = ["asi", "rick", "k", "sin", "rel", "run", "tan", "ra", "el", "abad", "lan", "la", "ran",
           "ma", "row", "ov", "ik", "lin", "na", "gan", "ova", "en", "ford", "ach", "ton", "is"]
_FIRST_M = ["Teodor", "Milo", "Petar", "Selim", "Idris", "Kamal", "Aziz", "Tariq", "Omar", "Bilal",
            "Conrad", "Lucien", "Stefan", "Yusuf", "Rafiq", "Tahir", "Nadim", "Anton", "Pavel",
            "Jonas", "Tomas", "Lev", "Marek", "Farhan", "Viktor", "Emil", "Hakan", "Dario", "Ruben",
            "Osman", "Goran", "Ivo", "Karim", "Luka", "Arlo"]
_FIRST_F = ["Ana", "Irena", "Nadia", "Leila", "Katya", "Helena", "Mira", "Dana", "Farida", "Livia",
            "Hafsa", "Elena", "Sadia", "Rania", "Zara", "Claire", "Nika", "Lena", "Mirela", "Elise",
            "Amira", "Vesna", "Talia", "Noor", "Ines", "Sela", "Orla", "Maren", "Yara", "Petra"]
_SUR_A = ["Hal", "Vel", "Rad", "Kos", "Mar", "Luk", "Tes", "Kir", "Mor", "Dar", "Od", "Ard", "Har",
          "Qor", "Mal", "Ot", "Van", "Kor", "Sel", "Bel", "San", "Kot", "Ash", "Fon", "Aber", "Wes",
          "Bor", "Kes", "Dov", "Stan", "Sor", "Ber", "Tam", "Lor", "Ven", "Gar", "Pol", "Rus"]
_SUR_B = ["vik", "ic", "anec", "sut", "ten", "an", "aly", "rell", "el", "uln", "en", "rak", "van",
          "lek", "eri", "dor", "han", "vin", "kis", "tal", "by", "taine", "ara", "oux", "san", "sk",
          "sar", "ran", "and", "orv", "ek", "ova", "ski", "ard", "ett", "ani"]
_OUTLETS = [  # name, domain, dateline style, quote style (True = curly)
    ("Continental Press Agency", "cpa-wire.example", "wire", False),
    ("The Merovia Herald", "merovia-herald.example", "caps_colon", True),
    ("The Varsk Ledger", "varsk-ledger.example", "full_colon", False),
    ("Tirvan Tribune", "tirvan-tribune.example", "full_dash", False),
    ("The Kaldoria Observer", "kaldoria-observer.example", "caps_date_colon", True),
    ("Kaldoria National Broadcasting", "knb.example", "broadcaster", False),
    ("The World Courier", "worldcourier.example", "caps_dash", True),
    ("Lessara Voice", "lessara-voice.example", "caps_date_colon", True),
    ("Dunmara Daily Record", "dunmara-record.example", "caps_colon", False),
    ("Veltria Today", "veltria-today.example", "full_dash", True),
    ("The Suvenia Sentinel", "suvenia-sentinel.example", "caps_dash", True),
    ("The Tavonian Post", "tavonian-post.example", "full_colon", False),
    ("Karsia Morning Star", "karsia-star.example", "caps_date_colon", False),
    ("Global Dispatch", "global-dispatch.example", "wire", False),
    ("The Continental Review", "continental-review.example", "caps_dash", True),
    ("Frontier News Network", "fnn.example", "broadcaster", False),
]
_SECTIONS = ["world", "nation", "politics", "security", "region", "news"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

_GOV_TITLES = ["Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
               "Information Minister", "National Security Adviser"]
_OCCUPATIONS = ["shopkeeper", "teacher", "farmer", "nurse", "student", "taxi driver", "baker",
                "retired soldier", "hotel owner", "schoolteacher", "mechanic", "pharmacist",
                "shepherd", "carpenter", "fruit seller"]
_INSTITUTES = ["the Wexmoor Institute for Strategic Studies", "the Carrowgate Centre for Peace Research",
               "the Amsk Policy Forum", "the Bressa School of International Affairs",
               "the Udrin Security Institute"]


@dataclass(frozen=True, slots=True)
class _Person:
    first: str
    last: str
    title: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.title} {self.first} {self.last}"

    @property
    def pron(self) -> str:
        return "she" if self.female else "he"


@dataclass(slots=True)
class _Ctx:
    rng: random.Random
    a: tuple[str, str, str, str]
    b: tuple[str, str, str, str]
    c: tuple[str, str, str, str]
    cast: dict[str, _Person]
    region: str
    group: str
    river: str
    line: str
    operation: str
    towns: list[str]
    pub: datetime
    event: datetime
    dead: int
    injured: int
    curly: bool
    mentioned: set[str]
    used: set[int] = field(default_factory=set)
    fixed: dict[str, str] = field(default_factory=dict)

    def who(self, key: str) -> str:
        """Full title and name on first mention, surname afterwards."""
        p = self.cast[key]
        if key in self.mentioned:
            return p.last
        self.mentioned.add(key)
        return p.full

    def q(self, s: str) -> str:
        return f"“{s}”" if self.curly else f'"{s}"'

    def town(self) -> str:
        return self.rng.choice(self.towns)

    def when(self) -> str:
        day = _WEEKDAYS[self.event.weekday()]
        return self.rng.choice([f"on {day}", f"early on {day}", f"late on {day}", f"on {day} night",
                                f"on {_MONTHS[self.event.month - 1]} {self.event.day}"])

    def day_name(self, back: int = 0) -> str:
        return _WEEKDAYS[(self.event - timedelta(days=back)).weekday()]


def _person(rng: random.Random, title: str) -> _Person:
    female = rng.random() < 0.4
    first = rng.choice(_FIRST_F if female else _FIRST_M)
    last = rng.choice(_SUR_A) + rng.choice(_SUR_B)
    return _Person(first, last, title, female)


_ROLES = {
    "pm": ["Prime Minister", "President"],
    "fm": ["Foreign Minister"],
    "dm": ["Defence Minister"],
    "mil": ["army chief General", "military spokesman Major General", "Air Marshal", "Brigadier",
            "military spokesman Colonel", "Lieutenant General"],
    "opp": ["opposition leader", "Leader of the Opposition"],
    "spk": ["Foreign Office spokesperson", "government spokesperson", "Information Minister",
            "Interior Minister", "National Security Adviser"],
    "sec": ["Secretary of State", "Foreign Secretary", "Foreign Minister"],
}


@lru_cache(maxsize=8)
def _world(seed: int) -> dict[str, dict[str, _Person]]:
    """The recurring cast for a seed: each country's office holders, and the UN chief."""
    rng = random.Random(f"chronicler-synth-world-{seed}")
    world = {name: {role: _person(rng, rng.choice(titles)) for role, titles in _ROLES.items()}
             for name, *_ in _COUNTRIES}
    world["UN"] = {"sg": _person(rng, "UN Secretary-General")}
    return world


def _cast(rng: random.Random, seed: int, a: str, b: str, c: str) -> dict[str, _Person]:
    w = _world(seed)
    cast = {f"{side}_{role}": w[country][role] for side, country in (("a", a), ("b", b))
            for role in ("pm", "fm", "dm", "mil", "opp", "spk")}
    cast.update({"c_sec": w[c]["sec"], "un": w["UN"]["sg"], "analyst": _person(rng, "analyst"),
                 "civ": _person(rng, ""), "civ2": _person(rng, "")})
    return cast


# ---------------------------------------------------------------- phrase pools
_QUOTE_OPEN = ["We will", "Our forces will", "The government will", "We shall", "Our country will",
               "Nobody should doubt that we will", "Let me be clear: we will", "We have always said we would"]
_QUOTE_VP = ["not allow terror to go unanswered", "respond at a time and place of our choosing",
             "defend every inch of our territory", "not be provoked into a war we did not start",
             "keep every channel of communication open", "protect our citizens whatever it takes",
             "not negotiate while the guns are firing", "hold those responsible to account",
             "answer any aggression with full force", "work with anyone who wants peace",
             "not accept lectures from those who shelter killers", "give diplomacy a chance",
             "rebuild every home that was destroyed", "never forget the people we lost"]
_QUOTE_FREE = ["This is not the time for politics.", "The world is watching.",
               "Peace is not weakness, and restraint is not fear.", "Nobody wins a war like this.",
               "The facts will speak for themselves.", "We have nothing to hide.",
               "Our patience has limits.", "The families deserve answers.",
               "These are lies, and everyone knows they are lies.", "Every life matters to us.",
               "We did not start this, but we will finish it.", "Talks cannot happen under threat.",
               "There is no military solution.", "History will judge this moment."]
_CIV_QUOTES = ["We heard the explosions and ran to the basement", "The children have not slept for three nights",
               "Nobody came to help us for hours", "We just want to live in peace",
               "Our shop is gone, everything is gone", "Every night we wonder if it will be our house next",
               "Both governments talk, and we are the ones who pay", "I have lived here all my life and never seen this",
               "We came back to see if the house is still standing", "The road to the hospital was closed"]
_DISMISS = ["baseless", "propaganda", "a fabrication", "baseless and malicious", "pure fiction",
            "an attempt to mislead the world", "factually incorrect", "a desperate lie"]
_CLAUSES = [
    "{Adem} forces had {fired on|targeted|shelled} {posts|villages|positions} near {town}",
    "{n} people had been {detained|evacuated|displaced} since {day}",
    "the {talks|hotline contacts|consultations} would {continue|resume} {next week|in the coming days|on {day2}}",
    "{B} had {violated|breached} the {ceasefire|understanding} {k} times",
    "there was {no evidence|no basis|nothing} to support the claim",
    "the {river} treaty would remain {suspended|in abeyance}",
    "{group} had been behind the {attack|killings|ambush}",
    "schools in {town} would stay closed until {day2}",
    "more troops were being {deployed|moved} to {region}",
    "{B} was {trying|seeking} to divert attention from its own failures",
    "the {border|crossing at {town}} would remain closed {for now|until further notice}",
    "{k} {soldiers|police officers|civilians} were {wounded|injured} in the exchange",
    "diplomats from {C} had been in contact with both capitals",
    "{A} had {no intention|no plan} of escalating the conflict",
    "relief camps had been set up for {n} people in {town}",
    "the {army|military} was on high alert along the {line}",
    "{n} {homes|shops|buildings} had been damaged in {town}",
    "the government would pay compensation to the families of those killed",
    "{Bdem} drones had been {shot down|intercepted} over {town}",
    "the {attackers|gunmen} had crossed the {line} {last month|weeks earlier|in the spring}",
    "{k} {suspects|men} had been {arrested|detained} in connection with the attack",
    "the {hospital|main hospital} in {town} was {overwhelmed|running short of blood}",
    "the airport at {town} would {remain closed|reopen} {on {day2}|for civilian flights|for now}",
    "{C} had {offered|proposed} to host {talks|a meeting} between the two sides",
    "{A} would {not|never} accept {mediation|outside interference} on {region}",
    "the {strikes|raids} had hit {only military targets|a seminary and several homes|empty buildings}",
    "{n} {tourists|pilgrims|students} had been {evacuated|flown home} from {region}",
    "{Adem} diplomats had been given {k} days to leave {capB}",
    "{B} had {closed|restricted} its airspace to {Adem} airlines",
    "electricity and internet {had been cut|were down} in parts of {town}",
    "the death toll was expected to rise",
    "investigators had found {weapons|explosives|satellite phones} near {town}",
    "a curfew had been imposed in {town} and {k} nearby villages",
    "{Bdem} officials had {refused|declined} to share {evidence|intercepts}",
    "the Security Council would hold {closed|emergency} consultations on {day2}",
    "{A} had {recalled|summoned} its ambassador {from|in} {capB}",
]
_SOURCES = ["police", "hospital officials", "the district administration", "local officials",
            "the health ministry", "the army", "residents", "a government statement",
            "the {Adem} defence ministry", "the {Bdem} military", "rescue workers", "the regional government"]
_UNNAMED = ["Officials said", "Security officials said", "Diplomats said", "Reports say",
            "A senior official, who spoke on condition of anonymity, said",
            "Two officials familiar with the matter said", "Local media reported",
            "Sources in {capA} said", "A military source said"]
_SYN = {  # single-word swaps used by wire_variant
    "said": ["stated", "added"], "says": ["states"], "attack": ["assault"], "attacks": ["assaults"],
    "strikes": ["raids"], "strike": ["raid"], "officials": ["authorities"], "army": ["military"],
    "military": ["army"], "troops": ["soldiers"], "soldiers": ["troops"], "residents": ["locals"],
    "talks": ["negotiations"], "negotiations": ["talks"], "government": ["administration"],
    "country": ["nation"], "nation": ["country"], "area": ["region"], "region": ["area"],
    "injured": ["wounded"], "wounded": ["injured"], "after": ["following"], "following": ["after"],
    "many": ["numerous"], "senior": ["high-ranking"], "spokesman": ["spokesperson"],
    "ceasefire": ["truce"], "truce": ["ceasefire"], "border": ["frontier"], "claimed": ["asserted"],
    "denied": ["rejected"], "rejected": ["dismissed"], "shelling": ["bombardment"], "heavy": ["intense"],
    "intense": ["heavy"], "reporters": ["journalists"], "journalists": ["reporters"], "crisis": ["standoff"],
    "dispute": ["row"], "began": ["started"], "started": ["began"], "warned": ["cautioned"],
    "urged": ["pressed"], "announced": ["declared"], "statement": ["release"], "about": ["around"],
    "around": ["about"], "meeting": ["session"], "large": ["big"], "quickly": ["swiftly"],
    "however": ["though"], "killed": ["left dead"], "people": ["persons"], "town": ["city"],
    "called": ["described"], "held": ["kept"], "major": ["key"], "key": ["major"],
}
_FILLERS = ["also", "reportedly", "now", "still", "further"]
_AUX = {"has", "had", "was", "were", "will", "would", "is", "are", "have", "could"}
_DROPPABLE = {"also", "very", "about", "some", "nearly", "just", "still", "now", "already",
              "reportedly", "heavily", "sharply", "immediately", "directly", "separately"}

_SENT_START_RE = re.compile(r"(^|[.!?][\"”]? )([a-z])")
_SLOT_RE = re.compile(r"\{(\w+)\}")
_ALT_RE = re.compile(r"\{([^{}]*)\}")
_WORD_RE = re.compile(r"^(\W*)([A-Za-z][\w'-]*)(\W*)$")


def _fill(ctx: _Ctx, s: str) -> str:
    """Fill named slots (``{town}``), then expand ``{x|y}`` alternatives, innermost first."""
    if "{" not in s:
        return s
    rng = ctx.rng

    def slot(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "town":
            return ctx.town()
        if key == "n":
            return f"{rng.randint(12, 4000):,}"
        if key == "k":
            return str(rng.randint(2, 19))
        if key == "day":
            return ctx.day_name(rng.randint(0, 3))
        if key == "day2":
            return rng.choice(_WEEKDAYS)
        return ctx.fixed.get(key, m.group(0))

    s = _SLOT_RE.sub(slot, s)
    while "{" in s:
        s = _ALT_RE.sub(lambda m: rng.choice(m.group(1).split("|")), s)
    return s


def _quote_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(_QUOTE_OPEN)} {rng.choice(_QUOTE_VP)}."
    return rng.choice(_QUOTE_FREE)


def _clause(ctx: _Ctx) -> str:
    """A reported-speech clause, not repeating one already used in the article if possible."""
    for _ in range(4):
        k = ctx.rng.randrange(len(_CLAUSES))
        if k not in ctx.used:
            break
    ctx.used.add(k)
    return _fill(ctx, _CLAUSES[k])


def _speaker(ctx: _Ctx) -> str:
    return ctx.rng.choice(["a_pm", "b_pm", "a_fm", "b_fm", "a_dm", "b_dm", "a_mil", "b_mil",
                           "a_spk", "b_spk", "a_opp", "b_opp"])


# ---------------------------------------------------------------- paragraph builders
def _p_quote_split(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    q1 = _quote_text(ctx.rng).rstrip(".")
    return f"{ctx.q(q1 + ',')} {ctx.who(key)} said. {ctx.q(_quote_text(ctx.rng))}"


def _p_quote_after(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    q = f"{_quote_text(ctx.rng)} {_quote_text(ctx.rng)}"
    return f"{ctx.q(q[:-1] + ',')} {ctx.who(key)} told reporters in {ctx.rng.choice([ctx.a[2], ctx.b[2]])}."


def _p_quote_colon(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    lead = _fill(ctx, "{Speaking|Writing on social media|Addressing parliament|Speaking at a news conference} on {day}")
    return f"{lead}, {ctx.who(key)} said: {ctx.q(_quote_text(ctx.rng) + ' ' + _quote_text(ctx.rng))}"


def _p_quote_pronoun(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    first = f"{ctx.who(key)} said that {_clause(ctx)}."
    return f"{first} {ctx.q(_quote_text(ctx.rng).rstrip('.') + ',')} {ctx.cast[key].pron} added."


def _p_partial(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    phrase = ctx.rng.choice(["a cowardly act", "an act of war", "a dangerous escalation",
                             "measured and non-escalatory", "a victory for peace", "a betrayal",
                             "a grave violation of sovereignty", "long overdue"])
    noun = ctx.rng.choice(["strikes", "decision", "attack", "announcement", "operation", "move"])
    return f"{ctx.who(key)} described the {noun} as {ctx.q(phrase)} and said {_clause(ctx)}."


def _p_indirect(ctx: _Ctx) -> str:
    key = _speaker(ctx)
    verb = ctx.rng.choice(["said that", "told reporters that", "told parliament that",
                           "said in a statement that", "told a news conference that"])
    return f"{ctx.who(key)} {verb} {_clause(ctx)}, adding that {_clause(ctx)}."


def _p_dismiss(ctx: _Ctx) -> str:
    key = ctx.rng.choice(["b_fm", "b_spk", "b_mil", "a_fm", "a_dm"])
    obj = ctx.rng.choice(["the allegation", "the claim", "the report", "the accusation",
                          "reports of civilian casualties", "the other side's account"])
    return f"{ctx.who(key)} dismissed {obj} as {ctx.q(ctx.rng.choice(_DISMISS))}. {_fill(ctx, ctx.rng.choice(_UNNAMED))} {_clause(ctx)}."


def _p_according(ctx: _Ctx) -> str:
    src = _fill(ctx, ctx.rng.choice(_SOURCES))
    return f"According to {src}, {_clause(ctx)}. {_fill(ctx, ctx.rng.choice(_UNNAMED))} {_clause(ctx)}."


def _p_unnamed(ctx: _Ctx) -> str:
    return f"{_fill(ctx, ctx.rng.choice(_UNNAMED))} {_clause(ctx)}. {_fill(ctx, ctx.rng.choice(_UNNAMED))} {_clause(ctx)}."


def _p_toll(ctx: _Ctx) -> str:
    src = _fill(ctx, ctx.rng.choice(_SOURCES))
    extra = ctx.rng.randint(1, 5)
    return (f"At least {ctx.dead} people were killed and {ctx.injured} injured {ctx.when()}, according to {src}. "
            f"The toll rose by {extra} on {ctx.day_name(-1)} after some of the wounded died in hospital in {ctx.town()}.")


def _p_background(ctx: _Ctx) -> str:
    year = ctx.rng.randint(1946, 1979)
    return _fill(ctx, f"{ctx.region[0].upper() + ctx.region[1:]} has been divided between {{A}} and {{B}} since {year}, "
                      f"and both claim it in full. The two neighbours have fought {{two|three|four}} {{wars|border wars|short wars}} "
                      f"over the territory, which is split by a heavily {{militarised|guarded}} {{line}}.")


def _p_mediator(ctx: _Ctx) -> str:
    return _fill(ctx, f"{{C}}'s {ctx.who('c_sec')} spoke by telephone with both {{foreign ministers|prime ministers}} "
                      f"{ctx.when()} and urged them to {{de-escalate|step back from the brink|work towards de-escalation|"
                      f"restore direct communication}}. {{C}} has offered to host talks at a neutral venue.")


def _p_un(ctx: _Ctx) -> str:
    return (f"{ctx.who('un')} called on both sides to exercise {ctx.q('maximum restraint')} and said that "
            f"{ctx.rng.choice(['the world cannot afford a military confrontation', 'civilians must be protected', 'any dispute should be resolved through dialogue'])}, "
            f"a spokesperson said {ctx.when()}.")


def _p_jets(ctx: _Ctx) -> str:
    k = ctx.rng.randint(2, 6)
    return _fill(ctx, f"{{B}} said its air defences had shot down {k} {{Adem}} {{jets|aircraft|drones}}, a claim {{A}} "
                      f"{{denied|rejected|called propaganda}}. {{Adem}} officials said all their {{pilots|aircraft}} had returned safely.")


def _p_civilian(ctx: _Ctx) -> str:
    civ = ctx.cast[ctx.rng.choice(["civ", "civ2"])]
    age = ctx.rng.randint(19, 78)
    q = ctx.q(ctx.rng.choice(_CIV_QUOTES) + ",")
    return f"{q} said {civ.first} {civ.last}, {age}, a {ctx.rng.choice(_OCCUPATIONS)} in {ctx.town()}. {civ.pron.capitalize()} said {_clause(ctx)}."


def _p_range(ctx: _Ctx) -> str:
    start = ctx.event - timedelta(days=ctx.rng.randint(3, 12))
    end = start + timedelta(days=ctx.rng.randint(2, 5))
    return _fill(ctx, f"{{Exchanges of fire|Clashes|Protests|Curfews}} continued from {_MONTHS[start.month - 1]} {start.day} "
                      f"to {_MONTHS[end.month - 1]} {end.day}, {{officials said|according to residents|the army said}}. "
                      f"The same day, officials said {_clause(ctx)}.")


def _p_last_month(ctx: _Ctx) -> str:
    return _fill(ctx, "The {crisis|escalation|confrontation} began last month, when {group} {killed|attacked} "
                      "{civilians|tourists|pilgrims|villagers} near {town}. {A} blamed {B}, which denied any involvement "
                      "and called the accusation {baseless|unfounded}.")


def _p_treaty(ctx: _Ctx) -> str:
    return _fill(ctx, "{A} has {suspended|held in abeyance} the {river} Waters Treaty, closed the crossing at {town} "
                      "and expelled {B}'s {military attaches|diplomats}. {B} said any attempt to stop the river's flow "
                      "would be {treated|considered} as an act of war.")


def _p_opposition(ctx: _Ctx) -> str:
    key = ctx.rng.choice(["a_opp", "b_opp"])
    return (f"{ctx.who(key)} {ctx.rng.choice(['criticised', 'questioned', 'welcomed', 'backed'])} the government's handling of the "
            f"crisis. {ctx.q(_quote_text(ctx.rng).rstrip('.') + ',')} {ctx.cast[key].pron} said.")


def _p_analyst(ctx: _Ctx) -> str:
    a = ctx.cast["analyst"]
    return (f"{ctx.q(ctx.rng.choice(_QUOTE_FREE).rstrip('.') + ',')} said {a.first} {a.last}, an analyst at "
            f"{ctx.rng.choice(_INSTITUTES)}. {a.pron.capitalize()} said {_clause(ctx)}.")


def _p_military(ctx: _Ctx) -> str:
    return _fill(ctx, "The {{Adem}|{Bdem}} {army|military} said in a statement that its troops had {responded|retaliated} "
                      "to {unprovoked|heavy} fire in the {town} sector, and that {k} {posts|positions} on the other side "
                      "had been {destroyed|hit}.")


def _p_economy(ctx: _Ctx) -> str:
    amount = ctx.rng.randint(40, 900)
    return _fill(ctx, f"Trade between {{A}} and {{B}}, worth about {amount} million {ctx.a[3]} a year, has been "
                      f"{{suspended|frozen}} since {ctx.day_name(ctx.rng.randint(4, 6))}, and flights between "
                      f"{{capA}} and {{capB}} have been {{halted|cancelled}}.")


def _p_closing(ctx: _Ctx) -> str:
    return _fill(ctx, "{A}'s foreign ministry did not respond to a request for comment. {The {Bdem} embassy in {capA}|"
                      "A spokesperson for the {Bdem} government} {declined to comment|said a statement would follow}.")


_BODY: list[Callable[[_Ctx], str]] = [
    _p_quote_split, _p_quote_after, _p_quote_colon, _p_quote_pronoun, _p_partial, _p_indirect,
    _p_dismiss, _p_according, _p_unnamed, _p_toll, _p_background, _p_mediator, _p_un, _p_jets,
    _p_civilian, _p_range, _p_last_month, _p_treaty, _p_opposition, _p_analyst, _p_military,
    _p_economy, _p_closing,
]

# ---------------------------------------------------------------- leads and titles
_TOPICS: list[tuple[list[str], str]] = [
    (["{dead} killed in {group_short} attack near {town}", "Gunmen kill {dead} near {town} in {region}",
      "{dead} dead, {injured} hurt as militants attack {town}", "{town} attack: {dead} killed, {Adem} leaders vow revenge"],
     "{Gunmen|Militants|Attackers} killed {dead} people and wounded {injured} in an attack on "
     "{tourists|villagers|a bus|a market|worshippers} near {town} in {region} {when}, {police|officials|hospital officials} said."),
    (["{A} launches Operation {op} against {B}", "Operation {op}: {A} strikes {k} sites in {B}",
      "{A} hits targets in {B}; {capB} says {dead} civilians killed"],
     "{A} carried out {missile|air|drone} strikes on {k} {sites|targets} in {B} {when} in what it called Operation {op}, "
     "saying it had hit only {\"terrorist infrastructure\"|militant camps}. {B} said {dead} civilians were killed."),
    (["Shelling across {line} kills {dead} in {town}", "{dead} civilians killed in {town} as guns roar along the {line}"],
     "Artillery {fire|shelling} across the {line} killed {dead} civilians and injured {injured} in {town} {when}, "
     "{according to local officials|the district administration said}, as {A} and {B} traded blame."),
    (["{A} and {B} agree ceasefire after {k} days of fighting", "Ceasefire between {A} and {B} holds in {town}",
      "{A}, {B} halt fighting after {C} push; {dead} dead in final day"],
     "{A} and {B} agreed {when} to a ceasefire on land, in the air and at sea, after {k} days of fighting, with {C} "
     "saying it had mediated and {A} insisting the talks had been direct."),
    (["{B} offers talks on {region}; {A} rejects mediation", "{A} \"categorically\" rejects {C} mediation offer"],
     "{B} said {when} it was ready for talks with {A} \"anywhere, at any level\", but {A} said it had "
     "categorically rejected third-party mediation and would discuss nothing while the camps remained open."),
    (["{A} suspends {river} treaty, expels {B} diplomats", "{A} closes {town} crossing with {B} after attack"],
     "{A} said {when} it would suspend the {river} Waters Treaty with {B}, close the border crossing at {town} "
     "and expel {B}'s military attaches, a day after an attack it blamed on {group}."),
    (["{B} denies {A} claims over {town} attack", "{B} rejects {Adem} accusation it fosters terrorism in {region}"],
     "{B} {when} rejected as \"baseless\" {A}'s accusation that it fosters terrorism, and said it was ready to take part "
     "in a neutral investigation into the attack near {town}."),
    (["{C} urges {A} and {B} to de-escalate over {region}", "UN chief calls for restraint as {A}-{B} tensions rise over {town}"],
     "{C} and the United Nations urged {A} and {B} {when} to de-escalate, as exchanges of fire along the {line} "
     "entered a {second|third|fourth} week and both sides moved troops towards {region}."),
    (["{n} protest in {capA} over {region}", "Protesters march in {capB} against {A} strikes on {town}"],
     "Thousands of people marched through {capA|capB} {when} to protest against the {strikes|killings|crackdown} in "
     "{region}, {police|organisers|witnesses} said, in one of the largest demonstrations in years."),
    (["Aid reaches {n} displaced families in {region}", "{C} sends aid as thousands flee {town}"],
     "{C} sent {k} planeloads of food and medicine to {region} {when}, where {n} people have fled their homes "
     "since the fighting began, according to aid agencies."),
]


def _fill_lead(ctx: _Ctx, s: str) -> str:
    rng = ctx.rng
    s = s.replace("{capA|capB}", rng.choice(["{capA}", "{capB}"]))
    s = s.replace('{"terrorist infrastructure"|militant camps}',
                  rng.choice([ctx.q("terrorist infrastructure"), "militant camps"]))
    s = s.replace("{dead}", str(ctx.dead)).replace("{injured}", str(ctx.injured))
    s = s.replace("{when}", ctx.when()).replace("{town}", ctx.towns[0])
    s = s.replace("{group_short}", ctx.group.removeprefix("the "))
    return _fill(ctx, s)


def _dateline(ctx: _Ctx, style: str, outlet: str) -> str:
    city = ctx.rng.choice([ctx.a[2], ctx.b[2], ctx.town()])
    month, day = _MONTHS[ctx.pub.month - 1], ctx.pub.day
    if style == "wire":
        tag = "".join(w[0] for w in outlet.split() if w[0].isupper())
        return f"{city.upper()}, {month} {day} ({tag}) — "
    if style == "caps_colon":
        return f"{city.upper()}: "
    if style == "full_colon":
        return f"{city}, {month} {day}, {ctx.pub.year}: "
    if style == "full_dash":
        return f"{city}, {month} {day}, {ctx.pub.year} — "
    if style == "caps_date_colon":
        return f"{city.upper()}, {month} {day}: "
    if style == "broadcaster":
        tag = "".join(w[0] for w in outlet.split() if w[0].isupper())
        return f"{city.upper()} ({tag}) – "
    return f"{city.upper()} — "


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70]


def _article(seed: int, i: int) -> dict:
    rng = random.Random((seed << 40) ^ (i * 2654435761) ^ 0x5EED)
    a, b, c = rng.sample(_COUNTRIES, 3)
    name, domain, style, curly = rng.choice(_OUTLETS)
    pub = datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=3))) + timedelta(
        days=rng.randint(0, 364), hours=rng.randint(5, 23), minutes=rng.choice(range(0, 60, 5)))
    towns = [rng.choice(_TOWN_A) + rng.choice(_TOWN_B) for _ in range(4)]
    ctx = _Ctx(rng=rng, a=a, b=b, c=c, cast=_cast(rng, seed, a[0], b[0], c[0]), region=rng.choice(_REGIONS),
               group=rng.choice(_GROUPS), river=rng.choice(_RIVERS), line=rng.choice(_LINES),
               operation=f"{rng.choice(_OP_A)} {rng.choice(_OP_B)}", towns=towns, pub=pub,
               event=pub - timedelta(days=rng.randint(0, 2)), dead=rng.randint(3, 60),
               injured=rng.randint(5, 120), curly=curly, mentioned=set())
    ctx.fixed = {"A": a[0], "B": b[0], "C": c[0], "Adem": a[1], "Bdem": b[1], "capA": a[2],
                 "capB": b[2], "region": ctx.region, "group": ctx.group, "river": ctx.river,
                 "line": ctx.line, "op": ctx.operation}
    titles, lead = rng.choice(_TOPICS)
    title = _fill_lead(ctx, rng.choice(titles))
    paras = [_dateline(ctx, style, name) + _fill_lead(ctx, lead)]
    n_paras = rng.randint(MIN_PARAS, MAX_PARAS)
    target = rng.randint(MIN_WORDS + 30, MAX_WORDS - 40)
    pool = rng.sample(_BODY, len(_BODY))
    while len(paras) < n_paras:
        paras.append(pool[len(paras) % len(pool)](ctx))
    # Grow or shrink towards the target length, staying within the paragraph bounds.
    counts = [len(p.split()) for p in paras]
    total = sum(counts)
    while total < target:
        j = rng.randrange(1, len(paras))
        if len(paras) < MAX_PARAS and rng.random() < 0.25:
            paras.append(pool[len(paras) % len(pool)](ctx))
            added = len(paras[-1].split())
            counts.append(added)
        elif counts[j] < 90:
            cl = _clause(ctx)
            extra = (f"{_fill(ctx, rng.choice(_UNNAMED))} {cl}." if rng.random() < 0.6
                     else f"According to {_fill(ctx, rng.choice(_SOURCES))}, {cl}.")
            paras[j] += " " + extra
            added = len(extra.split())
            counts[j] += added
        elif len(paras) < MAX_PARAS:
            paras.append(rng.choice(_BODY)(ctx))
            added = len(paras[-1].split())
            counts.append(added)
        else:
            continue
        total += added
    while total > MAX_WORDS - 10 and len(paras) > MIN_PARAS:
        j = rng.randrange(1, len(paras))
        paras.pop(j)
        total -= counts.pop(j)
    while total > MAX_WORDS - 10:  # still long: cut the longest paragraph's last sentence
        j = max(range(1, len(paras)), key=counts.__getitem__)
        cut = paras[j].rfind(". ", 0, len(paras[j]) - 2)
        paras[j] = paras[j][: cut + 1] if cut > 0 else " ".join(paras[j].split()[: counts[j] // 2]) + "."
        total -= counts[j]
        counts[j] = len(paras[j].split())
        total += counts[j]
    paras = [_SENT_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), p) for p in paras]
    author = "" if style == "broadcaster" else _person(rng, "").first + " " + rng.choice(_SUR_A) + rng.choice(_SUR_B)
    section = rng.choice(_SECTIONS)
    url = f"https://www.{domain}/{section}/{pub:%Y/%m/%d}/{_slug(title)}-s{seed}n{i}"
    return {"title": title, "text": "\n\n".join(paras), "url": url, "outlet": name,
            "author": author or f"{name} News Desk", "published": pub.isoformat()}


def generate_articles(n: int, seed: int = 0) -> Iterator[dict]:
    """``n`` synthetic articles, deterministic for ``seed``."""
    for i in range(n):
        yield _article(seed, i)


# ---------------------------------------------------------------- wire copies
def _swap(tok: str, rng: random.Random) -> str | None:
    m = _WORD_RE.match(tok)
    if not m:
        return None
    pre, word, post = m.groups()
    options = _SYN.get(word.lower())
    if not options:
        return None
    new = rng.choice(options)
    if word[0].isupper():
        new = new[0].upper() + new[1:]
    return pre + new + post


def wire_variant(text: str, frac: float, rng: random.Random) -> str:
    """A reprint of ``text`` with about ``frac`` of its words changed.

    Edits are the ones subeditors make to wire copy: synonym swaps, a dropped or inserted
    adverb, and now and then a trimmed sentence. ``frac`` is measured as difflib measures
    it (``1 - SequenceMatcher(words_a, words_b).ratio()``): a swap costs one word, a
    deletion or insertion half a word. Paragraph breaks are kept.
    """
    paras = [p.split(" ") for p in text.split("\n\n")]
    total = sum(len(p) for p in paras)
    budget = frac * total
    cost = 0.0
    # Trim one sentence (the last of a multi-sentence paragraph) if it fits in half the budget.
    if rng.random() < 0.5 and budget >= 6:
        cands = []
        for pi, p in enumerate(paras):
            ends = [k for k, t in enumerate(p[:-1]) if t.endswith((".", ".\"", ".”"))]
            if ends:
                cands.append((pi, ends[-1]))
        rng.shuffle(cands)
        for pi, k in cands:
            removed = len(paras[pi]) - (k + 1)
            if removed / 2 <= budget * 0.5:
                paras[pi] = paras[pi][: k + 1]
                cost += removed / 2
                break
    slots = [(pi, k) for pi, p in enumerate(paras) for k in range(len(p))]
    rng.shuffle(slots)
    touched: set[tuple[int, int]] = set()
    inserts: list[tuple[int, int, str]] = []
    for pi, k in slots:
        if cost >= budget:
            break
        tok = paras[pi][k]
        new = _swap(tok, rng)
        if new is not None:
            paras[pi][k] = new
            touched.add((pi, k))
            cost += 1
            continue
        low = tok.lower()
        if low in _DROPPABLE and budget - cost >= 0.5:
            paras[pi][k] = ""
            cost += 0.5
        elif low in _AUX and rng.random() < 0.3 and budget - cost >= 0.5:
            inserts.append((pi, k, rng.choice(_FILLERS)))
            cost += 0.5
    for pi, k, word in sorted(inserts, reverse=True):
        paras[pi].insert(k + 1, word)
    return "\n\n".join(" ".join(t for t in p if t) for p in paras)


def write_jsonl(path: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` generated articles to ``path`` as JSON Lines and return ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for art in generate_articles(n, seed):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3) or not args[0].isdigit():
        print("usage: python -m chronicler.synth N OUT.jsonl [SEED]", file=sys.stderr)
        return 2
    seed = int(args[2]) if len(args) == 3 else 0
    out = write_jsonl(Path(args[1]), int(args[0]), seed)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
