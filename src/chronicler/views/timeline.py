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

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import pandas as pd

from chronicler.records import Event

COLUMNS = ["date", "actor", "recipient", "n_events", "score_sum"]


def dyad_timeline(events: Iterable[Event], a: str, b: str, directed: bool = True
                  ) -> pd.DataFrame:
    """One row per (date, actor, recipient) with ``n_events`` and ``score_sum``; ``date``
    is a pandas datetime (midnight), rows sorted by date, actor, recipient."""
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
             "score_sum": float(sum(v))} for (d, s, r), v in sorted(cells.items())]
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    df["n_events"] = df["n_events"].astype("int64")
    df["score_sum"] = df["score_sum"].astype("float64")
    return df.reset_index(drop=True)
