"""Ray workers pin their math libraries to their CPU share (issue 15 item 3)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from chronicler.records import RawDoc
from chronicler.run.ray import THREAD_VARS, thread_env, worker_options


class FakeRay:
    def __init__(self, cpus: float) -> None:
        self.cpus = cpus

    def cluster_resources(self) -> dict[str, float]:
        return {"CPU": self.cpus}


def test_thread_env_names_every_pool_and_never_says_zero() -> None:
    assert thread_env(1.0) == dict.fromkeys(THREAD_VARS, "1")
    assert thread_env(0.25)["OPENBLAS_NUM_THREADS"] == "1"  # a share of a CPU: one thread
    assert thread_env(3.0)["OMP_NUM_THREADS"] == "3"


@pytest.mark.parametrize("cpus,workers", [(3.0, 2), (2.0, 2), (9.0, 4)])
def test_each_actor_is_pinned_to_the_share_it_claims(cpus: float, workers: int) -> None:
    opts = worker_options(FakeRay(cpus), workers)
    share = opts["num_cpus"]
    assert 0 < share <= 1.0
    assert opts["runtime_env"]["env_vars"] == thread_env(share)


class RecordEnv:
    """A fault hook that faults nothing: it records what the worker process sees."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, raws: Sequence[RawDoc]) -> None:
        seen: dict[str, Any] = {k: os.environ.get(k) for k in THREAD_VARS}
        seen["pid"] = os.getpid()
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(seen) + "\n")


@pytest.mark.ray
def test_a_ray_worker_process_starts_with_the_pinned_variables(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    from chronicler.config import Settings
    from chronicler.run.ray import run_ingest_ray
    from chronicler.store import open_store
    from tests.fixtures.synth import write_jsonl

    # The hook travels by value: the workers need not import this test module.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    corpus = write_jsonl(tmp_path / "c.jsonl", 4, seed=3)
    log = tmp_path / "env.jsonl"
    settings = Settings(db=tmp_path / "r.duckdb", analyze=0, shard_size=2)
    with open_store(settings.db) as store:
        s = run_ingest_ray([str(corpus)], store, settings, workers=2,
                           fault=RecordEnv(log))
    assert s.stored == 4 and s.shards_failed == 0
    rows = [json.loads(x) for x in log.read_text().splitlines()]
    assert rows and all(r[k] == "1" for r in rows for k in THREAD_VARS)
    assert all(r["pid"] != os.getpid() for r in rows)  # recorded in the workers
