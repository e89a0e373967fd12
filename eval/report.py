"""Per-document error lines for `python -m eval.run --errors` (for stage authors)."""

from __future__ import annotations

from chronicler.records import Analysis
from eval.gold import GoldDoc
from eval.scoring import (
    DATE_THETA,
    SPEAKER_THETA,
    PredDate,
    Span,
    best_overlap,
    date_value_ok,
    greedy_match,
    ignored,
    speaker_matches,
)


def _snip(text: str, span: Span, n: int = 70) -> str:
    if span[0] < 0:
        return "<not in cleaned text>"
    s = text[span[0]:span[1]].replace("\n", " ")
    return repr(s if len(s) <= n else s[: n - 1] + "…")


def _codes(countries: tuple[str, ...] | str | None, sectors: tuple[str, ...] | str | None
           ) -> str:
    def one(v: tuple[str, ...] | str | None) -> str:
        if isinstance(v, tuple):
            return "|".join(v) or "-"
        return v or "-"
    return f"{one(countries)}/{one(sectors)}"


def doc_errors(gold: GoldDoc, an: Analysis, text: str,
               groups: set[str] | frozenset[str] = frozenset({"quotes", "actors", "dates"})
               ) -> list[str]:
    """Misses, false alarms and wrong values of one document, one line each, for the
    figure groups whose stage ran."""
    out: list[str] = []
    if "quotes" in groups:
        out += _quote_errors(gold, an, text)
    if "actors" in groups:
        out += _actor_errors(gold, an, text)
    if "dates" in groups:
        out += _date_errors(gold, an, text)
    return out


def _quote_errors(gold: GoldDoc, an: Analysis, text: str) -> list[str]:
    out: list[str] = []
    name = gold.name
    m = greedy_match([g.span for g in gold.quotes], [tuple(q.span) for q in an.quotes],
                     SPEAKER_THETA)  # type: ignore[misc]
    gm = {gi: pj for gi, pj, _ in m}
    pm = {pj for _, pj, _ in m}
    for gi, g in enumerate(gold.quotes):
        if gi not in gm:
            out.append(f"{name}: quote MISSED ({g.kind}, {'/'.join(g.speakers) or '?'}) "
                       f"{_snip(text, g.span)}")
            continue
        q = an.quotes[gm[gi]]
        got = q.speaker.name if q.speaker else None
        if g.speakers and not speaker_matches(got, g.speakers):
            out.append(f"{name}: quote SPEAKER {got!r} should be {'/'.join(g.speakers)!r} "
                       f"{_snip(text, g.span, 50)}")
        if q.kind != g.kind:
            out.append(f"{name}: quote KIND {q.kind} should be {g.kind} {_snip(text, g.span, 50)}")
    for j, q in enumerate(an.quotes):
        if j not in pm and not ignored(tuple(q.span), gold.ignore.get("quotes", [])):  # type: ignore[arg-type]
            sp = q.speaker.name if q.speaker else None
            out.append(f"{name}: quote FALSE ({q.kind}, {sp}) {_snip(text, tuple(q.span))}")  # type: ignore[arg-type]
    return out


def _actor_errors(gold: GoldDoc, an: Analysis, text: str) -> list[str]:
    out: list[str] = []
    name = gold.name
    spans = [tuple(m.span) for m in an.mentions]
    for g in gold.actors:
        j = best_overlap(g.span, spans)  # type: ignore[arg-type]
        if j is None:
            out.append(f"{name}: actor MISSED {_codes(g.countries, g.sectors)} "
                       f"{_snip(text, g.span)}")
            continue
        best = an.mentions[j]
        bad_c = bool(g.countries) and best.country not in g.countries
        bad_s = bool(g.sectors) and best.sector not in g.sectors
        if bad_c or bad_s:
            out.append(f"{name}: actor CODE {_codes(best.country, best.sector)} should be "
                       f"{_codes(g.countries, g.sectors)} {_snip(text, g.span)}"
                       f" (mention {best.text!r})")
    return out


def _date_errors(gold: GoldDoc, an: Analysis, text: str) -> list[str]:
    out: list[str] = []
    name = gold.name
    preds = [PredDate(tuple(t.span), t.date, t.end_date, t.precision) for t in an.times]  # type: ignore[arg-type]
    m = greedy_match([g.span for g in gold.dates], [p.span for p in preds], DATE_THETA)
    gm = {gi: pj for gi, pj, _ in m}
    pm = {pj for _, pj, _ in m}
    for gi, g in enumerate(gold.dates):
        if gi not in gm:
            out.append(f"{name}: date MISSED {g.date}..{g.end_date} {g.precision} "
                       f"{_snip(text, g.span)}")
        elif not date_value_ok(g, p := preds[gm[gi]]):
            out.append(f"{name}: date VALUE {p.date}..{p.end_date} {p.precision} should be "
                       f"{g.date}..{g.end_date} {g.precision} {_snip(text, g.span)}")
    for j, p in enumerate(preds):
        if j not in pm and not ignored(p.span, gold.ignore.get("dates", [])):
            out.append(f"{name}: date FALSE {p.date}..{p.end_date} {p.precision} "
                       f"{_snip(text, p.span)}")
    return out
