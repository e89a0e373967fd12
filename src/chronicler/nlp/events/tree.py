"""A token's children and subtree, read once per token of the article being coded, and
the tokens a character span covers.

spaCy walks a head's whole left and right edge to list its children (a Token object per
step), and its subtree through nested generators; the coder asks the same heads again
and again (per candidate, per role, per mode), so each token's are kept, as tuples in
the parse's order, until the next document (one per thread: a server codes articles on
several). ``token_span`` is ``doc.char_span(a, b, alignment_mode="expand")``'s token
range by a binary search over the token offsets (spaCy's own, as a Span, makes several
Token objects per call)."""

from __future__ import annotations

import bisect
import threading

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Token


class _Seen(threading.local):
    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.kids: dict[int, tuple[Token, ...]] = {}
        self.sub: dict[int, tuple[Token, ...]] = {}
        self.starts: list[int] = []  # each token's first character
        self.ends: list[int] = []  # its end (its trailing space not included)
        self.covers: list[int] = []  # its end with the trailing space
        self.lemmas: list[str] = []  # each token's lower-case lemma (``words_of``)
        self.lowers: list[str] = []  # and lower-case form


_SEEN = _Seen()


def _of(doc: Doc) -> _Seen:
    seen = _SEEN
    if seen.doc is not doc:  # (the one held keeps its id from being reused)
        seen.doc, seen.kids, seen.sub = doc, {}, {}
        seen.starts, seen.ends, seen.covers = [], [], []
        seen.lemmas, seen.lowers = [], []
    return seen


def kids(tok: Token) -> tuple[Token, ...]:
    """``tok.children``, in order."""
    seen = _SEEN
    doc = tok.doc
    if seen.doc is not doc:
        _of(doc)
    known, i = seen.kids, tok.i
    got = known.get(i)
    if got is None:
        got = known[i] = tuple(tok.children)
    return got


def share_words(doc: Doc, lemmas: list[str], lowers: list[str]) -> None:
    """The lower-case lemma and form of each token, read once by the index."""
    seen = _of(doc)
    seen.lemmas, seen.lowers = lemmas, lowers


def words_of(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's ``lemma_.lower()`` and ``lower_`` (shared by the index, else read)."""
    seen = _of(doc)
    if len(seen.lemmas) != len(doc):
        seen.lemmas = [t.lemma_.lower() for t in doc]
        seen.lowers = [t.lower_ for t in doc]
    return seen.lemmas, seen.lowers


def subtree_of(tok: Token) -> tuple[Token, ...]:
    """``tok.subtree``, in order."""
    known = _of(tok.doc).sub
    got = known.get(tok.i)
    if got is None:
        got = known[tok.i] = tuple(tok.subtree)
    return got


def _by_char(seen: _Seen, char: int) -> int:
    """The token whose text or trailing space holds ``char``, else -1 (spaCy's
    ``token_by_char``: tokens and their spaces tile the text)."""
    i = bisect.bisect_right(seen.starts, char) - 1
    return i if i >= 0 and char < seen.covers[i] else -1


def token_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(first token, last token + 1) of ``doc.char_span(start, end,
    alignment_mode="expand")``, or None where that is None."""
    seen = _of(doc)
    if not seen.starts and len(doc):
        idx, length, space = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
        seen.starts = idx
        seen.ends = [a + n for a, n in zip(idx, length, strict=True)]
        seen.covers = [e + s for e, s in zip(seen.ends, space, strict=True)]
    first = _by_char(seen, start)
    last = _by_char(seen, end - 1)
    if first < 0 or last < 0:
        return None
    if start == seen.ends[first]:
        first += 1  # (its trailing space is no part of the token before)
    if first > last:  # (an empty span: spaCy's own answer, whatever it is)
        sp = doc.char_span(start, end, alignment_mode="expand")
        return None if sp is None else (sp.start, sp.end)
    return first, last + 1
