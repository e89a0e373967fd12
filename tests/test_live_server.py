"""The CLI and the web UI on one database at once, as two processes on 127.0.0.1.

DuckDB lets many processes read a file or one write it. The server holds a read-only
connection while requests come in and lets go of it after 2 s without one, so read
commands work beside it at any time, and `chronicler ingest` waits for the write lock
(saying so) instead of failing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from chronicler.store import open_store
from tests.fixtures.sample import build_sample


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
         stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronicler.cli", *args], text=True,
                          capture_output=True, timeout=timeout, input=stdin,
                          env={**os.environ, **(env or {})})


@pytest.fixture()
def live(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "live.duckdb"
    with open_store(db) as store:
        build_sample(store)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "chronicler.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                pytest.fail(f"the server exited: {proc.stdout.read() if proc.stdout else ''}")
            time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield base, db
    finally:
        proc.terminate()
        proc.wait(15)


def test_read_commands_while_serving(live: tuple[str, Path]) -> None:
    base, db = live
    web = httpx.get(base + "/api/claims", params={"status": "contested"}).json()
    r = _cli("claims", "--status", "contested", "--json", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == web  # the same page from both surfaces
    assert web["total"] == 2
    # A request right before and one during: the reader is shared, never exclusive.
    assert httpx.get(base + "/api/events").status_code == 200
    r = _cli("events", "--db", str(db))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    r = _cli("timeline", "MRV", "KLD", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert httpx.get(base + "/api/events").status_code == 200


def test_ingest_waits_for_the_server_then_writes(live: tuple[str, Path], tmp_path: Path
                                                 ) -> None:
    base, db = live
    before = httpx.get(base + "/api/articles").json()["total"]
    doc = tmp_path / "new.txt"
    doc.write_text("Border talks resume\n\nVarsk, April 9, 2025: Officials of Merovia and "
                   "Kaldoria met again on Friday near the river crossing. " * 3, "utf-8")
    r = _cli("ingest", str(doc), "--db", str(db), env={"CHRONICLER_ANALYZE": "0"})
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert httpx.get(base + "/api/articles").json()["total"] == before + 1
