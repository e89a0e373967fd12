"""Trigger candidates: tokens whose lemma starts a pattern and that pass its
constraints, with the clause heads that carry them (a light verb for a noun)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.modes import Aux, Report, clause_ix, phrase_ix, words_at
from chronicler.nlp.events.patterns import Lexicon, TriggerRule, TypeSpec
from chronicler.nlp.events.roles import LIGHT_NOUNS, NOUN_POS, VERB_POS, marked
from chronicler.nlp.events.tree import (
    STEPS,
    _Seen,
    children_ix,
    kids,
    less_d,
    subtree_ix,
    tree_of,
    words_of,
)
from chronicler.records import EventActor, Place, Size, TimeExpr

GENERIC_MODIFIERS = frozenset({"future", "possible", "potential", "any", "further", "new",
                               "hypothetical", "next"})


# ------------------------------------------------------------------ light verbs
# A noun event climbs to the verb that carries it through these relations ("launched
# strikes": dobj; "a ceasefire was reached": nsubjpass; "responded with attacks": pobj).
NOUN_UP = frozenset({"dobj", "pobj", "prep", "nsubjpass", "nsubj", "attr", "oprd", "appos",
                     "conj", "compound", "npadvmod", "xcomp"})
# Light verbs that carry a noun only through "with" ("responded with drone attacks",
# "pressed ahead with the offensive"; not "pressed for talks", "pushed the crowd back").
WITH_ONLY = frozenset({"respond", "retaliate", "press", "push", "forge"})
# ... and those that carry their direct object only ("handed them an ultimatum"; not
# "handed over suspects in the bombing")
OBJECT_ONLY = frozenset({"hand", "deliver", "serve"})


def is_light(v: Token, lex: Lexicon) -> bool:
    """A light verb by its lemma, or by its past form less "d" where the tagger's lemma
    is no verb ("staged" -> "stag")."""
    if v.lemma_.lower() in lex.light_verbs:
        return True
    return less_d(v.lower_) in lex.light_verbs


# words that place the sentence's event after or before another one
TIME_LINKS = frozenset({"after", "following", "since", "before", "until"})


def time_background(h: Token) -> bool:
    """Is ``h`` the object of a time preposition ("following the invasions") or the verb
    of a time clause ("after he was implicated")? (By index, ``tree.tree_of``.)"""
    tree = tree_of(h.doc)
    deps, lowers, i = tree.deps, tree.lowers, h.i
    if deps[i] in ("pobj", "pcomp") and lowers[tree.heads[i]] in TIME_LINKS:
        return True
    return deps[i] == "advcl" and marked(tree, i, TIME_LINKS)


def upcoming(h: Token) -> bool:
    """Is ``h`` the object of "ahead of", "in advance of" or "prior to" ("said so ahead
    of a visit by X"): an event the sentence awaits, not one that happened?"""
    tree = tree_of(h.doc)
    up, lowers, i = tree.heads, tree.lowers, h.i
    return tree.deps[i] == "pobj" and lowers[up[i]] in ("of", "to") and \
        lowers[up[up[i]]] in ("ahead", "advance", "prior")


# ... and that give its grievance or topic: what happened "over" it is someone else's;
# or its background: what happened "amid" or "despite" it ("sent police to take over
# security amid a wave of killings": the killings are no one's taking)
REASON_PREPS = frozenset({"over", "about", "amid", "amidst", "despite"})


def governor(tok: Token, lex: Lexicon) -> Token | None:
    """The light verb carrying noun event ``tok`` ("launched [strikes]", "[a ceasefire]
    was reached", "responded with [attacks]", "announced the launch of [an operation]"),
    or None when the noun hangs under any other verb or noun. (The climb reads the
    document's parse by index, ``tree.tree_of``.)"""
    tree = tree_of(tok.doc)
    deps, poss, up, lemmas, lowers = tree.deps, tree.poss, tree.heads, tree.lemmas, tree.lowers
    t = tok.i
    for _ in STEPS[6]:
        h = up[t]
        if deps[t] not in NOUN_UP or h == t:
            return None
        if poss[h] in VERB_POS:
            if lemmas[h] in WITH_ONLY and not (deps[t] == "prep" and lowers[t] == "with"):
                return None  # "responded with attacks", not "respond to future attacks"
            if lemmas[h] in OBJECT_ONLY and deps[t] != "dobj":
                return None
            # (``is_light``)
            light = lemmas[h] in lex.light_verbs or less_d(lowers[h]) in lex.light_verbs
            return tree.toks[h] if light else None
        if poss[h] == "ADP":
            if lowers[h] in TIME_LINKS or lowers[h] in REASON_PREPS:
                return None  # "put its forces on alert after the attack": not put;
                # "imposed sanctions over the crackdown": the crackdown is not imposed
            t = h
            continue
        if poss[h] in NOUN_POS and (deps[t] in ("conj", "appos", "compound")
                                    or lemmas[h] in LIGHT_NOUNS):
            t = h
            continue
        return None
    return None


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
    aux: Aux = Aux()  # (frozen: one shared until the modes are read)
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
    # a noun trigger (read for every test of a candidate; its trigger never changes)
    nominal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.nominal = tree_of(self.trigger.doc).poss[self.trigger.i] in ("NOUN", "PROPN")


def time_prep(t: Token) -> bool:
    """A preposition of time ("on Monday", "in May"): a date, not an argument, so not the
    "on" of "called on X" nor the "for" of "pushed for"."""
    return _time_prep(tree_of(t.doc), t.i)


def _time_prep(tree: _Seen, i: int) -> bool:
    """``time_prep`` of token ``i``, by index (read for each child of a trigger)."""
    if tree.deps[i] != "prep" or tree.lowers[i] not in TIME_PREPS:
        return False
    return _dated_objects(tree, i)


def _dated_objects(tree: _Seen, i: int) -> bool:
    """``_time_prep``'s test of the objects (its own function: the variables its
    comprehensions read were cells on every call of the first test)."""
    objs = [o for o in children_ix(tree, i) if tree.deps[o] == "pobj"]
    toks = tree.toks
    return bool(objs) and all(toks[o].ent_type_ in ("DATE", "TIME") for o in objs)  # (not
    # "bowing to months of pressure": a DATE to the tagger, an argument here)


TIME_PREPS = frozenset({"on", "in", "at", "during"})


def scope_words(scope: str, trig: Token, heads: Sequence[Token], sent: Span) -> set[str]:
    # (the wider scopes read by index from the document's parse, ``tree.tree_of``, each
    # by a function of its own: their comprehensions made the lists they read cells on
    # every call, whatever the scope)
    wide = _WIDE.get(scope)
    if wide is not None:
        return wide(trig, heads)
    doc = trig.doc
    if scope == "subtree":
        return words_at(doc, subtree_ix(trig))
    if scope == "sentence":
        return words_at(doc, range(sent.start, sent.end))
    if tree_of(doc).poss[trig.i] in ("NOUN", "PROPN"):  # a noun's phrase (with "to hold talks")
        # + its verb's clause
        others = []
        for h in heads:
            if h.i != trig.i:
                others.append(h)
        return words_at(doc, phrase_ix(trig) + clause_ix(others))
    return words_at(doc, clause_ix(heads))


def _children_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    doc = trig.doc
    tree = tree_of(doc)
    deps, lowers = tree.deps, words_of(doc)[1]
    ch = [c for c in children_ix(tree, trig.i) if not _time_prep(tree, c)]
    # (a passive's agent is its subject: "destroyed by the cyclone" as "the cyclone
    # destroyed")
    ch += [o for c in ch if deps[c] == "agent" for o in children_ix(tree, c)
           if deps[o] == "pobj"]
    out = words_at(doc, ch)
    out |= {f"dep:{deps[c]}" for c in ch}
    for c in ch:  # "called on X": the particle or preposition counts
        if deps[c] in ("prep", "prt", "agent"):
            out.add(lowers[c])
        elif deps[c] == "xcomp" and tree.tags[c] == "VBG":
            out.add("dep:xcomp:ing")  # a gerund complement ("stopped firing"), not
            # an infinitive of purpose ("stopped to answer questions")
        elif deps[c] == "advcl" and any(deps[x] == "aux" and lowers[x] == "to"
                                        for x in children_ix(tree, c)) and not any(
                deps[x] in ("nsubj", "mark") for x in children_ix(tree, c)):
            out.add("dep:advcl:to")  # an infinitive the parser hung as an adverbial
            # clause ("pressed X on Monday to pull back"), not "when asked" nor "for the
            # president to pass"
    return out


def _complement_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    """The clause it reports: "said [the US must mediate]"."""
    doc = trig.doc
    tree = tree_of(doc)
    return words_at(doc, [x for c in children_ix(tree, trig.i) if tree.deps[c] == "ccomp"
                          for x in (c, *children_ix(tree, c))])


def _that_clause_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    """The marks of the clauses it or its carrying verb take: "a demand [that X ease]",
    "issued a reminder to X [that it must]", "pushed [for X to support]" ("to" for an
    infinitive clause: "its demand for X [to withdraw]")."""
    doc = trig.doc
    tree = tree_of(doc)
    deps, lowers = tree.deps, tree.lowers
    t = trig.i
    carriers = [t] + [h.i for h in heads if h.i != t and tree.heads[t] == h.i]
    return words_at(doc, [m for h in carriers for c in children_ix(tree, h)
                          if deps[c] in ("acl", "ccomp", "advcl")
                          for m in children_ix(tree, c) if deps[m] == "mark"
                          or deps[m] == "aux" and lowers[m] == "to"])


def _object_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    doc = trig.doc
    tree = tree_of(doc)
    deps, lowers = tree.deps, words_of(doc)[1]
    at: list[int] = []
    for h in heads:
        for c in children_ix(tree, h.i):
            if deps[c] in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "dative") or (
                    deps[c] in ("prep", "agent")
                    and lowers[c] not in ("by", "according", "under")
                    and not _time_prep(tree, c)):  # ("under the accord": its frame)
                at += subtree_ix(tree.toks[c])
    return words_at(doc, at)


