"""Cross-article merge, dyad timelines and the PLOVER export, on hand-built events."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pandas as pd
import pytest

from chronicler.corpus.events import (
    ArticleMeta,
    count_sources,
    dates_compatible,
    merge_events,
)
from chronicler.outputs.plover import to_plover
from chronicler.records import Event, EventActor, Evidence, Location, Size, content_id
from chronicler.views.timeline import dyad_timeline

IND = EventActor(name="India", country="IND", sector="GOV")
PAK = EventActor(name="Pakistan", country="PAK", sector="GOV")


def ev(article: str, type: str = "ASSAULT", actor: tuple[EventActor, ...] = (IND,),
       recipient: tuple[EventActor, ...] = (PAK,), day: dt.date | None = dt.date(2025, 5, 7),
       precision: str | None = "day", place: str | None = "Bahawalpur", start: int = 0,
       negated: bool = False, score: float = -9.5, size: Size | None = None,
       mode: tuple[str, ...] = ("aerial",)) -> Event:
    return Event(
        id=content_id("event", article, type, str(start)), type=type, mode=list(mode),
        actor=list(actor), recipient=list(recipient), date=day,
        date_precision=precision if day else None,
        location=Location(name=place, country="PAK") if place else None, size=size,
        negated=negated, score=score, trigger="struck", pattern="assault.attack.verb",
        evidence=[Evidence(article_id=article, text=f"sentence of {article}",
                           span=(start, start + 20))],
        article_ids=[article])


def said(e: Event, text: str) -> Event:
    """``e`` reported in the sentence ``text``."""
    return e.model_copy(update={"evidence": [e.evidence[0].model_copy(update={"text": text})]})


ARTICLES = {
    "cpa1": ArticleMeta(outlet="CPA", dup_group=None),
    "wc1": ArticleMeta(outlet="WC", dup_group="cpa1"),  # a wire copy of cpa1
    "ko1": ArticleMeta(outlet="KO", dup_group="cpa1"),  # another reprint
    "mh1": ArticleMeta(outlet="MH"),
    "mh2": ArticleMeta(outlet="MH"),  # a second MH article: same outlet
    "x1": ArticleMeta(outlet=None),
}


# ------------------------------------------------------------------ merge
def test_wire_copies_count_as_one_source() -> None:
    (m,) = merge_events([ev("cpa1"), ev("wc1"), ev("ko1")], ARTICLES)
    assert m.n_articles == 3 and m.n_sources == 1
    assert m.article_ids == ["cpa1", "ko1", "wc1"]
    assert [x.article_id for x in m.evidence] == ["cpa1", "ko1", "wc1"]


def test_sources_are_outlets_after_duplicate_groups() -> None:
    assert count_sources(["cpa1", "wc1", "mh1", "mh2", "x1"], ARTICLES) == 3
    assert count_sources(["x1"], ARTICLES) == 1  # unknown outlet: a source of its own
    assert count_sources(["wc1"], ARTICLES) == 1  # canonical absent: its outlet stands in


def test_different_dates_do_not_merge() -> None:
    out = merge_events([ev("cpa1"), ev("mh1", day=dt.date(2025, 5, 10))], ARTICLES)
    assert [e.date for e in out] == [dt.date(2025, 5, 7), dt.date(2025, 5, 10)]


@pytest.mark.parametrize(("a", "pa", "b", "pb", "ok"), [
    (dt.date(2025, 5, 7), "day", dt.date(2025, 5, 8), "day", True),  # within a day
    (dt.date(2025, 5, 7), "day", dt.date(2025, 5, 9), "day", False),
    (dt.date(2025, 5, 1), "month", dt.date(2025, 5, 20), "day", True),  # same month
    (dt.date(2025, 4, 1), "month", dt.date(2025, 5, 20), "day", False),
    (None, None, dt.date(2025, 5, 20), "day", True),  # one missing
    (dt.date(2025, 1, 1), "year", dt.date(2025, 12, 20), "day", True),
])
def test_date_compatibility(a, pa, b, pb, ok) -> None:  # type: ignore[no-untyped-def]
    assert dates_compatible(a, pa, b, pb) is ok


def test_undated_and_placeless_mentions_join() -> None:
    out = merge_events([ev("cpa1"), ev("mh1", day=None), ev("mh2", place=None)], ARTICLES)
    assert len(out) == 1
    m = out[0]
    assert m.date == dt.date(2025, 5, 7) and m.location and m.location.name == "Bahawalpur"
    assert m.n_articles == 3 and m.n_sources == 2  # CPA and MH


def test_different_places_or_dyads_or_types_do_not_merge() -> None:
    out = merge_events([ev("cpa1"), ev("mh1", place="Muridke"),
                        ev("mh2", actor=(PAK,), recipient=(IND,)),
                        ev("x1", type="THREATEN")], ARTICLES)
    assert len(out) == 4


def test_different_operations_do_not_merge() -> None:
    a = ev("cpa1").model_copy(update={"operation": "Operation Sindoor"})
    b = ev("mh1", day=None, place=None).model_copy(update={"operation": "Operation Other"})
    c = ev("mh2", day=None, place=None)  # no operation named: joins
    out = merge_events([a, b, c], ARTICLES)
    assert sorted((e.operation or "", e.n_articles) for e in out) == [
        ("Operation Other", 1), ("Operation Sindoor", 2)]


def test_negated_never_merges_with_asserted() -> None:
    out = merge_events([ev("cpa1"), ev("mh1", negated=True)], ARTICLES)
    assert sorted(e.negated for e in out) == [False, True]
    assert len({e.id for e in out}) == 2


def test_ids_are_order_independent() -> None:
    events = [ev("cpa1"), ev("wc1"), ev("mh1", day=dt.date(2025, 5, 8)), ev("mh2", day=None),
              ev("x1", day=dt.date(2025, 5, 10), place="Muridke")]
    runs = {tuple((e.id, e.n_articles, e.n_sources) for e in merge_events(list(p), ARTICLES))
            for p in itertools.permutations(events)}
    assert len(runs) == 1


def test_merged_id_and_fields() -> None:
    a = ev("cpa1", precision="month", day=dt.date(2025, 5, 1), size=Size(dead=26))
    b = ev("mh1", size=Size(dead=31, injured=57), mode=("drone",))
    (m,) = merge_events([a, b], ARTICLES)
    assert m.date == dt.date(2025, 5, 7) and m.date_precision == "day"  # the most precise
    assert m.id == content_id("event", "ASSAULT", "IND", "PAK", "2025-05-07", "Bahawalpur")
    assert m.size == Size(dead=31, injured=57)
    assert m.mode == ["aerial", "drone"]


def test_reported_by_kept_only_when_all_members_agree() -> None:
    a = ev("cpa1").model_copy(update={"reported_by": PAK})
    b = ev("mh1").model_copy(update={"reported_by": PAK})
    assert merge_events([a, b], ARTICLES)[0].reported_by == PAK
    assert merge_events([a, ev("mh1")], ARTICLES)[0].reported_by is None


# ------------------------------------------------------------------ timeline
def test_dyad_timeline() -> None:
    events = [
        ev("cpa1"), ev("mh1", score=-9.0),  # two IND->PAK on May 7
        ev("mh2", actor=(PAK,), recipient=(IND,), day=dt.date(2025, 5, 10), score=-9.0),
        ev("x1", day=None),  # undated: left out
        ev("wc1", negated=True),  # did not happen: left out
        ev("ko1", type="RETREAT", actor=(IND, PAK), recipient=(IND, PAK),
           day=dt.date(2025, 5, 10), score=7.5),  # reciprocal: both directions
    ]
    df = dyad_timeline(events, "IND", "PAK", directed=True)
    base = ["date", "actor", "recipient", "n_events", "score_sum"]
    assert list(df.columns) == [*base, "n_conflict", "conflict_sum", "n_cooperation",
                                "cooperation_sum"]
    assert df[base].to_dict("records") == [
        {"date": pd.Timestamp("2025-05-07"), "actor": "IND", "recipient": "PAK",
         "n_events": 2, "score_sum": -18.5},
        {"date": pd.Timestamp("2025-05-10"), "actor": "IND", "recipient": "PAK",
         "n_events": 1, "score_sum": 7.5},
    ]
    # conflict and cooperation apart (issue 16): the strikes day, then the truce day
    assert list(df["conflict_sum"]) == [-18.5, 0.0] and list(df["cooperation_sum"]) == [0, 7.5]
    both = dyad_timeline(events, "IND", "PAK", directed=False)
    assert list(zip(both["actor"], both["n_events"], strict=True)) == [
        ("IND", 2), ("IND", 1), ("PAK", 2)]
    assert dyad_timeline([], "IND", "PAK").empty


# ------------------------------------------------------------------ PLOVER export
def test_to_plover() -> None:
    e = ev("cpa1", size=Size(dead=26)).model_copy(update={
        "operation": "Operation Sindoor", "contexts": ["military"], "cameo": "19"})
    d = to_plover(e)
    json.dumps(d)  # JSON-ready
    assert d["event_type"] == "ASSAULT" and d["mode"] == "aerial"
    assert d["actor"] == ["India"] and d["actor_country"] == ["IND"]
    assert d["recipient_country"] == ["PAK"] and d["recipient_sector"] == ["GOV"]
    assert d["event_date"] == "2025-05-07" and d["date_precision"] == "day"
    assert d["event_loc"] == {"name": "Bahawalpur", "country": "PAK", "lat": None, "lon": None}
    assert d["event_text"] == "sentence of cpa1" and d["story_ids"] == ["cpa1"]
    assert d["size"] == {"dead": 26, "injured": None} and d["context"] == ["military"]
    assert d["plover_score"] == -9.5 and d["cameo"] == "19"
    assert d["negated"] is False and d["operation"] == "Operation Sindoor"


def test_joint_event_counts_once_for_the_pair() -> None:
    import datetime as dt

    from chronicler.records import Event, EventActor
    from chronicler.views.timeline import dyad_timeline

    truce = Event(id="t", type="RETREAT", mode=["ceasefire"], score=7.5,
                  date=dt.date(2025, 5, 10), date_precision="day",
                  actor=[EventActor(name="India", country="IND"),
                         EventActor(name="Pakistan", country="PAK")])
    strike = truce.model_copy(update={"id": "s", "type": "ASSAULT", "score": -9.5,
                                      "actor": [EventActor(name="India", country="IND")],
                                      "recipient": [EventActor(name="Pakistan",
                                                               country="PAK")]})
    both = dyad_timeline([truce, strike], "IND", "PAK", directed=False)
    assert both["n_events"].sum() == 2 and both["score_sum"].sum() == -2.0
    back = dyad_timeline([truce, strike], "PAK", "IND", directed=True)
    assert list(back["n_events"]) == [1] and list(back["score_sum"]) == [7.5]
    assert dyad_timeline([truce], "IND", "CHN").empty  # a joint event of others


# ------------------------------------------------------------------ one event, named many ways
MILITANTS = EventActor(name="militants", country=None, sector="REB")
IND_CIV = EventActor(name="tourists", country="IND", sector="CIV")


def _loc(name: str, lat: float, lon: float) -> Location:
    return Location(name=name, country="IND", lat=lat, lon=lon)


def test_sides_named_differently_are_one_event() -> None:
    # "militants killed 26 at Pahalgam" / "the Pahalgam attack" (no sides) / "a deadly
    # attack on tourists in Indian-administered Kashmir last month" (month, the region)
    a = ev("cpa1", actor=(MILITANTS,), recipient=(IND_CIV,), day=dt.date(2025, 4, 22),
           place=None).model_copy(update={"location": _loc("Pahalgam", 34.01, 75.32)})
    b = ev("mh1", actor=(), recipient=(), day=None, place=None).model_copy(
        update={"location": _loc("Pahalgam", 34.01, 75.32)})
    c = ev("x1", actor=(), recipient=(IND_CIV,), day=dt.date(2025, 4, 1), precision="month",
           place=None).model_copy(update={"location": _loc("Indian-administered Kashmir",
                                                             33.8, 75.0)})
    for perm in itertools.permutations([a, b, c]):
        (m,) = merge_events(list(perm), ARTICLES)
        assert m.article_ids == ["cpa1", "mh1", "x1"] and m.date == dt.date(2025, 4, 22)
        assert m.location is not None and m.location.name == "Pahalgam"


def test_far_places_and_disjoint_sides_stay_apart() -> None:
    far = ev("mh1", place=None).model_copy(update={"location": _loc("Delhi", 28.6, 77.2)})
    near = ev("cpa1", place=None).model_copy(update={"location": _loc("Srinagar", 34.08, 74.8)})
    assert len(merge_events([far, near], ARTICLES)) == 2
    afg = ev("x1", recipient=(EventActor(name="Afghanistan", country="AFG"),))
    assert len(merge_events([ev("cpa1"), afg], ARTICLES)) == 2


def test_undated_mentions_with_nothing_in_common_stay_apart() -> None:
    a = ev("cpa1", actor=(), recipient=(), day=None, place=None)
    b = ev("mh1", actor=(), recipient=(), day=None, place=None)
    assert len(merge_events([a, b], ARTICLES)) == 2


def test_joint_events_merge_on_both_sides() -> None:
    both = (IND, PAK)
    a = ev("cpa1", type="AGREE", actor=both, recipient=(), day=dt.date(2025, 5, 10),
           place=None, score=7.5)
    b = ev("mh1", type="AGREE", actor=(PAK, IND), recipient=(), day=None, place=None,
           score=7.5)
    (m,) = merge_events([a, b], ARTICLES)
    assert m.n_sources == 2 and m.date == dt.date(2025, 5, 10)


def test_an_undated_event_is_dated_when_first_reported_and_says_so() -> None:
    arts = {"a": ArticleMeta(outlet="A", published=dt.date(2025, 6, 5)),
            "b": ArticleMeta(outlet="B", published=dt.date(2025, 6, 1))}
    (m,) = merge_events([ev("a", day=None), ev("b", day=None)], arts)
    assert (m.date, m.date_precision, m.date_reported) == (dt.date(2025, 6, 1), "day", True)
    dated, = merge_events([ev("a")], arts)
    assert not dated.date_reported
    old = ev("a", day=None).model_copy(update={"historical": True})
    (h,) = merge_events([old], arts)
    assert h.date is None and not h.date_reported  # a past event is not dated by its report


def test_a_mention_of_another_pair_never_joins_through_a_shared_country() -> None:
    """India struck Pakistan; a reciprocal mention of the pair ("the two countries
    exchanged fire") widens the cluster's sides to both countries on both roles; a
    reciprocal mention of Pakistan and Afghanistan on the same day shares Pakistan on
    both roles but brings a country the event does not have: it is another event."""
    afg = EventActor(name="Afghanistan", country="AFG", sector="GOV")
    both = (IND, PAK)
    other = (PAK, afg)
    got = merge_events([ev("cpa1"), ev("mh1", actor=both, recipient=both, start=40),
                        ev("mh2", actor=other, recipient=other, place=None, start=80)],
                       ARTICLES)
    assert sorted(m.article_ids for m in got) == [["cpa1", "mh1"], ["mh2"]]
    # one side only ("Pakistan said it was attacked") on the same day: a weak anchor,
    # it joins when it tells the report in its words, not on the country and day alone
    strike = said(ev("cpa1"), "Missiles struck a grain depot near the river before dawn.")
    side = ev("mh2", actor=(), place=None, start=80)
    got = merge_events([strike, said(side, "Officials said missiles struck a grain depot "
                                           "near the river.")], ARTICLES)
    assert [m.article_ids for m in got] == [["cpa1", "mh2"]]
    got = merge_events([strike, said(side, "Police fired on a crowd at the market.")],
                       ARTICLES)
    assert sorted(m.article_ids for m in got) == [["cpa1"], ["mh2"]]


# ------------------------------------------------------------------ replies (issue 14)
def test_an_undated_reply_in_the_next_sentence_takes_the_date_it_answers() -> None:
    from chronicler.corpus.events import date_replies

    day = dt.date(2025, 5, 10)
    strike = ev("mh1", actor=(PAK,), recipient=(IND,), day=day, place=None, start=0)
    reply = ev("mh1", day=None, place=None, start=22)  # next sentence: gap of 2
    later = ev("mh1", day=None, place=None, start=200)  # not the next sentence
    same_way = ev("mh2", day=None, place=None, start=22)  # no reversal: not a reply
    ahead = ev("mh2", day=day, place=None, start=0)
    for order in itertools.permutations([strike, reply, later, same_way, ahead]):
        got = {e.id: e for e in date_replies(list(order))}
        assert got[reply.id].date == day and got[reply.id].date_precision == "day"
        assert got[later.id].date is None and got[same_way.id].date is None
    # a negated or hypothetical event answers nothing and is dated by nothing
    denied = reply.model_copy(update={"negated": True})
    assert date_replies([strike, denied])[1].date is None


def test_an_undated_mention_never_joins_an_event_after_its_article() -> None:
    meta = {"mh1": ArticleMeta(outlet="MH", published=dt.date(2025, 3, 27)),
            "cpa1": ArticleMeta(outlet="CPA", published=dt.date(2025, 4, 2)),
            "x1": ArticleMeta(outlet=None, published=dt.date(2025, 4, 3))}
    strike = ev("cpa1", day=dt.date(2025, 4, 2))
    earlier = ev("mh1", day=None, start=40)  # written five days before the strike
    later = ev("x1", day=None, start=40)
    for order in itertools.permutations([strike, earlier, later]):
        merged = merge_events(list(order), meta)
        by_art = {a: m for m in merged for a in m.article_ids}
        assert by_art["x1"] is by_art["cpa1"]
        assert by_art["mh1"] is not by_art["cpa1"]


def test_a_date_alone_joins_nothing_when_neither_names_a_country() -> None:
    nobody = EventActor(name="gunmen")
    a = ev("mh1", actor=(nobody,), recipient=(), place=None)
    b = ev("cpa1", actor=(nobody,), recipient=(), place=None, start=40)
    assert len(merge_events([a, b], ARTICLES)) == 2  # "3 killed on Sunday", twice
    c = ev("mh1", place=None)
    d = ev("cpa1", place=None, start=40)
    assert len(merge_events([c, d], ARTICLES)) == 1  # one day, one pair of countries


# ------------------------------------------------------------------ places (issue 14)
MRV = EventActor(name="Merovia", country="MRV", sector="GOV")
KLD = EventActor(name="Kaldoria", country="KLD", sector="GOV")


def _at(e: Event, name: str, country: str | None) -> Event:
    return e.model_copy(update={"location": Location(name=name, country=country)})


def test_a_place_inside_a_country_is_that_country() -> None:
    day = dt.date(2025, 4, 2)
    country = _at(ev("cpa1", actor=(MRV,), recipient=(KLD,), day=day), "Kaldoria", "KLD")
    town = _at(ev("mh1", actor=(MRV,), recipient=(KLD,), day=None), "Bahrun", "KLD")
    other = _at(ev("x1", actor=(MRV,), recipient=(KLD,), day=None), "Resk", "MRV")
    for perm in itertools.permutations([country, town, other]):
        got = sorted(m.article_ids for m in merge_events(list(perm), ARTICLES))
        assert got == [["cpa1", "mh1"], ["x1"]]


def test_a_country_never_joins_two_towns_of_it() -> None:
    """Shelling in Resk and in Marrick on one day are two events; a mention of the
    country itself joins one of them, not both into one."""
    day = dt.date(2025, 4, 2)
    resk = _at(ev("cpa1", actor=(KLD,), recipient=(MRV,), day=day), "Resk", "MRV")
    marrick = _at(ev("mh1", actor=(KLD,), recipient=(MRV,), day=day), "Marrick", "MRV")
    country = _at(ev("x1", actor=(KLD,), recipient=(MRV,), day=day), "Merovia", "MRV")
    for perm in itertools.permutations([resk, marrick, country]):
        got = merge_events(list(perm), ARTICLES)
        assert len(got) == 2 and sum(m.n_articles for m in got) == 3


def test_one_death_toll_ties_two_names_of_one_place() -> None:
    """"24 killed at the meadow on Tuesday" and "24 killed in the valley on Tuesday":
    two names, neither known to be apart from the other, one toll: one event; a third
    mention at the meadow without a toll then joins it too; a toll in another country
    or a small one ties nothing."""
    day = dt.date(2025, 3, 11)
    gunmen = EventActor(name="gunmen", sector="REB")
    a = _at(ev("cpa1", actor=(gunmen,), recipient=(), day=day, size=Size(dead=24)),
            "Upper Valley", None)
    b = _at(ev("mh1", actor=(), recipient=(MRV,), day=day, size=Size(dead=24)),
            "Lark Meadow", "MRV")
    c = _at(ev("mh2", actor=(), recipient=(MRV,), day=day), "Lark Meadow", "MRV")
    undated = ev("x1", actor=(gunmen,), recipient=(), day=None, place=None,
                 size=Size(dead=24))
    for perm in itertools.permutations([a, b, c, undated]):
        (m,) = merge_events(list(perm), ARTICLES)
        assert m.article_ids == ["cpa1", "mh1", "mh2", "x1"]
        assert _countries_of(m.recipient) == ["MRV"]  # the side that names a country
    far = _at(ev("x1", actor=(), recipient=(MRV,), day=day, size=Size(dead=24)),
              "Bahrun", "KLD")
    assert len(merge_events([b, far], ARTICLES)) == 2
    few = [_at(ev("cpa1", actor=(gunmen,), recipient=(), day=day, size=Size(dead=3)),
               "Upper Valley", None),
           _at(ev("mh1", actor=(), recipient=(MRV,), day=day, size=Size(dead=3)),
               "Lark Meadow", "MRV")]
    assert len(merge_events(few, ARTICLES)) == 2


def _countries_of(side: list[EventActor]) -> list[str]:
    return sorted({a.country for a in side if a.country})


def test_an_undated_mention_prefers_an_event_known_to_have_happened() -> None:
    """Two articles written before the strikes foresee them (undated, kept apart from
    the strikes by their dates); a report after the strikes mentions them undated: it
    joins the dated strikes, not the larger heap of undated forecasts."""
    meta = {"old1": ArticleMeta(outlet="A", published=dt.date(2025, 3, 20)),
            "old2": ArticleMeta(outlet="B", published=dt.date(2025, 3, 21)),
            "cpa1": ArticleMeta(outlet="CPA", published=dt.date(2025, 4, 2)),
            "x1": ArticleMeta(outlet="X", published=dt.date(2025, 4, 3))}
    # the forecasts are worded alike (two undated mentions of a pair join only so)
    events = [ev("cpa1", day=dt.date(2025, 4, 2), place=None),
              said(ev("old1", day=None, place=None), "Jets will strike the camps soon."),
              said(ev("old2", day=None, place=None), "Jets may strike the camps."),
              said(ev("x1", day=None, place=None), "Jets did strike the camps.")]
    for perm in itertools.permutations(events):
        got = sorted(m.article_ids for m in merge_events(list(perm), meta))
        assert got == [["cpa1", "x1"], ["old1", "old2"]]


def test_a_part_of_a_region_by_its_name_is_in_the_region() -> None:
    from chronicler.corpus.places import locations_compatible, part_of

    assert part_of("Lessara", "Merovian-held Lessara")
    assert part_of("Lessara", "northern Lessara")
    assert not part_of("Lessara", "Merovian-held Tavonia")
    assert not part_of("Merovian-held Lessara", "Kaldorian-held Lessara")
    day = dt.date(2025, 3, 11)
    region = _at(ev("cpa1", actor=(KLD,), recipient=(MRV,), day=day), "Lessara", None)
    ours = _at(ev("mh1", actor=(KLD,), recipient=(MRV,), day=None), "Merovian-held Lessara",
               None)
    theirs = _at(ev("x1", actor=(KLD,), recipient=(MRV,), day=day),
                 "Kaldorian-held Lessara", None)
    for perm in itertools.permutations([region, ours, theirs]):
        got = merge_events(list(perm), ARTICLES)
        assert len(got) == 2  # the region joins one part, the two parts stay apart
        assert sorted(len(m.article_ids) for m in got) == [1, 2]
    # a country's centre is no measure of how far its places are
    country = Location(name="Pakistan", country="PAK", lat=30.0, lon=70.0)
    town = Location(name="Muridke", country="PAK", lat=31.8, lon=74.25)
    assert locations_compatible(country, town)
