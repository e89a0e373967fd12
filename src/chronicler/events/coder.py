"""The event coding stage: every sentence's PLOVER events, with evidence.

    python -m chronicler.events.coder "India launched Operation Sindoor on May 7."

For each sentence, tokens whose lemma starts a pattern (``data/events/*.toml``) become
candidates; each candidate gets its clause heads (the trigger, and the light verb
that carries a noun trigger), its arguments (``roles``), its modes (``modes``), a
date, a place, a size and an operation; candidates of one type in one sentence that
agree on who did what to whom are one event.

Choices the data does not settle (see also data/events/README.md):

* **Dates.** The TimeExpr of the sentence attached to the event (its words hang on
  the trigger or its light verb, or sit inside a noun trigger: "the April 22 attack");
  else the nearest earlier day-precision TimeExpr in the same paragraph; else None.
  The publication date is never used silently: an undated event stays undated.
* **Main dyad.** The two countries the article's actor mentions name most (state
  actors only). A ceasefire or reciprocal event with no named parties has both as
  actors; an ASSAULT, SANCTION or THREATEN by one side with no named target has the
  other as recipient; a SANCTION with no actor (passive: "attaches were declared
  persona non grata") has the other side of its recipient, else the reporter's
  country.
* **Bare nouns.** A noun trigger with no argument, date, place, count or light verb
  ("the attack", again) refers to an event already coded and codes nothing.
* **Reported events.** An event under a report cue gets ``reported_by`` (the cue's
  speaker); a cue that accuses ("claims", "alleged") is also an ACCUSE event by the
  speaker against the reported event's actor when that is someone else; a denial cue
  negates the events it reports.
* **Complements.** What a REQUEST, THREATEN or AGREE asks, threatens or agrees to
  ("urged both sides to de-escalate") is part of that event, not an event of its own.
* **Historical.** Past perfect outside reported speech, or a date more than 30 days
  before publication.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronicler.events.modes import (
    Aux,
    infinitive,
    phrase_tokens,
    Report,
    auxiliary,
    cameo_of,
    clause_tokens,
    find_report,
    lemma_set,
    plover_modes,
    score_of,
)
from chronicler.events.operations import OperationMention, find_operations
from chronicler.events.patterns import Lexicon, TriggerRule, TypeSpec, load_lexicon
from chronicler.events.roles import (
    Arg,
    ArgResolver,
    agents,
    children,
    conjuncts,
    governor,
    is_passive,
    prep_objects,
    reciprocal_phrase,
    subjects,
    word_before,
)
from chronicler.nlp.actor_titles import headline_ranges
from chronicler.nlp.stages import ArticleContext, Stage, State, register
from chronicler.records import (
    Actor,
    Count,
    Event,
    EventActor,
    Evidence,
    Location,
    Mention,
    Place,
    Size,
    Speaker,
    TimeExpr,
    content_id,
)

STAGE_NAME = "chronicler.events.v1"
# Prepositions that give a verb's recipient besides on/against/at (data: target_preps).
EXTRA_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with",), "COOPERATE": ("with",), "REJECT": ("with",), "AGREE": ("with",),
    "REQUEST": ("with", "to", "for"), "SANCTION": ("to", "for"), "SUPPORT": ("to", "for"),
    "AID": ("to", "for"), "ACCUSE": ("on",),
}
NOUN_EXTRA_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("of", "for", "to"), "SANCTION": ("of", "for", "to"), "COERCE": ("of", "for", "to"),
    "SUPPORT": ("of", "for", "to"), "AID": ("of", "for", "to"), "ACCUSE": ("against",),
}
# A light verb's own prepositional target ("launched strikes on X"); "took place at X" is
# where, not whom.
LIGHT_TARGET_PREPS = frozenset({"on", "against", "targeting", "upon"})
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
KILL_VERBS = frozenset({"kill", "claim", "die", "martyr", "slay", "perish", "lose", "murder",
                        "massacre", "shoot", "gun", "leave"})
DEAD_WORDS = frozenset({"dead", "death", "deaths", "killed", "lives", "life", "bodies",
                        "fatalities", "martyrs", "martyred", "casualties", "toll"})
HURT_VERBS = frozenset({"injure", "wound", "hurt", "maim"})
HURT_WORDS = frozenset({"injured", "wounded", "injuries", "hurt"})
VICTIM_CVL = frozenset({"civilian", "civilians", "tourist", "tourists", "people", "person",
                        "villager", "villagers", "resident", "residents", "pilgrim",
                        "pilgrims", "children", "women", "lives", "visitors"})
HISTORICAL_DAYS = 30
GENERIC_MODIFIERS = frozenset({"future", "possible", "potential", "any", "further", "new",
                               "hypothetical"})
# What a denial rejects when it rejects an accusation: the REJECT answers the accuser.
CLAIM_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "insinuation",
                         "suggestion", "report", "assertion", "narrative", "propaganda"})
# "VARSK, March 11 (CPA) — ", "Tirvan, March 12, 2025 — ", "Bhubaneswar, June 5, 2025: "
DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'\u2019 /-]{1,30}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)]{1,30}\))?\s*[\u2014\u2013:-]\s")


# ------------------------------------------------------------------ article index
@dataclass
class ArticleIndex:
    """What the coder looks up per sentence, built once per article."""

    doc: Doc
    ctx: ArticleContext
    lex: Lexicon
    sents: list[Span]
    sent_starts: list[int]
    para_starts: list[int]
    times: list[tuple[TimeExpr, int, int]]  # (time, first token, last token)
    time_at: dict[int, TimeExpr]
    places: list[tuple[Place, int, int]]
    counts: list[tuple[Count, int, int]]
    operations: list[OperationMention]
    op_at: dict[int, tuple[str, str | None]]
    resolver: ArgResolver
    dyad: tuple[str, ...]
    country_places: set[int] = field(default_factory=set)  # place tokens naming a country
    seg_starts: list[int] = field(default_factory=list)
    last_operation: tuple[str | None, EventActor] | None = None  # "the operation" later
    # ACCUSE events so far: (segment index, trigger index, actors, event id)
    accusations: list[tuple[int, int, list[EventActor], str]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # REJECT id -> the ACCUSE it answers
    dateline_end: int = 0  # tokens before this index are the dateline ("VARSK, April 2 —")

    def __post_init__(self) -> None:
        self.seg_starts = [s.start for s in self.sents]

    def segment_of(self, i: int) -> tuple[int, int] | None:
        """Token range of the segment holding token ``i``."""
        k = bisect.bisect_right(self.seg_starts, i) - 1
        if k < 0:
            return None
        return self.sents[k].start, self.sents[k].end

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def paragraph_start(self, char: int) -> int:
        i = bisect.bisect_right(self.para_starts, char) - 1
        return self.para_starts[i] if i >= 0 else 0


def _token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp.start, sp.end - 1


def main_dyad(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The two states the article's mentions name most (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        c = m.country
        if c and len(c) == 3 and c.isupper() and c not in NON_STATE:
            counts[c] += 1
            first.setdefault(c, m.span[0])
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return tuple(ranked[:2])


def segments(doc: Doc) -> list[Span]:
    """The parser's sentences, cut again at line breaks: a headline or subheading the
    parser glued to the next sentence is a sentence of its own."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    out.append(doc[start:t.i])
                start = t.i + 1
            elif "\n" in t.whitespace_:
                out.append(doc[start:t.i + 1])
                start = t.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [s for s in out if not all(t.is_space or t.is_punct for t in s)]


