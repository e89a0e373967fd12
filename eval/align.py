"""Gold offsets are into the raw text; the system's are into the cleaned text.

Cleaning (``chronicler.clean.article.build_article``) drops the title line and page residue
and collapses whitespace, so a gold span is carried over by its content: the gold
substring is searched in the cleaned text ignoring whitespace (and the invisible
characters cleaning drops). A short name occurs in many places ("Kaldoria" also inside
"Kaldorian"), so the search first takes some raw text on each side of the span along,
then less, and last the bare substring at word boundaries; of several hits the one
nearest the same relative position wins. A span that cannot be found is reported.
"""

from __future__ import annotations

import unicodedata

from eval.scoring import Span

# What clean._normalize_chars drops; whitespace is skipped as well.
_INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad")
_CONTEXTS = (24, 8, 0)  # characters of raw context on each side, tried in turn


def squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace or invisible characters (NFC per character, so
    positions stay put), and for each kept character its offset in ``text``."""
    keep = [(i, unicodedata.normalize("NFC", ch)) for i, ch in enumerate(text)
            if not ch.isspace() and ch not in _INVISIBLE]
    return "".join(ch for _, ch in keep), [i for i, _ in keep]


def _find_all(hay: str, needle: str) -> list[int]:
    hits, i = [], hay.find(needle)
    while i >= 0:
        hits.append(i)
        i = hay.find(needle, i + 1)
    return hits


class Aligner:
    """Maps spans of one raw text onto its cleaned text (both squeezed once)."""

    def __init__(self, raw: str, clean: str) -> None:
        self.raw = raw  # gold offsets index this exact string
        self.clean = clean
        self._clean_sq, self._clean_pos = squeeze(clean)

    def _bounded(self, start: int, end: int) -> bool:
        """The cleaned-text span does not cut a word at either end."""
        text = self.clean
        left_ok = start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
        right_ok = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
        return left_ok and right_ok

    def locate(self, span: Span) -> Span | None:
        """The cleaned-text span holding the same content as ``span`` of the raw text."""
        s, e = span
        needle, _ = squeeze(self.raw[s:e])
        if not needle:
            return None
        want = s / max(1, len(self.raw))
        for ctx in _CONTEXTS:
            left, _ = squeeze(self.raw[max(0, s - ctx):s])
            right, _ = squeeze(self.raw[e:e + ctx])
            cands = []
            for h in _find_all(self._clean_sq, left + needle + right):
                a = h + len(left)
                start = self._clean_pos[a]
                end = self._clean_pos[a + len(needle) - 1] + 1
                if ctx or self._bounded(start, end):
                    cands.append((start, end))
            if cands:
                return min(cands, key=lambda c: abs(c[0] / max(1, len(self.clean)) - want))
        return None
