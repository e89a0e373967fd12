"""Protests against something (issue 12): people protesting against a government or an
act make a PROTEST, and a crowd the sentence places is of that place; a state
protesting against something makes the diplomatic protest, ACCUSE, against whoever it
says did it; a country's people ("Kenyans", "thousands of Kenyans") are people, not the
state; civilians clashing with the police, or people named by their demand, riot.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Students protested against the government in Lahore.", "PAK", "PAK"),
    ("Thousands protested in Karachi against the Indian air strikes.", "PAK", "IND"),
    ("Farmers in Punjab protested against the new laws on Monday.", "PAK", "PAK"),
])
def test_people_protesting_against(analyzer, text: str, actor: str,  # type: ignore[no-untyped-def]
                                   recipient: str) -> None:
    got = [e for e in code(analyzer, text) if e.type == "PROTEST"]
    assert got and side(got[0], "actor") == {actor}
    assert recipient in side(got[0], "recipient")


def test_a_state_protesting_against_accuses(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kaldoria protested against the Merovian shelling of its villages.")
    assert "PROTEST" not in {e.type for e in got}
    assert any(e.type == "ACCUSE" and side(e, "actor") == {"KLD"}
               and side(e, "recipient") == {"MRV"} for e in got)


def test_a_rally_with_no_crowd_named_is_no_protest(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Speaking at a rally in Ohio, the senator said little about trade.")
    assert "PROTEST" not in {e.type for e in got}


# a country's people named by their demonym, or a crowd of them, protest in the street
# (the actor dictionaries give "Kenyans" the country's code, not a state's voice)
@pytest.mark.parametrize("text", [
    "Thousands of Kenyans protested in Nairobi on Monday.",
    "Kenyans protested in Nairobi on Monday.",
])
def test_a_countrys_people_protest_in_the_street(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, side(e, "actor")) for e in code(analyzer, text)] == [("PROTEST", {"KEN"})]


# a state protesting "that" someone did something accuses whoever did it
def test_a_state_protesting_that_accuses_the_doer(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya's foreign ministry protested that Ugandan troops had crossed "
                         "the border.")
    assert [(e.type, side(e, "actor"), side(e, "recipient")) for e in got] == [
        ("ACCUSE", {"KEN"}, {"UGA"})]


# people who are no force of their own clashing with the police riot, and people named by
# their demand are demonstrators; troops clashing with rebels fight
@pytest.mark.parametrize("text", [
    "Kenyan students clashed with riot police in Nairobi on Monday.",
    "Villagers clashed with security forces in northern Peru.",
    "Kenyan students demanding lower fees clashed with soldiers in Nairobi.",
])
def test_civilians_clashing_with_police_riot(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("PROTEST", ["riot"])]


def test_troops_clashing_with_rebels_fight(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Somali troops clashed with rebels near Mogadishu.")
    assert [e.type for e in got] == ["ASSAULT"]
