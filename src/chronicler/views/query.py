"""The query layer: the read functions that the CLI, the REST API and the web pages share.

Every function takes a :class:`~chronicler.store.Store`, typed :class:`Filters` and
``limit``/``offset``, and returns plain dicts in the export contract's shape (the same
``kind``-tagged dicts :mod:`chronicler.outputs.export` writes), so what a page shows is exactly
what ``/api/...`` returns and what ``chronicler export`` writes.

    list_articles  get_article     articles, one with its analysis and highlights' data
    list_events    get_event       merged events (per-article events until merging runs)
    list_quotes
    list_claims    get_claim       aligned claims (per-article claims until alignment runs)
    list_stories   get_story       a story with its events, claims by status, quotes by
                                   speaker and side, framing, and its dyad timeline
    list_actors    get_actor       an actor with mentions, quotes and events
    timeline                       per-day event count and summed score for a dyad
    search                         words or "quoted phrases" in articles, quotes, claims

SQL here is written only as fragments handed to the store with bound parameters: user
text is never part of a statement. Search tokens go through ``ILIKE ? ESCAPE '\\'`` with
``%``, ``_`` and ``\\`` escaped, so ``multi-agent``, ``%``, ``'``, ``--`` or ``OR 1=1``
are matched as the characters they are.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from pydantic import BaseModel

from chronicler.errors import ChroniclerError
from chronicler.records import Actor, Article, Claim, Event, Framing, Quote, Story, record
from chronicler.store import Store

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 12
DETAIL_CAP = 200  # items of each kind embedded in a detail view (actor mentions, ...)

SearchKind = Literal["article", "quote", "claim"]


class NotFound(ChroniclerError):
    """The requested record does not exist (the API answers 404)."""

    code = "CHR-NOT-FOUND"


@dataclass(frozen=True)
class Filters:
    """Filters shared by the list functions; each function says which it honours.

    ``story``, ``actor`` and ``article`` are ids; ``country`` is an ISO3 or PLOVER code;
    ``type`` is the record's own kind (event type, quote kind, claim kind, actor type);
    ``date_from``/``date_to`` are inclusive; ``outlet`` is matched exactly.
    """

    story: str | None = None
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    outlet: str | None = None
    article: str | None = None
    status: str | None = None  # claims: single, corroborated, contested
    q: str | None = None  # actors: name or alias contains


class Page(TypedDict):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def clamp(limit: int | None, offset: int | None) -> tuple[int, int]:
    """Page size between 1 and MAX_LIMIT, offset at least 0."""
    lim = DEFAULT_LIMIT if limit is None else max(1, min(int(limit), MAX_LIMIT))
    return lim, max(0, int(offset or 0))


@dataclass
class _Where:
    """AND-ed SQL conditions with their bound parameters, in order."""

    conds: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.conds)


def _count(store: Store, table: str, w: _Where) -> int:
    sql = f"SELECT count(*) FROM {table}" + (f" WHERE {w.sql}" if w.conds else "")
    row = store.conn.execute(sql, w.params).fetchone()
    return int(row[0]) if row else 0


def _ids(store: Store, table: str, w: _Where, order: str, limit: int, offset: int,
         col: str = "id") -> list[str]:
    sql = f"SELECT {col} FROM {table}" + (f" WHERE {w.sql}" if w.conds else "")
    sql += f" ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}"
    return [r[0] for r in store.conn.execute(sql, w.params).fetchall()]


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _json_list(table: str, path: str) -> str:
    """SQL for a list of strings at a JSON path of a row's payload."""
    return f"json_extract_string({table}.payload, '{path}')"


_STORY_LIST = "(SELECT unnest(json_extract_string(s.payload, '{path}')) FROM stories s WHERE s.id = ?)"


def _in_story(col: str, what: str) -> str:
    return f"{col} IN " + _STORY_LIST.format(path=f"$.{what}[*]")


