"""Per-token reads of the article being coded, kept until the next document (one per
thread: a server codes articles on several): each token's lower-case lemma and form
(``words_of``; the index shares the columns it reads), and the tokens a character span
covers (``token_span``: ``doc.char_span(a, b, alignment_mode="expand")``'s token range
by a binary search over the token offsets, where spaCy's own builds a Span and several
Token objects per call)."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Token


class _Seen:
    """What is kept of one document (a plain object: a thread-local's attributes cost a
    lookup of the thread on every read, and the coder reads these millions of times)."""

    __slots__ = ("doc", "starts", "ends", "covers", "lemmas", "lowers", "toks", "below",
                 "first_below", "kids", "deps", "poss", "tags", "subtrees", "sub_ix", "breaks",
                 "clauses", "heads", "cols", "sent_starts", "closed", "hooked")

    def __init__(self, doc: Doc | None) -> None:
        self.doc = doc
        self.starts: list[int] = []  # each token's first character
        self.ends: list[int] = []  # its end (its trailing space not included)
        self.covers: list[int] = []  # its end with the trailing space
        self.lemmas: list[str] = []  # each token's lower-case lemma (``words_of``)
        self.lowers: list[str] = []  # and lower-case form
        # the parse (``_tree``): the Token objects; each one's children by index (those
        # of token i are ``below[first_below[i]:first_below[i + 1]]``, ascending), and as
        # tokens once read; its labels; and the subtrees read so far
        self.toks: list[Token] = []
        self.below: list[int] = []
        self.first_below: list[int] = []
        self.kids: list[list[Token] | None] = []
        self.deps: list[str] = []
        self.poss: list[str] = []
        self.tags: list[str] = []
        self.heads: list[int] = []  # each token's head (a root is its own)
        self.subtrees: dict[int, list[Token]] = {}
        self.sub_ix: dict[int, list[int]] = {}  # (``subtree_ix``: each node's, once)
        self.breaks: list[int] | None = None  # (``line_breaks``)
        # ``modes.clause_ix`` by its heads' indices (a candidate's clause is read by its
        # rules' scopes, then by its modes, and again when it is retyped)
        self.clauses: dict[int | tuple[int, ...], list[int]] = {}
        self.cols: np.ndarray | None = None  # (``columns``)
        # the first token of each of the parser's sentences (``Token.sent``'s marks);
        # whether each holds the whole parse tree of its words (no head outside it:
        # ``sentence_of``); whether the document has a hook of its own for sentences
        self.sent_starts: list[int] = []
        self.closed = False
        self.hooked = False


class _Current(threading.local):
    def __init__(self) -> None:
        self.seen = _Seen(None)


_CURRENT = _Current()
# The parse last built or found by any thread (``_built``), read before the thread's
# own: a thread-local read costs ten times a global one, and the coder reads the parse
# a few hundred thousand times a hundred articles. It is only ever a fully built one,
# whose lists are its document's whichever thread built them (and what is filled in
# later, children, subtrees and clauses, is the same whoever fills it); a thread coding
# another document finds its own in ``_CURRENT``.
_HOT = _Seen(None)


def _of(doc: Doc) -> _Seen:
    seen = _CURRENT.seen
    if seen.doc is not doc:  # (the one held keeps its id from being reused)
        seen = _CURRENT.seen = _Seen(doc)
    return seen


def tree_of(doc: Doc) -> _Seen:
    """The document's parse as lists (``toks``, ``below`` and ``first_below``, ``deps``,
    ``poss``, ``tags``, ``heads``; and its words, ``lemmas`` and ``lowers``), built once
    per document."""
    seen = _HOT
    if seen.doc is doc:
        return seen
    return _built(doc)


def _built(doc: Doc) -> _Seen:
    """The thread's parse of ``doc`` (built if need be), made the one read first."""
    global _HOT
    seen = _CURRENT.seen
    if seen.doc is not doc or not seen.toks:
        seen = _tree(doc)
    _HOT = seen
    return seen


def kids(tok: Token) -> list[Token]:
    """``list(tok.children)``, in its order, from lists built once per document: spaCy
    makes a Token object per child on every read, and the coder reads the children of
    the same few tokens hundreds of times a sentence. (The list is shared: callers never
    change it.)"""
    seen = _HOT
    if seen.doc is not tok.doc:
        seen = _built(tok.doc)
    i = tok.i
    got = seen.kids[i]
    if got is None:  # (made on first read: most tokens' children are never read)
        at = seen.first_below  # (``map``: no comprehension's function made per read)
        got = seen.kids[i] = list(map(seen.toks.__getitem__, seen.below[at[i]:at[i + 1]]))
    return got


