"""JSON Lines: one article object per line, streamed (files may be far larger than RAM).

Fields: ``text`` or ``html`` (required, one of them), optional ``title``, ``url``,
``outlet``, ``author``, ``published``. Declared fields win over what extraction finds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error, sha1, too_large
from chronicler.ingest.decode import decode_bytes, normalize_newlines
from chronicler.ingest.html import extract_main
from chronicler.records import RawDoc

_META = ("title", "url", "outlet", "author", "published")
_CHUNK = 1 << 20


def _lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes), or (n, None) for a line over ``cap`` bytes.

    ``readline(cap + 1)`` bounds memory: an overlong line is drained in chunks
    and never held whole.
    """
    n = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def _scalar(v: Any) -> str | None:
    """Metadata must be a string; numbers are stringified, containers ignored."""
    if isinstance(v, str):
        v = v.replace("\x00", "").strip()
        return v or None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(v)
    return None


def parse_record(line: bytes, source: str, settings: Settings) -> RawDoc:
    """One JSONL line → RawDoc; raises ``InputSkipped`` (bad-json, no-text, ...)."""
    raw = line.rstrip(b"\r\n")
    try:
        s = raw.decode("utf-8")
        notes: list[str] = []
    except UnicodeDecodeError:
        # JSON must be UTF-8, but cp1252 exports exist; recover like text files.
        s, notes = decode_bytes(raw)
    try:
        obj = json.loads(s)
    # ValueError covers JSONDecodeError and over-long integer literals; a line of
    # 100k "[" exhausts the recursion limit inside json.
    except (ValueError, RecursionError) as e:
        msg = str(e) if not isinstance(e, RecursionError) else "nested too deeply"
        raise InputSkipped("bad-json", f"{source}: invalid JSON: {msg[:200]}",
                           source=source) from e
    if not isinstance(obj, dict):
        raise InputSkipped("bad-json", f"{source}: expected a JSON object, got "
                           f"{type(obj).__name__}", source=source)
    meta = {k: _scalar(obj.get(k)) for k in _META}
    text = obj.get("text")
    html = obj.get("html")
    if isinstance(text, str) and text.strip():
        if "\x00" in text:
            text = text.replace("\x00", "")
            notes.append("nul-bytes-removed")
        return RawDoc(source_path=source, source_kind="jsonl", text=normalize_newlines(text),
                      raw_hash=sha1(raw), notes=notes, **meta)
    if isinstance(html, str) and html.strip():
        ex = extract_main(html, meta["url"], settings, source=source)
        return RawDoc(
            source_path=source, source_kind="jsonl", text=ex.text,
            title=meta["title"] or ex.title, url=meta["url"] or ex.url,
            outlet=meta["outlet"] or ex.sitename, author=meta["author"] or ex.author,
            published=meta["published"] or ex.date, raw_hash=sha1(raw), notes=notes,
        )
    raise InputSkipped("no-text", f"{source}: record has no non-empty 'text' or 'html' "
                       "string", source=source)


def read_jsonl(stream: IO[bytes], source: str, settings: Settings) -> Iterator[Item]:
    cap = settings.max_input_bytes
    seen = 0
    for n, line in _lines(stream, cap):
        seen += 1
        where = f"{source}#L{n}"
        if line is None:
            yield as_error(too_large(where, f"line {n}", None, cap), where)
            continue
        if not line.strip():
            seen -= 1
            continue
        try:
            yield parse_record(line, where, settings)
        except InputSkipped as e:
            yield as_error(e, where)
    if not seen:
        yield error(source, "empty", f"{source} has no records (only blank lines)")
