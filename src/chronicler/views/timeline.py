"""Dyad timelines: daily event counts and summed PLOVER scores per directed country pair.

    dyad_timeline(events, "IND", "PAK")                  # India -> Pakistan
    dyad_timeline(events, "IND", "PAK", directed=False)  # both directions, one row each

An event counts for the pair (a, b) when ``a`` is among its actor countries and ``b``
among its recipient countries: a reciprocal event (both sides actor and recipient)
counts in both directions. A joint event with no recipient ("India and Pakistan agreed
to a ceasefire": both are actors) counts for the pair too, once: in the directed view
for either direction asked, in the undirected view under (a, b). Events with no date, and events that did not happen as told
(negated, future, hypothetical), are left out: a timeline is of what happened when.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import pandas as pd

from chronicler.records import Event
from chronicler.store import Store
from chronicler.views import validate
from chronicler.views.base import Filters, Page, _page, clamp, events_table
from chronicler.views.items import _event_where

COLUMNS = ["date", "actor", "recipient", "n_events", "score_sum", "n_conflict",
           "conflict_sum", "n_cooperation", "cooperation_sum"]
# The one default, everywhere (CLI, REST, Python API, web): both directions of the pair.
DIRECTED_DEFAULT = False


def dyad_timeline(events: Iterable[Event], a: str, b: str,
                  directed: bool = DIRECTED_DEFAULT) -> pd.DataFrame:
    """One row per (date, actor, recipient) with ``n_events`` and ``score_sum``, and
    the same split by sign: conflict (score < 0) and cooperation (score > 0) are counted
    and summed apart, so a day with a strike (-9) and a ceasefire (+7.5) shows both
    rather than a calm -1.5. ``date`` is a pandas datetime (midnight), rows sorted by
    date, actor, recipient."""
    pairs = [(a, b)] if directed else [(a, b), (b, a)]
    cells: dict[tuple[date, str, str], list[float]] = defaultdict(list)
    for e in events:
        if e.date is None or e.negated or e.future or e.hypothetical:
            continue
        acts = {x.country for x in e.actor if x.country}
        recs = {x.country for x in e.recipient if x.country}
        if not recs and a != b and {a, b} <= acts:
            cells[(e.date, a, b)].append(e.score)  # joint: once, under (a, b)
            continue
        for src, dst in pairs:
            if src in acts and dst in recs:
                cells[(e.date, src, dst)].append(e.score)
    rows = [{"date": d, "actor": s, "recipient": r, "n_events": len(v),
             "score_sum": float(sum(v)),
             "n_conflict": sum(1 for x in v if x < 0),
             "conflict_sum": float(sum(x for x in v if x < 0)),
             "n_cooperation": sum(1 for x in v if x > 0),
             "cooperation_sum": float(sum(x for x in v if x > 0))}
            for (d, s, r), v in sorted(cells.items())]
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    for c in ("n_events", "n_conflict", "n_cooperation"):
        df[c] = df[c].astype("int64")
    for c in ("score_sum", "conflict_sum", "cooperation_sum"):
        df[c] = df[c].astype("float64")
    return df.reset_index(drop=True)


def main_dyad(events: Sequence[Event]) -> tuple[str, str] | None:
    """The country pair with the most events from one to the other (either direction,
    the pairs :func:`dyad_days` counts); ties go to the alphabetical pair."""
    pairs: Counter[tuple[str, str]] = Counter()
    for e in events:
        acts = {a.country for a in e.actor if a.country}
        recs = {r.country for r in e.recipient if r.country}
        if e.negated or e.future or e.hypothetical:
            continue
        found = {tuple(sorted((a, r))) for a in acts for r in recs if a != r}
        pairs.update(found)  # type: ignore[arg-type]
    if not pairs:
        return None
    (a, b), _ = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return a, b


def dyad_days(events: Iterable[Event], a: str, b: str,
              directed: bool = DIRECTED_DEFAULT) -> list[dict[str, Any]]:
    """[{date, count, score, n_conflict, conflict, n_cooperation, cooperation}] per day
    (ISO dates, ascending), summed over directions: the story page's chart, which
    draws conflict below and cooperation above the axis rather than their sum."""
    days: dict[str, dict[str, Any]] = {}
    for r in dyad_timeline(events, a, b, directed=directed).to_dict("records"):
        iso = r["date"].date().isoformat()
        day = days.setdefault(iso, {"date": iso, "count": 0, "score": 0.0, "n_conflict": 0,
                                    "conflict": 0.0, "n_cooperation": 0,
                                    "cooperation": 0.0})
        day["count"] += int(r["n_events"])
        day["n_conflict"] += int(r["n_conflict"])
        day["n_cooperation"] += int(r["n_cooperation"])
        for k, col in (("score", "score_sum"), ("conflict", "conflict_sum"),
                       ("cooperation", "cooperation_sum")):
            day[k] = round(day[k] + float(r[col]), 3)
    return [days[k] for k in sorted(days)]


def timeline_frame(store: Store, a: str, b: str, *, directed: bool = DIRECTED_DEFAULT,
                   filters: Filters | None = None) -> pd.DataFrame:
    """:func:`dyad_timeline` over the stored events; ``a`` and ``b`` are country codes
    or names, checked like every country filter. Filters: story, type, date range."""
    a = validate.country(store, a, "a") or a
    b = validate.country(store, b, "b") or b
    f = validate.filters(store, "timeline", filters)
    table = events_table(store)
    w = _event_where(store, table, Filters(story=f.story, type=f.type, date_from=f.date_from,
                                           date_to=f.date_to))
    for c in (a, b):
        w.add("list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?)", c, c)
    events: list[Event] = store.json_records(table, w.sql, w.params, order="date, id")
    return dyad_timeline(events, a, b, directed=directed)


def timeline(store: Store, a: str, b: str, *, directed: bool = DIRECTED_DEFAULT,
             filters: Filters | None = None, limit: int | None = None,
             offset: int | None = 0) -> Page:
    """The dyad timeline as a page of ``timeline`` records, one per (date, actor,
    recipient): n_events, score_sum, and conflict and cooperation apart."""
    df = timeline_frame(store, a, b, directed=directed, filters=filters)
    lim, off = clamp(limit, offset)
    rows = [{"kind": "timeline", **r, "date": r["date"].date().isoformat()}
            for r in df.iloc[off:off + lim].to_dict("records")]
    for r in rows:
        for k in ("n_events", "n_conflict", "n_cooperation"):
            r[k] = int(r[k])
        for k in ("score_sum", "conflict_sum", "cooperation_sum"):
            r[k] = round(float(r[k]), 3)
    return _page(rows, len(df), lim, off)
