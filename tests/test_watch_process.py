"""`chronicler watch` as a process: SIGTERM mid-cycle exits 0 with the cycle committed;
kill -9 mid-cycle loses nothing committed; a restart re-fetches nothing stored and
duplicates nothing. Loopback only, bounded in time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chronicler.store import open_store
from chronicler.store import sources as st
from tests.test_watch import FakeSite, Resp, make_watcher, page, rss, story


def _serve_feed(site: FakeSite, slugs: list[str]) -> None:
    """A summary-only feed: every new item costs a page fetch (0.4 s each here)."""
    site.routes["/feed.xml"] = lambda: Resp(
        body=rss(site.base, [(s, f"Item {s}", f"Summary {s}.") for s in slugs]),
        ctype="application/rss+xml")
    for i, s in enumerate(slugs):
        site.routes[f"/a/{s}"] = Resp(body=page(f"Item {s}", story(100 + i, f"item {s}")))
        site.delay[f"/a/{s}"] = 0.4


def _watch(db: Path, url: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CHRONICLER_ANALYZE": "0", "CHRONICLER_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "chronicler.cli", "watch", url, "--every", "1s",
         "--allow-private", "--host-delay", "0", *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_hits(site: FakeSite, prefix: str, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(1 for p, _ in site.log if p.startswith(prefix)) >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"fewer than {n} requests to {prefix}*: {site.log}")


def _paths(db: Path) -> list[str]:
    with open_store(db, read_only=True) as s:
        return [r[0] for r in s.conn.execute(
            "SELECT source_path FROM articles ORDER BY 1").fetchall()]


def _page_hits(site: FakeSite) -> dict[str, int]:
    out: dict[str, int] = {}
    for p, _ in site.log:
        if p.startswith("/a/"):
            out[p] = out.get(p, 0) + 1
    return out


def test_sigterm_mid_cycle_finishes_it_and_exits_0(site: FakeSite, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    slugs = [f"s{i}" for i in range(5)]
    _serve_feed(site, slugs)
    proc = _watch(db, site.base + "/feed.xml")
    try:
        _wait_hits(site, "/a/", 2)  # mid-cycle: some pages fetched, not all
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr
    assert "SIGTERM" in stderr
    assert _paths(db) == sorted(f"{site.base}/a/{s}" for s in slugs)  # the cycle finished
    # A restart neither re-fetches nor duplicates anything.
    again = _watch(db, site.base + "/feed.xml", "--once")
    _, stderr = again.communicate(timeout=60)
    assert again.returncode == 0, stderr
    assert set(_page_hits(site).values()) == {1}
    assert len(_paths(db)) == len(slugs)


def test_kill9_mid_cycle_loses_nothing_committed(site: FakeSite, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = [f"k{i}" for i in range(3)]
    _serve_feed(site, first)
    proc = _watch(db, site.base + "/feed.xml", "--once")
    assert proc.wait(timeout=60) == 0
    assert len(_paths(db)) == 3
    both = first + [f"n{i}" for i in range(4)]
    _serve_feed(site, both)
    proc = _watch(db, site.base + "/feed.xml")
    try:
        _wait_hits(site, "/a/n", 2)  # in the middle of fetching the new items
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert len(_paths(db)) == 3  # the first cycle's articles are all there
    again = _watch(db, site.base + "/feed.xml", "--once")
    _, stderr = again.communicate(timeout=60)
    assert again.returncode == 0, stderr
    assert _paths(db) == sorted(f"{site.base}/a/{s}" for s in both)
    hits = _page_hits(site)
    assert all(hits[f"/a/{s}"] == 1 for s in first)  # stored: never fetched again


def test_items_stored_but_not_marked_seen_are_not_fetched_again(site: FakeSite,
                                                                tmp_path: Path) -> None:
    """The window a kill -9 can hit: the ingest committed, the seen marks and the
    validators did not. The next run finds the items stored and fetches nothing."""
    _serve_feed(site, ["w0", "w1"])
    src_url = site.base + "/feed.xml"
    from chronicler.watch import Source

    src = Source(src_url, interval_s=1)
    make_watcher(tmp_path, [src], once=True).run()
    with open_store(tmp_path / "w.duckdb") as s:
        s.conn.execute("DELETE FROM watch_seen")
        s.conn.execute("DELETE FROM watch_http")
    w = make_watcher(tmp_path, [src], once=True)
    w.run()
    assert _page_hits(site) == {"/a/w0": 1, "/a/w1": 1}
    assert w.stats.new_docs == 0 and len(_paths(tmp_path / "w.duckdb")) == 2
    with open_store(tmp_path / "w.duckdb", read_only=True) as s:
        assert st.load_states(s)[src.id].n_checks == 2
