"""WARC files (Common Crawl CC-NEWS style): HTML ``response`` records become documents.

warcio silently stops at a truncated or corrupt gzip member (it prints to stderr
and ends the iteration), which would lose the rest of a file without a word. So a
gzipped WARC is decompressed by Python's ``gzip`` module, which raises on damage,
and warcio reads the plain stream; the damage becomes one ``bad-warc`` error after
the records read so far.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error, too_large
from chronicler.ingest.html import read_html_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Damaged(OSError):
    """Raised by the gzip adapter; an OSError that warcio does not swallow."""


class _StrictGzip:
    """File-like over ``gzip.GzipFile`` that reports truncation instead of EOF.

    warcio treats ``EOFError`` as "no more records"; gzip raises exactly that for a
    member cut short, so it is re-raised as ``_Damaged``.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")

    def read(self, size: int = -1) -> bytes:
        try:
            return self._gz.read(size)
        except EOFError as e:
            raise _Damaged(f"gzip data ends early ({e})") from e
        except (gzip.BadGzipFile, zlib.error) as e:
            raise _Damaged(f"corrupt gzip data ({e})") from e

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._gz.readline(size)
        except EOFError as e:
            raise _Damaged(f"gzip data ends early ({e})") from e
        except (gzip.BadGzipFile, zlib.error) as e:
            raise _Damaged(f"corrupt gzip data ({e})") from e

    def tell(self) -> int:
        return self._gz.tell()


def _open_stream(stream: IO[bytes]) -> IO[bytes] | _StrictGzip:
    head = stream.read(2)
    stream.seek(0)
    return _StrictGzip(stream) if head == b"\x1f\x8b" else stream


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


def _record_doc(rec: ArcWarcRecord, where: str, settings: Settings) -> Item | None:
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    cap = settings.max_input_bytes
    # content_stream() undoes chunking and content-encoding; reading cap + 1 bounds
    # the decoded size (a gzip bomb inside a record stops here).
    payload = rec.content_stream().read(cap + 1)
    if len(payload) > cap:
        return as_error(too_large(where, "record payload", None, cap), where)
    url = rec.rec_headers.get_header("WARC-Target-URI")
    notes: list[str] = []
    date = rec.rec_headers.get_header("WARC-Date") or ""
    if len(date) >= 10:
        # Crawl time, not publication time: a hint for people, never ``published``.
        notes.append(f"crawled:{date[:10]}")
    if rec.rec_headers.get_header("WARC-Truncated"):
        notes.append("truncated")
    try:
        return read_html_bytes(payload, where, settings, url=url,
                               http_charset=_charset(ctype), kind="warc", notes=notes)
    except InputSkipped as e:
        return as_error(e, where)


def read_warc(stream: IO[bytes], source: str, settings: Settings) -> Iterator[Item]:
    """HTML responses of one WARC as RawDocs (``source#rec-N``, N counts all records)."""
    n = 0
    try:
        for rec in ArchiveIterator(_open_stream(stream)):
            n += 1
            item = _record_doc(rec, f"{source}#rec-{n}", settings)
            if item is not None:
                yield item
    # Each is a damaged file: warcio's own errors, a bad HTTP header block, and the
    # gzip damage surfaced by _StrictGzip (OSError covers _Damaged and disk errors).
    except (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, ValueError,
            zlib.error, EOFError) as e:
        where = f"{source}#rec-{n + 1}"
        msg = str(e).strip().splitlines()[0][:200] if str(e).strip() else type(e).__name__
        yield error(where, "bad-warc", f"{source}: unreadable after {n} record(s), the rest "
                    f"of the file is skipped: {msg}")
        return
    if n == 0:
        yield error(source, "empty", f"{source} holds no WARC records")
