"""Stories: a story with its events, claims by status, quotes by side, framing and
its dyad timeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from chronicler.records import Claim, Event, Framing, Quote, Story, record
from chronicler.store import Store
from chronicler.views import validate
from chronicler.views.base import (
    Filters,
    Page,
    _count,
    _page,
    _plain,
    _Where,
    clamp,
)
from chronicler.views.ids import resolve
from chronicler.views.items import (
    _claims,
    _events,
    article_summaries,
)
from chronicler.views.timeline import dyad_days, main_dyad


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
    if f.since:
        w.add(_STORY_SINCE, f.since)
    return w


# A story with an article stored after ``since`` (live updates, issue 17).
_STORY_SINCE = ("EXISTS (SELECT 1 FROM articles a WHERE a.ingested_at > ? AND list_contains("
                "json_extract_string(stories.payload, '$.article_ids[*]'), a.id))")


def list_stories(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                 offset: int | None = 0) -> Page:
    """Stories by start date. Filters: outlet, date range (overlapping the story),
    actor and country (mentioned in one of its articles)."""
    lim, off = clamp(limit, offset)
    w = _story_where(validate.filters(store, "story", filters))
    recs = store.json_records("stories", w.sql, w.params, order="start NULLS LAST, id",
                              limit=lim, offset=off)
    return _page([record("story", s) for s in recs], _count(store, "stories", w), lim, off)


def _story(store: Store, story_id: str) -> Story:
    recs: list[Story] = store.json_records("stories", "id = ?",
                                           [resolve(store, "story", story_id)])
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
    story_id = s.id
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
    for rec in by_status["contested"]:
        rec["sides"] = claim_sides(store, rec, claims)
    pairs = contested_pairs(by_status["contested"])
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
        "contested_pairs": pairs,
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


# ------------------------------------------------------------------ contested claims
def claim_sides(store: Store, rec: dict[str, Any], claims: Sequence[Claim]
                ) -> dict[str, Any]:
    """A contested claim side by side: ``a`` is the claim, ``b`` the claims contesting
    it, each with who says it and every source (outlet, date, sentence)."""
    by_id = {c.id: c for c in claims}
    missing = [i for i in [rec["id"], *rec.get("contested_by", [])] if i not in by_id]
    for table in ("claims", "article_claims"):  # aligned first, then per-article
        if missing:
            for c in store.json_records(table, "id IN (SELECT unnest(?))", [missing]):
                by_id.setdefault(c.id, c)
            missing = [i for i in missing if i not in by_id]
    own = by_id.get(rec["id"])
    opponents = [by_id[i] for i in rec.get("contested_by", []) if i in by_id]
    arts = [*(own.article_ids if own else []), *(a for o in opponents for a in o.article_ids)]
    dates = {a["id"]: a for a in article_summaries(store, sorted(set(arts)))}
    return {"a": side_of(own, dates) if own else None,
            "b": [side_of(o, dates) for o in opponents]}


def contested_pairs(contested: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each contested pair once, as {a, b}: the claim that something is so on the
    left (A), the one that denies or disputes it on the right (B)."""
    out, seen = [], set()
    for rec in contested:
        a = rec.get("sides", {}).get("a")
        for b in rec.get("sides", {}).get("b", []):
            key = frozenset((a["id"], b["id"])) if a else None
            if a is None or key in seen:
                continue
            seen.add(key)
            left, right = (b, a) if a["polarity"] == "neg" and b["polarity"] == "pos" else (a, b)
            out.append({"a": left, "b": right})
    return out


def side_of(c: Claim, arts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sources = []
    for ev in c.evidence:
        a = arts.get(ev.article_id, {})
        sources.append({"article_id": ev.article_id, "outlet": ev.outlet or a.get("outlet"),
                        "published": a.get("published"), "title": a.get("title"),
                        "text": ev.text, "hedge": ev.hedge,
                        "asserted_by": _plain(ev.asserted_by) if ev.asserted_by else None})
    if not sources:
        for aid in c.article_ids:
            a = arts.get(aid, {})
            sources.append({"article_id": aid, "outlet": a.get("outlet"),
                            "published": a.get("published"), "title": a.get("title"),
                            "text": c.text, "hedge": c.hedge, "asserted_by": None})
    who = c.asserted_by.name if c.asserted_by else (sources[0]["outlet"] if sources else None)
    return {"id": c.id, "text": c.text, "who": who or "unattributed",
            "asserted_by": _plain(c.asserted_by) if c.asserted_by else None,
            "hedge": c.hedge, "polarity": c.polarity, "n_sources": c.n_sources,
            "sources": sources}


# ------------------------------------------------------------------ framing
def list_framing(store: Store, filters: Filters | None = None, *, limit: int | None = None,
                 offset: int | None = 0) -> Page:
    """Framing records (a referent and each outlet's terms for it), by story and
    referent. Filters: story, outlet (one of the outlets using a term), type (place,
    actor, label, term)."""
    lim, off = clamp(limit, offset)
    f = validate.filters(store, "framing", filters)
    w = _Where()
    if f.story:
        w.add("story_id = ?", f.story)
    if f.type:
        w.add("json_extract_string(framing.payload, '$.kind') = ?", f.type)
    if f.outlet:
        w.add("list_contains(json_extract_string(framing.payload, "
              "'$.variants[*].outlets[*]'), ?)", f.outlet)
    if f.since:
        w.add(f"story_id IN (SELECT id FROM stories WHERE {_STORY_SINCE})", f.since)
    recs = store.json_records("framing", w.sql, w.params, order="story_id, referent",
                              limit=lim, offset=off)
    return _page([record("framing", x) for x in recs], _count(store, "framing", w), lim, off)
