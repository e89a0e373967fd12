"""Report: Markdown + self-contained HTML; article text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

from chronicler.outputs.export import claim_records, framing_records, story_records
from chronicler.outputs.report import write_report
from chronicler.records import Asserter, Claim, ClaimEvidence, Framing, FramingVariant, Story
from chronicler.store import open_store

EVIL = '<script>alert("x")</script><img src="http://evil.example/x.png">'


def _claim(cid: str, text: str, polarity: str, other: str, who: str) -> Claim:
    return Claim(id=cid, text=text, polarity=polarity, status="contested",
                 contested_by=[other], asserted_by=Asserter(name=who), article_ids=["a1"],
                 n_sources=1, evidence=[ClaimEvidence(article_id="a1", outlet="MH", text=text,
                                                      span=(0, len(text)))])


def test_report_escapes_and_is_self_contained(tmp_path: Path) -> None:
    store = open_store(tmp_path / "r.duckdb")
    try:
        store.replace_all("claims", [
            _claim("c1", f"Four jets were shot down {EVIL}", "pos", "c2", "Selvan"),
            _claim("c2", "Velic denied that four jets were shot down", "neg", "c1", "Velic"),
        ])
        store.replace_all("stories", [Story(id="s1", title=f"Air battle {EVIL}",
                                            article_ids=["a1"])])
        store.replace_all("framing", [Framing(story_id="all", referent="Kaldorian-held Lessara",
                                              variants=[FramingVariant(term="KoL", count=2),
                                                        FramingVariant(term="Free Lessara")])])
        md, html = write_report(store, None, tmp_path / "out")
        h = html.read_text("utf-8")
        assert "<script>" not in h and "&lt;script&gt;" in h
        assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://""", h)
        assert "<link" not in h and "Velic" in h and "Selvan" in h and "Free Lessara" in h
        m = md.read_text("utf-8")
        assert "## Contested claims" in m and "KoL" in m
        kinds = [r["kind"] for f in (claim_records, story_records, framing_records)
                 for r in f(store)]
        assert kinds == ["claim", "claim", "story", "framing"]
        assert next(iter(claim_records(store)))["claim_kind"] == "action"
    finally:
        store.close()


def test_ingested_markup_is_escaped(tmp_path: Path) -> None:
    """Article text goes through the real ingest, claims and comparison; whatever markup
    it carries appears escaped in the HTML, and the HTML fetches nothing."""
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.corpus.compare import run_compare

    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.txt").write_text(
        "Merovia strikes Kaldoria\n\n"
        "VARSK, April 2 (CPA) — Merovia said its missiles struck eleven sites in Kaldoria "
        "<script>alert(1)</script> on Wednesday.\n\n"
        'Kaldoria said 27 civilians were killed <img src=x onerror="alert(2)"> in the '
        "strikes.\n\nMerovia's Defence Minister Ana Velic dismissed the reports as "
        "propaganda.\n", encoding="utf-8")
    settings = Settings.from_env(db=tmp_path / "x.duckdb")
    store = open_store(settings.db)
    try:
        api.ingest([str(src)], store=store, settings=settings)
        run_compare(store, settings)
        assert any("<script>" in a.text for a in store.articles())  # kept as text
        md, html = write_report(store, "all", tmp_path / "out")
        h = html.read_text("utf-8")
        assert "<script>" not in h and "<img" not in h
        assert "&lt;script&gt;" in h and "&lt;img" in h
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", h)
        assert "<link" not in h and "@import" not in h
    finally:
        store.close()


def test_undated_event_reads_undated(tmp_path: Path) -> None:
    from chronicler.records import Event, EventActor, Evidence

    store = open_store(tmp_path / "u.duckdb")
    try:
        store.replace_all("events", [Event(
            id="e1", type="ASSAULT", mode=["aerial"], actor=[EventActor(name="India",
                                                                        country="IND")],
            recipient=[EventActor(name="Pakistan", country="PAK")], article_ids=["a1"],
            evidence=[Evidence(article_id="a1", text="India hit back.", span=(0, 15))])])
        md, html = write_report(store, "all", tmp_path / "out")
        m = md.read_text("utf-8")
        assert "- (undated) · ASSAULT: India → Pakistan" in m and "****" not in m
        assert "(undated)" in html.read_text("utf-8")
    finally:
        store.close()


