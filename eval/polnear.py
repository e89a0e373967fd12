"""PolNeAR attribution scoring (issue 13): who said what, on real news.

``python -m eval.polnear`` (what ``make eval`` runs) ingests the dev split of
``../shared/eval/polnear`` into a temporary database with the ``chronicler`` CLI, exports
JSONL and scores it with ``../shared/eval/score_polnear.py``, unchanged. It prints a
notice and exits 0 when ``../shared/eval`` is absent (the data is third-party and is
never copied into the project).

Development runs on train are faster in process, with the parse cached::

    python -m eval.polnear parse train --sample 150 --seed 13 --cache /tmp/p13/train
    python -m eval.polnear quotes /tmp/p13/train          # re-runs only the quotes stage
    python -m eval.polnear split train --seed 13           # the untouched part of train

``parse`` runs the model and the actors stage once and stores the docs, mentions and
actors; ``quotes`` re-runs the quotes stage on them, writes an export-shaped JSONL next to
the cache and scores it. The untouched part of train (``split``) is a fixed random
sample, chosen before any tuning, that ``parse`` leaves out unless asked for it.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
POLNEAR = SHARED / "polnear"
SCORER = SHARED / "score_polnear.py"
UNTOUCHED_N = 120  # articles of train kept aside until the end


def available() -> bool:
    return SCORER.exists() and (POLNEAR / "dev" / "gold.json").exists()


def split_keys(split: str, seed: int) -> tuple[list[str], list[str]]:
    """(tuning keys, untouched keys) of a split: a fixed random ``UNTOUCHED_N`` aside."""
    keys = sorted(p.name[:-len(".jsonl")] for p in (POLNEAR / split / "input").glob("*.jsonl"))
    rng = random.Random(seed)
    aside = set(rng.sample(keys, min(UNTOUCHED_N, len(keys) // 7))) if split == "train" else set()
    return [k for k in keys if k not in aside], sorted(aside)


def score(export: Path, gold: Path, verbose: bool = False) -> str:
    cmd = [sys.executable, str(SCORER), str(export), str(gold)] + (["-v"] if verbose else [])
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


_LINE = re.compile(r"overlap>=(0\.\d): P ([\d.]+) R ([\d.]+) F1 ([\d.]+) .*?speaker ([\d.]+)")
_DIRECT = re.compile(r"direct only >=(0\.\d): P ([\d.]+) R ([\d.]+) F1 ([\d.]+)")


def figures(report: str) -> dict[str, float]:
    """The scorer's figures as a dict: f1@0.3, p@0.3, speaker@0.3, direct.f1@0.3, ..."""
    out: dict[str, float] = {}
    for m in _LINE.finditer(report):
        t = m.group(1)
        out.update({f"p@{t}": float(m.group(2)), f"r@{t}": float(m.group(3)),
                    f"f1@{t}": float(m.group(4)), f"speaker@{t}": float(m.group(5))})
    for m in _DIRECT.finditer(report):
        t = m.group(1)
        out.update({f"direct.p@{t}": float(m.group(2)), f"direct.r@{t}": float(m.group(3)),
                    f"direct.f1@{t}": float(m.group(4))})
    return out


# ---------------------------------------------------------------- make eval
def run_dev(verbose: bool = False) -> int:
    if not available():
        print("polnear: ../shared/eval/polnear absent, skipped")
        return 0
    chron = Path(sys.executable).with_name("chronicler")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, CHRONICLER_DB=str(Path(tmp) / "x.duckdb"))
        t0 = time.perf_counter()
        subprocess.run([str(chron), "ingest", str(POLNEAR / "dev" / "input")], env=env,
                       check=True, capture_output=True)
        out = Path(tmp) / "polnear-dev.jsonl"
        subprocess.run([str(chron), "export", "--format", "jsonl", str(out)], env=env,
                       check=True, capture_output=True)
        report = score(out, POLNEAR / "dev" / "gold.json", verbose)
    print(f"PolNeAR dev (84 articles, ingest {time.perf_counter() - t0:.0f}s)")
    print(report.rstrip())
    return 0


