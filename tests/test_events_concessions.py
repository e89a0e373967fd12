"""Concessions and the nouns of state acts (issue 12): a demand or a claim given up is
yielding (CAMEO 080), and the demand given up no request; a strike or a protest called
off or suspended by those who made it eases dissent (082), not a sanction; giving in to
a campaign is a concession; as nouns, an ambassador's recall is a sanction, a blockade's
lifting a retreat, a state of emergency's declaration coercion, homes demolished an
assault, and a people's expulsion (miners, traders) a mass expulsion (201); a person
the model split into two names is still the person Phoenix knows. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize(("text", "want"), [
    ("Gabon dropped its demand that Uruguayan troops leave the island.",
     [("CONCEDE", {"GAB"}, {"URY"})]),
    ("Gabonese opposition supporters called off a general strike.",
     [("CONCEDE", {"GAB"}, {"GAB"})]),
    ("Gabonese unions suspended their strike after talks with the government.",
     [("CONCEDE", {"GAB"}, {"GAB"})]),
    ("Bowing to a long campaign by students, the Gabonese government agreed to lower "
     "university fees.", [("CONCEDE", {"GAB"}, {"GAB"})]),
])
def test_yielding(analyzer, text: str,  # type: ignore[no-untyped-def]
                  want: list[tuple[str, set[str], set[str]]]) -> None:
    assert triples(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Gabon's recall of its ambassador from Uruguay followed the arrests.",
     ("SANCTION", {"GAB"}, {"URY"})),
    ("Gabon's lifting of its naval blockade of Uruguay allowed fishing boats back.",
     ("RETREAT", {"GAB"}, {"URY"})),
    ("The Gabonese president's declaration of a state of emergency came after the riots.",
     ("COERCE", {"GAB"}, {"GAB"})),
    ("The demolition of three Uruguayan homes by Gabonese army bulldozers drew protests.",
     ("ASSAULT", {"GAB"}, {"URY"})),
    ("Gabon's expulsion of 10,000 Uruguayan miners was carried out at gunpoint.",
     ("ASSAULT", {"GAB"}, {"URY"})),
])
def test_nouns_of_state_acts(analyzer, text: str,  # type: ignore[no-untyped-def]
                             want: tuple[str, set[str], set[str]]) -> None:
    assert want in triples(analyzer, text)


def test_a_split_name_is_the_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    got = triples(analyzer, "President Ahmad Tejan Kabbah demanded that Uruguay keep its "
                            "troops in the country.", dt.date(2000, 1, 1))
    assert [(t, a) for t, a, _ in got] == [("REQUEST", {"SLE"})]


# must stay: aid halted in protest is a sanction, and a quake's ruins no assault
@pytest.mark.parametrize(("text", "want"), [
    ("Gabon halted its aid programme in Uruguay in protest at the coup.", ["SANCTION"]),
    ("The demolition of homes damaged by the Uruguayan earthquake began on Monday.", []),
])
def test_what_concessions_leave_alone(analyzer, text: str,  # type: ignore[no-untyped-def]
                                      want: list[str]) -> None:
    assert [t for t, _, _ in triples(analyzer, text)] == want
