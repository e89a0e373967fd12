"""`chronicler watch` against a small site on 127.0.0.1 (feeds, a sitemap, robots.txt).

Every test is bounded in time and talks to loopback only (``allow_private``)."""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chronicler.config import Settings
from chronicler.store import open_store
from chronicler.store import sources as st
from chronicler.watch import Source, Watcher, WatchOptions
from chronicler.watch.polite import backoff_s
from chronicler.watch.sitemap import parse_sitemap

WORDS = ("ministers met in the capital on Tuesday to discuss the border crossing and the "
         "supply of water to the villages along the river, officials said. ")


def story(n: int, topic: str) -> str:
    """An article body long enough to be an article, different per ``n``."""
    return " ".join(f"Report {n} on {topic}, paragraph {i}: {WORDS * 3}" for i in range(4))


@dataclass
class Resp:
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True  # answer If-None-Match with 304


class FakeSite:
    """A threaded HTTP server whose answers the test sets per path (a Resp, or a
    callable giving one per request); every request is logged."""

    def __init__(self) -> None:
        self.routes: dict[str, Resp | Callable[[], Resp]] = {}
        self.log: list[tuple[str, int]] = []
        self.delay: dict[str, float] = {}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                time.sleep(site.delay.get(self.path, 0.0))
                route = site.routes.get(self.path)
                r = route() if callable(route) else route
                if r is None:
                    r = Resp(404, b"not found", "text/plain")
                tag = '"' + hashlib.sha1(r.body).hexdigest()[:12] + '"'
                status = r.status
                if r.etag and status == 200 and self.headers.get("If-None-Match") == tag:
                    status = 304
                site.log.append((self.path, status))
                self.send_response(status)
                if r.etag and r.status == 200:
                    self.send_header("ETag", tag)
                for k, v in r.headers.items():
                    self.send_header(k, v)
                body = b"" if status == 304 else r.body
                self.send_header("Content-Type", r.ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def hits(self, path: str) -> list[int]:
        return [s for p, s in self.log if p == path]


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Border Times") -> bytes:
    """An RSS feed of (slug, title, body) items with full text in content:encoded."""
    parts = [f"<item><title>{t}</title><link>{base}/a/{slug}</link><guid>{slug}</guid>"
             f"<pubDate>Tue, 06 May 2025 0{i % 9}:00:00 GMT</pubDate>"
             f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"
             for i, (slug, t, body) in enumerate(items)]
    return (f'<?xml version="1.0"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>{base}/</link>{''.join(parts)}</channel></rss>"
            ).encode()


def page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}.</p>" for p in body.split(". "))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{paras}</article></body></html>").encode()


def settings_for(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "w.duckdb", analyze=False, fetch_timeout_s=5.0)


def make_watcher(tmp_path: Path, sources: list[Source], **opts: object) -> Watcher:
    settings = settings_for(tmp_path)
    base = dict(allow_private=True, host_delay_s=0.0, host_concurrency=4, gather_s=0.5)
    base.update(opts)
    return Watcher(sources, lambda: open_store(settings.db), settings,
                   WatchOptions(**base))  # type: ignore[arg-type]


def articles(tmp_path: Path) -> list[tuple[str, str]]:
    with open_store(tmp_path / "w.duckdb", read_only=True) as s:
        return s.conn.execute("SELECT source_path, title FROM articles ORDER BY 1").fetchall()


def states(tmp_path: Path) -> dict[str, st.SourceState]:
    with open_store(tmp_path / "w.duckdb", read_only=True) as s:
        return st.load_states(s)


