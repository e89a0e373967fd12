"""Fault injection for tests and drills.

A worker fault is a picklable callable that a Ray worker calls with a shard's documents
just before processing them (``run_ingest_ray(..., fault=...)``); it lives in the
package, not in the tests, because Ray workers import it by name. Kill points
(``kill_point``) let a test kill the driver itself at a chosen step.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicler.records import RawDoc


@dataclass(frozen=True)
class CrashOnce:
    """Kill the worker process (``os._exit``) on the first shard holding ``marker``.

    ``flag`` is a file that must exist for the crash to happen; it is deleted first,
    so the retry of the same shard, on a restarted worker, goes through.
    """

    marker: str
    flag: str

    def __call__(self, docs: Sequence[RawDoc]) -> None:
        if any(self.marker in d.text for d in docs):
            try:
                Path(self.flag).unlink()
            except FileNotFoundError:
                return
            os._exit(1)


@dataclass(frozen=True)
class CrashAlways:
    """Kill the worker on every shard holding ``marker``: a poison article."""

    marker: str

    def __call__(self, docs: Sequence[RawDoc]) -> None:
        if any(self.marker in d.text for d in docs):
            os._exit(1)


@dataclass(frozen=True)
class Slow:
    """Sleep before each shard: lets a test kill the driver while shards are in flight."""

    seconds: float

    def __call__(self, docs: Sequence[RawDoc]) -> None:
        time.sleep(self.seconds)


# ----------------------------------------------------------------- kill points
# The driver calls ``kill_point(name)`` at every point where a kill -9 could leave the
# store half-way: after each committed shard ("shard"), and after each cross-article step
# ("years", "refresh", "duplicates", "merge", "compare"). With ``CHR_KILL_AT=name:n`` in
# the environment the process kills itself (SIGKILL, as ``kill -9`` would) the n-th time
# it reaches ``name``; unset, the call costs one dictionary lookup. The reliability
# property test places kills with it (tests/test_reliability_rerun.py).
KILL_ENV = "CHR_KILL_AT"
_seen: dict[str, int] = {}


def kill_point(name: str) -> None:
    want = os.environ.get(KILL_ENV)
    if not want:
        return
    point, _, nth = want.partition(":")
    if point != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] == int(nth or 1):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