# ---------------------------------------------------------------- development runs
def parse(split: str, keys: list[str], cache: Path) -> None:
    from spacy.tokens import DocBin

    from chronicler.clean.article import build_article
    from chronicler.config import Settings
    from chronicler.ingest import iter_documents
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.stages import ArticleContext, run_plan
    settings = Settings.from_env()
    an = Analyzer(settings, stages=("chronicler.actors.v1",))
    files = [str(POLNEAR / split / "input" / f"{k}.jsonl") for k in keys]
    arts = []
    for raw in iter_documents(files, settings):
        arts.append(build_article(raw, settings))
    docs = DocBin()
    meta = []
    t0 = time.perf_counter()
    for a, doc in zip(arts, an.nlp.pipe(a.text for a in arts), strict=True):
        st = run_plan(an.plan, doc, ArticleContext(article_id=a.id, published=a.published))
        st = st.produced() if hasattr(st, "produced") else st
        docs.add(doc)
        meta.append({"id": a.id, "url": a.url, "text": a.text,
                     "mentions": st.get("mentions", []), "actors": st.get("actors", [])})
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "docs.spacy").write_bytes(docs.to_bytes())
    (cache / "meta.pkl").write_bytes(pickle.dumps({"split": split, "articles": meta}))
    gold = json.loads((POLNEAR / split / "gold.json").read_text("utf-8"))
    gold["articles"] = {k: gold["articles"][k] for k in keys}
    (cache / "gold.json").write_text(json.dumps(gold), "utf-8")  # the sample's gold only
    print(f"parsed {len(arts)} articles in {time.perf_counter() - t0:.0f}s -> {cache}")


def quotes(cache: Path, verbose: bool = False, unit: str = "") -> str:
    import spacy
    from spacy.tokens import DocBin

    from chronicler.nlp.quotes.stage import UNIT, extract_quotes

    meta = pickle.loads((cache / "meta.pkl").read_bytes())
    vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_bytes((cache / "docs.spacy").read_bytes()).get_docs(vocab))
    out = cache / "export.jsonl"
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        for m, doc in zip(meta["articles"], docs, strict=True):
            f.write(json.dumps({"kind": "article", "id": m["id"], "url": m["url"],
                                "text": m["text"]}) + "\n")
            for a in m["actors"]:
                f.write(json.dumps({"kind": "actor", **a.model_dump(mode="json")}) + "\n")
            for q in extract_quotes(doc, m["mentions"], m["actors"], m["id"],
                                    unit or UNIT):
                d = q.model_dump(mode="json")
                d["quote_kind"] = d.pop("kind")
                f.write(json.dumps({"kind": "quote", **d}) + "\n")
    took = time.perf_counter() - t0
    report = score(out, cache / "gold.json", verbose)
    return f"quotes stage {took:.1f}s on {len(docs)} articles\n{report}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd")
    d = sub.add_parser("dev", help="ingest + export + score the dev split (default)")
    d.add_argument("-v", action="store_true")
    p = sub.add_parser("parse")
    p.add_argument("split", choices=("train", "dev"))
    p.add_argument("--sample", type=int, default=0)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--untouched", action="store_true", help="parse the part kept aside")
    p.add_argument("--cache", type=Path, required=True)
    q = sub.add_parser("quotes")
    q.add_argument("cache", type=Path)
    q.add_argument("-v", action="store_true")
    q.add_argument("--unit", choices=("quote", "attribution"), default="",
                   help="one Quote per quoted piece or per attribution (default: the stage's)")
    s = sub.add_parser("split")
    s.add_argument("split", choices=("train", "dev"))
    s.add_argument("--seed", type=int, default=13)
    a = ap.parse_args(argv)
    if a.cmd in (None, "dev"):
        return run_dev(getattr(a, "v", False))
    if not available():
        print("polnear: ../shared/eval/polnear absent")
        return 0
    if a.cmd == "split":
        tune, aside = split_keys(a.split, a.seed)
        print(f"{len(tune)} tuning, {len(aside)} untouched (seed {a.seed})")
        print("\n".join(aside))
    elif a.cmd == "parse":
        tune, aside = split_keys(a.split, a.seed)
        keys = aside if a.untouched else tune
        if a.sample and not a.untouched:
            keys = sorted(random.Random(a.seed + 1).sample(keys, min(a.sample, len(keys))))
        parse(a.split, keys, a.cache)
    elif a.cmd == "quotes":
        print(quotes(a.cache, a.v, a.unit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