# --------------------------------------------------------------------------- records
def article_record(a: Article, *, text: bool = True) -> dict[str, Any]:
    d = record("article", a)
    if not text:
        d.pop("text", None)
    return d


def _plain(r: BaseModel) -> dict[str, Any]:
    return r.model_dump(mode="json")


def _has_rows(store: Store, table: str) -> bool:
    return store.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def events_table(store: Store) -> str:
    """Merged events once the merge stage has run, else the per-article events."""
    return "events" if _has_rows(store, "events") else "article_events"


def claims_table(store: Store) -> str:
    """Aligned claims once alignment has run, else the per-article claims."""
    return "claims" if _has_rows(store, "claims") else "article_claims"


def _by_ids(records: Iterable[Any], ids: Sequence[str]) -> list[Any]:
    pos = {i: n for n, i in enumerate(ids)}
    return sorted((r for r in records if r.id in pos), key=lambda r: pos[r.id])


# --------------------------------------------------------------------------- articles
def _article_where(f: Filters) -> _Where:
    w = _Where()
    if f.outlet:
        w.add("outlet = ?", f.outlet)
    if f.date_from:
        w.add("published >= ?", f.date_from)
    if f.date_to:
        w.add("published <= ?", f.date_to)
    if f.story:
        w.add(_in_story("id", "article_ids"), f.story)
    if f.actor:
        w.add("id IN (SELECT article_id FROM mentions WHERE actor_id = ?)", f.actor)
    if f.country:
        w.add("id IN (SELECT article_id FROM mentions WHERE country = ?)", f.country)
    if f.type:
        w.add("id IN (SELECT article_id FROM article_events WHERE type = ?)", f.type)
    return w


def list_articles(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                  offset: int | None = 0, text: bool = True) -> Page:
    """Articles by publication date. Filters: story, actor (mentioned), country
    (an actor of it mentioned), type (an event of it reported), outlet, date range."""
    lim, off = clamp(limit, offset)
    w = _article_where(filters or Filters())
    ids = _ids(store, "articles", w, "published NULLS LAST, id", lim, off)
    items = [article_record(a, text=text) for a in _by_ids(store.articles(ids=ids), ids)]
    return _page(items, _count(store, "articles", w), lim, off)


