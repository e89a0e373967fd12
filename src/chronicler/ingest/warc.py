"""WARC files (Common Crawl CC-NEWS style): HTML ``response`` records become documents.

warcio silently stops at a truncated or corrupt gzip member (it prints to stderr
and ends the iteration), which would lose the rest of a file without a word. So a
gzipped WARC is decompressed here (``_StrictGzip``, which reports damage) and
warcio reads the plain stream; the damage becomes one ``bad-warc`` error after the
records read so far.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error, too_large
from chronicler.ingest.html import read_html_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Damaged(OSError):
    """Raised by the gzip adapter; an OSError that warcio does not swallow."""


class _StrictGzip:
    """Multi-member gzip reader that hands out every good byte, then reports damage.

    ``gzip.GzipFile`` raises ``EOFError`` for a member cut short, which warcio takes
    for a clean end, and it drops the bytes of the read that failed, which would
    lose intact records before the damage. Here the damage is remembered and raised
    as ``_Damaged`` only once the good bytes are used up. Output per step is bounded
    (``_STEP``), so a gzip bomb inside a WARC inflates as the reader consumes it.
    """

    _RAW_CHUNK = 1 << 16
    _STEP = 1 << 20

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._in_member = False
        self._buf = bytearray()
        self._pending = b""
        self._pos = 0
        self._eof = False
        self._damage: str | None = None

    def _fill(self, want: int) -> None:
        while len(self._buf) < want and not self._eof and self._damage is None:
            data = self._pending or self._raw.read(self._RAW_CHUNK)
            self._pending = b""
            if not data:
                self._eof = True
                if self._in_member:
                    self._damage = "gzip data ends in the middle of a record"
                return
            self._in_member = True
            try:
                self._buf += self._d.decompress(data, self._STEP)
            except zlib.error as e:
                self._damage = f"corrupt gzip data ({e})"
                return
            if self._d.eof:  # member done; the next one starts in unused_data
                self._pending = self._d.unused_data
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._in_member = False
            else:
                self._pending = self._d.unconsumed_tail

    def _take(self, n: int) -> bytes:
        if not self._buf and self._damage is not None:
            raise _Damaged(self._damage)
        out = bytes(self._buf[:n])
        del self._buf[:n]
        self._pos += len(out)
        return out

    def peek(self, n: int) -> bytes:
        self._fill(n)
        return bytes(self._buf[:n])

    def read(self, size: int = -1) -> bytes:
        want = size if size is not None and size >= 0 else 1 << 62
        self._fill(want)
        return self._take(want)

    def readline(self, size: int = -1) -> bytes:
        limit = size if size is not None and size >= 0 else 1 << 62
        while b"\n" not in self._buf and len(self._buf) < limit and not self._eof \
                and self._damage is None:
            self._fill(len(self._buf) + self._RAW_CHUNK)
        nl = self._buf.find(b"\n")
        return self._take(min(limit, nl + 1 if nl >= 0 else len(self._buf)))

    def tell(self) -> int:
        return self._pos


def _open_stream(stream: IO[bytes], source: str) -> IO[bytes] | _StrictGzip:
    """The decompressed WARC stream; refuses anything that does not start "WARC/"."""
    head = stream.read(2)
    stream.seek(0)
    reader: IO[bytes] | _StrictGzip
    if head == b"\x1f\x8b":
        reader = _StrictGzip(stream)
        first = reader.peek(5)
    else:
        reader = stream
        first = stream.read(5)
        stream.seek(0)
    if first != b"WARC/":
        # warcio would skip unknown lines with a warning on stderr and yield nothing.
        raise InputSkipped("bad-warc", f"{source}: not a WARC file (it does not start "
                           "with a WARC/1.x record header)", source=source)
    return reader


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


@dataclass(frozen=True)
class _Response:
    """What we need from one HTML response record, read while warcio is positioned."""

    payload: bytes
    over_cap: bool
    url: str | None
    content_type: str
    date: str
    truncated: bool


def _html_response(rec: ArcWarcRecord, cap: int) -> _Response | None:
    """The record's payload if it is an HTML response, else None (warcio calls only)."""
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    # content_stream() undoes chunking and content-encoding; reading cap + 1 bounds
    # the decoded size (a gzip bomb inside a record stops here).
    payload = rec.content_stream().read(cap + 1)
    return _Response(
        payload=payload, over_cap=len(payload) > cap,
        url=rec.rec_headers.get_header("WARC-Target-URI"), content_type=ctype,
        date=rec.rec_headers.get_header("WARC-Date") or "",
        truncated=bool(rec.rec_headers.get_header("WARC-Truncated")),
    )


def _response_doc(r: _Response, where: str, settings: Settings) -> Item:
    if r.over_cap:
        return as_error(too_large(where, "record payload", None, settings.max_input_bytes),
                        where)
    notes: list[str] = []
    if len(r.date) >= 10:
        # Crawl time, not publication time: a hint for people, never ``published``.
        notes.append(f"crawled:{r.date[:10]}")
    if r.truncated:
        notes.append("truncated")
    try:
        return read_html_bytes(r.payload, where, settings, url=r.url,
                               http_charset=_charset(r.content_type), kind="warc", notes=notes)
    except InputSkipped as e:
        return as_error(e, where)


def read_warc(stream: IO[bytes], source: str, settings: Settings) -> Iterator[Item]:
    """HTML responses of one WARC as RawDocs (``source#rec-N``, N counts all records)."""
    try:
        records = iter(ArchiveIterator(_open_stream(stream, source)))
    except InputSkipped as e:
        yield as_error(e, source)
        return
    except _Damaged as e:
        yield error(source, "bad-warc", f"{source}: {e}")
        return
    n = 0
    while True:
        try:
            rec = next(records, None)
            if rec is None:
                break
            response = _html_response(rec, settings.max_input_bytes)
            n += 1  # records fully read
        # warcio boundary. Besides its own errors and the gzip damage from
        # _StrictGzip (an OSError), warcio's record parser raises whatever Python
        # raises on malformed headers (AttributeError for a record without a target
        # URI, IndexError, ...). Only warcio calls are inside this try; any failure
        # there means the stream position is lost, so the rest of the file is skipped.
        except Exception as e:
            msg = str(e).strip().splitlines()[0][:200] if str(e).strip() else ""
            yield error(f"{source}#rec-{n + 1}", "bad-warc",
                        f"{source}: unreadable after {n} record(s), the rest of the file "
                        f"is skipped: {type(e).__name__}" + (f": {msg}" if msg else ""))
            return
        if response is not None:
            yield _response_doc(response, f"{source}#rec-{n}", settings)
    if n == 0:
        yield error(source, "empty", f"{source} holds no WARC records")
