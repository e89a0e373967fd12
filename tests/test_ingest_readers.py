"""Each input reader on small inputs, and a mixed directory walked in one call."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicler.config import Settings
from chronicler.ingest import fetch as fetch_mod
from chronicler.ingest import iter_documents
from chronicler.ingest.base import fmt_size
from chronicler.ingest.decode import decode_bytes, meta_charset
from chronicler.ingest.files import kind_of
from chronicler.ingest.html import extract_main, fragment_to_text, html_shape
from chronicler.records import IngestError, RawDoc

SETTINGS = Settings(extract_timeout_s=10)
PARA = ("The foreign ministry said on Tuesday that talks between the two delegations "
        "would resume next week in Geneva, after a pause of almost a month. ")


# ------------------------------------------------------------------ helpers
def run(inputs: Iterable[str | Path], settings: Settings = SETTINGS,
        **kw: object) -> tuple[list[RawDoc], list[IngestError]]:
    items = list(iter_documents([str(i) for i in inputs], settings, **kw))  # type: ignore[arg-type]
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def article_html(title: str, body: str = PARA * 4, extra_head: str = "") -> str:
    return (f"<html><head><title>{title}</title>{extra_head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p>"
            f"<p>{body}</p></article><footer>Copyright</footer></body></html>")


def rss(items: list[str], title: str = "Daily Wire Service") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://news.example/</link>"
            f"{''.join(items)}</channel></rss>").encode()


def rss_item(title: str, link: str, description: str, pub: str = "") -> str:
    from xml.sax.saxutils import escape

    pub_xml = f"<pubDate>{pub}</pubDate>" if pub else ""
    return (f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<description>{escape(description)}</description>{pub_xml}</item>")


ATOM = (b'<?xml version="1.0" encoding="utf-8"?>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>'
        b"<entry><title>Ceasefire holds</title><link href=\"https://atom.example/1\"/>"
        b"<id>urn:1</id><updated>2025-05-10T08:00:00Z</updated>"
        b"<author><name>Jane Doe</name></author>"
        b'<content type="html">&lt;p&gt;The ceasefire held overnight.&lt;/p&gt;</content>'
        b"</entry></feed>")


def make_warc(pages: list[tuple[str, bytes, str]], *, extra_request: bool = True) -> bytes:
    """A gzipped WARC (one gzip member per record, as Common Crawl writes them)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, body, ctype in pages:
        if extra_request:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


# ------------------------------------------------------------------ decode
@pytest.mark.parametrize(
    ("raw", "text", "notes"),
    [
        (b"plain ascii", "plain ascii", []),
        ("caf\u00e9 \u201cok\u201d".encode(), "caf\u00e9 \u201cok\u201d", []),
        ("\ufeffbom".encode(), "bom", []),
        ("He said \u201cno\u201d \u2014 it\u2019s over".encode("cp1252"),
         "He said \u201cno\u201d \u2014 it\u2019s over", ["encoding:cp1252"]),
        # mostly UTF-8 with pasted cp1252 quotes: the UTF-8 part survives
        ("caf\u00e9 ".encode() + "\u201cq\u201d".encode("cp1252"), "caf\u00e9 \u201cq\u201d",
         ["encoding:cp1252"]),
        ("utf16 \u00e9".encode("utf-16"), "utf16 \u00e9", ["encoding:utf-16"]),
        ("utf16be".encode("utf-16-be"), "utf16be", ["encoding:utf-16"]),
        ("utf32".encode("utf-32"), "utf32", ["encoding:utf-32"]),
        (b"a\r\nb\rc", "a\nb\nc", []),
        (b"nul\x00here", "nulhere", ["nul-bytes-removed"]),
        ("cut \u00e9".encode()[:-1], "cut \ufffd", ["invalid-bytes-replaced"]),
        ("\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
         "\u042d\u0442\u043e \u0442\u0435\u043a\u0441\u0442 \u043d\u0430 \u0440\u0443\u0441"
         "\u0441\u043a\u043e\u043c \u044f\u0437\u044b\u043a\u0435.".encode("cp1251"),
         "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
         "\u042d\u0442\u043e \u0442\u0435\u043a\u0441\u0442 \u043d\u0430 \u0440\u0443\u0441"
         "\u0441\u043a\u043e\u043c \u044f\u0437\u044b\u043a\u0435.", ["encoding:cp1251"]),
    ],
)
def test_decode_bytes(raw: bytes, text: str, notes: list[str]) -> None:
    assert decode_bytes(raw) == (text, notes)


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<META http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>",
         "ISO-8859-1"),
        (b"<meta name=description content=x>", None),
        (b"<p>charset=utf-8 in text</p>", None),
    ],
)
def test_meta_charset(head: bytes, charset: str | None) -> None:
    assert meta_charset(head) == charset