def article_summaries(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Articles without their text, by publication date."""
    return [article_record(a, text=False) for a in store.articles(ids=list(ids))]


def get_article(store: Store, article_id: str) -> dict[str, Any]:
    """One article with everything extracted from it.

    ``analysis`` holds the per-article records (mentions, times, places, counts,
    quotes, events, claims, actors; null if the article was never analysed);
    ``events`` and ``claims`` are the merged events and aligned claims citing this
    article; ``copies`` are stored wire
    copies of it and ``original`` the article it copies.
    """
    found = store.articles(ids=[article_id])
    if not found:
        raise NotFound(f"no article with id {article_id!r}")
    art = found[0]
    an = store.analysis(article_id)
    analysis = None
    if an is not None:
        analysis = {
            "mentions": [_plain(m) for m in an.mentions],
            "times": [_plain(t) for t in an.times],
            "places": [_plain(p) for p in an.places],
            "counts": [_plain(c) for c in an.counts],
            "quotes": [record("quote", q) for q in an.quotes],
            "events": [record("event", e) for e in an.events],
            "claims": [record("claim", c) for c in an.claims],
            "actors": [record("actor", a) for a in an.actors],
            "provenance": list(an.provenance),
        }
    merged: list[dict[str, Any]] = []
    if _has_rows(store, "events"):
        merged = [record("event", e) for e in store.json_records(
            "events", "list_contains(json_extract_string(events.payload, "
            "'$.evidence[*].article_id'), ?)", [article_id], order="date NULLS LAST, id")]
    aligned: list[dict[str, Any]] = []
    if _has_rows(store, "claims"):
        aligned = [record("claim", c) for c in store.json_records(
            "claims", "list_contains(json_extract_string(claims.payload, '$.article_ids[*]'), ?)",
            [article_id])]
    original = article_summaries(store, [art.duplicate_of]) if art.duplicate_of else []
    copies = [r[0] for r in store.conn.execute(
        "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [article_id]).fetchall()]
    return {
        "article": article_record(art),
        "analysis": analysis,
        "events": merged,
        "claims": aligned,
        "copies": article_summaries(store, copies),
        "original": original[0] if original else None,
    }


# ----------------------------------------------------------------------------- events
def _event_where(store: Store, table: str, f: Filters) -> _Where:
    w = _Where()
    if f.type:
        w.add("type = ?", f.type)
    if f.date_from:
        w.add("date >= ?", f.date_from)
    if f.date_to:
        w.add("date <= ?", f.date_to)
    if f.country:
        w.add("list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?)",
              f.country, f.country)
    if f.actor:
        name = _actor_name(store, f.actor) or f.actor
        conds = []
        for side in ("actor", "recipient"):
            conds.append(f"list_contains({_json_list(table, f'$.{side}[*].actor_id')}, ?)")
            conds.append(f"list_contains({_json_list(table, f'$.{side}[*].name')}, ?)")
        w.add(" OR ".join(conds), f.actor, name, f.actor, name)
    if f.story:
        w.add(_in_story("id", "event_ids"), f.story)
    if f.article:
        w.add(f"list_contains({_json_list(table, '$.evidence[*].article_id')}, ?)", f.article)
    if f.outlet:
        w.add("EXISTS (SELECT 1 FROM articles a WHERE a.outlet = ? AND list_contains("
              f"{_json_list(table, '$.evidence[*].article_id')}, a.id))", f.outlet)
    return w


def _actor_name(store: Store, actor_id: str) -> str | None:
    row = store.conn.execute("SELECT name FROM actors WHERE id = ?", [actor_id]).fetchone()
    return row[0] if row else None


def _events(store: Store, f: Filters, limit: int | None, offset: int) -> tuple[list[Event], int]:
    table = events_table(store)
    w = _event_where(store, table, f)
    recs = store.json_records(table, w.sql, w.params, order="date NULLS LAST, id",
                              limit=limit, offset=offset)
    return recs, _count(store, table, w)


def list_events(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0) -> Page:
    """Events by date. Filters: type (PLOVER), country (actor or recipient), actor (id),
    story, article (cited as evidence), outlet (of an evidence article), date range."""
    lim, off = clamp(limit, offset)
    recs, total = _events(store, filters or Filters(), lim, off)
    return _page([record("event", e) for e in recs], total, lim, off)


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    for table in ("events", "article_events"):
        recs = store.json_records(table, "id = ?", [event_id])
        if recs:
            return record("event", recs[0])
    raise NotFound(f"no event with id {event_id!r}")


# ----------------------------------------------------------------------------- quotes
def _quote_where(f: Filters) -> _Where:
    w = _Where()
    if f.article:
        w.add("article_id = ?", f.article)
    if f.type:
        w.add("kind = ?", f.type)
    if f.actor:
        w.add("json_extract_string(speaker, '$.actor_id') = ?", f.actor)
    if f.country:
        w.add("json_extract_string(speaker, '$.country') = ?", f.country)
    if f.story:
        w.add(_in_story("article_id", "article_ids"), f.story)
    art = _Where()
    if f.outlet:
        art.add("outlet = ?", f.outlet)
    if f.date_from:
        art.add("published >= ?", f.date_from)
    if f.date_to:
        art.add("published <= ?", f.date_to)
    if art.conds:
        w.add(f"article_id IN (SELECT id FROM articles WHERE {art.sql})", *art.params)
    return w


_QUOTE_ORDER = ("(SELECT published FROM articles a WHERE a.id = quotes.article_id) NULLS LAST, "
                "article_id, span[1], id")


def list_quotes(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0) -> Page:
    """Quotes by article date and position. Filters: actor (speaker id), country (the
    speaker's), type (direct, indirect, according_to), story, article, outlet, dates."""
    lim, off = clamp(limit, offset)
    w = _quote_where(filters or Filters())
    ids = _ids(store, "quotes", w, _QUOTE_ORDER, lim, off)
    recs = store.per_article("quotes", where="id IN (SELECT unnest(?))", params=[ids])
    return _page([record("quote", q) for q in _by_ids(recs, ids)],
                 _count(store, "quotes", w), lim, off)


# ----------------------------------------------------------------------------- claims
def _claim_where(table: str, f: Filters) -> _Where:
    w = _Where()

    def js(path: str) -> str:
        return f"json_extract_string({table}.payload, '{path}')"

    if f.status:
        w.add(f"{js('$.status')} = ?", f.status)
    if f.type:
        w.add(f"{js('$.kind')} = ?", f.type)
    if f.actor:
        w.add(f"{js('$.asserted_by.actor_id')} = ?", f.actor)
    if f.country:
        w.add(f"{js('$.asserted_by.country')} = ? OR list_contains({js('$.entities[*]')}, ?)",
              f.country, f.country)
    if f.story:
        w.add(f"{js('$.story_id')} = ? OR " + _in_story("id", "claim_ids"), f.story, f.story)
    if f.article:
        w.add(f"list_contains({js('$.article_ids[*]')}, ?)", f.article)
    art = _Where()
    if f.outlet:
        art.add("a.outlet = ?", f.outlet)
    if f.date_from:
        art.add("a.published >= ?", f.date_from)
    if f.date_to:
        art.add("a.published <= ?", f.date_to)
    if art.conds:
        w.add(f"EXISTS (SELECT 1 FROM articles a WHERE {art.sql} AND "
              f"list_contains({js('$.article_ids[*]')}, a.id))", *art.params)
    return w


def _claims(store: Store, f: Filters, limit: int | None, offset: int) -> tuple[list[Claim], int]:
    table = claims_table(store)
    w = _claim_where(table, f)
    order = "CASE json_extract_string(payload, '$.status') WHEN 'contested' THEN 0 " \
            "WHEN 'corroborated' THEN 1 ELSE 2 END, " \
            "CAST(json_extract(payload, '$.n_sources') AS INTEGER) DESC, id"
    recs = store.json_records(table, w.sql, w.params, order=order, limit=limit, offset=offset)
    return recs, _count(store, table, w)


def list_claims(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0) -> Page:
    """Claims, contested first, then by number of sources. Filters: status, type (claim
    kind), actor (asserter id), country (asserter's or one the claim is about), story,
    article, outlet and date range (of an article carrying the claim)."""
    lim, off = clamp(limit, offset)
    recs, total = _claims(store, filters or Filters(), lim, off)
    return _page([record("claim", c) for c in recs], total, lim, off)


def get_claim(store: Store, claim_id: str) -> dict[str, Any]:
    """A claim with the claims contesting it and the articles carrying it."""
    for table in ("claims", "article_claims"):
        recs = store.json_records(table, "id = ?", [claim_id])
        if recs:
            c: Claim = recs[0]
            contested = store.json_records(table, "id IN (SELECT unnest(?))",
                                           [list(c.contested_by)]) if c.contested_by else []
            return {"claim": record("claim", c),
                    "contested_by": [record("claim", x) for x in contested],
                    "articles": article_summaries(store, c.article_ids)}
    raise NotFound(f"no claim with id {claim_id!r}")


# ----------------------------------------------------------------------------- stories
def _story_where(f: Filters) -> _Where:
    w = _Where()
    if f.outlet:
        w.add("list_contains(json_extract_string(stories.payload, '$.outlets[*]'), ?)", f.outlet)
    if f.date_from:
        w.add('"end" IS NULL OR "end" >= ?', f.date_from)
    if f.date_to:
        w.add("start IS NULL OR start <= ?", f.date_to)
    for col, val in (("actor_id", f.actor), ("country", f.country)):
        if val:
            w.add(f"EXISTS (SELECT 1 FROM mentions m WHERE m.{col} = ? AND list_contains("
                  "json_extract_string(stories.payload, '$.article_ids[*]'), m.article_id))", val)
    return w


def list_stories(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                 offset: int | None = 0) -> Page:
    """Stories by start date. Filters: outlet, date range (overlapping the story),
    actor and country (mentioned in one of its articles)."""
    lim, off = clamp(limit, offset)
    w = _story_where(filters or Filters())
    recs = store.json_records("stories", w.sql, w.params, order="start NULLS LAST, id",
                              limit=lim, offset=off)
    return _page([record("story", s) for s in recs], _count(store, "stories", w), lim, off)


def _story(store: Store, story_id: str) -> Story:
    recs = store.json_records("stories", "id = ?", [story_id])
    if not recs:
        raise NotFound(f"no story with id {story_id!r}")
    return recs[0]


def get_story(store: Store, story_id: str) -> dict[str, Any]:
    """A story with everything to compare coverage.

    ``claims`` is split into contested, corroborated and single; ``quotes`` are grouped
    ``by_speaker`` and ``by_side`` (the speaker's country), wire copies counted once;
    ``cited_articles`` are articles outside the story that its events cite as evidence;
    ``framing`` is the per-referent records and ``framing_table`` the same as rows of
    outlet -> terms; ``dyad`` is the story's main country pair and ``dyad_timeline`` its
    daily event count and summed score; ``timeline`` counts events and articles per day.
    """
    s = _story(store, story_id)
    events, _ = _events(store, Filters(story=story_id), None, 0)
    claims, _ = _claims(store, Filters(story=story_id), None, 0)
    by_status: dict[str, list[dict[str, Any]]] = {"contested": [], "corroborated": [],
                                                  "single": []}
    for c in claims:
        by_status.setdefault(c.status, []).append(record("claim", c))
    texts = {c.id: c.text for c in claims}
    for rec in by_status["contested"]:
        rec["contested_by_text"] = [texts.get(i, i) for i in rec["contested_by"]]
    articles = article_summaries(store, s.article_ids)
    quotes = _story_quotes(store, s.article_ids)
    framing = store.json_records("framing", "story_id = ?", [story_id])
    dyad = main_dyad(events)
    cited = sorted({ev.article_id for e in events for ev in e.evidence} - set(s.article_ids))
    return {
        "story": record("story", s),
        "articles": articles,
        "cited_articles": article_summaries(store, cited),
        "events": [record("event", e) for e in events],
        "claims": by_status,
        "quotes": quotes,
        "framing": [record("framing", f) for f in framing],
        "framing_table": framing_table(framing, articles),
        "dyad": None if dyad is None else {"a": dyad[0], "b": dyad[1]},
        "dyad_timeline": None if dyad is None else dyad_days(events, dyad[0], dyad[1]),
        "timeline": story_days(events, articles),
    }


def _story_quotes(store: Store, article_ids: Sequence[str]) -> dict[str, Any]:
    originals = {r[0] for r in store.conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?)) AND duplicate_of IS NULL",
        [list(article_ids)]).fetchall()}
    seen: set[tuple[str, str]] = set()
    quotes: list[Quote] = []
    for q in store.per_article("quotes", sorted(originals)):
        key = ((q.speaker.name if q.speaker else "").lower(), q.text.strip().lower())
        if key not in seen:
            seen.add(key)
            quotes.append(q)
    return group_quotes(quotes)


