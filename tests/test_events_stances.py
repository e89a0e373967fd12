"""Stances a state declares in a news lead (issue 12): readiness to act, a warning to
another state, a diplomatic protest, and what a transfer sends where. Made-up
sentences; each class with nearby sentences it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.eventcode import code, side


def sides(analyzer, text: str, published: dt.date = dt.date(2005, 1, 1)  # type: ignore[no-untyped-def]
          ) -> list[tuple[str, set[str], set[str]]]:
    return [(e.type, side(e, "actor"), side(e, "recipient"))
            for e in code(analyzer, text, published)]


# "is prepared to", "stands ready to": the act the adjective of intent carries is an
# intent of the state (AGREE for cooperation, CAMEO 03), found by the dictionary too
@pytest.mark.parametrize(("text", "want"), [
    ("South Africa is prepared to contribute troops to Burundi.",
     [("AGREE", {"ZAF"}, {"BDI"})]),
    ("Venezuela is ready to help Brazil build a new refinery.",
     [("AGREE", {"VEN"}, {"BRA"})]),
])
def test_a_state_ready_to_cooperate_states_an_intent(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize("text", [
    # likelihood is no intent of anyone's
    "Venezuela is likely to help Brazil build a new refinery.",
    # ability neither
    "Kenya is able to send troops to Somalia.",
])
def test_likely_or_able_is_no_intent(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == []


# readiness to use force is a warning (THREATEN), not force that happened
@pytest.mark.parametrize(("text", "want"), [
    ("India said it was prepared to retaliate against any attack by Pakistan.",
     [("THREATEN", {"IND"}, {"PAK"})]),
    ("Iran said it was ready to strike Israeli bases.",
     [("THREATEN", {"IRN"}, {"ISR"})]),
])
def test_readiness_to_use_force_is_a_threat(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


def test_force_used_stays_force_and_troops_offered_stay_troops(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert {t for t, _, _ in sides(analyzer, "Pakistan retaliated against the Indian "
                                              "strikes on Monday.")} == {"ASSAULT"}
    # readiness to send troops may be an offer of peacekeepers: it keeps its type
    assert [t for t, _, _ in sides(analyzer, "The Philippines is willing to send troops "
                                              "to East Timor.")] == ["MOBILIZE"]


# what a transfer sends is not whom it goes to: the destination is
@pytest.mark.parametrize(("text", "want"), [
    ("South Africa contributed troops to Burundi.", [("AID", {"ZAF"}, {"BDI"})]),
    ("Uganda deployed 1,500 soldiers to Somalia.", [("MOBILIZE", {"UGA"}, {"SOM"})]),
    ("China moved warships into the Taiwan Strait.", [("MOBILIZE", {"CHN"}, {"TWN"})]),
])
def test_a_transfer_goes_to_its_destination(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


def test_a_dative_still_receives(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, "Japan gave Indonesia food aid.") == [("AID", {"JPN"}, {"IDN"})]


# "warned X against doing Y": a state warned is threatened (CAMEO 130)
@pytest.mark.parametrize(("text", "want"), [
    ("The Kremlin warned Georgia against joining NATO.", [("THREATEN", {"RUS"}, {"GEO"})]),
    ("China cautioned Japan against any provocation in the East China Sea.",
     [("THREATEN", {"CHN"}, {"JPN"})]),
])
def test_a_state_warned_against_an_act_is_threatened(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize("text", [
    # a travel advisory
    "The State Department warned Americans against travelling to Lebanon.",
    # a warning of a danger, to no one
    "The UN warned against a humanitarian disaster in Darfur.",
    "Doctors warned patients against taking the drug.",
])
def test_advisories_and_dangers_are_no_threats(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in [t for t, _, _ in sides(analyzer, text)]


# a state that protests protests diplomatically: ACCUSE, as ONTOLOGY.md codes it
@pytest.mark.parametrize(("text", "want"), [
    ("India protested to Pakistan over the detention of its diplomats.",
     ("ACCUSE", {"IND"}, {"PAK"})),
    ("Thailand protested the shelling of its border villages by Cambodian troops.",
     ("ACCUSE", {"THA"}, {"KHM"})),
    # anyone protesting to another state
    ("Prime Minister Nawaz Sharif protested to India over the killings.",
     ("ACCUSE", {"PAK"}, {"IND"})),
])
def test_a_state_protesting_accuses(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, text)
    assert want in got and "PROTEST" not in [t for t, _, _ in got]


@pytest.mark.parametrize("text", [
    "Pakistani students protested outside the Indian embassy.",
    "Thousands protested in Karachi against the strikes.",
    "Indian police protested over pay on Monday.",
    # a person of a country is no state
    "At her school, Joseph and other parents protested the state funding system.",
])
def test_people_protesting_protest(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "PROTEST" in [t for t, _, _ in sides(analyzer, text)]


# "the incursion of X": X came in; it is the actor, and whose ground it entered the recipient
@pytest.mark.parametrize(("text", "want"), [
    ("Japan lodged a formal protest with China over the incursion of a Chinese submarine.",
     ("ASSAULT", {"CHN"}, {"JPN"})),
    ("The incursion of a Chinese submarine into Japanese waters alarmed Tokyo.",
     ("ASSAULT", {"CHN"}, {"JPN"})),
])
def test_who_made_an_incursion_is_its_actor(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    assert want in sides(analyzer, text)


def test_the_of_of_a_transitive_noun_is_still_its_target(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", {"IGO"}, {"SRB"}) in sides(
        analyzer, "The bombing of Belgrade by NATO killed dozens.")


# what an offer another event answers offers is its content, not an event
def test_the_content_of_an_offer_turned_down_is_no_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, "Israel turned down a Syrian offer to resume peace talks.")
    assert [t for t, _, _ in got] == ["REJECT"]


def test_a_decision_taken_is_the_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, "Kazakhstan's decision to close its border with Kyrgyzstan "
                          "angered officials in Bishkek.")
    assert got == [("SANCTION", {"KAZ"}, {"KGZ"})]


# supplies stopped to a state, a border sealed, an apology made to someone
@pytest.mark.parametrize(("text", "want"), [
    ("Russia halted gas supplies to Ukraine on Sunday.", [("SANCTION", {"RUS"}, {"UKR"})]),
    ("Thailand sealed its border with Burma after the clashes.",
     [("SANCTION", {"THA"}, {"MMR"})]),
    ("Tokyo expressed regret to Seoul over the remarks.", [("SUPPORT", {"JPN"}, {"KOR"})]),
    ("Japan offered an apology to China for its wartime past.",
     [("SUPPORT", {"JPN"}, {"CHN"})]),
])
def test_supplies_halted_borders_sealed_apologies_made(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize("text", [
    # a firm's supplies of a product: no one is sanctioned
    "The company halted supplies of the drug.",
    # a regret told to no one is no apology
    "The minister expressed regret over the decision.",
    # a deal sealed is one made
    "Beijing and Washington sealed their agreement on emissions.",
])
def test_no_addressee_no_sanction_or_apology(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in sides(analyzer, text)] not in (["SANCTION"], ["SUPPORT"])
