"""Quote marks -> quoted segments, on the raw text (no parse needed).

Marks: straight ``"`` and ``'``, curly ``“ ” ‘ ’``, low ``„ ‚`` and guillemets ``« »``.
A mark's role (opening or closing) comes from its neighbours first and its glyph
second, because scraped text mixes straight and curly marks and sometimes types a
closing glyph where an opening one belongs.

Rules that keep one bad mark from derailing an article:

* an apostrophe between two letters or digits ("Pakistan’s", "can't") is never a mark,
  nor is one before a decade ("’90s");
* inside a double-quoted segment single marks are nested quotes and are ignored (and
  vice versa), so "“... called it ‘baseless’ ...”" is one segment;
* a segment never crosses a paragraph boundary, except by the English convention for
  long quotes: a paragraph that ends inside a quote, on a full sentence, with no
  closing mark, continues when the next paragraph opens with an opening mark. The
  pieces are separate segments sharing a ``chain`` number;
* an opening mark with no closing mark before the end of its paragraph (and no
  continuation) is stray: it is dropped and the paragraph is scanned again from just
  after it, so the marks after it pair up as they should. Scanning starts afresh at
  every paragraph.

Single closing marks that could also be a plural possessive ("the officials’ view") are
weak: a later strong closing mark (after punctuation, or before punctuation) in the
same paragraph wins over them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single"]
Role = Literal["open", "close", "both"]

# glyph -> (family, preferred role)
_MARKS: dict[str, tuple[Family, Role]] = {
    '"': ("double", "both"), "“": ("double", "open"), "”": ("double", "close"),
    "„": ("double", "open"), "‟": ("double", "open"), "«": ("double", "open"),
    "»": ("double", "close"),
    "'": ("single", "both"), "‘": ("single", "open"), "’": ("single", "close"),
    "‚": ("single", "open"),
}
_MARK_RE = re.compile("[" + re.escape("".join(_MARKS)) + "]")
_OPEN_BEFORE = set("([{—–-/") | set(_MARKS)  # what may stand before an opening mark
_CLOSE_AFTER = set(",.;:!?)]}—–-…") | set(_MARKS)  # what may follow a closing mark
_STRONG_BEFORE = set(",.;:!?…")
_DECADE = re.compile(r"\d0s\b")
_PARA = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class QuoteSegment:
    """One contiguous run of quoted words: ``[start, end)`` is the text inside the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote runs on
    family: Family
    para: int  # index of the paragraph (see ``paragraph_spans``)
    chain: int  # segments of one quote running over paragraphs share this number

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]

    @property
    def outer(self) -> tuple[int, int]:
        """Span including the marks."""
        end = self.close_at + 1 if self.close_at is not None else self.end
        return self.open_at, end


@dataclass(frozen=True)
class _Mark:
    at: int
    family: Family
    role: Role
    strong: bool  # for closing: not a possible plural possessive


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line: extractors give one paragraph per line,
    and cleaned text separates paragraphs by a blank line; both split the same way."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def word_count(s: str) -> int:
    return len(_WORD.findall(s))


def _classify(text: str, i: int, lo: int, hi: int) -> _Mark | None:
    ch = text[i]
    family, glyph_role = _MARKS[ch]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if family == "single":
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe: Pakistan’s, can't
        if ch in "’'" and _DECADE.match(text, i + 1):
            return None  # ’90s
    can_open = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace() \
        and nxt not in ",;:)]}"
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if can_open and can_close:
        role: Role = glyph_role
    elif can_open:
        role = "open"
    elif can_close:
        role = "close"
    else:
        return None  # a mark standing between spaces, or glued inside a word
    strong = family == "double" or prev in _STRONG_BEFORE or nxt in _CLOSE_AFTER or i + 1 >= hi
    return _Mark(i, family, role, strong)