def group_quotes(quotes: Sequence[Quote]) -> dict[str, Any]:
    """``by_speaker``: [{speaker, side, quotes}] (most quoted first); ``by_side``:
    [{side, speakers, quotes}] where side is the speaker's country ("unknown" if none)."""
    speakers: dict[str, dict[str, Any]] = {}
    sides: dict[str, dict[str, Any]] = {}
    for q in quotes:
        sp = q.speaker
        name = sp.name if sp else "unattributed"
        side = (sp.country if sp and sp.country else None) or "unknown"
        key = (sp.actor_id if sp and sp.actor_id else name.lower())
        g = speakers.setdefault(key, {"speaker": _plain(sp) if sp else None, "name": name,
                                      "side": side, "quotes": []})
        g["quotes"].append(record("quote", q))
        sd = sides.setdefault(side, {"side": side, "speakers": [], "quotes": []})
        if name not in sd["speakers"]:
            sd["speakers"].append(name)
        sd["quotes"].append(record("quote", q))
    by_speaker = sorted(speakers.values(), key=lambda g: (-len(g["quotes"]), g["name"].lower()))
    by_side = sorted(sides.values(), key=lambda g: (g["side"] == "unknown", -len(g["quotes"]),
                                                    g["side"]))
    return {"by_speaker": by_speaker, "by_side": by_side}


