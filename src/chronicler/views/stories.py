"""Stories: a story with its events, claims by status, quotes by side, framing and
its dyad timeline."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from chronicler.errors import NotFound
from chronicler.records import Event, Framing, Quote, Story, record
from chronicler.store import Store
from chronicler.views.base import (
    Filters,
    Page,
    _count,
    _page,
    _plain,
    _Where,
    clamp,
    events_table,
)
from chronicler.views.items import (
    _claims,
    _event_where,
    _events,
    article_summaries,
)


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