def feed_source(site: FakeSite, path: str = "/feed.xml", **kw: object) -> Source:
    return Source(site.base + path, interval_s=0.2, timeout_s=3.0, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ tests
def test_new_item_appears_and_304_costs_nothing(site: FakeSite, tmp_path: Path) -> None:
    items = [("one", "Talks at the border", story(1, "talks"))]
    site.routes["/feed.xml"] = lambda: Resp(body=rss(site.base, items),
                                            ctype="application/rss+xml")
    src = feed_source(site, outlet="Border Times", tags=("india",))
    make_watcher(tmp_path, [src], once=True).run()
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/one"]
    # Unchanged: the server answers 304 and nothing is read or stored again.
    w = make_watcher(tmp_path, [src], once=True)
    w.run()
    assert site.hits("/feed.xml") == [200, 304]
    assert w.stats.not_modified == 1 and w.stats.new_docs == 0
    # A new item: only it is handed over; the old one is not fetched or stored twice.
    items.insert(0, ("two", "Water agreement signed", story(2, "water")))
    w = make_watcher(tmp_path, [src], once=True)
    w.run()
    assert w.stats.new_docs == 1
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/one", f"{site.base}/a/two"]
    assert not site.hits("/a/one") and not site.hits("/a/two")  # full text in the feed
    s = states(tmp_path)[src.id]
    assert (s.n_checks, s.n_not_modified, s.n_articles, s.failures) == (3, 1, 2, 0)
    assert s.last_status == "new" and s.outlet == "Border Times" and s.tags == ["india"]
    with open_store(tmp_path / "w.duckdb", read_only=True) as store:
        notes = store.conn.execute("SELECT notes, outlet FROM articles LIMIT 1").fetchone()
    assert f"watch:{src.id}" in notes[0] and "tag:india" in notes[0]
    assert notes[1] == "Border Times"


def test_summary_items_follow_their_link_once(site: FakeSite, tmp_path: Path) -> None:
    short = [("s1", "Shelling reported", "Short summary of the shelling.")]
    site.routes["/feed.xml"] = lambda: Resp(body=rss(site.base, short),
                                            ctype="application/rss+xml", etag=False)
    site.routes["/a/s1"] = Resp(body=page("Shelling reported", story(7, "shelling")))
    src = feed_source(site)
    make_watcher(tmp_path, [src], once=True).run()
    make_watcher(tmp_path, [src], once=True).run()  # same body, no ETag: body hash
    assert site.hits("/a/s1") == [200]
    assert site.hits("/feed.xml") == [200, 200]
    with open_store(tmp_path / "w.duckdb", read_only=True) as store:
        text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert "Report 7 on shelling" in text


def test_news_sitemap_index(site: FakeSite, tmp_path: Path) -> None:
    news = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(
                f"<url><loc>{site.base}/n/{i}</loc><news:news><news:publication>"
                f"<news:name>Valley Post</news:name></news:publication>"
                f"<news:publication_date>2025-05-0{i}T10:00:00Z</news:publication_date>"
                f"<news:title>Story {i}</news:title></news:news></url>" for i in (1, 2))
            + "</urlset>").encode()
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
             f'sitemap/0.9"><sitemap><loc>{site.base}/news.xml</loc></sitemap>'
             "</sitemapindex>").encode()
    site.routes["/sitemap.xml"] = Resp(body=index, ctype="application/xml")
    site.routes["/news.xml"] = Resp(body=news, ctype="application/xml")
    for i in (1, 2):
        site.routes[f"/n/{i}"] = Resp(body=page(f"Story {i}", story(10 + i, "the valley")))
    src = Source(site.base + "/sitemap.xml", interval_s=0.2)
    make_watcher(tmp_path, [src], once=True).run()
    arts = articles(tmp_path)
    assert [p for p, _ in arts] == [f"{site.base}/n/1", f"{site.base}/n/2"]
    with open_store(tmp_path / "w.duckdb", read_only=True) as store:
        rows = store.conn.execute("SELECT outlet, published FROM articles ORDER BY 1").fetchall()
    assert {r[0] for r in rows} == {"Valley Post"} and all(r[1] is not None for r in rows)
    make_watcher(tmp_path, [src], once=True).run()
    assert site.hits("/sitemap.xml") == [200, 304] and site.hits("/n/1") == [200]