def framing_table(framing: Sequence[Framing], articles: Sequence[dict[str, Any]]
                  ) -> dict[str, Any]:
    """Framing as a table: one row per referent, one column per outlet, cells are the
    terms that outlet used (outlets of the story's articles first, in name order)."""
    outlets = sorted({o for f in framing for v in f.variants for o in v.outlets})
    rows = []
    for f in framing:
        cells: dict[str, list[str]] = defaultdict(list)
        for v in f.variants:
            for o in v.outlets:
                if v.term not in cells[o]:
                    cells[o].append(v.term)
        rows.append({"referent": f.referent, "kind": f.kind,
                     "cells": [cells.get(o, []) for o in outlets]})
    return {"outlets": outlets, "rows": rows}


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


def dyad_days(events: Iterable[Event], a: str, b: str, directed: bool = False
              ) -> list[dict[str, Any]]:
    """[{date, count, score}] per day (ISO dates, ascending): how many events went from
    ``a`` to ``b`` (and, undirected, from ``b`` to ``a``) and their summed PLOVER
    conflict–cooperation score, by the events package's rule
    (:func:`chronicler.views.timeline.dyad_timeline`), summed over directions."""
    from chronicler.views.timeline import dyad_timeline

    days: dict[str, dict[str, Any]] = {}
    for r in dyad_timeline(events, a, b, directed=directed).to_dict("records"):
        iso = r["date"].date().isoformat()
        day = days.setdefault(iso, {"date": iso, "count": 0, "score": 0.0})
        day["count"] += int(r["n_events"])
        day["score"] = round(day["score"] + float(r["score_sum"]), 3)
    return [days[k] for k in sorted(days)]


