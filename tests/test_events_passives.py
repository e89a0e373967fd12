"""Passive agents, ultimatums, nominal threats and undoing nouns (issue 12): the "by"
of a passive that the parser hangs on the retained object or on a preposition's object
names the doer ("was promised a loan by the World Bank", "were refused entry by X",
"was threatened with sanctions by the EU", the sanctions being the threat's); an
ultimatum is a threat whatever it asks, also handed or served; a country's threat to cut
aid is a threat; a people driven from their homes is a mass expulsion (CAMEO 201); an
assassination named as a noun is an assault; the lifting of an embargo is a concession
and the embargo lifted no sanction. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize(("text", "want"), [
    ("Malawi was promised a new credit line by the African Development Bank.",
     [("AGREE", {"IGO"}, {"MWI"})]),
    ("Peruvian election monitors were refused entry by Bolivia.",
     [("PROTEST", {"BOL"}, {"PER"})]),
    ("Senegalese officers were investigated for massacres by the UN tribunal.",
     [("ACCUSE", {"UNO"}, {"SEN"})]),
])
def test_a_passive_doer_hung_on_the_object_acts(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                want: list[tuple[str, set[str], set[str]]]) -> None:
    assert triples(analyzer, text) == want


def test_sanctions_threatened_are_the_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Belarus was threatened with trade sanctions by Lithuania.") == [
        ("THREATEN", {"LTU"}, {"BLR"})]


@pytest.mark.parametrize("text", [
    "Armenian units were handed an ultimatum by Azerbaijan to leave the hills.",
    "Azerbaijan served an ultimatum on Armenia.",
])
def test_an_ultimatum_is_a_threat(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == [("THREATEN", {"AZE"}, {"ARM"})]


def test_a_threat_to_cut_aid_is_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Danish threat to cut development aid to Tanzania angered "
                            "officials in Dodoma.")
    assert [(t, a) for t, a, _ in got] == [("THREATEN", {"DNK"})]


@pytest.mark.parametrize("text", [
    "Laotian troops drove thousands of Hmong villagers from their homes.",
    "Laotian soldiers forced the ethnic minority out of the northern valleys.",
])
def test_a_people_driven_out_is_assaulted(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, text)
    assert [(t, a) for t, a, _ in got] == [("ASSAULT", {"LAO"})]


@pytest.mark.parametrize("text", [
    "Laotian soldiers forced thousands of villagers into guarded camps.",
    "The floods drove thousands of people from their homes in Laos.",
    "She pushed people out of the way in Vientiane.",
])
def test_no_expulsion(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in [t for t, _, _ in triples(analyzer, text)]


def test_an_assassination_named_as_a_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The assassination of a Burundian minister by Hutu rebels shocked "
                            "Bujumbura.")
    assert [(t, r) for t, _, r in got] == [("ASSAULT", {"BDI"})]


def test_an_embargo_lifted_as_a_noun_is_a_concession(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Canada's lifting of its arms embargo on Chile followed the "
                            "election.")
    assert got == [("CONCEDE", {"CAN"}, {"CHL"})]


@pytest.mark.parametrize("text", [
    "The easing of sanctions on Cuba was welcomed by traders.",
    "The bishops called for an end to the embargo on Cuba.",
])
def test_sanctions_ended_are_no_sanction(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "SANCTION" not in [t for t, _, _ in triples(analyzer, text)]


@pytest.mark.parametrize(("text", "want"), [
    ("Chile lifted its sanctions on Peru.", [("CONCEDE", {"CHL"}, {"PER"})]),
    ("Chile imposed sanctions on Peru.", [("SANCTION", {"CHL"}, {"PER"})]),
    ("Peruvian troops were attacked by Chilean gunboats.", [("ASSAULT", {"CHL"}, {"PER"})]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want


def test_whose_assassination_is_the_victim(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Peruvian senator's assassination shocked Lima.")
    assert got == [("ASSAULT", set(), {"PER"})]


def test_an_ultimatum_rejected_is_the_refusal(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Armenia rejected an Azerbaijani ultimatum to leave the hills.")
    assert [t for t, _, _ in got] == ["REJECT"]


def test_suspects_handed_over_carry_no_bombing(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Chile lifted its sanctions on Peru after Lima handed over two "
                            "suspects in the embassy bombing.")
    assert [t for t, _, _ in got] == ["CONCEDE"]
