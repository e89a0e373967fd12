"""`make bench`: ingest throughput, the bare spaCy parse on the same text, peak memory.

Each phase runs in its own subprocess so its peak RSS is its own. The last line
printed is one JSON object (the figures); lines before it are for people.

After the repeats, one whole ingest of ``--scale`` x N articles (default 4N) gives the
growth figures: its peak RSS against the N ingest's (issue 15 item 4: within 10 %), its
cross-article seconds per article against N's (issue 14 item 7), and the rows of the
embedding cache against the texts the last comparison used (the cache is pruned to them).

    python -m bench.run --n 100            # local engine (BENCH_N, default 100:
                                           # the whole run stays under 10 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Issues 3 and 4 set their speed target on the understanding and event stages; claims
# (a later issue) and the cross-article comparison they feed are measured on top.
UNDERSTANDING = "actors,timex,places,counts,quotes"
UNDERSTANDING_EVENTS = UNDERSTANDING + ",events"


def phase_ingest(corpus: Path, db: Path, analyze: int, stages: str = "") -> dict[str, Any]:
    from chronicler.config import Settings
    from chronicler.run.pipeline import get_analyzer, run_ingest
    from chronicler.store import open_store

    settings = Settings.from_env(db=db, analyze=analyze, stages=stages or None)
    t = time.perf_counter()
    analyzer = get_analyzer(settings) if analyze else None
    load_s = time.perf_counter() - t
    with open_store(db) as store:
        t = time.perf_counter()
        s = run_ingest([str(corpus)], store, settings, analyzer=analyzer)
        secs = time.perf_counter() - t
        words = store.conn.execute("SELECT sum(n_words) FROM articles").fetchone()[0] or 0
        vectors = store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    per_article_secs = secs - s.cross_article_seconds
    return {"articles": s.stored, "seconds": secs, "model_load_s": load_s,
            "cross_article_s": s.cross_article_seconds,
            "per_article_stages_articles_per_s": s.stored / per_article_secs
            if per_article_secs else 0.0,
            "articles_per_s": s.stored / secs if secs else 0.0,
            "words_per_s": words / secs if secs else 0.0, "peak_rss_mb": _rss_mb(),
            "cached_vectors": vectors}


def phase_stages(db: Path) -> dict[str, Any]:
    """Each stage's own cost over the same parsed docs, as a share of the bare parse.
    One untimed pass over a few docs first: stages load their tables lazily, once per
    process, and that is load time, not per-article cost."""
    from chronicler.config import Settings
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.stages import ArticleContext, ArticleState, run_stage
    from chronicler.store import open_store

    with open_store(db, read_only=True) as store:
        arts = store.articles()
    an = Analyzer(Settings.from_env())
    parse = an.nlp.pipe([a.text for a in arts], batch_size=32)
    t = time.perf_counter()
    docs = list(parse)
    parse_s = time.perf_counter() - t
    secs = {st.name: 0.0 for st in an.plan.stages}
    for rep in ("warm", "timed"):
        for a, doc in zip(arts[:5] if rep == "warm" else arts, docs, strict=False):
            ctx = ArticleContext(article_id=a.id, published=a.published, outlet=a.outlet,
                                 title=a.title)
            state = ArticleState()
            for st in an.plan.stages:
                t = time.perf_counter()
                run_stage(st, doc, ctx, state)
                if rep == "timed":
                    secs[st.name] += time.perf_counter() - t
    return {"parse_with_ruler_s": parse_s, "stage_s": secs, "peak_rss_mb": _rss_mb()}


def phase_parse(db: Path) -> dict[str, Any]:
    """The bare parse: the same spaCy package as spaCy loads it, on the same clean
    texts, with none of chronicler's components (its paragraph splitter, entity ruler
    and indexed attribute-ruler matcher) or stages. Only the numeric ops are chronicler's
    (NumpyOps instead of blis: identical output; blis's fallback is slow on this CPU),
    so the ratio is not flattered by a slow baseline."""
    import spacy

    from chronicler.config import Settings
    from chronicler.nlp.model import use_fast_ops
    from chronicler.store import open_store

    with open_store(db, read_only=True) as store:
        texts = [r[0] for r in store.conn.execute("SELECT text FROM articles ORDER BY id").fetchall()]
    use_fast_ops()
    nlp = spacy.load(Settings.from_env().spacy_model)
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    secs = time.perf_counter() - t
    return {"articles": len(texts), "seconds": secs,
            "articles_per_s": len(texts) / secs if secs else 0.0, "peak_rss_mb": _rss_mb()}


def _sub(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "bench.run", *args], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", 100)))
    ap.add_argument("--engine", default="local")
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", 3)),
                    help="repeat and report medians (this machine drifts by +-15%%)")
    ap.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 4)),
                    help="one more whole ingest of scale x N articles (memory and "
                         "cross-article growth); 0 skips it")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--analyze", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--stages", default="", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.phase == "ingest":
        print(json.dumps(phase_ingest(Path(a.corpus), Path(a.db), a.analyze, a.stages)))
        return
    if a.phase == "stages":
        print(json.dumps(phase_stages(Path(a.db))))
        return
    if a.phase == "parse":
        print(json.dumps(phase_parse(Path(a.db))))
        return

    from tests.fixtures.synth import write_jsonl

    kinds = ("ingest_no_nlp", "parse", "ingest_u", "ingest_u+e", "ingest")
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    stage_runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(Path(tmp) / "bench.jsonl", a.n, seed=42)
        print(f"corpus: {a.n} generated articles ({corpus.stat().st_size / 1e6:.1f} MB), "
              f"{a.repeat} repeat(s)")
        for i in range(a.repeat):
            # The clean texts of the no-NLP ingest feed the bare parse; each ratio is
            # taken within one repeat, so the machine's drift between repeats cancels.
            plain = str(Path(tmp) / f"nonlp{i}.duckdb")
            ingest = ["--phase", "ingest", "--corpus", str(corpus)]
            runs["ingest_no_nlp"].append(_sub([*ingest, "--db", plain, "--analyze", "0"]))
            runs["parse"].append(_sub(["--phase", "parse", "--db", plain]))
            runs["ingest_u"].append(_sub([*ingest, "--db", str(Path(tmp) / f"u{i}.duckdb"),
                                          "--stages", UNDERSTANDING]))
            runs["ingest_u+e"].append(_sub([*ingest, "--db", str(Path(tmp) / f"ue{i}.duckdb"),
                                            "--stages", UNDERSTANDING_EVENTS]))
            runs["ingest"].append(_sub([*ingest, "--db", str(Path(tmp) / f"all{i}.duckdb")]))
            stage_runs.append(_sub(["--phase", "stages", "--db", plain]))
            print(f"repeat {i + 1}: " + ", ".join(
                f"{k} {runs[k][-1]['articles_per_s']:.1f}/s" for k in kinds))
        big: dict[str, Any] | None = None
        if a.scale > 1:
            big_corpus = write_jsonl(Path(tmp) / "bench_big.jsonl", a.n * a.scale, seed=42)
            big = _sub(["--phase", "ingest", "--corpus", str(big_corpus),
                        "--db", str(Path(tmp) / "big.duckdb")])

    def median(kind: str, field: str) -> float:
        return statistics.median(r[field] for r in runs[kind])

    def ratio(kind: str, field: str = "articles_per_s") -> float:
        return round(statistics.median(
            r[field] / p["articles_per_s"] for r, p in zip(runs[kind], runs["parse"],
                                                           strict=True)), 3)

    parse_s = [a.n / p["articles_per_s"] for p in runs["parse"]]
    stage_share = {k.split(".")[1]: round(statistics.median(
        r["stage_s"][k] / ps for r, ps in zip(stage_runs, parse_s, strict=True)), 3)
        for k in stage_runs[0]["stage_s"]}
    for k in kinds:
        print(f"{k:14s} {median(k, 'articles_per_s'):8.1f} articles/s  "
              f"peak {median(k, 'peak_rss_mb'):.0f} MB")
    print("stage cost / bare parse:", ", ".join(f"{k} {v:.1%}" for k, v in stage_share.items()))
    growth: dict[str, Any] = {}
    if big is not None:
        n_big = a.n * a.scale
        growth = {
            "scale": a.scale,
            "peak_rss_mb_n": round(median("ingest", "peak_rss_mb"), 1),
            "peak_rss_mb_scaled": round(big["peak_rss_mb"], 1),
            "peak_rss_growth": round(big["peak_rss_mb"] / median("ingest", "peak_rss_mb") - 1,
                                     3),
            "cross_article_s_per_article_n": round(median("ingest", "cross_article_s") / a.n,
                                                   4),
            "cross_article_s_per_article_scaled": round(big["cross_article_s"] / n_big, 4),
            "cached_vectors_scaled": big["cached_vectors"],
            "articles_per_s_scaled": round(big["articles_per_s"], 2),
        }
        print(f"{n_big} articles (x{a.scale}): peak {big['peak_rss_mb']:.0f} MB "
              f"({growth['peak_rss_growth']:+.1%} vs {a.n}), cross-article "
              f"{growth['cross_article_s_per_article_scaled']:.4f} s/article "
              f"(vs {growth['cross_article_s_per_article_n']:.4f}), "
              f"{big['cached_vectors']} cached vectors")
    result = {
        "engine": a.engine,
        "n": a.n,
        "repeat": a.repeat,
        # Everything: read, clean, dedupe, parse, all per-article stages (claims too),
        # commit, and the cross-article stages (event merge, stories, claim alignment).
        "articles_per_s": round(median("ingest", "articles_per_s"), 2),
        "words_per_s": round(median("ingest", "words_per_s"), 1),
        "peak_rss_mb": round(median("ingest", "peak_rss_mb"), 1),
        "model_load_s": round(median("ingest", "model_load_s"), 2),
        "spacy_parse_articles_per_s": round(median("parse", "articles_per_s"), 2),
        "ratio_vs_parse": ratio("ingest"),
        # The same run without its cross-article stages (mostly the embedding of every
        # claim and story text for alignment; a later ingest reuses the stored vectors).
        "per_article_ratio_vs_parse": ratio("ingest", "per_article_stages_articles_per_s"),
        "cross_article_s": round(median("ingest", "cross_article_s"), 2),
        "cross_article_s_per_article": round(median("ingest", "cross_article_s") / a.n, 4),
        # Issue 3's stages only (actors, dates, places, counts, quotes), end to end.
        "understanding_articles_per_s": round(median("ingest_u", "articles_per_s"), 2),
        "understanding_ratio_vs_parse": ratio("ingest_u"),
        # Issues 3 + 4: those stages plus event coding and the cross-article event merge,
        # end to end (no claims, no comparison).
        "understanding_events_articles_per_s": round(median("ingest_u+e", "articles_per_s"), 2),
        "understanding_events_ratio_vs_parse": ratio("ingest_u+e"),
        # Each stage alone over the same parsed docs, as a share of the bare parse.
        "stage_cost_vs_parse": stage_share,
        # chronicler's own parse (paragraph splitter, entity ruler, indexed attribute-ruler
        # matcher) against spaCy's pipeline as shipped: negative is faster.
        "chronicler_parse_vs_bare_parse": round(statistics.median(
            r["parse_with_ruler_s"] / ps - 1 for r, ps in zip(stage_runs, parse_s,
                                                              strict=True)), 3),
        "ingest_without_nlp_articles_per_s": round(median("ingest_no_nlp", "articles_per_s"), 1),
        "ingest_without_nlp_peak_rss_mb": round(median("ingest_no_nlp", "peak_rss_mb"), 1),
        # One ingest of scale x N (once, not repeated): memory and cross-article growth.
        "growth": growth,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