def story_days(events: Sequence[Event], articles: Sequence[dict[str, Any]]
               ) -> list[dict[str, Any]]:
    """[{date, events, articles}] per day: the story's timeline chart."""
    days: dict[str, dict[str, Any]] = {}
    for e in events:
        if e.date:
            days.setdefault(e.date.isoformat(), {"events": 0, "articles": 0})["events"] += 1
    for a in articles:
        if a.get("published") and not a.get("duplicate_of"):
            days.setdefault(a["published"], {"events": 0, "articles": 0})["articles"] += 1
    return [{"date": d, **days[d]} for d in sorted(days)]


def timeline(store: Store, a: str, b: str, *, directed: bool = False,
             filters: Filters | None = None) -> dict[str, Any]:
    """Per-day event count and summed conflict–cooperation score between countries
    ``a`` and ``b`` (``directed``: only a -> b). Filters: story, type, date range."""
    f = filters or Filters()
    table = events_table(store)
    w = _event_where(store, table, Filters(story=f.story, type=f.type, date_from=f.date_from,
                                           date_to=f.date_to))
    for c in (a, b):
        w.add("list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?)", c, c)
    events: list[Event] = store.json_records(table, w.sql, w.params, order="date, id")
    days = dyad_days(events, a, b, directed)
    return {"a": a, "b": b, "directed": directed, "days": days,
            "n_events": sum(d["count"] for d in days),
            "total_score": round(sum(d["score"] for d in days), 3)}