def build_index(doc: Doc, ctx: ArticleContext, state: State, lex: Lexicon) -> ArticleIndex:
    text = doc.text
    # Subheadings ("India Denies Strikes on Civilian Targets") restate the paragraph
    # below them in a title-case parse the model gets wrong; they code nothing.
    heads = headline_ranges(text)
    sents = [s for s in segments(doc)
             if not any(a <= s.start_char and s.end_char <= b + 1 for a, b in heads)]
    para_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    times, time_at = [], {}
    for t in state.get("times", []):
        r = _token_range(doc, t.span)
        if r is not None and t.date is not None:
            times.append((t, r[0], r[1]))
            for i in range(r[0], r[1] + 1):
                time_at[i] = t
    places = []
    for p in state.get("places", []):
        r = _token_range(doc, p.span)
        if r is not None:
            places.append((p, r[0], r[1]))
    counts = []
    for c in state.get("counts", []):
        r = _token_range(doc, c.span)
        if r is not None:
            counts.append((c, r[0], r[1]))
    ops = find_operations(text, lex)
    op_at: dict[int, tuple[str, str | None]] = {}
    for o in ops:
        r = _token_range(doc, (o.start, o.end))
        if r is not None:
            for i in range(r[0], r[1] + 1):
                op_at[i] = (o.name, o.country)
    mentions: list[Mention] = state.get("mentions", [])
    actors: list[Actor] = state.get("actors", [])
    # Optional: the quotes stage, when it ran before us. "we" in a direct quote is the
    # speaker's side, and an event quoted is reported by the speaker.
    quote_speaker: dict[int, Speaker] = {}  # any quote: who reports what it holds
    direct_speaker: dict[int, Speaker] = {}  # direct quotes: whose "we" and "they"
    for q in state.get("quotes", []):
        if q.speaker is None:
            continue
        r = _token_range(doc, q.span)
        if r is not None:
            for i in range(r[0], r[1] + 1):
                quote_speaker.setdefault(i, q.speaker)
                if q.kind == "direct":
                    direct_speaker.setdefault(i, q.speaker)
    resolver = ArgResolver(doc, mentions, actors, [p for p, _, _ in places], lex, op_at,
                           direct_speaker)
    resolver.any_quote_speaker = quote_speaker
    country_ids = {a.id for a in actors if a.type == "COUNTRY"}
    country_places: set[int] = set()
    for m in mentions:
        if m.actor_id in country_ids:
            r = _token_range(doc, m.span)
            if r is not None:
                country_places.update(range(r[0], r[1] + 1))
    m = DATELINE.match(text)
    dateline_end = 0
    if m is not None:
        sp = doc.char_span(0, m.end(), alignment_mode="expand")
        dateline_end = sp.end if sp is not None else 0
    times = [x for x in times if x[1] >= dateline_end]
    return ArticleIndex(doc=doc, ctx=ctx, lex=lex, sents=sents, dateline_end=dateline_end,
                        sent_starts=[s.start_char for s in sents], para_starts=para_starts,
                        times=times, time_at=time_at, places=places, counts=counts,
                        operations=ops, op_at=op_at, resolver=resolver,
                        dyad=main_dyad(mentions), country_places=country_places)


# ------------------------------------------------------------------ candidates
@dataclass
class Candidate:
    rule: TriggerRule
    spec: TypeSpec
    trigger: Token
    heads: list[Token]
    light: Token | None
    actors: list[EventActor] = field(default_factory=list)
    recipients: list[EventActor] = field(default_factory=list)
    arg_tokens: set[int] = field(default_factory=set)
    reciprocal: bool = False
    between: list[EventActor] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    aux: Aux = field(default_factory=Aux)
    report: Report | None = None
    reported_by: EventActor | None = None
    time: TimeExpr | None = None
    time_attached: bool = False
    place: Place | None = None
    size: Size | None = None
    operation: str | None = None
    contexts: set[str] = field(default_factory=set)
    extra: list[Token] = field(default_factory=list)  # tokens of merged candidates
    rejects_claim: bool = False  # a REJECT of an accusation ("dismissed the accusations")

    @property
    def nominal(self) -> bool:
        return self.trigger.pos_ in ("NOUN", "PROPN")


def _scope_words(scope: str, trig: Token, heads: Sequence[Token], sent: Span) -> set[str]:
    if scope == "children":
        out = lemma_set(list(trig.children))
        out |= {f"dep:{c.dep_}" for c in trig.children}
        for c in trig.children:  # "called on X": the particle or preposition counts
            if c.dep_ in ("prep", "prt", "agent"):
                out.add(c.lower_)
        return out
    if scope == "subtree":
        return lemma_set(list(trig.subtree))
    if scope == "sentence":
        return lemma_set(list(sent))
    if scope == "object":
        toks: list[Token] = []
        for h in heads:
            for c in h.children:
                if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "dative"):
                    toks += list(c.subtree)
                elif c.dep_ in ("prep", "agent") and c.lower_ != "by":
                    toks += list(c.subtree)
        return lemma_set(toks)
    if scope == "around":
        toks = list(trig.children)
        h = trig.head
        for _ in range(3):
            toks.append(h)
            if h.pos_ not in ("ADP",) or h.head.i == h.i:
                break
            h = h.head
        for hh in heads:
            toks.append(hh)
        return lemma_set(toks)
    return lemma_set(clause_tokens(heads))


