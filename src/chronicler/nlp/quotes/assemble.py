"""Putting an article's quotes together: partial quotes fold into the report around them.

A quoted phrase inside someone's reported clause ("Dar said the judge showed “a plain
conflict of interest” during the hearing"; "Velic called Qorvan a “serial fabricator”")
is not a report of its own: the report is the clause, and the marks say some of its
words are the speaker's own. So the clause is the one Quote and the phrase is dropped;
the clause is ``direct`` (kind ``direct``) when three quarters of it or more is inside the
marks (near the PolNeAR convention; a clause with a quoted phrase in it is the writer's
paraphrase).
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
    their ``direct`` flag set from their share of quoted words. A quote that starts in
    the clause, or right where it stops, and runs on past it ("saying the columns were old
    and “say nothing about the person I am today, and nothing about ...”") is the
    rest of the clause: the clause grows to its end."""
    reported = list(reported)
    out = []
    for d in directs:
        k = _host(ctx.text, d.span, reported)
        if k is None:
            out.append(d)
            continue
        r = reported[k]
        if d.span[1] > r.span[1]:
            s, e = r.span[0], d.span[1]
            reported[k] = r.model_copy(update={"span": (s, e), "text": ctx.text[s:e]})
    for q in reported:
        if ctx.quoted_word_share(*q.span) >= _MOSTLY_QUOTED and not q.direct:
            # the clause is the speaker's own words: a direct quote (kind and flag agree)
            q = q.model_copy(update={"direct": True, "kind": "direct"})
        out.append(q)
    return out


def _host(text: str, span: tuple[int, int], reported: Sequence[Quote]) -> int | None:
    """Index of the reported clause that ``span`` starts in (or right after)."""
    s, e = span
    for k, r in enumerate(reported):
        rs, re_ = r.span
        if (rs, re_) == (s, e):
            continue
        if rs <= s and (s < re_ + _TAIL or not text[re_:s].strip(" \"'“”‘’")):
            return k
    return None
