"""The merge on news of one country: weak anchors need the wording too (made-up events).

In news of one country nearly every event is "USA -> USA" or has one side unnamed; the
country pair, or a date with one country, ties every happening of a type. Those events
stay apart unless a strong anchor (place, toll, operation, a pair of two countries with
a date) or their sentences' wording ties them.
"""

from __future__ import annotations

import datetime as dt
import itertools

from chronicler.corpus.events import ArticleMeta, merge_events
from chronicler.corpus.wording import content_words, same_wording
from chronicler.records import Event, EventActor, Evidence, Location, content_id

HALE = EventActor(name="Senator Hale", country="USA", sector="LEG")
RUIZ = EventActor(name="Governor Ruiz", country="USA", sector="GOV")
PRESS = EventActor(name="the press", country="USA", sector="MED")
BILL = EventActor(name="the tax bill", country="USA")
NORTH = EventActor(name="Norland", country="PRK", sector="GOV")
US = EventActor(name="United States", country="USA", sector="GOV")
OFFICER = EventActor(name="a police officer", sector="COP")

META = {a: ArticleMeta(outlet=a.upper(), published=dt.date(2016, 9, 20))
        for a in ("a1", "a2", "a3", "a4")}


def ev(article: str, text: str, actor: tuple[EventActor, ...] = (HALE,),
       recipient: tuple[EventActor, ...] = (BILL,), day: dt.date | None = None,
       precision: str = "day", place: str | None = None, start: int = 0,
       type: str = "ASSAULT") -> Event:
    return Event(
        id=content_id("event", article, type, str(start)), type=type, mode=[],
        actor=list(actor), recipient=list(recipient), date=day,
        date_precision=precision if day else None,
        location=Location(name=place, country="USA") if place else None,
        score=-9.0, trigger="attacked", pattern="assault.attack.verb",
        evidence=[Evidence(article_id=article, text=text, span=(start, start + len(text)))],
        article_ids=[article])


def groups(events: list[Event]) -> list[list[str]]:
    return sorted(m.article_ids for m in merge_events(events, META))


def test_two_domestic_events_of_one_type_stay_apart() -> None:
    """Different days, places and wording: the shared pair USA -> USA says nothing."""
    a = ev("a1", "Senator Hale attacked four provisions of the tax bill on Tuesday.",
           day=dt.date(2016, 9, 13))
    b = ev("a2", "Governor Ruiz attacked the press for its coverage of the rally.",
           actor=(RUIZ,), recipient=(PRESS,), day=dt.date(2016, 9, 1), precision="month")
    c = ev("a3", "The senator has attacked loopholes that favour hedge funds.")
    d = ev("a4", "Hale will find it hard to attack the moderators during the debate.",
           place="Hempstead")
    for perm in itertools.permutations([a, b, c, d]):
        assert groups(list(perm)) == [["a1"], ["a2"], ["a3"], ["a4"]]


def test_a_repeated_domestic_event_still_merges() -> None:
    """One event told twice: the same place and day join whatever the wording; the same
    report in other words joins on the pair and its wording."""
    day = dt.date(2016, 9, 16)
    a = ev("a1", "An officer shot a man during a traffic stop in Tulsa on Friday.",
           actor=(OFFICER,), recipient=(US,), day=day, place="Tulsa")
    b = ev("a2", "Protesters gathered after Friday's shooting in Tulsa.",
           actor=(), recipient=(US,), day=day, place="Tulsa")
    assert groups([a, b]) == [["a1", "a2"]]
    c = ev("a3", "Senator Hale attacked four provisions of the tax bill, his office said.")
    d = ev("a4", "Hale attacked four provisions of the tax bill in a speech.")
    assert groups([c, d]) == [["a3", "a4"]]


def test_a_launch_abroad_never_joins_a_shooting_at_home() -> None:
    """A day-dated missile launch Norland -> United States and a police shooting of the
    same day with only the victim's country named share the day and one country."""
    day = dt.date(2016, 9, 5)
    launch = ev("a1", "Norland fired three missiles into the sea on Monday.",
                actor=(NORTH,), recipient=(US,), day=day)
    shooting = ev("a2", "A man was shot and killed by an officer on Monday night.",
                  actor=(OFFICER,), recipient=(US,), day=day)
    year = ev("a3", "At least 700 people have been shot by police so far this year.",
              actor=(OFFICER,), recipient=(), day=dt.date(2016, 1, 1), precision="year")
    for perm in itertools.permutations([launch, shooting, year]):
        got = merge_events(list(perm), META)
        assert sorted(m.article_ids for m in got) == [["a1"], ["a2"], ["a3"]]
        (m,) = [m for m in got if m.article_ids == ["a1"]]
        assert m.evidence[0].text.startswith("Norland")  # its own evidence


def test_two_undated_mentions_of_a_pair_join_only_when_worded_alike() -> None:
    """Two countries in common: with a date on one side they are an anchor ("Norland
    fired missiles" joins the launch of Monday); two undated mentions need the wording."""
    day = dt.date(2016, 9, 5)
    launch = ev("a1", "Norland fired three missiles into the sea on Monday.",
                actor=(NORTH,), recipient=(US,), day=day)
    recall = ev("a2", "The launch drew a sharp rebuke.", actor=(NORTH,), recipient=(US,))
    assert groups([launch, recall]) == [["a1", "a2"]]
    x = ev("a3", "Norland has threatened the region for years.", actor=(NORTH,),
           recipient=(US,))
    y = ev("a4", "Officials said Norland hackers attacked payroll systems.",
           actor=(NORTH,), recipient=(US,))
    assert groups([x, y]) == [["a3"], ["a4"]]
    z = ev("a4", "Norland has threatened the whole region for years, officials said.",
           actor=(NORTH,), recipient=(US,))
    assert groups([x, z]) == [["a3", "a4"]]


