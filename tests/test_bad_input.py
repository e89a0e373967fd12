"""Hostile and broken inputs: each is skipped with a specific reason, the batch goes on.

Every test puts a good file after the bad one in the same call and checks that it
still comes through. Hostile inputs are generated here, never committed.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest import html as html_mod
from chronicler.ingest import iter_documents, sandbox
from chronicler.ingest.files import member_reader
from chronicler.ingest.html import extract_main
from chronicler.ingest.sandbox import SandboxCrashed, SandboxTimeout, run_limited
from chronicler.records import IngestError, RawDoc

SETTINGS = Settings(extract_timeout_s=10)
PARA = ("Officials said on Wednesday that the border crossing would reopen for aid "
        "convoys, after three days of talks mediated by a neighbouring state. ")
GOOD_TEXT = "A good document that must still come through."


def page(title: str = "Aid convoys", body: str = PARA * 4) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>")


def good_file(tmp_path: Path) -> Path:
    p = tmp_path / "zz_good.txt"
    p.write_text(GOOD_TEXT)
    return p


def run(inputs: list[Path | str], settings: Settings = SETTINGS
        ) -> tuple[list[RawDoc], list[IngestError]]:
    items = list(iter_documents([str(i) for i in inputs], settings))
    return ([i for i in items if isinstance(i, RawDoc)],
            [i for i in items if isinstance(i, IngestError)])


def only_error(tmp_path: Path, bad: Path, settings: Settings = SETTINGS) -> IngestError:
    """Run [bad, good]: exactly one error for ``bad`` and the good doc after it."""
    docs, errors = run([bad, good_file(tmp_path)], settings)
    assert [d.text for d in docs] == [GOOD_TEXT], "the batch must continue"
    assert len(errors) == 1, errors
    return errors[0]


# ------------------------------------------------------------------ encodings
def test_cp1252_labelled_utf8_recovered(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    text = "The minister\u2019s reply: \u201cWe will not retreat\u201d \u2013 caf\u00e9 talks."
    p.write_bytes(text.encode("cp1252"))
    (doc,), errors = run([p])
    assert errors == []
    assert doc.text == text  # curly quotes come back right, no U+FFFD
    assert doc.notes == ["encoding:cp1252"]


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "word-export.txt"
    p.write_bytes("Statement by the \u00c9lys\u00e9e\r\nParis".encode("utf-16"))
    (doc,), _ = run([p])
    assert doc.text == "Statement by the \u00c9lys\u00e9e\nParis"
    assert "encoding:utf-16" in doc.notes


def test_invalid_bytes_replaced(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    # 0x81 is undefined even in cp1252
    p.write_bytes("Valid UTF-8 caf\u00e9 ".encode() + b"then \x81 junk")
    (doc,), _ = run([p])
    assert doc.text == "Valid UTF-8 caf\u00e9 then \ufffd junk"
    assert "invalid-bytes-replaced" in doc.notes


def test_nul_bytes_removed(tmp_path: Path) -> None:
    p = tmp_path / "nul.txt"
    p.write_bytes(b"Reporting from the front\x00 line. " * 20)
    (doc,), _ = run([p])
    assert "\x00" not in doc.text and "front line" in doc.text
    assert "nul-bytes-removed" in doc.notes


# ------------------------------------------------------------------ files
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  ", "\ufeff".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    assert only_error(tmp_path, p).reason == "empty"


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"PK\x03\x04rest-of-zip", b"%PDF-1.7\n...",
     b"\x00\x01\x02\x03" * 500, os.urandom(20_000)],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(content)
    err = only_error(tmp_path, p)
    assert err.reason == "binary" and str(p) in err.message


def test_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_bytes(b"x" * 31_200)
    err = only_error(tmp_path, p, Settings(max_input_bytes=20_000))
    assert err.reason == "too-large"
    assert err.message == "file is 31.2 KB, over the 20 KB cap (CHRONICLER_MAX_INPUT_BYTES)"


@pytest.mark.parametrize("kind", ["missing", "fifo", "broken-link", "unreadable-dir"])
def test_unreadable(tmp_path: Path, kind: str) -> None:
    p = tmp_path / "x.txt"
    if kind == "fifo":
        os.mkfifo(p)  # opening it must not block
    elif kind == "broken-link":
        p.symlink_to(tmp_path / "nowhere.txt")
    elif kind == "unreadable-dir":
        p = tmp_path / "locked"
        p.mkdir()
        if os.geteuid() == 0:
            pytest.skip("root can read any directory")
        p.chmod(0)
    try:
        err = only_error(tmp_path, p)
    finally:
        if kind == "unreadable-dir":
            p.chmod(0o755)
    assert err.reason == "unreadable"
    assert {"missing": "No such file", "fifo": "not a regular file",
            "broken-link": "No such file", "unreadable-dir": "Permission denied"}[kind] \
        in err.message


# ------------------------------------------------------------------ html
def test_deeply_nested_html(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 100_000 + PARA + "</div>" * 100_000
                 + "</body></html>")
    t0 = time.monotonic()
    err = only_error(tmp_path, p)
    assert err.reason == "hostile-html" and "nested" in err.message
    assert time.monotonic() - t0 < 5


def test_deeply_nested_html_without_precheck_is_still_a_clear_skip() -> None:
    html = "<html><body>" + "<div>" * 100_000 + PARA + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(InputSkipped) as ei:
        extract_main(html, None, Settings(extract_timeout_s=5), precheck=False)
    assert ei.value.reason in ("no-main-text", "extract-timeout")


def _attribute_bomb(n: int = 200_000) -> str:
    attrs = " ".join(f'a{i}="x"' for i in range(n))
    return f"<html><body><div {attrs}><p>{PARA}</p></div></body></html>"


def test_many_attributes_html(tmp_path: Path) -> None:
    p = tmp_path / "attrs.html"
    p.write_text(_attribute_bomb())
    t0 = time.monotonic()
    err = only_error(tmp_path, p, Settings(extract_timeout_s=2))
    assert err.reason == "hostile-html" and "attributes" in err.message
    assert time.monotonic() - t0 < 3


def test_time_limit_holds_without_precheck() -> None:
    """lxml needs ~45 s for this page; the worker is killed at the limit."""
    t0 = time.monotonic()
    with pytest.raises(InputSkipped) as ei:
        extract_main(_attribute_bomb(), None, Settings(extract_timeout_s=2), precheck=False)
    assert ei.value.reason == "extract-timeout"
    assert "CHRONICLER_EXTRACT_TIMEOUT_S" in ei.value.message
    assert time.monotonic() - t0 < 4
    # the next document gets a fresh worker
    assert "border crossing" in extract_main(page(), None, SETTINGS).text


def test_sandbox_timeout_and_crash() -> None:
    with pytest.raises(SandboxTimeout):
        run_limited(time.sleep, (10,), 0.5)
    with pytest.raises(SandboxCrashed):
        run_limited(os._exit, (3,), 5)
    assert run_limited(sum, ([1, 2, 3],), 5) == 6


def test_worker_crash_is_extract_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise SandboxCrashed("worker died (exit code -11)")

    monkeypatch.setattr(html_mod, "run_limited", crash)
    with pytest.raises(InputSkipped) as ei:
        extract_main(page(), None, SETTINGS)
    assert ei.value.reason == "extract-failed" and "exit code -11" in ei.value.message


def test_html_without_main_text(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script>"
                 "</body></html>")
    assert only_error(tmp_path, p).reason == "no-main-text"


@pytest.fixture(autouse=True, scope="module")
def _stop_worker() -> object:
    yield None
    sandbox.shutdown()


# ------------------------------------------------------------------ feeds
def test_billion_laughs_feed(tmp_path: Path) -> None:
    ents = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    p = tmp_path / "bomb.rss"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{ents}]>'
                 "<rss><channel><title>&l9;</title><item><title>x</title>"
                 "<description>&l9;</description></item></channel></rss>")
    t0 = time.monotonic()
    err = only_error(tmp_path, p)
    assert err.reason == "xml-bomb"
    assert time.monotonic() - t0 < 2


@pytest.mark.parametrize("well_formed", [True, False])
def test_xxe_feed_reads_nothing(tmp_path: Path, well_formed: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9c")
    tail = "" if well_formed else "&nbsp;"  # malformed: takes the loose path
    p = tmp_path / "xxe.xml"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM '
                 f'"file://{secret}">]><rss version="2.0"><channel><title>T{tail}</title>'
                 "<item><title>x</title><description>&xxe;</description></item>"
                 "</channel></rss>")
    docs, errors = run([p, good_file(tmp_path)])
    assert [e.reason for e in errors] == ["xml-external-entity"]
    assert [d.text for d in docs] == [GOOD_TEXT]
    everything = json.dumps([i.model_dump() for i in [*docs, *errors]])
    assert "TOP-SECRET" not in everything


def test_feed_with_script_links_and_forms(tmp_path: Path) -> None:
    desc = ('<p>Aid arrived <a href="&#106;avascript:alert(1)">here</a>.</p>'
            "<script>steal(document.cookie)</script>"
            '<form action="https://evil.example/"><input name="pw">Log in</form>'
            '<svg onload="alert(2)"><circle r="1"/></svg>'
            '<img src="x" onerror="alert(3)"><iframe src="https://evil.example/"></iframe>'
            '<a href="jav&#x09;ascript:alert(4)">more</a>')
    from xml.sax.saxutils import escape

    p = tmp_path / "evil.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Evil</title>'
                 "<item><title>Aid &lt;b&gt;arrives&lt;/b&gt;</title>"
                 "<link>&#106;avascript:alert(5)</link>"
                 f"<description>{escape(desc)}</description></item></channel></rss>")
    docs, errors = run([p, good_file(tmp_path)])
    assert errors == []
    doc = docs[0]
    for field in (doc.text, doc.title or ""):
        assert "<" not in field and ">" not in field
        assert "alert" not in field and "javascript" not in field.lower()
        assert "steal" not in field and "onload" not in field
    assert doc.text == "Aid arrived here.\n\nLog in\nmore"
    assert doc.title == "Aid arrives"
    assert doc.url is None and "link-dropped:not-http" in doc.notes
    assert docs[1].text == GOOD_TEXT


# ------------------------------------------------------------------ archives
def test_zip_with_path_traversal(tmp_path: Path) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../evil.txt", "climb out")
        zf.writestr("/etc/cron.d/evil.txt", "absolute")
        zf.writestr("C:/Windows/evil.txt", "drive")
        zf.writestr("ok/fine.txt", "Fine member.")
    docs, errors = run([z, good_file(tmp_path)])
    assert [e.reason for e in errors] == ["path-traversal"] * 3
    assert [d.text for d in docs] == ["Fine member.", GOOD_TEXT]
    assert not (tmp_path.parent / "evil.txt").exists()


def test_tar_with_path_traversal_and_link(tmp_path: Path) -> None:
    t = tmp_path / "evil.tar"
    with tarfile.open(t, "w") as tf:
        for name in ("../../evil.txt", "good.txt"):
            data = b"Tar member."
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("passwd.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    docs, errors = run([t, good_file(tmp_path)])
    # The link is not followed, but it is reported (issue 18 item 7).
    assert [e.reason for e in errors] == ["path-traversal", "link-member"]
    assert [d.text for d in docs] == ["Tar member.", GOOD_TEXT]


def test_zip_member_bomb_capped(tmp_path: Path) -> None:
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * 5_000_000)
        zf.writestr("ok.txt", "Small member.")
    docs, errors = run([z, good_file(tmp_path)], Settings(max_input_bytes=100_000))
    assert [e.reason for e in errors] == ["too-large"]
    assert [d.text for d in docs] == ["Small member.", GOOD_TEXT]


def test_archive_total_cap(tmp_path: Path) -> None:
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(30):
            zf.writestr(f"m{i:02}.txt", f"member {i} ".ljust(1000, "x"))
    docs, errors = run([z, good_file(tmp_path)], Settings(max_input_bytes=1_000))
    assert [e.reason for e in errors] == ["too-large"]  # after 10 x 1 KB
    assert "the rest is skipped" in errors[0].message
    assert len(docs) == 11 and docs[-1].text == GOOD_TEXT


def test_corrupt_zip(tmp_path: Path) -> None:
    z = tmp_path / "broken.zip"
    z.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert only_error(tmp_path, z).reason == "bad-archive"


# ------------------------------------------------------------------ warc
def _warc(n: int) -> tuple[bytes, list[int]]:
    """n HTML responses, one gzip member each; also returns member end offsets."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    ends = []
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://w.example/{i}", "response",
                                        payload=io.BytesIO(page(f"Story {i}").encode()),
                                        http_headers=headers)
        writer.write_record(rec)
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped"])
def test_corrupt_gzip_warc(tmp_path: Path, damage: str) -> None:
    data, ends = _warc(4)
    cut = ends[1] + (ends[2] - ends[1]) // 2  # inside the third record's gzip member
    if damage == "truncated":
        bad = data[:cut]
    elif damage == "garbage":
        bad = data[: ends[1]] + b"\x1f\x8b\x08\x00garbage" + os.urandom(200)
    else:
        mid = bytearray(data)
        for i in range(cut - 20, cut + 20):
            mid[i] ^= 0xFF
        bad = bytes(mid)
    p = tmp_path / "cc.warc.gz"
    p.write_bytes(bad)
    docs, errors = run([p, good_file(tmp_path)])
    assert [e.reason for e in errors] == ["bad-warc"]
    assert "the rest of the file is skipped" in errors[0].message
    titles = [d.title for d in docs if d.source_kind == "warc"]
    assert titles[:2] == ["Story 0", "Story 1"]  # records before the damage are kept
    assert docs[-1].text == GOOD_TEXT


