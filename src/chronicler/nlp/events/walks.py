"""The smallest walks of the parse, which ``roles`` (re-exporting them) and the whole
coder take hundreds of times a sentence: a token's children by label, the nouns
coordinated with it, its prepositions' objects, the passive test. ``prep_objects``
reads the document's lists by index (``tree.tree_of``): a label string per child read
from spaCy was most of its cost."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Token

from chronicler.nlp.events.tree import kids, tree_of

NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("India and Pakistan")."""
    out = [tok]
    stack = [c for c in kids(tok) if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in NOUN_POS or c.pos_ == "ADJ":
            out.append(c)
            stack += [g for g in kids(c) if g.dep_ == "conj"]
    return out


def children(tok: Token, deps: Collection[str]) -> list[Token]:
    """``tok``'s children with one of ``deps`` (a collection: it is read per child)."""
    return [c for c in kids(tok) if c.dep_ in deps]


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions named in ``preps`` (coordinated ones too)."""
    want = frozenset(preps)
    tree = tree_of(tok.doc)
    at, below, deps, lowers = tree.first_below, tree.below, tree.deps, tree.lowers
    out: list[Token] = []
    for p in below[at[tok.i]:at[tok.i + 1]]:
        if deps[p] in ("prep", "agent") and lowers[p] in want:
            for o in below[at[p]:at[p + 1]]:
                if deps[o] in ("pobj", "pcomp"):
                    out += conjuncts(tree.toks[o])
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in kids(verb))
