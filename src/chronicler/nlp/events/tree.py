"""Per-token reads of the article being coded, kept until the next document (one per
thread: a server codes articles on several): each token's lower-case lemma and form
(``words_of``; the index shares the columns it reads), and the tokens a character span
covers (``token_span``: ``doc.char_span(a, b, alignment_mode="expand")``'s token range
by a binary search over the token offsets, where spaCy's own builds a Span and several
Token objects per call)."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Token


class _Seen(threading.local):
    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.starts: list[int] = []  # each token's first character
        self.ends: list[int] = []  # its end (its trailing space not included)
        self.covers: list[int] = []  # its end with the trailing space
        self.lemmas: list[str] = []  # each token's lower-case lemma (``words_of``)
        self.lowers: list[str] = []  # and lower-case form
        self.kids: list[list[Token]] = []  # each token's children (``kids``)


_SEEN = _Seen()


def _of(doc: Doc) -> _Seen:
    seen = _SEEN
    if seen.doc is not doc:  # (the one held keeps its id from being reused)
        seen.doc = doc
        seen.starts, seen.ends, seen.covers = [], [], []
        seen.lemmas, seen.lowers = [], []
        seen.kids = []
    return seen


def kids(tok: Token) -> list[Token]:
    """``list(tok.children)``, in its order, from lists built once per document: spaCy
    makes a Token object per child on every read, and the coder reads the children of
    the same few tokens hundreds of times a sentence. (The list is shared: callers never
    change it.)"""
    seen = _SEEN
    if seen.doc is tok.doc and seen.kids:
        return seen.kids[tok.i]
    seen = _of(tok.doc)
    out: list[list[Token]] = [[] for _ in range(len(tok.doc))]
    for t in tok.doc:  # (ascending: spaCy's order, its left children then its right)
        h = t.head.i
        if h != t.i:
            out[h].append(t)
    seen.kids = out
    return out[tok.i]


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


def _by_char(seen: _Seen, char: int) -> int:
    """The token whose text or trailing space holds ``char``, else -1 (spaCy's
    ``token_by_char``: tokens and their spaces tile the text)."""
    i = bisect.bisect_right(seen.starts, char) - 1
    return i if i >= 0 and char < seen.covers[i] else -1


def _offsets(doc: Doc) -> _Seen:
    seen = _of(doc)
    if not seen.starts and len(doc):
        idx, length, space = doc.to_array([IDX, LENGTH, SPACY]).T
        ends = idx + length
        seen.starts, seen.ends, seen.covers = idx.tolist(), ends.tolist(), (ends + space).tolist()
    return seen


def token_spans(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """``token_span`` of each (start, end) character span, the offsets read once (an
    article's mentions, places, quotes ...: a ``char_span`` each was a fifth of the
    index)."""
    seen = _offsets(doc)
    return [_range(doc, seen, start, end) for start, end in spans]


def token_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(first token, last token + 1) of ``doc.char_span(start, end,
    alignment_mode="expand")``, or None where that is None."""
    return _range(doc, _offsets(doc), start, end)


def _range(doc: Doc, seen: _Seen, start: int, end: int) -> tuple[int, int] | None:
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


def less_d(low: str) -> str:
    """A regular past's form less its "d" ("staged" -> "stage", "raped" -> "rape"):
    the verb the small model's lemmatiser cuts too short when the shorter word is a
    verb too ("stag", "rap"); "" for any other form."""
    return low[:-1] if low.endswith("ed") else ""
