"""Small shared pieces of the readers: the item type, size messages, hashing."""

from __future__ import annotations

import hashlib
from typing import TypeAlias

from chronicler.errors import InputSkipped
from chronicler.records import IngestError, RawDoc

Item: TypeAlias = RawDoc | IngestError

CAP_SETTING = "CHRONICLER_MAX_INPUT_BYTES"


def sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def fmt_size(n: int) -> str:
    """Decimal units, as people read them: 31_200_000 → '31.2 MB'."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def too_large(source: str, what: str, size: int | None, cap: int) -> InputSkipped:
    """``InputSkipped('too-large')`` with a message naming both sizes and the setting."""
    size_txt = f"is {fmt_size(size)}" if size is not None else "is larger than that"
    return InputSkipped(
        "too-large",
        f"{what} {size_txt}, over the {fmt_size(cap)} cap ({CAP_SETTING})",
        source=source,
    )


def as_error(e: InputSkipped, source: str) -> IngestError:
    return IngestError(source=e.source or source, reason=e.reason, message=e.message)


def error(source: str, reason: str, message: str) -> IngestError:
    return IngestError(source=source, reason=reason, message=message)
