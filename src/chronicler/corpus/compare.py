"""The cross-article step: stories, aligned claims and framing over the whole store.

    chronicler debug compare --db news.duckdb
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from chronicler.config import Settings
from chronicler.corpus.align import ArticleInfo, align
from chronicler.corpus.embed import Embedder
from chronicler.corpus.framing import framing_records
from chronicler.corpus.stories import StoryDoc, build_stories
from chronicler.records import Claim, Story
from chronicler.store import Store

ALL_STORY = "all"


def _article_info(store: Store) -> dict[str, ArticleInfo]:
    """Per article: outlet *key* (``chronicler.corpus.sources.outlet_keys`` over the whole
    store, so "CPA" and "Continental Press Agency" are one source), duplicate group and
    date. Only source counting reads ``ArticleInfo.outlet``; names shown come from the
    articles themselves."""
    from chronicler.corpus.sources import outlet_keys

    rows = store.conn.execute(
        "SELECT id, outlet, coalesce(dup_group, id), published FROM articles").fetchall()
    keys = outlet_keys(r[1] for r in rows)
    return {r[0]: ArticleInfo(outlet=keys.get(r[1]) if r[1] else None, dup_key=r[2],
                              published=r[3]) for r in rows}


def _story_docs(store: Store, info: dict[str, ArticleInfo]) -> list[StoryDoc]:
    # Specific anchors only: named people, organisations and places. Country codes
    # (and capitals, demonyms) are shared by nearly every article of one conflict.
    anchors: dict[str, set[str]] = defaultdict(set)
    for m in store.per_article("mentions"):
        if m.label not in ("GPE", "NORP"):
            anchors[m.article_id].add(m.actor_id)
    countries = {c.casefold() for c in _country_names()}
    for p in store.per_article("places"):
        if p.name.casefold() not in countries:
            anchors[p.article_id].add("place:" + p.name)
    return [StoryDoc(id=a.id, title=a.title or "", lead=a.text[:600], published=a.published,
                     outlet=a.outlet, anchors=frozenset(anchors[a.id]),
                     dup_key=info[a.id].dup_key if a.id in info else a.id)
            for a in store.articles()]


def _country_names() -> set[str]:
    from chronicler.nlp.claims.stage import _country_names as names

    return set(names().values())


def _events_by_article(store: Store) -> dict[str, set[str]]:
    """Merged event ids per article (from evidence and article ids), read once: a
    lookup per story re-read every event and made this step O(stories x events)."""
    try:
        events = store.json_records("events")
    except Exception:  # noqa: BLE001 - the events table may not exist in older stores
        return {}
    out: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for aid in {*e.article_ids, *(ev.article_id for ev in e.evidence)}:
            out[aid].add(e.id)
    return out


def run_compare(store: Store, settings: Settings | None = None) -> dict[str, Any]:
    """Recompute stories, aligned claims and framing; returns counts."""
    settings = settings or Settings.from_env()
    embed = Embedder(settings.embedding_model, store=store)
    info = _article_info(store)
    stories = build_stories(_story_docs(store, info), embed)
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    info = {k: ArticleInfo(v.outlet, v.dup_key, v.published, story_of.get(k))
            for k, v in info.items()}

    per_article: list[Claim] = store.json_records("article_claims")
    groups, member_of = align(per_article, info, embed)
    for g in groups:
        g.story_id = story_of.get(g.article_ids[0]) if g.article_ids else None
    for c in per_article:
        c.group_id = member_of.get(c.id)
        c.story_id = story_of.get(c.article_ids[0]) if c.article_ids else None

    claims_by_story: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        if g.story_id:
            claims_by_story[g.story_id].append(g.id)
    events_of = _events_by_article(store)
    final_stories: list[Story] = []
    for s in stories:
        final_stories.append(s.model_copy(update={
            "claim_ids": sorted(claims_by_story.get(s.id, [])),
            "event_ids": sorted({e for a in s.article_ids for e in events_of.get(a, ())})}))

    # Framing is a comparison across outlets: over one story it is too thin on a small
    # corpus, so one corpus-wide record set ("all") plus one per multi-outlet story.
    articles = store.articles()
    places = store.per_article("places")
    quotes = store.per_article("quotes")
    framing = framing_records(ALL_STORY, articles, places, quotes)
    for s in final_stories:
        if len(s.outlets) < 2:
            continue
        ids = set(s.article_ids)
        framing += framing_records(s.id, [a for a in articles if a.id in ids],
                                   [p for p in places if p.article_id in ids],
                                   [q for q in quotes if q.article_id in ids])

    with store.transaction():
        store.prune_vectors(embed.name, embed.used)
        store.replace_all("article_claims", per_article)
        store.replace_all("claims", groups)
        store.replace_all("stories", final_stories)
        store.replace_all("framing", framing)
    status: dict[str, int] = defaultdict(int)
    for g in groups:
        status[g.status] += 1
    return {"article_claims": len(per_article), "claims": len(groups),
            "stories": len(final_stories), "framing": len(framing), "status": dict(status),
            "texts_embedded": embed.encoded, "texts_from_cache": len(embed.used) - embed.encoded}
