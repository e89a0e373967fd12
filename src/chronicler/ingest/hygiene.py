"""Entry hygiene: every string a reader yields is made storable before it goes on.

Python strings can hold what UTF-8 cannot: lone surrogates. They arrive two ways,
and one of them used to sink a whole shard (the database insert raised, the shard
rolled back, and every re-run crashed at the same place):

* file names that are not valid UTF-8: ``os`` decodes their bytes with
  ``surrogateescape``, so byte 0xFF becomes U+DCFF;
* JSON, which may spell a lone surrogate (``"\\ud800"``) and still be valid JSON.

Text fields get U+FFFD (the replacement character) for each lone surrogate, after
rejoining any high/low pair that arrived as two halves. Paths (``source_path``,
the ``source`` of an error) must stay telling apart two files whose names differ
only in the undecodable bytes, so each smuggled byte is kept as the escape ``\\xff``
and any other lone surrogate as ``\\ud800``. NUL characters are dropped everywhere:
no reader meant one, and C-string APIs down the line cut at them.

``relabel`` is the other half of "where documents enter": an input the user knows
under another name (a web upload saved to a temporary file) is recorded under that
name, never under the server's path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from chronicler.records import IngestError, RawDoc

_SURROGATE = re.compile("[\ud800-\udfff]")
_RAW_FIELDS = ("text", "title", "url", "outlet", "author", "published")


def _needs_work(s: str) -> bool:
    return "\x00" in s or _SURROGATE.search(s) is not None


def _join_pairs(s: str) -> str:
    # A high surrogate followed by a low one is one character split in two; UTF-16
    # with surrogatepass puts it back together and leaves lone halves as they are.
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def clean_text(s: str) -> str:
    """Lone surrogates → U+FFFD, NUL removed; everything else unchanged."""
    if not _needs_work(s):
        return s
    return _SURROGATE.sub("\ufffd", _join_pairs(s).replace("\x00", ""))


def _escape_surrogate(m: re.Match[str]) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # a byte that surrogateescape smuggled through
        return f"\\x{c - 0xDC00:02x}"
    return f"\\u{c:04x}"


def clean_path(s: str) -> str:
    """A path or source label, storable and still distinct: undecodable bytes are
    kept as ``\\xNN`` escapes, other lone surrogates as ``\\uNNNN``."""
    if not _needs_work(s):
        return s
    return _SURROGATE.sub(_escape_surrogate, _join_pairs(s).replace("\x00", ""))


def clean_item(item: RawDoc | IngestError) -> RawDoc | IngestError:
    """The same item with every string field made storable (a copy only if needed)."""
    if isinstance(item, IngestError):
        fixed_err = {"source": clean_path(item.source), "message": clean_path(item.message)}
        if fixed_err == {"source": item.source, "message": item.message}:
            return item
        return item.model_copy(update=fixed_err)
    update: dict[str, object] = {}
    if (p := clean_path(item.source_path)) != item.source_path:
        update["source_path"] = p
    for name in _RAW_FIELDS:
        v = getattr(item, name)
        if v is not None and (c := clean_text(v)) != v:
            update[name] = c
    notes = [clean_text(n) for n in item.notes]
    if notes != item.notes:
        update["notes"] = notes
    return item.model_copy(update=update) if update else item


def clean_items(items: Iterable[RawDoc | IngestError]) -> Iterator[RawDoc | IngestError]:
    for item in items:
        yield clean_item(item)


def _swap(s: str, labels: Mapping[str, str]) -> str:
    for real, shown in labels.items():
        if real and real in s:
            s = s.replace(real, shown)
    return s


def relabel(items: Iterable[RawDoc | IngestError],
            labels: Mapping[str, str]) -> Iterator[RawDoc | IngestError]:
    """Items with each real path in ``labels`` replaced by the name to record.

    Readers name documents after the path they opened (``/tmp/x/a.zip!b.txt``,
    ``/tmp/x/a.jsonl#L3``) and quote it in error messages; both are rewritten.
    Longer paths first, so a path that contains another is rewritten whole.
    """
    ordered = dict(sorted(labels.items(), key=lambda kv: -len(kv[0])))
    for item in items:
        if isinstance(item, IngestError):
            yield item.model_copy(update={"source": _swap(item.source, ordered),
                                          "message": _swap(item.message, ordered)})
        else:
            yield item.model_copy(update={"source_path": _swap(item.source_path, ordered)})
