"""`since` on every REST list and /api/live/new: what articles stored after a moment
brought in (issue 17), on the sample database with one article made "new"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronicler.config import Settings
from chronicler.store import Store, open_store
from chronicler.web.app import create_app
from tests.fixtures.sample import build_sample

OLD, CUT = "2020-01-01 00:00:00", "2021-01-01T00:00:00"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, Store]]:
    db = tmp_path_factory.mktemp("since") / "s.duckdb"
    store = open_store(db)
    build_sample(store)
    ids = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM quotes ORDER BY article_id").fetchall()]
    new = ids[0]  # an article with quotes, hence with something in most lists
    store.conn.execute("UPDATE articles SET ingested_at = ?", [OLD])
    store.conn.execute("UPDATE articles SET ingested_at = current_timestamp WHERE id = ?", [new])
    app = create_app(db, store=store, settings=Settings.from_env(db=db, analyze=0))
    yield TestClient(app), new, store
    store.close()


def _items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(path, params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_since_keeps_what_new_articles_brought(setup: tuple[TestClient, str, Store]) -> None:
    client, new, _ = setup
    assert [a["id"] for a in _items(client, "/api/articles", since=CUT)] == [new]
    # Records of the new article: the same as asking by article.
    for kind in ("events", "quotes", "claims"):
        by_article = {x["id"] for x in _items(client, f"/api/{kind}", article=new)}
        assert {x["id"] for x in _items(client, f"/api/{kind}", since=CUT)} == by_article
    assert {x["id"] for x in _items(client, "/api/quotes", since=CUT)}  # not vacuous
    assert {x["id"] for x in _items(client, "/api/actors", since=CUT)} == {
        x["id"] for x in _items(client, "/api/actors", article=new)}
    stories = _items(client, "/api/stories", since=CUT)
    assert all(new in s["article_ids"] for s in stories)
    everything = _items(client, "/api/articles")
    assert len(everything) > 1
    # Later than everything: nothing; an offset-aware time is read as UTC.
    assert _items(client, "/api/articles", since="2999-01-01T00:00:00+02:00") == []
    assert _items(client, "/api/events", since="2999-01-01T00:00:00") == []


def test_live_new_pages_forward(setup: tuple[TestClient, str, Store]) -> None:
    client, new, _ = setup
    first = client.get("/api/live/new", params={"since": CUT}).json()
    assert [i["id"] for i in first["items"]] == [new] and first["now"]
    events = first["items"][0]["events"]
    assert events and all(e["evidence"][0]["article_id"] == new for e in events)
    again = client.get("/api/live/new", params={"since": first["next_since"]}).json()
    assert again["items"] == []


def test_since_must_be_a_time(setup: tuple[TestClient, str, Store]) -> None:
    client, _, _ = setup
    assert client.get("/api/articles", params={"since": "yesterday"}).status_code == 422


def test_since_in_the_python_api(setup: tuple[TestClient, str, Store]) -> None:
    import datetime as dt

    from chronicler import api

    _, new, store = setup
    page = api.page("article", store, since=dt.datetime(2021, 1, 1))
    assert [a["id"] for a in page["items"]] == [new]
    assert Path(store.path).exists()
