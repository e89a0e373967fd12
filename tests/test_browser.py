"""The web UI in headless Chromium over the demo corpus, ingested by the real pipeline:
every page opens without errors, CSP violations or requests to another origin; a click
goes from a story to an event to its highlighted evidence in the article; the charts,
highlight toggles and the ingest form work; screenshots go to tests/artifacts/.

Until the event and story stages land, the demo database has no stories: the fixture
then adds one story (and, without events, a few events whose evidence is a real
sentence of a demo article) so the click-through is exercised either way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from chronicler import api
from chronicler.config import Settings
from chronicler.demo import CORPUS_DIR
from chronicler.ingest import sandbox
from chronicler.records import Event, EventActor, Evidence, Story, content_id
from chronicler.store import Store, open_store
from chronicler.web.app import create_app
from chronicler.web.serve import serve_in_thread

CHROMIUM = Path(os.environ.get("CHRONICLER_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


# ------------------------------------------------------------------------- fixtures
def _sentence(text: str, pattern: str) -> tuple[int, int] | None:
    m = re.search(pattern, text)
    if not m:
        return None
    start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1, 0)
    end = min([i + 1 for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
              or [len(text)])
    return start, end


def _scaffold_events(store: Store) -> list[Event]:
    """A few events on real sentences of demo articles (used only while the event stage
    has not landed)."""
    mrv = EventActor(name="Merovia", country="MRV", sector="GOV")
    kld = EventActor(name="Kaldoria", country="KLD", sector="GOV")
    wanted = [("Merovia strikes eleven sites", r"struck|strikes", "ASSAULT", [mrv], [kld], -9.5),
              ("Operation Steel Wall", r"strike|struck", "ASSAULT", [kld], [mrv], -9.5),
              ("agree to ceasefire", r"ceasefire", "RETREAT", [mrv, kld], [], 7.5)]
    events = []
    arts = store.articles()
    for title, pattern, etype, actor, recipient, score in wanted:
        art = next((a for a in arts if title in (a.title or "") and not a.duplicate_of), None)
        span = _sentence(art.text, pattern) if art else None
        if art is None or span is None:
            continue
        events.append(Event(
            id=content_id("scaffold", art.id, etype), type=etype, actor=actor,
            recipient=recipient, date=art.published, date_precision="day", score=score,
            evidence=[Evidence(article_id=art.id, text=art.text[span[0]:span[1]], span=span)],
            article_ids=[art.id]))
    return events


def _ensure_story(store: Store) -> None:
    if store.count("stories"):
        return
    events: list[Event] = store.json_records("events", limit=200)
    if not events:
        events = _scaffold_events(store)
        store.replace_all("events", events)
    arts = [a for a in store.articles() if not a.duplicate_of]
    dates = [e.date for e in events if e.date]
    store.replace_all("stories", [Story(
        id=content_id("scaffold-story"), title="Merovia–Kaldoria crisis (demo corpus)",
        article_ids=[a.id for a in store.articles()], event_ids=[e.id for e in events],
        start=min(dates) if dates else None, end=max(dates) if dates else None,
        outlets=sorted({a.outlet for a in arts if a.outlet}))])


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Path]]:
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    with open_store(db) as store:
        api.ingest([str(CORPUS_DIR)], store=store,
                   settings=Settings.from_env(db=db, analyze=1))
        _ensure_story(store)
        yield store, db


@pytest.fixture(scope="module")
def base_url(demo_store: tuple[Store, Path]) -> Iterator[str]:
    store, db = demo_store
    app = create_app(db, store=store, settings=Settings.from_env(db=db, analyze=1))
    with serve_in_thread(app) as url:
        yield url


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium through Playwright.

    The ingest's HTML sandbox forks a worker process; a worker forked while the
    Playwright driver runs holds the driver's pipes, and the driver then never sees
    them close: stopping Playwright would hang forever. So the worker is stopped first.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
            sandbox.shutdown()


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:  # after the demo ingest: see chromium()
    with chromium() as b:
        yield b


class Watched:
    """A page plus what went wrong on it: console errors, page errors, CSP violations
    and requests leaving the server's origin."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 860})
        self.page = self.context.new_page()
        self.base = base
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: r.url.startswith((base, "data:")) or
                     self.problems.append(f"external request: {r.url}"))

    def open(self, path: str) -> Any:
        resp = self.page.goto(self.base + path)
        assert resp is not None and resp.status == 200, (path, resp and resp.status)
        self.page.wait_for_load_state("load")
        return resp

    def shot(self, name: str, height: int = 860) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.set_viewport_size({"width": 1280, "height": height})
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        self.page.set_viewport_size({"width": 1280, "height": 860})

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    w = Watched(browser, base_url)
    yield w
    w.close()
    assert w.problems == []


