"""What can go wrong with the database file, found before it does harm and named.

    connect          open the file for the Store, refusing what must not be written to
    verify_file      block checksums of a DuckDB file, checked before any write
    check_ours       a DuckDB file that is not chronicler's is refused, untouched
    translate        a DuckDB / OS error → one ``StoreError`` with a stable code
    is_data_error    "this row cannot be stored" (retry the rest) vs "the store failed"

Why ``verify_file`` reads the file itself: DuckDB checks a block's checksum only
when it reads that block, so a damaged index block goes unnoticed by every read
and by an ingest that appends elsewhere, until a later commit needs it and fails
after earlier work was already committed on top of a broken file. DuckDB's file
layout is three 4 KiB header pages, then blocks that each start with a 64-bit
checksum of the rest of the block (``checksum.cpp``: xor of every 64-bit word times
a constant, seeded 5381). We check the header pages with the same sum first: if
they do not verify, the format is not the one we know and the check is skipped
rather than guessed at. Blocks that are all zeros (never written, or released
with a hole punch) carry no checksum and are skipped.
"""

from __future__ import annotations

import errno
import re
import struct
from pathlib import Path
from typing import BinaryIO

import duckdb
import numpy as np

from chronicler.errors import (
    ForeignDatabase,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreNotFound,
    StorePathError,
    StoreReadOnly,
)

HEADER_PAGE = 4096
_HEADER_PAGES = 3
_SEED = 5381
_MULT = np.uint64(0xBF58476D1CE4E5B9)
_MAGIC = b"DUCK"
_CHUNK_BYTES = 64 << 20  # read at most this much at a time: memory stays flat


def _checksum_rows(words: np.ndarray) -> np.ndarray:
    """DuckDB's checksum of each row of 64-bit words."""
    with np.errstate(over="ignore"):
        return np.bitwise_xor.reduce(words * _MULT, axis=1) ^ np.uint64(_SEED)


def _page_ok(page: bytes) -> bool:
    words = np.frombuffer(page, dtype="<u8").reshape(1, -1)
    return bool(_checksum_rows(words[:, 1:])[0] == words[0, 0])


def _active_header(head: bytes) -> tuple[int, int, int] | None:
    """(block_count, block_alloc_size, free-list pointer) of the newest valid header, or None
    when the main header is not in the format this check knows."""
    main = head[:HEADER_PAGE]
    if main[8:12] != _MAGIC or not _page_ok(main):
        return None
    flags = struct.unpack_from("<4Q", main, 20)
    if any(flags):  # encryption and other options change the block layout
        return None
    best: tuple[int, int, int, int] | None = None
    for slot in (1, 2):
        page = head[slot * HEADER_PAGE:(slot + 1) * HEADER_PAGE]
        if len(page) < HEADER_PAGE or not _page_ok(page):
            continue
        iteration, _meta, free, count, alloc = struct.unpack_from("<Q2q2Q", page, 8)
        if best is None or iteration > best[0]:
            best = (iteration, count, alloc, free)
    if best is None:
        raise StoreCorrupt("neither database header passes its checksum")
    _, count, alloc, free = best
    if alloc < HEADER_PAGE or alloc & (alloc - 1) or alloc > 1 << 30:
        return None
    return count, alloc, free


_SUBBLOCKS = 64  # DuckDB's metadata blocks hold 64 sub-blocks, each led by a next pointer
_BLOCK_MASK = (1 << 56) - 1


