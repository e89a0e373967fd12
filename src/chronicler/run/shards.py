"""Shards for a distributed ingest: planned on the driver, read on a worker.

A shard is the unit of work, of storage (one Parquet part) and of resume (one
done-marker). The plan is deterministic for the same inputs and settings:

* small documents (``.txt``, ``.html``, URLs, errors found while walking a
  directory) are grouped, in input order, up to ``settings.shard_size`` per shard;
* any other file (feed, archive, a JSONL or WARC with at most ``shard_size``
  records) is a shard of its own;
* a big JSONL file is cut into slices of ``shard_size`` lines, a big WARC file into
  slices of ``shard_size`` records (at record boundaries found by one scan on the
  driver; a gzipped WARC is sliced only when every record is its own gzip member,
  which is how crawlers write them, else it stays one shard).

Reading uses the same readers as the local path (:mod:`chronicler.ingest`); a slice
is handed to ``read_jsonl``/``read_warc`` as a byte window of the file, and the line
or record numbers in the sources they produce (``file.jsonl#L12``, ``x.warc.gz#rec-3``)
are shifted to count from the start of the file, so every source path is the one
the local path gives.

A shard's id hashes its spec (paths, byte range, each file's size and mtime) with
a salt naming what runs on it, so a changed file or a different model is a new
shard, never mistaken for a finished one.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import IO, Literal

from chronicler.config import Settings
from chronicler.ingest import iter_documents
from chronicler.ingest.base import Item
from chronicler.ingest.files import kind_of, read_file, walk
from chronicler.ingest.jsonl import read_jsonl
from chronicler.ingest.warc import read_warc
from chronicler.records import IngestError, RawDoc, content_id

__all__ = ["ShardSpec", "plan_shards", "read_shard", "shard_id"]

SPEC_VERSION = "chronicler.shard.v1"
ShardKind = Literal["group", "file", "jsonl-slice", "warc-slice"]
# One entry of a group: ("input", x) is read like an argument of ``chronicler ingest``
# (a URL or an explicit file), ("file", path) like a file found in a directory,
# ("error", json) is an error item found while planning (an unreadable directory).
Entry = tuple[str, str]

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class ShardSpec:
    """What one shard reads; plain data, so it travels to workers as JSON."""

    index: int  # position in the plan: shards are committed to the store in this order
    kind: ShardKind
    entries: tuple[Entry, ...] = ()  # group / file
    path: str = ""  # slices
    start: int = 0  # byte offset of the slice
    end: int = -1  # byte offset where it stops (exclusive)
    first: int = 0  # lines (JSONL) or records (WARC) of the file before the slice
    stamps: tuple[str, ...] = field(default_factory=tuple)  # "size:mtime_ns" per file

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, s: str) -> ShardSpec:
        d = json.loads(s)
        d["entries"] = tuple(tuple(e) for e in d["entries"])
        d["stamps"] = tuple(d["stamps"])
        return cls(**d)

    def describe(self) -> str:
        """For people: what this shard covers."""
        if self.kind in ("jsonl-slice", "warc-slice"):
            return f"{self.path} [bytes {self.start}-{self.end}]"
        names = [v if k != "error" else "(planning error)" for k, v in self.entries]
        return names[0] if len(names) == 1 else f"{names[0]} .. {names[-1]} ({len(names)} inputs)"


def shard_id(spec: ShardSpec, salt: str) -> str:
    """Stable id of a shard: its spec without the plan position, plus the salt."""
    d = asdict(spec)
    del d["index"]
    return "ray-" + content_id(SPEC_VERSION, salt, json.dumps(d, sort_keys=True), n=24)


# --------------------------------------------------------------------------- planning
def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "missing"  # the reader reports it as unreadable
    return f"{st.st_size}:{st.st_mtime_ns}"


def plan_shards(inputs: Sequence[str], settings: Settings) -> list[ShardSpec]:
    """Every shard of ``inputs``, in the order the local path reads them."""
    size = max(1, settings.shard_size)
    specs: list[ShardSpec] = []
    group: list[Entry] = []

    def add(kind: ShardKind, **kw: object) -> None:
        specs.append(ShardSpec(index=len(specs), kind=kind, **kw))  # type: ignore[arg-type]

    def flush() -> None:
        if group:
            stamps = tuple(_stamp(v) if k != "error" and not _SCHEME_RE.match(v) else ""
                           for k, v in group)
            add("group", entries=tuple(group), stamps=stamps)
            group.clear()

    def file_entry(how: str, path: str) -> None:
        kind = kind_of(path)
        if kind in ("txt", "html"):
            group.append((how, path))
            if len(group) >= size:
                flush()
            return
        flush()
        slices = _slices(path, kind, size) if kind in ("jsonl", "warc") else None
        if slices:
            stamp = _stamp(path)
            for start, end, first in slices:
                add("jsonl-slice" if kind == "jsonl" else "warc-slice", path=path,
                    start=start, end=end, first=first, stamps=(stamp,))
        else:
            add("file", entries=((how, path),), stamps=(_stamp(path),))

    for raw in inputs:
        inp = os.fspath(raw)
        if _SCHEME_RE.match(inp):  # URLs, and other schemes that the reader refuses
            group.append(("input", inp))
            if len(group) >= size:
                flush()
        elif os.path.isdir(inp):
            for found in walk(inp):
                if isinstance(found, str):
                    file_entry("file", found)
                else:
                    group.append(("error", found.model_dump_json()))
                    if len(group) >= size:
                        flush()
        else:
            file_entry("input", inp)
    flush()
    return specs


def _slices(path: str, kind: str | None, size: int) -> list[tuple[int, int, int]] | None:
    """(start, end, first) byte windows of ``size`` lines/records, or None for one shard."""
    try:
        bounds = _jsonl_bounds(path, size) if kind == "jsonl" else _warc_bounds(path, size)
    # Any failure of the scan (unreadable, damaged gzip, malformed WARC headers, which
    # warcio reports as whatever Python raised) only means: do not slice. The whole
    # file is then one shard and its reader reports the damage as the local path does.
    except Exception:
        return None
    if bounds is None or len(bounds) < 3:  # [0, ..., eof]: fewer than two slices
        return None
    return [(bounds[i][0], bounds[i + 1][0], bounds[i][1]) for i in range(len(bounds) - 1)]


def _jsonl_bounds(path: str, size: int) -> list[tuple[int, int]] | None:
    """(byte offset, lines before it) every ``size`` lines, with EOF last.

    Lines are physical lines, as ``read_jsonl`` numbers them (an over-long line is
    still one line). A file of blank lines stays one shard so its single ``empty``
    error is reported once, as the local path does.
    """
    bounds = [(0, 0)]
    lines = 0
    pos = 0
    content = False
    with open(path, "rb") as f:
        while chunk := f.read(_SCAN_CHUNK):
            content = content or bool(chunk.strip())
            at = 0
            while True:
                nl = chunk.find(b"\n", at)
                if nl < 0:
                    break
                lines += 1
                at = nl + 1
                if lines % size == 0:
                    bounds.append((pos + at, lines))
            pos += len(chunk)
    if not content:
        return None
    if bounds[-1][0] == pos:  # the file ends exactly on a boundary
        bounds.pop()
    bounds.append((pos, lines))
    return bounds


def _warc_bounds(path: str, size: int) -> list[tuple[int, int]] | None:
    """(byte offset, records before it) every ``size`` records, with EOF last."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
        f.seek(0)
        offsets: list[int] = []
        it = ArchiveIterator(f)
        for _rec in it:
            offsets.append(it.get_record_offset())
        eof = os.fstat(f.fileno()).st_size
        # Every cut must start a gzip member (or a plain record): else seeking there
        # does not give a readable stream, and the file stays one shard.
        magic = b"\x1f\x8b" if gz else b"WARC/"
        bounds = [(0, 0)]
        for i in range(size, len(offsets), size):
            f.seek(offsets[i])
            if f.read(len(magic)) != magic:
                return None
            bounds.append((offsets[i], i))
    bounds.append((eof, len(offsets)))
    return bounds


