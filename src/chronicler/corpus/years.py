"""Lend a year to articles that never state one.

Some pages carry no metadata, no dateline and only year-less dates ("on May 10").
Cleaning keeps their latest such date as ``published_partial`` ("--05-10"); this
cross-article stage picks the year that puts that day nearest the median publication
date of the dated articles *related* to it, and marks the result ``published_inferred``.

Related means sharing a name with it: a named actor (a person, an organisation, an
armed group; not a bare country nor a people or creed, "Muslims", "Democrats", that
articles of every corpus name), a named operation, or a place that is not a country nor
one of a country's names ("Washington"). Each shared name is one vote, weighted by its
rarity in the store (``log(N / articles naming it)``) and split evenly over the dated
articles that carry it, so a name every article of one corpus repeats weighs little and
one rare name outweighs it; the anchor is the weighted median of those articles' dates.
Only when no dated article shares a name does the median of all dated articles stand in.
Lent dates never vote. In a store that mixes a 2016 corpus with a 2025 one, an
undated 2025 report takes 2025 from the reports it shares names with.

It is a pure function of the table (dates and names), so it gives the same answer
whatever order articles arrived in; only the undated articles' names and the articles
sharing them are read (``related_names``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chronicler.store import Store

Row = tuple[str, date | None, str | None]

# Names per article: named actors (people and organisations, armed groups among them;
# not countries nor peoples), operations, places that are neither a country nor one of a
# country's names ("Washington", "New Delhi"). A pronoun's actor is named elsewhere.
_NAMES_SQL = """
WITH countries AS (
    SELECT name FROM actors WHERE type = 'COUNTRY'
    UNION SELECT unnest(aliases) FROM actors WHERE type = 'COUNTRY'
), names AS (
    SELECT m.article_id AS aid, 'actor:' || m.actor_id AS k
    FROM mentions m JOIN actors a ON a.id = m.actor_id
    WHERE a.type IN ('PERSON', 'ORG') AND m.label <> 'PRON'
    UNION
    SELECT article_id, 'operation:' || lower(json_extract_string(payload, '$.operation'))
    FROM article_events WHERE json_extract_string(payload, '$.operation') IS NOT NULL
    UNION
    SELECT article_id, 'place:' || coalesce(CAST(geonameid AS VARCHAR), lower(name))
    FROM places WHERE name NOT IN (SELECT name FROM countries WHERE name IS NOT NULL)
)
SELECT DISTINCT aid, k FROM names
WHERE k IN (SELECT k FROM names WHERE aid IN (SELECT unnest(?)))
ORDER BY aid, k
"""


def lend_years(store: Store) -> dict[str, date]:
    """The dates to lend in this store: ``infer_corpus_years`` over its articles, with
    the names of the undated ones (read only when there is one)."""
    rows = store.corpus_year_rows()
    undated = [aid for aid, published, partial in rows if published is None and partial]
    return infer_corpus_years(rows, related_names(store, undated) if undated else ())


def related_names(store: Store, ids: Sequence[str]) -> list[tuple[str, str]]:
    """(article id, name key) for every name of these articles and every article that
    carries one of them (so a name's article count is exact)."""
    return [(a, k) for a, k in store.conn.execute(_NAMES_SQL, [list(ids)]).fetchall()]


def infer_corpus_years(
    rows: Iterable[Row], names: Iterable[tuple[str, str]] = (),
) -> dict[str, date]:
    """``rows`` are (id, published, published_partial) for every article of the store;
    ``names`` (id, name key) pairs holding, for each name of an undated article, every
    article that carries it. Returns id -> inferred date."""
    rows = list(rows)
    stated = {aid: p for aid, p, _ in rows if p is not None}
    if not stated:
        return {}
    dated = sorted(stated.values())
    median = dated[len(dated) // 2]
    carriers: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    for aid, key in names:
        carriers[key].add(aid)
        own[aid].add(key)
    out: dict[str, date] = {}
    for aid, published, partial in rows:
        if published is not None or not partial:
            continue
        try:
            month, day = int(partial[2:4]), int(partial[5:7])
        except ValueError:
            continue
        anchor = _related_median(aid, own.get(aid, set()), carriers, stated, len(rows))
        lent = _nearest(month, day, anchor or median)
        if lent is not None:
            out[aid] = lent
    return out


def _related_median(aid: str, keys: set[str], carriers: dict[str, set[str]],
                    stated: dict[str, date], n: int) -> date | None:
    """The weighted median date of the dated articles sharing names with ``aid`` (see
    the module docstring); None when none does."""
    votes: dict[str, float] = defaultdict(float)
    for key in sorted(keys):
        voters = sorted(c for c in carriers[key] if c != aid and c in stated)
        weight = math.log(max(n, 1) / len(carriers[key])) if voters else 0.0
        if weight <= 0:
            continue
        for c in voters:
            votes[c] += weight / len(voters)
    if not votes:
        return None
    order = sorted(votes, key=lambda c: (stated[c], c))
    half, acc = math.fsum(votes.values()) / 2, 0.0
    for c in order:
        acc += votes[c]
        if acc >= half:
            return stated[c]
    return stated[order[-1]]


def _nearest(month: int, day: int, anchor: date) -> date | None:
    """This day in the year before, of or after ``anchor``, the one nearest to it."""
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:  # Feb 29 in a common year
            continue
    return min(candidates, key=lambda d: (abs((d - anchor).days), d)) if candidates else None