def test_not_a_warc(tmp_path: Path) -> None:
    p = tmp_path / "x.warc"
    p.write_text("this is not a WARC file\n" * 10)
    assert only_error(tmp_path, p).reason == "bad-warc"


def test_warc_record_over_cap(tmp_path: Path) -> None:
    data, _ = _warc(2)
    p = tmp_path / "big.warc.gz"
    p.write_bytes(data)
    docs, errors = run([p], Settings(max_input_bytes=500))
    assert [e.reason for e in errors] == ["too-large", "too-large"]
    assert gzip.decompress(data)  # the file itself is fine


# ------------------------------------------------------------------ jsonl
def test_invalid_json_line_in_the_middle(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "first"}), '{"text": "unterminated', "[" * 100_000,
             json.dumps({"text": "x" * 5000}), "\x00\x01garbage",
             json.dumps({"text": "last"})]
    p.write_text("\n".join(lines) + "\n")
    docs, errors = run([p, good_file(tmp_path)], Settings(max_input_bytes=4000))
    assert [d.text for d in docs] == ["first", "last", GOOD_TEXT]
    assert [(e.source, e.reason) for e in errors] == [
        (f"{p}#L2", "bad-json"), (f"{p}#L3", "too-large"), (f"{p}#L4", "too-large"),
        (f"{p}#L5", "bad-json")]
    assert "line 2" not in errors[0].message or "#L2" in errors[0].source