# ----------------------------------------------------------------------------- actors
def _actor_where(f: Filters) -> _Where:
    w = _Where()
    if f.country:
        w.add("country = ?", f.country)
    if f.type:
        w.add("type = ?", f.type)
    if f.q:
        pat = like_pattern(f.q)
        w.add("name ILIKE ? ESCAPE '\\' OR array_to_string(aliases, ' | ') ILIKE ? ESCAPE '\\'",
              pat, pat)
    if f.story:
        w.add("id IN (SELECT actor_id FROM mentions WHERE " + _in_story("article_id",
              "article_ids") + ")", f.story)
    if f.article:
        w.add("id IN (SELECT actor_id FROM mentions WHERE article_id = ?)", f.article)
    return w


def list_actors(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0) -> Page:
    """Actors, most mentioned first, each with ``n_mentions``. Filters: country, type
    (PERSON, ORG, COUNTRY, GROUP), q (name or alias contains), story, article."""
    lim, off = clamp(limit, offset)
    w = _actor_where(filters or Filters())
    order = "(SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id) DESC, name, id"
    ids = _ids(store, "actors", w, order, lim, off)
    counts = dict(store.conn.execute(
        "SELECT actor_id, count(*) FROM mentions WHERE actor_id IN (SELECT unnest(?)) "
        "GROUP BY actor_id", [ids]).fetchall())
    by_id = {a.id: a for a in _actors_by_ids(store, ids)}
    items = [{**record("actor", by_id[i]), "n_mentions": int(counts.get(i, 0))}
             for i in ids if i in by_id]
    return _page(items, _count(store, "actors", w), lim, off)


