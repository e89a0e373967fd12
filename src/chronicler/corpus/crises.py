"""Crises and happenings: the two levels above single articles.

A **crisis** groups every article about one conflict or crisis (the seeds: the India-
Pakistan crisis of 2025, from the Pahalgam attack to the diplomacy after the ceasefire).
Two articles are in one crisis when

* they are copies of one wire story; or
* they name the same military operation ("Operation Sindoor"); or
* they have the same main dyad (the two countries their actors name most) and either
  share ``MIN_SHARED`` specific anchors (people, organisations, places) or were
  published at most ``CRISIS_DAYS`` apart;
* one is a third party's view of the other's dyad (a mediator urges both sides: one of
  its own events has both countries of the dyad among its actors and recipients; naming
  them is not enough, a story about another pair recalls this one in passing) published
  at most ``CRISIS_DAYS`` apart;
* one names a single country of the other's dyad (an aftermath piece about one side)
  and they share ``MIN_SHARED`` specific anchors, at most ``CRISIS_DAYS`` apart.

Crises are the connected components of that relation. Precision comes first: a dyad
alone links only articles close in time, so two crises between the same countries years
apart stay apart unless their articles share named people, places or operations.

A **happening** (``Story.level == "event"``, ``basis == "events"``) is a real-world event
that several independent sources report, with the events around it: merged events that
are asserted (not denied, hypothetical or future), dated by the text or named as an
operation, and reported by at least ``MIN_SOURCES`` sources, joined when they share an
operation or fall on the same day (at most a day apart) between overlapping countries
and are of one kind of action (``_family``: force, the attacks and seizures of both
sides; cooperation, a truce and the calls and thanks around it; else one PLOVER type:
an attack and the sanctions of the next day are two happenings, strikes and a truce on
one day too).

Which articles report a happening (``news_articles``): an article can belong to several,
but a breaking-news article (its lead tells an action of at most ``NEWS_DAYS`` before it
was published, or of any day when its date is unknown) reports only what it tells as
news, in its lead or in ``MIN_NEWS_SENTENCES`` sentences, not what it recalls in
passing; a sentence of it that names several happenings tells the latest action among
them ("struck on Wednesday in response to the March attack"). Analysis and
retrospective pieces and statements recount what they mention and report all of it (an
analysis piece that recalls the attack, the strikes and the ceasefire is in all
three). An article published more than a day before a happening began does not report
it (``reporting_articles``), and a happening needs two articles that report it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chronicler.corpus.unionfind import UnionFind
from chronicler.records import Event, Story, content_id

CRISIS_DAYS = 45  # two same-dyad articles this close in time are one crisis
MIN_SHARED = 2  # specific anchors that link two same-dyad articles at any distance
MIN_SOURCES = 2  # a happening is reported by at least this many independent sources
MAX_HAPPENING_DAYS = 1  # days joined without a named operation: a day and the next
# An anchor named by more articles than this (a head of state, a capital) tells nothing
# about which crisis an article is in, and would make the anchor count quadratic.
MAX_ANCHOR_ARTICLES = 200


@dataclass(frozen=True)
class CrisisDoc:
    id: str
    title: str
    published: dt.date | None
    outlet: str | None
    dyad: frozenset[str]  # the two countries most named (fewer when there are fewer)
    operations: frozenset[str]  # operations its own events name
    named: frozenset[str]  # every country named at least twice
    # the countries of each of its own asserted events with two or more (actor and
    # recipient sides together): who it says acts on whom, not whom it mentions
    sides: frozenset[frozenset[str]]
    anchors: frozenset[str]  # specific people, organisations and places
    dup_key: str


def named_countries(countries: Counter[str]) -> frozenset[str]:
    return frozenset(c for c, n in countries.items() if n >= 2)


def _close(a: CrisisDoc, b: CrisisDoc) -> bool:
    return (a.published is not None and b.published is not None
            and abs((a.published - b.published).days) <= CRISIS_DAYS)


def main_dyad(countries: Counter[str]) -> frozenset[str]:
    """The two countries named most (ties: alphabetical)."""
    top = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    return frozenset(c for c, _ in top)


def crisis_groups(docs: Sequence[CrisisDoc]) -> list[list[CrisisDoc]]:
    """Connected components of the crisis relation (module docstring), in O(n log n)
    plus the anchor index: a wire group or an operation joins all its articles at once;
    inside a dyad, dated articles are joined to their neighbour in date order when at
    most CRISIS_DAYS apart (the relation's components, without comparing all pairs);
    anchors are counted through an index of the dyad's articles per anchor."""
    uf: UnionFind[int] = UnionFind(range(len(docs)))
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(("dup", d.dup_key), []).append(i)
        for o in d.operations:
            groups.setdefault(("op", o), []).append(i)
    for members in groups.values():
        for j in members[1:]:
            uf.union(members[0], j)
    by_dyad: dict[frozenset[str], list[int]] = {}
    for i, d in enumerate(docs):
        if len(d.dyad) == 2:
            by_dyad.setdefault(d.dyad, []).append(i)
    for members in by_dyad.values():
        dated = sorted((i for i in members if docs[i].published),
                       key=lambda i: (docs[i].published, docs[i].id))
        for a, b in zip(dated, dated[1:], strict=False):
            if (docs[b].published - docs[a].published).days <= CRISIS_DAYS:  # type: ignore[operator]
                uf.union(a, b)
        per_anchor: dict[str, list[int]] = {}
        for i in members:
            for an in docs[i].anchors:
                per_anchor.setdefault(an, []).append(i)
        for i in members:
            shared: Counter[int] = Counter()
            for an in docs[i].anchors:
                if len(per_anchor[an]) <= MAX_ANCHOR_ARTICLES:
                    shared.update(j for j in per_anchor[an] if j != i)
            for j, n in shared.items():
                if n >= MIN_SHARED:
                    uf.union(i, j)
    _third_parties(docs, by_dyad, uf)
    _one_side(docs, by_dyad, uf)
    return [[docs[i] for i in idx] for idx in uf.groups().values()]


def _third_parties(docs: Sequence[CrisisDoc], by_dyad: dict[frozenset[str], list[int]],
                   uf: UnionFind[int]) -> None:
    """An article with another main dyad one of whose events involves both countries of
    a dyad joins the nearest article of that dyad in time (one link is enough for the
    component)."""
    def day(i: int) -> dt.date:
        return docs[i].published or dt.date.min

    dated = {d: sorted((i for i in m if docs[i].published), key=day)
             for d, m in by_dyad.items()}
    for i, doc in enumerate(docs):
        if doc.published is None:
            continue
        for dyad, members in dated.items():
            if dyad == doc.dyad or not members or not any(dyad <= s for s in doc.sides):
                continue
            days = [day(j) for j in members]
            k = bisect.bisect_left(days, doc.published)
            for j in (members[x] for x in (k - 1, k) if 0 <= x < len(members)):
                if _close(doc, docs[j]):
                    uf.union(i, j)
                    break


def _one_side(docs: Sequence[CrisisDoc], by_dyad: dict[frozenset[str], list[int]],
              uf: UnionFind[int]) -> None:
    """An article about one side only joins a dyad's article it shares anchors with."""
    per_anchor: dict[str, list[int]] = {}
    for members in by_dyad.values():
        for j in members:
            for an in docs[j].anchors:
                per_anchor.setdefault(an, []).append(j)
    for i, doc in enumerate(docs):
        if len(doc.dyad) != 1:
            continue
        shared: Counter[int] = Counter()
        for an in doc.anchors:
            hits = per_anchor.get(an, [])
            if len(hits) <= MAX_ANCHOR_ARTICLES:
                shared.update(hits)
        for j, n in shared.most_common():
            if n < MIN_SHARED:
                break
            if doc.dyad <= docs[j].dyad and _close(doc, docs[j]):
                uf.union(i, j)
                break


def crisis_story(members: Sequence[CrisisDoc], names: Mapping[str, str]) -> Story:
    dyad: Counter[str] = Counter()
    ops: Counter[str] = Counter()
    for d in members:
        dyad.update(d.dyad)
        ops.update(d.operations)
    top = sorted(main_dyad(dyad), key=lambda c: (-dyad[c], c))
    label = "–".join(names.get(c, c) for c in top) or "Unplaced coverage"
    if ops:
        label += f": {ops.most_common(1)[0][0]}"
    dates = sorted(d.published for d in members if d.published)
    ids = sorted(d.id for d in members)
    return Story(id=content_id("crisis", *ids), title=label, article_ids=ids,
                 start=dates[0] if dates else None, end=dates[-1] if dates else None,
                 outlets=sorted({d.outlet for d in members if d.outlet}),
                 level="crisis", basis="articles")


def _asserted(e: Event) -> bool:
    return not (e.negated or e.hypothetical or e.future)


def _family(e: Event) -> str:
    """The kind of action a happening joins on a day: force (an attack, a seizure),
    cooperation (a truce, the calls and thanks around it), else the event's own type (an
    attack and the sanctions of the next day are two happenings)."""
    if e.score >= 0:
        return "cooperation"
    return "force" if e.type in ("ASSAULT", "COERCE") else e.type


def _countries(e: Event) -> set[str]:
    return {a.country for a in (*e.actor, *e.recipient) if a.country}


def reporting_articles(evs: Sequence[Event],
                       published: Mapping[str, dt.date | None] | None = None) -> list[str]:
    """The articles of a happening's events, less those published more than a day
    before it began: an article of March 27 that foresees "an imminent strike" does not
    report the strikes of April 2 (its mention merged with them on their sides)."""
    arts = sorted({a for e in evs for a in e.article_ids})
    dates = [e.date for e in evs if e.date and not e.date_reported]
    if not published or not dates:
        return arts
    first = min(dates) - dt.timedelta(days=1)
    return [a for a in arts if (p := published.get(a)) is None or p >= first]


# What is said (PLOVER's verbal types), as against what is done.
STATEMENTS = frozenset({"ACCUSE", "AGREE", "CONSULT", "REJECT", "REQUEST", "SUPPORT",
                        "THREATEN"})
LEAD_CHARS = 300  # an evidence sentence starting this close to the top is in the lead
NEWS_DAYS = 3  # a lead tells news of at most this many days before its article
MIN_NEWS_SENTENCES = 2  # or an article tells the happening in this many sentences


def news_articles(groups: Sequence[Sequence[Event]],
                  published: Mapping[str, dt.date | None] | None = None) -> list[list[str]]:
    """For each happening (its events), the articles that report it (module docstring):
    every article that mentions it, except that a breaking-news article (``breaking``)
    reports only what it tells as news: its lead's happening, and any other it tells in
    ``MIN_NEWS_SENTENCES`` sentences or in its lead. A sentence of a breaking-news
    article that is evidence of several happenings tells the latest action among them
    ("Merovia struck on Wednesday in response to the March attack" is news of the
    strikes; "Kaldoria rejected the insinuations over the attack" is news of the
    attack, what is said about an action being part of its story). Articles published
    before a happening (``reporting_articles``) never report it."""
    start = [min((e.date for e in evs if e.date and not e.date_reported), default=None)
             for evs in groups]
    action = [any(e.type not in STATEMENTS for e in evs) for evs in groups]
    told: list[dict[str, set[tuple[int, int]]]] = []
    for evs in groups:
        ok = set(reporting_articles(evs, published))
        sents: dict[str, set[tuple[int, int]]] = {}
        for e in evs:
            for ev in e.evidence:
                if ev.article_id in ok:
                    sents.setdefault(ev.article_id, set()).add((ev.span[0], ev.span[1]))
            for a in e.article_ids:  # an article with no evidence: told, nowhere known
                if a in ok:
                    sents.setdefault(a, set())
        told.append(sents)
    news = breaking(told, start, action, published or {})
    # the happening each sentence of a breaking-news article tells: an action before
    # words about it, then the latest
    rank = [(action[g], start[g] or dt.date.min) for g in range(len(groups))]
    best: dict[tuple[str, tuple[int, int]], tuple[bool, dt.date]] = {}
    for g, sents in enumerate(told):
        for a, spans in sents.items():
            if a in news:
                for sp in spans:
                    best[(a, sp)] = max(best.get((a, sp), rank[g]), rank[g])
    out = []
    for g, sents in enumerate(told):
        members = []
        for a, spans in sorted(sents.items()):
            if a not in news:
                members.append(a)
                continue
            own = [sp for sp in spans if best[(a, sp)] <= rank[g]]
            if len(own) >= MIN_NEWS_SENTENCES or any(sp[0] < LEAD_CHARS for sp in own):
                members.append(a)
        out.append(members)
    return out


def breaking(told: Sequence[Mapping[str, set[tuple[int, int]]]],
             start: Sequence[dt.date | None], action: Sequence[bool],
             published: Mapping[str, dt.date | None]) -> set[str]:
    """Breaking-news articles: their lead (a sentence starting in the first
    ``LEAD_CHARS`` characters) tells an action (a happening not only of words) that began
    at most ``NEWS_DAYS`` before they were published, or, when their date is unknown, at
    any time (nothing says they look back: their lead is what they report). Analysis
    and retrospective pieces and statements recount what they mention, and report all
    of it."""
    out = set()
    for g, sents in enumerate(told):
        began = start[g]
        if not action[g] or began is None:
            continue
        for a, spans in sents.items():
            p = published.get(a)
            if (p is None or 0 <= (p - began).days <= NEWS_DAYS) \
                    and any(sp[0] < LEAD_CHARS for sp in spans):
                out.add(a)
    return out


def happenings(events: Sequence[Event], names: Mapping[str, str],
               published: Mapping[str, dt.date | None] | None = None) -> list[Story]:
    """Happenings from merged events (module docstring); ``published``: the articles'
    publication dates (``reporting_articles``)."""
    key = [e for e in events if _asserted(e) and e.n_sources >= MIN_SOURCES
           and ((e.date is not None and not e.date_reported) or e.operation)]
    uf: UnionFind[int] = UnionFind(range(len(key)))
    by_op: dict[str, int] = {}
    for i, e in enumerate(key):
        if e.operation:
            if e.operation in by_op:
                uf.union(by_op[e.operation], i)
            by_op.setdefault(e.operation, i)
    dated = sorted((i for i, e in enumerate(key) if e.date and not e.date_reported),
                   key=lambda i: (key[i].date, key[i].id))
    span: dict[int, tuple[dt.date, dt.date]] = {
        i: (e.date, e.date) for i, e in enumerate(key) if e.date and not e.date_reported}
    for x, i in enumerate(dated):
        for j in dated[x + 1:]:
            a, b = key[i], key[j]
            if (b.date - a.date).days > 1:  # type: ignore[operator]
                break
            ri, rj = uf.find(i), uf.find(j)
            lo = min(span.get(ri, span[i])[0], span.get(rj, span[j])[0])
            hi = max(span.get(ri, span[i])[1], span.get(rj, span[j])[1])
            if (a.date_precision == b.date_precision == "day"
                    and _family(a) == _family(b)  # fighting and a truce stay apart
                    and (hi - lo).days <= MAX_HAPPENING_DAYS  # no chain of days
                    and _countries(a) & _countries(b)):
                uf.union(i, j)
                span[uf.find(i)] = (lo, hi)
    groups = [sorted((key[i] for i in idx), key=lambda e: (-e.n_sources, e.id))
              for idx in uf.groups().values()]
    out = []
    for evs, arts in zip(groups, news_articles(groups, published), strict=True):
        head = evs[0]
        if len(arts) < 2:  # one article's news is its own story, not a happening's
            continue
        sides = " → ".join(", ".join(names.get(x.country or "", x.country or x.name)
                                     for x in side)
                           for side in (head.actor, head.recipient) if side)
        when = head.date.isoformat() if head.date else ""
        title = " ".join(p for p in (head.operation or head.type.title(), sides and
                                     f"({sides})", when) if p)
        dates = sorted(e.date for e in evs if e.date and not e.date_reported)
        out.append(Story(
            id=content_id("happening", *sorted(e.id for e in evs)), title=title,
            article_ids=arts, event_ids=sorted(e.id for e in evs),
            start=dates[0] if dates else None, end=dates[-1] if dates else None,
            level="event", basis="events"))
    return sorted(out, key=lambda s: (s.start or dt.date.max, s.id))
