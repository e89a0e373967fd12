"""One event per real-world event: merge per-article events across articles.

Pure functions over ``Event`` records and article metadata; no spaCy, no storage.

Two mentions are **one** event when they have the same PLOVER type and ``negated`` flag
and everything they both state agrees (articles name the sides of one event
differently: "militants", "Pakistan-backed groups", nobody at all):

* sides: the actor countries of one overlap the other's, or one names none; the same
  for recipient countries; and the countries one names (either side) are all among the
  other's, or the reverse: a mention that brings a country the event does not have and
  lacks one it has is about another pair ("Kaldoria shelled Tavonia" is not Merovia's
  strike on Kaldoria, though Kaldoria is in both);
* dates: equal; or one is missing; or both are day-precision and at most one day apart;
  or one has month precision and both fall in that month (year precision: same year);
* places: the same name, or one is missing, or both have coordinates at most
  ``NEAR_KM`` apart ("Pahalgam" and "Indian-administered Kashmir" are one attack), or
  one lies in the other (``chronicler.corpus.places.contains``: "Bahrun" in "Kaldoria",
  "Merovian-held Lessara" in "Lessara"; a region widens a cluster only while no member
  names a place inside it, so shelling in two towns of one country stays two events); or, when the two report the
  same death toll of at least ``MIN_TOLL``, two names not known to be apart (neither far
  apart nor in different countries: "24 killed at Sellin Meadow", "24 killed in
  Merovian-held Lessara"). A cluster keeps every place its members name;
* named operations: the same, or one is missing (an undated "Operation Steel Wall hit
  12 targets" never joins the Iron Lantern strikes);
* time of report: an undated mention never joins an event that took place after its
  article was published (more than a day after; ``reported_before``).

And they must share an **anchor**: the same operation, a compatible place both state
(the same place, or a part of it by its name; another compatible place only when both
are dated or the two name two countries between them: ``_Cluster.same_place``), the
same death toll (``MIN_TOLL`` or more), or a pair of two different countries in common
(an actor and a recipient country, or two actors of a joint event) while one of the two
is dated to its month or day ("India struck Pakistan" joins the strikes of May 7; "in
1952" is every happening of that year). The weak anchors tie
every happening that shares them, so they count only when the two sentences are also
worded alike (``chronicler.corpus.wording.same_wording``): a date both state (when
neither names a country it is no anchor at all: "3 killed on Sunday" twice is not one
event), a country pair neither dates, a pair of one country with itself (in news of one
country every domestic event of a type is "USA -> USA": a senator attacking a tax bill
and a governor attacking the press are two events; a missile launch and a police
shooting of one day are two events; a wire copy of one report is one), and, for an
undated mention of one country's affairs, another place of that country ("in the United
States" and a town in it, two cities 60 km apart). Two undated mentions of "an attack"
with nothing else in common stay apart.

Candidates come from an index of the clusters by anchor (operation, place, month,
country pair), so an event is compared with the clusters it could join, not with every
event of its type. Events are visited in a canonical order (dated before undated, the
more precise dates first, then by date, place, article and position) and each joins the
first compatible cluster (an undated event: the one of its operation, else at its place,
else of its death toll, else the largest dated one), so the result does not depend on
the input order. A cluster's date is its most precise dated member's, its place its first
placed member's, its sides the union of its members'.

Before the merge, an undated reply in the sentence right after the event it answers
("Pakistan struck on May 10." / "India hit back ...") takes that event's date
(``chronicler.corpus.replies.date_replies``).

The merged event:

* ``id`` = ``content_id("event", type, sorted actor countries, sorted recipient countries,
  date or "", place or "")`` (plus ``"negated"`` for a negated event, so that a denial
  never takes the id of the event it denies); the merge may keep two events of one type,
  sides, date and place apart, and each later one (in canonical order) takes
  ``content_id(that id, its smallest member id)``, so that no event replaces another;
* ``evidence``: every member's, the representative's (below) first, then by article and
  position; ``article_ids`` sorted;
  ``n_articles``: distinct articles;
* ``n_sources``: independent sources. Articles of one duplicate group (wire copies)
  count once, as the group's outlet (the canonical article's, else the first member's);
  the resulting units count once per outlet; an article whose outlet is unknown is a
  source of its own;
* sides: the representative's (below) when they name a country, else those of the
  member naming most countries ("gunmen fired on tourists" / "24 Merovians killed");
* date: the most precise member date (then the most common, then the earliest); an event
  no member dates gets the earliest publication date of its articles with
  ``date_reported`` set (so it reaches timelines, marked), unless it is historical; place,
  cameo, trigger, pattern and score: the representative's (the first member in canonical
  order that has the chosen date); modes and contexts: the union; size: the largest
  dead and injured figures any member reports; ``reported_by``: kept only when every
  member is reported by the same speaker (an event any outlet asserts is asserted);
  ``future``/``hypothetical``/``historical``: kept only when every member says so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronicler.corpus.places import (
    cell,
    locations_apart,
    locations_compatible,
    most_specific,
    part_of,
    region_keys,
)
from chronicler.corpus.replies import date_replies
from chronicler.corpus.wording import content_words, same_wording
from chronicler.records import Event, EventActor, Evidence, Location, Size, content_id

_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass(frozen=True)
class ArticleMeta:
    """What the merge needs to know of an article."""

    outlet: str | None = None
    dup_group: str | None = None  # the duplicate group (canonical article id), or None
    published: date | None = None  # for an event no article dates: when it was reported


def _countries(actors: Iterable[EventActor]) -> tuple[str, ...]:
    return tuple(sorted({a.country for a in actors if a.country}))


# A death toll this large, the same in two mentions of one type whose dates agree, tells
# one event ("24 killed at the meadow", "24 people killed in Lessara on Tuesday"); a
# small one ("3 killed on Sunday") is every other day's news.
MIN_TOLL = 5


def _toll(e: Event) -> int | None:
    dead = e.size.dead if e.size is not None else None
    return dead if dead is not None and dead >= MIN_TOLL else None



def _fine(d: date | None, precision: str | None) -> bool:
    """Dated to the month or the day (a year is every happening of it)."""
    return d is not None and _RANK.get(precision, 3) >= 2


def block_key(e: Event) -> tuple[str, bool]:
    return e.type, e.negated


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


def sides_compatible(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def parties_compatible(a: set[str], b: set[str]) -> bool:
    """Every country one names is among the other's (a cluster's sides are the union of
    its members': without this, one reciprocal mention naming both pairs lets the next
    mention of either pair in)."""
    return a <= b or b <= a


def _order(e: Event) -> tuple[object, ...]:
    ev = e.evidence[0] if e.evidence else None
    return (e.date is None, -_RANK.get(e.date_precision, 0), e.date or date.min,
            _place(e) is None, _place(e) or "", e.article_ids[0] if e.article_ids else "",
            ev.span if ev else (0, 0), e.id)


@dataclass
class _Cluster:
    members: list[Event] = field(default_factory=list)
    date: date | None = None
    precision: str | None = None
    location: Location | None = None
    operation: str | None = None
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    tolls: set[int] = field(default_factory=set)
    # every place a member names: one event named at two places a toll ties together
    places: list[Location] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)  # each member sentence's

    @property
    def place(self) -> str | None:
        return self.location.name if self.location is not None else None

    def accepts(self, e: Event, sides: tuple[set[str], set[str]] | None = None) -> bool:
        """``sides``: the event's actor and recipient countries, when the caller has them
        (``_clusters`` tests one event against many clusters)."""
        acts, recs = sides or (set(_countries(e.actor)), set(_countries(e.recipient)))
        toll = _toll(e)
        same_toll = toll is not None and toll in self.tolls
        if not (dates_compatible(self.date, self.precision, e.date, e.date_precision)
                and self.place_fits(e.location, same_toll)
                and places_compatible(self.operation, e.operation)  # equal or one missing
                and sides_compatible(self.actors, acts)
                and sides_compatible(self.recipients, recs)
                and parties_compatible(self.actors | self.recipients, acts | recs)):
            return False
        two = bool(any(a != r for a in self.actors & acts for r in self.recipients & recs)
                   or (not recs and not self.recipients and len(self.actors & acts) >= 2))
        placed = e.location is not None and self.location is not None
        if ((e.operation and e.operation == self.operation) or same_toll
                or (placed and (self.same_place(e) or len(
                    self.actors | self.recipients | acts | recs) >= 2))
                # two countries in common, and one of the two is dated (month or day):
                # "India struck Pakistan" joins the strikes of May 7
                or (two and (_fine(e.date, e.date_precision)
                             or _fine(self.date, self.precision)))):
            return True
        # Weak anchors tie every happening that shares them ("3 killed on Sunday"
        # ties nothing: neither names a country): the wording must agree too.
        named = bool(acts | recs or self.actors | self.recipients)
        weak = (two or placed or (self.actors & acts and self.recipients & recs)
                or (e.date is not None and self.date is not None and named))
        return bool(weak) and self.worded_like(e)

    def same_place(self, e: Event) -> bool:
        """A place anchor that holds alone (``accepts``: also any compatible place when
        the two name two countries between them): a place of the same name, or a part
        of it by its name ("Merovian-held Lessara"), or, when both are dated, any
        compatible one. An undated mention at another place of the one country named
        ("in the United States", a town 60 km away) is any happening there: weak."""
        loc = e.location
        assert loc is not None
        return (e.date is not None and self.date is not None) or any(
            p.name.casefold() == loc.name.casefold() or part_of(p.name, loc.name)
            or part_of(loc.name, p.name) for p in self.places)

    def worded_like(self, e: Event) -> bool:
        """``e``'s sentence shares its wording with a member's (``same_wording``)."""
        mine = [content_words(ev.text) for ev in e.evidence]
        return any(same_wording(a, b) for a in mine for b in self.words)

    def place_fits(self, loc: Location | None, same_toll: bool) -> bool:
        """No place on one side; else a place compatible with one its members name
        (``locations_compatible``; a region only while they name nothing inside it,
        ``most_specific``); or, when the two share a death toll, a place not
        known to be apart from any of theirs (one event named at two places: "the
        meadow" and the region around it)."""
        if loc is None or not self.places:
            return True
        # A region only widens the event to its places while the event has none more
        # specific: strikes "in Merovia" and "in Resk" are one, then "in Marrick" is not.
        if any(locations_compatible(p, loc) for p in most_specific(self.places)):
            return True
        return same_toll and not any(locations_apart(p, loc) for p in self.places)

    def add(self, e: Event) -> None:
        self.members.append(e)
        self.words += [content_words(ev.text) for ev in e.evidence]
        if e.date is not None and _RANK.get(e.date_precision, 3) > _RANK.get(self.precision, 0):
            self.date, self.precision = e.date, e.date_precision or "day"
        if self.location is None:
            self.location = e.location
        if e.location is not None and all(
                p.name.casefold() != e.location.name.casefold() for p in self.places):
            self.places.append(e.location)
        if self.operation is None:
            self.operation = e.operation
        self.actors |= set(_countries(e.actor))
        self.recipients |= set(_countries(e.recipient))
        if (toll := _toll(e)) is not None:
            self.tolls.add(toll)

    def keys(self) -> set[tuple[object, ...]]:
        """The anchors an event must share with this cluster to join it (_keys_of)."""
        out: set[tuple[object, ...]] = set()
        if self.operation:
            out.add(("op", self.operation))
        for loc in self.places:
            out.add(("place", loc.name.casefold()))
            if loc.lat is not None and loc.lon is not None:
                out.add(("cell", *cell(loc)))
            out |= region_keys(loc, own=True)
        out |= {("dead", n) for n in self.tolls}
        if self.date is not None:
            out |= {("month", self.date.year, self.date.month), ("year", self.date.year)}
            if self.precision == "year":
                out.add(("yearprec", self.date.year))
        out |= {("pair", a, r) for a in self.actors for r in self.recipients}
        if not self.recipients:  # a joint event: "India and Pakistan agreed"
            out |= {("joint", a, b) for a in self.actors for b in self.actors if a < b}
        return out


def _preference(c: _Cluster, e: Event) -> tuple[bool, bool, bool, bool, int]:
    """Where an undated mention goes among the clusters it fits: the one of its
    operation, else at its place, else of its death toll, else a dated one (an event
    known to have happened, not a heap of undated mentions), the largest first (an
    article recalling an event between the sides recalls the one most reported)."""
    same_op = bool(e.operation and c.operation == e.operation)
    place = _place(e)
    same_place = bool(place and any(p.name.casefold() == place.casefold()
                                    for p in c.places))
    toll = _toll(e)
    return (not same_op, not same_place, not (toll and toll in c.tolls), c.date is None,
            -len(c.members))


def _keys_of(e: Event) -> set[tuple[object, ...]]:
    """Index keys under which every cluster that could accept ``e`` is found: a cluster
    must share an anchor (_Cluster.accepts), and each anchor is a key on both sides;
    two dates are compatible only in the same or a neighbouring month (day or month
    precision) or in the same year (year precision)."""
    out: set[tuple[object, ...]] = set()
    if e.operation:
        out.add(("op", e.operation))
    if e.location is not None:
        out.add(("place", e.location.name.casefold()))
        if e.location.lat is not None and e.location.lon is not None:
            la, lo = cell(e.location)
            out |= {("cell", la + i, lo + j) for i in (-1, 0, 1) for j in (-1, 0, 1)}
        out |= region_keys(e.location, own=False)
    if (toll := _toll(e)) is not None:
        out.add(("dead", toll))
    if e.date is not None:
        if e.date_precision == "year":
            out.add(("year", e.date.year))
        else:
            for d in (e.date.replace(day=1) - timedelta(days=1), e.date,
                      e.date.replace(day=28) + timedelta(days=4)):
                out.add(("month", d.year, d.month))  # "May 31" meets "June 1"
            out.add(("yearprec", e.date.year))
    acts, recs = _countries(e.actor), _countries(e.recipient)
    out |= {("pair", a, r) for a in acts for r in recs}
    if not recs:
        out |= {("joint", a, b) for a in acts for b in acts if a < b}
    return out


def reported_before(c: _Cluster, e: Event, published: date | None) -> bool:
    """Was ``e``'s article published before the cluster's event took place (more than a
    day before its day, or before its month)? Then an undated mention in it is another
    event, not this one: an article of March 27 does not report the strikes of April 2
    (a future or hypothetical mention aside)."""
    if published is None or c.date is None or e.date is not None or e.future \
            or e.hypothetical:
        return False
    if (c.precision or "day") == "day":
        return (c.date - published).days > 1
    if c.precision == "month":
        return (published.year, published.month) < (c.date.year, c.date.month)
    return published.year < c.date.year


def _clusters(events: Sequence[Event],
              articles: Mapping[str, ArticleMeta] | None = None) -> list[_Cluster]:
    articles = articles or {}
    out: list[_Cluster] = []
    index: dict[tuple[object, ...], set[int]] = defaultdict(set)
    for e in sorted(events, key=_order):
        cand: set[int] = set()
        for k in _keys_of(e):
            cand |= index.get(k, set())
        sides = set(_countries(e.actor)), set(_countries(e.recipient))
        meta = articles.get(e.article_ids[0]) if len(e.article_ids) == 1 else None
        pub = meta.published if meta is not None else None
        fits = [i for i in sorted(cand) if out[i].accepts(e, sides)
                and not reported_before(out[i], e, pub)]
        if not fits:
            out.append(_Cluster())
            target = len(out) - 1
        elif e.date is None:
            # an undated mention: the cluster of its operation, else at its place, else
            # of its toll, else the largest dated one (_preference)
            target = min(fits, key=lambda i: (_preference(out[i], e), i))
        else:
            target = fits[0]
        out[target].add(e)
        for k in out[target].keys():
            index[k].add(target)
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


def _side(rep: Sequence[EventActor], sides: Sequence[Sequence[EventActor]]
          ) -> Sequence[EventActor]:
    if _countries(rep):
        return rep
    best = max(sides, key=lambda s: (len(_countries(s)), len(s)), default=rep)
    return best if _countries(best) or not rep else rep


def _span(e: Event) -> tuple[int, int]:
    return tuple(e.evidence[0].span) if e.evidence else (0, 0)  # type: ignore[return-value]


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
    # The sides the representative mention names (the dated one) when they name a
    # country, else the side of the member naming most countries ("gunmen killed
    # tourists" / "24 Merovians killed"), else the fullest.
    actors = _side(rep.actor, [m.actor for m in members])
    recipients = _side(rep.recipient, [m.recipient for m in members])
    modes: list[str] = []
    contexts: set[str] = set()
    for m in sorted(members, key=lambda m: (m.article_ids[:1], _span(m), m.id)):
        modes += [x for x in m.mode if x not in modes]
        contexts.update(m.contexts)
    dead = [m.size.dead for m in members if m.size and m.size.dead is not None]
    hurt = [m.size.injured for m in members if m.size and m.size.injured is not None]
    size = Size(dead=max(dead) if dead else None, injured=max(hurt) if hurt else None) \
        if dead or hurt else None
    speakers = {(m.reported_by.name, m.reported_by.country) if m.reported_by else None
                for m in members}
    reported_by = members[0].reported_by if len(speakers) == 1 else None
    # The representative's sentence first: it is the one the event's sides, date and
    # place are read from, and the one an export shows as the event's text.
    own = {(ev.article_id, tuple(ev.span)) for ev in rep.evidence}
    evidence: list[Evidence] = sorted(
        {(ev.article_id, tuple(ev.span)): ev for m in members for ev in m.evidence}.values(),
        key=lambda ev: ((ev.article_id, tuple(ev.span)) not in own, ev.article_id,
                        tuple(ev.span)))
    article_ids = sorted({a for m in members for a in m.article_ids})
    parts = [rep.type, ",".join(_countries(actors)), ",".join(_countries(recipients)),
             the_date.isoformat() if the_date else "", place.name if place else ""]
    operation = next((m.operation for m in members if m.operation), None)
    if operation:
        parts.append(operation)
    if rep.negated:
        parts.append("negated")
    precision = rep.date_precision if the_date else None
    reported = False
    historical = all(m.historical for m in members)
    if the_date is None and not historical:
        # No article dates it: it was reported on the first publication date, and says so.
        pubs = [articles[a].published for a in article_ids
                if a in articles and articles[a].published is not None]
        if pubs:
            the_date, precision, reported = min(pubs), "day", True  # type: ignore[type-var]
    return Event(
        id=content_id("event", *parts), type=rep.type, mode=modes, cameo=rep.cameo,
        actor=list(actors), recipient=list(recipients), date=the_date,
        date_precision=precision, date_reported=reported, location=place, size=size,
        negated=rep.negated, score=rep.score, evidence=evidence,
        n_articles=len(article_ids), n_sources=count_sources(article_ids, articles),
        contexts=sorted(contexts), future=all(m.future for m in members),
        hypothetical=all(m.hypothetical for m in members),
        historical=historical, reported_by=reported_by,
        operation=next((m.operation for m in members if m.operation), None),
        trigger=rep.trigger, pattern=rep.pattern, article_ids=article_ids,
    )


def merge_events(events: Iterable[Event], articles: Mapping[str, ArticleMeta]
                 ) -> list[Event]:
    """Merge per-article events into one event per real-world event (module docstring).

    The output is sorted by (date, type, id) and is the same for any order of the input.
    """
    blocks: dict[tuple[str, bool], list[Event]] = {}
    for e in events:
        blocks.setdefault(block_key(e), []).append(e)
    out: list[Event] = []
    for key in sorted(blocks):
        seen: set[str] = set()
        for c in _clusters(date_replies(blocks[key]), articles):
            m = _merge_cluster(c, articles)
            if m.id in seen:  # another event of the same type, sides, date and place
                m.id = content_id(m.id, min(x.id for x in c.members))
            seen.add(m.id)
            out.append(m)
    out.sort(key=lambda e: (e.date is None, e.date or date.min, e.type, e.id))
    return out
