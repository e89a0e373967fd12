"""Lend a year to articles that never state one.

Some pages carry no metadata, no dateline and only year-less dates ("on May 10").
Cleaning keeps their latest such date as ``published_partial`` ("--05-10"); this
cross-article stage picks the year that puts that day nearest the median
publication date of the dated articles in the same store, and marks the result
``published_inferred``. It is a pure function of the table, so it gives the same
answer whatever order articles arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def infer_corpus_years(
    rows: Iterable[tuple[str, date | None, str | None]],
) -> dict[str, date]:
    """``rows`` are (id, published, published_partial); returns id -> inferred date."""
    rows = list(rows)
    dated = sorted(p for _, p, _ in rows if p is not None)
    if not dated:
        return {}
    median = dated[len(dated) // 2]
    out: dict[str, date] = {}
    for aid, published, partial in rows:
        if published is not None or not partial:
            continue
        try:
            month, day = int(partial[2:4]), int(partial[5:7])
        except ValueError:
            continue
        candidates = []
        for y in (median.year - 1, median.year, median.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:  # Feb 29 in a common year
                continue
        if candidates:
            out[aid] = min(candidates, key=lambda d: (abs((d - median).days), d))
    return out
