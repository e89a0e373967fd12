"""`make bench ENGINE=ray`: the local path against Ray Data on the same corpus.

Four runs, each in its own subprocess on the same generated corpus, understanding
stages on, each into a fresh database:

    local-1   run_ingest, one process
    local-2   run_ingest with Settings(workers=2): the pipeline's own process pool,
              each worker process loading its own model (and the parent one more
              for the cross-article stages)
    ray-1     run_ingest_ray, a local Ray cluster with 1 model actor (2 CPUs)
    ray-2     run_ingest_ray, a local Ray cluster with 2 model actors (3 CPUs)

Every Ray actor is single-threaded: its math libraries are pinned to its CPU share
(``chronicler.run.ray.THREAD_VARS``). The summary gives ray-2 against ray-1 (issue 15:
at least 1.8x) twice: end to end, and for the sharded part alone (``sharded_articles_per_s``:
the articles over the seconds outside cluster start and the cross-article stages, which
run once in the driver whatever the worker count), next to the best local phase.

All phases use the same shard size (``--shard-size``, default 25) so that each
worker gets several shards. Every figure is end to end (``seconds`` is the whole ingest call: model loads,
cluster start, reading, per-article stages, store, cross-article stages). Memory
is sampled every 0.25 s with psutil: the driver's peak RSS, and the peak over time
of the sum over all descendant processes (worker processes; for Ray also raylet,
GCS and the idle workers Ray keeps). Sums are given as RSS (counts shared pages
once per process, so it overstates) and PSS (shared pages split between the
processes that map them: the honest sum). CPU seconds are summed over the driver
and every descendant seen (the last sample of each process, so a process that
lived less than 0.25 s is missed).

    python -m bench.ray_bench --n 300

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

PHASES = ("local-1", "local-2", "ray-1", "ray-2")


class Sampler:
    """Peak memory and CPU of this process and its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.25) -> None:
        import psutil

        self.psutil = psutil
        self.me = psutil.Process()
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_ray_workers_pss = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._t.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def _sample(self) -> None:
        rss = pss = ray_pss = 0
        try:
            kids = self.me.children(recursive=True)
        except self.psutil.Error:
            return
        for p in kids:
            try:
                with p.oneshot():
                    mem = p.memory_full_info()
                    t = p.cpu_times()
                    name = p.cmdline()[0] if p.cmdline() else p.name()
            except self.psutil.Error:
                continue  # exited between listing and reading
            rss += mem.rss
            pss += getattr(mem, "pss", mem.rss)
            if name.startswith("ray::"):
                ray_pss += getattr(mem, "pss", mem.rss)
            self.cpu[p.pid] = t.user + t.system
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_ray_workers_pss = max(self.peak_ray_workers_pss, ray_pss)


def _mb(n: float) -> float:
    return round(n / 2**20, 1)


