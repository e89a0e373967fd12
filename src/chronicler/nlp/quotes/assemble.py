"""Putting an article's quotes together: partial quotes fold into the report around them.

A quoted phrase inside someone's reported clause ("Trump said the judge had “an
inherent conflict of interest” in the case"; "Cruz called Trump a “pathological liar”")
is not a report of its own: the report is the clause, and the marks say some of its
words are the speaker's own. So the clause is the one Quote and the phrase is dropped;
the clause is ``direct`` when three quarters of it or more is inside the marks (near the
PolNeAR convention; a clause with a quoted phrase in it is the writer's paraphrase).
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicler.nlp.quotes.context import QuoteContext
from chronicler.records import Quote, Speaker, content_id

_STRIP_TAIL = ",;: \n\t"

_MOSTLY_QUOTED = 0.75
_TAIL = 2  # a closing mark or full stop the clause left out


def make_quote(text: str, article_id: str, s: int, e: int, direct: bool, cue: str | None,
               speaker: Speaker | None, kind: str) -> Quote:
    """A Quote of ``text[s:e]`` without trailing punctuation; its id is stable."""
    while e > s and text[e - 1] in _STRIP_TAIL:
        e -= 1
    return Quote(id=content_id("quote", article_id, str(s), str(e)), article_id=article_id,
                 text=text[s:e], direct=direct, cue=cue, speaker=speaker, span=(s, e),
                 kind=kind)  # type: ignore[arg-type]


def fold_partial_quotes(ctx: QuoteContext, directs: Sequence[Quote],
                        reported: Sequence[Quote]) -> list[Quote]:
    """``directs`` minus the quotes inside a reported clause, plus ``reported`` with
    their ``direct`` flag set from their share of quoted words."""
    spans = sorted(q.span for q in reported)
    out = [q for q in directs if not _inside(q.span, spans)]
    for q in reported:
        quoted = ctx.quoted_share(*q.span) >= _MOSTLY_QUOTED
        out.append(q.model_copy(update={"direct": quoted}) if quoted != q.direct else q)
    return out


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    s, e = span
    return any(rs <= s and e <= re_ + _TAIL and (rs, re_) != (s, e) for rs, re_ in spans)
