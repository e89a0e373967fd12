"""Claim alignment cost at two corpus sizes: blocking keeps it sub-quadratic.

    python -m bench.align_bench [--db PATH] [--factor 4]

Takes the per-article claims of a store (by default: the demo corpus ingested into a
temporary store), then a corpus ``factor`` times larger made of copies of it shifted in
time (each copy ``3 * WINDOW_DAYS`` days later, with its own article, story and claim
ids), and aligns both with ``chronicler.corpus.align.align``. Embeddings are computed
once beforehand (copies share texts), so the timing is alignment itself: blocking,
comparisons, linkage and contest checks.

Prints a table and, last, one JSON line: claims, blocks, comparisons, all-pairs and
seconds at N and at factor x N, and the growth of comparisons (factor = linear, factor^2
= quadratic).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chronicler.corpus.align import WINDOW_DAYS, AlignStats, ArticleInfo, align
from chronicler.records import Claim
from chronicler.store import Store


def _store(db: str | None, tmp: Path) -> Store:
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.corpus.compare import run_compare
    from chronicler.demo import CORPUS_DIR
    from chronicler.store import open_store

    if db:
        return open_store(db)
    settings = Settings.from_env(db=tmp / "bench.duckdb")
    store = open_store(settings.db)
    api.ingest([str(CORPUS_DIR)], store=store, settings=settings)
    run_compare(store, settings)  # stories give the story blocks
    return store


def _base(store: Store) -> tuple[list[Claim], dict[str, ArticleInfo]]:
    story_of = {aid: s.id for s in store.json_records("stories") for aid in s.article_ids}
    rows = store.conn.execute(
        "SELECT id, outlet, coalesce(dup_group, id), published FROM articles").fetchall()
    info = {r[0]: ArticleInfo(outlet=r[1], dup_key=r[2], published=r[3],
                              story_id=story_of.get(r[0])) for r in rows}
    claims = [c.model_copy(update={"contested_by": []})
              for c in store.json_records("article_claims")]
    return claims, info


def replicate(claims: Sequence[Claim], info: dict[str, ArticleInfo], k: int
              ) -> tuple[list[Claim], dict[str, ArticleInfo]]:
    """``k`` copies of the corpus, copy ``i`` shifted ``i * 3 * WINDOW_DAYS`` days."""
    out_c: list[Claim] = []
    out_i: dict[str, ArticleInfo] = {}
    for i in range(k):
        shift = dt.timedelta(days=i * 3 * WINDOW_DAYS)
        sfx = f"~{i}" if i else ""
        for aid, a in info.items():
            out_i[aid + sfx] = ArticleInfo(
                outlet=a.outlet, dup_key=a.dup_key + sfx,
                published=a.published + shift if a.published else None,
                story_id=a.story_id + sfx if a.story_id else None)
        for c in claims:
            out_c.append(c.model_copy(update={
                "id": c.id + sfx, "article_ids": [x + sfx for x in c.article_ids],
                "contested_by": [x + sfx for x in c.contested_by]}))
    return out_c, out_i


class CachedEmbed:
    def __init__(self, embed: Any) -> None:
        self.embed = embed
        self.cache: dict[str, np.ndarray] = {}

    def warm(self, texts: Sequence[str]) -> None:
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            self.cache.update(zip(todo, self.embed(todo), strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.warm(texts)
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 1))


def run(claims: list[Claim], info: dict[str, ArticleInfo], embed: CachedEmbed
        ) -> dict[str, Any]:
    embed.warm([c.text for c in claims] + [c.target_text for c in claims if c.target_text])
    stats = AlignStats()
    t0 = time.perf_counter()
    groups, _ = align(claims, info, embed, stats=stats)
    secs = time.perf_counter() - t0
    return {"claims": len(claims), "groups": len(groups), "blocks": stats.blocks,
            "largest_block": stats.largest_block, "comparisons": stats.comparisons,
            "contest_comparisons": stats.contest_comparisons, "all_pairs": stats.all_pairs,
            "seconds": round(secs, 3)}


def near_duplicates(n: int, seed: int = 0) -> tuple[list[Claim], dict[str, ArticleInfo]]:
    """``n`` short templated briefs about one dyad on one day (the corpus that made the
    old pairwise linkage run past 23 minutes at 10,000): few distinct wordings, one
    entity set, so one block far above MAX_BLOCK."""
    import random

    from chronicler.records import ClaimEvidence

    rng = random.Random(seed)
    verbs = ["shelled", "struck", "hit", "attacked", "fired on"]
    places = ["Bahrun", "Dessin", "Kovasi", "Tirvan", "Varsk", "Sellin"]
    day = dt.date(2025, 4, 2)
    claims, info = [], {}
    for i in range(n):
        aid = f"brief{i:06d}"
        k = rng.randrange(1, 40)
        text = (f"Kaldorian forces {rng.choice(verbs)} {k} Merovian positions near "
                f"{rng.choice(places)} on Wednesday, officials said.")
        info[aid] = ArticleInfo(outlet=f"wire{i % 25}", dup_key=aid, published=day)
        claims.append(Claim(id=f"c{i:06d}", text=text, article_ids=[aid], numbers=[float(k)],
                            entities=["KLD", "MRV"], evidence=[ClaimEvidence(
                                article_id=aid, text=text, span=(0, len(text)))]))
    return claims, info


def hashed_embed(texts: Sequence[str]) -> np.ndarray:
    """A fixed bag-of-words embedding: the alignment math is timed, not MiniLM."""
    import hashlib
    import re

    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, text in enumerate(texts):
        for w in re.findall(r"[a-z]+", text.lower()):
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 256] += 1.0
        out[i] /= np.linalg.norm(out[i]) or 1.0
    return out


def near_duplicate_growth(n: int, factor: int) -> dict[str, Any]:
    figs = {}
    for label, size in (("n", n), ("n_x", n * factor)):
        claims, info = near_duplicates(size)
        vecs = hashed_embed([c.text for c in claims])  # embedding is not what is timed

        def embed(texts: Sequence[str], vecs: np.ndarray = vecs, n: int = size) -> np.ndarray:
            return vecs if len(texts) == n else hashed_embed(texts)

        stats = AlignStats()
        t0 = time.perf_counter()
        groups, _ = align(claims, info, embed, stats=stats)
        figs[label] = {"claims": size, "groups": len(groups), "comparisons": stats.comparisons,
                       "leader_blocks": stats.leader_blocks,
                       "seconds": round(time.perf_counter() - t0, 3)}
    figs["time_growth"] = round(figs["n_x"]["seconds"] / max(figs["n"]["seconds"], 1e-3), 2)
    return figs


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a store already ingested (default: the demo corpus)")
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--near-dups", type=int, default=5000,
                    help="near-duplicate briefs at N for the growth figure (0: skip)")
    args = ap.parse_args(argv)
    from chronicler.config import Settings
    from chronicler.corpus.embed import Embedder

    with tempfile.TemporaryDirectory() as tmp:
        store = _store(args.db, Path(tmp))
        try:
            claims, info = _base(store)
        finally:
            store.close()
    embed = CachedEmbed(Embedder(Settings.from_env().embedding_model))
    small = run(claims, info, embed)
    big = run(*replicate(claims, info, args.factor), embed)
    growth = big["comparisons"] / small["comparisons"] if small["comparisons"] else None
    print(f"{'':14}{'N':>12}{f'{args.factor}N':>12}")
    for k in ("claims", "blocks", "largest_block", "comparisons", "contest_comparisons",
              "all_pairs", "seconds"):
        print(f"{k:<14}{small[k]:>12}{big[k]:>12}")
    print(f"comparisons grew x{growth:.2f} for x{args.factor} claims (quadratic would be "
          f"x{args.factor ** 2})" if growth else "no comparisons")
    near = near_duplicate_growth(args.near_dups, args.factor) if args.near_dups else None
    if near:
        print(f"near-duplicate briefs: {near['n']['claims']} in {near['n']['seconds']} s, "
              f"{near['n_x']['claims']} in {near['n_x']['seconds']} s: time x"
              f"{near['time_growth']} for x{args.factor} (goal <= 5)")
    print(json.dumps({"bench": "align", "factor": args.factor, "n": small, "n_x": big,
                      "comparison_growth": round(growth, 3) if growth else None,
                      "near_duplicates": near}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