def _around_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    doc = trig.doc
    tree = tree_of(doc)
    deps, up = tree.deps, tree.heads
    t = trig.i
    at = [c for c in children_ix(tree, t) if not _time_prep(tree, c)]
    g = up[t]
    for _ in STEPS[3]:
        at.append(g)
        if tree.poss[g] != "ADP" or up[g] == g:
            break
        g = up[g]
    for hh in heads:
        at.append(hh.i)
        at += [a for a in children_ix(tree, hh.i) if deps[a] in ("aux", "auxpass")]
    g = up[t]
    at += [a for a in children_ix(tree, g) if deps[a] in ("aux", "auxpass", "neg")]
    if deps[t] in ("attr", "acomp", "oprd"):  # "[the claim] was a lie": the subject
        at += [a for a in children_ix(tree, g) if deps[a] in ("nsubj", "nsubjpass")]
    return words_at(doc, at)


def _predicate_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    """What the verb says, not who says it nor what its nouns are said to be: its subtree
    less its subjects' ("vowed to hold elections": not the "military" of "the military
    ruler vowed") and less the participles describing a noun ("to rebuild the bridges
    destroyed by the hurricane")."""
    tree = tree_of(trig.doc)
    subj = {x for c in children_ix(tree, trig.i) if tree.deps[c] in ("nsubj", "nsubjpass")
            for x in subtree_ix(tree.toks[c])}
    subj |= {x for c in subtree_ix(trig) if tree.deps[c] == "acl" and tree.tags[c] == "VBN"
             for x in subtree_ix(tree.toks[c])}
    return words_at(trig.doc, [x for x in subtree_ix(trig) if x not in subj])


