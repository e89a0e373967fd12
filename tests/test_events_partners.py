"""Partners named by cooperation and offers (issue 12): whom one sides "with", shows
solidarity "with" or deepens cooperation "with" is the recipient; ties, cooperation or a
partnership deepened, broadened or strengthened is diplomatic cooperation (SUPPORT), and
declared ready, an intent (AGREE); whom an offered or promised act helps or serves
("offered to help Estonian police", "act as a mediator for Uganda") is whom the offer is
made to. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize("text", [
    "Ghana sided with Togo in the border dispute.",
    "Ghana expressed solidarity with Togo after the floods.",
    "Ghana deepened its cooperation with Togo on Monday.",
    "Ghana strengthened its ties with Togo.",
    "Ghana widened its cooperation with Togo.",
])
def test_a_partner_with_whom_one_cooperates(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["SUPPORT"]
    assert side(got[0], "actor") == {"GHA"} and side(got[0], "recipient") == {"TGO"}


def test_ties_broadened_declared_ready_are_an_intent(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Japan stands ready to broaden its partnership with Vietnam, the "
                         "Japanese prime minister said.")
    assert [e.type for e in got] == ["AGREE"]
    assert side(got[0], "actor") == {"JPN"} and side(got[0], "recipient") == {"VNM"}


def test_an_army_strengthened_stays_a_mobilisation(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "Ghana strengthened its army.")] == ["MOBILIZE"]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Denmark offered on Monday to help Estonian police trace the stolen paintings.",
     {"DNK"}, {"EST"}),
    ("Sweden agreed to act as a mediator for Uganda and the rebels.", {"SWE"}, {"UGA"}),
])
def test_whom_an_offered_act_serves(analyzer, text: str, actor: set[str],  # type: ignore[no-untyped-def]
                                    recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert [e.type for e in got] == ["AGREE"]
    assert side(got[0], "actor") == actor and side(got[0], "recipient") == recipient


def test_an_act_on_someone_promised_names_no_partner(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (defeating someone in a vote is done to them, not for them: no offer to them)
    assert code(analyzer, "The senator promised to defeat Governor Nkosi of Zambia in the "
                          "primary.") == []