def _first(store: Store, sql: str) -> str:
    row = store.conn.execute(sql).fetchone()
    assert row is not None, sql
    return str(row[0])


# ----------------------------------------------------------------------------- tests
def test_every_page_opens(watched: Watched, demo_store: tuple[Store, Path]) -> None:
    store, _ = demo_store
    story = _first(store, "SELECT id FROM stories ORDER BY id")
    article = _first(store, "SELECT id FROM articles WHERE duplicate_of IS NULL "
                            "ORDER BY published NULLS LAST, id LIMIT 1")
    actor = _first(store, "SELECT actor_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, 1")
    pages = {"index": "/", "story": f"/stories/{story}", "articles": "/articles",
             "article-plain": f"/articles/{article}", "actors": "/actors",
             "actor": f"/actors/{actor}", "events": "/events", "claims": "/claims",
             "quotes": "/quotes", "search": "/search?q=ceasefire", "ingest": "/ingest"}
    for name, path in pages.items():
        watched.open(path)
        assert watched.page.locator("h1").first.is_visible(), name
        if name in ("index", "actor", "search", "events"):
            watched.shot(name)
    watched.open("/search?q=ceasefire")
    assert watched.page.locator("li.hit").count() > 0
    assert watched.page.locator("mark.hit").count() > 0


def test_story_to_event_to_evidence(watched: Watched, demo_store: tuple[Store, Path]) -> None:
    store, _ = demo_store
    # The story with the most events makes the best screenshot.
    story = _first(store, "SELECT id FROM stories ORDER BY json_array_length(payload, "
                          "'$.event_ids') DESC, id LIMIT 1")
    page = watched.page
    watched.open("/")
    page.locator(f"ul.stories a[href='/stories/{story}']").click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator(".chart svg").count() >= 1  # drawn by app.js from data- attributes
    assert page.locator(".chart svg rect.bar").count() > 0
    watched.shot("story", height=1100)
    link = page.locator("table.events a.evidence-link").first
    href = link.get_attribute("href") or ""
    event_id = href.split("#ev-", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r"/articles/.*#ev-"))
    evidence = page.locator(f"[id='ev-{event_id}']")
    assert evidence.count() == 1
    assert evidence.is_visible()
    assert "hl-event" in (evidence.get_attribute("class") or "")
    assert page.evaluate("document.querySelector(':target') && document.querySelector("
                         "':target').id") == f"ev-{event_id}"
    box = evidence.bounding_box()
    assert box is not None and 0 <= box["y"] < 860  # scrolled into view
    watched.shot("article")


def test_highlight_toggles(watched: Watched, demo_store: tuple[Store, Path]) -> None:
    store, _ = demo_store
    article = _first(store, "SELECT article_id FROM mentions GROUP BY 1 "
                            "ORDER BY count(*) DESC, 1 LIMIT 1")
    watched.open(f"/articles/{article}")
    page = watched.page
    assert page.locator("#text mark.hl-mention").count() > 0
    page.locator("input[data-kind='mention']").uncheck()
    assert "hide-mention" in (page.locator("#text").get_attribute("class") or "")
    page.locator("input[data-kind='mention']").check()
    assert "hide-mention" not in (page.locator("#text").get_attribute("class") or "")


