"""Stories: articles about the same happening, linked precision-first.

A wrong merge looks like two newsrooms confirming each other, so the rules err strict:

* two articles **link** when the embeddings of their title + lead are close
  (``STORY_THRESHOLD``), they share at least ``MIN_SHARED`` specific anchors (named
  people, organisations and places; country codes are too common to count) and were
  published at most ``STORY_DAYS`` apart; wire copies (one duplicate group) always link;
* links merge **average-linkage**, most similar first: two clusters join only when the
  mean similarity of all their cross pairs reaches the threshold and the merged story
  spans at most ``MAX_SPAN_DAYS``, so a chain of neighbours (attack -> measures ->
  ceasefire) never becomes one story;
* the story's **title** is the title of its most central article (the highest summed
  similarity to the other members); ``start``/``end`` are its first and last
  publication dates.

``story_timeline(store, story_id)`` lists the story's merged events by date (its
articles by date when no events were coded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from chronicler.corpus.align import EmbedFn
from chronicler.corpus.unionfind import UnionFind
from chronicler.records import Story, content_id
from chronicler.store import Store

# Tuned on the demo corpus: 0.70 keeps the strikes, ceasefire, hotline and treaty stories
# apart; 0.65 folds the Apr 8 hotline into the Apr 5 ceasefire, 0.55 the Kovasi
# attack into the Amarind aftermath piece.
STORY_THRESHOLD = 0.70
STORY_DAYS = 3  # two linked articles at most this far apart
MAX_SPAN_DAYS = 5  # a whole story at most this long (first to last article)
MIN_SHARED = 2  # specific anchors two linked articles share
LEAD_CHARS = 400


@dataclass(frozen=True)
class StoryDoc:
    id: str
    title: str
    lead: str
    published: dt.date | None
    outlet: str | None
    anchors: frozenset[str]  # actor countries and place names
    dup_key: str = ""  # coalesce(dup_group, id): a wire copy is always its original's story


def _text(d: StoryDoc) -> str:
    return f"{d.title}. {d.lead[:LEAD_CHARS]}"


def _days(d: StoryDoc) -> int | None:
    return d.published.toordinal() if d.published else None


def _span_ok(members: list[StoryDoc]) -> bool:
    days = [x for x in (_days(d) for d in members) if x is not None]
    return not days or max(days) - min(days) <= MAX_SPAN_DAYS


def build_stories(docs: Sequence[StoryDoc], embed: EmbedFn,
                  threshold: float = STORY_THRESHOLD) -> list[Story]:
    docs = list(docs)
    if not docs:
        return []
    vecs = embed([_text(d) for d in docs])
    sims = vecs @ vecs.T
    edges: list[tuple[float, int, int]] = []
    copies: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        if d.dup_key:
            copies.setdefault(d.dup_key, []).append(i)
    for group in copies.values():  # wire copies: always one story
        edges += [(2.0, group[0], j) for j in group[1:]]
    # Dated articles in date order: a pair further apart than STORY_DAYS ends the inner
    # loop, so the cost is the pairs inside a sliding window, not all pairs. The few
    # undated articles are compared with every article.
    dated = sorted((i for i in range(len(docs)) if _days(docs[i]) is not None),
                   key=lambda i: (_days(docs[i]) or 0, i))
    undated = [i for i in range(len(docs)) if _days(docs[i]) is None]
    pairs = [(i, j) for x, i in enumerate(undated) for j in undated[x + 1:]]
    pairs += [(i, j) for i in undated for j in dated]
    for x, i in enumerate(dated):
        for j in dated[x + 1:]:
            if (_days(docs[j]) or 0) - (_days(docs[i]) or 0) > STORY_DAYS:
                break
            pairs.append((i, j))
    for i, j in pairs:
        a, b = docs[i], docs[j]
        if a.dup_key and a.dup_key == b.dup_key:
            continue
        if sims[i, j] >= threshold and len(a.anchors & b.anchors) >= MIN_SHARED:
            edges.append((float(sims[i, j]), i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    uf: UnionFind[int] = UnionFind(range(len(docs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    for s_ij, i, j in edges:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        mi, mj = members[ri], members[rj]
        if s_ij < 2.0:  # not a wire copy: average linkage and a span cap
            if float(np.mean(sims[np.ix_(mi, mj)])) < threshold:
                continue
            if not _span_ok([docs[k] for k in mi + mj]):
                continue
        uf.union(ri, rj)
        members[uf.find(ri)] = mi + mj
    comps: dict[int, list[int]] = {}
    for i in range(len(docs)):
        comps.setdefault(uf.find(i), []).append(i)
    out = []
    for idx in comps.values():
        # The title of the article closest to all the others speaks for the story. Not
        # counting itself, and to 1e-5: an article's similarity to itself, and a vector
        # embedded in another batch, differ in the last bits, and wire copies tie.
        central = max(idx, key=lambda i: (round(float(np.sum(sims[i, idx]) - sims[i, i]), 5),
                                          -i))
        members_ = [docs[i] for i in idx]
        dates = [d.published for d in members_ if d.published]
        ids = sorted(d.id for d in members_)
        out.append(Story(
            id=content_id("story", *ids), title=docs[central].title or docs[central].lead[:80],
            article_ids=ids, start=min(dates) if dates else None,
            end=max(dates) if dates else None,
            outlets=sorted({d.outlet for d in members_ if d.outlet}),
        ))
    return sorted(out, key=lambda s: (s.start or dt.date.max, s.id))


def story_timeline(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The story's merged events by date: ``{date, event_id, type, actor, recipient,
    text, article_id, n_sources}`` (actor/recipient: country codes or names); when no
    event was coded, its articles by date (``type`` "article", ``text`` the title)."""
    found = store.json_records("stories", "id = ?", [story_id])
    if not found:
        return []
    story = found[0]
    rows: list[dict[str, Any]] = []
    if story.event_ids:
        events = store.json_records("events", "id IN (SELECT unnest(?))",
                                    [list(story.event_ids)])
        for e in events:
            ev = e.evidence[0] if e.evidence else None
            rows.append({
                "date": e.date.isoformat() if e.date else None, "event_id": e.id,
                "type": e.type, "actor": [a.country or a.name for a in e.actor],
                "recipient": [a.country or a.name for a in e.recipient],
                "text": ev.text if ev else "", "article_id": ev.article_id if ev else None,
                "n_sources": e.n_sources})
    if not rows:
        for a in store.articles(ids=story.article_ids):
            rows.append({"date": a.published.isoformat() if a.published else None,
                         "event_id": None, "type": "article", "actor": [], "recipient": [],
                         "text": a.title or "", "article_id": a.id, "n_sources": 1})
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["type"],
                                       r["event_id"] or r["article_id"] or ""))
