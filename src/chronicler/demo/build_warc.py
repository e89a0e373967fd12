"""Build the demo corpus's CC-NEWS-style WARC from the HTML pages in ``warc_src/``.

Run ``python -m chronicler.demo.build_warc [OUT]``. Without ``OUT`` it rewrites the
committed ``corpus/CC-NEWS-20250423031245-00001.warc.gz``.

The output is byte-for-byte deterministic: WARC-Date, WARC-Record-ID and the HTTP
``Date`` header come from ``warc_src/manifest.json`` (record ids are uuid5 of the
URL), and each record is a gzip member written by zlib, whose header carries mtime 0.
Like Common Crawl's CC-NEWS files, the WARC holds one ``warcinfo`` record followed by
one ``response`` record per page.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEMO_DIR = Path(__file__).resolve().parent
SRC_DIR = DEMO_DIR / "warc_src"
WARC_NAME = "CC-NEWS-20250423031245-00001.warc.gz"
DEFAULT_OUT = DEMO_DIR / "corpus" / WARC_NAME

_NAMESPACE = uuid.UUID("5d2c8a52-3f0e-4c36-9a51-7f1e3b0c9d11")
_INFO_DATE = "2025-04-23T03:12:45Z"


def _record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_NAMESPACE, key)}>"


def _http_date(warc_date: str) -> str:
    dt = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return format_datetime(dt, usegmt=True)


def _warcinfo(writer: WARCWriter) -> None:
    fields = (
        b"software: chronicler.demo.build_warc\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        b"isPartOf: CC-NEWS-DEMO\r\n"
        b"description: Fictional demo news pages for chronicler (not real news)\r\n"
    )
    headers = StatusAndHeaders(
        "",
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", _record_id("warcinfo:" + WARC_NAME)),
            ("WARC-Filename", WARC_NAME),
            ("WARC-Date", _INFO_DATE),
        ],
        protocol="WARC/1.0",
    )
    record = writer.create_warc_record(
        "", "warcinfo", payload=BytesIO(fields), length=len(fields), warc_headers=headers
    )
    writer.write_record(record)


def build_warc(out: Path = DEFAULT_OUT, src_dir: Path = SRC_DIR) -> Path:
    """Write the WARC to ``out`` and return its path."""
    manifest = json.loads((src_dir / "manifest.json").read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.0")
        _warcinfo(writer)
        for entry in manifest:
            body = (src_dir / entry["file"]).read_bytes()
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", _http_date(entry["warc_date"])),
                    ("Server", "nginx"),
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "max-age=300"),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                entry["url"],
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": _record_id(entry["url"]),
                    "WARC-Date": entry["warc_date"],
                    "WARC-IP-Address": "192.0.2.10",
                    "WARC-Warcinfo-ID": _record_id("warcinfo:" + WARC_NAME),
                },
            )
            writer.write_record(record)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    path = build_warc(out)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