def test_events_kept_apart_never_share_an_id() -> None:
    """Two events of one type, sides, date and place that the merge keeps apart keep
    their own ids (one stored event must not replace the other), whatever the order."""
    a = ev("a1", "Senator Hale attacked four provisions of the tax bill.")
    b = ev("a2", "The senator attacked loopholes that favour hedge funds.")
    c = ev("a3", "Hale criticised the energy credits at a town hall.")
    runs = {tuple(sorted(m.id for m in merge_events(list(p), META)))
            for p in itertools.permutations([a, b, c])}
    assert len(runs) == 1
    (ids,) = runs
    assert len(set(ids)) == 3


def test_content_words_leave_out_function_dates_and_countries() -> None:
    words = content_words("On Tuesday the Pakistani envoy said Pakistan would attack 12 "
                          "depots in March.")
    assert words == {"envoy", "attack", "12", "depots"}
    a = content_words("Hale attacked four provisions of the tax bill.")
    assert same_wording(a, content_words("Hale attacked four provisions of the bill."))
    assert not same_wording(a, content_words("Hale attacked the press."))  # two words
    # three words in common, but not half of the shorter sentence's
    long = content_words("Hale attacked the tax bill at a crowded town hall in the "
                         "capital on a rainy evening.")
    assert not same_wording(long, content_words("Hale attacked the press over its "
                                                "coverage of the tax debate and the "
                                                "primary campaign."))


def test_the_event_text_is_the_representatives_sentence() -> None:
    """The merged event's sides and date are the dated mention's: its sentence comes
    first in the evidence (an export shows it as the event's text), whatever the
    article order."""
    day = dt.date(2016, 9, 5)
    launch = ev("a2", "Norland fired three missiles into the sea on Monday.",
                actor=(NORTH,), recipient=(US,), day=day)
    recall = ev("a1", "The launch drew a sharp rebuke.", actor=(NORTH,), recipient=(US,))
    (m,) = merge_events([recall, launch], META)
    assert [x.article_id for x in m.evidence] == ["a2", "a1"]
    assert m.date == day and m.article_ids == ["a1", "a2"]


def test_another_place_of_the_one_country_is_a_weak_anchor() -> None:
    """Undated mentions at two places of one country ("in the United States" and a
    town in it; two cities 60 km apart) are any happenings there; the same town, or
    both dated, or two countries named, still anchor."""
    def at(e: Event, name: str, lat: float | None = None, lon: float | None = None
           ) -> Event:
        return e.model_copy(update={"location": Location(name=name, country="USA",
                                                         lat=lat, lon=lon)})

    voters = EventActor(name="voters", country="USA")
    a = at(ev("a1", "A retiree backed the governor in the primary.", actor=(),
              recipient=(voters,), type="SUPPORT"), "Carthage")
    b = at(ev("a2", "Support for the front-runner grew among older voters.", actor=(),
              recipient=(voters,), type="SUPPORT"), "United States")
    assert groups([a, b]) == [["a1"], ["a2"]]
    march = at(ev("a3", "A group in white shirts marched in silence downtown.",
                  actor=(HALE,), recipient=(US,), type="PROTEST"), "Fremont", 37.5, -122.0)
    rally = at(ev("a4", "The candidate holds a rally in the city instead.", actor=(HALE,),
                  recipient=(US,), type="PROTEST", day=dt.date(2016, 6, 2)),
               "Sunnyvale", 37.4, -122.0)
    assert groups([march, rally]) == [["a3"], ["a4"]]
    again = at(ev("a4", "Marchers filled the plaza.", actor=(HALE,), recipient=(US,),
                  type="PROTEST"), "Fremont", 37.5, -122.0)
    assert groups([march, again]) == [["a3", "a4"]]  # the same town
    abroad = at(ev("a4", "Norland agents sabotaged a plant in the town.", actor=(NORTH,),
                   recipient=(US,), type="PROTEST"), "Sunnyvale", 37.4, -122.0)
    near = at(ev("a3", "A fire broke out at a plant near the bay.", actor=(NORTH,),
                 recipient=(US,), type="PROTEST"), "Fremont", 37.5, -122.0)
    assert groups([near, abroad]) == [["a3", "a4"]]  # two countries named


def test_a_year_is_no_date_for_a_pair_to_join() -> None:
    """A pair of two countries joins an undated mention to an event dated to its day
    or month; a year ("in 1952") is every happening of it: the wording must agree."""
    old = ev("a1", "Norland accused the embassy of spying during the 1952 campaign.",
             actor=(NORTH,), recipient=(US,), day=dt.date(1952, 1, 1), precision="year",
             type="ACCUSE")
    now = ev("a2", "Norland criticized the president's approach to the talks.",
             actor=(NORTH,), recipient=(US,), type="ACCUSE")
    assert groups([old, now]) == [["a1"], ["a2"]]
    month = ev("a1", "Norland accused the embassy of spying in March.", actor=(NORTH,),
               recipient=(US,), day=dt.date(2016, 3, 1), precision="month", type="ACCUSE")
    assert groups([month, now]) == [["a1", "a2"]]
