"""Local inputs: dispatch by extension, read with caps, walk directories."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from typing import IO

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.archive import MemberReader, read_tar, read_zip
from chronicler.ingest.base import Item, as_error, error, too_large
from chronicler.ingest.feed import read_feed
from chronicler.ingest.html import read_html_bytes
from chronicler.ingest.jsonl import read_jsonl
from chronicler.ingest.text import read_text_bytes
from chronicler.ingest.warc import read_warc

# Longest suffix first: ".warc.gz" before ".gz"-less ".warc", ".tar.gz" before ".tar".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".tar.gz", "tar"), (".tgz", "tar"), (".txt", "txt"),
    (".html", "html"), (".htm", "html"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".xml", "feed"), (".rss", "feed"), (".atom", "feed"), (".warc", "warc"),
    (".zip", "zip"), (".tar", "tar"),
)
SUPPORTED = tuple(s for s, _ in _SUFFIXES)


def kind_of(name: str) -> str | None:
    lower = name.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def _unreadable(path: str, e: OSError) -> InputSkipped:
    return InputSkipped("unreadable", f"cannot read {path}: {e.strerror or e}", source=path)


def open_regular(path: str) -> IO[bytes]:
    """Open a regular file for reading; refuse FIFOs, devices and directories.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer
    (it changes nothing for regular files); fstat then checks what was opened.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise _unreadable(path, e) from e
    except ValueError as e:  # a NUL byte in the path
        raise InputSkipped("unreadable", f"cannot read {path!r}: {e}", source=path) from e
    try:
        mode = os.fstat(fd).st_mode
    except OSError as e:
        os.close(fd)
        raise _unreadable(path, e) from e
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputSkipped("unreadable", f"cannot read {path}: not a regular file",
                           source=path)
    return os.fdopen(fd, "rb")


def read_capped(path: str, cap: int) -> bytes:
    """Whole file, refusing (before reading) anything over ``cap`` bytes."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > cap:
            raise too_large(path, "file", size, cap)
        try:
            data = f.read(cap + 1)
        except OSError as e:
            raise _unreadable(path, e) from e
    if len(data) > cap:  # the file grew while we looked
        raise too_large(path, "file", len(data), cap)
    return data


# ------------------------------------------------------------------ bytes readers
def _read_txt(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield read_text_bytes(data, source)


def _read_html(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield read_html_bytes(data, source, settings)


def _read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield from read_feed(data, source, settings)


def _read_jsonl(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield from read_jsonl(io.BytesIO(data), source, settings)


def _read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield from read_warc(io.BytesIO(data), source, settings)


_BYTES_READERS: dict[str, MemberReader] = {
    "txt": _read_txt, "html": _read_html, "feed": _read_feed,
    "jsonl": _read_jsonl, "warc": _read_warc,
}


def _guarded(reader: MemberReader) -> MemberReader:
    """Turn a whole-document ``InputSkipped`` into an error item."""

    def run(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
        try:
            yield from reader(data, source, settings)
        except InputSkipped as e:
            yield as_error(e, source)

    return run


def _nested_archive(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    yield error(source, "unsupported-format",
                f"{source}: archives inside archives are not opened; extract it first")


def member_reader(name: str) -> MemberReader | None:
    """Reader for an archive member by name; None for unknown extensions."""
    kind = kind_of(name)
    if kind in ("zip", "tar"):
        return _nested_archive
    if kind is None:
        return None
    return _guarded(_BYTES_READERS[kind])


# ------------------------------------------------------------------ files
def _stream(path: str, settings: Settings, kind: str) -> Iterator[Item]:
    """JSONL and WARC are streamed: their files may be far larger than one document."""
    with open_regular(path) as f:
        try:
            if kind == "jsonl":
                yield from read_jsonl(f, path, settings)
            else:
                yield from read_warc(f, path, settings)
        except OSError as e:  # the disk failed mid-file (read_warc handles its own)
            yield as_error(_unreadable(path, e), path)


def read_file(path: str, settings: Settings) -> Iterator[Item]:
    """All items of one file given explicitly (unknown extension → unsupported-format)."""
    kind = kind_of(path)
    if kind is None:
        yield error(path, "unsupported-format",
                    f"{path}: unknown file type; supported: {', '.join(SUPPORTED)}")
        return
    try:
        if kind in ("jsonl", "warc"):
            yield from _stream(path, settings, kind)
        elif kind == "zip":
            open_regular(path).close()  # same unreadable/not-regular errors as the rest
            yield from read_zip(path, settings, member_reader)
        elif kind == "tar":
            open_regular(path).close()
            yield from read_tar(path, settings, member_reader)
        else:
            data = read_capped(path, settings.max_input_bytes)
            yield from _BYTES_READERS[kind](data, path, settings)
    except InputSkipped as e:
        yield as_error(e, path)


def _listing(d: str) -> list[os.DirEntry[str]] | Item:
    try:
        with os.scandir(d) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as e:
        return as_error(_unreadable(d, e), d)


def walk(root: str) -> Iterator[str | Item]:
    """Files with known extensions under ``root``, depth-first in sorted order.

    Hidden entries (dot-names) are skipped; symlinked directories are not followed
    (loops). Unreadable directories become error items. A stack of listings instead
    of recursion: a hostile tree can be deeper than Python's recursion limit.
    """
    first = _listing(root)
    if not isinstance(first, list):
        yield first
        return
    stack = [iter(first)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            sub = _listing(entry.path)
            if isinstance(sub, list):
                stack.append(iter(sub))
            else:
                yield sub
        elif kind_of(entry.name) is not None:
            yield entry.path
