"""Bytes → text with encoding recovery, and the checks every text-like reader shares.

News text arrives mislabelled more often than not: Windows-1252 saved as "UTF-8"
(curly quotes 0x93/0x94, apostrophe 0x92), UTF-16 exports from Word, stray NULs
from broken converters. ``decode_bytes`` never fails; it says what it did in notes.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from chronicler.errors import InputSkipped

# Order matters: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people drop into an input folder by mistake.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (doc/xls)"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
)

# Real text has (almost) no C0 control characters besides whitespace; random bytes
# have ~11% (plus U+FFFD once decoded), executables and images far more.
BINARY_GARBAGE_RATIO = 0.08

_CP1252_ERRORS = "chronicler-cp1252-fallback"


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as cp1252 (mixed files keep their valid UTF-8)."""
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    if err.end == len(err.object) and "unexpected end" in err.reason:
        # A file cut in the middle of a multi-byte character, not a cp1252 byte.
        return "\ufffd", err.end
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(_CP1252_ERRORS, _cp1252_fallback)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def binary_kind(data: bytes) -> str | None:
    """Name of a binary format recognised by its magic number, else None."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    return None


def _is_cp1252_shaped(data: bytes) -> bool:
    """True when the non-ASCII bytes look like a Western single-byte encoding.

    In cp1252 text high bytes are mostly isolated (an é in "café", a curly quote);
    in Cyrillic cp1251 or the CJK double-byte encodings they come in runs. Runs go to
    charset-normalizer, which knows those encodings.
    """
    # Valid UTF-8 sequences are set aside first: a UTF-8 file with a few pasted
    # cp1252 quotes is "mixed", and must keep its UTF-8 characters.
    high = isolated = 0
    for run in _HIGH_RUN_RE.findall(_UTF8_SEQ_RE.sub(b"u", data)):
        high += len(run)
        isolated += len(run) == 1
    return high == 0 or isolated / high >= 0.6


_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")
_UTF8_SEQ_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 from where the NULs fall (ASCII-range text)."""
    if len(data) < 8 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _finish(text: str, notes: list[str]) -> tuple[str, list[str]]:
    if "\x00" in text:
        text = text.replace("\x00", "")
        notes.append("nul-bytes-removed")
    if "\ufffd" in text:
        notes.append("invalid-bytes-replaced")
    # A doubled BOM (a BOM'd file re-saved by a BOM-adding editor) is not text.
    return normalize_newlines(text.lstrip("\ufeff")), notes


def _decode_as(data: bytes, encoding: str, notes: list[str]) -> tuple[str, list[str]]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    return _finish(text, notes)


def _canonical(encoding: str) -> str | None:
    try:
        name = codecs.lookup(encoding.strip().strip("\"'")).name
    except LookupError:
        return None
    # WHATWG: a page labelled latin-1 or ascii is decoded as windows-1252.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text, recovering from common mislabelling.

    Order: BOM; BOM-less UTF-16; strict UTF-8; a declared charset (HTTP header or
    ``<meta>``) if it decodes cleanly; UTF-8 with cp1252 for the bytes UTF-8 rejects;
    charset-normalizer for non-Western legacy encodings. NULs are removed and
    remaining undecodable bytes replaced, each with a note. Newlines become ``\\n``.
    """
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc != "utf-8":
                notes.append("encoding:" + enc.removesuffix("-le").removesuffix("-be"))
            return _decode_as(data[len(bom) :], enc, notes)

    # Before UTF-8: BOM-less UTF-16 of ASCII text is valid UTF-8 full of NULs.
    utf16 = _utf16_without_bom(data)
    if utf16:
        notes.append("encoding:utf-16")
        return _decode_as(data, utf16, notes)

    try:
        return _finish(data.decode("utf-8"), notes)
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data":
            # UTF-8 cut in the middle of its last character: only the tail is bad.
            return _finish(data.decode("utf-8", errors="replace"), notes)

    # Valid UTF-8 beats a label: legacy bytes almost never form valid UTF-8 by chance,
    # while pages labelled iso-8859-1 but saved as UTF-8 are common.
    label = _canonical(declared) if declared else None
    # A BOM-less document cannot really be UTF-16/32 if it carried an ASCII <meta>
    # tag; WHATWG treats such labels as UTF-8.
    if label and label != "utf-8" and not label.startswith(("utf-16", "utf-32")):
        try:
            text = data.decode(label)
        except UnicodeDecodeError:
            pass  # the label lies; fall through to detection
        else:
            return _finish(text, [f"encoding:{label}"])

    if _is_cp1252_shaped(data):
        notes.append("encoding:cp1252")
        return _finish(data.decode("utf-8", errors=_CP1252_ERRORS), notes)

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        notes.append(f"encoding:{best.encoding}")
        return _decode_as(data, best.encoding, notes)
    notes.append("encoding:cp1252")
    return _finish(data.decode("utf-8", errors=_CP1252_ERRORS), notes)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = {c: None for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0xFFFD]}


def _raw_control_ratio(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data) if data else 0.0


def garbage_ratio(text: str) -> float:
    """Share of ``text`` that is C0 control characters (not whitespace) or U+FFFD."""
    return (len(text) - len(text.translate(_CONTROL_CHARS))) / len(text) if text else 0.0


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode a whole document, refusing binaries and empty input (``InputSkipped``)."""
    kind = binary_kind(data)
    if kind:
        raise InputSkipped("binary", f"{source} is binary ({kind}), not text", source=source)
    wide = any(data.startswith(b) for b, e in _BOMS if e != "utf-8") or bool(_utf16_without_bom(data))
    # Measured on the raw bytes before decoding (NULs are removed by decoding, and
    # charset detection on a large binary is slow). UTF-16/32 legitimately hold NULs.
    ratio = 0.0 if wide else _raw_control_ratio(data)
    text, notes = decode_bytes(data, declared) if ratio <= BINARY_GARBAGE_RATIO else ("", [])
    ratio = max(ratio, garbage_ratio(text))
    if ratio > BINARY_GARBAGE_RATIO:
        raise InputSkipped(
            "binary",
            f"{source} looks binary: {ratio:.0%} of it is control characters or "
            f"undecodable bytes (limit {BINARY_GARBAGE_RATIO:.0%})",
            source=source,
        )
    if not text.strip():
        raise InputSkipped("empty", f"{source} is empty or only whitespace", source=source)
    return text, notes


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)


def meta_charset(head: bytes) -> str | None:
    """The charset a page declares in ``<meta>`` within its first 4 KB, if any."""
    m = _META_CHARSET_RE.search(head[:4096])
    return m.group(1).decode("ascii") if m else None