def _actors_by_ids(store: Store, ids: Sequence[str]) -> list[Actor]:
    rows = store.conn.execute(
        "SELECT id, name, type, country, sector, aliases FROM actors "
        "WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
    return [Actor(id=r[0], name=r[1], type=r[2], country=r[3], sector=r[4], aliases=r[5])
            for r in rows]


def get_actor(store: Store, actor_id: str) -> dict[str, Any]:
    """An actor with its mentions (first DETAIL_CAP; ``n_mentions`` counts all), the
    articles mentioning it, its quotes, the events it takes part in and
    (``cited_articles``) the other articles those events cite."""
    found = _actors_by_ids(store, [actor_id])
    if not found:
        raise NotFound(f"no actor with id {actor_id!r}")
    actor = found[0]
    mentions = store.per_article("mentions", where="actor_id = ?", params=[actor_id])
    article_ids = sorted({m.article_id for m in mentions})
    quotes = list_quotes(store, Filters(actor=actor_id), limit=DETAIL_CAP)
    events, n_events = _events(store, Filters(actor=actor_id), DETAIL_CAP, 0)
    cited = sorted({ev.article_id for e in events for ev in e.evidence} - set(article_ids))
    return {
        "actor": record("actor", actor),
        "n_mentions": len(mentions),
        "mentions": [_plain(m) for m in mentions[:DETAIL_CAP]],
        "articles": article_summaries(store, article_ids[:DETAIL_CAP]),
        "cited_articles": article_summaries(store, cited),
        "quotes": quotes["items"],
        "n_quotes": quotes["total"],
        "events": [record("event", e) for e in events],
        "n_events": n_events,
    }


# ----------------------------------------------------------------------------- search
_TOKEN_RE = re.compile(r'"([^"]+)"|(\S+)')


def tokens(q: str) -> list[str]:
    """Words and "quoted phrases" of a query, at most MAX_QUERY_TOKENS."""
    out = []
    for m in _TOKEN_RE.finditer(q[:MAX_QUERY_CHARS]):
        t = (m.group(1) or m.group(2) or "").strip()
        if t:
            out.append(t)
    return out[:MAX_QUERY_TOKENS]


def like_pattern(token: str) -> str:
    """``%token%`` with LIKE's wildcards and the escape character escaped: a user's
    ``%`` or ``_`` matches only itself (used with ``ESCAPE '\\'``)."""
    esc = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _match(col: str, toks: Sequence[str]) -> tuple[str, list[str]]:
    cond = " AND ".join(f"{col} ILIKE ? ESCAPE '\\'" for _ in toks)
    return cond, [like_pattern(t) for t in toks]


def snippet(text: str, toks: Sequence[str], width: int = 90) -> str:
    """Text around the first match of any token, with ellipses where cut."""
    low = text.lower()
    hits = [i for i in (low.find(t.lower()) for t in toks) if i >= 0]
    if not hits:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    i = min(hits)
    start, end = max(0, i - width), min(len(text), i + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def search(store: Store, q: str, *, kinds: Sequence[SearchKind] | None = None,
           filters: Filters | None = None, limit: int | None = None,
           offset: int | None = 0) -> Page:
    """Article titles and text, quotes and claims containing every word (or "phrase")
    of ``q``, case-insensitively. Hits: {kind, id, article_id, title, outlet,
    published, snippet, text (quotes and claims)}. Filters: outlet, date range."""
    lim, off = clamp(limit, offset)
    toks = tokens(q or "")
    if not toks:
        return _page([], 0, lim, off)
    f = filters or Filters()
    want = set(kinds or ("article", "quote", "claim"))
    art = _Where()
    if f.outlet:
        art.add("a.outlet = ?", f.outlet)
    if f.date_from:
        art.add("a.published >= ?", f.date_from)
    if f.date_to:
        art.add("a.published <= ?", f.date_to)
    parts: list[str] = []
    params: list[Any] = []
    extra = (" AND " + art.sql) if art.conds else ""
    if "article" in want:
        cond, p = _match("(coalesce(a.title, '') || ' ' || a.text)", toks)
        parts.append("SELECT 0 AS rank, 'article' AS kind, a.id, a.id AS article_id, "
                     "a.title, a.outlet, a.published, a.text AS body FROM articles a "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if "quote" in want:
        cond, p = _match("q.text", toks)
        parts.append("SELECT 1 AS rank, 'quote' AS kind, q.id, q.article_id, a.title, a.outlet, "
                     "a.published, q.text AS body FROM quotes q JOIN articles a ON a.id = q.article_id "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if "claim" in want:
        table = claims_table(store)
        text_sql = f"json_extract_string({table}.payload, '$.text')"
        first = f"json_extract_string({table}.payload, '$.article_ids[0]')"
        cond, p = _match(text_sql, toks)
        parts.append(f"SELECT 2 AS rank, 'claim' AS kind, {table}.id, {first} AS article_id, "
                     f"a.title, a.outlet, a.published, {text_sql} AS body FROM {table} "
                     f"LEFT JOIN articles a ON a.id = {first} "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if not parts:
        return _page([], 0, lim, off)
    union = " UNION ALL ".join(parts)
    row = store.conn.execute(f"SELECT count(*) FROM ({union})", params).fetchone()
    total = int(row[0]) if row else 0
    rows = store.conn.execute(
        f"SELECT kind, id, article_id, title, outlet, published, body FROM ({union}) "
        f"ORDER BY rank, published NULLS LAST, id LIMIT {lim} OFFSET {off}", params).fetchall()
    items = []
    for kind, rid, aid, title, outlet, published, body in rows:
        hit: dict[str, Any] = {
            "kind": kind, "id": rid, "article_id": aid, "title": title, "outlet": outlet,
            "published": published.isoformat() if published else None,
            "snippet": snippet(body or "", toks),
            "text": None if kind == "article" else body,
        }
        items.append(hit)
    return _page(items, total, lim, off)


def outlets(store: Store) -> list[str]:
    """Every outlet named by a stored article, for filter menus."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1").fetchall()]


def counts(store: Store) -> dict[str, int]:
    """Rows per table, for the home page's summary."""
    return {t: store.count(t) for t in ("articles", "actors", "quotes", "events",
                                        "article_events", "claims", "article_claims",
                                        "stories", "framing")}