def test_backoff_and_recovery_while_another_source_flows(site: FakeSite,
                                                         tmp_path: Path) -> None:
    answers = iter([Resp(500, b"oops", "text/plain"), Resp(503, b"busy", "text/plain",
                                                           {"Retry-After": "1"})])
    good_feed = rss(site.base, [("b1", "Bad source item", story(3, "recovery"))])
    site.routes["/bad.xml"] = lambda: next(answers, Resp(body=good_feed,
                                                         ctype="application/rss+xml"))
    items: list[tuple[str, str, str]] = [("g0", "First", story(20, "flow"))]
    site.routes["/good.xml"] = lambda: Resp(body=rss(site.base, items),
                                            ctype="application/rss+xml")
    bad, good = feed_source(site, "/bad.xml"), feed_source(site, "/good.xml")
    w = make_watcher(tmp_path, [bad, good])
    stop = threading.Event()
    t = threading.Thread(target=w.run, args=(stop,), daemon=True)
    t.start()
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(site.hits("/bad.xml")) < 2:
            time.sleep(0.05)
        items.append(("g1", "Second", story(21, "flow")))  # the good source keeps flowing
        # The watcher's own record of what it committed (reading the file from this
        # process while the watcher's thread writes it is not allowed by DuckDB).
        while time.monotonic() < deadline and f"{site.base}/a/b1" not in w.seen.get(bad.id, {}):
            time.sleep(0.1)
    finally:
        stop.set()
        t.join(20)
    assert not t.is_alive()
    paths = {p for p, _ in articles(tmp_path)}
    assert {f"{site.base}/a/g0", f"{site.base}/a/g1", f"{site.base}/a/b1"} <= paths
    bad_hits = site.hits("/bad.xml")
    assert bad_hits[:3] == [500, 503, 200]
    # Retry-After: 1 was honoured: the third try came at least 1 s after the second.
    s = states(tmp_path)
    assert s[bad.id].failures == 0 and s[bad.id].last_ok is not None
    assert s[good.id].n_articles == 2 and len(site.hits("/good.xml")) > len(bad_hits)


