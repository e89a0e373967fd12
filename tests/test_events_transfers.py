"""Transfers, phases and state measures (issue 12): a loan or a tranche of one released
or disbursed to someone is economic aid and patrol boats handed over to a navy military
aid and oil or gas pumped or shipped to someone economic cooperation (the supplement's
RELEASE_FUNDS, HAND_OVER and PUMP_FUEL), while people or a seized boat
released or returned stay a release; power handed over is stepping down (CAMEO 0831); a
curfew or martial law imposed by no one named is the government's of the country it is
imposed on; a verb of phase ("began", "continued") with a gerund or an infinitive codes
nothing of its own: the act is the gerund's ("began pulling its guns back from the
hills" is no launch of weapons), nor does one of going on with an act ("pressed ahead
with the offensive": the offensive). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("The World Bank released a $200 million loan to Kenya on Friday.", {"IGO"}, {"KEN"}),
    ("Japan handed over six patrol boats to the Indonesian navy on Monday.", {"JPN"},
     {"IDN"}),
])
def test_a_transfer_of_money_or_equipment_is_aid(analyzer, text: str, actor: set[str],  # type: ignore[no-untyped-def]
                                                 recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert [e.type for e in got] == ["AID"]
    assert side(got[0], "actor") == actor and side(got[0], "recipient") == recipient


@pytest.mark.parametrize("text", [
    "Kenya returned the seized boat to Uganda.",
    "Ugandan rebels released three Kenyan hostages on Friday.",
])
def test_a_release_of_people_or_property_stays_a_release(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["RETREAT"]


def test_a_phase_verb_codes_nothing_of_its_own(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Serb forces began pulling their heavy guns back from the hills "
                         "around the city.")
    assert [e.type for e in got] == ["RETREAT"]


def test_a_phase_verb_with_a_noun_keeps_its_code(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "Kenya began talks with Uganda.")] == ["CONSULT"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Kenyan President Moi handed over power to his deputy.", "CONCEDE"),
    ("Kenyan President Moi said on Tuesday he was ready to hand over power.", "AGREE"),
])
def test_power_handed_over_is_stepping_down(analyzer, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == [kind] and side(got[0], "actor") == {"KEN"}


@pytest.mark.parametrize("text", [
    "A curfew was imposed on the Kenyan town of Nakuru on Monday.",
    "Martial law was declared in the Kenyan province of Rift Valley.",
])
def test_a_state_measure_told_by_no_one_is_the_states(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["COERCE"]
    assert [(a.country, a.sector) for a in got[0].actor] == [("KEN", "GOV")]


@pytest.mark.parametrize("text", [
    "Serb forces pressed ahead with the ethnic cleansing of Muslims from the town.",
    "Serb forces pressed ahead with their offensive against the town.",
])
def test_going_on_with_an_act_is_the_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["ASSAULT"]


def test_pressing_for_talks_stays_a_request(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "Kenya pressed Uganda for talks.")] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Kazakhstan began pumping crude to China on Thursday through a new pipeline.",
    "Kenya shipped oil to Uganda on Monday.",
])
def test_fuel_sent_to_someone_is_economic_cooperation(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["COOPERATE"] and len(side(got[0], "recipient")) == 1
