"""Who did it to whom: actor and recipient tokens from the dependency parse, resolved
to ``EventActor`` records through the actors stage's mentions.

Constructions (the trigger ``t``; ``H`` its clause head: ``t`` itself, or the light verb
that carries a noun event, "launched strikes", "a ceasefire was reached"):

=====================  ===========================================  ==========================
construction           actor                                        recipient
=====================  ===========================================  ==========================
active verb            ``nsubj`` of H (climbing xcomp/advcl/conj)    ``dobj``; else on/against/at
passive verb           ``agent`` "by X"                              ``nsubjpass``
noun                   possessor, country modifier, "by X",          on/against/at X; "of X"
                       "from X", else the light verb's subject       (the killing of tourists)
adjective              subject of the copula ("ready for talks")     "with X"
"urged X to ..."       subject                                       ``dobj`` (REQUEST)
"between X and Y"      both X and Y                                  —
=====================  ===========================================  ==========================

Coordination expands ("India and Pakistan" are two actors); "both sides" and "each
other" make the event reciprocal: the coder puts both sides of the dyad in ``actor``.

An argument token resolves, in order, to: the mention covering it (or its possessor /
country modifier: "Indian missiles" -> IND MIL); a pronoun's antecedent; an operation
("Operation Sindoor targeted ..." -> its owner); the country of a place it names or is
located in ("sites in Kaldoria" -> KLD); or, for a bare noun such as "gunmen" or
"tourists", an actor with no country and the noun's sector.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from spacy.tokens import Doc, Token

from chronicler.nlp.events.dict_actors import (
    against_or_for,
    agent_sector,
    aid_body,
    complete,
    governing_here,
    partitive_core,
    patrons,
    person_country,
    swallowed_country,
)
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.tree import children_ix, kids, token_spans, tree_of
from chronicler.nlp.events.walks import (  # noqa: F401 (the coder reads them from here)
    NOUN_POS,
    _across_lines,
    agents,
    children,
    conjuncts,
    is_passive,
    marked,
    modifier_sector,
    prep_objects,
    pronouns_last,
    word_before,
)
from chronicler.nlp.quotes.speakers import core_span
from chronicler.records import Actor, EventActor, Mention, Place, Speaker

SUBJ, FIRST_PERSON = frozenset({"nsubj", "csubj"}), frozenset({"we", "us", "our", "ours"})
CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"})  # (acomp: "is opposed to")
TIME_MARKS, VERB_POS = frozenset({"while", "when", "as"}), frozenset({"VERB", "AUX"})
# Nouns an event noun may sit under on its way to that verb ("the launch of an operation").
LIGHT_NOUNS = frozenset({"launch", "initiation", "start", "series", "wave", "round", "spate",
                         "string", "campaign", "part", "resumption", "escalation", "use",
                         "onset", "beginning", "week", "day"})  # ("staged a week of tests")
# "urged India to ...", "asked Pakistan to ...": the object does the infinitive.
OBJECT_CONTROL = frozenset({"urge", "ask", "press", "call", "request", "force", "compel",
                            "persuade", "allow", "order", "tell", "encourage", "invite"})
# "hit back by targeting ...", "after striking ..." share the subject ("amid ..." not)
PCOMP_PREPS = frozenset({"by", "in", "after", "before", "while", "without", "through", "upon",
                         "on", "for", "of"})
ANTECEDENT_WINDOW = 600  # how far back a possessive looks for its antecedent (3 sentences)
PRONOUNS = frozenset({"they", "them", "it", "he", "she", "him", "her"})
# Nouns that head an unnamed source; "Indian officials" keeps the mention's sector.
SOURCE_NOUNS = frozenset({"official", "officials", "source", "sources", "spokesman",
                          "spokesperson", "government", "ministry", "army", "military"})
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
# what someone owns and is hit through: "the motorcade of President X" is X's, with his sector
OWNED = frozenset({"motorcade", "convoy", "car", "vehicle", "home", "house", "residence",
                   "office", "plane", "helicopter", "headquarters", "compound"})


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of ``verb``; an infinitive, participle or conjunct with none borrows
    its governor's ("vowed to hit back", "..., killing 24", "hit back by targeting"),
    except that "criticized India for refusing", "accused X of ..." give the object."""
    tree = tree_of(verb.doc)  # (the climb by index, ``tree.tree_of``)
    deps, poss, up, lowers, toks = tree.deps, tree.poss, tree.heads, tree.lowers, tree.toks
    v = verb.i
    own: list[Token] = []  # (loops and helpers here: no variable of it is a cell)
    for x in children(verb, SUBJ):
        if not _across_lines(x, verb):
            own.append(x)
    if own:
        subj = own[-1]  # two subjects (a dateline parsed as one): the nearer
        if tree.tags[subj.i] in ("WDT", "WP") and deps[v] == "relcl":
            return conjuncts(toks[up[v]])  # "militants, who attacked ...": the antecedent
        return conjuncts(subj)
    if is_passive(verb):
        return []
    dep, h = deps[v], up[v]
    if depth < 3 and dep in CLIMB and h != v:
        head = toks[h]
        if dep in ("acl", "xcomp") and poss[h] in ("NOUN", "PROPN"):
            if tree.tags[v] == "VBN":
                return []  # "a mission launched in ...": the noun is the object
            # "Islamabad's attempt to ...", "indicated a willingness to pause ..."
            owners = children(head, ("poss",))
            if owners:
                return owners
            if deps[h] in ("dobj", "pobj") and poss[up[h]] in VERB_POS:
                return subjects(toks[up[h]], depth + 1)
            return []
        if dep == "acl":
            return []
        if dep == "advcl" and deps[h] == "pcomp" and marked(tree, v, TIME_MARKS):
            # "accused India of fostering terrorism while speaking with tribal leaders":
            # the time clause is the accusers', hung on the gerund by the parser
            g = up[up[h]] if up[up[h]] != up[h] else h
            if poss[g] in VERB_POS and lowers[up[h]] in ("of", "for"):
                return subjects(toks[g], depth + 1)
        if poss[h] in VERB_POS or poss[h] == "ADJ":
            if dep == "xcomp":
                objs = children(head, ("dobj",))  # "urged India to hit back": India
                if objs and tree.lemmas[h] in OBJECT_CONTROL:
                    return conjuncts(objs[0])
                told = children(head, ("nsubjpass",))  # "the army is believed to have
                if told and not agents(head):  # shelled", "was ordered to withdraw"
                    return conjuncts(told[0])
            return subjects(head, depth + 1)
        if dep == "pcomp" and poss[up[h]] in VERB_POS and \
                lowers[h] in PCOMP_PREPS:  # "hit back by targeting"
            gov = toks[up[h]]
            objs = children(gov, ("dobj",))
            if lowers[h] in ("for", "of") and objs:  # "criticized India for refusing"
                return conjuncts(objs[0])
            return subjects(gov, depth + 1)
    w = word_before(verb)
    return [w] if w is not None else []