def test_declared_charset_wins_over_guessing() -> None:
    data = "\u00e9t\u00e9".encode("iso-8859-15")
    assert decode_bytes(data, "iso-8859-15") == ("\u00e9t\u00e9", ["encoding:iso8859-15"])
    # a label that does not decode is ignored, not fatal
    assert decode_bytes("\u00e9".encode(), "ascii")[0] == "\u00e9"


@pytest.mark.parametrize(
    ("n", "text"),
    [(999, "999 bytes"), (2000, "2 KB"), (31_200_000, "31.2 MB"), (20_000_000, "20 MB")],
)
def test_fmt_size(n: int, text: str) -> None:
    assert fmt_size(n) == text


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.TXT", "txt"), ("a.htm", "html"), ("x.ndjson", "jsonl"), ("f.atom", "feed"),
     ("cc.warc.gz", "warc"), ("a.tgz", "tar"), ("a.tar.gz", "tar"), ("a.zip", "zip"),
     ("a.gz", None), ("a.pdf", None), ("README", None)],
)
def test_kind_of(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


# ------------------------------------------------------------------ text
def test_text_file(tmp_path: Path) -> None:
    raw = b"Troops withdraw\r\n\r\nThe army said on Monday it would pull back."
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    (doc,), errors = run([p])
    assert errors == []
    assert doc.source_path == str(p)
    assert doc.source_kind == "txt"
    assert doc.text == "Troops withdraw\n\nThe army said on Monday it would pull back."
    assert doc.raw_hash == hashlib.sha1(raw).hexdigest()
    assert doc.title is None  # the cleaning stage picks the title


# ------------------------------------------------------------------ html
def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    meta = ('<meta name="author" content="Sam Reporter">'
            '<meta property="article:published_time" content="2025-05-08T09:00:00Z">'
            '<meta property="og:site_name" content="The Example Times">'
            '<link rel="canonical" href="https://times.example/a/1">')
    p.write_text(article_html("Talks resume in Geneva", extra_head=meta), encoding="utf-8")
    (doc,), errors = run([p])
    assert errors == []
    assert doc.source_kind == "html"
    assert "talks between the two delegations" in doc.text
    assert "Copyright" not in doc.text and "<" not in doc.text
    assert doc.title == "Talks resume in Geneva"
    assert doc.author == "Sam Reporter"
    assert doc.published == "2025-05-08"
    assert doc.outlet == "The Example Times"
    assert doc.url == "https://times.example/a/1"


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    p = tmp_path / "legacy.htm"
    body = "Le ministre a d\u00e9clar\u00e9 \u00ab non \u00bb \u2014 " + PARA
    p.write_bytes(article_html("Caf\u00e9", body=body,
                               extra_head='<meta charset="windows-1252">').encode("cp1252"))
    (doc,), _ = run([p])
    assert "d\u00e9clar\u00e9 \u00ab non \u00bb \u2014" in doc.text
    assert "encoding:cp1252" in doc.notes


@pytest.mark.parametrize(
    ("html", "depth", "attrs"),
    [
        ("<div><p>a<p>b</div>", 1, 0),
        ("<div><div><br><img src=x></div></div>", 2, 1),
        ("<script>var s='<div><div><div>'</script><div></div>", 1, 0),
        ("<!-- <div><div> --><span>x</span>", 1, 0),
        ('<a href="x" title="a > b" data-x=1 hidden>', 1, 4),
        ("<div/><div/>", 0, 0),  # libxml2 self-closes these too
        ("<font><font><font>x", 3, 0),  # never closed: libxml2 nests them too
    ],
)
def test_html_shape(html: str, depth: int, attrs: int) -> None:
    shape = html_shape(html)
    assert (shape.max_depth, shape.max_attrs) == (depth, attrs)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
        ("Line<br>break", "Line\nbreak"),
        ("<b>bold</b> and <i>it</i>", "bold and it"),
        ("<script>alert(1)</script>kept", "kept"),
        ("<style>p{}</style><p>styled</p>", "styled"),
        ('<a href="javascript:alert(1)">link text</a>', "link text"),
        ("a &lt;b&gt; c", "a <b> c"),  # escaped text stays text, once
        ("", ""),
    ],
)
def test_fragment_to_text(fragment: str, expected: str) -> None:
    assert fragment_to_text(fragment) == expected