# prepositions of an act's setting: "ready to make concessions [in the border talks]"
# ("in" of taking part is none: "ready to take part in an inquiry")
SETTINGS = frozenset({"in", "at", "during", "amid", "before", "after", "ahead"})
PARTAKING = frozenset({"take", "participate", "engage", "join", "cooperate", "collaborate",
                       "assist", "help"})


def _offered_words(trig: Token, heads: Sequence[Token]) -> set[str]:
    """What a readiness offers ("ready for talks", "willing to resume talks"): the
    predicate less the settings of the acts it names (the talks where concessions are
    offered are no talks offered)."""
    tree = tree_of(trig.doc)
    out = set(subtree_ix(trig)) - {x for c in children_ix(tree, trig.i) if tree.deps[c] in (
        "nsubj", "nsubjpass") for x in subtree_ix(tree.toks[c])}
    for i in list(out):
        g = tree.heads[i]
        if tree.deps[i] == "prep" and tree.lowers[i] in SETTINGS and g != trig.i and \
                tree.poss[g] in ("VERB", "NOUN") and not (
                    tree.lowers[i] == "in" and tree.lemmas[g] in PARTAKING):
            out -= set(subtree_ix(tree.toks[i]))
    return words_at(trig.doc, sorted(out))


_WIDE: dict[str, Callable[[Token, Sequence[Token]], set[str]]] = {
    "children": _children_words, "complement": _complement_words,
    "that-clause": _that_clause_words, "object": _object_words, "around": _around_words,
    "predicate": _predicate_words, "offered": _offered_words}