def _appositive(s: Token, start: int) -> Token:
    """The apposition of ``s`` at or past token ``start`` (the dateline's end), else it."""
    return next((a for a in kids(s) if a.dep_ == "appos" and a.i >= start), s)


# ------------------------------------------------------------------ resolution
@dataclass(frozen=True)
class Arg:
    """One resolved argument: who, and the token it came from."""

    actor: EventActor
    token: int  # token index in the doc
    explicit: bool = True  # found in the parse (not inferred from the dyad)


# nouns for a body of people whose kind a modifier gives ("militant group"; a "gun
# group" or "missile group" is no force: the weapon sector nouns are not people)
COLLECTIVES = frozenset({"group", "organisation", "organization", "outfit", "faction",
                         "cell", "network", "militia", "party", "coalition", "alliance",
                         "bloc"})  # ("opposition parties" OPP)
# nouns for people by the part they play, whose side a modifier gives: "opposition
# candidates" OPP, "rebel commanders" REB, "army officers" MIL (Phoenix lists a few
# such pairs, "OPPOSITION_LEADER", not the pattern)
MEMBERS = frozenset({"candidate", "member", "figure", "politician", "supporter",
                     "leader", "commander", "activist", "representative", "delegate",
                     "chief", "boss"})
# modifier words for a side that are no sector noun of their own ("the opposition" is
# also a stance: "its opposition to the plan")
SIDE_WORDS = {"opposition": "OPP", "dissident": "OPP"}
# arms: sector nouns of a force ("Indian jets struck") that are things, not people
# (nor the recipient of arms supplied: "sold fighter jets to India")
ARMS = frozenset({"gun", "missile", "drone", "jet", "rocket", "shell", "artillery",
                  "aircraft", "warplane", "fighter", "helicopter", "tank"})


