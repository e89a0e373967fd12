"""Grievances and threats in news leads (issue 12): a hostile act promised on a condition
is a threat, a protest's purpose is the protest, workers walking off the job strike, a
state act condemned accuses the state that did it, a complaint lodged is a diplomatic
protest. Made-up sentences; each class with nearby sentences it must leave alone."""

from __future__ import annotations

import pytest

from tests.eventcode import asserted


# force announced on a condition ("would retaliate if ...", "will strike unless ...") is
# a THREATEN (CAMEO 13); "will retaliate" alone stays a future ASSAULT (ONTOLOGY.md)
@pytest.mark.parametrize(("text", "want"), [
    ("Russia said it would retaliate if NATO deployed missiles in Poland.", "THREATEN"),
    ("India will strike Pakistan again unless the camps are closed.", "THREATEN"),
    ("Pakistan will retaliate against India, the army chief said.", "ASSAULT"),
])
def test_force_on_a_condition_is_a_threat(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in asserted(analyzer, text)] == [want]


# what a protest is held to say ("went on hunger strike to protest", "rallied to
# denounce") is the protest itself, not a second event
@pytest.mark.parametrize("text", [
    "Palestinian prisoners went on a hunger strike to protest their conditions in Israeli "
    "jails.",
    "Thousands of students rallied in Karachi to protest the new fees.",
])
def test_a_protests_purpose_is_the_protest(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in asserted(analyzer, text)] == ["PROTEST"]


# workers walking off the job, or out of hospitals across a country, strike; walking out
# of one office or hospital is leaving it
@pytest.mark.parametrize(("text", "want"), [
    ("Hundreds of Bangladeshi garment workers walked off the job in Dhaka to demand higher "
     "wages.", [("PROTEST", {"BGD"}, {"BGD"})]),
    ("Nurses walked out of hospitals across Kenya on Monday.", [("PROTEST", {"KEN"}, {"KEN"})]),
    ("The injured minister walked out of the hospital in Delhi on Friday.", []),
])
def test_walking_off_the_job(analyzer, text: str,  # type: ignore[no-untyped-def]
                             want: list[tuple[str, set[str], set[str]]]) -> None:
    assert asserted(analyzer, text) == want


# a state act (an execution, an arrest, a jailing) condemned in a country accuses that
# country's state; a complaint lodged with a state is a diplomatic protest (ACCUSE)
@pytest.mark.parametrize(("text", "want"), [
    ("The Vatican condemned the execution of a Catholic priest in China.",
     ("ACCUSE", {"VAT"}, {"CHN"})),
    ("Britain condemned the jailing of opposition leaders in Belarus.",
     ("ACCUSE", {"GBR"}, {"BLR"})),
    ("South Korea lodged a formal complaint with Japan over the textbook.",
     ("ACCUSE", {"KOR"}, {"JPN"})),
])
def test_grievances_against_a_state(analyzer, text: str,  # type: ignore[no-untyped-def]
                                    want: tuple[str, set[str], set[str]]) -> None:
    assert want in asserted(analyzer, text)


def test_a_complaint_to_the_police_is_no_protest(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, "The actress filed a complaint with police in Mumbai.") == []