def rule_matches(rule: TriggerRule, tok: Token, sent: Span, heads: list[Token],
                 cache: dict[tuple[str, int], set[str]] | None = None,
                 words: set[str] | None = None) -> bool:
    """Does ``tok`` start an event by ``rule`` (POS, particle, head, requires, unless)?
    ``cache`` keeps the scope words of this token for the token's other rules (by the
    heads list's identity: its caller keeps each list of the token's heads while the
    cache lives); ``words``, the words of the token's parse tree or more, settles a
    test of words none of which are there (``TriggerRule.words_required``)."""
    cache = {} if cache is None else cache
    # (the token's own tests read the document's lists by index, ``tree.tree_of``: the
    # same few labels of the token were read from spaCy for each of its rules)
    tree = tree_of(tok.doc)
    deps, poss, up, lowers = tree.deps, tree.poss, tree.heads, tree.lowers
    i = tok.i
    dep = deps[i]
    if poss[i] not in rule.pos:
        return False
    if not rule.nominal and dep in ("amod", "compound", "nmod", "npadvmod"):
        return False  # an adjectival participle: "Pakistan-backed groups", "terror-linked"
    if tree.tags[i] in ("VBG", "VB") and dep in ("csubj", "csubjpass", "nsubj"):
        return False  # "targeting civilians is unacceptable": no event, a principle
    if rule.nominal and dep == "compound" and poss[up[i]] in ("NOUN", "PROPN"):
        return False  # a noun modifying a noun: "ceasefire talks", "operations chiefs"
    below = children_ix(tree, i)
    if not rule.nominal and dep in ("dobj", "pobj", "nsubj", "nsubjpass") and \
            "det" in map(deps.__getitem__, below):
        return False  # a participle used as a noun: "visited the injured"
    if rule.nominal and not rule.standalone and _generic(deps, lowers, below):
        return False  # "future attacks", "any attack": no event that happened
    if rule.particle and _particles(deps, lowers, below).isdisjoint(rule.particle):
        return False
    if rule.unless_head and up[i] != i:
        # the head word, and above a preposition the word it hangs on, up to the first
        # verb ("dismissed the claim as [propaganda]")
        hs: set[str] = set()
        h = up[i]
        for _ in STEPS[4]:
            hs |= {tree.lemmas[h], lowers[h]}
            if poss[h] in ("VERB", "AUX") or up[h] == h or not (
                    poss[h] in ("ADP", "SCONJ") or deps[h] in ("pobj", "dobj", "prep")):
                break
            h = up[h]
        if not hs.isdisjoint(rule.unless_head):
            return False
    if rule.requires and _scope(cache, rule.requires_scope, tok, heads, sent).isdisjoint(
            rule.requires):
        return False
    if rule.also_requires and (words is not None and rule.also_words and rule.also_requires.isdisjoint(
            words) or _scope(cache, rule.also_scope or rule.requires_scope, tok, heads,
                             sent).isdisjoint(rule.also_requires)):
        return False
    if rule.unless and not (words is not None and rule.unless_words and rule.unless.isdisjoint(
            words)) and not _scope(cache, rule.unless_scope, tok, heads, sent).isdisjoint(
            rule.unless):
        return False
    return True


