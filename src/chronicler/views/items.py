"""Articles, events, quotes, claims and actors: list and detail views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chronicler.errors import NotFound
from chronicler.records import Actor, Claim, Event, record
from chronicler.store import Store
from chronicler.views import validate
from chronicler.views.base import (
    DETAIL_CAP,
    Filters,
    Page,
    _by_ids,
    _count,
    _has_rows,
    _ids,
    _in_story,
    _json_list,
    _page,
    _plain,
    _Where,
    article_record,
    claims_table,
    clamp,
    events_table,
)
from chronicler.views.ids import resolve


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
    if f.since:
        w.add("ingested_at > ?", f.since)
    return w


def list_articles(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                  offset: int | None = 0, text: bool = True) -> Page:
    """Articles by publication date. Filters: story, actor (mentioned), country
    (an actor of it mentioned), type (an event of it reported), outlet, date range."""
    lim, off = clamp(limit, offset)
    w = _article_where(validate.filters(store, "article", filters))
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
    article_id = resolve(store, "article", article_id)
    art = store.articles(ids=[article_id])[0]
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
    if f.since:
        w.add("EXISTS (SELECT 1 FROM articles a WHERE a.ingested_at > ? AND list_contains("
              f"{_json_list(table, '$.evidence[*].article_id')}, a.id))", f.since)
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
    recs, total = _events(store, validate.filters(store, "event", filters), lim, off)
    return _page([record("event", e) for e in recs], total, lim, off)


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    event_id = resolve(store, "event", event_id)
    for table in ("events", "article_events"):
        recs = store.json_records(table, "id = ?", [event_id])
        if recs:
            return record("event", recs[0])
    raise NotFound(f"no event with id {event_id!r}")


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """An event with its evidence grouped by outlet: ``by_outlet`` is
    [{outlet, n_articles, items: [{article (summary), text, span}]}], outlets with
    the most articles first; wire copies are marked by the article's ``duplicate_of``."""
    ev = get_event(store, event_id)
    arts = {a["id"]: a for a in article_summaries(
        store, sorted({x["article_id"] for x in ev["evidence"]}))}
    groups: dict[str, dict[str, Any]] = {}
    for x in ev["evidence"]:
        a = arts.get(x["article_id"], {"id": x["article_id"]})
        name = a.get("outlet") or "unknown outlet"
        g = groups.setdefault(name, {"outlet": name, "items": [], "articles": set()})
        g["items"].append({"article": a, "text": x["text"], "span": x["span"]})
        g["articles"].add(x["article_id"])
    by_outlet = [{"outlet": g["outlet"], "n_articles": len(g["articles"]),
                  "items": sorted(g["items"], key=lambda i: i["article"].get("published")
                                  or "9999")}
                 for g in groups.values()]
    by_outlet.sort(key=lambda g: (g["outlet"] == "unknown outlet", -g["n_articles"],
                                  g["outlet"].lower()))
    return {"event": ev, "by_outlet": by_outlet}


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
    if f.since:
        art.add("ingested_at > ?", f.since)
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
    w = _quote_where(validate.filters(store, "quote", filters))
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
    if f.since:
        art.add("a.ingested_at > ?", f.since)
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
    recs, total = _claims(store, validate.filters(store, "claim", filters), lim, off)
    return _page([record("claim", c) for c in recs], total, lim, off)


def get_claim(store: Store, claim_id: str) -> dict[str, Any]:
    """A claim with the claims contesting it and the articles carrying it."""
    claim_id = resolve(store, "claim", claim_id)
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
    if f.since:
        w.add("id IN (SELECT actor_id FROM mentions WHERE article_id IN "
              "(SELECT id FROM articles WHERE ingested_at > ?))", f.since)
    return w


def list_actors(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0) -> Page:
    """Actors, most mentioned first, each with ``n_mentions``. Filters: country, type
    (PERSON, ORG, COUNTRY, GROUP), q (name or alias contains), story, article."""
    lim, off = clamp(limit, offset)
    w = _actor_where(validate.filters(store, "actor", filters))
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
    actor_id = resolve(store, "actor", actor_id)
    actor = _actors_by_ids(store, [actor_id])[0]
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


# Stories and search live in their own modules; re-exported so the read API is one namespace.
from chronicler.views.search import (  # noqa: E402
    like_pattern,
)
