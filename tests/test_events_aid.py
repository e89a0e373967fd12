"""Aid and forces sent (issue 12): "sent two planes carrying relief supplies to X",
"dispatched a ship loaded with food aid to X": the aid's recipient is the target of the
cargo, deeper in the object, and a place's country when the target is a region of it.
Troops or brigades sent somewhere are a MOBILIZE. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Norway sent three planes carrying tents and relief supplies to the quake-hit "
     "north of Merovia.", "NOR", "MRV"),
    ("Turkey dispatched a ship loaded with food aid to Merovia on Friday.", "TUR", "MRV"),
])
def test_aid_in_a_carrier(analyzer, text: str, actor: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    aid = [e for e in code(analyzer, text) if e.type == "AID"]
    assert aid and side(aid[0], "actor") == {actor}
    assert side(aid[0], "recipient") == {recipient}


def test_troops_dispatched_are_no_aid(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "AID" not in {e.type for e in code(
        analyzer, "Kaldoria dispatched two armoured brigades to the Merovian border.")}


@pytest.mark.parametrize(("text", "recipient"), [
    ("Kaldoria dispatched two armoured brigades to the Merovian border.", "MRV"),
    ("Kaldoria sent fresh troops into Merovia on Sunday.", "MRV"),
])
def test_forces_sent_are_a_mobilisation(analyzer, text: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    got = [e for e in code(analyzer, text) if e.type == "MOBILIZE"]
    assert got and side(got[0], "actor") == {"KLD"} and recipient in side(got[0], "recipient")


def test_a_letter_to_soldiers_mobilises_no_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" not in {e.type for e in code(
        analyzer, "Kaldoria sent a letter to the families of its soldiers.")}


def test_whom_a_force_is_for_beats_the_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    # troops offered to a force for X: X is whom they are for, not the force (issue 12)
    got = code(analyzer, "Tanzania is prepared to contribute troops to a proposed African "
                         "force for Burundi.")
    assert [e.type for e in got] == ["AGREE"] and side(got[0], "recipient") == {"BDI"}
