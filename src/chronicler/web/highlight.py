"""Article text as HTML with every extracted item marked at its evidence span.

The text is never inserted raw: it is cut at span boundaries and each piece escaped;
only ``<mark>`` elements we build go around the pieces. Spans may nest or overlap
(a mention inside a quote inside an event's sentence; a place that straddles a quote's
end): where spans cross, the inner mark is closed and reopened, and only its first
piece carries the ``id`` that links point at (``#ev-<event id>``, ``#q-<quote id>``,
``#m-<start>-<end>``, ...). The result goes through nh3 with only ``<mark>`` and its
four attributes allowed, as a second line of defence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import nh3
from markupsafe import Markup, escape

KINDS = ("mention", "place", "time", "count", "quote", "event", "claim")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS: a CSS class, never article text
    anchor: str | None = None
    label: str = ""


def _open(m: Mark, anchor: str | None, cont: bool) -> str:
    attrs = [f'class="hl hl-{m.kind}{" hl-cont" if cont else ""}"', f'data-kind="{m.kind}"']
    if anchor:
        attrs.append(f'id="{escape(anchor)}"')
    if m.label:
        attrs.append(f'title="{escape(m.label)}"')
    return f"<mark {' '.join(attrs)}>"


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with each mark's span wrapped in ``<mark>``."""
    n = len(text)
    valid = []
    for order, m in enumerate(marks):
        s, e = max(0, m.start), min(n, m.end)
        if m.kind in KINDS and s < e:
            valid.append((s, -e, order, Mark(s, e, m.kind, m.anchor, m.label)))
    valid.sort(key=lambda t: t[:3])
    starts: dict[int, list[Mark]] = defaultdict(list)
    for s, _, _, m in valid:
        starts[s].append(m)  # longest first: it becomes the outer element
    bounds = sorted({0, n} | {m.start for *_, m in valid} | {m.end for *_, m in valid})
    out: list[str] = []
    stack: list[Mark] = []
    used: set[str] = set()
    pos = 0

    def open_mark(m: Mark, first: bool) -> None:
        anchor = m.anchor if first and m.anchor and m.anchor not in used else None
        if anchor:
            used.add(anchor)
        out.append(_open(m, anchor, cont=not first))
        stack.append(m)

    for b in bounds:
        if b > pos:
            out.append(str(escape(text[pos:b])))
            pos = b
        if any(m.end == b for m in stack):
            survivors = []
            while any(m.end == b for m in stack):
                m = stack.pop()
                out.append("</mark>")
                if m.end != b:
                    survivors.append(m)
            for m in sorted(survivors, key=lambda x: -x.end):
                open_mark(m, first=False)
        for m in starts.get(b, []):
            open_mark(m, first=True)
    out.extend("</mark>" for _ in stack)
    html = "".join(out)
    clean = nh3.clean(html, tags={"mark"},
                      attributes={"mark": {"class", "id", "title", "data-kind"}},
                      link_rel=None, strip_comments=True)
    return Markup(clean)


def _span(d: dict[str, Any]) -> tuple[int, int]:
    s = d.get("span") or (0, 0)
    return int(s[0]), int(s[1])


def _who(p: dict[str, Any] | None) -> str:
    if not p:
        return "unattributed"
    extra = "/".join(x for x in (p.get("country"), p.get("sector")) if x)
    return f"{p.get('name')}" + (f" ({extra})" if extra else "")


def article_marks(article_id: str, analysis: dict[str, Any] | None,
                  merged_events: Sequence[dict[str, Any]] = (),
                  merged_claims: Sequence[dict[str, Any]] = (),
                  actor_names: dict[str, str] | None = None) -> list[Mark]:
    """Marks for everything extracted from one article (dicts as the query layer
    returns them): mentions, places, dates, counts, quotes, event and claim evidence."""
    names = actor_names or {}
    marks: list[Mark] = []

    def evidence_marks(recs: Iterable[dict[str, Any]], kind: str, prefix: str) -> None:
        for r in recs:
            for ev in r.get("evidence") or []:
                if ev.get("article_id") == article_id:
                    s, e = _span(ev)
                    label = (f"{r.get('type')} {', '.join(_who(x) for x in r.get('actor', []))}"
                             if kind == "event" else f"claim ({r.get('status')}): {r.get('text')}")
                    marks.append(Mark(s, e, kind, f"{prefix}-{r['id']}", label))

    # Events and claims first: their sentence spans are the outermost elements.
    if analysis:
        evidence_marks(analysis.get("events", []), "event", "ev")
    evidence_marks(merged_events, "event", "ev")
    if analysis:
        evidence_marks(analysis.get("claims", []), "claim", "cl")
    evidence_marks(merged_claims, "claim", "cl")
    if not analysis:
        return marks
    for q in analysis.get("quotes", []):
        s, e = _span(q)
        marks.append(Mark(s, e, "quote", f"q-{q['id']}",
                          f"quote, {_who(q.get('speaker'))}" + (f", {q['cue']}" if q.get("cue")
                                                                else "")))
    for m in analysis.get("mentions", []):
        s, e = _span(m)
        who = names.get(m["actor_id"], m["text"])
        extra = "/".join(x for x in (m.get("country"), m.get("sector")) if x)
        marks.append(Mark(s, e, "mention", f"m-{s}-{e}",
                          f"actor: {who}" + (f" ({extra})" if extra else "")))
    for p in analysis.get("places", []):
        s, e = _span(p)
        marks.append(Mark(s, e, "place", f"p-{s}-{e}",
                          f"place: {p['name']}" + (f" ({p['country']})" if p.get("country")
                                                   else "")))
    for t in analysis.get("times", []):
        s, e = _span(t)
        marks.append(Mark(s, e, "time", f"t-{s}-{e}", f"date: {t.get('date') or '?'}"
                          + (f" to {t['end_date']}" if t.get("end_date") else "")))
    for c in analysis.get("counts", []):
        s, e = _span(c)
        num = c["number"]
        marks.append(Mark(s, e, "count", f"c-{s}-{e}",
                          f"count: {int(num) if float(num).is_integer() else num} {c['object']}"
                          + (f" ({c['verb']})" if c.get("verb") else "")))
    return marks