def _matches(rule: TriggerRule, tok: Token, sent: Span, heads: list[Token]) -> bool:
    if tok.pos_ not in rule.pos:
        return False
    if not rule.nominal and tok.dep_ in ("amod", "compound", "nmod", "npadvmod"):
        return False  # an adjectival participle: "Pakistan-backed groups", "terror-linked"
    if tok.tag_ in ("VBG", "VB") and tok.dep_ in ("csubj", "csubjpass", "nsubj"):
        return False  # "targeting civilians is unacceptable": no event, a principle
    if rule.nominal and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # a noun modifying a noun: "ceasefire talks", "operations chiefs"
    if not rule.nominal and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
            c.dep_ == "det" for c in tok.children):
        return False  # a participle used as a noun: "visited the injured"
    if rule.nominal and not rule.standalone and any(
            c.dep_ in ("amod", "det") and c.lower_ in GENERIC_MODIFIERS for c in tok.children):
        return False  # "future attacks", "any attack": no event that happened
    if rule.particle:
        parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "prep")}
        if not parts & rule.particle:
            return False
    if rule.unless_head:
        h = tok.head
        hs = {h.lemma_.lower(), h.lower_}
        if h.pos_ == "ADP" and h.head.i != h.i:
            hs |= {h.head.lemma_.lower()}
        if hs & rule.unless_head and h.i != tok.i:
            return False
    if rule.requires and not (_scope_words(rule.requires_scope, tok, heads, sent)
                              & rule.requires):
        return False
    if rule.unless and (_scope_words(rule.unless_scope, tok, heads, sent) & rule.unless):
        return False
    return True


def _heads(tok: Token, lex: Lexicon, nominal: bool) -> tuple[list[Token], Token | None]:
    if nominal or tok.pos_ == "ADJ":
        if tok.pos_ == "ADJ":
            h = tok.head
            return ([tok, h] if h.pos_ in ("VERB", "AUX") and h.i != tok.i else [tok]), None
        g = governor(tok, lex)
        return ([tok, g] if g is not None else [tok]), g
    heads = [tok]
    # "used jets, drones and missiles to hit": the using verb is part of the event
    if tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in ("use", "employ"):
        heads.append(tok.head)
    return heads, None


def _candidates(sent: Span, ix: ArticleIndex) -> list[Candidate]:
    lex = ix.lex
    out: list[Candidate] = []
    for tok in sent:
        if tok.i < ix.dateline_end or tok.i in ix.time_at:
            continue  # "VARSK, March 11 —": no march
        keys = {tok.lemma_.lower(), tok.lower_}
        seen_types: set[str] = set()
        for key in keys:
            for rule in lex.rules_for(key):
                if rule.type in seen_types:
                    continue
                if rule.id == "assault.operation" and tok.i in ix.op_at:
                    continue  # a named operation has its own candidate below
                nominal = rule.nominal
                heads, light = _heads(tok, lex, nominal)
                if not _matches(rule, tok, sent, heads):
                    continue
                seen_types.add(rule.type)
                out.append(Candidate(rule=rule, spec=lex.types[rule.type], trigger=tok,
                                     heads=heads, light=light))
        # "launched Operation Sindoor": the operation's root token under a launching verb
        if tok.i in ix.op_at and "ASSAULT" not in seen_types:
            cand = _operation_candidate(tok, ix)
            if cand is not None:
                out.append(cand)
    return out


def _operation_candidate(tok: Token, ix: ArticleIndex) -> Candidate | None:
    lex = ix.lex
    if tok.head.i in ix.op_at and tok.head.i != tok.i:
        return None  # not the root of the operation's name
    h = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "pobj", "appos") and h.lemma_.lower() == "of" \
            and h.head.lemma_.lower() in ("launch", "initiation"):
        h = h.head
    verb = h if h.pos_ in ("VERB", "AUX", "NOUN") else None
    light = None
    if verb is not None and verb.lemma_.lower() in lex.operation_light_verbs:
        light = verb
    else:
        # "Operation Sindoor conducted by the Indian Armed Forces", "launched from May 7"
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in lex.operation_light_verbs:
                light = c
    if light is None:
        return None
    rule = TriggerRule(id="assault.operation.named", type="ASSAULT",
                       pos=frozenset({"NOUN", "PROPN"}), lemmas=frozenset({tok.lemma_.lower()}),
                       standalone=True)
    if light.pos_ == "NOUN":  # "the launch of Operation X" carried by "announced"
        g = governor(light, lex) or (light.head if light.head.pos_ in ("VERB", "AUX") else None)
        heads = [tok, light] + ([g] if g is not None else [])
        return Candidate(rule=rule, spec=lex.types["ASSAULT"], trigger=tok, heads=heads,
                         light=g or light)
    return Candidate(rule=rule, spec=lex.types["ASSAULT"], trigger=tok, heads=[tok, light],
                     light=light)


