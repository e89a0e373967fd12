from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.errors import StoreError
from chronicler.records import (
    Actor,
    Analysis,
    Article,
    Count,
    Mention,
    Place,
    Quote,
    Speaker,
    TimeExpr,
)
from chronicler.store import open_store
from chronicler.store.schema import LATEST


def _article(i: int, **kw: object) -> Article:
    base = dict(id=f"a{i:03d}", title=f"T{i}", text=f"text {i}", text_hash=f"h{i}", n_words=2,
                source_path=f"/x/{i}.txt", published=date(2025, 5, 10))
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_migrations_recorded_and_idempotent(db_path):
    with open_store(db_path) as s:
        assert s.schema_version() == LATEST
        assert s.migrate() == LATEST
        n = s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert n == LATEST


def test_newer_schema_refused(db_path):
    with open_store(db_path) as s:
        s.conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_insert_is_idempotent(db_path):
    with open_store(db_path) as s:
        arts = [_article(i) for i in range(5)]
        assert len(s.insert_articles(arts, [None] * 5, "x")) == 5
        assert s.insert_articles(arts, [None] * 5, "x") == []
        assert s.count("articles") == 5


def test_shard_marker_commits_with_data(db_path):
    with open_store(db_path) as s:
        with pytest.raises(RuntimeError):
            with s.transaction():
                s.insert_articles([_article(1)], [None], "x")
                s.mark_shard("k1", "run", 1, 1)
                raise RuntimeError("crash before commit")
        assert s.count("articles") == 0 and not s.shard_done("k1")
        with s.transaction():
            s.insert_articles([_article(1)], [None], "x")
            s.mark_shard("k1", "run", 1, 1)
        assert s.count("articles") == 1 and s.shard_done("k1")


def _analysis(aid: str) -> Analysis:
    actor = Actor(id="act1", name="Ishaq Dar", type="PERSON", country="PAK", sector="GOV",
                  aliases=["Dar"])
    return Analysis(
        article_id=aid,
        actors=[actor],
        mentions=[Mention(article_id=aid, actor_id="act1", text="Dar", span=(0, 3),
                          label="SURNAME", country="PAK", sector="GOV", sentence=0)],
        times=[TimeExpr(article_id=aid, text="May 10", span=(10, 16), date=date(2025, 5, 10),
                        precision="day")],
        places=[Place(article_id=aid, text="PoK", span=(20, 23),
                      name="Pakistan-administered Kashmir", country="PAK", disputed=True)],
        counts=[Count(article_id=aid, text="26 civilians", span=(30, 42), number=26,
                      object="civilians", verb="kill")],
        quotes=[Quote(id="q1", article_id=aid, text="We want peace", direct=True, cue="said",
                      speaker=Speaker(name="Ishaq Dar", actor_id="act1", country="PAK",
                                      sector="GOV"), span=(50, 63))],
        provenance=["m", "s"],
    )


def test_analysis_round_trip_and_rewrite(db_path):
    with open_store(db_path) as s:
        s.insert_articles([_article(1)], [None], "x")
        a = _analysis("a001")
        s.write_analyses([a])
        s.write_analyses([a])  # re-analysis replaces, never duplicates
        back = s.analysis("a001")
        assert back == a
        assert s.count("quotes") == 1


def test_actor_aliases_merge_across_articles(db_path):
    with open_store(db_path) as s:
        s.merge_actors([Actor(id="x", name="Ishaq Dar", type="PERSON", aliases=["Dar"])])
        s.merge_actors([Actor(id="x", name="Ishaq Dar", type="PERSON", country="PAK",
                              sector="GOV", aliases=["Mr Dar"])])
        (a,) = s.actors()
        assert a.aliases == ["Dar", "Mr Dar"] and a.country == "PAK" and a.sector == "GOV"


text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=40, deadline=None)
@given(title=st.none() | text_st, text=text_st, outlet=st.none() | text_st,
       published=st.none() | st.dates(), inferred=st.booleans(),
       notes=st.lists(text_st, max_size=3))
def test_article_round_trip(tmp_path_factory, title, text, outlet, published, inferred, notes):
    path = tmp_path_factory.mktemp("rt") / "db.duckdb"
    a = Article(id="rt", title=title, text=text, outlet=outlet, published=published,
                published_inferred=inferred, notes=notes, text_hash="h", source_path="p")
    with open_store(path) as s:
        s.insert_articles([a], [None], "x")
        assert s.articles() == [a]
