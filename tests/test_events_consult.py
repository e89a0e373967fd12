"""Who a CONSULT meets (issue 12): one side speaking of a topic meets no one ("discussed
his opposition to the plan", "discussed the threat in a speech"); speaking to or with
someone, or sides that discuss a thing together, do. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize("text", [
    "The Kaldorian president went on to discuss his opposition to the Merovian plan.",
    "The Kaldorian president discussed the Merovian threat in a speech on Monday.",
])
def test_a_topic_discussed_meets_no_one(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize(("text", "countries"), [
    ("The Kaldorian foreign minister spoke to his Merovian counterpart on Monday.",
     {"KLD", "MRV"}),
    ("Kaldoria and Merovia discussed the border dispute on Monday.", {"KLD", "MRV"}),
    ("The Kaldorian envoy discussed the dispute with Merovian officials in Geneva.",
     {"KLD", "MRV"}),
    ("Kaldorian and Merovian envoys gathered in Geneva to discuss the truce.",
     {"KLD", "MRV"}),
])
def test_meetings(analyzer, text: str, countries: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = [e for e in code(analyzer, text) if e.type == "CONSULT"]
    assert got and side(got[0], "actor") | side(got[0], "recipient") == countries


def test_speaking_out_meets_no_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {e.type for e in code(
        analyzer, "The United Nations has failed to speak out on the abuses in Merovia.")}



def test_a_crowd_gathering_meets_no_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {e.type for e in code(
        analyzer, "Reporters gathered in Geneva for the Kaldorian negotiations.")}