# --------------------------------------------------------------------------- reading
def read_shard(spec: ShardSpec, settings: Settings, *,
               allow_private: bool = False) -> list[Item]:
    """The documents and error items of one shard, in reader order."""
    if spec.kind in ("group", "file"):
        out: list[Item] = []
        for how, value in spec.entries:
            if how == "error":
                out.append(IngestError.model_validate_json(value))
            elif how == "file":
                out.extend(read_file(value, settings))
            else:
                out.extend(iter_documents([value], settings, allow_private=allow_private))
        return out
    return list(_read_slice(spec, settings))


def _read_slice(spec: ShardSpec, settings: Settings) -> Iterator[Item]:
    path = spec.path
    tag = "#L" if spec.kind == "jsonl-slice" else "#rec-"
    number = re.compile(re.escape(path + tag) + r"(\d+)")

    def shift(s: str) -> str:
        return number.sub(lambda m: f"{path}{tag}{int(m.group(1)) + spec.first}", s)

    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below; the window borrows it
    except OSError:
        yield from read_file(path, settings)  # gone since planning: the reader says why
        return
    with raw:
        window = io.BufferedReader(_Window(raw, spec.start, spec.end), buffer_size=1 << 16)
        items: Iterator[Item] = (read_jsonl(window, path, settings)
                                 if spec.kind == "jsonl-slice"
                                 else read_warc(window, path, settings))
        for item in items:
            if isinstance(item, RawDoc):
                yield item.model_copy(update={"source_path": shift(item.source_path)})
            elif item.reason == "empty" and item.source == path:
                continue  # a slice of blank lines; the whole file is not empty
            else:
                yield item.model_copy(update={"source": shift(item.source),
                                              "message": shift(item.message)})


class _Window(io.RawIOBase):
    """Bytes ``[start, end)`` of an open file, seen as a whole file of its own."""

    def __init__(self, f: IO[bytes], start: int, end: int) -> None:
        self._f = f
        self._start = start
        self._len = end - start
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(b), self._len - self._pos)
        if n <= 0:
            return 0
        self._f.seek(self._start + self._pos)
        data = self._f.read(n)
        b[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._len}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos
