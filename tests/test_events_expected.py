"""What is expected, doubted, proposed or not yet done, and who is said to have done it
(issue 12): "has yet to hand over" is not done; "is unlikely to attack" is supposed; "is
likely to", "is poised to", "are due to" are to come, as what is proposed is; and the
subject of a passive verb of saying or ordering does what its infinitive says ("the army
is believed to have shelled", "troops were ordered to withdraw"). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import all_flagged, code, triples


def test_yet_to_is_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, "The Indian senator has yet to endorse the Pakistani candidate.",
                       "negated", "SUPPORT")
    assert not [e for e in code(analyzer, "Pakistan has yet to hand over the suspects to India.")
                if not e.negated]


def test_unlikely_is_hypothetical(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, "India is unlikely to attack Pakistan again.", "hypothetical")


@pytest.mark.parametrize("text", [
    "India is likely to attack Pakistan again.",
    "Pakistan is poised to expel the Indian envoy.",
])
def test_expected_events_are_future(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, text, "future")


# "set" is no expectation when it sets something on fire
def test_setting_fire_is_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in code(analyzer, "Rioters set fire to shops and cars in Karachi on Wednesday.")
           if e.type == "PROTEST"]
    assert evs and not any(e.future for e in evs)


@pytest.mark.parametrize(("text", "want"), [
    ("The Indian army is believed to have shelled several villages.", ("ASSAULT", {"IND"})),
    ("The Pakistani militants are said to have attacked an Indian post.", ("ASSAULT", {"PAK"})),
])
def test_said_to_have_done_keeps_its_actor(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in [(t, a) for t, a, _ in triples(analyzer, text)]


# a meeting of one body is no consultation; a meeting of two sides is
@pytest.mark.parametrize("text", [
    "The Indian National Security Committee is expected to meet on Friday.",
    "The Pakistani cabinet met on Sunday.",
])
def test_one_body_meeting_is_no_consultation(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {t for t, _, _ in triples(analyzer, text)}


@pytest.mark.parametrize(("text", "want"), [
    ("Modi and Sharif will meet in Dubai next week.", ("CONSULT", {"IND", "PAK"}, set())),
    ("The Indian foreign minister met with Chinese officials.", ("CONSULT", {"IND"}, {"CHN"})),
    ("Indian and Pakistani officials met in Geneva.", ("CONSULT", {"IND", "PAK"}, set())),
])
def test_two_sides_meeting_is_consultation(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in triples(analyzer, text)


# what is proposed is not done
def test_proposed_is_future(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, "The Indian minister proposed to bar Pakistani artists from "
                                 "entering India.", "future", "COERCE")


# orders or a decree made public free no one
def test_releasing_orders_frees_no_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in {t for t, _, _ in triples(
        analyzer, "The Pakistani president will soon release several executive orders on trade.")}


# one who is to speak, with no one spoken to, gives a speech
def test_a_speech_is_no_consultation(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {t for t, _, _ in triples(
        analyzer, "The Pakistani army chief is scheduled to speak on Thursday.")}


def test_speaking_to_someone_is_consultation(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT", {"IND"}, {"PAK"}) in triples(
        analyzer, "The Indian prime minister spoke to the Pakistani prime minister on Sunday.")
