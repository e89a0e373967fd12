"""Proposals, demands and their answers (issue 12): accepting what another side put
forward is an AGREE of the one who accepts, with the proposer as recipient, even when
what it proposes is a ceasefire; a ceasefire itself accepted stays a RETREAT. A demand
"for X to ..." is a REQUEST of X, and what X is asked to do is no act of X's. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Kaldoria accepted the truce proposal from Merovia on Saturday.", "KLD", "MRV"),
    ("Pakistan accepted a ceasefire offer from Turkey on Sunday.", "PAK", "TUR"),
    ("Kaldoria agreed to a Merovian plan for a ceasefire.", "KLD", "MRV"),
])
def test_accepting_a_proposal_is_agreeing(analyzer, text: str, actor: str,  # type: ignore[no-untyped-def]
                                          recipient: str) -> None:
    agree = [e for e in code(analyzer, text) if e.type == "AGREE"]
    assert agree and side(agree[0], "actor") == {actor}
    assert side(agree[0], "recipient") == {recipient}


@pytest.mark.parametrize("text", [
    "Kaldoria accepted a ceasefire on Saturday.",
    "India agreed to the truce on Saturday.",
])
def test_a_ceasefire_accepted_is_still_a_retreat(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {e.type for e in code(analyzer, text)} == {"RETREAT"}



@pytest.mark.parametrize("text", [
    "Kaldoria renewed its call for Merovia to withdraw its troops.",
    "Kaldoria repeated its demand for Merovia to pull its forces back from the border.",
    "Kaldoria renewed its demand for Merovia to halt shelling along the frontier.",
])
def test_a_demand_for_someone_to_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, side(e, "actor"), side(e, "recipient")) for e in got] == [
        ("REQUEST", {"KLD"}, {"MRV"})]


def test_a_broker_mediates_and_the_sides_agree(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Norvane brokered a truce between Kaldoria and Merovia on Sunday.")
    found = {(e.type, frozenset(side(e, "actor")), frozenset(side(e, "recipient")))
             for e in got}
    assert ("CONSULT", frozenset({"NVN"}), frozenset({"KLD", "MRV"})) in found
    assert ("RETREAT", frozenset({"KLD", "MRV"}), frozenset()) in found
    assert not any(e.type == "RETREAT" and "NVN" in side(e, "actor") for e in got)
