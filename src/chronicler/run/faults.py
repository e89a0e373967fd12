"""Fault injection for the distributed engine's tests and drills.

A fault is a picklable callable that a worker calls with a shard's documents just
before processing them (``run_ingest_ray(..., fault=...)``). It lives in the package,
not in the tests, because Ray workers import it by name.
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
