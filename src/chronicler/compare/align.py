"""Align per-article claims across articles: groups, independent sources, status.

Two claims join one group when they are about the same entities (blocking: a shared
actor country within 30 days, or the same story), their embeddings are close, their
numbers agree ("26 killed" never merges with "6 killed") and their polarity is the same.
A denial group whose denied clause matches a claim group makes both ``contested``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from chronicler.records import Claim, content_id

LINK_THRESHOLD = 0.65  # tuned on the demo corpus (eval/claims.py sweep: 0.65 best F1)
CONTEST_THRESHOLD = 0.60  # denied clause vs claim; 0.55 contests unrelated pairs
WINDOW_DAYS = 30

EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class ArticleInfo:
    outlet: str | None
    dup_key: str  # coalesce(dup_group, id): wire copies share it
    published: dt.date | None = None
    story_id: str | None = None


def independent_sources(article_ids: Sequence[str], info: dict[str, ArticleInfo]) -> int:
    """Distinct independent sources: copies collapse onto their original, then one
    outlet counts once however many articles it ran."""
    keys: dict[str, str] = {}
    for aid in article_ids:
        a = info.get(aid)
        key = a.dup_key if a else aid
        orig = info.get(key)
        # The original's outlet names the source; a copy's outlet only if unknown.
        outlet = (orig.outlet if orig and orig.outlet else (a.outlet if a else None)) or key
        keys.setdefault(key, outlet)
    return len(set(keys.values()))


def numbers_agree(a: Sequence[float], b: Sequence[float]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _blocked(a: Claim, b: Claim, ia: ArticleInfo | None, ib: ArticleInfo | None) -> bool:
    """True when the pair may be compared at all."""
    if ia and ib and ia.story_id and ia.story_id == ib.story_id:
        return True
    near = (ia is None or ib is None or ia.published is None or ib.published is None
            or abs((ia.published - ib.published).days) <= WINDOW_DAYS)
    return near and bool(set(a.entities) & set(b.entities))


class UnionFind:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.p[max(ri, rj)] = min(ri, rj)


def link_pairs(claims: Sequence[Claim], vecs: np.ndarray, info: dict[str, ArticleInfo],
               threshold: float = LINK_THRESHOLD) -> list[tuple[int, int]]:
    sims = vecs @ vecs.T if len(claims) else np.zeros((0, 0))
    out = []
    for i, j in zip(*np.nonzero(np.triu(sims >= threshold, k=1)), strict=True):
        a, b = claims[i], claims[j]
        if a.article_ids == b.article_ids:
            continue  # one article repeating itself is not corroboration
        if a.polarity != b.polarity or not numbers_agree(a.numbers, b.numbers):
            continue
        if _blocked(a, b, info.get(a.article_ids[0]), info.get(b.article_ids[0])):
            out.append((int(i), int(j)))
    return out


def _sort_key(c: Claim, info: dict[str, ArticleInfo]) -> tuple[dt.date, str, int]:
    a = info.get(c.article_ids[0]) if c.article_ids else None
    pub = a.published if a and a.published else dt.date.max
    return (pub, c.article_ids[0] if c.article_ids else "", c.evidence[0].span[0]
            if c.evidence else 0)


def _group_record(members: list[Claim], info: dict[str, ArticleInfo]) -> Claim:
    members = sorted(members, key=lambda c: _sort_key(c, info))
    first = members[0]
    gid = content_id("claimgroup", min(c.id for c in members))
    article_ids = sorted({a for c in members for a in c.article_ids})
    names = Counter(c.asserted_by.name for c in members if c.asserted_by)
    top = names.most_common(1)[0][0] if names else None
    asserter = next((c.asserted_by for c in members
                     if c.asserted_by and c.asserted_by.name == top), first.asserted_by)
    n = independent_sources(article_ids, info)
    return first.model_copy(update={
        "id": gid, "article_ids": article_ids, "asserted_by": asserter,
        "evidence": [e for c in members for e in c.evidence],
        "entities": sorted({e for c in members for e in c.entities}),
        "n_sources": n, "status": "corroborated" if n >= 2 else "single",
        "contested_by": [], "group_id": None,
    })


def mark_contested(groups: list[Claim], embed: EmbedFn,
                   threshold: float = CONTEST_THRESHOLD) -> None:
    """A denial (negative-polarity group with a denied clause) contests each positive
    group it matches; both sides become ``contested`` and point at each other."""
    denials = [g for g in groups if g.polarity == "neg" and g.target_text]
    claims = [g for g in groups if g.polarity == "pos"]
    if not denials or not claims:
        return
    dv = embed([g.target_text or "" for g in denials])
    cv = embed([g.text for g in claims])
    sims = dv @ cv.T
    for i, d in enumerate(denials):
        for j, c in enumerate(claims):
            if sims[i, j] < threshold or not set(d.entities) & set(c.entities):
                continue
            for x, y in ((d, c), (c, d)):
                x.status = "contested"
                if y.id not in x.contested_by:
                    x.contested_by.append(y.id)
    for g in groups:
        g.contested_by.sort()


def align(claims: Sequence[Claim], info: dict[str, ArticleInfo], embed: EmbedFn,
          threshold: float = LINK_THRESHOLD,
          contest_threshold: float = CONTEST_THRESHOLD) -> tuple[list[Claim], dict[str, str]]:
    """Group claims; returns the group records and each member claim's group id."""
    claims = list(claims)
    vecs = embed([c.text for c in claims])
    uf = UnionFind(len(claims))
    for i, j in link_pairs(claims, vecs, info, threshold):
        uf.union(i, j)
    comps: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        comps.setdefault(uf.find(i), []).append(c)
    groups = [_group_record(m, info) for m in comps.values()]
    member_of = {c.id: g.id for g, m in zip(groups, comps.values(), strict=True) for c in m}
    mark_contested(groups, embed, contest_threshold)
    groups.sort(key=lambda g: g.id)
    return groups, member_of
