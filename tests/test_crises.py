"""Crises and happenings (chronicler.corpus.crises): precision first."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from chronicler.corpus.crises import (
    CRISIS_DAYS,
    CrisisDoc,
    crisis_groups,
    crisis_story,
    happenings,
    main_dyad,
)
from chronicler.records import Event, EventActor

D = dt.date(2025, 5, 7)


def doc(i: str, dyad: tuple[str, ...] = ("IND", "PAK"), day: int | None = 0,
        ops: tuple[str, ...] = (), anchors: tuple[str, ...] = (), dup: str = "",
        named: tuple[str, ...] = (), sides: tuple[tuple[str, ...], ...] = ()) -> CrisisDoc:
    return CrisisDoc(id=i, title=i, published=None if day is None else D + dt.timedelta(day),
                     outlet=None, dyad=frozenset(dyad), operations=frozenset(ops),
                     named=frozenset(named or dyad), anchors=frozenset(anchors),
                     sides=frozenset(frozenset(s) for s in sides), dup_key=dup or i)


def groups(docs: list[CrisisDoc]) -> list[set[str]]:
    return sorted(({d.id for d in g} for g in crisis_groups(docs)), key=sorted)


def test_main_dyad_is_the_two_most_named() -> None:
    assert main_dyad(Counter({"IND": 9, "PAK": 7, "USA": 2})) == {"IND", "PAK"}
    assert main_dyad(Counter({"IND": 3})) == {"IND"}


def test_same_dyad_close_in_time_is_one_crisis_far_apart_is_two() -> None:
    docs = [doc("a", day=0), doc("b", day=20), doc("c", day=20 + CRISIS_DAYS + 300)]
    assert groups(docs) == [{"a", "b"}, {"c"}]


def test_a_chain_of_close_articles_is_one_crisis() -> None:
    step = CRISIS_DAYS - 5
    assert groups([doc(str(i), day=i * step) for i in range(4)]) == [{"0", "1", "2", "3"}]


def test_other_dyads_never_merge_on_time_alone() -> None:
    docs = [doc("a"), doc("b", dyad=("ARM", "AZE")), doc("c", dyad=("IND",))]
    assert groups(docs) == [{"a"}, {"b"}, {"c"}]


def test_operation_wire_copy_and_anchors_link_across_time_and_dyad() -> None:
    docs = [doc("a", ops=("Operation Sindoor",)),
            doc("b", dyad=("PAK", "RUS"), day=None, ops=("Operation Sindoor",)),
            doc("c", day=400, dup="a"),
            doc("d", day=None, anchors=("p:Dar", "place:Pahalgam")),
            doc("e", day=900, anchors=("p:Dar", "place:Pahalgam")),
            doc("f", day=None, anchors=("p:Dar",))]
    assert groups(docs) == [{"a", "b", "c"}, {"d", "e"}, {"f"}]


def test_crisis_story_title_and_dates() -> None:
    g = [doc("a", ops=("Operation Sindoor",)), doc("b", day=3)]
    s = crisis_story(g, {"IND": "India", "PAK": "Pakistan"})
    assert s.level == "crisis" and s.title == "India–Pakistan: Operation Sindoor"
    assert (s.start, s.end) == (D, D + dt.timedelta(3)) and s.article_ids == ["a", "b"]


def ev(i: str, type_: str, actor: str, recipient: str, day: int | None, n: int = 2,
       op: str | None = None, score: float = -9.0, **kw: object) -> Event:
    return Event(id=i, type=type_, actor=[EventActor(name=actor, country=actor)],
                 recipient=[EventActor(name=recipient, country=recipient)] if recipient else [],
                 date=None if day is None else D + dt.timedelta(day),
                 date_precision=None if day is None else "day", n_sources=n, operation=op,
                 score=score, article_ids=[f"{i}1", f"{i}2"], **kw)  # type: ignore[arg-type]


def test_a_chain_of_days_is_not_one_happening() -> None:
    events = [ev(f"d{k}", "SANCTION", "IND", "PAK", k, score=-4.0) for k in range(4)]
    got = [tuple(h.event_ids) for h in happenings(events, {})]
    assert all(len(g) <= 2 for g in got) and sum(len(g) for g in got) == 4


def test_happenings_join_by_operation_and_day_and_keep_a_truce_apart() -> None:
    events = [ev("s", "ASSAULT", "IND", "PAK", 0, op="Operation Sindoor"),
              ev("s2", "ASSAULT", "IND", "PAK", None, op="Operation Sindoor"),
              ev("r", "ASSAULT", "PAK", "IND", 3), ev("r2", "COERCE", "PAK", "IND", 3),
              ev("t", "AGREE", "IND", "PAK", 3, score=7.5),
              ev("one", "ASSAULT", "IND", "PAK", 9, n=1),  # one source: no happening
              ev("no", "ASSAULT", "IND", "PAK", 12, negated=True),  # denied: none
              ev("undated", "CONSULT", "PAK", "RUS", None)]  # no date, no operation
    got = {tuple(h.event_ids) for h in happenings(events, {})}
    assert got == {("s", "s2"), ("r", "r2"), ("t",)}


def test_a_third_party_and_one_side_join_the_crisis_they_are_about() -> None:
    docs = [doc("a", day=0), doc("b", day=3),
            # a mediator's statement: its main dyad is NVN-IND, it urges IND and PAK
            doc("m", dyad=("IND", "NVN"), day=10, named=("IND", "NVN", "PAK"),
                sides=(("IND", "NVN", "PAK"),)),
            # an aftermath piece about one side, sharing two named places with "a"
            doc("s", dyad=("IND",), day=5, anchors=("place:Pahalgam", "p:Survivor")),
            doc("a2", day=1, anchors=("place:Pahalgam", "p:Survivor")),
            # the same mediator on another conflict, or months later: apart
            doc("far", dyad=("IND", "NVN"), day=300, named=("IND", "NVN", "PAK"),
                sides=(("IND", "NVN", "PAK"),)),
            doc("other", dyad=("ARM", "NVN"), day=10, named=("ARM", "AZE", "NVN"),
                sides=(("ARM", "AZE", "NVN"),)),
            # a story about another pair that names both sides in passing, no event
            # between them: not a third party's view of their crisis
            doc("passing", dyad=("BGD", "NVN"), day=10, named=("BGD", "IND", "NVN", "PAK"),
                sides=(("BGD", "NVN"),))]
    got = groups(docs)
    assert {"a", "b", "m", "s", "a2"} in got and {"far"} in got and {"other"} in got
    assert {"passing"} in got


def test_an_article_written_before_a_happening_does_not_report_it() -> None:
    strike = ev("s", "ASSAULT", "IND", "PAK", 5).model_copy(
        update={"article_ids": ["s1", "s2", "s3"]})
    published = {"s1": D - dt.timedelta(2), "s2": D + dt.timedelta(5),
                  "s3": D + dt.timedelta(6)}
    (h,) = happenings([strike], {}, published)
    assert h.article_ids == ["s2", "s3"]  # s1 came out a week before the strike
    (h,) = happenings([strike], {}, {"s1": D + dt.timedelta(4), "s2": None})
    assert h.article_ids == ["s1", "s2", "s3"]  # the day before, or no date: kept
    (h,) = happenings([strike], {})
    assert h.article_ids == ["s1", "s2", "s3"]
    # one article left to report it: no happening (its own story says as much)
    assert happenings([strike], {}, {**published, "s3": D - dt.timedelta(3)}) == []


# ------------------------------------------------------------------ news, not passing
def told(e: Event, *where: tuple[str, int]) -> Event:
    """``e`` with evidence at (article, sentence start) and those articles."""
    from chronicler.records import Evidence

    ev_ = [Evidence(article_id=a, text=f"{a}@{at}", span=(at, at + 90)) for a, at in where]
    return e.model_copy(update={"evidence": ev_, "article_ids": sorted({a for a, _ in where})})


def test_a_news_article_is_in_what_it_reports_not_in_what_it_recalls() -> None:
    """Strikes on day 20, an attack on day 0, sanctions on day 1. The strike reports of
    day 20 lead with the strikes and recall the attack in one sentence (one of them in
    the lead's own sentence: the strikes answered it): they are not in the attack's
    happening. An analysis piece of day 40 recounts all of it and is in each; so is a
    piece of no known date whose lead tells neither; one that leads with the strikes is
    news of them (nothing says it looks back). The attack reports of day 0 and a denial that leads with
    the attack (words about an action are part of its story) are in the attack's."""
    attack = told(ev("a", "ASSAULT", "KLD", "MRV", 0),
                  ("rep0", 0), ("rep0b", 0), ("deny1", 0), ("str20", 0), ("str20b", 700),
                  ("ana40", 900), ("undated", 500), ("nodate", 600))
    denial = told(ev("d", "REJECT", "KLD", "MRV", 1, score=-4.0), ("deny1", 0), ("x1", 0))
    sanction = told(ev("s", "SANCTION", "MRV", "KLD", 1, score=-6.0),
                    ("san1", 0), ("san1b", 0), ("ana40", 1200))
    strikes = told(ev("k", "ASSAULT", "MRV", "KLD", 20),
                   ("str20", 0), ("str20b", 0), ("ana40", 300), ("undated", 800),
                   ("nodate", 0))
    published = {a: D + dt.timedelta(days) for a, days in (
        ("rep0", 0), ("rep0b", 0), ("deny1", 1), ("x1", 1), ("san1", 1), ("san1b", 1),
        ("str20", 20), ("str20b", 20), ("ana40", 40))}
    got = {tuple(h.event_ids): h.article_ids
           for h in happenings([attack, denial, sanction, strikes], {}, published)}
    assert got[("a",)] == ["ana40", "deny1", "rep0", "rep0b", "undated"]
    assert got[("s",)] == ["ana40", "san1", "san1b"]  # the attack and sanctions: apart
    assert got[("k",)] == ["ana40", "nodate", "str20", "str20b", "undated"]
    # told in two sentences, a recalled happening is news again
    twice = told(attack, *((a, ev_.span[0]) for ev_ in attack.evidence
                           for a in [ev_.article_id]), ("str20b", 1100))
    got = {tuple(h.event_ids): h.article_ids
           for h in happenings([twice, sanction, strikes], {}, published)}
    assert "str20b" in got[("a",)] and "str20" not in got[("a",)]
