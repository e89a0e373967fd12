"""Acts at home (issue 12): a release, a stand-down or a resignation that names no one
abroad has the actor's own country as recipient, as PLOVER codes a protest, an arrest
or a concession at home; payments or debts "met" are paid, no meeting; a crowd that
storms government offices riots at home (not the verbal attack the dictionary's "*
GOVERNMENT" pattern codes). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize("text", [
    "Twelve oil workers held for three months were released on Saturday by Kenya's "
    "Mungiki rebels.",
    "The Kenyan army pulled its troops back from the northern town of Moyale on Friday.",
    "Kenyan Finance Minister Ochieng resigned on Friday.",
])
def test_a_retreat_at_home_is_addressed_home(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["RETREAT"]
    assert side(got[0], "recipient") == {"KEN"}


def test_a_retreat_from_abroad_keeps_its_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya released three Ugandan fishermen on Monday.")
    assert [e.type for e in got] == ["RETREAT"] and side(got[0], "recipient") == {"UGA"}


def test_payments_met_are_no_meeting(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "The World Bank released a $400 million loan tranche to Kenya on "
                         "Friday, giving Nairobi breathing space to meet its foreign debt "
                         "payments.")
    assert [e.type for e in got] == ["AID"]


def test_a_meeting_with_someone_named_bill_stays(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya's foreign minister met Bill Okoth of Uganda on Monday.")
    assert [e.type for e in got] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Protesters demanding the president's resignation stormed government offices in the "
    "Kenyan town of Nakuru.",
    "Kenyan protesters stormed government offices.",
])
def test_a_crowd_storming_a_building_riots(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("PROTEST", ["riot"])]
    assert side(got[0], "actor") == {"KEN"}


def test_troops_storming_a_camp_stay_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "Kenyan troops stormed the rebel camp.")] == ["ASSAULT"]
