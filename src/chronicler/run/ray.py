"""The ingest on Ray Data: same readers, same per-article function, same store.

    plan shards (driver) ─> Ray Data: read tasks ─> actor pool: process_batch ─> Parquet part bytes
                                                                              │
    driver: write each part atomically ─> commit parts to the store in plan order
            (articles + analyses + errors + done-marker, one transaction per shard)
          ─> cross-article stages (dedupe, corpus years) over the whole store

The engine adds glue only: :func:`chronicler.run.pipeline.process_batch` is the function
the local path runs, each actor loads its model once with
:func:`chronicler.run.pipeline.get_analyzer`, and the store is written by the same
methods in the same order, so both engines give identical records.

Workers send their results back through Ray's object store and the driver writes
the parts, so a cluster needs no shared filesystem; only the driver touches the
database (DuckDB has one writer). Resume lives here, not in Ray (open-source Ray
does not survive a driver crash): see :mod:`chronicler.run.manifest`.

Run it from the command line:

    chronicler ingest --engine ray --db news.duckdb [--address auto] corpus/
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from chronicler.config import Settings
from chronicler.errors import ConfigError
from chronicler.records import IngestError, RawDoc
from chronicler.run.commit import IngestSummary, commit_shard
from chronicler.run.cross import run_cross_article_stages
from chronicler.run.manifest import (
    PartIndex,
    ShardResult,
    clean_temp_files,
    default_out_dir,
    encode_part,
    part_path,
    read_part,
    read_part_index,
    write_part_atomic,
)
from chronicler.run.pipeline import ProgressFn, get_analyzer, process_batch, run_salt
from chronicler.run.shards import ShardSpec, plan_shards, read_shard, shard_id
from chronicler.store import Store

if TYPE_CHECKING:
    pass

log = logging.getLogger("chronicler.run")

Fault = Callable[[Sequence[RawDoc]], None]

# Logical CPUs per read task. Reading is light next to the model, and an actor pool
# that claims every CPU starves the read step: the job hangs (see STACK.md). Actors
# get what is left, at most one CPU each.
READ_CPUS = 0.25
# A shard whose worker dies is retried on a restarted actor this many times; then
# the shard is reported as failed (not committed, so the next run retries it) and
# the rest of the job goes on. Ray's default (-1) retries a poison article forever.
MAX_RESTARTS = 2
MAX_TASK_RETRIES = 2
# The math libraries' thread pools, pinned in every worker process to its CPU share.
# Unpinned, each actor's OpenBLAS/OpenMP (numpy under spaCy's NumpyOps) and torch start
# one thread per core of the machine: two actors on two cores run four busy threads
# and the second actor adds nothing (issue 15: 4.8 -> 5.1 articles/s). They read the
# variables once, when the library loads, so they go in the worker's runtime_env
# (set before its process imports anything), not in the actor's constructor.
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass
class RayIngestSummary(IngestSummary):
    """``IngestSummary`` plus what the distributed run did with each shard.

    ``shards_committed`` counts shards committed by this run, ``shards_resumed``
    those an earlier run had committed (skipped). Of the committed ones,
    ``shards_from_parts`` were loaded from a part an earlier, interrupted run had
    written (not recomputed); ``shards_computed`` went through the cluster.
    ``shards_failed`` kept failing on the workers and are not committed.
    """

    engine: str = "ray"
    workers: int = 0
    shards_total: int = 0
    shards_computed: int = 0
    shards_from_parts: int = 0
    shards_failed: int = 0
    out_dir: str = ""
    cluster_seconds: float = 0.0  # connecting to or starting Ray
    commit_seconds: float = 0.0  # the driver committing parts to the store

    def as_dict(self) -> dict[str, object]:
        return {**super().as_dict(), "engine": self.engine, "workers": self.workers,
                "shards_total": self.shards_total, "shards_computed": self.shards_computed,
                "shards_from_parts": self.shards_from_parts,
                "shards_failed": self.shards_failed, "out_dir": self.out_dir,
                "cluster_seconds": round(self.cluster_seconds, 3),
                "commit_seconds": round(self.commit_seconds, 3),
                # the same figure as cross_article_seconds, under its earlier name
                "cross_seconds": round(self.cross_article_seconds, 3)}


# ----------------------------------------------------------------- worker side
def read_shards(batch: dict[str, np.ndarray], settings: Settings,
                allow_private: bool) -> dict[str, np.ndarray]:
    """Ray task: read each shard of the batch with the ordinary readers."""
    docs = [pickle.dumps(read_shard(ShardSpec.from_json(str(s)), settings,
                                    allow_private=allow_private))
            for s in batch["spec"]]
    return {"shard_id": batch["shard_id"], "docs": _objects(docs)}


def thread_env(cpus: float) -> dict[str, str]:
    """Thread-count variables for a worker that holds ``cpus`` CPUs (at least one)."""
    n = str(max(1, int(cpus)))
    return dict.fromkeys(THREAD_VARS, n)


def pin_torch_threads() -> None:
    """torch keeps its own pool, sized at import from the core count unless told: size
    it from the pinned variable, if torch is loaded in this worker at all."""
    import os
    import sys

    torch = sys.modules.get("torch")
    n = os.environ.get("OMP_NUM_THREADS", "")
    if torch is not None and n.isdigit():
        torch.set_num_threads(int(n))


class ShardWorker:
    """Ray actor: loads the model once, then runs ``process_batch`` per shard."""

    def __init__(self, settings: Settings, fault: Fault | None = None) -> None:
        from chronicler.run.workerproc import skip_torch

        skip_torch(settings.spacy_model)  # per-article stages only (run.workerproc)
        pin_torch_threads()
        self.settings = settings
        self.fault = fault
        self.analyzer = get_analyzer(settings) if settings.analyze else None

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        parts = []
        for sid, blob in zip(batch["shard_id"], batch["docs"], strict=True):
            items: list[RawDoc | IngestError] = pickle.loads(blob)
            raws = [d for d in items if isinstance(d, RawDoc)]
            if self.fault is not None:
                self.fault(raws)
            results = process_batch(raws, self.settings, self.analyzer)
            parts.append(encode_part(str(sid), items, results))
        return {"shard_id": batch["shard_id"], "part": _objects(parts)}


def _objects(values: list[bytes]) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


# ----------------------------------------------------------------- driver side
@contextlib.contextmanager
def _ray_session(address: str | None, workers: int,
                 runtime_env: dict[str, Any] | None) -> Iterator[Any]:
    """Connect to ``address`` (``auto``, ``ray://host:10001``, ``host:6379``) or start
    a local cluster of ``workers + 1`` CPUs; reuse a session already open in this
    process. Shut down only what was started here."""
    import ray

    if ray.is_initialized():
        yield ray
        return
    common: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                              "runtime_env": runtime_env}
    if address is None:
        # "local": always a new cluster of our own, never one that `ray start` left
        # running on this machine. One CPU more than actors: the read tasks need one
        # (STACK.md: deadlock).
        ray.init(address="local", num_cpus=workers + 1, **common)
    else:
        ray.init(address=address, **common)
    try:
        yield ray
    finally:
        ray.shutdown()


def _actor_cpus(ray: Any, workers: int) -> float:
    total = float(ray.cluster_resources().get("CPU", 0.0))
    if total <= 0:  # an autoscaling cluster with no worker node yet: ask for whole CPUs
        return 1.0
    cpus = min(1.0, (total - READ_CPUS) / max(1, workers))
    if cpus < 1.0:
        log.info("cluster has %.1f CPUs: each of %d actors claims %.2f", total, workers, cpus)
    return max(0.1, round(cpus, 3))


def worker_options(ray: Any, workers: int) -> dict[str, Any]:
    """Ray options of the model actors: their CPU share, and their math libraries pinned
    to it (``THREAD_VARS``; env_vars merge with a job-level runtime_env)."""
    cpus = _actor_cpus(ray, workers)
    return {"num_cpus": cpus, "runtime_env": {"env_vars": thread_env(cpus)}}


def _dataset(ray: Any, todo: list[tuple[str, ShardSpec]], settings: Settings, workers: int,
             allow_private: bool, fault: Fault | None) -> Any:
    from ray.data import ActorPoolStrategy

    items = [{"shard_id": sid, "spec": spec.to_json()} for sid, spec in todo]
    ds = ray.data.from_items(items, override_num_blocks=len(items))
    with warnings.catch_warnings():
        # Ray 2.60 deprecates passing remote args as keywords, but max_restarts and
        # max_task_retries have no named parameter yet; Ray's own code documents
        # this call as the way to set them.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
        ds = ds.map_batches(read_shards, batch_size=1, num_cpus=READ_CPUS,
                            fn_kwargs={"settings": settings, "allow_private": allow_private},
                            max_retries=MAX_TASK_RETRIES,
                            runtime_env={"env_vars": thread_env(READ_CPUS)})
        ds = ds.map_batches(
            ShardWorker, batch_size=1, compute=ActorPoolStrategy(size=max(1, min(workers, len(todo)))),
            fn_constructor_kwargs={"settings": settings, "fault": fault},
            **worker_options(ray, workers),
            max_restarts=MAX_RESTARTS, max_task_retries=MAX_TASK_RETRIES,
        )
    return ds


@contextlib.contextmanager
def _data_context(ray: Any, max_errored: int) -> Iterator[None]:
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.enable_progress_bars, ctx.max_errored_blocks)
    data_log = logging.getLogger("ray.data")
    saved_level = data_log.level
    ctx.enable_progress_bars = False
    # A shard that fails past its retries must not fail the job: it is reported and
    # left uncommitted for the next run.
    ctx.max_errored_blocks = max_errored
    data_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        ctx.enable_progress_bars, ctx.max_errored_blocks = saved
        data_log.setLevel(saved_level)


def _run_dataset(todo: list[tuple[str, ShardSpec]], settings: Settings, workers: int,
                 allow_private: bool, fault: Fault | None) -> Iterator[tuple[str, bytes]]:
    """(shard id, part bytes) as shards finish, in any order."""
    import ray

    with _data_context(ray, max_errored=len(todo)):
        ds = _dataset(ray, todo, settings, workers, allow_private, fault)
        for row in ds.iter_rows():
            yield str(row["shard_id"]), bytes(row["part"])


class Coordinator:
    """Runs the dataset inside the cluster for a Ray Client (``ray://``) driver.

    Ray Data cannot execute from a Ray Client session, so the client starts this
    actor (no CPU claimed), which drives the dataset where Ray Data works and hands
    finished parts back a few at a time.
    """

    def __init__(self, todo: list[tuple[str, str]], settings: Settings, workers: int,
                 allow_private: bool, fault: Fault | None) -> None:
        specs = [(sid, ShardSpec.from_json(js)) for sid, js in todo]
        self._it = _run_dataset(specs, settings, workers, allow_private, fault)

    def next(self, n: int = 4) -> list[tuple[str, bytes]]:
        out: list[tuple[str, bytes]] = []
        for item in self._it:
            out.append(item)
            if len(out) >= n:
                break
        return out


def _results(ray: Any, todo: list[tuple[str, ShardSpec]], settings: Settings, workers: int,
             allow_private: bool, fault: Fault | None) -> Iterator[tuple[str, bytes]]:
    if not ray.util.client.ray.is_connected():
        yield from _run_dataset(todo, settings, workers, allow_private, fault)
        return
    coord = ray.remote(num_cpus=0, max_restarts=0)(Coordinator).remote(
        [(sid, spec.to_json()) for sid, spec in todo], settings, workers, allow_private, fault)
    try:
        while batch := ray.get(coord.next.remote()):
            yield from batch
    finally:
        ray.kill(coord)


class _Committer:
    """Commits parts to the store in plan order, whatever order workers finish in.

    Plan order is the local path's input order, so the first copy of an article
    seen twice (same id) and the merge order of actors are the same on both engines.
    """

    def __init__(self, store: Store, summary: RayIngestSummary, plan: list[tuple[str, ShardSpec]],
                 committed: set[str], out_dir: Path, progress: ProgressFn | None) -> None:
        self.store, self.summary, self.plan = store, summary, plan
        self.committed, self.out_dir, self.progress = committed, out_dir, progress
        self.ready: set[str] = {sid for sid, _ in plan
                                if sid not in committed and part_path(out_dir, sid).exists()}
        self.next = 0

    def add(self, sid: str) -> None:
        self.ready.add(sid)

    def drain(self, *, skip_missing: bool = False) -> None:
        while self.next < len(self.plan):
            sid, spec = self.plan[self.next]
            if sid in self.committed:
                self._resumed(sid)
            elif sid in self.ready:
                t = time.perf_counter()
                self._commit(sid, read_part(part_path(self.out_dir, sid)))
                self.summary.commit_seconds += time.perf_counter() - t
            elif skip_missing:
                self._failed(sid, spec)
            else:
                return
            self.next += 1

    def _resumed(self, sid: str) -> None:
        path = part_path(self.out_dir, sid)
        if path.exists():
            idx: PartIndex = read_part_index(path)
            self.summary.count_resumed(idx.n_items, len(idx.article_ids), idx.article_ids,
                                       idx.errors)
            n_items = idx.n_items
        else:  # parts deleted after an earlier run: the marker still has the size
            n_items = self.store.shard_size(sid)
            self.summary.count_resumed(n_items, 0, [], [])
        if self.progress:
            self.progress("docs", n_items)

    def _commit(self, sid: str, res: ShardResult) -> None:
        new_ids, processed, errors = commit_shard(
            self.store, self.summary.run_id, sid, res.n_items, res.processed, res.errors)
        self.committed.add(sid)  # the same shard twice in a plan: the second resumes
        log.info("committed shard %s: %d docs, %d new", sid, res.n_items, len(new_ids))
        self.summary.count_committed(res.n_items, processed, new_ids, errors)
        if self.progress:
            self.progress("docs", res.n_items)

    def _failed(self, sid: str, spec: ShardSpec) -> None:
        s = self.summary
        s.shards_failed += 1
        s.skipped += 1
        s.reasons["shard-failed"] += 1
        # Reported, not stored: the shard is not committed, so the next run retries it.
        s.errors.append(IngestError(
            source=spec.describe(), reason="shard-failed",
            message=f"shard {sid} failed on the workers {MAX_TASK_RETRIES + 1} times "
                    "(see the Ray logs); run the ingest again to retry it"))


def run_ingest_ray(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    address: str | None = None,
    workers: int = 2,
    out_dir: str | Path | None = None,
    allow_private: bool = False,
    progress: ProgressFn | None = None,
    runtime_env: dict[str, Any] | None = None,
    fault: Fault | None = None,
) -> RayIngestSummary:
    """Ingest ``inputs`` into ``store`` on Ray; never raises for bad input.

    ``address=None`` starts a local cluster (``workers + 1`` CPUs, no dashboard) and
    stops it afterwards; ``"auto"`` or ``"ray://host:10001"`` connects to a running
    one (chronicler must be installed on its nodes, or shipped with ``runtime_env``).
    ``out_dir`` holds the Parquet parts (default ``<db>.parts/``). ``fault`` is for
    tests (:mod:`chronicler.run.faults`).
    """
    try:
        import ray  # noqa: F401 - fail fast, before anything is written
    except ImportError as e:
        raise ConfigError("the Ray engine needs Ray: pip install 'ray[data]==2.60.0'") from e
    t0 = time.perf_counter()
    summary = RayIngestSummary(run_id=uuid.uuid4().hex[:12], workers=workers)
    store.start_run(summary.run_id, inputs)
    if out_dir is None:
        out_dir = (default_out_dir(store.path) if store.path != ":memory:"
                   else tempfile.mkdtemp(prefix="chronicler-parts-"))
    out = Path(out_dir)
    summary.out_dir = str(out)
    clean_temp_files(out)

    if progress:
        progress("stage:planning shards", 0)
    salt = run_salt(settings)
    plan = [(shard_id(spec, salt), spec) for spec in plan_shards(inputs, settings)]
    summary.shards_total = len(plan)
    committed = {sid for sid, _ in plan if store.shard_done(sid)}
    committer = _Committer(store, summary, plan, committed, out, progress)
    summary.shards_from_parts = len(committer.ready)
    todo = list({sid: spec for sid, spec in plan
                 if sid not in committed and sid not in committer.ready}.items())
    committer.drain()

    if todo:
        if progress:
            progress("stage:starting ray", 0)
        t = time.perf_counter()
        with _ray_session(address, workers, runtime_env) as ray:
            summary.cluster_seconds = time.perf_counter() - t
            if progress:
                progress("stage:ingesting", 0)
            for sid, part in _results(ray, todo, settings, workers, allow_private, fault):
                write_part_atomic(out, sid, part)
                log.info("wrote part %s", sid)
                summary.shards_computed += 1
                committer.add(sid)
                committer.drain()
    committer.drain(skip_missing=True)

    if progress:
        progress("stage:dedupe", 0)
    t = time.perf_counter()
    # The model loads in the driver only if a stale analysis has to be redone.
    run_cross_article_stages(store, lambda: get_analyzer(settings), settings)
    summary.cross_article_seconds = time.perf_counter() - t
    summary.finish(store, t0)
    return summary


# ----------------------------------------------------------------- command line
