"""Server-rendered pages over the sample database (no browser): every page renders, on
a full and on an empty database; the article page marks every extracted item at its
span; article-derived text is escaped everywhere; no inline script or style, nothing
from another origin."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronicler.store import Store, open_store
from chronicler.web.app import create_app
from chronicler.web.highlight import Mark, highlight
from chronicler.web.security import CSP
from tests.fixtures.sample import A1_TEXT, ACTORS, Sample, build_sample


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Sample, Path]]:
    path = tmp_path_factory.mktemp("pages") / "sample.duckdb"
    with open_store(path) as store:
        sample = build_sample(store, hostile=True)
        yield store, sample, path


@pytest.fixture(scope="module")
def client(built: tuple[Store, Sample, Path]) -> TestClient:
    store, _, path = built
    return TestClient(create_app(path, store=store))


@pytest.fixture(scope="module")
def sample(built: tuple[Store, Sample, Path]) -> Sample:
    return built[1]


def page_urls(s: Sample) -> list[str]:
    a1, a2, a3, a4 = s.articles
    return ["/", f"/stories/{s.story}", "/articles", f"/articles/{a1}", f"/articles/{a2}",
            f"/articles/{a3}", f"/articles/{a4}", f"/articles/{s.hostile_article}",
            "/actors", f"/actors/{ACTORS['velic'].id}", f"/actors/{ACTORS['kld'].id}",
            "/events", "/claims", "/quotes", "/search?q=alert", "/search?q=Merovia",
            "/search?q=%25", "/ingest", "/articles?outlet=The+Merovia+Herald&from=&to=",
            "/events?type=ASSAULT&country=&from=2025-04-01", "/claims?status=contested",
            "/quotes?country=KLD", "/actors?q=vel", "/actors?limit=2&offset=2",
            "/articles?limit=1&offset=1", "/quotes?limit=1", "/events?limit=1&offset=3",
            "/claims?limit=2", "/search?q=Merovia&limit=1&offset=1", "/?limit=1", "/docs"]


class Tags(HTMLParser):
    """Every start tag with its attributes, as the browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def assert_safe_page(html: str) -> None:
    """No script but ours, no event-handler or style attribute, no javascript: URL,
    no asset from another origin."""
    for tag, attrs in tags(html):
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}, attrs
        assert tag not in ("iframe", "object", "embed", "form") or tag == "form" and (
            attrs.get("action") or "").startswith("/"), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            assert name != "style", (tag, attrs)
            v = re.sub(r"\s", "", (value or "")).lower()
            assert not v.startswith(("javascript:", "vbscript:", "data:text")), (tag, attrs)
            if name in ("src", "href") and tag in ("script", "link", "img"):
                assert v.startswith(("/", "data:,")), (tag, attrs)
    assert "<script>" not in html


def test_every_page_renders_safely(client: TestClient, sample: Sample) -> None:
    for url in page_urls(sample):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        assert r.headers["content-security-policy"] == CSP
        assert_safe_page(r.text)


def test_pager_links(client: TestClient) -> None:
    html = client.get("/articles?limit=1&offset=1&outlet=").text
    hrefs = [a.get("href") for t, a in tags(html) if t == "a" and a.get("rel") in ("prev", "next")]
    assert hrefs == ["?limit=1&offset=0&outlet=", "?limit=1&offset=2&outlet="]