# ------------------------------------------------------------------ arguments
def _args(c: Candidate, ix: ArticleIndex) -> bool:
    """Fill actors and recipients; True when the parse named any argument.

    Each role has groups of candidate tokens in order of preference (``roles`` module
    docstring); the first group that resolves to someone wins. A recipient that is the
    actor itself ("closed its airspace to Merovian airlines") is skipped."""
    lex, res = ix.lex, ix.resolver
    tok = c.trigger
    t = c.spec.type
    actor_groups: list[list[Token]] = []
    recip_groups: list[list[Token]] = []
    verb: Token | None = None
    if tok.pos_ == "ADJ":
        h = c.heads[-1]
        actor_groups.append(subjects(h) if h.i != tok.i else [])
        recip_groups.append([o for x in clause_tokens([tok])
                             for o in prep_objects(x, ("with",))])
    elif not c.nominal:
        verb = tok
        if is_passive(verb):
            actor_groups.append(agents(verb))
            recip_groups.append([x for s in children(verb, ("nsubjpass",))
                                 for x in conjuncts(s)])
        elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not children(verb, ("nsubj",)):
            # "the 24 people killed at ...": the noun is the one it happened to
            actor_groups.append(agents(verb))
            recip_groups.append(conjuncts(verb.head))
        else:
            actor_groups.append(subjects(verb))
            if t == "REQUEST" and tok.lemma_.lower() == "call":
                recip_groups.append(prep_objects(tok, ("on", "upon")))
            recip_groups.append([x for o in children(verb, ("dobj", "dative"))
                                 for x in conjuncts(o)])
        preps = set(lex.target_preps) | set(EXTRA_PREPS.get(t, ()))
        recip_groups.append(prep_objects(verb, preps))
        if t in ("CONSULT", "COOPERATE", "REQUEST", "REJECT", "CONCEDE"):
            # "offered to hold talks with India"
            recip_groups.append([o for x in clause_tokens([verb]) if x.i != verb.i
                                 and x.pos_ in ("NOUN", "VERB")
                                 for o in prep_objects(x, ("with",))])
    else:
        own: list[Token] = []
        for ch in tok.children:
            if ch.dep_ == "poss":
                own += conjuncts(ch)
            elif ch.dep_ in ("amod", "compound", "nmod") and ch.i in res.mention_tokens:
                own.append(ch)
        own += prep_objects(tok, ("by",))
        if t == "ASSAULT":
            own += prep_objects(tok, ("from",))
        actor_groups.append(own)
        recip_groups.append(prep_objects(tok, lex.target_preps))
        extra = list(NOUN_EXTRA_PREPS.get(t, ()))
        if extra:
            recip_groups.append(prep_objects(tok, extra))
        if t in ("CONSULT", "COOPERATE", "REQUEST", "REJECT"):
            recip_groups.append([o for x in phrase_tokens(tok) if x.i != tok.i
                                 and x.pos_ in ("NOUN", "VERB")
                                 for o in prep_objects(x, ("with",))])  # "offer of talks with"
        if t == "CONSULT":  # "a visit to Russia" (a country or actor, not a province)
            recip_groups.append([o for o in prep_objects(tok, ("to",))
                                 if o.i in res.mention_tokens])
        light = c.light
        if light is not None:
            if is_passive(light):
                actor_groups.append(agents(light))
            else:
                actor_groups.append([x for x in subjects(light) if x.i != tok.i])
            recip_groups.append(prep_objects(light, LIGHT_TARGET_PREPS |
                                             ({"to"} if t == "SANCTION" else set())))
        # "Operation Sindoor" with no one launching it, or "Operation Sindoor — a mission
        # launched ...": its owner
        near = [tok, *tok.children]
        if tok.dep_ == "appos":  # "India's Operation Sindoor — a mission launched ..."
            j = tok.left_edge.i - 1
            while j > 0 and (ix.doc[j].is_punct or ix.doc[j].is_space):
                j -= 1
            near += [tok.head, ix.doc[j]]
        actor_groups.append([x for x in near if x.i in ix.op_at and ix.op_at[x.i][1]][:1])
        if t == "ASSAULT":  # "attacks on three airbases by Indian missiles" (by misattached)
            actor_groups.append([o for x in phrase_tokens(tok) if x.i != tok.i
                                 for o in prep_objects(x, ("by",))])
    if t == "ACCUSE":  # "the allegation that Kaldoria fosters terrorism"
        recip_groups.append([x for ch in tok.children if ch.dep_ in ("ccomp", "acl")
                             and ch.pos_ in ("VERB", "AUX") for x in subjects(ch)])
    if t == "ASSAULT":  # an attack "in Afghanistan" with no other target: that country
        recip_groups.append([o for h in c.heads for o in prep_objects(h, ("in", "inside", "into"))
                             if o.i in ix.country_places])
    # "between India and Pakistan"
    between = prep_objects(tok, ("between",))
    if c.light is not None:
        between += prep_objects(c.light, ("between",))
    for o in between:
        if reciprocal_phrase(o, lex):
            c.reciprocal = True
            continue
        a = res.resolve(o)
        if a is not None and a.country:
            c.between.append(a)
    lo, hi = c.trigger.sent.start, c.trigger.sent.end
    seg = ix.segment_of(c.trigger.i)
    if seg is not None:
        lo, hi = seg
    lo = max(lo, ix.dateline_end)

    def usable(x: Token) -> bool:
        return lo <= x.i < hi

    # The parser makes the dateline the subject ("Tirvan, March 12 — Kaldoria on
    # Wednesday rejected": Kaldoria an apposition of Tirvan): its appositive stands in.
    def past_dateline(group: list[Token]) -> list[Token]:
        out: list[Token] = []
        for x in group:
            if x.i < ix.dateline_end:
                out += [y for a in x.children if a.dep_ == "appos" and a.i >= ix.dateline_end
                        for y in conjuncts(a)]
            else:
                out.append(x)
        return out

    actor_groups = [past_dateline(g) for g in actor_groups]
    recip_groups = [past_dateline(g) for g in recip_groups]

    # "both sides" as the subject, or "reciprocal"/"exchange": both sides did it; "urged
    # both countries": both are recipients
    if any(reciprocal_phrase(x, lex) for g in actor_groups[:1] for x in g if usable(x)):
        c.reciprocal = True
    if lemma_set([tok, *tok.children, *([c.light] if c.light else [])]) & lex.reciprocal:
        c.reciprocal = True
    both_recipients = any(reciprocal_phrase(x, lex) for g in recip_groups for x in g
                          if usable(x))
    explicit = False
    for group in actor_groups:
        found = [a for a in res.resolve_all(x for x in group if usable(x)
                                            and not reciprocal_phrase(x, lex))]
        if found:
            c.actors = [a.actor for a in found]
            c.arg_tokens.update(a.token for a in found)
            explicit = True
            break
    carrier = verb if verb is not None else c.light
    if not c.actors and carrier is not None and carrier.pos_ in ("VERB", "AUX"):
        w = word_before(carrier)
        if w is not None and usable(w):
            a = res.resolve(w)
            if a is not None:
                c.actors = [a]
                c.arg_tokens.add(w.i)
                explicit = True
    acts = _countries(c.actors)
    # "rejected any suggestion of [X]'s involvement", "welcome help from [the UN]"
    descend = t not in ("REJECT", "ACCUSE", "SUPPORT")
    for group in recip_groups:
        found = []
        for x in group:
            if not usable(x) or reciprocal_phrase(x, lex):
                continue
            a = res.resolve(x, descend=descend)
            if a is None or any(_same(a, b) for b in c.actors):
                continue
            if a.country and a.country in acts and not c.reciprocal:
                continue  # "closed its airspace": the actor's own
            if x.i in res.place_at and x.i not in res.mention_tokens and \
                    x.head.lower_ in ("at", "in", "near", "across", "along"):
                continue  # "killed at Sellin Meadow": where, not whom
            if x.i not in res.mention_tokens and res.sector_noun(x) is None and any(
                    ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in x.children) and not any(
                    ch.i in res.mention_tokens for ch in x.children if ch.dep_ != "poss"):
                continue  # "offered his good offices": the actor's own thing
            found.append(Arg(a, x.i))
        if found:
            c.recipients = [a.actor for a in found]
            c.arg_tokens.update(a.token for a in found)
            explicit = True
            break
    if t == "ACCUSE" and not c.recipients and c.actors and len(ix.dyad) == 2:
        # "called the strikes an act of war": the accused is whoever struck, the other side
        objs = [x for g in recip_groups[:2] for x in g]
        if any(lex.rules_for(x.lemma_.lower()) and any(r.type == "ASSAULT" and r.nominal
                                                       for r in lex.rules_for(x.lemma_.lower()))
               for x in objs) and len(acts & set(ix.dyad)) == 1:
            other = ix.dyad[1] if ix.dyad[0] in acts else ix.dyad[0]
            c.recipients = [res.country_actor(other)]
            explicit = True
    if t == "REJECT":
        objs = [x for g in recip_groups[:2] for x in g] + [
            x for ch in tok.children if ch.dep_ == "ccomp" for x in [ch]]
        c.rejects_claim = any(x.lemma_.lower() in CLAIM_NOUNS or x.dep_ == "ccomp"
                              for x in objs)
        if c.rejects_claim and not c.recipients:
            # "Asked about Kaldorian claims that ..., Velic dismissed the reports": the
            # claimant named in the sentence
            for x in tok.sent:
                if x.lemma_.lower() in CLAIM_NOUNS and usable(x):
                    for m in x.children:
                        if m.dep_ in ("poss", "amod", "compound") and m.i in res.mention_tokens:
                            a = res.resolve(m)
                            if a is not None and a.country and a.country not in acts:
                                c.recipients = [a]
                                break
                if c.recipients:
                    break
    if both_recipients and not c.recipients and len(ix.dyad) == 2:
        c.recipients = [res.country_actor(ix.dyad[0], "GOV"),
                        res.country_actor(ix.dyad[1], "GOV")]
        c.recipients = [r for r in c.recipients if r.country not in acts] or c.recipients
        explicit = True
    return explicit or bool(c.between) or c.reciprocal


