"""Issue 18 item 4: every store problem is one ``[CHR-DB-...]`` line and exit 2, never a
traceback; read commands open read-only; a damaged or foreign file is refused before
anything is written to it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.errors import StoreCorrupt, StoreFull, StoreLocked
from chronicler.store import open_store
from chronicler.store.health import HEADER_PAGE, translate, verify_file

runner = CliRunner()
BODY = ("Officials in the capital said on Monday that the talks on the river crossing "
        "would resume next week, and the ministry confirmed {n} new meetings. ") * 6


def _corpus(d: Path, n: int, start: int = 0) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (d / f"a{i}.txt").write_text(f"Report {i}\n\n" + BODY.format(n=i) * (1 + i % 3),
                                     encoding="utf-8")
    return d


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHRONICLER_ANALYZE", "0")
    monkeypatch.delenv("CHRONICLER_DB", raising=False)
    return tmp_path


@pytest.fixture()
def stored(env: Path) -> Path:
    db = env / "s.duckdb"
    r = runner.invoke(app, ["ingest", "--db", str(db), str(_corpus(env / "in", 30))])
    assert r.exit_code == 0, r.output
    return db


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _one_error_line(r, code: str) -> None:  # noqa: ANN001 - click's Result
    assert r.exit_code == 2, (r.exit_code, r.output, r.exception)
    assert "Traceback" not in r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"[{code}]"), r.stderr


@pytest.fixture()
def holder(stored: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database open for writing."""
    p = subprocess.Popen([sys.executable, "-c",
                          "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); "
                          "print('ready', flush=True); time.sleep(60)", str(stored)],
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    yield p
    p.kill()
    p.wait()


def test_locked_database_is_one_line_for_reads_and_writes(
        stored: Path, holder: subprocess.Popen[str], env: Path) -> None:
    _one_error_line(runner.invoke(app, ["articles", "--db", str(stored)]), "CHR-DB-LOCKED")
    # --wait 0: fail at once (by default an ingest waits a while for a server to let go)
    _one_error_line(runner.invoke(app, ["ingest", "--wait", "0", "--db", str(stored),
                                        str(env / "in")]), "CHR-DB-LOCKED")
    r = runner.invoke(app, ["articles", "--db", str(stored)])
    assert str(holder.pid) in r.stderr


def test_read_commands_open_read_only(stored: Path) -> None:
    """A reader beside another read-only reader: a read-write open would conflict."""
    p = subprocess.Popen([sys.executable, "-c",
                          "import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True);"
                          " print('ready', flush=True); time.sleep(60)", str(stored)],
                         stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        for cmd in (["articles", "--json"], ["events", "--json"], ["actors", "--json"],
                    ["quotes", "--json"]):
            r = runner.invoke(app, [*cmd, "--db", str(stored)])
            assert r.exit_code == 0, (cmd, r.output)
        r = runner.invoke(app, ["articles", "--json", "--db", str(stored)])
        assert r.stdout.count('"id"') == 30
    finally:
        p.kill()
        p.wait()


def test_read_command_works_on_a_read_only_file(stored: Path) -> None:
    """The file mode itself: as root, run the command as nobody (root ignores modes)."""
    d = Path(tempfile.mkdtemp(prefix="chron-ro-"))
    try:
        d.chmod(0o755)
        ro = d / "ro.duckdb"
        shutil.copy(stored, ro)
        ro.chmod(0o444)
        before = _sha(ro)
        exe = [sys.executable, "-m", "chronicler.cli"]
        if os.geteuid() == 0:  # root writes any file: run the commands as nobody
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv to drop privileges")
            exe = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *exe]
        envv = {**os.environ, "CHRONICLER_ANALYZE": "0", "HOME": str(d)}
        r = subprocess.run([*exe, "articles", "--json", "--db", str(ro)], env=envv,
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0 and "No module named" in r.stderr:
            pytest.skip("the environment is not readable by an unprivileged user")
        assert r.returncode == 0, r.stderr
        assert r.stdout.count('"id"') == 30
        w = subprocess.run([*exe, "ingest", "--db", str(ro), str(stored.parent / "in")],
                           env=envv, capture_output=True, text=True, timeout=120)
        assert w.returncode == 2 and "Traceback" not in w.stderr
        assert w.stderr.strip().startswith("[CHR-DB-READONLY]"), w.stderr
        assert _sha(ro) == before
    finally:
        shutil.rmtree(d, ignore_errors=True)


def test_missing_database_for_a_read_is_not_found(env: Path) -> None:
    _one_error_line(runner.invoke(app, ["articles", "--db", str(env / "none.duckdb")]),
                    "CHR-DB-NOTFOUND")
    assert not (env / "none.duckdb").exists()


def test_parent_that_cannot_be_created(env: Path) -> None:
    (env / "afile").write_text("x")
    for cmd in (["ingest", str(_corpus(env / "in", 2))], ["articles"]):
        r = runner.invoke(app, [*cmd, "--db", str(env / "afile" / "sub" / "x.duckdb")])
        _one_error_line(r, "CHR-DB-PATH" if cmd[0] == "ingest" else "CHR-DB-NOTFOUND")


def test_foreign_duckdb_file_is_refused_untouched(env: Path) -> None:
    f = env / "sales.duckdb"
    c = duckdb.connect(str(f))
    c.execute("CREATE TABLE sales (x INTEGER)")
    c.execute("INSERT INTO sales VALUES (1)")
    c.close()
    before = _sha(f)
    _one_error_line(runner.invoke(app, ["ingest", "--db", str(f), str(_corpus(env / "in", 2))]),
                    "CHR-DB-FOREIGN")
    _one_error_line(runner.invoke(app, ["articles", "--db", str(f)]), "CHR-DB-FOREIGN")
    assert _sha(f) == before and not Path(str(f) + ".wal").exists()
    c = duckdb.connect(str(f), read_only=True)
    assert c.execute("SELECT table_name FROM information_schema.tables").fetchall() == [
        ("sales",)]
    c.close()


def test_file_that_is_not_a_database_is_refused_untouched(env: Path) -> None:
    f = env / "notes.duckdb"
    f.write_text("my notes, not a database\n" * 200)
    before = _sha(f)
    _one_error_line(runner.invoke(app, ["ingest", "--db", str(f), str(_corpus(env / "in", 2))]),
                    "CHR-DB-FOREIGN")
    assert _sha(f) == before


def _damage_a_block(db: Path) -> int:
    """Overwrite bytes inside the last written block; return its number."""
    data = bytearray(db.read_bytes())
    start = 3 * HEADER_PAGE
    alloc = 262_144
    n = (len(data) - start) // alloc
    assert n >= 2, "the test database is too small to have data blocks"
    for block in range(n - 1, 0, -1):
        lo = start + block * alloc
        if any(data[lo:lo + alloc]):
            mid = lo + alloc // 2
            # Distinct bytes: identical changed words would cancel in an xor checksum.
            data[mid:mid + 64] = bytes(b ^ (i + 1) for i, b in enumerate(data[mid:mid + 64]))
            db.write_bytes(bytes(data))
            return block
    raise AssertionError("no written data block")


def test_corruption_is_found_before_any_write(stored: Path, env: Path) -> None:
    verify_file(stored)  # a healthy file passes
    block = _damage_a_block(stored)
    with pytest.raises(StoreCorrupt, match=f"block {block}"):
        verify_file(stored)
    before = _sha(stored)
    r = runner.invoke(app, ["ingest", "--db", str(stored), str(_corpus(env / "more", 20, 100))])
    _one_error_line(r, "CHR-DB-CORRUPT")
    assert _sha(stored) == before and not Path(str(stored) + ".wal").exists()


def test_disk_full_during_ingest_is_one_line(stored: Path, env: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The error DuckDB raises when a commit hits ENOSPC, injected at the commit."""
    from chronicler.store.db import Store

    real = Store.mark_shard

    def full(self: Store, *a: object, **k: object) -> None:
        real(self, *a, **k)
        raise duckdb.TransactionException(
            'TransactionContext Error: Failed to commit: Could not write file "x.wal": '
            "No space left on device")

    monkeypatch.setattr(Store, "mark_shard", full)
    r = runner.invoke(app, ["ingest", "--db", str(stored), str(_corpus(env / "more", 5, 100))])
    _one_error_line(r, "CHR-DB-FULL")
    monkeypatch.undo()
    with open_store(stored, read_only=True) as s:  # rolled back: nothing half-written
        assert s.count("articles") == 30


def test_translate_names_the_cause() -> None:
    assert isinstance(translate(duckdb.IOException(
        'IO Error: Could not set lock on file "x": Conflicting lock is held in python '
        "(PID 42)"), "x"), StoreLocked)
    assert isinstance(translate(OSError(28, "No space left on device"), "x"), StoreFull)
    assert "42" in str(translate(duckdb.IOException("Conflicting lock (PID 42)"), "x"))



_WRITER = r'''
import duckdb, sys
c = duckdb.connect(sys.argv[1])
c.execute("CREATE TABLE IF NOT EXISTS t (i BIGINT, s VARCHAR)")
c.execute("CREATE INDEX IF NOT EXISTS ti ON t(i)")
n = 0
print("ready", flush=True)
while True:
    c.execute(f"INSERT INTO t SELECT i + {n}, repeat(md5(random()::VARCHAR), 30) "
              "FROM range(20000) r(i)")
    c.execute(f"DELETE FROM t WHERE i % 7 = {n % 7}")
    n += 20000
    c.execute("CHECKPOINT")
'''


def test_no_false_alarm_after_kill_during_checkpoints(tmp_path: Path) -> None:
    """A file left by kill -9 in the middle of checkpoints is healthy, even when it
    ends before the block count its header records (DuckDB truncates free blocks):
    the checksum check must pass it, and DuckDB must read it."""
    import random

    rng = random.Random(7)
    db = tmp_path / "k.duckdb"
    for _ in range(8):
        p = subprocess.Popen([sys.executable, "-c", _WRITER, str(db)],
                             stdout=subprocess.PIPE, text=True)
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.5))
        p.kill()
        p.wait()
        verify_file(db)
        c = duckdb.connect(str(db), read_only=True)
        assert c.execute("SELECT count(*) FROM t").fetchall()[0][0] >= 0
        c.close()


def test_unwritable_output_path_is_one_line(stored: Path, env: Path) -> None:
    (env / "afile").write_text("x")
    r = runner.invoke(app, ["export", "--db", str(stored), str(env / "afile" / "out.jsonl")])
    _one_error_line(r, "CHR-IO")


def test_a_damaged_free_block_is_no_alarm_a_damaged_used_one_is(tmp_path: Path) -> None:
    """Blocks the header lists as free may hold anything (a checkpoint killed while
    writing them); a block in use that fails its checksum is damage."""
    from chronicler.store import health

    db = tmp_path / "f.duckdb"
    c = duckdb.connect(str(db))
    c.execute("CREATE TABLE t AS SELECT range AS i, repeat('x', 50) AS s FROM range(400000)")
    c.execute("CHECKPOINT")
    c.execute("DROP TABLE t")  # its blocks go on the free list at the next checkpoint
    c.execute("CREATE TABLE u AS SELECT range AS i FROM range(1000)")
    c.execute("CHECKPOINT")
    c.close()
    head = db.read_bytes()[:3 * HEADER_PAGE]
    total, alloc, ptr = health._active_header(head)  # type: ignore[misc]
    with db.open("rb") as f:
        free = health._free_blocks(f, ptr, alloc, total, total)
    assert free, "the dropped table left no free block"

    def damage(block: int) -> None:
        data = bytearray(db.read_bytes())
        mid = 3 * HEADER_PAGE + block * alloc + alloc // 2
        data[mid:mid + 64] = bytes(b ^ (i + 1) for i, b in enumerate(data[mid:mid + 64]))
        db.write_bytes(bytes(data))

    damage(min(free))
    verify_file(db)  # free: no alarm
    used = next(b for b in range(total - 1, 0, -1) if b not in free)
    damage(used)
    with pytest.raises(StoreCorrupt, match=f"block {used}"):
        verify_file(db)
