"""The smallest walks of the parse, which ``roles`` (re-exporting them) and the whole
coder take hundreds of times a sentence: a token's children by label, the nouns
coordinated with it, its prepositions' objects, the passive test, the noun before a verb
the parser left without a subject. They read the document's lists by index
(``tree.tree_of``): a label string per child read from spaCy (and a Token object per
child not kept) was most of their cost."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping

from spacy.tokens import Token

from chronicler.nlp.events.tree import _Seen, children_ix, kids, line_breaks, tree_of

NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("India and Pakistan")."""
    tree = tree_of(tok.doc)
    at, below, deps, poss = tree.first_below, tree.below, tree.deps, tree.poss
    out = [tok]
    i = tok.i
    ks = below[at[i]:at[i + 1]]
    if "conj" not in map(deps.__getitem__, ks):
        return out  # (most words have no conjunct: no list made for them)
    # (loops: a comprehension reading ``deps`` made it a cell on every call)
    stack: list[int] = []
    for c in ks:
        if deps[c] == "conj":
            stack.append(c)
    while stack:
        c = stack.pop(0)
        if poss[c] in NOUN_POS or poss[c] == "ADJ":
            out.append(tree.toks[c])
            for g in below[at[c]:at[c + 1]]:
                if deps[g] == "conj":
                    stack.append(g)
    return out


def children(tok: Token, deps: Collection[str]) -> list[Token]:
    """``tok``'s children with one of ``deps`` (a collection: it is read per child)."""
    tree = tree_of(tok.doc)
    at, labels, toks = tree.first_below, tree.deps, tree.toks
    i = tok.i
    out: list[Token] = []  # (a loop: a comprehension is a function made per call)
    for c in tree.below[at[i]:at[i + 1]]:
        if labels[c] in deps:
            out.append(toks[c])
    return out


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions named in ``preps`` (coordinated ones too)."""
    tree = tree_of(tok.doc)
    at, below, deps, lowers = tree.first_below, tree.below, tree.deps, tree.lowers
    out: list[Token] = []
    want: frozenset[str] | None = None  # (made for a word with a preposition only)
    for p in below[at[tok.i]:at[tok.i + 1]]:
        if deps[p] not in ("prep", "agent"):
            continue
        if want is None:
            want = frozenset(preps)
        if lowers[p] in want:
            for o in below[at[p]:at[p + 1]]:
                if deps[o] in ("pobj", "pcomp"):
                    out += conjuncts(tree.toks[o])
    return out


def marked(tree: _Seen, i: int, marks: frozenset[str]) -> bool:
    """Has token ``i`` a "mark" child among ``marks`` ("while", "when")? (Its own
    function: a comprehension in the caller made the lists it reads cells per call.)"""
    deps, lowers = tree.deps, tree.lowers
    return any(deps[c] == "mark" and lowers[c] in marks for c in children_ix(tree, i))


def child_with(deps: list[str], kids: list[int], dep: str, words: list[str],
               among: Collection[str]) -> bool:
    """Is one of ``kids`` a ``dep`` child whose word (of ``words``) is in ``among``? (A
    loop: a generator in the caller made the lists it read cells on every call.)"""
    for c in kids:
        if deps[c] == dep and words[c] in among:
            return True
    return False


def pronouns_last(tree: _Seen, at: list[int]) -> None:
    """Sort the tokens ``at`` pronouns last, in place (a function of its own: the key's
    lambda made the parse a cell on every call of the caller)."""
    poss = tree.poss
    at.sort(key=lambda i: poss[i] == "PRON")


def modifier_sector(tree: _Seen, i: int, nouns: Mapping[str, str], skip: frozenset[str],
                    sides: Mapping[str, str]) -> str | None:
    """The sector the first modifier of token ``i`` naming one names ("the militant
    group": ``nouns``'s, else ``sides``'s; never a word of ``skip``). (Its own function:
    what its comprehension reads was made cells on every call of ``sector_noun``.)"""
    deps, lemmas, lowers = tree.deps, tree.lemmas, tree.lowers
    return next((sec for m in children_ix(tree, i) if deps[m] in ("amod", "compound")
                 and lemmas[m] not in skip
                 and (sec := nouns.get(lemmas[m]) or nouns.get(lowers[m])
                      or sides.get(lowers[m]))), None)


# the kinds of entity that may do something (not "by force", "by the river")
DOERS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# verbs whose passive subject is promised something that its owner gives
PROMISED = frozenset({"promise", "pledge", "offer", "guarantee", "assure"})


def agents(verb: Token) -> list[Token]:
    """Who does what a passive verb says: its "by" phrase; else a "by" the parser hangs
    on the verb's retained object or on the object of one of its prepositions ("was
    promised a loan by the World Bank", "were refused entry by Myanmar", "were admitted
    to the site by X"), when it names an entity and not a means or a place."""
    own = prep_objects(verb, ("by",))
    if own or not is_passive(verb):
        return own
    objs = children(verb, ("dobj",))
    hosts = objs + [o for p in children(verb, ("prep",)) for o in children(p, ("pobj",))]
    return [o for h in hosts for o in prep_objects(h, ("by",))
            if o.ent_type_ in DOERS or any(x.ent_type_ in DOERS for x in kids(o)
                                           if x.dep_ in ("compound", "amod", "nmod"))] or (
        # "was promised Brazil's backing", "full Colombian cooperation": whose it is
        [x for o in objs for x in kids(o) if x.dep_ == "poss" and x.pos_ != "PRON"
         or x.ent_type_ == "NORP"]
        if verb.lemma_.lower() in PROMISED else [])


