"""Gold offsets are into the raw text; the system's are into the cleaned text.

Cleaning (``chronicler.clean.build_article``) drops the title line and page residue
and collapses whitespace, so a gold span is carried over by its content: the gold
substring is searched in the cleaned text ignoring whitespace (and the invisible
characters cleaning drops), and of several occurrences the one nearest the same
relative position wins. A span that cannot be found is reported by the caller.
"""

from __future__ import annotations

import unicodedata

from eval.scoring import Span

# What clean._normalize_chars drops; whitespace is skipped as well.
_INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad")


def squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` (NFC) without whitespace or invisible characters, and for each kept
    character its offset in ``text``."""
    text = unicodedata.normalize("NFC", text)
    keep = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and ch not in _INVISIBLE]
    return "".join(ch for _, ch in keep), [i for i, _ in keep]


class Aligner:
    """Maps spans of one raw text onto its cleaned text (both squeezed once)."""

    def __init__(self, raw: str, clean: str) -> None:
        self.raw = raw  # gold offsets index this exact string
        self.clean = clean
        self._clean_sq, self._clean_pos = squeeze(clean)

    def locate(self, span: Span) -> Span | None:
        """The cleaned-text span holding the same content as ``span`` of the raw text."""
        s, e = span
        needle, _ = squeeze(self.raw[s:e])
        if not needle:
            return None
        hay = self._clean_sq
        hits = []
        i = hay.find(needle)
        while i >= 0:
            hits.append(i)
            i = hay.find(needle, i + 1)
        if not hits:
            return None
        want = s / max(1, len(self.raw))
        best = min(hits, key=lambda h: abs(self._clean_pos[h] / max(1, len(self.clean)) - want))
        start = self._clean_pos[best]
        end = self._clean_pos[best + len(needle) - 1] + 1
        return start, end
