"""Politeness: one gate per host (rate and concurrency), robots.txt, backoff.

* ``HostGate``: at most ``concurrency`` requests to a host at once, and at least
  ``delay_s`` between the starts of two requests to it (robots.txt's Crawl-delay
  raises it for that host, never lowers it).
* ``Robots``: robots.txt per host (``urllib.robotparser``), fetched through the same
  SSRF-guarded client and cached. As RFC 9309 says: a 4xx robots.txt means no rules,
  a 5xx or an unreachable one means "do not crawl" until it is asked again.
* ``backoff_s``: exponential backoff with jitter after consecutive failures, never
  less than a server's Retry-After.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.fetch import FetchResult, fetch_conditional

ROBOTS_AGENT = "chronicler"  # the product token robots.txt rules name
ROBOTS_UNREACHABLE_TTL_S = 60.0  # ask again soon: the host may be back


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostGate:
    def __init__(self, delay_s: float = 1.0, concurrency: int = 2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay_s = delay_s
        self.concurrency = max(1, concurrency)
        self._clock = clock
        self._lock = threading.Lock()
        self._sems: dict[str, threading.BoundedSemaphore] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay_s: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay_s, delay_s)

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = host_of(url)
        with self._lock:
            sem = self._sems.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with sem:
            while True:
                with self._lock:
                    now = self._clock()
                    start = self._next.get(host, now)
                    if start <= now:
                        self._next[host] = now + self._delays.get(host, self.delay_s)
                        break
                time.sleep(min(start - now, 1.0))
            yield


class Robots:
    """Cached robots.txt rules per host; ``allowed(url)`` fetches them when needed."""

    def __init__(self, settings: Settings, gate: HostGate, *, allow_private: bool = False,
                 ttl_s: float = 3600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.gate = gate
        self.allow_private = allow_private
        self.ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._rules: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._why: dict[str, str] = {}  # host -> why its robots.txt could not be read
        self._loading: dict[str, threading.Lock] = {}
        self.fetches = 0

    def refusal(self, url: str) -> tuple[str, str] | None:
        """None when ``url`` may be fetched; else (reason, message): ``robots`` for a
        rule, ``unreachable`` when the host's robots.txt could not be read (5xx, down)."""
        if self.allowed(url):
            return None
        why = self._why.get(host_of(url))
        if why:
            return "unreachable", f"{url}: not fetched, robots.txt unavailable ({why})"
        return "robots", f"{url}: disallowed by robots.txt"

    def allowed(self, url: str) -> bool:
        host = host_of(url)
        with self._lock:
            host_lock = self._loading.setdefault(host, threading.Lock())
        with host_lock:  # one robots.txt fetch per host, however many sources ask
            with self._lock:
                cached = self._rules.get(host)
            if cached is None or cached[0] <= self._clock():
                cached = self._load(host)
                with self._lock:
                    self._rules[host] = cached
        rules = cached[1]
        return False if rules is None else rules.can_fetch(ROBOTS_AGENT, url)

    def _load(self, host: str) -> tuple[float, RobotFileParser | None]:
        self.fetches += 1
        rules = RobotFileParser()
        try:
            with self.gate.slot(host):
                res = fetch_conditional(f"{host}/robots.txt", self.settings,
                                        allow_private=self.allow_private)
        except InputSkipped as e:
            self._why[host] = e.message
            return self._clock() + ROBOTS_UNREACHABLE_TTL_S, None
        if res.status >= 500:
            self._why[host] = f"HTTP {res.status}"
            return self._clock() + ROBOTS_UNREACHABLE_TTL_S, None
        self._why.pop(host, None)
        if res.status >= 400:
            rules.parse([])  # no robots.txt: everything allowed
        else:
            rules.parse(res.body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                self.gate.set_delay(host, float(delay))
        return self._clock() + self.ttl_s, rules


def retry_after_s(res: FetchResult, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    v = res.headers.get("retry-after", "").strip()
    if not v:
        return None
    if v.isdigit():
        return float(v)
    try:
        when = parsedate_to_datetime(v).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def backoff_s(failures: int, interval_s: float, *, cap_s: float = 3600.0,
              retry_after: float | None = None, rng: random.Random | None = None) -> float:
    """Delay before the next try after ``failures`` consecutive failures: the interval
    doubled per failure, capped, times a jitter in [0.5, 1) so that sources that failed
    together do not all come back at once; at least Retry-After (itself capped)."""
    r = rng or random
    base = min(cap_s, interval_s * (2 ** max(0, failures)))
    delay = base * (0.5 + 0.5 * r.random())
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap_s))
    return delay