def _longest_first(m: Mention) -> int:
    return m.span[0] - m.span[1]


class ArgResolver:
    """Resolves argument tokens against one article's mentions, places and operations."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor],
                 places: Sequence[Place], lex: Lexicon,
                 operation_at: Mapping[int, tuple[str, str | None]],
                 quote_speaker: Mapping[int, Speaker] | None = None,
                 text: str | None = None) -> None:
        self.doc = doc
        self.text = text if text is not None else doc.text  # doc.text is rebuilt per call
        self.lex = lex
        self.actors = {a.id: a for a in actors}
        self.mentions = sorted(mentions, key=lambda m: (m.span[0], -m.span[1]))
        self.country_names = {a.country: a.name for a in actors
                              if a.type == "COUNTRY" and a.country}
        # a country the actors stage knows, named where it left no mention (a name in
        # an entity it dropped, e.g. one glued to a heading across a line break)
        self.country_by_name: dict[str, str] = {}
        for a in actors:
            if a.type == "COUNTRY" and a.country:
                for n in (a.name, *a.aliases):
                    self.country_by_name[n.lower()] = a.country
        self.place_at: dict[int, Place] = {}
        for p, got in zip(places, token_spans(doc, [p.span for p in places]), strict=True):
            for i in range(*(got or (0, 0))):
                self.place_at.setdefault(i, p)
        # token -> the mentions covering it (the longest first)
        self.mention_at: dict[int, list[Mention]] = {}
        for m, got in zip(self.mentions, token_spans(doc, [m.span for m in self.mentions]),
                          strict=True):
            for i in range(*(got or (0, 0))):
                self.mention_at.setdefault(i, []).append(m)
        for ms in self.mention_at.values():
            if len(ms) > 1:  # (most tokens have one: no sort, no key made)
                ms.sort(key=_longest_first)
        self.mention_tokens: set[int] = set(self.mention_at)
        self.operation_at = operation_at
        self.quote_speaker = quote_speaker or {}  # token -> speaker of its direct quote
        self.any_quote_speaker: Mapping[int, Speaker] = {}  # token -> speaker, any quote
        self.dateline_end = 0  # tokens before it are the dateline (set by the index)
        self.day: date | None = None  # the article's date: Phoenix office holders (index)
        self._memo: dict[tuple[int, int, bool], EventActor | None] = {}
        # the actors of a country and of a mention, made once per article and shared
        # (as ``resolve``'s are: an actor is never changed, only copied)
        self._made: dict[tuple[str | int, str | None], EventActor] = {}

    def country_actor(self, code: str, sector: str | None = None) -> EventActor:
        got = self._made.get((code, sector))
        if got is None:
            got = self._made[code, sector] = EventActor(
                name=self.country_names.get(code, code), country=code, sector=sector)
        return got

    def sector_noun(self, tok: Token) -> str | None:
        # (by index, ``tree.tree_of``: read two or three times per argument resolved)
        tree = tree_of(tok.doc)
        lemmas, lowers, nouns = tree.lemmas, tree.lowers, self.lex.sector_nouns
        i = tok.i
        lemma = lemmas[i]
        got = nouns.get(lemma) or nouns.get(lowers[i])
        if got is None and (lemma in COLLECTIVES or lemma in MEMBERS):
            # "the militant group", "a rebel faction": the kind its modifier names
            got = modifier_sector(tree, i, nouns, ARMS, SIDE_WORDS)
        return got

    def name_of(self, tok: Token) -> str:
        return self._name(tok)

    def _name(self, tok: Token) -> str:
        s, e = core_span(tok, self.text)
        name = self.text[s:e].strip()
        for det in ("the ", "The ", "a ", "A ", "an ", "An "):
            if name.startswith(det):
                name = name[len(det):]
        return name

    def _antecedent(self, tok: Token) -> EventActor | None:
        """"its"/"their": the nearest earlier country, organisation or group mention in
        this or the two sentences before."""
        start = max(0, tok.idx - ANTECEDENT_WINDOW)
        labels: tuple[str, ...] = ("GPE", "ORG", "NORP")
        if tok.lower_ in ("his", "her"):
            labels = ("PERSON", "SURNAME", "TITLE")
        elif tok.lower_ in ("their", "they", "them"):
            labels = ("GPE", "ORG", "NORP", "PERSON", "SURNAME", "TITLE")
        best: Mention | None = None
        subject_only = tok.lower_ in ("it", "they", "them")
        for m in self.mentions:
            if m.span[0] >= tok.idx:
                break
            if m.label in labels and start <= m.span[0] and (m.country or m.actor_id):
                if subject_only and not self._is_subject(m):
                    continue  # "It also condemned ...": it is what the last sentence was about
                best = m
        return None if best is None else self.of_mention(best)

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        while t.dep_ in ("poss", "compound", "appos", "amod") and t.head.i != t.i:
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass")

    def of_mention(self, m: Mention, noun_sector: str | None = None) -> EventActor:
        """The actor a mention names: the dictionary actor's name, the mention's country
        and sector ("Indian troops": India's military). A bare country name acting
        ("Pakistan rejected ...") is the country's code with no sector, Phoenix's
        convention (its actor dictionaries code "PAKISTAN" as [PAK], "PAKISTANI POLICE"
        as [PAKCOP]); a capital standing for the government keeps the actors stage's GOV
        ("New Delhi said")."""
        got = self._made.get((id(m), noun_sector))  # (the mentions live as long as this)
        if got is not None:
            return got
        a = self.actors.get(m.actor_id)
        name = a.name if a is not None else m.text
        country = m.country or (a.country if a else None)
        sector = m.sector or (a.sector if a else None)
        if a is not None and a.type == "COUNTRY" and noun_sector:
            sector = noun_sector
        got = self._made[id(m), noun_sector] = EventActor(
            name=name, country=country, sector=sector, actor_id=m.actor_id)
        return got

    def _via_mentions(self, tok: Token, noun_sector: str | None) -> EventActor | None:
        """A mention on the token itself (or its apposition: "India's Chief of Defence
        Staff, General Anil Chauhan"), else one on a modifier of its phrase ("Indian
        missiles", "Pakistan's military"): an unnamed actor of that country."""
        on_head = self.mention_at.get(tok.i)
        if not on_head:
            tree = tree_of(tok.doc)  # (its right children, ``tok.rights``, by index)
            for c in children_ix(tree, tok.i):
                if c > tok.i and tree.deps[c] == "appos" and tree.poss[c] == "PROPN" and \
                        c in self.mention_at:
                    on_head = self.mention_at[c]
                    break
        head: EventActor | None = None  # a people without a country ("Iraqi Kurds"): below
        if on_head:
            head = self.of_mention(on_head[0], noun_sector)
            if head.country or not head.actor_id or tok.tag_ != "NNPS":
                return head if head.country or head.actor_id else None
        tree = tree_of(tok.doc)
        # (``filter``, ``map``: comprehensions made ``self`` and ``tree`` cells per call)
        named = list(filter(self.mention_at.__contains__, range(tok.left_edge.i, tok.i)))
        # "his Chinese counterpart": the country word says who, the owner's pronoun whose
        if len(named) > 1:
            pronouns_last(tree, named)
        s, e = core_span(tok, self.text) if named else (0, 0)  # (a mention's words only)
        for t in map(tree.toks.__getitem__, named):
            if against_or_for(t):
                continue  # "an anti-Syria journalist" is no Syrian
            if s <= t.idx < e:
                m = self.of_mention(self.mention_at[t.i][0])
                if m.country and head is not None and on_head and \
                        self.mention_at[t.i][0] is not on_head[0]:  # (not its own)
                    return head.model_copy(update={"country": m.country})
                if m.country:
                    return EventActor(name=self._name(tok), country=m.country,
                                      sector=noun_sector or (
                                          m.sector if tok.lemma_.lower() in SOURCE_NOUNS
                                          else None))
        return head

    def resolve(self, tok: Token, depth: int = 0, descend: bool = True) -> EventActor | None:
        """The actor ``tok`` names, or None: the article's mentions first (module
        docstring), then, for a phrase they leave without a country, Phoenix's
        dictionaries ("Ivory Coast rebels", "President Abdelaziz Bouteflika"). A head
        that only counts ("hundreds of Angolan rebels") is the people it counts. Once
        per token and article (a sentence's events share their speakers and subjects)."""
        key = (tok.i, depth, descend)
        if key not in self._memo:
            self._memo[key] = self._resolve_new(partitive_core(tok), depth, descend)
        return self._memo[key]

    def _resolve_new(self, tok: Token, depth: int, descend: bool) -> EventActor | None:
        got = self._resolve(tok, depth, descend)
        tree = tree_of(tok.doc)  # (by index, ``tree.tree_of``)
        if got is not None and got.country and (tok.ent_type_ == "PERSON" or tok.i and tree.deps[
                tok.i - 1] == "compound" and tree.toks[tok.i - 1].ent_type_ == "PERSON"):
            # a person Phoenix knows by full name (or split by the model: "[Ahmad Tejan] [Kabbah]")
            # beats the article's guess (a titled unknown takes the main country)
            known = person_country(tok, self.day)
            if known is not None and known != got.country:
                got = got.model_copy(update={"country": known})
        if got is not None and got.sector in (None, "GOV") and tree.poss[tok.i] == "NOUN" and \
                self.sector_noun(tok) is None and (sec := agent_sector(tok)) is not None:
            got = got.model_copy(update={"sector": sec})  # "Egyptian demonstrators": OPP
        if got is not None and got.country:
            return got
        for ap in children_ix(tree, tok.i) if depth == 0 else ():
            if tree.deps[ap] == "appos":  # "Salaheddine Sidhoum, Algeria's leading activist"
                a = tree.toks[ap]  # (and Phoenix's: "the separatist group ETA")
                via = complete(self._resolve(a, depth + 1, descend), a, self.day, partial(self._name, a))
                if via is not None and via.country:
                    return (got or via).model_copy(update={
                        "country": via.country, "sector": (got and got.sector) or via.sector})
        return complete(got, tok, self.day, partial(self._name, tok))  # (named if new;
        # ``partial``: a lambda made ``self`` and ``tok`` cells on every call)

    def _resolve(self, tok: Token, depth: int = 0, descend: bool = True) -> EventActor | None:
        tree = tree_of(tok.doc)  # (by index, ``tree.tree_of``)
        i, deps = tok.i, tree.deps
        low = tree.lowers[i]
        if low in FIRST_PERSON and not (tok.text.isupper() and len(tok.text) > 1):
            # (not "US": the country, written in capitals)
            sp = self.quote_speaker.get(tok.i) or self.any_quote_speaker.get(tok.i)
            if sp is not None and sp.country:
                return self.country_actor(sp.country, "GOV")
        if low in ("its", "their", "his", "her") and i not in self.mention_tokens:
            ante = self._antecedent(tok)
            if ante is not None:
                return ante
        for ci in children_ix(tree, i):
            if deps[ci] == "poss" and tree.lowers[ci] in ("its", "their", "his", "her") and \
                    not any(map(self.mention_tokens.__contains__, filter(i.__gt__, children_ix(
                        tree, i)))):  # (no generator: it made ``self`` and ``i`` cells)
                ante = self._antecedent(tree.toks[ci])  # "its missiles": whose
                if ante is not None and ante.country:
                    return EventActor(name=self._name(tok), country=ante.country,
                                      sector=self.sector_noun(tok) or ante.sector)
        if i in self.operation_at:
            name, code = self.operation_at[i]
            if code:
                return self.country_actor(code, "MIL")
        noun_sector = self.sector_noun(tok)
        if low in PRONOUNS and tok.i in self.quote_speaker:
            return None  # a pronoun in a direct quote is the speaker's world, not ours
        if low in ("it", "they") and deps[i] in ("nsubj", "nsubjpass") and depth == 0:
            # "Merovia claims it struck ...": the subject of the saying verb above (the
            # actors stage's coreference may have picked a nearer name)
            v = tok.head
            speakers: list[Token] = []
            if v.dep_ in ("ccomp", "xcomp", "acl") and v.head.pos_ in VERB_POS:
                speakers = children(v.head, ("nsubj",))
            elif v.dep_ in ("ccomp", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                # "Merovia claims it struck" parsed with a noun "claims"
                speakers = children(v.head, ("poss", "compound", "nmod"))
            if speakers:
                for s in speakers[::-1]:
                    if s.i < self.dateline_end:  # "VARSK, March 12 — Merovia said it ..."
                        s = _appositive(s, self.dateline_end)
                    if s.lower_ not in PRONOUNS and s.i >= self.dateline_end:
                        got = self.resolve(s, depth + 1)
                        if got is not None and (got.country or got.actor_id):
                            return got
        got = self._via_mentions(tok, noun_sector)
        if got is not None:
            return got
        if low in ("it", "they") and deps[i] in ("nsubj", "nsubjpass"):
            ante = self._antecedent(tok)  # the actors stage resolves he/she; it/they here
            if ante is not None:
                return ante
        code = self.country_by_name.get(low) if tree.poss[i] == "PROPN" else None
        if code is not None:
            return self.country_actor(code, noun_sector)
        if (swallowed := swallowed_country(tok)) is not None:  # (as an amount: no sector)
            return swallowed.model_copy(update={"sector": noun_sector})
        place = self.place_at.get(tok.i)
        if place is not None and place.country:
            return EventActor(name=place.name, country=place.country, sector=noun_sector)
        if depth <= 1 and (descend or noun_sector is not None):  # ("recognized the
            # government of Sudan": a group's phrase names its country, whatever the verb)
            # "sites in Kaldoria", "militants from Pakistan", "the government of X", "officials
            # in Kabul" (not "attaches in Varsk": diplomats abroad); one level more
            # only to where a place lies ("the mayor of [a town in] Mexico's Guerrero")
            preps = ("in", "inside") if depth else ("of", "in") if governing_here(tok) else (
                "of",) if noun_sector == "GOV" else ("in", "of", "from", "inside", "across")
            for o in [*prep_objects(tok, preps), *(() if depth else patrons(tok))]:
                inner = self.resolve(o, depth + 1)
                if inner is not None and inner.country:
                    return EventActor(name=self._name(tok), country=inner.country,
                                      sector=noun_sector or (
                                          inner.sector if tree.lemmas[i] in OWNED else None))
        if noun_sector is not None or (body := aid_body(tree, i)):  # ("relief agencies")
            return EventActor(name=self._name(tok), country=None if noun_sector else body,
                              sector=noun_sector)
        return None

    def resolve_all(self, toks: Iterable[Token]) -> Iterator[Arg]:
        for t in toks:
            a = self.resolve(t)
            if a is not None:
                yield from self.each_country(t, a)

    def each_country(self, t: Token, a: EventActor) -> list[Arg]:
        """``a`` (of ``t``) as one actor per country ``t`` coordinates ("Kaldorian and ...")."""
        core = partitive_core(t)  # ("the chiefs of India and Pakistan", "thousands of X and Y")
        inner = prep_objects(core, ("of",)) if core.i not in self.mention_tokens else []
        if len(inner) < 2:
            tree = tree_of(t.doc)  # (by index)
            inner = []
            for k in children_ix(tree, core.i):
                if tree.deps[k] in ("amod", "nmod", "compound") and k in self.mention_tokens:
                    cj = conjuncts(tree.toks[k])
                    if len(cj) > 1:
                        inner = cj
                        break
        if len(inner) > 1:
            many: list[EventActor | None] = []
            for o in inner:
                many.append(self.resolve(o, depth=1))
            if all(m is not None and m.country for m in many) and \
                    len({m.country for m in many if m is not None}) == len(many):
                out = []
                for o, m in zip(inner, many, strict=True):
                    assert m is not None
                    name = self.country_names.get(m.country or "", m.name)
                    out.append(Arg(EventActor(name=f"{self._name(core)} ({name})", country=m.country,
                                              sector=a.sector or m.sector), o.i))
                return out
        return [Arg(a, t.i)]
