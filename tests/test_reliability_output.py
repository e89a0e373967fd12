"""Issue 18 items 5 and 6: article-derived text is inert in report.md and on the
terminal; the SSRF guard sees the IPv4 address inside every IPv6 spelling."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.ingest.fetch import blocked
from chronicler.outputs.report import write_report
from chronicler.records import (
    Article,
    Asserter,
    Claim,
    ClaimEvidence,
    Event,
    EventActor,
    Evidence,
    Framing,
    FramingVariant,
    Story,
)
from chronicler.store import open_store
from chronicler.text.terminal import for_terminal

# What a hostile corpus puts in titles, names and quotes, in Markdown's own syntax.
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "![x](javascript:alert(4))",
    "<javascript:alert(5)>",
    "&lt;script&gt;alert(6)&lt;/script&gt;",
    "<a href='javascript:alert(7)'>a</a>",
    "line one\n\n<script>alert(8)</script>\n# heading",
    "cell | broken | <svg onload=alert(9)>",
]
EVIL = " ".join(PAYLOADS)


def _store_with(tmp_path: Path):  # noqa: ANN202 - a Store, closed by the caller
    store = open_store(tmp_path / "r.duckdb")
    arts = [Article(id=f"a{i}", title=f"Title {i} {p}", outlet=f"Outlet {p}",
                    published=dt.date(2025, 3, 10 + i), text="x", source_path=f"s{i}.txt",
                    text_hash=f"h{i}") for i, p in enumerate(PAYLOADS[:3])]
    store.insert_articles(arts, [None] * len(arts), "test")
    ids = [a.id for a in arts]
    ev = Event(id="e1", type="ASSAULT", date=dt.date(2025, 3, 10),
               actor=[EventActor(name=f"Army {EVIL}")], recipient=[EventActor(name=EVIL)],
               evidence=[Evidence(article_id="a0", text=f"They said {EVIL}", span=(0, 5))],
               article_ids=ids, n_sources=2)
    store.replace_all("events", [ev])

    def claim(cid: str, pol: str, other: str) -> Claim:
        return Claim(id=cid, text=f"Claim {cid} {EVIL}", polarity=pol, status="contested",
                     contested_by=[other], asserted_by=Asserter(name=f"Who {EVIL}"),
                     article_ids=ids, n_sources=2,
                     evidence=[ClaimEvidence(article_id="a0", outlet=f"O {EVIL}",
                                             text="t", span=(0, 1))])

    store.replace_all("claims", [claim("c1", "pos", "c2"), claim("c2", "neg", "c1")])
    store.replace_all("stories", [Story(id="s1", title=f"Story {EVIL}", article_ids=ids)])
    store.replace_all("framing", [Framing(story_id="s1", referent=f"Ref {EVIL}", variants=[
        FramingVariant(term=f"Term {EVIL}", outlets=[f"Out {EVIL}"], count=2)])])
    return store


def test_report_markdown_renders_no_markup_from_articles(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    store = _store_with(tmp_path)
    try:
        md, _ = write_report(store, "s1", tmp_path / "out")
    finally:
        store.close()
    text = md.read_text("utf-8")
    # Rendered the way a permissive viewer renders it: raw HTML on, tables on.
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert not re.search(r"<(script|img|svg|a)\b", html, re.I), html
    assert not re.search(r"""<[^>]*\b(?:href|src|onerror|onload)\s*=""", html, re.I)
    # Headings come from the template only: an article cannot add one.
    assert html.count("<h1>") == 1 and "<h1>heading" not in html
    # The text is still there for a reader, escaped rather than dropped.
    assert "alert(1)" in html and "onerror" in html and "Story" in html
    # One line per table row: a "|" or a line break in a value does not add cells.
    rows = [r for r in text.splitlines() if r.startswith("| Ref")]
    assert len(rows) == 1 and rows[0].count(" | ") == 2


def test_for_terminal_strips_escape_sequences() -> None:
    s = ("A\x1b[2J\x1b[31mRED\x1b[0m \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ "
         "\x1b]52;c;ZXZpbA==\x07clip \x9b31mC1\x9d0;title\x9c x\x00y\x7f\u202egnp.exe\r\nZ")
    out = for_terminal(s)
    assert out == "ARED link clip C1 xygnp.exe Z"
    assert for_terminal("Plain — text, ünïcode") == "Plain — text, ünïcode"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in for_terminal(s))


def test_cli_tables_print_no_escape_sequences(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONICLER_DB", str(tmp_path / "t.duckdb"))
    monkeypatch.setenv("CHRONICLER_ANALYZE", "0")
    title = "Clear \x1b[2J\x1b[31mRED\x1b[0m \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\"
    body = "Officials in the capital said on Monday that the talks would resume. " * 4
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"title": title, "text": body, "outlet": "Evil\x1b[5m News"}) + "\n",
                 encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(f)]).exit_code == 0
    r = runner.invoke(app, ["articles"])
    assert r.exit_code == 0
    assert "\x1b" not in r.output and "\x9b" not in r.output
    assert "RED" in r.output and "Evil News" in r.output


@pytest.mark.parametrize("addr", [
    "::127.0.0.1",          # IPv4-compatible (deprecated ::/96)
    "::ffff:0:7f00:1",      # SIIT, IPv4-translated ::ffff:0:0/96
    "64:ff9b:1::7f00:1",    # local-use NAT64 64:ff9b:1::/48 (RFC 8215)
    "64:ff9b:1::808:808",   # local-use NAT64 is never a public destination
    "fec0::1",              # site-local (deprecated fec0::/10)
    "::ffff:0:a00:1",       # SIIT of 10.0.0.1
    "::a9fe:a9fe",          # IPv4-compatible 169.254.169.254 (cloud metadata)
    "64:ff9b::a9fe:a9fe",   # well-known NAT64 of the metadata address
    "::ffff:127.0.0.1", "::1", "127.0.0.1", "fe80::1%eth0",
])
def test_ssrf_guard_blocks_embedded_and_site_local(addr: str) -> None:
    assert blocked(addr)


@pytest.mark.parametrize("addr", [
    "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
])
def test_ssrf_guard_still_allows_public(addr: str) -> None:
    assert not blocked(addr)