def _same(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id and a.sector == b.sector
    return (a.name, a.country) == (b.name, b.country)


def _countries(actors: Sequence[EventActor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _infer(c: Candidate, ix: ArticleIndex) -> None:
    """Dyad rules of the module docstring, applied after the parse found what it could."""
    res = ix.resolver
    dyad = ix.dyad
    if c.between and not c.actors:
        c.actors = list(c.between)
    if c.reciprocal or (c.spec.type == "RETREAT" and not c.actors
                        and "ceasefire" in c.modes):
        if len(dyad) == 2:
            both = list(c.between) if len(c.between) >= 2 else \
                [res.country_actor(dyad[0], "GOV"), res.country_actor(dyad[1], "GOV")]
            known = _countries(c.actors)
            c.actors = c.actors + [a for a in both if a.country not in known]
            if c.spec.type == "ASSAULT":
                c.recipients = [a for a in both]
    acts = _countries(c.actors)
    recs = _countries(c.recipients)
    if c.spec.infer_actor and not acts:
        code = None
        if len(dyad) == 2 and len(recs & set(dyad)) == 1:
            code = dyad[1] if dyad[0] in recs else dyad[0]
        elif c.reported_by is not None and c.reported_by.country and \
                c.reported_by.country not in recs:
            code = c.reported_by.country
        if code is not None:
            if c.actors:  # "the armed forces", said Kaldorian officials: theirs
                c.actors = [a.model_copy(update={"country": code}) for a in c.actors]
            else:
                c.actors = [res.country_actor(code, "GOV")]
        acts = _countries(c.actors)
    if c.spec.infer_recipient and not recs and len(dyad) == 2 and len(acts) == 1 \
            and acts <= set(dyad):
        other = dyad[1] if dyad[0] in acts else dyad[0]
        c.recipients = [res.country_actor(other)]
    if c.spec.type == "ASSAULT":
        # "the Pahalgam terror attack that claimed 26 lives": militants against the
        # civilians of the place it happened in
        mods = lemma_set([x for x in c.trigger.children if x.dep_ in ("compound", "amod")])
        if not c.actors and mods & ix.lex.terror_words:
            c.actors = [EventActor(name="militants", sector="REB")]
        own = lemma_set(clause_tokens([c.trigger, *c.heads[1:]]) + [
            x for r in c.trigger.children if r.dep_ == "relcl" for x in r.subtree])
        if not c.recipients and c.place is not None and c.place.country and own & VICTIM_CVL:
            c.recipients = [EventActor(name="civilians", country=c.place.country,
                                       sector="CVL")]
    # a country acting is its government
    c.actors = [a if a.sector or not a.country else a.model_copy(update={"sector": "GOV"})
                for a in c.actors]


# ------------------------------------------------------------------ date, place, size
def _attached(tok: Token, event_heads: set[int], trigger: Token, limit: int = 6) -> bool:
    """Does ``tok`` hang on the event (through nouns and prepositions only)?"""
    t = tok
    for _ in range(limit):
        if t.i in event_heads:
            return True
        if t.head.i == t.i:
            return False
        if t.i != tok.i and t.pos_ in ("VERB", "AUX") and t.i not in event_heads:
            return False
        t = t.head
    return t.i in event_heads


def _date(c: Candidate, ix: ArticleIndex, sent_i: int) -> None:
    sent = ix.sents[sent_i]
    heads = {h.i for h in c.heads} | {x.i for x in c.extra}
    sub = {x.i for x in c.trigger.subtree} if c.nominal else set()
    for t, a, b in ix.times:
        if a < sent.start or b >= sent.end:
            continue
        if a in sub or _attached(ix.doc[a], heads, c.trigger) or \
                _attached(ix.doc[b], heads, c.trigger):
            c.time, c.time_attached = t, True
            return
    # A verb event (or a noun carried by a verb) with no date of its own takes the
    # nearest day-precision date of an earlier sentence of its paragraph. A bare noun
    # reference ("after the Pahalgam attack") takes none: the narrative's date is not its.
    if c.nominal and c.light is None:
        return
    pstart = ix.paragraph_start(c.trigger.idx)
    best: TimeExpr | None = None
    for t, _a, _b in ix.times:
        if pstart <= t.span[0] < sent.start_char and t.precision == "day":
            best = t
    c.time = best


def _place(c: Candidate, ix: ArticleIndex, sent: Span) -> None:
    """A place attached to the event by in/at/near (a town before a country), else one
    inside a noun trigger ("the Pahalgam attack"); never one of its actors."""
    lex = ix.lex
    heads = {h.i for h in c.heads} | {x.i for x in c.extra}
    sub = {x.i for x in c.trigger.subtree} if c.nominal else set()
    ranked: list[tuple[int, int, Place]] = []
    for p, a, b in ix.places:
        if a < sent.start or b >= sent.end:
            continue
        if any(i in c.arg_tokens for i in range(a, b + 1)):
            continue
        root = ix.doc[a]
        for i in range(a, b + 1):
            if ix.doc[i].head.i < a or ix.doc[i].head.i > b:
                root = ix.doc[i]
                break
        is_country = any(i in ix.country_places for i in range(a, b + 1))
        prep = root.head if root.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in the town of Resk"
        attached = prep is not None and prep.lower_ in lex.location_preps and \
            _attached(prep, heads, c.trigger, limit=5)
        # "In Resk, where 13 civilians were killed": the place the clause is about
        where = any(h.dep_ == "relcl" and h.head.i == root.i and any(
            x.lower_ == "where" for x in h.children) for h in c.heads)
        inside = a in sub and root.head.i == c.trigger.i and \
            root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "nsubj")
        if not (attached or inside or where):
            continue
        rank = 0 if attached or inside else 1
        ranked.append((rank + (2 if is_country else 0), a, p))
    if ranked:
        ranked.sort(key=lambda x: (x[0], x[1]))
        c.place = ranked[0][2]


def _size(cands: Sequence[Candidate], ix: ArticleIndex, sent: Span) -> None:
    assaults = [c for c in cands if c.spec.type == "ASSAULT"]
    if not assaults:
        return
    for cnt, a, _b in ix.counts:
        if a < sent.start or a >= sent.end:
            continue
        obj = cnt.object.lower().split()
        verb = (cnt.verb or "").lower()
        dead = verb in KILL_VERBS and (verb != "claim" or "lives" in obj) or \
            bool(DEAD_WORDS & set(obj))
        hurt = verb in HURT_VERBS or bool(HURT_WORDS & set(obj))
        if verb in ("shoot", "gun", "leave") and not (set(obj) & VICTIM_CVL | DEAD_WORDS):
            dead = False
        if not (dead or hurt):
            continue
        target = min(assaults, key=lambda c: abs(c.trigger.i - a))
        n = int(cnt.number)
        size = target.size or Size()
        if hurt and not dead:
            size = size.model_copy(update={"injured": max(size.injured or 0, n)})
        else:
            size = size.model_copy(update={"dead": max(size.dead or 0, n)})
        target.size = size


# ------------------------------------------------------------------ assembly
NO_MERGE_PATH = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos", "csubj"})


def _linked(a: Candidate, b: Candidate) -> bool:
    """Are the two triggers parts of one clause: joined in the tree by at most four arcs,
    none of which enters a relative, complement or parenthetical clause ("launched
    Operation Sindoor ... in response to the attack that claimed 26 lives": two)?"""
    def up(t: Token) -> list[Token]:
        out = [t]
        while out[-1].head.i != out[-1].i and len(out) < 12:
            out.append(out[-1].head)
        return out
    starts_a = [a.trigger, *a.heads, *a.extra]
    chain_b = up(b.trigger)
    best: int | None = None
    for ta in starts_a:
        chain_a = up(ta)
        ids_a = [x.i for x in chain_a]
        for k, x in enumerate(chain_b):
            if x.i in ids_a:
                j = ids_a.index(x.i)
                path = chain_a[:j] + chain_b[:k]
                # "the attack that killed 26": a relative clause on the event itself
                path = [p for p in path if not (p.dep_ == "relcl" and
                                                 p.head.i in (a.trigger.i, b.trigger.i))]
                if any(p.dep_ in NO_MERGE_PATH for p in path):
                    break
                # "27 civilians were killed and [that] it had shot down four jets": two
                # clauses with subjects of their own are two events
                if any(p.dep_ == "conj" and p.pos_ in ("VERB", "AUX") and children(
                        p, ("nsubj", "nsubjpass")) for p in path):
                    break
                n = j + k
                best = n if best is None else min(best, n)
                break
    return best is not None and best <= 4


def _merge_into(a: Candidate, b: Candidate) -> bool:
    """Merge ``b`` into ``a`` when they are one event (same type, sentence, dyad)."""
    if a.spec.type != b.spec.type or a.aux.negated != b.aux.negated:
        return False
    if not _linked(a, b):
        return False
    ra = a.reported_by.name if a.reported_by else None
    rb = b.reported_by.name if b.reported_by else None
    if ra != rb:
        return False
    for x, y in ((_countries(a.actors), _countries(b.actors)),
                 (_countries(a.recipients), _countries(b.recipients))):
        if x and y and x != y:
            return False
    if a.actors and b.actors and not _countries(a.actors) and not _countries(b.actors) \
            and {x.name for x in a.actors} != {x.name for x in b.actors}:
        return False
    if a.time_attached and b.time_attached and a.time and b.time and \
            a.time.date != b.time.date:
        return False
    if a.place is not None and b.place is not None and a.place.name != b.place.name:
        return False
    if a.operation and b.operation and a.operation != b.operation:
        return False
    # the participants that name a country win ("60 terrorists were killed when Merovian
    # forces struck camps in Kaldoria": the camps' country, not the terrorists)
    if not _countries(a.actors) and _countries(b.actors):
        a.actors = b.actors
    a.actors = a.actors or b.actors
    if not _countries(a.recipients) and _countries(b.recipients):
        a.recipients = b.recipients
    a.recipients = a.recipients or b.recipients
    a.arg_tokens |= b.arg_tokens
    a.modes += [m for m in b.modes if m not in a.modes]
    a.extra += [b.trigger, *b.heads]
    if b.time_attached and not a.time_attached:
        a.time, a.time_attached = b.time, True
    a.time = a.time or b.time
    a.place = a.place or b.place
    a.operation = a.operation or b.operation
    a.contexts |= b.contexts
    a.between = a.between or b.between
    a.reciprocal = a.reciprocal or b.reciprocal
    a.aux = Aux(negated=a.aux.negated, future=a.aux.future and b.aux.future,
                hypothetical=a.aux.hypothetical and b.aux.hypothetical,
                past_perfect=a.aux.past_perfect and b.aux.past_perfect)
    return True


def _absorbed(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """Is ``c`` the content of a REQUEST/THREATEN/AGREE in the same sentence?"""
    for o in cands:
        if o is c or not o.spec.absorbs_complement:
            continue
        for ch in o.trigger.children:
            if ch.dep_ in ("xcomp", "ccomp") or (ch.dep_ == "acl" and o.nominal) or \
                    (ch.dep_ == "advcl" and infinitive(ch)) or \
                    (ch.dep_ == "prep" and ch.lower_ in ("for",) and
                     o.spec.type == "REQUEST"):
                sub = {x.i for x in ch.subtree}
                if c.trigger.i in sub:
                    return True
        if o.light is not None:
            for ch in o.light.children:
                if ch.dep_ in ("xcomp", "ccomp") and c.trigger.i in {x.i for x in ch.subtree}:
                    return True
    return False


def _agreements(cands: list[Candidate], ix: ArticleIndex) -> list[Candidate]:
    """Agreeing to a ceasefire is the ceasefire (RETREAT), not an AGREE; not agreeing
    ("would not accept any mediation") is a REJECT."""
    out: list[Candidate] = []
    for c in cands:
        if c.spec.type == "AGREE":
            sub = {x.i for x in c.trigger.subtree}
            if any(o.spec.type == "RETREAT" and o.trigger.i in sub for o in cands):
                continue
            if c.aux.negated:
                spec = ix.lex.types["REJECT"]
                words = lemma_set(list(c.trigger.subtree))
                modes = [m.name for m in spec.modes.values() if m.words & words][:1]
                c = Candidate(rule=c.rule, spec=spec, trigger=c.trigger, heads=c.heads,
                              light=c.light, actors=c.actors, recipients=c.recipients,
                              arg_tokens=c.arg_tokens, modes=modes,
                              aux=Aux(future=c.aux.future, hypothetical=c.aux.hypothetical),
                              report=c.report, reported_by=c.reported_by, time=c.time,
                              time_attached=c.time_attached, place=c.place,
                              contexts=set(spec.contexts))
        out.append(c)
    return out


def _resolve_report(c: Candidate, ix: ArticleIndex, triggers: set[int]) -> None:
    top = c.heads[-1]
    rep = find_report(top, ix.lex, triggers - {h.i for h in c.heads})
    if rep is None:
        sp = ix.resolver.any_quote_speaker.get(c.trigger.i)
        if sp is not None:
            c.reported_by = EventActor(name=sp.name, country=sp.country, sector=sp.sector,
                                       actor_id=sp.actor_id)
        return
    c.report = rep
    for s in rep.speakers:
        a = ix.resolver.resolve(s)
        if a is not None:
            if a.sector is None and a.country:
                a = a.model_copy(update={"sector": "GOV"})
            c.reported_by = a
            return
        r = ix.resolver.speakers.resolve(s)
        if r.grounded:
            sp = r.speaker
            c.reported_by = EventActor(name=sp.name, country=sp.country, sector=sp.sector,
                                       actor_id=sp.actor_id)
            return


def _accuse_from_cue(c: Candidate, ix: ArticleIndex, made: dict[int, Candidate]) -> None:
    """"Pakistan claims India struck ...": the claim is an ACCUSE (allege) by Pakistan."""
    rep = c.report
    if rep is None or not rep.accuses or c.reported_by is None or rep.denied:
        return
    if c.spec.score >= 0:
        return  # claiming someone made peace accuses no one
    accused = [a for a in c.actors if a.country and a.country != c.reported_by.country]
    if not accused or not c.reported_by.country:
        return
    prev = made.get(rep.cue.i)
    if prev is not None:
        known = _countries(prev.recipients)
        prev.recipients += [a for a in accused if a.country not in known]
        return
    spec = ix.lex.types["ACCUSE"]
    rule = TriggerRule(id="accuse.report-cue", type="ACCUSE", pos=frozenset({rep.cue.pos_}),
                       lemmas=frozenset({rep.cue.lemma_.lower()}), mode="allege")
    acc = Candidate(rule=rule, spec=spec, trigger=rep.cue, heads=[rep.cue], light=None,
                    actors=[c.reported_by], recipients=list(accused), modes=["allege"])
    made[rep.cue.i] = acc


def _event(c: Candidate, ix: ArticleIndex, sent: Span) -> Event:
    aid = ix.ctx.article_id
    spec = c.spec
    modes = c.modes
    d: date | None = c.time.date if c.time else None
    precision = c.time.precision if c.time and d else None
    historical = c.aux.past_perfect
    pub = ix.ctx.published
    if d is not None and pub is not None and (pub - d).days > HISTORICAL_DAYS:
        historical = True
    text = ix.doc.text
    loc = None
    if c.place is not None:
        loc = Location(name=c.place.name, country=c.place.country, lat=c.place.lat,
                       lon=c.place.lon)
    start = c.trigger.idx
    return Event(
        id=content_id("event", aid, spec.type, str(start)),
        type=spec.type, mode=list(modes), cameo=cameo_of(spec, c.rule, modes),
        actor=c.actors, recipient=c.recipients, date=d, date_precision=precision,
        location=loc, size=c.size, negated=c.aux.negated, score=score_of(spec, modes),
        evidence=[Evidence(article_id=aid, text=text[sent.start_char:sent.end_char],
                           span=(sent.start_char, sent.end_char))],
        n_articles=1, n_sources=1, contexts=sorted(c.contexts),
        future=c.aux.future, hypothetical=c.aux.hypothetical, historical=historical,
        reported_by=c.reported_by, operation=c.operation,
        trigger=c.trigger.text if c.rule.id != "assault.operation.named"
        else (c.operation or c.trigger.text),
        pattern=c.rule.id, article_ids=[aid],
    )


def _sentence_events(sent_i: int, ix: ArticleIndex) -> list[Candidate]:
    sent = ix.sents[sent_i]
    lex = ix.lex
    cands = _candidates(sent, ix)
    if not cands:
        return []
    sent_words = lemma_set(list(sent))
    triggers = {c.trigger.i for c in cands}
    ops_here = [(n, code) for i, (n, code) in sorted(ix.op_at.items())
                if sent.start <= i < sent.end]
    kept: list[Candidate] = []
    for c in cands:
        explicit = _args(c, ix)
        # the words that pick a mode: the noun's own phrase, or the verb's clause
        clause = phrase_tokens(c.trigger) if c.nominal else clause_tokens(c.heads)
        clause_words = lemma_set(clause)
        c.modes = plover_modes(c.spec, c.rule, c.trigger, clause_words, sent_words,
                               lemma_set(list(c.trigger.subtree)))
        _resolve_report(c, ix, triggers)
        c.aux = auxiliary(c.heads, c.trigger, lex, c.report)
        _date(c, ix, sent_i)
        _place(c, ix, sent)
        if c.nominal and not c.rule.standalone and c.light is None and not explicit \
                and not c.time_attached and c.place is None \
                and not _has_count(c, ix, sent):
            continue  # a bare anaphor: "the attack" again
        if c.rule.requires_object_actor and not c.recipients:
            continue  # "supporting terrorism" is no SUPPORT event
        if c.rule.exclude_conditional and c.aux.hypothetical:
            continue
        if c.aux.question:
            continue  # "Asked whether Norvane had offered to mediate": a question
        _infer(c, ix)
        if c.spec.needs_mode_or_recipient and not c.rule.requires and not c.modes \
                and not c.recipients:
            continue
        if c.spec.needs_participant and not c.actors and not c.recipients:
            continue
        if c.spec.needs_recipient and not c.recipients:
            continue
        c.contexts = set(c.spec.contexts) | set(c.rule.contexts)
        for w in clause_words:
            c.contexts.update(lex.contexts.get(w, ()))
        if c.spec.type == "ASSAULT" and c.trigger.i in ix.op_at:
            c.operation = ix.op_at[c.trigger.i][0]
        kept.append(c)
    kept = [c for c in kept if not _absorbed(c, kept)]
    kept = _agreements(kept, ix)
    made: dict[int, Candidate] = {}
    for c in kept:
        _accuse_from_cue(c, ix, made)
    taken = {(c.trigger.i, c.spec.type) for c in kept}
    for i, acc in made.items():
        if (i, "ACCUSE") not in taken:
            acc.aux = auxiliary(acc.heads, acc.trigger, lex, None)
            _date(acc, ix, sent_i)
            acc.contexts = set(acc.spec.contexts)
            kept.append(acc)
    kept.sort(key=lambda c: c.trigger.i)
    merged: list[Candidate] = []
    for c in kept:
        if not any(_merge_into(m, c) for m in merged):
            merged.append(c)
    _size(merged, ix, sent)
    for c in merged:
        if c.spec.type == "ASSAULT":
            _finish_assault(c, ix, ops_here)
    _link_rejections(merged, ix, sent_i)
    merged.sort(key=lambda c: c.trigger.i)
    return merged


def _event_id(c: Candidate, ix: ArticleIndex) -> str:
    return content_id("event", ix.ctx.article_id, c.spec.type, str(c.trigger.idx))


def _link_rejections(cands: Sequence[Candidate], ix: ArticleIndex, sent_i: int) -> None:
    """"Indian officials dismissed the accusations": the REJECT answers the nearest
    accusation before it (this sentence or the three before); its recipient is the
    accuser, and ``ix.links`` records which ACCUSE it rejects."""
    for c in sorted(cands, key=lambda c: c.trigger.i):
        if c.spec.type == "ACCUSE":
            ix.accusations.append((sent_i, c.trigger.i, c.actors, _event_id(c, ix)))
        elif c.spec.type == "REJECT" and c.rejects_claim:
            prior = [a for a in ix.accusations if sent_i - 3 <= a[0] <= sent_i
                     and a[1] < c.trigger.i
                     and not (_countries(a[2]) & _countries(c.actors))]
            if not prior:
                continue
            _s, _t, accusers, acc_id = prior[-1]
            ix.links[_event_id(c, ix)] = acc_id
            if not c.recipients:
                c.recipients = [a.model_copy() for a in accusers]


def _finish_assault(c: Candidate, ix: ArticleIndex, ops_here: list[tuple[str, str | None]]
                    ) -> None:
    """Operation link, victims' country, and "the operation" as an actor."""
    acts = _countries(c.actors)
    recs = _countries(c.recipients)
    if c.operation is None:
        for name, code in ops_here:
            if code is not None and code in recs:
                continue  # an operation never targets its own side
            if (code is not None and code in acts) or (not c.actors and code not in recs):
                c.operation = name
                break
    if not c.actors and ix.last_operation is not None and any(
            x.lemma_.lower() in ("operation", "mission", "offensive")
            for h in c.heads for x in children(h, ("nsubj",))):
        name, actor = ix.last_operation  # "The operation targeted several sites"
        c.actors = [actor]
        recs = _countries(c.recipients)
        c.operation = c.operation or name
        acts = _countries(c.actors)
        if not recs and len(ix.dyad) == 2 and acts <= set(ix.dyad) and len(acts) == 1:
            other = ix.dyad[1] if ix.dyad[0] in acts else ix.dyad[0]
            c.recipients = [ix.resolver.country_actor(other)]
    if c.place is not None and c.place.country:
        # the people hit at a place are that place's (the Pahalgam victims: IND civilians)
        c.recipients = [r if r.country or r.sector not in ("CVL", None) else
                        r.model_copy(update={"country": c.place.country})
                        for r in c.recipients]
    is_op = c.operation is not None or c.trigger.lemma_.lower() in ("operation", "mission")
    if is_op and c.actors and _countries(c.actors):
        ix.last_operation = (c.operation, c.actors[0])


def _has_count(c: Candidate, ix: ArticleIndex, sent: Span) -> bool:
    sub = {x.i for x in c.trigger.subtree}
    return any(a in sub for _cnt, a, _b in ix.counts if sent.start <= a < sent.end)


@dataclass(frozen=True)
class ArticleEvents:
    events: list[Event]
    operations: list[str]  # canonical names, in order of first mention
    links: dict[str, str]  # REJECT event id -> id of the ACCUSE event it answers


def extract_events(doc: Doc, ctx: ArticleContext, state: State,
                   lex: Lexicon | None = None) -> ArticleEvents:
    """PLOVER events of one article, the operations it names, and rejection links."""
    lex = lex or load_lexicon()
    ix = build_index(doc, ctx, state, lex)
    events: list[Event] = []
    for i, sent in enumerate(ix.sents):
        for c in _sentence_events(i, ix):
            events.append(_event(c, ix, sent))
    ops: list[str] = []
    for o in ix.operations:
        if o.name not in ops:
            ops.append(o.name)
    return ArticleEvents(events=events, operations=ops, links=dict(ix.links))


def _run(doc: Doc, ctx: ArticleContext, state: State) -> State:
    got = extract_events(doc, ctx, state)
    return {"events": got.events, "operations": got.operations, "event_links": got.links}


STAGE = register(Stage(
    name=STAGE_NAME,
    requires=("token.dep", "token.head", "token.lemma", "doc.sents", "mentions", "actors",
              "times", "places", "counts"),
    assigns=("events", "operations", "event_links"),
    run=_run,
    doc="PLOVER events with actors, recipients, modes, dates, places and evidence.",
))


# ------------------------------------------------------------------ demo
def _main(argv: Sequence[str]) -> None:
    import json

    from chronicler.clean import build_article
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.records import RawDoc

    text = " ".join(argv) or "India launched Operation Sindoor on May 7, striking nine sites."
    art = build_article(RawDoc(source_path="cli", source_kind="txt", text=text),
                        None).model_copy(update={"text": text})
    analyzer = Analyzer()
    if STAGE_NAME not in analyzer.plan.provenance:
        from chronicler.nlp.analyzer import DEFAULT_STAGES

        analyzer = Analyzer(stages=(*DEFAULT_STAGES, STAGE_NAME))
    doc = analyzer.nlp(text)
    ctx = ArticleContext(article_id=art.id, published=art.published)
    from chronicler.nlp.stages import run_plan

    state = run_plan(analyzer.plan, doc, ctx)
    out: list[dict[str, Any]] = []
    for e in state["events"]:
        out.append(e.model_dump(mode="json", exclude={"evidence", "article_ids"}))
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    _main(sys.argv[1:])
