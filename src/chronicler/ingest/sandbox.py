"""Run one risky parse in a worker process under a wall-clock limit.

lxml's HTML parser is quadratic in attributes per element and trafilatura has no
time limit of its own, so a single hostile page can pin a CPU for minutes. A thread
cannot be killed; a process can. One lazily created pebble ``ProcessPool`` with one
worker serves the whole ingest; pebble kills a worker that runs past its timeout and
we then replace the pool so the next document starts on a clean worker.

Workers are forked on Linux: the parent has already imported trafilatura and lxml,
so a fresh worker is ready in milliseconds instead of re-importing them.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

T = TypeVar("T")

# Extra seconds to wait for a result beyond the task's own timeout before we treat
# the pool itself as wedged (pebble enforces the timeout; this is a backstop).
_BACKSTOP_S = 30.0


class SandboxTimeout(Exception):
    """The task ran past its time limit and its worker was killed."""


class SandboxCrashed(Exception):
    """The worker died (segfault, OOM kill, os._exit) while running the task."""


_lock = threading.Lock()
_pool: ProcessPool | None = None
_pool_pid: int | None = None


def _context() -> Any:
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_init() -> None:
    # pebble's SIGTERM handler is Python code, which cannot run while lxml is busy in
    # C, so a timed-out parse would linger 3 s until pebble escalates to SIGKILL.
    # The worker holds nothing that needs cleanup: let SIGTERM kill it at once.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _get_pool() -> ProcessPool:
    global _pool, _pool_pid
    with _lock:
        # A pool inherited through fork belongs to the parent: its manager threads
        # do not exist here, so using it would hang. Start our own.
        if _pool is None or _pool_pid != os.getpid() or not _pool.active:
            _pool = ProcessPool(max_workers=1, initializer=_worker_init, context=_context())
            _pool_pid = os.getpid()
        return _pool


def _discard_pool() -> None:
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None and _pool_pid == os.getpid():
        pool.stop()
        pool.join(timeout=5)


def shutdown() -> None:
    """Stop the worker (also registered at exit)."""
    _discard_pool()


atexit.register(shutdown)


def run_limited(fn: Callable[..., T], args: tuple[Any, ...], timeout: float) -> T:
    """Run ``fn(*args)`` in the worker; raise SandboxTimeout / SandboxCrashed.

    ``fn`` must be a module-level function and its arguments and result picklable.
    Exceptions raised by ``fn`` propagate unchanged; callers that parse hostile
    input should catch inside ``fn`` and return a value instead.
    """
    future = _get_pool().schedule(fn, args=args, timeout=timeout)
    try:
        return future.result(timeout=timeout + _BACKSTOP_S)
    except FutureTimeout as e:  # pebble killed the worker at ``timeout``
        future.cancel()
        _discard_pool()
        raise SandboxTimeout(f"took longer than {timeout:g} s") from e
    except ProcessExpired as e:
        _discard_pool()
        raise SandboxCrashed(f"worker died (exit code {e.exitcode})") from e