def test_robots_disallow_is_respected(site: FakeSite, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Resp(body=b"User-agent: chronicler\nDisallow: /private/\n",
                                      ctype="text/plain")
    site.routes["/private/feed.xml"] = Resp(body=rss(site.base, [("p", "P", story(4, "p"))]),
                                            ctype="application/rss+xml")
    site.routes["/feed.xml"] = Resp(body=rss(site.base, [("o", "O", story(5, "o"))]),
                                    ctype="application/rss+xml")
    private, public = feed_source(site, "/private/feed.xml"), feed_source(site)
    make_watcher(tmp_path, [private, public], once=True).run()
    assert site.hits("/private/feed.xml") == []
    assert site.hits("/robots.txt") == [200]  # once per host, cached
    s = states(tmp_path)
    assert s[private.id].last_status == "error" and "robots" in (s[private.id].last_error or "")
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/o"]


def test_malformed_feed_is_that_sources_error(site: FakeSite, tmp_path: Path) -> None:
    site.routes["/broken.xml"] = Resp(body=b"<rss><channel><item><title>x</ti",
                                      ctype="application/rss+xml")
    site.routes["/feed.xml"] = Resp(body=rss(site.base, [("o", "O", story(6, "o"))]),
                                    ctype="application/rss+xml")
    broken, ok = feed_source(site, "/broken.xml", kind="feed"), feed_source(site)
    make_watcher(tmp_path, [broken, ok], once=True).run()
    s = states(tmp_path)
    assert s[broken.id].last_status == "error" and s[broken.id].failures == 1
    assert s[broken.id].next_due > s[broken.id].last_check
    assert s[ok.id].last_status == "new"
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/o"]


def test_slow_source_does_not_stall_the_others(site: FakeSite, tmp_path: Path) -> None:
    site.routes["/slow.xml"] = Resp(body=rss(site.base, [("z", "Z", story(8, "z"))]),
                                    ctype="application/rss+xml")
    site.delay["/slow.xml"] = 3.0
    site.routes["/feed.xml"] = Resp(body=rss(site.base, [("f", "F", story(9, "f"))]),
                                    ctype="application/rss+xml")
    slow = Source(site.base + "/slow.xml", interval_s=60, timeout_s=1.0)
    fast = feed_source(site)
    t0 = time.monotonic()
    make_watcher(tmp_path, [slow, fast], once=True).run()
    assert time.monotonic() - t0 < 3.0  # the slow one timed out after 1 s
    s = states(tmp_path)
    assert s[slow.id].last_status == "error" and "timeout" in (s[slow.id].last_error or "")
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/f"]


def test_folder_new_and_changed_files(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(story(30, "the dam"))
    src = Source(str(inbox), "folder", interval_s=0.2)
    make_watcher(tmp_path, [src], once=True).run()
    (inbox / "b.txt").write_text(story(31, "the bridge"))
    w = make_watcher(tmp_path, [src], once=True)
    w.run()
    assert w.stats.new_docs == 1
    (inbox / "a.txt").write_text(story(32, "the dam, updated"))
    w = make_watcher(tmp_path, [src], once=True)
    w.run()
    assert w.stats.new_docs == 1
    assert len(articles(tmp_path)) == 3


def test_backoff_grows_with_jitter_and_honours_retry_after() -> None:
    import random

    rng = random.Random(1)
    delays = [backoff_s(n, 10.0, rng=rng) for n in (1, 2, 3, 4)]
    for n, d in zip((1, 2, 3, 4), delays, strict=True):
        assert 10.0 * 2 ** n * 0.5 <= d < 10.0 * 2 ** n
    assert backoff_s(30, 10.0, cap_s=600) <= 600
    assert backoff_s(1, 1.0, retry_after=120) == 120


def test_sitemap_parser_refuses_entities() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b"<urlset><url><loc>&a;</loc></url></urlset>")
    with pytest.raises(Exception, match="unsafe XML"):
        parse_sitemap(bomb, "s.xml")


def test_sources_file(tmp_path: Path) -> None:
    from chronicler.errors import UsageError
    from chronicler.watch import collect, load_sources_file

    (tmp_path / "inbox").mkdir()
    f = tmp_path / "sources.toml"
    f.write_text('[defaults]\ninterval = "10m"\n\n'
                 '[[source]]\nurl = "https://example.org/rss.xml"\noutlet = "Example"\n'
                 'interval = "30s"\ntags = ["india", "pakistan"]\n\n'
                 '[[source]]\npath = "inbox"\n')
    a, b = load_sources_file(f, interval_s=300)
    assert (a.kind, a.outlet, a.interval_s, a.tags) == ("auto", "Example", 30.0,
                                                        ("india", "pakistan"))
    assert (b.kind, b.location, b.interval_s) == ("folder", str(tmp_path / "inbox"), 600.0)
    assert [s.location for s in collect([str(f)], None, interval_s=60)] == [a.location,
                                                                          b.location]
    f.write_text('[[source]]\nurl = "https://example.org/a"\nevery = "5m"\n')
    with pytest.raises(UsageError, match="unknown key"):
        load_sources_file(f, interval_s=300)
    f.write_text('[[source]]\nurl = "file:///etc/passwd"\n')
    with pytest.raises(UsageError, match="http and https"):
        load_sources_file(f, interval_s=300)


def test_dead_host_is_unreachable_and_once_respects_its_backoff(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = Source(f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml", interval_s=30,
                      timeout_s=2)
    make_watcher(tmp_path, [dead], once=True).run()
    state = states(tmp_path)[dead.id]
    assert state.last_error and state.last_error.startswith("[unreachable]")
    assert state.failures == 1 and state.next_due is not None
    w = make_watcher(tmp_path, [dead], once=True)
    w.run()  # still backing off: not asked again
    assert w.stats.polls == 0 and states(tmp_path)[dead.id].n_checks == 1


def test_a_busy_database_delays_the_commit_and_loses_nothing(site: FakeSite,
                                                             tmp_path: Path) -> None:
    from chronicler.errors import StoreLocked

    site.routes["/feed.xml"] = Resp(body=rss(site.base, [("q", "Q", story(50, "q"))]),
                                    ctype="application/rss+xml")
    settings = settings_for(tmp_path)
    opened = {"n": 0}

    def flaky_open() -> object:
        opened["n"] += 1
        if opened["n"] == 2:  # the first commit meets another writer
            raise StoreLocked("another process is writing")
        return open_store(settings.db)

    said: list[str] = []
    w = Watcher([feed_source(site)], flaky_open, settings,  # type: ignore[arg-type]
                WatchOptions(once=True, allow_private=True, host_delay_s=0.0),
                report=said.append)
    w.run()
    assert any("database busy" in m for m in said)
    assert [p for p, _ in articles(tmp_path)] == [f"{site.base}/a/q"]
    assert site.hits("/feed.xml") == [200]  # kept, not fetched again


def test_idle_cycles_open_no_database(site: FakeSite, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Resp(body=rss(site.base, [("i", "I", story(60, "idle"))]),
                                    ctype="application/rss+xml")
    settings = settings_for(tmp_path)
    opens = {"n": 0}

    def counting_open() -> object:
        opens["n"] += 1
        return open_store(settings.db)

    src = Source(site.base + "/feed.xml", interval_s=0.1)
    w = Watcher([src], counting_open, settings,  # type: ignore[arg-type]
                WatchOptions(allow_private=True, host_delay_s=0.0, gather_s=0.0))
    stop = threading.Event()
    t = threading.Thread(target=w.run, args=(stop,), daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and site.hits("/feed.xml").count(304) < 5:
        time.sleep(0.05)
    stop.set()
    t.join(20)
    assert site.hits("/feed.xml").count(304) >= 5
    assert opens["n"] == 3  # load, the commit of the new item, the state flush at exit
    s = states(tmp_path)[src.id]
    assert s.n_not_modified == site.hits("/feed.xml").count(304) and s.n_articles == 1


def test_article_url_source_is_read_again_only_when_it_changes(site: FakeSite,
                                                               tmp_path: Path) -> None:
    body = {"v": page("Live page", story(70, "the live page"))}
    site.routes["/live"] = lambda: Resp(body=body["v"])
    src = Source(site.base + "/live", interval_s=0.1)
    for _ in range(2):
        make_watcher(tmp_path, [src], once=True).run()
    body["v"] = page("Live page", story(71, "the live page, updated"))
    make_watcher(tmp_path, [src], once=True).run()
    assert site.hits("/live") == [200, 304, 200]
    assert len(articles(tmp_path)) == 2  # each version of the text once


def test_host_gate_caps_concurrency_and_spaces_requests() -> None:
    from chronicler.watch.polite import HostGate

    gate = HostGate(delay_s=0.1, concurrency=1)
    starts: list[float] = []
    inside = {"now": 0, "max": 0}
    lock = threading.Lock()

    def one() -> None:
        with gate.slot("http://example.org/x"):
            with lock:
                starts.append(time.monotonic())
                inside["now"] += 1
                inside["max"] = max(inside["max"], inside["now"])
            time.sleep(0.02)
            with lock:
                inside["now"] -= 1

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    starts.sort()
    assert inside["max"] == 1
    assert all(b - a >= 0.09 for a, b in zip(starts, starts[1:], strict=False))


def test_a_page_that_failed_for_now_is_tried_again(site: FakeSite, tmp_path: Path) -> None:
    sm = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          + "".join(f"<url><loc>{site.base}/p/{i}</loc><lastmod>2025-05-0{i}</lastmod></url>"
                    for i in (1, 2)) + "</urlset>").encode()
    site.routes["/sitemap.xml"] = Resp(body=sm, ctype="application/xml")
    site.routes["/p/1"] = Resp(body=page("One", story(80, "one")))
    answers = iter([Resp(500, b"oops", "text/plain")])
    site.routes["/p/2"] = lambda: next(answers, Resp(body=page("Two", story(81, "two"))))
    src = Source(site.base + "/sitemap.xml", interval_s=0.1)
    make_watcher(tmp_path, [src], once=True).run()
    assert len(articles(tmp_path)) == 1
    s = states(tmp_path)[src.id]
    assert s.last_status == "new" and "HTTP 500" in (s.last_error or "")
    make_watcher(tmp_path, [src], once=True).run()
    assert site.hits("/sitemap.xml") == [200, 200]  # not done: read in full again
    assert site.hits("/p/2") == [500, 200] and site.hits("/p/1") == [200]
    assert len(articles(tmp_path)) == 2
    make_watcher(tmp_path, [src], once=True).run()
    assert site.hits("/sitemap.xml") == [200, 200, 304]


def test_an_empty_feed_is_not_an_error(site: FakeSite, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Resp(body=rss(site.base, []), ctype="application/rss+xml")
    src = feed_source(site)
    make_watcher(tmp_path, [src], once=True).run()
    s = states(tmp_path)[src.id]
    assert (s.last_status, s.failures, s.last_error) == ("unchanged", 0, None)
