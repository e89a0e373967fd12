"""Stories: articles about the same happening, linked precision-first.

Two articles link when their title+lead embeddings are very close AND they share at
least two actor countries or places AND were published within a week; stories are the
connected components. A loose link merges unrelated coverage (the massacre and the
ceasefire) into one blob, so the threshold errs high.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chronicler.compare.align import EmbedFn, UnionFind
from chronicler.records import Story, content_id

STORY_THRESHOLD = 0.80  # tuned on the demo corpus: see tests/test_compare.py
STORY_DAYS = 7
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


def build_stories(docs: Sequence[StoryDoc], embed: EmbedFn,
                  threshold: float = STORY_THRESHOLD) -> list[Story]:
    docs = list(docs)
    if not docs:
        return []
    vecs = embed([_text(d) for d in docs])
    sims = vecs @ vecs.T
    uf = UnionFind(len(docs))
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = docs[i], docs[j]
            if a.dup_key and a.dup_key == b.dup_key:
                uf.union(i, j)
                continue
            if sims[i, j] < threshold or len(a.anchors & b.anchors) < 2:
                continue
            if a.published and b.published and abs((a.published - b.published).days) > STORY_DAYS:
                continue
            uf.union(i, j)
    comps: dict[int, list[int]] = {}
    for i in range(len(docs)):
        comps.setdefault(uf.find(i), []).append(i)
    out = []
    for idx in comps.values():
        # The title of the article closest to all the others speaks for the story.
        central = max(idx, key=lambda i: float(np.sum(sims[i, idx])))
        members = [docs[i] for i in idx]
        dates = [d.published for d in members if d.published]
        ids = sorted(d.id for d in members)
        out.append(Story(
            id=content_id("story", *ids), title=docs[central].title or docs[central].lead[:80],
            article_ids=ids, start=min(dates) if dates else None,
            end=max(dates) if dates else None,
            outlets=sorted({d.outlet for d in members if d.outlet}),
        ))
    return sorted(out, key=lambda s: (s.start or dt.date.max, s.id))