def phase(name: str, corpus: Path, db: Path, shard_size: int) -> dict[str, Any]:
    from chronicler.config import Settings
    from chronicler.run.pipeline import get_analyzer, run_ingest
    from chronicler.store import open_store

    engine, workers = name.split("-")
    settings = Settings(db=db, analyze=1, shard_size=shard_size,
                        workers=int(workers) if engine == "local" else 1)
    load_s = None
    load_before = os.getloadavg()[0]
    with Sampler() as smp, open_store(db) as store:
        t = time.perf_counter()
        if name == "local-1":
            # Timed apart: the steady per-article cost is (seconds - model_load_s) / n.
            analyzer = get_analyzer(settings)
            load_s = time.perf_counter() - t
            s = run_ingest([str(corpus)], store, settings, analyzer=analyzer)
        elif engine == "local":
            s = run_ingest([str(corpus)], store, settings)
        else:
            from chronicler.run.ray import run_ingest_ray

            s = run_ingest_ray([str(corpus)], store, settings, workers=int(workers))
        secs = time.perf_counter() - t
        words = store.conn.execute("SELECT sum(n_words) FROM articles").fetchone()[0] or 0
    me = resource.getrusage(resource.RUSAGE_SELF)
    cpu = me.ru_utime + me.ru_stime + sum(smp.cpu.values())
    parts = Path(f"{db}.parts")
    part_bytes = sum(p.stat().st_size for p in parts.glob("*.parquet")) if parts.is_dir() else 0
    n = s.stored or 1
    out: dict[str, Any] = {
        "phase": name, "articles": s.stored, "seconds": round(secs, 2),
        "articles_per_s": round(s.stored / secs, 2), "words_per_s": round(words / secs, 1),
        "cpu_s": round(cpu, 1), "cpu_ms_per_article": round(1000 * cpu / n, 1),
        "driver_peak_rss_mb": _mb(me.ru_maxrss * 1024),
        "children_peak_rss_mb": _mb(smp.peak_rss), "children_peak_pss_mb": _mb(smp.peak_pss),
        "db_bytes_per_article": round(db.stat().st_size / n),
        "words_per_article": round(words / n),
        # Other work on the machine skews every wall-clock figure: say how busy it was.
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    if load_s is not None:
        out.update(model_load_s=round(load_s, 2),
                   steady_ms_per_article=round(1000 * (secs - load_s) / n, 1))
    cross = getattr(s, "cross_article_seconds", 0.0)
    cluster = getattr(s, "cluster_seconds", 0.0)
    out.update(cross_article_s=round(cross, 2),
               sharded_articles_per_s=round(s.stored / max(secs - cross - cluster, 1e-9), 2))
    if engine == "ray":
        out.update(cluster_start_s=round(getattr(s, "cluster_seconds", 0.0), 2),
                   commit_s=round(getattr(s, "commit_seconds", 0.0), 2),
                   ray_workers_peak_pss_mb=_mb(smp.peak_ray_workers_pss),
                   parts_bytes_per_article=round(part_bytes / n),
                   shards=getattr(s, "shards_total", 0))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.ray_bench")
    ap.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", 300)))
    ap.add_argument("--phases", default=",".join(PHASES), help="comma-separated subset")
    ap.add_argument("--shard-size", type=int, default=25,
                    help="articles per shard, every phase (small enough that each worker "
                         "gets several shards)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per phase; the fastest is reported (others are noise)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.phase:
        print(json.dumps(phase(a.phase, Path(a.corpus), Path(a.db), a.shard_size)))
        return

    from tests.fixtures.synth import write_jsonl

    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(Path(tmp) / "bench.jsonl", a.n, seed=42)
        print(f"corpus: {a.n} generated articles ({corpus.stat().st_size / 1e6:.1f} MB), "
              f"{os.cpu_count()} CPUs")
        for i in range(a.repeat):
            for name in a.phases.split(","):
                proc = subprocess.run(
                    [sys.executable, "-m", "bench.ray_bench", "--phase", name, "--corpus",
                     str(corpus), "--db", str(Path(tmp) / f"{name}-{i}.duckdb"),
                     "--shard-size", str(a.shard_size)],
                    capture_output=True, text=True)
                if proc.returncode != 0:
                    print(f"{name}: failed\n{proc.stderr[-3000:]}", file=sys.stderr)
                    raise SystemExit(1)
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                if name not in results or r["seconds"] < results[name]["seconds"]:
                    results[name] = r
                print(
                    f"{name:8s} {r['articles_per_s']:6.2f} articles/s  {r['seconds']:6.1f} s  "
                    f"cpu {r['cpu_ms_per_article']:5.0f} ms/article  driver "
                    f"{r['driver_peak_rss_mb']:.0f} MB  children PSS "
                    f"{r['children_peak_pss_mb']:.0f} MB (RSS {r['children_peak_rss_mb']:.0f})  "
                    f"load {r['loadavg_1m'][0]}..{r['loadavg_1m'][1]}")
    base = results.get("local-1", {}).get("articles_per_s")
    scaling = _scaling(results)
    for line in scaling.pop("lines"):
        print(line)
    print(json.dumps({
        "engine": "ray", "n": a.n, "cpus": os.cpu_count(), "shard_size": a.shard_size,
        "repeat": a.repeat,
        "articles_per_s": {k: v["articles_per_s"] for k, v in results.items()},
        "speedup_vs_local_1": {k: round(v["articles_per_s"] / base, 2)
                               for k, v in results.items()} if base else None,
        **scaling,
        "phases": results,
    }))


def _scaling(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Ray with 2 actors against 1, and against the best local phase."""
    out: dict[str, Any] = {"lines": []}
    local = {k: v for k, v in results.items() if k.startswith("local-")}
    if local:
        best = max(local, key=lambda k: (local[k]["articles_per_s"], k))
        out["best_local"] = best
        out["best_local_articles_per_s"] = local[best]["articles_per_s"]
    r1, r2 = results.get("ray-1"), results.get("ray-2")
    if r1 and r2:
        for field, key in (("articles_per_s", "ray_2_vs_1"),
                           ("sharded_articles_per_s", "ray_2_vs_1_sharded")):
            out[key] = round(r2[field] / r1[field], 2) if r1[field] else None
        out["lines"].append(
            f"ray 2 actors vs 1 (single-threaded): x{out['ray_2_vs_1']} end to end, "
            f"x{out['ray_2_vs_1_sharded']} for the sharded part")
        if local:
            out["ray_2_vs_best_local"] = round(
                r2["articles_per_s"] / out["best_local_articles_per_s"], 2)
            out["lines"].append(f"ray-2 vs best local ({out['best_local']}): "
                                f"x{out['ray_2_vs_best_local']}")
    return out


if __name__ == "__main__":
    main()
