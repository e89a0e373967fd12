"""One event per real-world event: merge per-article events across articles.

Pure functions over ``Event`` records and article metadata; no spaCy, no storage.

Two events are **one** when they have the same PLOVER type, the same set of actor
countries, the same set of recipient countries, the same ``negated`` flag, compatible
dates and compatible places:

* dates: equal; or one is missing; or both are day-precision and at most one day apart;
  or one has month precision and both fall in that month (year precision: same year);
* places: the same name, or one is missing;
* named operations: the same, or one is missing (an extra condition: an undated
  "Operation Steel Wall hit 12 targets" never joins the Iron Lantern strikes).

Candidates are blocked by ``(type, actor countries, recipient countries, negated)`` so the
merge is linear in the number of events per block, not quadratic in all events. Inside a
block, events are visited in a canonical order (dated before undated, then by date,
place, article and position) and each joins the first compatible cluster, so the result
does not depend on the input order. A cluster's date is its first (most precise) dated
member's, and its place its first placed member's; an undated event joins the cluster
of its operation, else the one at its place, else the largest one.

The merged event:

* ``id`` = ``content_id("event", type, sorted actor countries, sorted recipient countries,
  date or "", place or "")`` (plus ``"negated"`` for a negated event, so that a denial
  never takes the id of the event it denies);
* ``evidence``: every member's, sorted by article and position; ``article_ids`` sorted;
  ``n_articles``: distinct articles;
* ``n_sources``: independent sources. Articles of one duplicate group (wire copies)
  count once, as the group's outlet (the canonical article's, else the first member's);
  the resulting units count once per outlet; an article whose outlet is unknown is a
  source of its own;
* date: the most precise member date (then the most common, then the earliest); place,
  cameo, trigger, pattern and score: the representative's (the first member in canonical
  order that has the chosen date); modes and contexts: the union; size: the largest
  dead and injured figures any member reports; ``reported_by``: kept only when every
  member is reported by the same speaker (an event any outlet asserts is asserted);
  ``future``/``hypothetical``/``historical``: kept only when every member says so.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from chronicler.records import Event, EventActor, Evidence, Size, content_id

_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass(frozen=True)
class ArticleMeta:
    """What the merge needs to know of an article."""

    outlet: str | None = None
    dup_group: str | None = None  # the duplicate group (canonical article id), or None


def _countries(actors: Iterable[EventActor]) -> tuple[str, ...]:
    return tuple(sorted({a.country for a in actors if a.country}))


def block_key(e: Event) -> tuple[str, tuple[str, ...], tuple[str, ...], bool]:
    return e.type, _countries(e.actor), _countries(e.recipient), e.negated


def _place(e: Event) -> str | None:
    return e.location.name if e.location is not None else None


def dates_compatible(a: date | None, pa: str | None, b: date | None, pb: str | None) -> bool:
    """Equal, one missing, within a day (both day precision), or the same month/year
    at the coarser precision."""
    if a is None or b is None:
        return True
    coarse = min(_RANK.get(pa, 3), _RANK.get(pb, 3))
    if coarse >= 3:
        return abs((a - b).days) <= 1
    if coarse == 2:
        return (a.year, a.month) == (b.year, b.month)
    return a.year == b.year


def places_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def _order(e: Event) -> tuple[object, ...]:
    ev = e.evidence[0] if e.evidence else None
    return (e.date is None, e.date or date.min, -_RANK.get(e.date_precision, 0),
            _place(e) is None, _place(e) or "", e.article_ids[0] if e.article_ids else "",
            ev.span if ev else (0, 0), e.id)


@dataclass
class _Cluster:
    members: list[Event] = field(default_factory=list)
    date: date | None = None
    precision: str | None = None
    place: str | None = None
    operation: str | None = None

    def accepts(self, e: Event) -> bool:
        return dates_compatible(self.date, self.precision, e.date, e.date_precision) and \
            places_compatible(self.place, _place(e)) and \
            places_compatible(self.operation, e.operation)  # same test: equal or one missing

    def add(self, e: Event) -> None:
        self.members.append(e)
        if e.date is not None and _RANK.get(e.date_precision, 3) > _RANK.get(self.precision, 0):
            self.date, self.precision = e.date, e.date_precision or "day"
        if self.place is None:
            self.place = _place(e)
        if self.operation is None:
            self.operation = e.operation


def _preference(c: _Cluster, e: Event) -> tuple[bool, bool, int]:
    same_op = bool(e.operation and c.operation == e.operation)
    place = _place(e)
    same_place = bool(c.place and place and c.place.casefold() == place.casefold())
    return not same_op, not same_place, -len(c.members)


def _clusters(events: Sequence[Event]) -> list[_Cluster]:
    out: list[_Cluster] = []
    for e in sorted(events, key=_order):
        fits = [c for c in out if c.accepts(e)]
        if not fits:
            c = _Cluster()
            c.add(e)
            out.append(c)
            continue
        if e.date is None:
            # an undated mention: the cluster of its operation, else at its place, else
            # the largest
            fits.sort(key=functools.partial(_preference, e=e))
        fits[0].add(e)
    return out


def count_sources(article_ids: Iterable[str], articles: Mapping[str, ArticleMeta]) -> int:
    """Independent sources among ``article_ids`` (rule in the module docstring and in
    ``chronicler.corpus.sources.count_independent``; outlets are compared by outlet key)."""
    from chronicler.corpus.sources import count_independent

    ids = set(article_ids)
    dup = {a: articles[a].dup_group for a in ids if a in articles}
    outlets = {a: articles[a].outlet for a in ids | {g for g in dup.values() if g}
               if a in articles}
    return count_independent(ids, dup, outlets)


def _merge_cluster(c: _Cluster, articles: Mapping[str, ArticleMeta]) -> Event:
    members = c.members
    best_rank = max(_RANK.get(m.date_precision, 0) if m.date else 0 for m in members)
    dated = [m for m in members if m.date is not None and
             _RANK.get(m.date_precision, 0) == best_rank]
    the_date: date | None = None
    if dated:
        counts = Counter(m.date for m in dated)
        the_date = sorted(counts, key=lambda d: (-counts[d], d))[0]
    rep = next((m for m in members if m.date == the_date), members[0])
    place = next((m.location for m in members if m.location is not None), None)
    if rep.location is not None:
        place = rep.location
    actors = max((m.actor for m in members), key=len)
    recipients = max((m.recipient for m in members), key=len)
    modes: list[str] = []
    contexts: set[str] = set()
    for m in members:
        modes += [x for x in m.mode if x not in modes]
        contexts.update(m.contexts)
    dead = [m.size.dead for m in members if m.size and m.size.dead is not None]
    hurt = [m.size.injured for m in members if m.size and m.size.injured is not None]
    size = Size(dead=max(dead) if dead else None, injured=max(hurt) if hurt else None) \
        if dead or hurt else None
    speakers = {(m.reported_by.name, m.reported_by.country) if m.reported_by else None
                for m in members}
    reported_by = members[0].reported_by if len(speakers) == 1 else None
    evidence: list[Evidence] = sorted({(ev.article_id, tuple(ev.span)): ev for m in members
                                       for ev in m.evidence}.values(),
                                      key=lambda ev: (ev.article_id, tuple(ev.span)))
    article_ids = sorted({a for m in members for a in m.article_ids})
    parts = [rep.type, ",".join(_countries(actors)), ",".join(_countries(recipients)),
             the_date.isoformat() if the_date else "", place.name if place else ""]
    if rep.negated:
        parts.append("negated")
    return Event(
        id=content_id("event", *parts), type=rep.type, mode=modes, cameo=rep.cameo,
        actor=list(actors), recipient=list(recipients), date=the_date,
        date_precision=rep.date_precision if the_date else None, location=place, size=size,
        negated=rep.negated, score=rep.score, evidence=evidence,
        n_articles=len(article_ids), n_sources=count_sources(article_ids, articles),
        contexts=sorted(contexts), future=all(m.future for m in members),
        hypothetical=all(m.hypothetical for m in members),
        historical=all(m.historical for m in members), reported_by=reported_by,
        operation=next((m.operation for m in members if m.operation), None),
        trigger=rep.trigger, pattern=rep.pattern, article_ids=article_ids,
    )


def merge_events(events: Iterable[Event], articles: Mapping[str, ArticleMeta]
                 ) -> list[Event]:
    """Merge per-article events into one event per real-world event (module docstring).

    The output is sorted by (date, type, id) and is the same for any order of the input.
    """
    blocks: dict[tuple[str, tuple[str, ...], tuple[str, ...], bool], list[Event]] = {}
    for e in events:
        blocks.setdefault(block_key(e), []).append(e)
    out: list[Event] = []
    for key in sorted(blocks):
        for c in _clusters(blocks[key]):
            out.append(_merge_cluster(c, articles))
    out.sort(key=lambda e: (e.date is None, e.date or date.min, e.type, e.id))
    return out