def test_hostile_article_is_escaped(client: TestClient, sample: Sample) -> None:
    html = client.get(f"/articles/{sample.hostile_article}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b onmouseover=alert(3)&gt;Evil Outlet&lt;/b&gt;" in html
    # A javascript: source URL is shown as text, never as a link.
    assert 'href="javascript' not in html and "javascript:alert(4)" in html
    listing = client.get("/articles").text
    assert "&lt;script&gt;alert(&#39;title&#39;)" in listing


def test_empty_database_pages(tmp_path: Path) -> None:
    app = create_app(tmp_path / "empty.duckdb")
    c = TestClient(app)
    try:
        for url in ["/", "/articles", "/events", "/claims", "/quotes", "/actors", "/search",
                    "/search?q=anything", "/ingest"]:
            r = c.get(url)
            assert r.status_code == 200, (url, r.text[:300])
            assert_safe_page(r.text)
        assert "No stories yet" in c.get("/").text
        assert "event stage has not run" in c.get("/events").text
        for url in ["/api/articles", "/api/events", "/api/claims", "/api/stories",
                    "/api/quotes", "/api/actors", "/api/search?q=x"]:
            assert c.get(url).json()["total"] == 0
        assert c.get("/api/timeline?a=IND&b=PAK").json()["items"] == []
        # MRV is no ISO code and not in this (empty) store: refused, not "nothing".
        assert c.get("/api/timeline?a=MRV&b=KLD").status_code == 422
    finally:
        app.state.store.close()


def test_missing_records_are_html_404s(client: TestClient) -> None:
    for url in ["/articles/nope", "/stories/nope", "/actors/nope", "/nowhere"]:
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "not found" in r.text and r.headers["content-security-policy"] == CSP
    bad = client.get("/articles?from=not-a-date")
    assert bad.status_code == 422 and "ISO date" in bad.text


# ---------------------------------------------------------------------- story page
def test_story_page_sections(client: TestClient, sample: Sample) -> None:
    html = client.get(f"/stories/{sample.story}").text
    charts = {t[1].get("data-chart"): t[1] for t in tags(html) if t[1].get("data-chart")}
    assert set(charts) == {"timeline", "dyad"}
    series = json.loads(charts["dyad"]["data-series"] or "[]")
    # Conflict and cooperation are separate series with their counts, never netted.
    assert [(d["date"], d["n_conflict"], d["conflict"], d["n_cooperation"], d["cooperation"])
            for d in series] == [("2025-04-02", 2, -18.5, 0, 0.0), ("2025-04-05", 0, 0.0, 1, 7.5)]
    assert "Escalation: Kaldoria ↔ Merovia" in html  # names, not codes
    contested, corroborated = html.index("Contested"), html.index("Corroborated")
    assert contested < html.index("Kaldoria shot down four Merovian jets") < corroborated
    assert corroborated < html.index("27 civilians were killed in the strikes")
    # The contested pair side by side: who says what, with outlet and date on each side.
    pair = html[contested:corroborated]
    assert pair.index("A: <b>Aziz Korhan</b> says") < pair.index("B: <b>Merovia</b> says")
    assert pair.count("The Kaldoria Observer</a>, 2025-04-02") >= 2
    assert "contested by:" not in pair
    for side in ("MRV", "KLD", "NVN"):
        assert f"<h4>{side} " in html
    assert "Free Lessara" in html and "<th>The Kaldoria Observer</th>" in html
    for e in sample.events:
        assert f"#ev-{e}" in html  # every event row links to its evidence


def test_event_page_groups_evidence_by_outlet(client: TestClient, sample: Sample) -> None:
    ev = client.get(f"/api/events/{sample.events[0]}").json()
    html = client.get(f"/events/{sample.events[0][:8]}").text  # a unique prefix works
    assert f"id {ev['id']}" in html
    outlets = {client.get(f"/api/articles/{x['article_id']}").json()["article"]["outlet"]
               for x in ev["evidence"]}
    for o in outlets:
        assert f"<h3>{o} " in html
    assert f"?layer=event#ev-{ev['id']}" in html
    assert client.get("/events/zzzzzzzz").status_code == 404


def test_article_page_opens_with_the_layer_asked_for(client: TestClient,
                                                     sample: Sample) -> None:
    a1 = sample.articles[0]

    def hidden(html: str) -> set[str]:
        cls = re.search(r'class="article-text ([^"]*)" id="text"', html)
        return set((cls.group(1) if cls else "").split())

    default = hidden(client.get(f"/articles/{a1}").text)
    assert "hide-event" not in default and "hide-quote" not in default
    assert {"hide-mention", "hide-place", "hide-claim"} <= default
    claims = hidden(client.get(f"/articles/{a1[:6]}?layer=claim").text)
    assert "hide-claim" not in claims and "hide-event" in claims
    bad = client.get(f"/articles/{a1}?layer=claims")
    assert bad.status_code == 422 and "did you mean" in bad.text


# -------------------------------------------------------------------- article page
def test_article_page_marks_every_item(client: TestClient, sample: Sample) -> None:
    a1 = sample.articles[0]
    html = client.get(f"/articles/{a1}").text
    d = client.get(f"/api/articles/{a1}").json()
    an = d["analysis"]
    ids = {t[1].get("id") for t in tags(html) if t[0] == "mark"}
    expected = {f"ev-{e['id']}" for e in an["events"] + d["events"]}
    expected |= {f"cl-{c['id']}" for c in an["claims"] + d["claims"]}
    expected |= {f"q-{q['id']}" for q in an["quotes"]}
    for prefix, kind in (("m", "mentions"), ("p", "places"), ("t", "times"), ("c", "counts")):
        expected |= {f"{prefix}-{x['span'][0]}-{x['span'][1]}" for x in an[kind]}
    assert expected <= ids
    # The marked text, tags stripped, is the article text.
    body = html.split('id="text">', 1)[1].split("</div>", 1)[0]
    assert unescape(re.sub(r"<[^>]+>", "", body)) == A1_TEXT


# ---------------------------------------------------------------------- highlighter
def _strip(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(("text", "marks", "expected"), [
    ("abc", [], "abc"),
    ("a<b>c", [Mark(1, 4, "quote", "q-1")],
     'a<mark class="hl hl-quote" data-kind="quote" id="q-1">&lt;b&gt;</mark>c'),
    # nested: the longer span is the outer element
    ("abcdef", [Mark(2, 3, "mention", "m"), Mark(0, 6, "event", "ev")],
     '<mark class="hl hl-event" data-kind="event" id="ev">ab<mark class="hl hl-mention" '
     'data-kind="mention" id="m">c</mark>def</mark>'),
    # overlapping: the inner one is closed and reopened without its id
    ("abcdef", [Mark(0, 4, "quote", "q"), Mark(2, 6, "place", "p")],
     '<mark class="hl hl-quote" data-kind="quote" id="q">ab<mark class="hl hl-place" '
     'data-kind="place" id="p">cd</mark></mark><mark class="hl hl-place hl-cont" '
     'data-kind="place">ef</mark>'),
    # empty, reversed, out-of-range and unknown-kind spans are dropped or clamped
    ("abc", [Mark(1, 1, "time"), Mark(2, 1, "time"), Mark(-5, 1, "count", "c"),
             Mark(0, 3, "script")],
     '<mark class="hl hl-count" data-kind="count" id="c">a</mark>bc'),
])
def test_highlight(text: str, marks: list[Mark], expected: str) -> None:
    assert str(highlight(text, marks)) == expected


def test_highlight_escapes_labels_and_anchors() -> None:
    out = str(highlight('<img src=x onerror=alert(1)>"', [
        Mark(0, 5, "quote", 'q"><script>', 'x" onmouseover="alert(1)')]))
    assert "<script" not in out and "<img" not in out
    assert [t for t, _ in tags(out)] == ["mark"]
    assert not any(k.startswith("on") for _, a in tags(out) for k in a)


def test_highlight_many_overlaps_keep_text_and_unique_ids() -> None:
    text = "0123456789" * 5
    marks = [Mark(i, i + w, k, f"{k}-{i}-{w}") for i in range(0, 45, 3)
             for w, k in ((4, "mention"), (7, "quote"), (11, "event"))]
    marks.append(Mark(10, 14, "mention", "mention-10-4"))  # a duplicate anchor
    out = str(highlight(text, marks))
    assert _strip(out) == text
    ids = [a["id"] for _, a in tags(out) if "id" in a]
    assert len(ids) == len(set(ids)) == len({m.anchor for m in marks})
    assert out.count("<mark") == out.count("</mark>")


def test_safe_url() -> None:
    from chronicler.web.deps import safe_url

    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil",
                "vbscript:x", "http://a\nb", None, 3]:
        assert safe_url(bad) is None


def test_mark_tokens_escapes() -> None:
    from chronicler.web.deps import mark_tokens

    out = str(mark_tokens("<b>Merovia</b> & merovian", ["merovia", "<b"]))
    assert out == ('<mark class="hit">&lt;b</mark>&gt;<mark class="hit">Merovia</mark>&lt;/b&gt; '
                   '&amp; <mark class="hit">merovia</mark>n')


def test_static_assets_are_local_and_typed(client: TestClient) -> None:
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    for risky in (r"\.(inner|outer)HTML\b", r"\beval\(", r"insertAdjacentHTML",
                  r"document\.write", r"https?://(?!www\.w3\.org/2000/svg)"):
        assert not re.search(risky, js.text), risky
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "url(" not in css.text and "@import" not in css.text


def test_list_pages_carry_what_the_new_marks_need(client: TestClient, sample: Sample) -> None:
    """Each list page names its API list and the database time it was made at (app.js
    marks what is new since the last visit from them), and every item its id."""
    pages = {"/": ("stories", [sample.story]), "/events": ("events", sample.events),
             "/claims": ("claims", sample.claims), "/articles": ("articles", sample.articles)}
    for path, (kind, ids) in pages.items():
        html = client.get(path).text
        notes = [a for t, a in tags(html) if "data-new-list" in a]
        assert len(notes) == 1 and notes[0]["data-new-list"] == kind, path
        now = notes[0]["data-now"] or ""
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?", now), (path, now)
        assert client.get(f"/api/{kind}", params={"since": now}).status_code == 200
        shown = {a["data-id"] for _, a in tags(html) if "data-id" in a}
        assert set(ids) <= shown, path
