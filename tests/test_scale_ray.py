"""The ingest on Ray Data: same records as the local path, crash recovery, resume.

One local Ray cluster (2 CPUs) for the session. The local reference ingests run in a
background process while the Ray runs go on, so the file stays within a few minutes
on two cores.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronicler.config import Settings
from chronicler.demo import CORPUS_DIR
from chronicler.ingest import iter_documents
from chronicler.outputs.export import iter_records
from chronicler.run.faults import CrashAlways, CrashOnce
from chronicler.run.manifest import part_path, read_part
from chronicler.run.shards import plan_shards, read_shard
from chronicler.store import open_store
from chronicler.store.tables import PER_ARTICLE
from tests.fixtures.synth import generate_articles, write_jsonl

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.ray

N_SYNTH = 200
# Fields that say when or in which run, not what was found.
VOLATILE = {"run_id", "ingested_at", "analyzed_at", "created_at", "done_at"}

_LOCAL_REF = """
import sys
from chronicler.config import Settings
from chronicler.run.pipeline import run_ingest
from chronicler.store import open_store
for corpus, db in zip(sys.argv[1::2], sys.argv[2::2]):
    with open_store(db) as s:
        run_ingest([corpus], s, Settings(analyze=1))
"""


@pytest.fixture(scope="session")
def cluster() -> Iterator[str]:
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level="WARNING",
             namespace="chronicler-tests")
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("corpora")
    # The big corpus first: its Ray run then overlaps the local reference runs.
    return {"synth": write_jsonl(d / "synth.jsonl", N_SYNTH, seed=7), "demo": CORPUS_DIR}


@pytest.fixture(scope="session")
def local_refs(corpora: dict[str, Path],
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Local-path stores of both corpora, built in a background process."""
    d = tmp_path_factory.mktemp("local")
    dbs = {k: d / f"{k}.duckdb" for k in corpora}
    args = [str(x) for k in corpora for x in (corpora[k], dbs[k])]
    proc = subprocess.Popen([sys.executable, "-c", _LOCAL_REF, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done: dict[str, Path] = {}

    class Refs(dict[str, Path]):
        def __getitem__(self, key: str) -> Path:
            if not done:
                out, _ = proc.communicate(timeout=600)
                assert proc.returncode == 0, out
                done.update(dbs)
            return done[key]

    try:
        yield Refs()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def dump(db: Path) -> list[str]:
    """Every record of a store as sorted JSON lines: the export, the per-article
    tables, actors, analysis provenance and ingest errors (run ids/timestamps left out)."""
    out: list[str] = []
    with open_store(db, read_only=True) as s:
        for rec in iter_records(s):
            out.append(json.dumps({k: v for k, v in rec.items() if k not in VOLATILE},
                                  sort_keys=True, default=str))
        for table in PER_ARTICLE:
            out += [f"{table} " + json.dumps(r.model_dump(mode="json"), sort_keys=True)
                    for r in s.per_article(table)]
        out += ["actor " + a.model_dump_json() for a in s.actors()]
        out += [f"provenance {aid} {list(p)}" for aid, p in s.conn.execute(
            "SELECT article_id, provenance FROM article_analysis").fetchall()]
        out += ["error " + e.model_dump_json() for e in s.errors()]
    return sorted(out)


def counts(db: Path) -> tuple[int, int, int]:
    with open_store(db, read_only=True) as s:
        total, distinct = s.conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        shards = s.conn.execute(
            "SELECT count(*) FROM ingest_shards WHERE id LIKE 'ray-%'").fetchone()[0]
    return total, distinct, shards


# ------------------------------------------------------------------ planning, no Ray
@pytest.mark.parametrize("size", [1, 2, 3, 200])
def test_shards_read_what_the_local_readers_read(tmp_path: Path, size: int) -> None:
    """Groups, whole files and JSONL/WARC slices give the local reader's items, in order,
    with the same source paths (line and record numbers count from the file start)."""
    jl = write_jsonl(tmp_path / "x.jsonl", 7, seed=1)
    with jl.open("ab") as f:
        f.write(b"\n\nnot json\n" + b'{"title": "no text"}\n')
    warc = next(CORPUS_DIR.glob("*.warc.gz"))
    inputs = [str(CORPUS_DIR), str(jl), str(warc), "ftp://example.org/x"]
    st = Settings(shard_size=size)
    local = [d.model_dump() for d in iter_documents(inputs, st)]
    specs = plan_shards(inputs, st)
    assert [d.model_dump() for s in specs for d in read_shard(s, st)] == local
    kinds = {s.kind for s in specs}
    if size <= 3:
        assert {"jsonl-slice", "warc-slice", "group", "file"} <= kinds


# ------------------------------------------------------------------ equivalence
@pytest.mark.parametrize("corpus,shard_size", [("synth", 50), ("demo", 4)])
def test_ray_gives_the_local_records(cluster: str, corpora: dict[str, Path],
                                     local_refs: dict[str, Path], tmp_path: Path,
                                     corpus: str, shard_size: int) -> None:
    from chronicler.run.ray import run_ingest_ray

    db = tmp_path / "ray.duckdb"
    with open_store(db) as s:
        summary = run_ingest_ray([str(corpora[corpus])], s,
                                 Settings(analyze=1, shard_size=shard_size), workers=2)
    assert summary.shards_failed == 0
    assert summary.shards_computed == summary.shards_total > 1
    assert summary.stored > 0
    ray_records, local_records = dump(db), dump(local_refs[corpus])
    # Only the records that differ: the whole store printed says nothing.
    only_ray = sorted((Counter(ray_records) - Counter(local_records)).elements())
    only_local = sorted((Counter(local_records) - Counter(ray_records)).elements())
    assert (only_ray, only_local) == ([], []), \
        f"{len(only_ray)} record(s) only in the Ray store, {len(only_local)} only in the local one"
    assert sum(1 for r in ray_records if r.startswith("mentions ")) > 0  # stages ran
    parts = sorted((tmp_path / "ray.duckdb.parts").glob("part-*.parquet"))
    assert len(parts) == summary.shards_total


# ------------------------------------------------------------------ worker crash
def _corpus_with_marker(path: Path, n: int, marker: str) -> Path:
    arts = list(generate_articles(n, seed=3))
    poison = dict(arts[n // 2], url="https://example.org/marked",
                  text=arts[n // 2]["text"] + f"\n\n{marker} closes the report.")
    with path.open("w", encoding="utf-8") as f:
        for a in [*arts[: n // 2], poison, *arts[n // 2:]]:
            f.write(json.dumps(a) + "\n")
    return path


def test_worker_crash_once_loses_and_duplicates_nothing(cluster: str, tmp_path: Path) -> None:
    from chronicler.run.ray import run_ingest_ray

    corpus = _corpus_with_marker(tmp_path / "c.jsonl", 30, "XQZMARKER")
    flag = tmp_path / "crash.flag"
    flag.touch()
    db = tmp_path / "crash.duckdb"
    with open_store(db) as s:
        summary = run_ingest_ray([str(corpus)], s, Settings(analyze=0, shard_size=8),
                                 workers=2, fault=CrashOnce("XQZMARKER", str(flag)))
        marked = s.conn.execute(
            "SELECT count(*) FROM articles WHERE url = 'https://example.org/marked'").fetchone()
    assert not flag.exists(), "the worker never crashed"
    assert summary.shards_failed == 0 and summary.skipped == 0
    assert summary.stored == summary.read == 31
    assert counts(db) == (31, 31, summary.shards_total)
    assert marked == (1,)


def test_poison_article_fails_its_shard_only(cluster: str, tmp_path: Path) -> None:
    """A worker that dies on every try: bounded retries, the shard is reported and left
    uncommitted, every other shard is stored."""
    from chronicler.run.ray import run_ingest_ray

    corpus = _corpus_with_marker(tmp_path / "p.jsonl", 15, "XQZPOISON")
    db = tmp_path / "poison.duckdb"
    with open_store(db) as s:
        summary = run_ingest_ray([str(corpus)], s, Settings(analyze=0, shard_size=4),
                                 workers=2, fault=CrashAlways("XQZPOISON"))
    assert summary.shards_failed == 1
    assert [e.reason for e in summary.errors] == ["shard-failed"]
    assert summary.exit_code == 1
    assert summary.stored == 12  # 16 articles, the poisoned shard of 4 left out
    assert counts(db) == (12, 12, summary.shards_total - 1)


# ------------------------------------------------------------------ driver killed
_DRIVER = """
import json, sys
from chronicler.config import Settings
from chronicler.run.faults import Slow
from chronicler.run.ray import run_ingest_ray
from chronicler.store import open_store
db, corpus, address = sys.argv[1:4]
with open_store(db) as s:
    r = run_ingest_ray([corpus], s, Settings(analyze=0, shard_size=10), address=address,
                       workers=2, fault=Slow(1.0))
print(json.dumps(r.as_dict()))
"""


@pytest.mark.timeout(300)
def test_driver_killed_then_rerun_redoes_only_unfinished_shards(
        cluster: str, tmp_path: Path) -> None:
    from chronicler.run.ray import run_ingest_ray

    n, shard = 120, 10
    corpus = write_jsonl(tmp_path / "k.jsonl", n, seed=9)
    db = tmp_path / "kill.duckdb"
    parts_dir = tmp_path / "kill.duckdb.parts"
    proc = subprocess.Popen([sys.executable, "-c", _DRIVER, str(db), str(corpus), cluster],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while not list(parts_dir.glob("part-*.parquet")):
        assert proc.poll() is None, proc.communicate()[1].decode()[-3000:]
        assert time.monotonic() < deadline, "no part written in time"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    parts = {p: p.stat().st_mtime_ns for p in parts_dir.glob("part-*.parquet")}
    total, distinct, committed = counts(db)
    assert 1 <= len(parts) < n // shard, "the run finished before it was killed"
    assert committed <= len(parts)
    assert total == distinct == committed * shard  # whole shards only

    with open_store(db) as s:
        summary = run_ingest_ray([str(corpus)], s, Settings(analyze=0, shard_size=shard),
                                 address=cluster, workers=2)
    assert summary.shards_total == n // shard
    assert summary.shards_resumed == committed
    assert summary.shards_from_parts == len(parts) - committed
    assert summary.shards_computed == n // shard - len(parts)
    assert summary.shards_committed == n // shard - committed
    assert summary.stored == n - total
    assert summary.read == n
    assert counts(db) == (n, n, n // shard)
    # Parts written before the kill were reused, not rewritten.
    assert all(p.stat().st_mtime_ns == m for p, m in parts.items())

    # A third run has nothing left to do and does not even start the cluster's work.
    with open_store(db) as s:
        again = run_ingest_ray([str(corpus)], s, Settings(analyze=0, shard_size=shard),
                               address=cluster, workers=2)
    assert again.shards_resumed == n // shard and again.shards_computed == 0
    assert again.stored == 0 and again.already_stored == n
    assert counts(db) == (n, n, n // shard)


def test_part_round_trips(cluster: str, tmp_path: Path) -> None:
    """A part holds every item of its shard in reader order, errors included."""
    from chronicler.run.ray import run_ingest_ray

    jl = write_jsonl(tmp_path / "r.jsonl", 3, seed=2)
    with jl.open("ab") as f:
        f.write(b"not json\n")
    db = tmp_path / "r.duckdb"
    with open_store(db) as s:
        summary = run_ingest_ray([str(jl)], s, Settings(analyze=0), workers=1)
        (sid,) = [r[0] for r in s.conn.execute("SELECT id FROM ingest_shards").fetchall()]
        stored = {a.id: a for a in s.articles()}
    res = read_part(part_path(tmp_path / "r.duckdb.parts", sid))
    assert res.n_items == 4 and summary.read == 4
    assert [e.reason for e in res.errors] == ["bad-json"]
    assert res.errors[0].source == f"{jl}#L4"
    for p in res.processed:
        a = stored[p.article.id]
        assert p.article.text == a.text and p.article.source_path == a.source_path


def test_client_mode_drives_the_dataset_from_inside_the_cluster(
        cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``ray://`` driver cannot run Ray Data itself: a coordinator actor runs it in
    the cluster and hands the parts back. Forced here on the local session."""
    from chronicler.run import ray as ray_engine

    calls: list[str] = []

    def spy_is_connected() -> bool:
        calls.append("asked")
        return True

    monkeypatch.setattr(ray.util.client.ray, "is_connected", spy_is_connected)
    jl = write_jsonl(tmp_path / "c.jsonl", 12, seed=4)
    db = tmp_path / "client.duckdb"
    with open_store(db) as s:
        summary = ray_engine.run_ingest_ray([str(jl)], s, Settings(analyze=0, shard_size=5),
                                            workers=1)
    assert calls  # the driver saw a client session, so it went through the coordinator
    assert summary.shards_computed == summary.shards_total == 3
    assert counts(db) == (12, 12, 3)


def test_same_input_twice_is_computed_once(cluster: str, tmp_path: Path) -> None:
    from chronicler.run.ray import run_ingest_ray

    jl = write_jsonl(tmp_path / "twice.jsonl", 6, seed=6)
    db = tmp_path / "twice.duckdb"
    with open_store(db) as s:
        summary = run_ingest_ray([str(jl), str(jl)], s, Settings(analyze=0), workers=2)
    assert (summary.shards_total, summary.shards_computed) == (2, 1)
    assert (summary.shards_committed, summary.shards_resumed) == (1, 1)
    assert (summary.read, summary.stored, summary.already_stored) == (12, 6, 6)
    assert counts(db) == (6, 6, 1)
