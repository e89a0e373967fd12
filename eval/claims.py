"""Evaluate claim status and framing grouping on the demo corpus.

    python -m eval.claims [--db PATH]

Ingests the demo corpus into a temporary store (the claims stage runs in the analyzer),
runs the cross-article comparison, then scores:

* status: for each gold sentence (``eval/gold/claims_demo.jsonl``: demo file + offsets
  into the clean article text + expected status), the predicted status is that of the
  aligned groups of the claims overlapping it (contested beats corroborated beats
  single; "none" when no claim overlaps). Contested precision/recall/F1 and status
  accuracy.
* framing: the disputed region's names (FACTS.md) must fall in one place record per
  referent in story "all"; grouping accuracy = share of gold names found in the record
  that holds most of their referent's names.

Prints a table, last one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from chronicler.store import Store

GOLD = Path(__file__).parent / "gold" / "claims_demo.jsonl"
REGION_GOLD = {
    "Merovian-held Lessara": ["Merovian-occupied Lessara", "occupied Lessara",
                              "Merovian-held Lessara", "Merovian-administered Lessara",
                              "Amarind"],
    "Kaldorian-held Lessara": ["Kaldoria-occupied Lessara", "KoL", "Free Lessara",
                               "Kaldorian-administered Lessara"],
}
_RANK = {"contested": 3, "corroborated": 2, "single": 1}


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def build_store(db: Path) -> Store:
    from chronicler import api
    from chronicler.compare.cross import run_compare
    from chronicler.config import Settings
    from chronicler.demo import CORPUS_DIR
    from chronicler.store import open_store

    settings = Settings.from_env(db=db, analyze=1)
    store = open_store(db)
    api.ingest([str(CORPUS_DIR)], store=store, settings=settings)
    run_compare(store, settings)
    return store


def predicted_status(store: Store, file: str, span: tuple[int, int]) -> str:
    arts = [a for a in store.articles() if a.source_path.endswith(file)]
    if not arts:
        return "none"
    groups = {g.id: g for g in store.json_records("claims")}
    best = "none"
    for c in store.json_records("article_claims", "article_id = ?", [arts[0].id]):
        s, e = c.evidence[0].span if c.evidence else (0, 0)
        if min(e, span[1]) - max(s, span[0]) <= 0 or c.group_id not in groups:
            continue
        st = groups[c.group_id].status
        if _RANK[st] > _RANK.get(best, 0):
            best = st
    return best


def score_status(store: Store, gold: list[dict[str, Any]]) -> dict[str, float]:
    tp = fp = fn = ok = 0
    for g in gold:
        pred = predicted_status(store, g["file"], tuple(g["span"]))
        g["pred"] = pred
        ok += pred == g["status"]
        gp, pp = g["status"] == "contested", pred == "contested"
        tp += gp and pp
        fp += pp and not gp
        fn += gp and not pp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"contested.p": p, "contested.r": r,
            "contested.f1": 2 * p * r / (p + r) if p + r else 0.0,
            "status.acc": ok / len(gold) if gold else 0.0}


def score_framing(store: Store) -> dict[str, float]:
    recs = [f for f in store.json_records("framing", "story_id = ?", ["all"])
            if f.kind == "place"]
    hit = total = 0
    for names in REGION_GOLD.values():
        counts = Counter()
        for i, f in enumerate(recs):
            terms = {v.term.lower() for v in f.variants}
            counts[i] = sum(n.lower() in terms for n in names)
        total += len(names)
        if counts:
            hit += counts.most_common(1)[0][1]
    return {"framing.grouping_acc": hit / total if total else 0.0}


def score_claims(store: Store | None = None) -> dict[str, float]:
    """All figures; builds a temporary demo store when none is given."""
    if store is not None:
        return {**score_status(store, load_gold()), **score_framing(store)}
    with tempfile.TemporaryDirectory() as tmp:
        st = build_store(Path(tmp) / "claims.duckdb")
        try:
            return {**score_status(st, load_gold()), **score_framing(st)}
        finally:
            st.close()


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="score an existing store (already compared)")
    args = ap.parse_args(argv)
    if args.db:
        from chronicler.store import open_store

        with open_store(args.db) as st:
            gold = load_gold()
            figs = {**score_status(st, gold), **score_framing(st)}
            for g in gold:
                print(f"{g['id']:<26} gold={g['status']:<13} pred={g['pred']}")
    else:
        figs = score_claims()
    for k, v in figs.items():
        print(f"{k:<24} {v:.3f}")
    print(json.dumps({k: round(v, 4) for k, v in figs.items()}))


if __name__ == "__main__":
    main(sys.argv[1:])
