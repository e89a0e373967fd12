"""Integration on the demo corpus: the real ingest into a temporary store, then
``run_compare`` (stories, aligned claims, framing), ``story_timeline`` and the report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chronicler import api
from chronicler.config import Settings
from chronicler.corpus.compare import run_compare
from chronicler.corpus.stories import story_timeline
from chronicler.demo import CORPUS_DIR
from chronicler.outputs.report import write_report
from chronicler.records import Story
from chronicler.store import Store, open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    settings = Settings.from_env(db=db)
    store = open_store(db)
    api.ingest([str(CORPUS_DIR)], store=store, settings=settings)
    run_compare(store, settings)
    yield store
    store.close()


def _file(store: Store, name: str) -> str:
    ids = [a.id for a in store.articles() if a.source_path.endswith(name)]
    assert ids, name
    return ids[0]


def _story_of(store: Store, article_id: str) -> Story:
    """The article's coverage story: each article is in exactly one."""
    found = [s for s in store.json_records("stories")
             if article_id in s.article_ids and s.basis == "coverage"]
    assert len(found) == 1
    return found[0]


def test_one_crisis_holds_the_demo_and_every_story_points_at_it(demo: Store) -> None:
    stories = demo.json_records("stories")
    crises = [s for s in stories if s.level == "crisis"]
    ids = {a.id for a in demo.articles()}
    # Every article is in exactly one crisis; the fictional war is one crisis.
    assert sorted(a for c in crises for a in c.article_ids) == sorted(ids)
    big = max(crises, key=lambda c: len(c.article_ids))
    assert len(big.article_ids) >= len(ids) - 2 and "Merovia" in big.title
    for s in stories:
        if s.level == "event":
            assert s.parent_id in {c.id for c in crises}


def test_happenings_keep_the_attack_and_the_ceasefire_apart(demo: Store) -> None:
    happenings = [s for s in demo.json_records("stories") if s.basis == "events"]
    assert happenings
    attack = _file(demo, "2025-03-11-cpa-gunmen-kill-24-tourists-lessara.txt")
    truce = _file(demo, "2025-04-05-cpa-merovia-kaldoria-agree-ceasefire.txt")
    for h in happenings:
        assert h.event_ids and len(h.article_ids) >= 2
        assert h.start is None or h.end is None or (h.end - h.start).days <= 1
    # An article is in every happening it reports (the ceasefire piece recalls the
    # attack), but the attack (March) and the ceasefire (April) are happenings apart.
    assert any(attack in h.article_ids for h in happenings)
    assert any(truce in h.article_ids for h in happenings)
    months = {h.start.month for h in happenings if h.start}
    assert {3, 4} <= months


# (a, b): files of two unrelated happenings, never one story (FACTS.md timeline)
APART = [
    ("2025-03-11-cpa-gunmen-kill-24-tourists-lessara.txt",
     "2025-04-05-cpa-merovia-kaldoria-agree-ceasefire.txt"),  # the attack vs the ceasefire
    ("2025-03-15-cpa-un-chief-urges-maximum-restraint.txt",
     "2025-03-12-cpa-merovia-suspends-serrin-water-treaty.txt"),  # UN appeal vs treaty
    ("2025-04-02-cpa-merovia-strikes-eleven-sites-kaldoria.txt",
     "2025-04-05-cpa-merovia-kaldoria-agree-ceasefire.txt"),  # the strikes vs the ceasefire
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_unrelated_stories_stay_apart(demo: Store, a: str, b: str) -> None:
    assert _story_of(demo, _file(demo, a)).id != _story_of(demo, _file(demo, b)).id


def test_wire_copy_and_same_day_coverage_share_a_story(demo: Store) -> None:
    cpa = _file(demo, "2025-04-02-cpa-merovia-strikes-eleven-sites-kaldoria.txt")
    tt = _file(demo, "2025-04-02-tt-four-enemy-jets-down-kaldoria-vows-response.txt")
    s = _story_of(demo, cpa)
    assert tt in s.article_ids and len(s.outlets) >= 3
    assert s.title and s.start == s.end  # one day of coverage
    assert s.claim_ids and set(s.claim_ids) <= {c.id for c in demo.json_records("claims")}


def test_story_timeline_is_by_date(demo: Store) -> None:
    s = max(demo.json_records("stories"), key=lambda x: len(x.article_ids))
    rows = story_timeline(demo, s.id)
    assert rows
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates)
    assert story_timeline(demo, "no-such-story") == []


def test_contested_both_ways_with_both_sides_evidence(demo: Store) -> None:
    groups = {g.id: g for g in demo.json_records("claims")}
    contested = [g for g in groups.values() if g.status == "contested"]
    assert contested
    for g in contested:
        for other in g.contested_by:
            assert g.id in groups[other].contested_by  # linked both ways
            assert g.evidence and groups[other].evidence  # each side's evidence
    # the jets: Kaldoria asserts, Merovia calls it propaganda
    jets = [g for g in contested if "jets" in g.text.lower() and g.polarity == "pos"]
    assert any(groups[o].asserted_by and groups[o].asserted_by.country == "MRV"
               for g in jets for o in g.contested_by)


def test_wire_copies_count_once(demo: Store) -> None:
    copy = _file(demo, "2025-03-11-vl-24-killed-gunmen-target-tourists-sellin-meadow.html")
    for g in demo.json_records("claims"):
        if copy in g.article_ids and len(g.article_ids) == 2:
            dups = {a.dup_group for a in demo.articles(ids=g.article_ids)}
            if len(dups) == 1:  # only the CPA original and its copy
                assert g.n_sources == 1 and g.status != "corroborated"


def test_framing_groups_the_region_names(demo: Store) -> None:
    recs = [f for f in demo.json_records("framing", "story_id = ?", ["all"])
            if f.kind == "place" and f.referent == "Kaldorian-held Lessara"]
    assert recs
    terms = {v.term for v in recs[0].variants}
    assert {"KoL", "Free Lessara"} <= terms
    assert all(v.outlets for v in recs[0].variants)


def test_report_of_the_largest_story(demo: Store, tmp_path: Path) -> None:
    md, html = write_report(demo, None, tmp_path)
    largest = max(len(s.article_ids) for s in demo.json_records("stories"))
    text = md.read_text("utf-8")
    assert text.startswith("# ") and f"{largest} articles" in text
    assert "## Contested claims" in text and "## Framing" in text
    assert "<style>" in html.read_text("utf-8")


def test_story_profile(demo: Store) -> None:
    from chronicler.views.profile import story_profile

    s = max(demo.json_records("stories"), key=lambda x: len(x.article_ids))
    p = story_profile(demo, s.id)
    assert p["main_actors"] and "tone" not in p
    assert abs(sum(p["voice"]["by_country"].values()) - 1.0) < 1e-6
    for shares in p["hedges"].values():
        assert abs(sum(shares.values()) - 1.0) < 1e-6
    assert story_profile(demo, "nope")["voice"] == {}
