"""Allegations charged (issue 12): a state that "charged that" another did something
alleges it (CAMEO 112), as "alleged that" does, whether or not what it charges is an
event of its own; "charged with" stays the legal charge and "charged that" with no one
accused codes nothing. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize("text", [
    "Gabon charged that Uruguayan troops had crossed the border.",
    "Gabon charged that Uruguay was sheltering the coup plotters.",
])
def test_charged_that_is_an_allegation(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == [("ACCUSE", {"GAB"}, {"URY"})]


def test_charged_that_keeps_the_event_it_reports(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Gabon charged that Uruguayan troops had shelled its border "
                            "villages.")
    assert sorted(t for t, _, _ in got) == ["ACCUSE", "ASSAULT"]


# must stay: nobody accused, and the price a shop charges
@pytest.mark.parametrize("text", [
    "Police charged that the suspect had fled.",
    "The Uruguayan ferry company charged more for the crossing.",
])
def test_what_charging_leaves_alone(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == []
