"""CAMEO verb patterns (PETRARCH2's dictionary) matched on the dependency parse.

A verb whose lemma is in the dictionary is coded by its family's most specific pattern
that the parse satisfies, else by the verb's own code, else by the family's; the null
code ``---`` codes nothing. A pattern is satisfied when

* each noun before the verb ``*`` is among the words of the verb's subject,
* each noun after it is among the words of its object side: the direct object, a
  passive subject ("[the party] was banned"), a particle, an attribute or complement,
  an open complement ("agreed [to postpone the demonstration]"), a dative,
* each ``(PREP NOUN)`` is a prepositional phrase of the verb or of its object whose
  words hold the noun ("banned the party [from participating]").

A phrase matches when all its words are there (the words of the noun phrase, lemmas and
forms) and, before the verb and after it, its last word is there as more than a common
noun's modifier ("aid agencies" is no ``* AID``, "police officers" no ``POLICE *``; a
title before a name still counts: "received PLO chairman Arafat"); this is a
bag-of-words reading of PETRARCH's tree patterns, which is what a dependency parse
allows. Everything is set lookups keyed by the verb's lemma.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronicler.nlp.events.cameo import Noun, Pattern, Plover, Verb, VerbDictionary, plover_of
from chronicler.nlp.events.tree import _Seen, children_ix, less_d, subtree_at, tree_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# not "ccomp": what a verb says or reports is an event of its own, not its object
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "prt", "dative",
                         "xcomp", "advmod", "npadvmod"})
NOUN_OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
MAX_WORDS = 40  # an object's subtree beyond this is a clause of its own


@dataclass(frozen=True)
class VerbCode:
    code: str  # CAMEO
    plover: Plover
    pattern_line: int  # 0: the verb's or family's own code
    back: bool = False  # the code is the target acting back ("[:173]"): roles swap
    source: str = "pattern"  # "pattern", "verb" (the verb's own code), "family"


def _words(tree: _Seen, ix: list[int]) -> set[str]:
    """The forms and lower-case lemmas of the first ``MAX_WORDS`` of tokens ``ix``
    (read from the document's word lists, ``tree.tree_of``)."""
    ix = ix[:MAX_WORDS]
    out = set(map(tree.lowers.__getitem__, ix))
    out.update(map(tree.lemmas.__getitem__, ix))
    return out


def _modifiers(tree: _Seen, ix: list[int]) -> set[str]:
    """Of the words of tokens ``ix``, those only seen as a common noun's modifier
    ("[aid] agencies", "[trade] barriers"): a phrase ending in one does not name the
    object."""
    ix = ix[:MAX_WORDS]
    deps, poss, up = tree.deps, tree.poss, tree.heads
    mods = {x for x in ix if deps[x] == "compound" and poss[x] == "NOUN"
            and poss[up[x]] == "NOUN"}  # (not a title before a name: "chairman Arafat")
    if not mods:
        return set()
    out = set(map(tree.lowers.__getitem__, mods))
    out.update(map(tree.lemmas.__getitem__, mods))
    rest = [x for x in ix if x not in mods]
    out.difference_update(map(tree.lowers.__getitem__, rest))
    out.difference_update(map(tree.lemmas.__getitem__, rest))
    return out


_HEADS: dict[int, tuple[Noun, dict[str, list[tuple[str, ...]]]]] = {}


def _has(bag: set[str], noun: Noun, heads_in: set[str] | None = None) -> bool:
    """Is one of the noun's phrases in the bag (its last word among ``heads_in``, when
    given)? Phrases are looked up by their head word, so a synset of a hundred members
    costs a few set lookups."""
    got = _HEADS.get(id(noun))
    if got is None or got[0] is not noun:
        heads: dict[str, list[tuple[str, ...]]] = {}
        for ph in noun:
            if ph:
                heads.setdefault(ph[-1], []).append(ph)
        got = (noun, heads)
        _HEADS[id(noun)] = got
    heads = got[1]
    for w in bag if heads_in is None else heads_in:
        for ph in heads.get(w, ()):
            if all(x in bag for x in ph):
                return True
    return False


# a clause inside the object: its prepositions are its own verb's ("return the equipment
# [seized ... from the peacekeepers]" has no "return ... from")
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp"})


def _in_clause(tree: _Seen, x: int, top: int) -> bool:
    """Is token ``x`` inside a verb clause that modifies something below ``top``?"""
    deps, poss, up = tree.deps, tree.poss, tree.heads
    h = up[x]
    while h != top and up[h] != h:
        if deps[h] in CLAUSE_DEPS and poss[h] in ("VERB", "AUX"):
            return True
        h = up[h]
    return False


def _sides(verb: Token) -> tuple[set[str], set[str], list[tuple[str, set[str]]],
                                 set[str], set[str]]:
    """The verb's subject words, object-side words and prepositional phrases, then the
    subject and object words a phrase may end in (``_modifiers`` left out). (By index,
    ``tree.tree_of``: the subtrees of every verb the dictionary knows were read as Token
    objects.)"""
    tree = tree_of(verb.doc)
    deps, lowers = tree.deps, tree.lowers
    pre: list[int] = []
    post: list[int] = []
    preps: list[tuple[str, set[str]]] = []
    for c in children_ix(tree, verb.i):
        if deps[c] in SUBJECT_DEPS:
            pre += subtree_at(tree, c)
        elif deps[c] in OBJECT_DEPS:
            sub = subtree_at(tree, c)
            post += sub
            for x in sub:  # "banned the party from participating", "agreed to talks on"
                if deps[x] == "prep" and x != c and not _in_clause(tree, x, c):
                    preps.append((lowers[x], _words(tree, subtree_at(tree, x)[1:])))
        elif deps[c] in ("prep", "agent"):
            preps.append((lowers[c], _words(tree, subtree_at(tree, c)[1:])))
            if deps[c] == "agent":
                pre += subtree_at(tree, c)[1:]
    pw, qw = _words(tree, pre), _words(tree, post)
    return pw, qw, preps, pw - _modifiers(tree, pre), qw - _modifiers(tree, post)


def _matches(p: Pattern, pre: set[str], post: set[str],
             preps: list[tuple[str, set[str]]], pre_h: set[str], post_h: set[str]) -> bool:
    if not all(_has(pre, n, pre_h) for n in p.pre):
        return False
    if not all(_has(post, n, post_h) for n in p.post):
        return False
    for prep, noun in p.preps:
        if not any(w == prep and (not noun or _has(bag, noun)) for w, bag in preps):
            return False
    return True


def _anchors(p: Pattern) -> frozenset[str]:
    """Words one of which must be present for ``p`` to match: the head words of its
    first element (a cheap test before the full match)."""
    if p.post:
        return frozenset(ph[-1] for ph in p.post[0] if ph)
    if p.preps:
        return frozenset({p.preps[0][0]})
    if p.pre:
        return frozenset(ph[-1] for ph in p.pre[0] if ph)
    return frozenset()


# per family: its patterns in order, each with its anchors, and by anchor word the
# positions of the patterns it anchors (a verb is tried only against the patterns one of
# whose anchors it has, a few of the family's tens)
_Family = tuple[tuple[tuple[frozenset[str], Pattern], ...], dict[str, tuple[int, ...]],
                tuple[int, ...]]
_INDEX: dict[tuple[int, int], _Family] = {}


def _family_index(verbs: VerbDictionary, family: int) -> _Family:
    key = (id(verbs), family)
    got = _INDEX.get(key)
    if got is None:
        pats = tuple((_anchors(p), p) for p in verbs.families[family].patterns)
        by_word: dict[str, list[int]] = {}
        for k, (anchors, _) in enumerate(pats):
            for w in anchors:
                by_word.setdefault(w, []).append(k)
        got = (pats, {w: tuple(ks) for w, ks in by_word.items()},
               tuple(k for k, (anchors, _) in enumerate(pats) if not anchors))
        _INDEX[key] = got
    return got


def _tried(fam: _Family, present: set[str]) -> list[int]:
    """Positions of the family's patterns whose anchors ``present`` meets (or that have
    none), in the family's order."""
    _, by_word, free = fam
    ks = set(free)
    for w in present:
        got = by_word.get(w)
        if got:
            ks.update(got)
    return sorted(ks)


# Families of verbs that move something somewhere. CAMEO.2.0 codes "sent peacekeepers",
# "sent reinforcements" as an intent to provide them (033x); the sending is providing
# them (07x: 0334 -> 074 peacekeeping, 0332 -> 072 military aid), and an announced
# sending is an intent again through the coder's own reading of the future.
SENDING = frozenset({"SEND"})


def entries_of(verb: Token, verbs: VerbDictionary) -> tuple[Verb, ...] | None:
    """The dictionary's entries for ``verb``: by lemma, by form, by irregular form,
    else, for a regular past whose lemma the tagger cut too short ("raped" -> "rap",
    as the shorter word is a verb too), by the form less its "d"."""
    tree = tree_of(verb.doc)  # (by index)
    lower = tree.lowers[verb.i]
    got = verbs.verbs.get(tree.lemmas[verb.i]) or verbs.verbs.get(lower) or \
        verbs.forms.get(lower)
    if got or tree.tags[verb.i] not in ("VBD", "VBN"):
        return got
    return verbs.verbs.get(less_d(lower))


def match_verb(verb: Token, verbs: VerbDictionary, crosswalk: dict[str, Plover]
               ) -> VerbCode | None:
    """The PLOVER coding of ``verb`` by the CAMEO dictionary, or None."""
    entries = entries_of(verb, verbs)
    if not entries:
        return None
    tree = tree_of(verb.doc)  # (by index)
    deps, below = tree.deps, children_ix(tree, verb.i)
    words = {tree.lowers[c] for c in below if deps[c] in ("prt", "prep", "advmod", "agent")}
    usable = [e for e in entries if all(w in words for w in e.needs)]
    if not usable:
        return None
    # a multi-word verb whose other words are there ("ask for") beats the bare verb
    usable.sort(key=lambda e: -len(e.needs))
    pre, post, preps, pre_h, post_h = _sides(verb)
    present = pre | post | {w for w, _ in preps}
    # the object's own head words: of two patterns as specific, the one naming the
    # object itself beats one naming a word inside it ("expressed [disappointment] over
    # Colombian support": 110, not the 032 of "expressed support"); each conjunct of a
    # coordinated object is one ("return [weapons] and [equipment]")
    objs = [c for c in below if deps[c] in OBJECT_DEPS]
    heads = _words(tree, objs + [x for o in objs for x in children_ix(tree, o)
                                 if deps[x] == "conj"])
    # ... and a noun the verb takes beats its particle ("broke off [relations]": 161,
    # not the 130 of "broke off")
    nouns = _words(tree, [o for o in objs if deps[o] in NOUN_OBJECTS])
    best: tuple[tuple[int, bool, bool], Pattern] | None = None
    for e in usable:
        fam = _family_index(verbs, e.family)
        for k in _tried(fam, present):
            anchors, p = fam[0][k]
            rank = (p.weight, bool(p.post) and not anchors.isdisjoint(heads),
                    bool(p.post) and not anchors.isdisjoint(nouns))
            if (best is None or rank > best[0]) and _matches(p, pre, post, preps, pre_h, post_h):
                best = (rank, p)
        if best is not None:
            break
    if best is not None:
        p = best[1]
        code, back = (p.code, False) if p.code else (p.back, True)
        line, source = p.line, "pattern"
        if code.startswith("033") and verbs.families[e.family].name in SENDING:
            code = "07" + code[3:]  # (the sending itself: ``SENDING``)
    else:
        e = usable[0]
        code = e.code if e.code is not None else verbs.families[e.family].code
        back, line = False, 0
        source = "verb" if e.code is not None else "family"
    if not code:
        return None
    pl = plover_of(code, crosswalk)
    if pl is None:
        return None
    return VerbCode(code=code, plover=pl, pattern_line=line, back=back, source=source)