def test_ingest_form_uploads_and_reports_progress(watched: Watched, tmp_path: Path) -> None:
    report = tmp_path / "dispatch.txt"
    report.write_text("VARSK, April 9 (Test Wire) - Merovia and Kaldoria reopened the "
                      "border crossing at Kovasi on Wednesday, officials said. \"Trade "
                      "will resume tomorrow,\" said a Merovian customs official.\n",
                      encoding="utf-8")
    watched.open("/ingest")
    page = watched.page
    page.locator("input[type=file]").set_input_files(str(report))
    page.locator("form[data-ingest] button").click()
    page.locator("#job [data-field='state']").filter(has_text="done").wait_for(timeout=60_000)
    assert page.locator("#job dd").nth(1).inner_text() == "1"  # stored
    watched.shot("ingest")


# ------------------------------------------------------- the sample store (issue 16)
@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[tuple[str, Any]]:
    from tests.fixtures.sample import build_sample

    db = tmp_path_factory.mktemp("browser-sample") / "sample.duckdb"
    with open_store(db) as store:
        sample = build_sample(store)
        app = create_app(db, store=store, settings=Settings.from_env(db=db, analyze=0))
        with serve_in_thread(app) as url:
            yield url, sample


def _boxes(page: Any, selector: str) -> list[dict[str, float]]:
    return [b for b in (page.locator(selector).nth(i).bounding_box()
                        for i in range(page.locator(selector).count())) if b]


def test_escalation_chart_diverges(browser: Any, sample_url: tuple[str, Any]) -> None:
    """Conflict below the zero line, cooperation above, counts on the bars, and date
    labels that do not overlap."""
    url, sample = sample_url
    w = Watched(browser, url)
    try:
        w.open(f"/stories/{sample.story}")
        page = w.page
        chart = "[data-chart='dyad'] svg"
        zero = _boxes(page, f"{chart} line.zero")[0]["y"]
        neg = _boxes(page, f"{chart} rect.bar.neg:has(title)")  # not the legend
        pos = _boxes(page, f"{chart} rect.bar.pos:has(title)")
        assert len(neg) == 1 and len(pos) == 1  # the strikes day, the ceasefire day
        assert neg[0]["y"] >= zero - 1 and pos[0]["y"] + pos[0]["height"] <= zero + 1
        counts = page.locator(f"{chart} text.count").all_text_contents()
        assert sorted(counts) == ["1", "2"]  # two strikes, one ceasefire
        labels = _boxes(page, f"{chart} text.xlabel")
        xs = sorted((b["x"], b["x"] + b["width"]) for b in labels)
        assert len(xs) >= 2 and all(a[1] <= b[0] for a, b in zip(xs, xs[1:], strict=False))
        assert "Kaldoria ↔ Merovia" in page.locator("#escalation h2").inner_text()
        w.page.locator("#escalation").scroll_into_view_if_needed()
        w.shot("story-escalation", height=1000)
        assert w.problems == []
    finally:
        w.close()


def test_contested_claims_side_by_side(browser: Any, sample_url: tuple[str, Any]) -> None:
    url, sample = sample_url
    w = Watched(browser, url)
    try:
        w.open(f"/stories/{sample.story}")
        pair = w.page.locator(".contested-pair").first
        cards = _boxes(w.page, ".contested-pair >> nth=0 >> .side-card")
        assert len(cards) == 2
        a, b = cards
        assert abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"]  # side by side
        text = pair.inner_text()
        assert "A: Aziz Korhan says" in text and "B: Merovia says" in text
        assert text.count("The Kaldoria Observer, 2025-04-02") == 2
        pair.scroll_into_view_if_needed()
        w.shot("contested")
        assert w.problems == []
    finally:
        w.close()


def test_event_page_to_article_layer(browser: Any, sample_url: tuple[str, Any]) -> None:
    url, sample = sample_url
    w = Watched(browser, url)
    try:
        w.open(f"/events/{sample.events[0][:8]}")
        page = w.page
        assert page.locator(".outlet-group h3").count() >= 1
        w.shot("event")
        page.locator(".outlet-group a").first.click()
        page.wait_for_url(re.compile(r"/articles/.*\?layer=event#ev-"))
        text_cls = page.locator("#text").get_attribute("class") or ""
        assert "hide-event" not in text_cls and "hide-mention" in text_cls
        assert page.locator("input[data-kind='event']").is_checked()
        assert not page.locator("input[data-kind='mention']").is_checked()
        assert w.problems == []
    finally:
        w.close()