def _generic(deps: list[str], lowers: list[str], below: list[int]) -> bool:
    """Is one of ``below`` a generic modifier ("future", "any")? (``rule_matches``'s
    tests of the children are functions: comprehensions made its lists cells.)"""
    return any(deps[c] in ("amod", "det") and lowers[c] in GENERIC_MODIFIERS for c in below)


def _particles(deps: list[str], lowers: list[str], below: list[int]) -> set[str]:
    """The particles, adverbs and prepositions of ``below`` ("called on")."""
    return {lowers[c] for c in below if deps[c] in ("prt", "advmod", "prep")}


def _scope(cache: dict[tuple[str, int], set[str]], scope: str, tok: Token,
           heads: list[Token], sent: Span) -> set[str]:
    """``scope_words``, kept in ``cache`` (``rule_matches``: a function, not a closure
    made for each rule tested)."""
    key = (scope, id(heads))
    got = cache.get(key)
    if got is None:
        got = cache[key] = scope_words(scope, tok, heads, sent)
    return got


def event_heads(tok: Token, lex: Lexicon, nominal: bool) -> tuple[list[Token], Token | None]:
    # (by index, ``tree.tree_of``: the heads are read for each trigger word)
    tree = tree_of(tok.doc)
    i = tok.i
    h = tree.heads[i]
    if nominal or tree.poss[i] == "ADJ":
        if tree.poss[i] == "ADJ":
            return ([tok, tree.toks[h]] if tree.poss[h] in ("VERB", "AUX") and h != i
                    else [tok]), None
        g = governor(tok, lex)
        return ([tok, g] if g is not None else [tok]), g
    heads = [tok]
    # "used jets, drones and missiles to hit": the using verb is part of the event
    if tree.deps[i] in ("xcomp", "advcl") and tree.lemmas[h] in ("use", "employ"):
        heads.append(tree.toks[h])
    return heads, None


def find_candidates(sent: Span, ix: ArticleIndex) -> list[Candidate]:
    lex = ix.lex
    out: list[Candidate] = []
    tree = tree_of(ix.doc)
    # (most words start nothing: the article's words that may are found once)
    for i in ix.trigger_words(sent.start, sent.end):
        if i < ix.dateline_end or i in ix.time_at:
            continue  # "VARSK, March 11 —": no march
        lemma, low = ix.lemmas[i], ix.lowers[i]
        tok = tree.toks[i]
        pos = tree.poss[i]
        keys = (lemma,) if lemma == low else (lemma, low)  # ordered: the same run every time
        seen_types: set[str] = set()
        cache: dict[tuple[str, int], set[str]] = {}
        heads_of: dict[bool, tuple[list[Token], Token | None]] = {}
        words: set[str] | None = None
        for key in keys:
            for rule in lex.rules_for(key):
                if rule.type in seen_types:
                    continue
                if rule.id == "assault.operation" and i in ix.op_at:
                    continue  # a named operation has its own candidate below
                if pos not in rule.pos:
                    continue  # (``rule_matches``'s first test, before the heads are read)
                if rule.words_required and (words := words or ix.parse_words(i)) is not None \
                        and rule.requires.isdisjoint(words):
                    continue  # (its words are nowhere in the sentence: no scope is read)
                nominal = rule.nominal
                if nominal not in heads_of:
                    heads_of[nominal] = event_heads(tok, lex, nominal)
                heads, light = heads_of[nominal]
                if not rule_matches(rule, tok, sent, heads, cache, words):
                    continue
                seen_types.add(rule.type)
                out.append(Candidate(rule=rule, spec=lex.types[rule.type], trigger=tok,
                                     heads=heads, light=light))
        # "launched Operation Sindoor": the operation's root token under a launching verb
        if i in ix.op_at and "ASSAULT" not in seen_types:
            cand = operation_candidate(tok, ix)
            if cand is not None:
                out.append(cand)
    return out


def operation_candidate(tok: Token, ix: ArticleIndex) -> Candidate | None:
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
        for c in kids(tok):
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


