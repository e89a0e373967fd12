"""kill -9 in the middle of an ingest loses nothing committed; a re-run finishes the
rest with no duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from chronicler.store import open_store

synth = pytest.importorskip("tests.fixtures.synth")

N = 2500
SHARD = 100


def _cli() -> list[str]:
    return [sys.executable, "-m", "chronicler.cli"]


def test_kill9_mid_ingest_then_resume(tmp_path: Path) -> None:
    corpus = synth.write_jsonl(tmp_path / "gen.jsonl", N, seed=11)
    db = tmp_path / "kill.duckdb"
    env = {**os.environ, "CHRONICLER_DB": str(db), "CHRONICLER_ANALYZE": "0",
           "CHRONICLER_SHARD_SIZE": str(SHARD)}
    proc = subprocess.Popen([*_cli(), "ingest", "-v", str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    committed = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if "committed shard" in line:
            committed += 1
            if committed == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with open_store(db) as s:
        after_kill = s.count("articles")
        shards = s.count("ingest_shards")
    assert shards >= 3
    assert after_kill >= 3 * SHARD and after_kill < N
    assert after_kill == shards * SHARD  # whole shards only: each commits with its marker

    rerun = subprocess.run([*_cli(), "ingest", "--json", str(corpus)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db) as s:
        total, distinct = s.conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        n_shards = s.count("ingest_shards")
    assert total == distinct == N
    assert n_shards == N // SHARD
    summary = json.loads(rerun.stdout)
    assert summary["shards_resumed"] == shards
    assert summary["stored"] == N - after_kill
