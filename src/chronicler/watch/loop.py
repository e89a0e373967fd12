"""The watch loop: poll due sources in threads, commit what they found, repeat.

One writer. Sources are polled in a thread pool (``Poller.poll`` never touches the
database); the loop's own thread opens the store, runs the ingest over the new
documents (``run_ingest``: the per-article stages on the new articles only, then the
cross-article stages over the whole store, as every ingest does, so the store always
equals a from-scratch ingest of the same articles), then records each source's state,
validators and seen items, and closes the store again. Between commits the file is
free: ``chronicler sources``, ``chronicler events`` and the web server can read it.

A slow or dead source never holds up the others: each is polled on its own thread
with its own timeout and time budget, and results are committed as they come in.

Stopping: ``stop`` (SIGINT/SIGTERM in the CLI) lets the polls in flight finish,
commits them, and returns. A ``kill -9`` loses nothing committed; a restart skips
every item already stored or marked seen, and repeats nothing.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from chronicler.config import Settings
from chronicler.errors import Busy, StoreLocked
from chronicler.ingest.hygiene import clean_items
from chronicler.records import RawDoc
from chronicler.run.pipeline import run_ingest
from chronicler.store import Store
from chronicler.store import sources as st
from chronicler.watch.polite import HostGate, Robots, backoff_s
from chronicler.watch.poll import Known, Poller, PollResult
from chronicler.watch.sources import Source

log = logging.getLogger("chronicler.watch")

Report = Callable[[str], None]


@dataclass(frozen=True)
class WatchOptions:
    once: bool = False  # poll every source once, commit, return
    allow_private: bool = False  # loopback / private addresses (tests, intranets)
    host_delay_s: float = 1.0  # between two requests to one host
    host_concurrency: int = 2  # requests in flight to one host
    max_items: int = 100  # item fetches per source and cycle
    budget_s: float = 120.0  # per source and cycle
    workers: int = 8  # sources polled at once
    backoff_cap_s: float = 3600.0
    robots_ttl_s: float = 3600.0
    gather_s: float = 2.0  # wait this long for other polls before committing
    # An idle cycle (304s, nothing new) opens no database: its state (last check,
    # counts) is written with the next real commit, at exit, or after this long.
    flush_s: float = 60.0


@dataclass
class WatchStats:
    cycles: int = 0  # commits
    polls: int = 0
    requests: int = 0
    not_modified: int = 0
    new_docs: int = 0
    stored: int = 0
    errors: int = 0
    ingest_seconds: float = 0.0
    last_commit: dict[str, object] = field(default_factory=dict)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # the store keeps naive UTC


class Watcher:
    def __init__(self, sources: Sequence[Source], open_store: Callable[[], Store],
                 settings: Settings, options: WatchOptions | None = None, *,
                 report: Report | None = None, rng: random.Random | None = None) -> None:
        self.sources = {s.id: s for s in sources}
        self.open_store = open_store
        self.settings = settings
        self.opt = options or WatchOptions()
        self.report = report or (lambda msg: log.info("%s", msg))
        self.rng = rng or random.Random()
        self.gate = HostGate(self.opt.host_delay_s, self.opt.host_concurrency)
        self.robots = Robots(settings, self.gate, allow_private=self.opt.allow_private,
                             ttl_s=self.opt.robots_ttl_s)
        self.poller = Poller(settings, self.gate, self.robots,
                             allow_private=self.opt.allow_private,
                             max_items=self.opt.max_items, budget_s=self.opt.budget_s)
        self.stats = WatchStats()
        self._dirty: set[str] = set()  # states changed by idle cycles, not yet written
        self._flushed = time.monotonic()
        self._load()

    def _load(self) -> None:
        store = self.open_store()
        try:
            states = st.load_states(store)
            self.validators = st.load_validators(store)
            self.seen = st.load_seen(store)
            self.stored = st.stored_source_paths(store)
        finally:
            store.close()
        self.states: dict[str, st.SourceState] = {}
        for sid, s in self.sources.items():
            old = states.get(sid)
            state = old or st.SourceState(id=sid, location=s.location, kind=s.kind,
                                          interval_s=s.interval_s)
            state.location, state.kind, state.interval_s = s.location, s.kind, s.interval_s
            state.outlet, state.tags = s.outlet, list(s.tags)
            self.states[sid] = state

    # ------------------------------------------------------------------ loop
    def run(self, stop: threading.Event | None = None) -> WatchStats:
        stop = stop or threading.Event()
        running: dict[str, Future[PollResult]] = {}
        polled: set[str] = set()
        pending: list[PollResult] = []
        with ThreadPoolExecutor(max_workers=self.opt.workers,
                                thread_name_prefix="chronicler-watch") as pool:
            while True:
                if not stop.is_set():
                    for sid in self._due(polled, running):
                        running[sid] = pool.submit(self.poller.poll, self.sources[sid],
                                                   self._known(sid))
                        polled.add(sid)
                done = pending + self._finished(running, stop)
                pending = []
                if done:
                    try:
                        self.commit(done)
                    except (StoreLocked, Busy) as e:
                        # Another process writes the file (`chronicler ingest`), or the
                        # server's readers held on past the wait: keep what was found
                        # and try again shortly; nothing is lost.
                        self.report(f"database busy ({e.message}); will retry")
                        pending = done
                        stop.wait(1.0)
                        if stop.is_set() and not running:
                            raise
                if not running and not pending and (stop.is_set() or
                                    (self.opt.once and len(polled) == len(self.sources))):
                    if self._dirty:
                        self.commit([], force=True)
                    return self.stats
                if not running:
                    stop.wait(self._until_next_due())

    def _due(self, polled: set[str], running: dict[str, Future[PollResult]]) -> list[str]:
        now = _now()
        out = []
        for sid, state in self.states.items():
            if sid in running:
                continue
            if self.opt.once:
                # Every source once, except those backing off after failures: a cron
                # job running `watch --once` must not hammer a failing host either.
                backing_off = bool(state.failures and state.next_due and state.next_due > now)
                if sid not in polled and not backing_off:
                    out.append(sid)
                elif sid not in polled:
                    polled.add(sid)
                    self.report(f"{state.location}: backing off after {state.failures} "
                                f"failure(s) until {state.next_due:%H:%M:%S}")
            elif state.next_due is None or state.next_due <= now:
                out.append(sid)
        return out

    def _until_next_due(self) -> float:
        dues = [s.next_due for s in self.states.values()]
        if any(d is None for d in dues):
            return 0.0
        soonest = min(d for d in dues if d is not None)
        return max(0.05, min(60.0, (soonest - _now()).total_seconds()))

    def _finished(self, running: dict[str, Future[PollResult]],
                  stop: threading.Event) -> list[PollResult]:
        if not running:
            return []
        # Wake for the first result, or a due source, or a stop.
        wait(list(running.values()), timeout=min(1.0, self._until_next_due() or 1.0),
             return_when=FIRST_COMPLETED)
        ready = [sid for sid, f in running.items() if f.done()]
        if ready and len(ready) < len(running) and not stop.is_set():
            # Let the others catch up briefly: one commit (and one cross-article run)
            # for what arrives together, not one per source.
            wait([running[s] for s in running if s not in ready], timeout=self.opt.gather_s)
            ready = [sid for sid, f in running.items() if f.done()]
        out = []
        for sid in ready:
            fut = running.pop(sid)
            try:
                out.append(fut.result())
            except Exception as e:  # a bug in one poll must not end the watch
                log.exception("polling %s failed", self.sources[sid].location)
                out.append(PollResult(sid, status="error", reason="internal",
                                      error=f"internal error: {type(e).__name__}: {e}"))
        return out

    def _known(self, sid: str) -> Known:
        return Known(seen=dict(self.seen.get(sid, {})), stored=self.stored,
                     validators=dict(self.validators))

    # ------------------------------------------------------------------ commit
    def commit(self, results: list[PollResult], *, force: bool = False) -> None:
        docs = [d for r in results for d in r.docs]
        now = _now()
        if not force and all(_idle(r) for r in results) and \
                time.monotonic() - self._flushed < self.opt.flush_s:
            for r in results:
                self._apply(r, now)
                self._say(r)
            self._dirty.update(r.source_id for r in results)
            return
        store = self.open_store()
        try:
            if docs:
                t0 = time.perf_counter()
                labels = [f"watch:{self.sources[r.source_id].location}"
                          for r in results if r.docs]
                summary = run_ingest(labels, store, self.settings,
                                     allow_private=self.opt.allow_private,
                                     documents=clean_items(docs))
                self.stats.ingest_seconds += time.perf_counter() - t0
                self.stats.stored += summary.stored
                self.stats.last_commit = summary.as_dict()
                self.stored.update(d.source_path for d in docs if isinstance(d, RawDoc))
            with store.transaction():
                for r in results:
                    self._apply(r, now)
                    st.save_seen(store, r.source_id, r.seen, now)
                    st.save_validators(store, r.validators, now)
                ids = self._dirty | {r.source_id for r in results}
                st.save_states(store, [self.states[i] for i in sorted(ids)])
        finally:
            store.close()
        self._dirty.clear()
        self._flushed = time.monotonic()
        for r in results:
            self.seen.setdefault(r.source_id, {}).update(r.seen)
            self.validators.update(r.validators)
            self._say(r)
        self.stats.cycles += 1

    def _apply(self, r: PollResult, now: datetime) -> None:
        s = self.states[r.source_id]
        s.last_check, s.n_checks = now, s.n_checks + 1
        s.n_not_modified += r.not_modified
        n_docs = sum(1 for d in r.docs if isinstance(d, RawDoc))
        s.n_articles += n_docs
        s.n_errors += len(r.docs) - n_docs
        s.last_status = r.status
        self.stats.polls += 1
        self.stats.requests += r.requests
        self.stats.not_modified += r.not_modified
        self.stats.new_docs += n_docs
        if r.status == "error":
            s.failures += 1
            s.last_error = f"[{r.reason}] {r.error}"
            self.stats.errors += 1
            delay = backoff_s(s.failures, s.interval_s, cap_s=self.opt.backoff_cap_s,
                              retry_after=r.retry_after, rng=self.rng)
        else:
            s.failures, s.last_ok = 0, now
            s.last_error = f"[{r.reason}] {r.error}" if r.error else None
            delay = s.interval_s
            if r.more:
                delay = min(delay, 10.0)  # a backlog: come back soon (the gate paces it)
            if r.retry_after is not None:
                delay = max(delay, min(r.retry_after, self.opt.backoff_cap_s))
        s.next_due = now + timedelta(seconds=delay)

    def _say(self, r: PollResult) -> None:
        s = self.states[r.source_id]
        n = sum(1 for d in r.docs if isinstance(d, RawDoc))
        what = {"new": f"{n} new", "error": f"error {s.last_error}",
                "not-modified": "not modified"}.get(r.status, r.status)
        self.report(f"{s.location}: {what} ({r.requests} requests, {r.seconds:.2f} s); "
                    f"next at {s.next_due:%H:%M:%S}")


def _idle(r: PollResult) -> bool:
    """Nothing to commit but the source's clock: no documents, marks or validators."""
    return (not r.docs and not r.seen and not r.validators and not r.error
            and r.status in ("not-modified", "unchanged"))