def is_passive(verb: Token) -> bool:
    tree = tree_of(verb.doc)
    at, deps = tree.first_below, tree.deps
    i = verb.i
    for c in tree.below[at[i]:at[i + 1]]:
        if deps[c] in ("auxpass", "nsubjpass"):
            return True
    return False


def with_objects(tok: Token, at: list[int], pos: tuple[str, ...] | None = None
                 ) -> list[Token]:
    """The objects of "with" on the words at ``at`` (with ``pos``, on its nouns and
    verbs other than ``tok``), in their order (by index: a Token object and a tag read
    per word of the clause were most of the cost)."""
    tree = tree_of(tok.doc)
    poss, toks = tree.poss, tree.toks
    if pos is None:
        return [o for x in at for o in prep_objects(toks[x], ("with",))]
    return [o for x in at if x != tok.i and poss[x] in pos
            for o in prep_objects(toks[x], ("with",))]


def word_before(verb: Token) -> Token | None:
    """A finite verb the parser left without a subject ("Merovia launched ...": npadvmod;
    "Foreign Minister Ishaq Dar disclosed", Dar hanging off an earlier noun): the noun
    right before it, past auxiliaries and adverbs, in the same paragraph."""
    tree = tree_of(verb.doc)  # (by index: read for each verb with no subject)
    tags, poss, toks = tree.tags, tree.poss, tree.toks
    i = verb.i
    if tags[i] not in ("VBD", "VBZ", "VBP") and not (tags[i] == "VBN" and tree.deps[i] == "ROOT"):
        return None
    j = i - 1
    while j >= 0 and poss[j] in ("AUX", "ADV", "PART") and not toks[j + 1].is_sent_start:
        j -= 1
    if j < 0 or toks[j + 1].is_sent_start:
        return None
    w = toks[j]
    if poss[j] not in ("PROPN", "NOUN", "PRON") or "\n" in w.whitespace_ or tree.deps[j] in (
            "dobj", "pobj", "nsubj", "nsubjpass", "attr", "dative"):
        return None
    return w


def _across_lines(a: Token, b: Token) -> bool:
    """A parse arc across a line break joins a heading to the next paragraph."""
    lo, hi = sorted((a.i, b.i))
    breaks = line_breaks(a.doc)  # (a token's trailing whitespace never holds one)
    k = bisect.bisect_left(breaks, lo)
    return k < len(breaks) and breaks[k] < hi
