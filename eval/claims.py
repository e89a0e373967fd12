"""Evaluate claim status and framing grouping on the demo corpus and the seeds.

    python -m eval.claims [--db PATH] [--no-seeds]

Ingests the demo corpus into a temporary store (the claims stage runs in the analyzer),
runs the cross-article comparison, then scores; the same for the five seed articles in
../shared/seeds (skipped, with a note, when that folder is absent):

* status: for each gold sentence (``eval/gold/claims_demo.jsonl``: demo file + offsets
  into the clean article text; ``eval/gold/claims_seeds.jsonl``: seed file + offsets into
  the raw seed text, never the text itself) the predicted status is that of the aligned
  groups of the claims overlapping it (contested beats corroborated beats single;
  "none" when no claim overlaps). Precision, recall and F1 per status (``<status>.p``
  etc., over the gold sentences) and status accuracy; ``contested.*`` is the headline.
* pairs (seeds): a gold sentence with ``pair`` names the sentence holding the other
  side; it counts when a group of one is linked (``contested_by``) to a group of the
  other, i.e. both sides' evidence is there (``pair`` = itself: both sides in one
  sentence).
* framing: the disputed region's names (FACTS.md; for the seeds: the names for
  Pakistan-administered Kashmir) must fall in one place record per referent in story
  "all"; grouping accuracy = share of gold names found in the record that holds most of
  their referent's names.

Prints a table, last one JSON line (demo figures unprefixed, seed figures ``seeds.``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronicler.store import Store

GOLD = Path(__file__).parent / "gold" / "claims_demo.jsonl"
SEED_GOLD = Path(__file__).parent / "gold" / "claims_seeds.jsonl"
SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REGION_GOLD = {
    "Merovian-held Lessara": ["Merovian-occupied Lessara", "occupied Lessara",
                              "Merovian-held Lessara", "Merovian-administered Lessara",
                              "Amarind"],
    "Kaldorian-held Lessara": ["Kaldoria-occupied Lessara", "KoL", "Free Lessara",
                               "Kaldorian-administered Lessara"],
}
SEED_REGION_GOLD = {
    "Pakistan-administered Kashmir": ["Pakistan-occupied Kashmir", "PoK",
                                      "Pakistan-occupied Jammu and Kashmir", "PoJK",
                                      "Pakistan-administered Kashmir"],
}
STATUSES = ("contested", "corroborated", "single")
_RANK = {"contested": 3, "corroborated": 2, "single": 1}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def build_store(db: Path, inputs: Sequence[str] | None = None) -> Store:
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.corpus.compare import run_compare
    from chronicler.demo import CORPUS_DIR
    from chronicler.store import open_store

    settings = Settings.from_env(db=db, analyze=1)
    store = open_store(db)
    api.ingest(list(inputs or [str(CORPUS_DIR)]), store=store, settings=settings)
    run_compare(store, settings)
    return store


def _groups_at(store: Store, file: str, span: tuple[int, int]) -> list[Any]:
    """The aligned groups of the claims whose evidence overlaps ``span`` of ``file``."""
    arts = [a for a in store.articles() if a.source_path.endswith(file)]
    if not arts:
        return []
    groups = {g.id: g for g in store.json_records("claims")}
    out = []
    for c in store.json_records("article_claims", "article_id = ?", [arts[0].id]):
        s, e = c.evidence[0].span if c.evidence else (0, 0)
        if min(e, span[1]) - max(s, span[0]) > 0 and c.group_id in groups:
            out.append(groups[c.group_id])
    return out


def predicted_status(store: Store, file: str, span: tuple[int, int]) -> str:
    best = "none"
    for g in _groups_at(store, file, span):
        if _RANK[g.status] > _RANK.get(best, 0):
            best = g.status
    return best


def score_status(store: Store, gold: list[dict[str, Any]]) -> dict[str, float]:
    """Per-status precision/recall/F1 over the gold sentences, and accuracy. Each gold
    item gets ``pred`` (and ``span`` in the clean text, when located)."""
    for g in gold:
        span = g.get("clean_span", g.get("span"))
        g["pred"] = "none" if span is None else predicted_status(store, g["file"],
                                                                 tuple(span))
    out: dict[str, float] = {}
    for st in STATUSES:
        tp = sum(1 for g in gold if g["status"] == st and g["pred"] == st)
        npred = sum(1 for g in gold if g["pred"] == st)
        ngold = sum(1 for g in gold if g["status"] == st)
        if not ngold:
            continue
        p = tp / npred if npred else 0.0
        r = tp / ngold
        out[f"{st}.p"], out[f"{st}.r"] = p, r
        out[f"{st}.f1"] = 2 * p * r / (p + r) if p + r else 0.0
    out["status.acc"] = (sum(g["pred"] == g["status"] for g in gold) / len(gold)
                         if gold else 0.0)
    return out


def score_pairs(store: Store, gold: list[dict[str, Any]]) -> dict[str, float]:
    """Share of gold contest pairs whose two sides are linked groups."""
    by_id = {g["id"]: g for g in gold}
    found = total = 0
    for g in gold:
        other = by_id.get(g.get("pair", ""))
        if other is None or g.get("clean_span") is None or other.get("clean_span") is None:
            total += 1 if other is not None else 0
            continue
        total += 1
        mine = _groups_at(store, g["file"], tuple(g["clean_span"]))
        theirs = {x.id for x in _groups_at(store, other["file"], tuple(other["clean_span"]))}
        found += any(set(x.contested_by) & theirs for x in mine)
    return {"contested.pair_recall": found / total} if total else {}


def score_framing(store: Store, region_gold: dict[str, list[str]] = REGION_GOLD
                  ) -> dict[str, float]:
    recs = [f for f in store.json_records("framing", "story_id = ?", ["all"])
            if f.kind == "place"]
    hit = total = 0
    for names in region_gold.values():
        counts: Counter[int] = Counter()
        for i, f in enumerate(recs):
            terms = {v.term.lower() for v in f.variants}
            counts[i] = sum(n.lower() in terms for n in names)
        total += len(names)
        if counts:
            hit += counts.most_common(1)[0][1]
    return {"framing.grouping_acc": hit / total if total else 0.0}


# ------------------------------------------------------------------ seeds
def locate_seed_gold(store: Store, gold: list[dict[str, Any]]) -> list[str]:
    """Carry each seed gold span from the raw seed text onto the stored clean text
    (``clean_span``); returns warnings for spans that cannot be found."""
    import hashlib

    from chronicler.ingest.text import read_text_bytes
    from eval.align import Aligner

    notes = []
    arts = {Path(a.source_path).name: a for a in store.articles()}
    for g in gold:
        g["file"] = g["seed"]
        path = SEEDS_DIR / g["seed"]
        raw = read_text_bytes(path.read_bytes(), str(path)).text
        if g.get("sha1") and hashlib.sha1(raw.encode("utf-8")).hexdigest() != g["sha1"]:
            notes.append(f"{g['seed']}: changed since annotated (sha1)")
        art = arts.get(g["seed"])
        g["clean_span"] = None if art is None else Aligner(raw, art.text).locate(
            tuple(g["span"]))
        if g["clean_span"] is None:
            notes.append(f"{g['id']}: span not found in the clean text (scored as missed)")
    return notes


def score_seeds(store: Store | None = None) -> tuple[dict[str, float], list[str]]:
    """Seed figures (``seeds.`` prefix) and notes; empty when the seeds are absent."""
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.glob("*.txt")):
        return {}, ["../shared/seeds is absent: seed figures skipped"]
    gold = load_gold(SEED_GOLD)

    def figures(st: Store) -> tuple[dict[str, float], list[str]]:
        notes = locate_seed_gold(st, gold)
        figs = {**score_status(st, gold), **score_pairs(st, gold),
                **score_framing(st, SEED_REGION_GOLD)}
        return {f"seeds.{k}": v for k, v in figs.items()}, notes

    if store is not None:
        return figures(store)
    with tempfile.TemporaryDirectory() as tmp:
        st = build_store(Path(tmp) / "seeds.duckdb", [str(SEEDS_DIR)])
        try:
            return figures(st)
        finally:
            st.close()


def score_claims(store: Store | None = None, seeds: bool = True) -> dict[str, float]:
    """All figures; builds temporary demo (and seed) stores when none is given."""
    if store is not None:
        return {**score_status(store, load_gold()), **score_framing(store)}
    with tempfile.TemporaryDirectory() as tmp:
        st = build_store(Path(tmp) / "claims.duckdb")
        try:
            figs = {**score_status(st, load_gold()), **score_framing(st)}
        finally:
            st.close()
    if seeds:
        figs.update(score_seeds()[0])
    return figs


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="score an existing demo store (already compared)")
    ap.add_argument("--no-seeds", action="store_true", help="skip the seed articles")
    args = ap.parse_args(argv)
    notes: list[str] = []
    if args.db:
        from chronicler.store import open_store

        with open_store(args.db) as st:
            gold = load_gold()
            figs = {**score_status(st, gold), **score_framing(st)}
            for g in gold:
                print(f"{g['id']:<26} gold={g['status']:<13} pred={g['pred']}")
    else:
        figs = score_claims(seeds=False)
    if not args.no_seeds:
        seed_figs, notes = score_seeds()
        figs.update(seed_figs)
    for n in notes:
        print(f"note: {n}")
    for k, v in figs.items():
        print(f"{k:<32} {v:.3f}")
    print(json.dumps({k: round(v, 4) for k, v in figs.items()}))


if __name__ == "__main__":
    main(sys.argv[1:])
