"""Authorities, venues, stand-downs and strikes (issue 12): a curfew imposed by
"authorities" named by their kind alone is the government's of the one country it is
imposed on; a demand made "at" a body is made there, and whom it asks to act is its
recipient; forces stood down are a de-escalation (CAMEO 087, the supplement's
STAND_DOWN); workers who down or lay down their tools strike; measures, steps or a walkout
warned of on a condition ("would take all necessary measures unless ...") are a threat,
steps a country needs are none. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


def test_authorities_impose_their_countrys_curfew(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Authorities imposed a dusk-to-dawn curfew on the Kenyan town "
                             "of Nakuru on Thursday.") == [("COERCE", {"KEN"}, {"KEN"})]


def test_a_demand_at_a_body_is_made_there(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Ugandan Foreign Minister Sam Kutesa demanded at the African "
                            "Union summit on Tuesday that Kenya reopen the border.")
    assert got == [("REQUEST", {"UGA"}, {"KEN"})]


def test_forces_stood_down_deescalate(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uganda stood down four battalions it had sent to the Kenyan "
                            "border.")
    assert [t for t, _, _ in got] == ["RETREAT"] and got[0][1] == {"UGA"}


def test_tools_downed_are_a_strike(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Dock workers in Mombasa laid down their tools on Monday.")
    assert got == [("PROTEST", {"KEN"}, {"KEN"})]


@pytest.mark.parametrize(("text", "want"), [
    ("The rebels imposed a curfew on the Kenyan town of Nakuru.",
     [("COERCE", set(), {"KEN"})]),
    ("Kenyan troops fired at the Ugandan positions.", [("ASSAULT", {"KEN"}, {"UGA"})]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want


def test_measures_warned_of_on_a_condition_are_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Kenya warned Uganda that it would take all necessary measures "
                            "unless the raids stopped.")
    assert got == [("THREATEN", {"KEN"}, {"UGA"})]


def test_steps_needed_are_no_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "The Kenyan minister warned that the country needed to take "
                             "steps to cut spending.") == []