def subtree(tok: Token) -> list[Token]:
    """``list(tok.subtree)``, in its order (the left children's subtrees, the token, the
    right children's), once per token and document (shared: callers never change it)."""
    seen = _HOT
    if seen.doc is not tok.doc:
        seen = _built(tok.doc)
    got = seen.subtrees.get(tok.i)
    if got is None:
        got = seen.subtrees[tok.i] = list(map(seen.toks.__getitem__, _subtree_ix(seen, tok.i)))
    return got


# ``range(k)`` for the step limits of the walks up the parse, made once (``for _ in
# STEPS[6]``): Python 3.11 sizes a new range by generic arithmetic, which cost more than
# the few steps most walks take
STEPS = tuple(range(k) for k in range(13))


# The token attributes the coder reads from spaCy's arrays (the index's words and
# segments, the parse, the offsets): read by one ``doc.to_array`` per document, where each
# reader's own read a third of them twice. (No attribute of the word itself but its ORTH:
# ``to_array`` reads each with GIL round trips per token, half the read's cost for four
# columns; the index reads them by form, and the offsets end where the next token
# starts.)
COLUMNS = (LEMMA, ORTH, POS, SPACY, HEAD, DEP, TAG, IDX, SENT_START)
_COL = {a: k for k, a in enumerate(COLUMNS)}


def columns(doc: Doc, attrs: Sequence[int]) -> np.ndarray:
    """``doc.to_array(attrs)`` (two attributes of ``COLUMNS`` or more), from one read
    of them all per document."""
    seen = _of(doc)
    if seen.cols is None:
        seen.cols = doc.to_array(list(COLUMNS))
    return seen.cols[:, [_COL[a] for a in attrs]]


def line_breaks(doc: Doc) -> list[int]:
    """The tokens that hold a line break, ascending: space tokens with a newline (a
    token's own trailing whitespace is one space at most), once per document (the
    index's, ``share_words``)."""
    if _HOT.doc is doc and _HOT.breaks is not None:  # (``_HOT``: set once, whole)
        return _HOT.breaks
    seen = _of(doc)
    if seen.breaks is None:
        seen.breaks = [t.i for t in doc if t.is_space and "\n" in t.text]  # (no index)
    return seen.breaks


def subtree_ix(tok: Token) -> list[int]:
    """``subtree``'s indices (for a set of words, where no Token is needed; shared:
    callers never change it)."""
    seen = _HOT
    if seen.doc is not tok.doc:
        seen = _built(tok.doc)
    return _subtree_ix(seen, tok.i)


def sentence_of(seen: _Seen, i: int) -> tuple[int, int] | None:
    """The tokens [start, end) of the parser's sentence of token ``i``, which hold every
    token of ``i``'s parse tree; None where a head lies outside its token's sentence
    (a document made by hand)."""
    return _bounds(seen, i) if seen.closed else None


def sent_range(tok: Token) -> tuple[int, int]:
    """(``tok.sent.start``, ``tok.sent.end``), from the sentence marks read once per
    document (``Token.sent`` makes two Spans and reads the document's annotation)."""
    seen = tree_of(tok.doc)
    if seen.hooked:
        sent = tok.sent
        return sent.start, sent.end
    return _bounds(seen, tok.i)


def _bounds(seen: _Seen, i: int) -> tuple[int, int]:
    starts = seen.sent_starts
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(seen.heads)


def subtree_at(seen: _Seen, i: int) -> list[int]:
    """``subtree_ix`` of token ``i`` (shared: callers never change it)."""
    return _subtree_ix(seen, i)


def children_ix(seen: _Seen, i: int) -> list[int]:
    """The children of token ``i``, by index, ascending (``kids``'s)."""
    at = seen.first_below
    return seen.below[at[i]:at[i + 1]]


def _subtree_ix(seen: _Seen, i: int) -> list[int]:
    got = seen.sub_ix.get(i)
    if got is not None:
        return got
    out: list[int] = []
    placed = False
    at = seen.first_below
    for c in seen.below[at[i]:at[i + 1]]:
        if not placed and c > i:
            out.append(i)
            placed = True
        if at[c] == at[c + 1]:
            out.append(c)  # (a leaf, most words: no call for it)
        else:
            out += _subtree_ix(seen, c)
    if not placed:
        out.append(i)
    seen.sub_ix[i] = out
    return out


# label strings by their id, once per process (a model has a few dozen labels): the ids
# sorted, and their strings, each a numpy array (a document's columns are read through
# them by one search, with no Python step per token); replaced whole when a label is new
_LABELS: tuple[np.ndarray, np.ndarray] = (np.zeros(0, dtype=np.uint64),
                                          np.zeros(0, dtype=object))


def _tree(doc: Doc) -> _Seen:
    seen = _of(doc)
    n = len(doc)
    cols = columns(doc, (HEAD, DEP, POS, TAG, SENT_START))
    at = np.arange(n, dtype="int64")
    # (HEAD is the head's offset from the token, as an unsigned number)
    heads = cols[:, 0].astype("int64") + at
    # (the sentences the parser marked, ``doc.sents``'s: token 0 and each other marked as
    # a start; that each holds its words' whole trees is checked, not assumed)
    starts = cols[:, 4] == 1
    starts[:1] = True
    sent = np.cumsum(starts)
    seen.sent_starts = np.flatnonzero(starts).tolist()
    seen.closed = not (sent[heads] != sent).any()
    seen.hooked = "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or \
        "sents" in doc.user_hooks
    child = heads != at  # (a root is its own head)
    # the children grouped by head, each group ascending (spaCy's order: left children,
    # then right), by one stable sort rather than a list per token
    seen.below = at[child][np.argsort(heads[child], kind="stable")].tolist()
    seen.first_below = [0, *np.cumsum(np.bincount(heads[child], minlength=n)).tolist()]
    seen.toks = list(doc)
    seen.kids = [None] * n
    seen.deps, seen.poss, seen.tags = _labels(doc, cols[:, 1:4])
    seen.heads = heads.tolist()
    if len(seen.lemmas) != n:  # (the walks by index read the words too: ``words_of``)
        seen.lemmas, seen.lowers = words_of(doc)
    seen.subtrees, seen.sub_ix = {}, {}
    return seen


def _labels(doc: Doc, ids: np.ndarray) -> list[list[str]]:
    """The label strings of each column of label ids."""
    keys, strs = _LABELS
    if len(keys):
        at = np.searchsorted(keys, ids)
        at[at == len(keys)] = 0  # (an id past the last: no label known, as a mismatch)
        if (keys[at] == ids).all():
            return strs[at].T.tolist()
    return _new_labels(doc, ids)


def _new_labels(doc: Doc, ids: np.ndarray) -> list[list[str]]:
    """``_labels``, where a label is not known yet (a new model): the tables made anew
    with it."""
    global _LABELS
    keys, strs = _LABELS
    known = dict(zip(keys.tolist(), strs.tolist(), strict=True))
    strings = doc.vocab.strings
    for x in set(ids.ravel().tolist()).difference(known):
        known[x] = strings[x]
    order = sorted(known)
    keys = np.array(order, dtype=np.uint64)
    strs = np.empty(len(order), dtype=object)
    strs[:] = [known[x] for x in order]
    _LABELS = (keys, strs)
    return strs[np.searchsorted(keys, ids)].T.tolist()


def share_words(doc: Doc, lemmas: list[str], lowers: list[str], breaks: list[int]) -> None:
    """The lower-case lemma and form of each token, and the line breaks, read once by
    the index."""
    seen = _of(doc)
    seen.lemmas, seen.lowers, seen.breaks = lemmas, lowers, breaks


def words_of(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's ``lemma_.lower()`` and ``lower_`` (shared by the index, else read)."""
    seen = _HOT
    if seen.doc is doc:  # (a parse built has its words)
        return seen.lemmas, seen.lowers
    seen = _of(doc)
    if len(seen.lemmas) != len(doc):
        seen.lemmas = [t.lemma_.lower() for t in doc]
        seen.lowers = [t.lower_ for t in doc]
    return seen.lemmas, seen.lowers


def _offsets(doc: Doc) -> _Seen:
    seen = _of(doc)
    if not seen.starts and len(doc):
        idx, space = columns(doc, (IDX, SPACY)).T
        # (tokens and their spaces tile the text: each ends where the next starts, less
        # its space; the last where its text ends)
        ends = np.empty_like(idx)
        ends[:-1] = idx[1:] - space[:-1]
        ends[-1] = idx[-1] + len(doc[-1])
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
    # the tokens whose text or trailing space holds the first and the last character, or
    # None (spaCy's ``token_by_char``: tokens and their spaces tile the text; inline, as
    # it is read for every mention, place, count and quote)
    starts, covers = seen.starts, seen.covers
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, end - 1) - 1
    if first < 0 or start >= covers[first] or last < 0 or end - 1 >= covers[last]:
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