def test_json_nesting_bomb_within_cap(tmp_path: Path) -> None:
    p = tmp_path / "deep.jsonl"
    p.write_text("[" * 100_000 + "\n" + json.dumps({"text": "after"}) + "\n")
    docs, errors = run([p])
    assert [e.reason for e in errors] == ["bad-json"] and "nested" in errors[0].message
    assert [d.text for d in docs] == ["after"]


# ------------------------------------------------------------------ never raises
_PIECES = [b"<rss>", b"<channel>", b"<item>", b"</item>", b"<title>", b"<description>",
           b"<![CDATA[", b"]]>", b"&amp;", b"&", b"&#0;", b"<!ENTITY a 'b'>", b"<!DOCTYPE x [",
           b"]>", b"\x00", b"\xff\xfe", b"\x93", b'"', b"<div>", b"<p a=1 b='2'>", b"\n",
           b'{"text": "a"}', b'{"html": "<p>x</p>"}', b"{", b"WARC/1.0\r\n",
           b"Content-Length: 5\r\n", b"WARC-Type: response\r\n", b"\r\n", b"text "]


@pytest.mark.parametrize("kind", ["txt", "html", "jsonl", "rss", "warc.gz"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000),
                      st.lists(st.sampled_from(_PIECES), max_size=60).map(b"".join)))
def test_readers_never_raise(kind: str, data: bytes) -> None:
    reader = member_reader(f"x.{kind}")
    assert reader is not None
    for item in reader(data, "x", Settings(extract_timeout_s=5, max_input_bytes=1500)):
        assert isinstance(item, RawDoc | IngestError)
        if isinstance(item, RawDoc):
            assert item.text.strip() and "\x00" not in item.text
