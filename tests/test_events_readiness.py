"""Readiness and concessions (issue 12): a state ready, prepared or willing to do what no
pattern codes says an intent to cooperate (CAMEO 030), as "offered to" does, when it
names whom (as the dictionary's verb families need a target: "ready to move on" is
none); its
readiness or willingness to cooperate as a noun is the same intent, not a request;
concessions made are yielding (080), and readiness to make them the intent (035); the
talks where something else is offered are no talks offered. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize("text", [
    "Gabon said it was ready to open a new chapter of cooperation with Uruguay.",
    "Gabon said it was prepared to share its fishing grounds with Uruguay.",
    "Gabon expressed its readiness to cooperate with Uruguay on fisheries.",
    "Gabon said it was ready to make concessions to Uruguay at the border talks.",
])
def test_readiness_is_an_intent_to_cooperate(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == [("AGREE", {"GAB"}, {"URY"})]


def test_concessions_made_are_yielding(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Gabon made concessions to Uruguay over the dam.") == [
        ("CONCEDE", {"GAB"}, {"URY"})]


# must stay: talks offered are a request (ONTOLOGY.md), force offered a threat, troops
# offered keep their type, and no concession made is none
@pytest.mark.parametrize(("text", "want"), [
    ("Gabon is open to talks with Uruguay.", ["REQUEST"]),
    ("Gabon said it was willing to resume talks with Uruguay.", ["REQUEST"]),
    ("Gabon is ready to take part in an inquiry into the Uruguayan blast.", ["REQUEST"]),
    ("Gabon said it was ready to fight Uruguay.", ["THREATEN"]),
    ("Gabon is prepared to send troops to Uruguay.", ["MOBILIZE"]),
    ("Gabon made no concession to Uruguay.", []),
    ("The Gabonese president said he was ready to move on.", []),
])
def test_what_readiness_leaves_alone(analyzer, text: str,  # type: ignore[no-untyped-def]
                                     want: list[str]) -> None:
    assert [t for t, _, _ in triples(analyzer, text)] == want