def _free_blocks(f: BinaryIO, ptr: int, alloc: int, present: int,
                 total: int) -> set[int] | None:
    """The blocks the active header lists as free (DuckDB's free list: a count, then
    the block ids, on a chain of metadata sub-blocks), or None when the list is not in
    the layout this check knows. A free block may hold anything: a kill -9 during a
    checkpoint leaves it half-written."""
    if ptr < 0:  # no free list
        return set()
    sub = ((alloc - 8) // _SUBBLOCKS) & ~7
    data = bytearray()
    need: int | None = None
    for _ in range(1 << 16):
        block, index = ptr & _BLOCK_MASK, ptr >> 56
        if block >= present or index >= _SUBBLOCKS:
            return None
        f.seek(HEADER_PAGE * _HEADER_PAGES + block * alloc + 8 + index * sub)
        chunk = f.read(sub)
        if len(chunk) < sub:
            return None
        (ptr,) = struct.unpack_from("<q", chunk, 0)
        data += chunk[8:]
        if need is None and len(data) >= 8:
            need = 8 + 8 * struct.unpack_from("<Q", data, 0)[0]
        if need is not None and len(data) >= need:
            ids = struct.unpack_from(f"<{(need - 8) // 8}Q", data, 8)
            return set(ids) if all(i < total for i in ids) else None
        if ptr < 0:
            return None
    return None


def verify_file(path: str | Path) -> None:
    """Raise ``StoreCorrupt`` if a block of the DuckDB file at ``path`` fails its
    checksum. A file in a layout this check does not know is passed (DuckDB then
    checks what it reads)."""
    p = Path(path)
    with p.open("rb") as f:
        head = f.read(HEADER_PAGE * _HEADER_PAGES)
        if len(head) < HEADER_PAGE * _HEADER_PAGES:
            return  # too short to be a database: DuckDB's own open says what it is
        try:
            found = _active_header(head)
        except StoreCorrupt as e:
            raise StoreCorrupt(f"database {p} is damaged: {e.message}; restore it from "
                               "a backup (nothing was written to it)") from None
        if found is None:
            return
        total, alloc, free_ptr = found
        # A file may legitimately end before ``total`` blocks: DuckDB truncates free
        # blocks off the end. Only the blocks present are checked.
        count = min(total, (p.stat().st_size - HEADER_PAGE * _HEADER_PAGES) // alloc)
        free: set[int] | None = None
        per_chunk = max(1, _CHUNK_BYTES // alloc)
        done = 0
        while done < count:
            n = min(per_chunk, count - done)
            data = f.read(n * alloc)
            rows = np.frombuffer(data, dtype="<u8").reshape(n, alloc // 8)
            bad = (_checksum_rows(rows[:, 1:]) != rows[:, 0]) & rows.any(axis=1)
            for block in (done + int(b) for b in np.flatnonzero(bad)):
                if free is None:
                    pos = f.tell()
                    free = _free_blocks(f, free_ptr, alloc, count, total) or set()
                    f.seek(pos)
                if block not in free:
                    raise StoreCorrupt(
                        f"database {p} is damaged: block {block} fails its checksum; "
                        "restore it from a backup (nothing was written to it)")
            done += n


_OUR_MIGRATIONS = {"version", "name", "applied_at"}


def check_ours(conn: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a DuckDB database that holds tables but is not a chronicler store
    (no ``schema_migrations`` table of ours). Run on a read-only connection, so a
    refused file is left exactly as it was."""
    rows = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database()").fetchall()
    if not rows:
        return  # empty: a new store
    tables: dict[str, set[str]] = {}
    for t, c in rows:
        tables.setdefault(t, set()).add(c)
    if _OUR_MIGRATIONS <= tables.get("schema_migrations", set()):
        return
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    raise ForeignDatabase(
        f"{path} is a DuckDB database that chronicler did not create (tables: {shown}); "
        "refused and left untouched: give --db a new file")


# ------------------------------------------------------------------ opening
def connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the database at ``path`` that has passed every check:

    * read-only: the file must exist (a read never creates a database);
    * read-write: its folder is created, or a ``StorePathError`` says why not;
    * an existing file is first opened read-only (a shared lock, so no other process
      is writing it), its block checksums are verified (before a write) and its
      tables are checked to be chronicler's. Only then is it opened for writing.
    """
    if path == ":memory:":
        return duckdb.connect(path, read_only=read_only)
    p = Path(path)
    if p.is_dir():
        raise StorePathError(f"database path {path} is a folder; give a file name")
    exists = p.exists()
    if read_only and not exists:
        raise StoreNotFound(f"no database at {path}; `chronicler ingest` creates one")
    if not exists:
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StorePathError(f"cannot create the folder for database {path}: "
                                 f"{e.strerror or e}") from None
    try:
        if not exists:
            return duckdb.connect(path)
        try:
            probe = duckdb.connect(path, read_only=True)
        except duckdb.ConnectionException:
            # This process already has it open for writing (and checked it then):
            # DuckDB allows one configuration per file and process, so share that one.
            return duckdb.connect(path)
        try:
            if not read_only:
                verify_file(p)
            check_ours(probe, path)
        except BaseException:
            probe.close()
            raise
        if read_only:
            return probe
        probe.close()
        return duckdb.connect(path)
    except (duckdb.Error, OSError) as e:
        raise translate(e, path) from e


# ------------------------------------------------------------------ translation
_PID = re.compile(r"\(PID (\d+)\)")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def translate(e: BaseException, path: str = "the database") -> StoreError:
    """One ``StoreError`` (with a specific code where the cause is known) for an
    error the database or the file system raised about ``path``."""
    if isinstance(e, StoreError):
        return e
    msg = _one_line(str(e))
    low = msg.lower()
    code = getattr(e, "errno", None)
    if "could not set lock" in low or "conflicting lock" in low:
        pid = _PID.search(msg)
        who = f" (process {pid.group(1)})" if pid else ""
        return StoreLocked(f"{path} is in use by another process{who}; wait for it to "
                           "finish, then retry")
    if code in (errno.ENOSPC, errno.EDQUOT) or "no space left" in low:
        return StoreFull(f"no space left on the device holding {path}; the step that "
                         "failed was rolled back, committed work is kept: free space and "
                         "run the command again")
    if "corrupt" in low or "checksum" in low:
        return StoreCorrupt(f"{path} is damaged ({msg[:200]}); restore it from a backup")
    if "not a valid duckdb" in low:
        return ForeignDatabase(f"{path} is not a DuckDB database; refused and left "
                               "untouched: give --db a new file")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "permission denied" in low \
            or "read-only file system" in low:
        return StoreReadOnly(f"{path} cannot be written here ({msg[:200]}); "
                             "read commands still work, writes need a writable file")
    return StoreError(f"{path}: {msg[:300]}")


# DuckDB exceptions that mean "this statement's data was refused": the store itself
# is fine and the next statement will work.
_DATA_ERRORS: tuple[type[BaseException], ...] = (
    UnicodeError, duckdb.ConversionException, duckdb.ConstraintException,
    duckdb.InvalidInputException, duckdb.OutOfRangeException,
)


def is_data_error(e: BaseException) -> bool:
    """True if ``e`` is about the rows being written, not about the store: retrying
    the rows one at a time can then save the good ones."""
    if isinstance(e, _DATA_ERRORS):
        return True
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return False
    return isinstance(e, pa.ArrowException) and not isinstance(e, OSError | MemoryError)
