"""Plain-text documents (``.txt`` files, text/plain responses)."""

from __future__ import annotations

from chronicler.ingest.base import sha1
from chronicler.ingest.decode import decode_text
from chronicler.records import RawDoc, SourceKind


def read_text_bytes(data: bytes, source: str, *, kind: SourceKind = "txt",
                    url: str | None = None, declared: str | None = None) -> RawDoc:
    """Decode one text document; raises ``InputSkipped`` (binary, empty)."""
    text, notes = decode_text(data, source, declared)
    return RawDoc(source_path=source, source_kind=kind, text=text, url=url,
                  raw_hash=sha1(data), notes=notes)
