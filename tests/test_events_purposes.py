"""Purposes, backgrounds and concessions (issue 12): a noun event "amid" or "despite"
something is no light verb's (the killings "amid" which police are sent are no one's
sending); a blockade whose purpose is a participle ("..., demanding new elections") is
the protest and voices it, as one with an infinitive of purpose was; an inquiry offered
or promised is an intent (AGREE), not an inquiry made; "looking into" something is an
inquiry, not a gaze ("looked into the camera"); an agreement made bowing to a crowd or a
strike, or conjoined to a verb of giving in ("bowed to ... and agreed to ..."), is the
concession, one event; support rallied for someone is the rallier's, and others rallied
"behind" someone support him (CAMEO 053), no street rally. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


def test_an_event_amid_which_one_acts_is_not_its_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Kenya sent 2,000 police to the border town of Mandera on "
                            "Tuesday to take over security from the army amid a wave of "
                            "killings.")
    assert [t for t, _, _ in got] == ["MOBILIZE"] and got[0][1] == {"KEN"}


def test_a_blockade_with_a_participle_of_purpose_is_the_protest(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Opposition supporters blockaded the parliament building in "
                            "Nairobi on Thursday, demanding new elections.")
    assert [t for t, _, _ in got] == ["PROTEST"] and got[0][1] == {"KEN"}


def test_an_inquiry_offered_is_an_intent(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Kenya offered to work with Ugandan police on investigating "
                            "the smuggling ring.")
    assert [t for t, _, _ in got] == ["AGREE"] and got[0][1] == {"KEN"}


def test_looking_into_something_is_an_inquiry(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The African Union sent a team to Mogadishu on Friday to look "
                            "into the deaths of three Kenyan soldiers.")
    assert [t for t, _, _ in got] == ["ACCUSE"] and got[0][1] == {"IGO"}


@pytest.mark.parametrize(("text", "actor"), [
    ("Kenya's president agreed on Monday to dissolve parliament, bowing to weeks of "
     "street protests.", {"KEN"}),
    ("Uganda's government bowed to union demands and agreed to raise wages.", {"UGA"}),
])
def test_an_agreement_made_giving_in_is_one_concession(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                       actor: set[str]) -> None:
    got = triples(analyzer, text)
    assert [t for t, _, _ in got] == ["CONCEDE"] and got[0][1] == actor


@pytest.mark.parametrize(("text", "want"), [
    ("The minister looked into the camera.", []),
    ("The Kenyan police met the protesters in Nairobi.", ["CONSULT"]),
    ("Kenya launched a wave of air strikes on Somalia.", ["ASSAULT"]),
])
def test_must_stay(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in triples(analyzer, text)] == want


def test_rallying_support_is_the_ralliers(analyzer) -> None:  # type: ignore[no-untyped-def]
    # whose support is sought ("African") is no actor; who seeks it is
    got = triples(analyzer, "Ugandan President Yoweri Museveni set out on Monday to rally "
                            "African support for Kenya in its border dispute with Somalia.")
    assert got == [("SUPPORT", {"UGA"}, {"KEN"})]


def test_rallying_others_behind_someone_supports_him(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "African Union chairman Jean Ping launched a drive on Sunday to "
                            "rally African governments behind Kenyan President Mwai Kibaki.")
    assert [t for t, _, _ in got] == ["SUPPORT"] and got[0][2] == {"KEN"}


def test_a_crowd_rallying_protests(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in triples(analyzer, "Thousands of Kenyans rallied in Nairobi on "
                                               "Monday.")] == ["PROTEST"]