def test_what_happened_is_a_dated_timeline_with_sources(tmp_path: Path) -> None:
    """Events in date order (undated last), each date at its precision, denied and
    reported events marked, evidence with outlet and date, quotes for every side."""
    import datetime as dt

    from chronicler.records import (
        Analysis,
        Article,
        Event,
        EventActor,
        Evidence,
        Quote,
        Speaker,
    )

    store = open_store(tmp_path / "t.duckdb")
    try:
        text = "India struck. Pakistan denied it. \"We will respond,\" said Ishaq Dar today."
        store.insert_articles([Article(id="a1", title="T", outlet="Dawn", text=text,
                                       published=dt.date(2025, 5, 11))], [None], "test")
        ind, pak = EventActor(name="India", country="IND"), EventActor(name="Pakistan",
                                                                          country="PAK")
        ev = [Evidence(article_id="a1", text="India struck.", span=(0, 13))]

        def event(i: str, **kw: object) -> Event:
            return Event(id=i, type="ASSAULT", actor=[ind], recipient=[pak], evidence=ev,
                         article_ids=["a1"], **kw)  # type: ignore[arg-type]

        store.replace_all("events", [
            event("e3"), event("e2", date=dt.date(2025, 5, 1), date_precision="month",
                               negated=True),
            event("e1", date=dt.date(2025, 4, 22), date_precision="day",
                  reported_by=EventActor(name="Pakistan", country="PAK"))])
        store.write_analyses([Analysis(article_id="a1", quotes=[Quote(
            id="q1", article_id="a1", text="We will respond with full force", direct=True,
            speaker=Speaker(name="Ishaq Dar", country="PAK"), span=(34, 50))])])
        md, _ = write_report(store, "all", tmp_path / "out")
        m = md.read_text("utf-8")
        happened = m.split("## What happened")[1].split("##")[0]
        lines = [x for x in happened.splitlines() if x.startswith("- ")]
        assert lines[0].startswith("- 2025-04-22 · ASSAULT") and "[reported by PAK]" in lines[0]
        assert lines[1].startswith("- 2025-05 · ASSAULT") and "[denied]" in lines[1]
        assert "2025-05-01" not in m  # a month is never shown as its first day
        assert lines[2].startswith("- (undated) · ASSAULT")
        assert "> Dawn, 2025-05-11: India struck." in m
        quotes = m.split("## Quotes by side")[1]
        assert "### PAK" in quotes and "Ishaq Dar" in quotes and "(Dawn, 2025-05-11)" in quotes
    finally:
        store.close()


def test_sources_without_an_outlet_are_named_by_their_articles(tmp_path: Path) -> None:
    """Articles read from files carry no outlet: a corroborated claim lists its articles'
    titles (never "sources: " with nothing after it), a contested side names them too,
    and a source with no date prints none."""
    from chronicler.records import Article

    store = open_store(tmp_path / "s.duckdb")
    try:
        store.insert_articles([
            Article(id="a1", title="Strikes reported near the border", text="x"),
            Article(id="a2", title="Officials deny the strike report", outlet="Dawn", text="y"),
            Article(id="a3", title=None, text="z")], [None, None, None], "test")

        def claim(cid: str, arts: list[str], status: str, **kw: object) -> Claim:
            return Claim(id=cid, text=f"claim {cid}", status=status, article_ids=arts,
                         n_sources=len(arts), evidence=[
                             ClaimEvidence(article_id=a, text=f"claim {cid}", span=(0, 1))
                             for a in arts], **kw)  # type: ignore[arg-type]

        store.replace_all("claims", [
            claim("c1", ["a1", "a2", "a3"], "corroborated"),
            claim("c2", ["a1"], "contested", polarity="pos", contested_by=["c3"]),
            claim("c3", ["a2"], "contested", polarity="neg", contested_by=["c2"])])
        md, html = write_report(store, "all", tmp_path / "out")
        m = md.read_text("utf-8")
        line = next(x for x in m.splitlines() if x.startswith("- claim c1"))
        assert "sources: “Strikes reported near the border”; Dawn; article a3" in line
        table = m.split("## Contested claims")[1].split("##")[0]
        assert "| “Strikes reported near the border” | Dawn |" in table
        assert "None" not in table and "| , " not in table
        assert "Strikes reported near the border" in html.read_text("utf-8")
    finally:
        store.close()
