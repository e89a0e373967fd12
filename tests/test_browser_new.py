"""The web UI marks what is new since a list page was last opened (issue 17 item 4):
the first visit marks nothing; an article stored afterwards (its event, its quotes, the
article itself) gets a "new" badge on the next visit, its hostile title stays text;
the visit after that marks nothing again. Headless Chromium over the sample database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronicler.config import Settings
from chronicler.records import Article, Event, EventActor, Evidence, content_id
from chronicler.store import open_store
from chronicler.web.app import create_app
from chronicler.web.serve import serve_in_thread
from tests.test_browser import CHROMIUM, Watched, chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]

NEW_TEXT = ("Norvane sent forty tonnes of medical aid to Tirvan on April 9, officials said. "
            "\"The guns will fall silent tonight,\" said Norvane's envoy Lena Marsh. Kaldoria "
            "thanked Norvane for the help.")
NEW_TITLE = "Aid reaches Tirvan <img src=x onerror=alert(7)>"


def _arrive(store: object) -> tuple[str, str]:
    """A new article with one event and its per-article records, as a watch cycle
    stores them; returns (article id, event id)."""
    from chronicler.store import Store
    from tests.fixtures.sample import _analysis

    assert isinstance(store, Store)
    aid = content_id("sample", "new-aid")
    art = Article(id=aid, title=NEW_TITLE, outlet="Norvane Daily", published=dt.date(2025, 4, 9),
                  language="en", source_path="sample/new.txt", text=NEW_TEXT, source_kind="txt",
                  text_hash=content_id(NEW_TEXT), n_words=len(NEW_TEXT.split()))
    s = NEW_TEXT.index("Norvane sent")
    e = NEW_TEXT.index("said.") + len("said.")
    event = Event(id=content_id("ev", "aid"), type="AID", actor=[EventActor(
        name="Norvane", country="NVN")], recipient=[EventActor(name="Kaldoria", country="KLD")],
        date=dt.date(2025, 4, 9), date_precision="day", score=7.0,
        evidence=[Evidence(article_id=aid, text=NEW_TEXT[s:e], span=(s, e))], article_ids=[aid])
    with store.transaction():
        store.insert_articles([art], [None], "sample")
        store.write_analyses([_analysis(aid, NEW_TEXT, [event], [])])
        store.replace_all("events", [*store.json_records("events"), event])
    return aid, event.id


def _badged(w: Watched) -> list[str]:
    """The data-id of every item marked new, once the page's check has answered."""
    w.page.wait_for_load_state("networkidle")
    loc = w.page.locator("[data-id].is-new")
    return sorted(loc.nth(i).get_attribute("data-id") or "" for i in range(loc.count()))


def test_new_since_last_visit_is_marked(tmp_path: Path) -> None:
    from tests.fixtures.sample import build_sample

    db = tmp_path / "sample.duckdb"
    with open_store(db) as store:
        build_sample(store, hostile=True)
        app = create_app(db, store=store, settings=Settings.from_env(db=db, analyze=0))
        with serve_in_thread(app) as url, chromium() as browser:
            w = Watched(browser, url)
            try:
                pages = ("/events", "/articles", "/quotes", "/")
                for path in pages:  # the first visit: nothing is new yet
                    w.open(path)
                    assert _badged(w) == [], path
                    assert w.page.locator(".new-note").is_hidden()
                aid, eid = _arrive(store)
                w.open("/events")
                assert _badged(w) == [eid]
                badge = w.page.locator(f"tr[data-id='{eid}'] .badge-new")
                assert badge.inner_text() == "new"
                assert "1 new on this page" in w.page.locator(".new-note").inner_text()
                w.open("/articles")
                assert _badged(w) == [aid]
                # the hostile title is shown as text, not markup
                assert NEW_TITLE in w.page.locator(f"tr[data-id='{aid}']").inner_text()
                assert w.page.locator(f"tr[data-id='{aid}'] img").count() == 0
                w.open("/quotes")
                new_quotes = _badged(w)
                with_quotes = store.conn.execute(
                    "SELECT id FROM quotes WHERE article_id = ? ORDER BY id", [aid]).fetchall()
                assert new_quotes == [q for (q,) in with_quotes] and new_quotes
                w.open("/events")  # the visit after: nothing new since the last one
                assert _badged(w) == []
                assert w.problems == []
            finally:
                w.close()