def test_extract_main_fragment_is_wrapped() -> None:
    ex = extract_main("<p>" + PARA * 2 + "</p>", None, SETTINGS)
    assert ex.text.startswith("The foreign ministry")


# ------------------------------------------------------------------ jsonl
def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Plain text record.", "title": "T1", "url": "https://a.example/1",
                    "outlet": "A", "author": "B", "published": "2025-05-07"}),
        "",
        json.dumps({"html": article_html("From HTML"), "outlet": "Declared Outlet"}),
        json.dumps({"text": "   ", "title": "blank text"}),
        json.dumps({"title": "neither"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Numbers ok", "published": 20250507, "author": {"x": 1}}),
    ]
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = run([p])
    assert [d.source_path for d in docs] == [f"{p}#L1", f"{p}#L3", f"{p}#L7"]
    first = docs[0]
    assert (first.title, first.url, first.outlet, first.author, first.published) == (
        "T1", "https://a.example/1", "A", "B", "2025-05-07")
    assert first.raw_hash == hashlib.sha1(lines[0].encode()).hexdigest()
    assert docs[1].outlet == "Declared Outlet" and docs[1].title == "From HTML"
    assert "Geneva" in docs[1].text and "<" not in docs[1].text
    assert (docs[2].published, docs[2].author) == ("20250507", None)
    assert [(e.source, e.reason) for e in errors] == [
        (f"{p}#L4", "no-text"), (f"{p}#L5", "no-text"), (f"{p}#L6", "bad-json")]


def test_jsonl_only_blank_lines_is_empty(tmp_path: Path) -> None:
    p = tmp_path / "blank.ndjson"
    p.write_text("\n\n  \n")
    docs, errors = run([p])
    assert docs == [] and [e.reason for e in errors] == ["empty"]


# ------------------------------------------------------------------ feeds
def _no_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item links must never be fetched: make any fetch attempt fail the test."""

    def boom(*a: object, **k: object) -> None:
        raise AssertionError("a feed reader tried to fetch an item link")

    monkeypatch.setattr(fetch_mod, "_fetch", boom)


def test_rss_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_fetch(monkeypatch)
    p = tmp_path / "wire.rss"
    p.write_bytes(rss([
        rss_item("Shelling reported", "https://news.example/1",
                 "<p>Shelling was reported near the border.</p><p>Second para.</p>",
                 "Wed, 07 May 2025 10:00:00 GMT"),
        rss_item("Link only", "https://news.example/2", ""),
        rss_item("Short", "https://news.example/3", "Two words"),
    ]))
    docs, errors = run([p])
    assert [d.source_path for d in docs] == [f"{p}#item-1", f"{p}#item-3"]
    d = docs[0]
    assert d.source_kind == "feed"
    assert d.text == "Shelling was reported near the border.\n\nSecond para."
    assert (d.title, d.url, d.outlet) == ("Shelling reported", "https://news.example/1",
                                          "Daily Wire Service")
    assert d.published == "Wed, 07 May 2025 10:00:00 GMT"
    assert len(d.raw_hash) == 40
    assert docs[1].text == "Two words"  # little text, link not followed
    assert [(e.source, e.reason) for e in errors] == [(f"{p}#item-2", "no-text")]


def test_atom_file(tmp_path: Path) -> None:
    p = tmp_path / "feed.atom"
    p.write_bytes(ATOM)
    (doc,), errors = run([p])
    assert errors == []
    assert (doc.title, doc.url, doc.author, doc.outlet) == (
        "Ceasefire holds", "https://atom.example/1", "Jane Doe", "Atom Outlet")
    assert doc.text == "The ceasefire held overnight."
    assert doc.published == "2025-05-10T08:00:00Z"


def test_long_feed_entry_goes_through_extraction(tmp_path: Path) -> None:
    body = "".join(f"<p>{PARA} Paragraph {i}.</p>" for i in range(30))
    p = tmp_path / "full.xml"
    p.write_bytes(rss([rss_item("Full", "https://news.example/full", body)]))
    (doc,), _ = run([p])
    assert "feed-text:extracted" in doc.notes
    assert "Paragraph 29." in doc.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>',
         "not-a-feed"),
        (b"<html><body>not xml &nbsp; at all</body></html>", "not-a-feed"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
         "empty"),
    ],
)
def test_xml_that_is_not_a_usable_feed(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "x.xml"
    p.write_bytes(content)
    docs, errors = run([p])
    assert docs == [] and [e.reason for e in errors] == [reason]


def test_malformed_feed_is_read_loosely(tmp_path: Path) -> None:
    p = tmp_path / "loose.rss"
    p.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T&nbsp;</title>'
                  b"<item><title>A</title><description>Broken &nbsp; entity</description>"
                  b"</item></channel></rss>")
    (doc,), _ = run([p])
    assert "xml-malformed" in doc.notes and "Broken" in doc.text


# ------------------------------------------------------------------ warc
def test_warc_gz(tmp_path: Path) -> None:
    p = tmp_path / "cc.warc.gz"
    p.write_bytes(make_warc([
        ("https://a.example/1", article_html("First story").encode(), "text/html; charset=utf-8"),
        ("https://a.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
        ("https://a.example/2", article_html("Caf\u00e9 story").encode("cp1252"),
         "text/html; charset=windows-1252"),
    ]))
    docs, errors = run([p])
    assert errors == []
    # records: 1 request, 2 response, 3 request, 4 png, 5 request, 6 response
    assert [d.source_path for d in docs] == [f"{p}#rec-2", f"{p}#rec-6"]
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert docs[1].title == "Caf\u00e9 story"
    for d in docs:
        assert d.source_kind == "warc"
        assert d.published is None  # WARC-Date is crawl time
        assert any(n.startswith("crawled:") for n in d.notes)


def test_plain_warc(tmp_path: Path) -> None:
    gz = make_warc([("https://a.example/1", article_html("Plain").encode(), "text/html")],
                   extra_request=False)
    plain = b"".join(gzip.decompress(gz) for _ in [0])
    p = tmp_path / "x.warc"
    p.write_bytes(plain)
    (doc,), errors = run([p])
    assert errors == [] and doc.title == "Plain" and doc.source_path == f"{p}#rec-1"


# ------------------------------------------------------------------ archives
def test_zip_and_tar_members(tmp_path: Path) -> None:
    z = tmp_path / "bundle.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("docs/a.txt", "Zip text one.")
        zf.writestr("docs/b.html", article_html("Zipped page"))
        zf.writestr("docs/c.jsonl", json.dumps({"text": "from jsonl in zip"}) + "\n")
        zf.writestr("docs/notes.md", "ignored")
        zf.writestr("__MACOSX/docs/._a.txt", "resource fork")
    t = tmp_path / "bundle.tar.gz"
    with tarfile.open(t, "w:gz") as tf:
        for name, data in (("x/one.txt", b"Tar text."), ("x/feed.rss", rss([rss_item(
                "In tar", "https://t.example/1", "Tar feed item")]))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    docs, errors = run([z, t])
    assert errors == []
    assert [(d.source_path, d.source_kind) for d in docs] == [
        (f"{z}!docs/a.txt", "txt"), (f"{z}!docs/b.html", "html"),
        (f"{z}!docs/c.jsonl#L1", "jsonl"), (f"{t}!x/one.txt", "txt"),
        (f"{t}!x/feed.rss#item-1", "feed")]


# ------------------------------------------------------------------ dispatch
def test_unknown_extension_given_explicitly(tmp_path: Path) -> None:
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4")
    docs, errors = run([p])
    assert docs == [] and errors[0].reason == "unsupported-format"
    assert ".txt" in errors[0].message


def test_mixed_directory_walk(tmp_path: Path) -> None:
    d = tmp_path / "inbox"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text("hidden dir")
    (d / ".hidden.txt").write_text("hidden file")
    (d / "a.txt").write_text("Alpha text.")
    (d / "b.html").write_text(article_html("Beta page"))
    (d / "c.jsonl").write_text(json.dumps({"text": "gamma"}) + "\n{bad\n")
    (d / "d.rss").write_bytes(rss([rss_item("Delta", "https://d.example/1", "Delta text")]))
    (d / "e.atom").write_bytes(ATOM)
    (d / "notes.md").write_text("ignored: unknown extension in a walk")
    (d / "sub" / "f.warc.gz").write_bytes(make_warc(
        [("https://f.example/1", article_html("Foxtrot").encode(), "text/html")]))
    with zipfile.ZipFile(d / "sub" / "deeper" / "g.zip", "w") as zf:
        zf.writestr("g.txt", "Golf text.")
        zf.writestr("../escape.txt", "nope")
    (d / "sub" / "empty.txt").write_text("   \n")
    docs, errors = run([d])
    assert [Path(x.source_path).name for x in docs] == [
        "a.txt", "b.html", "c.jsonl#L1", "d.rss#item-1", "e.atom#item-1",
        "g.zip!g.txt", "f.warc.gz#rec-2"]
    assert sorted(e.reason for e in errors) == ["bad-json", "empty", "path-traversal"]
    # same call, same order
    again, _ = run([d])
    assert [x.source_path for x in again] == [x.source_path for x in docs]


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A text")
    b.write_text("B text")
    docs, _ = run([b, a, b])
    assert [d.text for d in docs] == ["B text", "A text", "B text"]


# ------------------------------------------------------------------ urls
def _mock(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> tuple[httpx.Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, headers, body = routes.get(request.url.path, (404, {}, b"missing"))
        return httpx.Response(status, headers=headers, content=body)

    return httpx.Client(transport=httpx.MockTransport(handler)), seen


def test_url_article_and_feed(tmp_path: Path) -> None:
    client, seen = _mock({
        "/story": (200, {"content-type": "text/html; charset=utf-8"},
                   article_html("Fetched story").encode()),
        "/feed": (200, {"content-type": "application/rss+xml"}, rss([
            rss_item("Item A", "http://93.184.216.34/story", "Item A text"),
            rss_item("Item B", "http://93.184.216.34/b", "Item B text")])),
        "/plain": (200, {"content-type": "text/plain"}, b"Just text."),
        "/img": (200, {"content-type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    })
    base = "http://93.184.216.34"
    docs, errors = run([f"{base}/story", f"{base}/feed", f"{base}/plain", f"{base}/img",
                        f"{base}/gone"], client=client)
    assert [(d.source_path, d.source_kind) for d in docs] == [
        (f"{base}/story", "url"), (f"{base}/feed#item-1", "feed"),
        (f"{base}/feed#item-2", "feed"), (f"{base}/plain", "url")]
    assert docs[0].title == "Fetched story" and docs[0].url == f"{base}/story"
    assert docs[1].text == "Item A text"
    assert [e.reason for e in errors] == ["unsupported-format", "http-error"]
    # the feed's item links were not fetched
    assert [r.url.path for r in seen] == ["/story", "/feed", "/plain", "/img", "/gone"]
