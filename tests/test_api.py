"""The JSON API and the query layer over a small hand-built database
(:mod:`tests.fixtures.sample`): filters, pagination, 404s, the one error shape,
hostile search input, writes (token, origin, size caps, SSRF) and the OpenAPI snapshot."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronicler.config import Settings
from chronicler.errors import ConfigError
from chronicler.outputs import export
from chronicler.store import Store, open_store
from chronicler.views import query as Q
from chronicler.web.api_routes import safe_filename
from chronicler.web.app import create_app
from chronicler.web.security import CSP
from chronicler.web.serve import is_loopback, serve
from tests.fixtures.sample import ACTORS, Sample, build_sample

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sample]:
    path = tmp_path_factory.mktemp("api") / "sample.duckdb"
    with open_store(path) as store:
        sample = build_sample(store, hostile=True)
    return path, sample


@pytest.fixture(scope="module")
def store(sample_db: tuple[Path, Sample]) -> Iterator[Store]:
    with open_store(sample_db[0]) as st:
        yield st


@pytest.fixture(scope="module")
def sample(sample_db: tuple[Path, Sample]) -> Sample:
    return sample_db[1]


@pytest.fixture(scope="module")
def client(sample_db: tuple[Path, Sample], store: Store) -> TestClient:
    app = create_app(sample_db[0], store=store,
                     settings=Settings.from_env(db=sample_db[0], analyze=0))
    return TestClient(app)


def assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert {"code", "message", "status"} <= set(err) <= {"code", "message", "status", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


# ----------------------------------------------------------------------- pages of records
LISTS = ["/api/articles", "/api/events", "/api/quotes", "/api/claims", "/api/stories",
         "/api/actors", "/api/search?q=Merovia"]


@pytest.mark.parametrize("url", LISTS)
def test_list_shape_and_pagination(client: TestClient, url: str) -> None:
    sep = "&" if "?" in url else "?"
    full = client.get(url).json()
    assert set(full) == {"items", "total", "limit", "offset"}
    assert full["limit"] == 50 and full["offset"] == 0
    assert full["total"] == len(full["items"]) > 0
    one = client.get(f"{url}{sep}limit=1&offset={full['total'] - 1}").json()
    assert one["total"] == full["total"] and one["limit"] == 1
    assert one["items"] == full["items"][-1:]
    past = client.get(f"{url}{sep}limit=5&offset={full['total'] + 10}").json()
    assert past["items"] == [] and past["total"] == full["total"]


@pytest.mark.parametrize("query", ["limit=201", "limit=0", "limit=-1", "offset=-1",
                                   "limit=abc", "from=2025-13-01", "to=yesterday"])
def test_bad_page_parameters_are_422(client: TestClient, query: str) -> None:
    err = assert_error(client.get(f"/api/articles?{query}"), 422, "validation_error")
    assert err["details"]


def test_query_layer_clamps_page_size(store: Store) -> None:
    assert Q.clamp(10_000, -5) == (Q.MAX_LIMIT, 0)
    assert Q.clamp(None, None) == (Q.DEFAULT_LIMIT, 0)
    assert Q.list_articles(store, limit=999)["limit"] == Q.MAX_LIMIT


def _ids(r: Any) -> list[str]:
    assert r.status_code == 200, r.text
    return [x["id"] for x in r.json()["items"]]


def test_article_filters(client: TestClient, sample: Sample) -> None:
    a1, a2, a3, a4 = sample.articles
    assert _ids(client.get("/api/articles", params={"outlet": "The Merovia Herald"})) == [a1]
    assert set(_ids(client.get("/api/articles", params={"story": sample.story}))) == {a1, a2, a3,
                                                                                      a4}
    assert _ids(client.get("/api/articles", params={"from": "2025-04-04"})) == [a3, a4]
    assert sample.hostile_article in _ids(client.get("/api/articles",
                                                     params={"from": "2025-04-03",
                                                             "to": "2025-04-03"}))
    marsh = ACTORS["marsh"].id
    assert _ids(client.get("/api/articles", params={"actor": marsh})) == [a3, a4]
    assert set(_ids(client.get("/api/articles", params={"country": "NVN"}))) == {a3, a4}
    assert set(_ids(client.get("/api/articles", params={"type": "RETREAT"}))) == {a3}
    assert _ids(client.get("/api/articles", params={"outlet": "nobody"})) == []


def test_event_filters(client: TestClient, sample: Sample) -> None:
    strike, jets, request, truce = sample.events
    a1, a2, a3, _ = sample.articles
    assert set(_ids(client.get("/api/events"))) == set(sample.events)
    assert set(_ids(client.get("/api/events", params={"type": "ASSAULT"}))) == {strike, jets}
    assert set(_ids(client.get("/api/events", params={"country": "UNO"}))) == {request}
    assert set(_ids(client.get("/api/events", params={"country": "NVN"}))) == set()
    assert set(_ids(client.get("/api/events", params={"actor": ACTORS["un"].id}))) == {request}
    assert set(_ids(client.get("/api/events", params={"article": a2}))) == {strike, jets}
    assert set(_ids(client.get("/api/events",
                               params={"outlet": "Continental Press Agency"}))) == {truce}
    assert set(_ids(client.get("/api/events", params={"from": "2025-04-03"}))) == {truce}
    assert set(_ids(client.get("/api/events", params={"story": sample.story}))) == set(
        sample.events)
    ev = client.get(f"/api/events/{strike}").json()
    assert ev["kind"] == "event" and ev["n_sources"] == 2 and ev["score"] == -9.5


def test_quote_claim_story_actor_filters(client: TestClient, sample: Sample) -> None:
    quotes = client.get("/api/quotes", params={"country": "KLD"}).json()["items"]
    assert [q["speaker"]["name"] for q in quotes] == ["Aziz Korhan"]
    assert quotes[0]["quote_kind"] == "direct"  # a record's own kind is renamed, as export does
    assert client.get("/api/quotes", params={"actor": ACTORS["velic"].id}).json()["total"] == 2
    assert client.get("/api/quotes", params={"type": "indirect"}).json()["total"] == 0
    contested = client.get("/api/claims", params={"status": "contested"}).json()["items"]
    assert {c["text"] for c in contested} == {"Kaldoria shot down four Merovian jets",
                                              "Merovia lost no aircraft"}
    assert client.get("/api/claims", params={"type": "denial"}).json()["total"] == 1
    assert client.get("/api/claims", params={"outlet": "The Merovia Herald"}).json()["total"] == 1
    assert client.get("/api/stories", params={"outlet": "Lessara Voice"}).json()["total"] == 1
    assert client.get("/api/stories", params={"from": "2025-05-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"country": "NVN"}).json()["total"] == 1
    actors = client.get("/api/actors", params={"country": "KLD"}).json()["items"]
    assert {a["name"] for a in actors} == {"Kaldoria", "Aziz Korhan"}
    assert all(a["n_mentions"] > 0 for a in actors)
    assert [a["name"] for a in client.get("/api/actors", params={"q": "korh"}).json()[
        "items"]] == ["Aziz Korhan"]
    assert client.get("/api/actors", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/actors", params={"type": "ROBOT"}).status_code == 422


def test_details(client: TestClient, sample: Sample) -> None:
    a1 = sample.articles[0]
    d = client.get(f"/api/articles/{a1}").json()
    assert d["article"]["id"] == a1 and d["article"]["text"].startswith("Merovian jets")
    n = {k: len(v) for k, v in d["analysis"].items()}
    assert n["mentions"] >= 5 and n["quotes"] == 1 and n["events"] == 2 and n["claims"] == 1
    assert {e["id"] for e in d["events"]} == {sample.events[0], sample.events[2]}
    copy = client.get(f"/api/articles/{sample.articles[3]}").json()
    assert copy["original"]["id"] == sample.articles[2] and "text" not in copy["original"]
    s = client.get(f"/api/stories/{sample.story}").json()
    assert {k: len(v) for k, v in s["claims"].items()} == {"contested": 2, "corroborated": 1,
                                                            "single": 1}
    assert s["dyad"] == {"a": "KLD", "b": "MRV"}
    assert [d["score"] for d in s["dyad_timeline"]] == [-18.5, 7.5]  # the strikes, then the joint ceasefire
    assert {g["side"] for g in s["quotes"]["by_side"]} == {"MRV", "KLD", "NVN"}
    assert s["framing_table"]["outlets"] == ["Continental Press Agency",
                                             "The Kaldoria Observer", "The Merovia Herald"]
    act = client.get(f"/api/actors/{ACTORS['kld'].id}").json()
    assert act["n_mentions"] > 0 and act["n_events"] == 4 and act["articles"]
    claim = client.get(f"/api/claims/{sample.claims[1]}").json()
    assert [c["id"] for c in claim["contested_by"]] == [sample.claims[2]]


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/stories/nope", "/api/actors/nope",
                                 "/api/events/nope", "/api/claims/nope", "/api/ingest/nope",
                                 "/api/nothing-here", "/static/nothing.js"])
def test_404_shape(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404, "not_found")


def test_405_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/articles"), 405, "method_not_allowed")


def test_500_shape_and_headers(sample_db: tuple[Path, Sample], store: Store,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Q, "list_articles", boom)
    c = TestClient(create_app(sample_db[0], store=store))
    r = c.get("/api/articles")
    err = assert_error(r, 500, "internal_error")
    assert "secret" not in err["message"]
    assert r.headers["content-security-policy"] == CSP


def test_timeline(client: TestClient) -> None:
    both = client.get("/api/timeline", params={"a": "MRV", "b": "KLD"}).json()
    assert set(both) == {"items", "total", "limit", "offset"}
    # Undirected by default (as in the CLI and the Python API): a row per direction.
    # The ceasefire has both sides as actors and no recipient: a joint event, counted
    # once for the pair (directed: in either direction asked).
    assert [(d["date"], d["actor"], d["recipient"], d["n_events"], d["score_sum"])
            for d in both["items"]] == [("2025-04-02", "KLD", "MRV", 1, -9.0),
                                        ("2025-04-02", "MRV", "KLD", 1, -9.5),
                                        ("2025-04-05", "MRV", "KLD", 1, 7.5)]
    # Conflict and cooperation are counted apart, never netted.
    ceasefire = both["items"][2]
    assert (ceasefire["n_cooperation"], ceasefire["cooperation_sum"],
            ceasefire["n_conflict"]) == (1, 7.5, 0)
    one = client.get("/api/timeline", params={"a": "MRV", "b": "KLD", "directed": "true"}).json()
    assert sum(r["n_events"] for r in one["items"]) == 2
    assert sum(r["score_sum"] for r in one["items"]) == -2.0
    back = client.get("/api/timeline", params={"a": "KLD", "b": "MRV", "directed": True}).json()
    assert sum(r["score_sum"] for r in back["items"]) == -1.5
    # Names work where codes do; an unknown country is refused with a suggestion.
    named = client.get("/api/timeline", params={"a": "merovia", "b": "Kaldoria"}).json()
    assert named == both
    err = assert_error(client.get("/api/timeline", params={"a": "Merovai", "b": "KLD"}), 422)
    assert "Merovia" in err["message"]
    assert_error(client.get("/api/timeline", params={"a": "MRV"}), 422)


# ------------------------------------------------------------------------------ search
HOSTILE = ["multi-agent", "%", "_", "'", "''", "--", "OR 1=1", "' OR '1'='1", '"', '""',
           "\\", "a%b", "%_%", "x' ; DROP TABLE articles; --", "*", "NEAR(a b)", "title:x",
           "(", ")", "AND", "\x00", "é ü 中文", "<script>alert(1)</script>"]


@pytest.mark.parametrize("q", HOSTILE)
def test_search_hostile_input_is_harmless(client: TestClient, store: Store, q: str) -> None:
    before = store.count("articles")
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    page = r.json()
    assert store.count("articles") == before
    # Nothing matches more than the texts that really contain the characters.
    for hit in page["items"]:
        body = (hit["text"] or "") + " " + (hit["title"] or "") + " " + hit["snippet"]
        if hit["kind"] == "article":
            art = client.get(f"/api/articles/{hit['id']}").json()["article"]
            body = (art["title"] or "") + " " + art["text"]
        for tok in Q.tokens(q):
            assert tok.lower() in body.lower(), (q, hit)


def test_search_matches_literally(client: TestClient, sample: Sample) -> None:
    def kinds(q: str) -> list[tuple[str, str]]:
        return [(h["kind"], h["id"]) for h in client.get("/api/search", params={"q": q}).json()[
            "items"]]

    assert kinds("OR 1=1") == [("article", sample.hostile_article)]
    assert kinds("100%") == [("article", sample.hostile_article)]
    assert kinds("_done_") == [("article", sample.hostile_article)]
    assert kinds("%") == [("article", sample.hostile_article)]
    assert kinds("nothing-like-this") == []
    assert ("claim", sample.claims[0]) in kinds("27 civilians")
    assert kinds('"maximum restraint"') == [("article", sample.articles[0])]
    assert kinds('"restraint maximum"') == []
    quote_hits = client.get("/api/search", params={"q": "guns", "kind": "quote"}).json()
    assert [h["kind"] for h in quote_hits["items"]] == ["quote", "quote"]  # original + copy
    assert client.get("/api/search", params={"q": ""}).json()["total"] == 0
    assert_error(client.get("/api/search", params={"q": "x" * 201}), 422)


def test_like_pattern_escapes_wildcards() -> None:
    assert Q.like_pattern("100%") == "%100\\%%"
    assert Q.like_pattern("a_b\\") == "%a\\_b\\\\%"
    assert Q.tokens('  "iron lantern" strike  ') == ["iron lantern", "strike"]
    assert len(Q.tokens("w " * 100)) == Q.MAX_QUERY_TOKENS


# ------------------------------------------------------------------ export-contract shape
def test_items_are_the_export_records(client: TestClient, store: Store) -> None:
    exported = {r["id"]: r for r in export.article_records(store)}
    for a in client.get("/api/articles", params={"limit": 200}).json()["items"]:
        assert a == exported[a["id"]]
    quotes = {r["id"]: r for r in export.quote_records(store)}
    for q in client.get("/api/quotes", params={"limit": 200}).json()["items"]:
        assert q == quotes[q["id"]]
    actors = {r["id"]: r for r in export.actor_records(store)}
    for a in client.get("/api/actors", params={"limit": 200}).json()["items"]:
        assert {k: v for k, v in a.items() if k != "n_mentions"} == actors[a["id"]]


# --------------------------------------------------------------------------- headers
@pytest.mark.parametrize("url", ["/api/articles", "/api/nope", "/", "/static/app.js",
                                 "/static/style.css", "/openapi.json"])
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_api_docs_page_is_local(client: TestClient) -> None:
    """/docs is our own page rendered from the schema: no CDN, no inline script."""
    r = client.get("/docs")
    assert r.status_code == 200 and "/api/timeline" in r.text and "<code>limit</code>" in r.text
    assert "cdn" not in r.text.lower() and r.text.count("<script") == 1
    assert client.get("/redoc").status_code == 404


# ---------------------------------------------------------------------------- writes
@pytest.fixture()
def apps() -> Iterator[list[Any]]:
    """Apps a test creates, closed afterwards (each holds a DuckDB connection)."""
    made: list[Any] = []
    yield made
    for app in made:
        for job in list(app.state.jobs._jobs):
            app.state.jobs.wait(job, 60)
        app.state.store.close()


@pytest.fixture()
def write_app(tmp_path: Path, apps: list[Any]) -> Any:
    def make(**kw: Any) -> TestClient:
        db = tmp_path / "w.duckdb"
        app = create_app(db, settings=Settings.from_env(db=db, analyze=0), **kw)
        apps.append(app)
        return TestClient(app)
    return make


def _files(n: int = 1, size: int = 200) -> list[tuple[str, tuple[str, io.BytesIO, str]]]:
    def body(i: int) -> bytes:
        text = f"Report {i}: " + "Merovia and Kaldoria exchanged fire on Tuesday. " * (size // 40)
        return text[:size].encode()

    return [("files", (f"../../etc/report {i}.txt", io.BytesIO(body(i)), "text/plain"))
            for i in range(n)]


def test_upload_ingests_in_background(write_app: Any) -> None:
    c = write_app()
    r = c.post("/api/ingest", files=_files(2, 2000))
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["state"] in ("queued", "running", "done")
    assert job["inputs"] == ["report_0.txt", "report_1.txt"]  # no directories kept
    done = c.app.state.jobs.wait(job["id"], 60)  # type: ignore[attr-defined]
    assert done.state == "done", done.message
    status = c.get(f"/api/ingest/{job['id']}").json()
    assert status["state"] == "done" and status["summary"]["stored"] == 2
    assert status["docs"] == 2 and status["finished_at"] >= status["started_at"]
    arts = c.get("/api/articles").json()["items"]
    assert sorted(a["text"][:9] for a in arts) == ["Report 0:", "Report 1:"]
    # The uploads' temporary directory is gone once the job is done.
    assert not any(Path(a["source_path"]).exists() for a in arts)


def test_url_ingest_goes_through_the_ssrf_guard(write_app: Any) -> None:
    c = write_app()
    r = c.post("/api/ingest", data={"url": "http://127.0.0.1:9/feed.xml"})
    assert r.status_code == 202, r.text
    done = c.app.state.jobs.wait(r.json()["id"], 60)  # type: ignore[attr-defined]
    assert done.state == "done"
    assert [e["reason"] for e in done.errors] == ["ssrf-blocked"]
    assert_error(c.post("/api/ingest", data={"url": "file:///etc/passwd"}), 422)
    assert_error(c.post("/api/ingest", data={"url": ""}), 422)


def test_busy_is_409(write_app: Any) -> None:
    c = write_app()
    jobs = c.app.state.jobs  # type: ignore[attr-defined]
    from chronicler.web.jobs import Job

    jobs._jobs["x"] = Job(id="x", inputs=[], paths=[], state="running")
    assert_error(c.post("/api/ingest", files=_files()), 409, "conflict")


def test_token_required_for_writes_when_set(write_app: Any) -> None:
    c = write_app(token="s3cret")
    err = assert_error(c.post("/api/ingest", files=_files()), 401, "unauthorized")
    assert "token" in err["message"]
    assert_error(c.post("/api/ingest", files=_files(), headers={"Authorization": "Bearer nope"}),
                 403, "forbidden")
    ok = c.post("/api/ingest", files=_files(), headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 202
    c.app.state.jobs.wait(ok.json()["id"], 60)  # type: ignore[attr-defined]
    assert c.get("/api/articles").status_code == 200  # reads need no token


def test_cross_site_writes_refused(write_app: Any) -> None:
    c = write_app()
    assert_error(c.post("/api/ingest", files=_files(), headers={"Origin": "https://evil.example"}),
                 403, "cross_origin")
    assert_error(c.post("/api/ingest", files=_files(), headers={"Sec-Fetch-Site": "cross-site"}),
                 403, "cross_origin")
    assert_error(c.post("/api/ingest", files=_files(), headers={"Origin": "null"}), 403)


def test_upload_size_capped(write_app: Any) -> None:
    c = write_app(max_body=10_000)
    assert_error(c.post("/api/ingest", files=_files(1, 50_000)), 413, "too_large")

    def chunks() -> Any:  # no Content-Length: the cap applies while reading
        boundary = b"--xyz\r\n"
        yield boundary + b'Content-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
        for _ in range(20):
            yield b"x" * 1000
        yield b"\r\n--xyz--\r\n"

    r = c.post("/api/ingest", content=chunks(),
               headers={"Content-Type": "multipart/form-data; boundary=xyz"})
    assert_error(r, 413, "too_large")


def test_per_file_cap(tmp_path: Path, apps: list[Any]) -> None:
    db = tmp_path / "f.duckdb"
    apps.append(create_app(db, settings=Settings.from_env(db=db, analyze=0,
                                                          max_input_bytes=1000)))
    c = TestClient(apps[-1])
    assert_error(c.post("/api/ingest", files=_files(1, 1500)), 413, "too_large")


def test_host_guard(tmp_path: Path, apps: list[Any]) -> None:
    apps.append(create_app(tmp_path / "h.duckdb", allowed_hosts=["127.0.0.1", "localhost"]))
    c = TestClient(apps[-1], base_url="http://127.0.0.1:8000")
    assert c.get("/api/articles").status_code == 200
    assert_error(c.get("/api/articles", headers={"Host": "evil.example"}), 400, "bad_host")


@pytest.mark.parametrize(("name", "expected"), [
    ("report.txt", "report.txt"), ("../../etc/passwd", "passwd"), ("a b/c d.html", "c_d.html"),
    ("..", "upload"), ("C:\\x\\feed.xml", "feed.xml"), ("<script>.rss", "script_.rss"),
])
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name, set()) == expected


def test_safe_filename_unique() -> None:
    taken: set[str] = set()
    assert [safe_filename("a.txt", taken) for _ in range(3)] == ["a.txt", "a-1.txt", "a-2.txt"]


@pytest.mark.parametrize(("host", "loop"), [("127.0.0.1", True), ("localhost", True),
                                            ("::1", True), ("0.0.0.0", False),
                                            ("192.168.1.4", False), ("example.org", False)])
def test_is_loopback(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_serve_refuses_public_host_without_token(tmp_path: Path) -> None:
    # Refused before anything is opened or bound.
    with pytest.raises(ConfigError, match="token"):
        serve(tmp_path / "x.duckdb", host="0.0.0.0", port=0)


# --------------------------------------------------------------------------- openapi
def test_openapi_snapshot(client: TestClient) -> None:
    """The API contract: regenerate with UPDATE_SNAPSHOTS=1 after a deliberate change."""
    schema = client.get("/openapi.json").json()
    text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), (
        "the OpenAPI schema changed: review it, then run UPDATE_SNAPSHOTS=1 pytest "
        "tests/test_api.py::test_openapi_snapshot")


def test_every_documented_path_declares_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for status in ("404", "422", "500"):
                ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (method, path, status)
