"""`chronicler serve --watch`: an item published in a watched feed reaches the API
(``/api/live/new``) and the event stream (``/api/live/stream``) while the server runs;
the server process is the one writer. Loopback only, bounded in time."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.test_watch import FakeSite, Resp, rss, story


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_watch_shows_a_new_item_live(site: FakeSite, tmp_path: Path) -> None:
    items = [("old", "Old news", story(40, "the old news"))]
    site.routes["/feed.xml"] = lambda: Resp(body=rss(site.base, items),
                                            ctype="application/rss+xml")
    port = _free_port()
    env = {**os.environ, "CHRONICLER_ANALYZE": "0", "CHRONICLER_DB": str(tmp_path / "l.duckdb")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chronicler.cli", "serve", "--port", str(port),
         "--watch", site.base + "/feed.xml", "--every", "1s", "--allow-private",
         "--host-delay", "0"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        first: dict[str, object] = {}
        while time.monotonic() < deadline:
            try:
                first = httpx.get(f"{base}/api/live/new", timeout=5).json()
                if first.get("items"):
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        assert [i["url"] for i in first["items"]] == [f"{site.base}/a/old"]  # type: ignore[index]
        with httpx.stream("GET", f"{base}/api/live/stream",
                          params={"since": first["next_since"]}, timeout=30) as stream:
            t0 = time.monotonic()
            items.insert(0, ("new", "Breaking news", story(41, "the breaking news")))
            got = None
            for line in stream.iter_lines():
                if line.startswith("data: "):
                    got = json.loads(line[6:])
                    break
                assert time.monotonic() - t0 < 30
        assert got is not None and got["url"] == f"{site.base}/a/new"
        assert time.monotonic() - t0 < 30
        later = httpx.get(f"{base}/api/live/new", params={"since": first["next_since"]},
                          timeout=5).json()
        assert [i["url"] for i in later["items"]] == [f"{site.base}/a/new"]
        articles = httpx.get(f"{base}/api/articles", timeout=5).json()
        assert articles["total"] == 2
    finally:
        proc.terminate()
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    # uvicorn re-raises the SIGTERM it handled once the server has shut down cleanly.
    assert proc.returncode in (0, -15), stderr
    assert "Finished server process" in stderr and "Traceback" not in stderr