def _marks(text: str, lo: int, hi: int) -> list[_Mark]:
    out = []
    for m in _MARK_RE.finditer(text, lo, hi):
        mk = _classify(text, m.start(), lo, hi)
        if mk is not None:
            out.append(mk)
    return out


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _continues(text: str, open_at: int, para: tuple[int, int],
               nxt: tuple[int, int] | None, family: Family) -> bool:
    """English convention: a quote runs into the next paragraph when this paragraph ends
    on a full sentence with no closing mark and the next one opens with a mark. The
    quote must also open like a quoted sentence (paragraph start, after ":" or ",", or a
    capital letter): "praised the “operation as a success." is a stray mark."""
    lo, hi = para
    if nxt is None or not _TERMINAL_END.search(text, open_at + 1, hi):
        return False
    before = text[lo:open_at].rstrip()
    first = text[open_at + 1:open_at + 2]
    if before and not before.endswith((":", ",")) and not first.isupper():
        return False
    ch = text[nxt[0]]
    return ch in _MARKS and _MARKS[ch][0] == family and _MARKS[ch][1] != "close"


def _scan(text: str, paras: list[tuple[int, int]]) -> Iterator[QuoteSegment]:
    chain = 0
    carry: Family | None = None  # family of a quote running on from the previous paragraph
    for pi, (lo, hi) in enumerate(paras):
        nxt = paras[pi + 1] if pi + 1 < len(paras) else None
        marks = _marks(text, lo, hi)
        k = 0
        open_mark: _Mark | None = None
        if carry is not None:
            # the first mark of this paragraph is the re-opening mark of a running quote
            open_mark = _Mark(lo, carry, "open", True)
            k = 1 if marks and marks[0].at == lo else 0
            carry = None
        weak: list[_Mark] = []
        while True:
            if k >= len(marks):
                if open_mark is None:
                    break
                if weak:
                    k = _index_after(marks, weak[0].at)
                    yield _segment(text, open_mark, weak[0].at, pi, chain)
                    chain += 1
                    open_mark, weak = None, []
                    continue
                if _continues(text, open_mark.at, (lo, hi), nxt, open_mark.family):
                    s, e = _inner(text, open_mark.at + 1, hi)
                    yield QuoteSegment(s, e, open_mark.at, None, open_mark.family, pi, chain)
                    carry = open_mark.family
                    break
                # stray opening mark: drop it and scan again right after it
                k = _index_after(marks, open_mark.at)
                open_mark, weak = None, []
                continue
            mk = marks[k]
            k += 1
            if open_mark is None:
                if mk.role in ("open", "both"):
                    open_mark = mk
                continue
            if mk.family != open_mark.family:
                continue  # nested quote of the other family
            if mk.role in ("close", "both"):
                if mk.strong:
                    yield _segment(text, open_mark, mk.at, pi, chain)
                    chain += 1
                    open_mark, weak = None, []
                else:
                    weak.append(mk)
            elif weak:  # a new opening mark: the quote closed at its first weak mark
                yield _segment(text, open_mark, weak[0].at, pi, chain)
                chain += 1
                open_mark, weak = mk, []
            else:  # two opening marks in a row: the first one was stray
                open_mark = mk


def _index_after(marks: list[_Mark], at: int) -> int:
    for j, mk in enumerate(marks):
        if mk.at > at:
            return j
    return len(marks)


def _segment(text: str, open_mark: _Mark, close_at: int, para: int, chain: int
             ) -> QuoteSegment:
    s, e = _inner(text, open_mark.at + 1, close_at)
    return QuoteSegment(s, e, open_mark.at, close_at, open_mark.family, para, chain)


def find_quote_segments(text: str) -> list[QuoteSegment]:
    """Quoted segments in text order; empty quotes ("“”") are skipped."""
    paras = paragraph_spans(text)
    segs = [s for s in _scan(text, paras) if s.end > s.start]
    # a quote running on keeps its chain number across paragraphs; renumber densely
    ids: dict[int, int] = {}
    out = []
    for s in segs:
        cid = ids.setdefault(s.chain, len(ids))
        out.append(QuoteSegment(s.start, s.end, s.open_at, s.close_at, s.family, s.para, cid))
    return out


def is_headline_like(text: str, lo: int, hi: int) -> bool:
    """A short paragraph that does not end on a full stop: a headline or subheading.

    Quotes in headlines are only attributed by the headline convention
    ("‘...’: Speaker"); a parse of a headline is too unreliable for more.
    """
    para = text[lo:hi].rstrip()
    while para and para[-1] in _MARKS:
        para = para[:-1].rstrip()
    return word_count(para) <= 20 and not para.endswith((".", ":", ";"))
