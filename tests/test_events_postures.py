"""Shows of force in news leads (issue 12, CAMEO 15 as PLOVER's MOBILIZE): reserves called
up, weapons paraded, war games, a flag march, a show of force by whoever made it; and an
event named only as the time of another is carried by no verb. Made-up sentences; each
class with nearby sentences it must leave alone."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


def typed(analyzer, text: str) -> list[tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, side(e, "actor")) for e in code(analyzer, text)]


@pytest.mark.parametrize(("text", "actor"), [
    ("Israel called up thousands of reservists on Sunday.", {"ISR"}),
    ("Turkish troops displayed new tanks at a parade near the Syrian border on Monday.",
     {"TUR"}),
    ("Iran showed off its new long-range missiles at a military parade in Tehran.", {"IRN"}),
    ("North Korea staged large-scale war games near the border with South Korea.", {"PRK"}),
    ("The Indian army carried out a flag march in Srinagar.", {"IND"}),
    ("Russian bombers flew over the Baltic Sea in a show of force.", {"RUS"}),
    ("Chinese warships sailed through the strait as a show of force.", {"CHN"}),
])
def test_shows_of_force(analyzer, text: str, actor: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == [("MOBILIZE", actor)]


@pytest.mark.parametrize("text", [
    "The video showed missiles striking the base.",  # a picture, no display
    "The president called up the minister on Sunday.",  # a phone call
    "The Olympic games were held during the war.",
    "The party held a rally in Lahore as a show of strength.",  # politics
])
def test_no_force_shown(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" not in [t for t, _ in typed(analyzer, text)]


def test_a_march_with_placards_is_still_a_protest(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, "Students in Dhaka held a march against the fee increase.")
    assert [t for t, _ in got] == ["PROTEST"]


# the object of "after", "following": when the sentence's event happened, not what its
# verb did ("put its air force on alert after the attack" put no attack anywhere)
def test_the_time_of_an_event_is_carried_by_no_verb(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, "India put its air force on high alert after the attack.")
    assert got == [("MOBILIZE", {"IND"})]


# a protest put down (CAMEO 175, violent repression: ASSAULT in PLOVER's crosswalk) by
# the side that put it down, the protest itself no event of theirs; arms laid down are a
# disarmament (RETREAT)
@pytest.mark.parametrize(("text", "want"), [
    ("The police put down the riot in Lahore.", [("ASSAULT", {"PAK"})]),
    ("Riot police dispersed thousands of protesters in Dhaka on Monday.",
     [("ASSAULT", {"BGD"})]),
    ("Soldiers quelled the protest in Mandalay with tear gas.", [("ASSAULT", set())]),
    # (rebels named by no country are the country's where they act, as an armed group
    # is the country it fights in: ``dict_candidates.insurgent``)
    ("The rebels laid down their arms in a ceremony in the eastern town of Goma on Sunday.",
     [("RETREAT", {"COD"})]),
    ("The senator broke up with his campaign manager.", []),
])
def test_protests_put_down_and_arms_laid_down(analyzer, text: str,  # type: ignore[no-untyped-def]
                                              want: list[tuple[str, set[str]]]) -> None:
    assert typed(analyzer, text) == want


# a withdrawal of troops is a RETREAT; from a treaty, of envoys, a reduction of relations
# (SANCTION): one event, not both
@pytest.mark.parametrize(("text", "want"), [
    ("Ethiopian troops began withdrawing from the disputed border town of Badme.",
     ["RETREAT"]),
    ("Russia withdrew from the arms control treaty on Tuesday.", ["SANCTION"]),
    ("India recalled its high commissioner from Islamabad on Friday.", ["SANCTION"]),
])
def test_withdrawals(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text)] == want
