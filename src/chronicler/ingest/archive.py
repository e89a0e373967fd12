"""Zip and tar archives: members are read into memory, never extracted to disk.

Member names are still checked (absolute paths and ``..`` are refused as
``path-traversal``): an archive that tries it is hostile, and the name would end up
in ``source_path``. Sizes are capped per member (``max_input_bytes``, counted on the
decompressed bytes actually read, since declared sizes can lie) and in total.
"""

from __future__ import annotations

import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error, fmt_size, too_large

# zipfile parses hostile bytes and says so in many ways: BadZipFile, NotImplementedError
# (an unknown "zip file version" or compression method), RuntimeError (encrypted),
# UnicodeDecodeError/ValueError (a mangled name), EOFError and zlib.error (cut data).
_ZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, EOFError,
               zlib.error, OSError)
_TAR_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error, ValueError)

# An archive may hold many documents, but not unboundedly many bytes: ten members'
# worth of the per-file cap, decompressed.
TOTAL_FACTOR = 10
MAX_MEMBERS = 100_000

# (member bytes, source, settings) → items; provided by the dispatcher.
MemberReader = Callable[[bytes, str, Settings], Iterator[Item]]
# Member name → reader, or None for names the dispatcher does not handle.
Resolver = Callable[[str], MemberReader | None]

_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def unsafe_name(name: str) -> bool:
    """Absolute (POSIX or Windows) or climbing out with ``..``."""
    norm = name.replace("\\", "/")
    return norm.startswith("/") or bool(_DRIVE_RE.match(norm)) or ".." in norm.split("/")


def _skip_name(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


class _Budget:
    def __init__(self, source: str, settings: Settings) -> None:
        self.total_cap = settings.max_input_bytes * TOTAL_FACTOR
        self.used = 0
        self.members = 0
        self.source = source

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.total_cap:
            raise InputSkipped(
                "too-large",
                f"{self.source}: archive content passes {fmt_size(self.total_cap)} "
                f"({TOTAL_FACTOR} x CHRONICLER_MAX_INPUT_BYTES); the rest is skipped",
                source=self.source,
            )

    def count(self) -> None:
        self.members += 1
        if self.members > MAX_MEMBERS:
            raise InputSkipped("too-large", f"{self.source}: more than {MAX_MEMBERS:,} "
                               "members; the rest is skipped", source=self.source)


def _screen(name: str, source: str, resolve: Resolver) -> tuple[MemberReader | None, Item | None]:
    """(reader, None) to read; (None, error) to report; (None, None) to ignore."""
    if unsafe_name(name):
        return None, error(f"{source}!{name}", "path-traversal",
                           f"{source}: member name {name!r} is absolute or contains '..'; "
                           "refused")
    if _skip_name(name):
        return None, None
    return resolve(name), None


def _link_error(member: tarfile.TarInfo, source: str, resolve: Resolver) -> Item | None:
    """An error item for a link member whose name we would have read; None for names
    that are skipped anyway (hidden files, unknown extensions)."""
    reader, err = _screen(member.name, source, resolve)
    if err is not None:
        return err
    if reader is None:
        return None
    kind = "symbolic link" if member.issym() else "hard link"
    return error(f"{source}!{member.name}", "link-member",
                 f"{source}: member {member.name!r} is a {kind} to {member.linkname!r}; "
                 "links are not followed: archive the file itself")


def read_zip(path: str, settings: Settings, resolve: Resolver) -> Iterator[Item]:
    cap = settings.max_input_bytes
    budget = _Budget(path, settings)
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as e:
        yield error(path, "bad-archive", f"{path}: not a readable zip file ({e})")
        return
    with zf:
        try:
            for info in zf.infolist():
                budget.count()
                if info.is_dir():
                    continue
                reader, err = _screen(info.filename, path, resolve)
                if err is not None:
                    yield err
                if reader is None:
                    continue
                where = f"{path}!{info.filename}"
                if stat.S_ISLNK(info.external_attr >> 16):  # a Unix symlink: its "data"
                    yield error(where, "link-member",  # is the target's name
                                f"{path}: member {info.filename!r} is a symbolic link; "
                                "links are not followed: archive the file itself")
                    continue
                try:
                    with zf.open(info) as fh:
                        data = fh.read(cap + 1)
                except _ZIP_ERRORS as e:  # this member is damaged; the next may be fine
                    yield error(where, "unreadable", f"{where}: cannot read member ({e})")
                    continue
                budget.spend(len(data))
                if len(data) > cap:
                    yield as_error(too_large(where, "archive member", None, cap), where)
                    continue
                yield from reader(data, where, settings)
        except InputSkipped as e:
            yield as_error(e, path)


def read_tar(path: str, settings: Settings, resolve: Resolver) -> Iterator[Item]:
    cap = settings.max_input_bytes
    budget = _Budget(path, settings)
    try:
        tf = tarfile.open(path, mode="r:*")
    except _TAR_ERRORS as e:
        yield error(path, "bad-archive", f"{path}: not a readable tar file ({e})")
        return
    with tf:
        try:
            for member in tf:
                budget.count()
                # Declared sizes are what the stream must be decompressed through even
                # for members we skip, so they count against the total up front.
                budget.spend(member.size)
                if member.issym() or member.islnk():
                    # Never followed (a link may point outside the archive), but the
                    # user should learn that a name in the archive was not read.
                    link = _link_error(member, path, resolve)
                    if link is not None:
                        yield link
                    continue
                if not member.isfile():
                    continue  # directories and devices carry no document
                reader, err = _screen(member.name, path, resolve)
                if err is not None:
                    yield err
                if reader is None:
                    continue
                where = f"{path}!{member.name}"
                if member.size > cap:
                    yield as_error(too_large(where, "archive member", member.size, cap), where)
                    continue
                fh = tf.extractfile(member)
                data = fh.read(cap + 1) if fh is not None else b""
                yield from reader(data, where, settings)
        except InputSkipped as e:
            yield as_error(e, path)
        except _TAR_ERRORS as e:
            yield error(path, "bad-archive", f"{path}: archive is damaged; the rest is "
                        f"skipped ({e})")
