"""Sides found (issue 12). Giving in: whom one surrenders, yields, capitulates or succumbs
"to" is the other side of the concession ("rebels surrendered to government troops");
the "to" of other concessions stays what they are ("gave in to demands" names no one).
Shops or vehicles burned are property destroyed, by a crowd a riot. Groups Phoenix codes
by a misspelt country or by a faith get a country. Those who govern "in" a place
("authorities in Lagos") are its country's; diplomats there are not. A president,
minister or delegation received is a visit hosted; a person Phoenix dates keeps his one
country out of office. "Kenyan and Ugandan troops", counted or not, are two actors; "Greek
Cypriot" is one people; whom talks are "with" beats who brokered them. A building
blockaded by a crowd is a protest, which says what its purpose asks. Bosnian Serbs,
Croats and Muslims are Bosnia's. An inquiry into an act whose doer is named is into
the doer. An attack by someone in a place with no one hit named hit the place's
country. A crowd described by its demand that riots riots. Displeasure voiced "with"
someone's act is at them. Made-up sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "recipient"), [
    ("Hundreds of Moro rebels surrendered to Philippine troops on Monday.", {"PHL"}),
    ("The rebel commander capitulated to the Angolan army after a week of fighting.",
     {"AGO"}),
])
def test_whom_one_surrenders_to_is_the_recipient(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                 recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert len(got) == 1 and got[0].type in ("CONCEDE", "RETREAT")
    assert side(got[0], "recipient") == recipient


@pytest.mark.parametrize(("text", "actor"), [
    # Phoenix codes UNITA "ANGREB" (Angola misspelt) and Aum Shinrikyo "BUDREB" (a faith)
    ("UNITA rebels shelled government positions near Huambo on Monday.", {"AGO"}),
    ("Aum Shinrikyo members attacked a Japanese police post in Tokyo.", {"JPN"}),
])
def test_groups_phoenix_codes_oddly_get_a_country(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                  actor: set[str]) -> None:
    got = code(analyzer, text)
    assert got and side(got[0], "actor") == actor


@pytest.mark.parametrize(("text", "actor"), [
    ("Authorities in Mombasa imposed a dusk-to-dawn curfew on Monday.", {"KEN"}),
    ("Officials in Kampala lifted the ban on opposition rallies.", {"UGA"}),
])
def test_those_who_govern_in_a_place_are_its_countrys(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                      actor: set[str]) -> None:
    got = code(analyzer, text)
    assert got and side(got[0], "actor") == actor


def test_diplomats_in_a_capital_are_not_its_countrys(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Diplomats in Nairobi condemned the attack on the embassy.")
    assert all("KEN" not in side(e, "actor") for e in got)


@pytest.mark.parametrize(("text", "kind"), [
    # shops or vehicles burned are property destroyed; by a crowd, a riot
    ("Rioters burned shops and buses in Mombasa on Monday.", "PROTEST"),
    ("Ugandan soldiers burned shops in the Kenyan border town of Busia.", "ASSAULT"),
])
def test_shops_and_vehicles_burned(analyzer, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == [kind]


@pytest.mark.parametrize(("text", "recipient"), [
    # a president, minister or delegation received is a visit hosted, the host its actor
    ("Kenyan President Moi received Ugandan President Museveni at State House in Nairobi.",
     {"UGA"}),
    ("Egyptian President Mubarak received the Libyan foreign minister in Cairo on Sunday.",
     {"LBY"}),
])
def test_a_visitor_received(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["CONSULT"] and side(got[0], "recipient") == recipient


def test_a_person_out_of_office_keeps_his_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix dates Arafat's codes; in 2020 he is still Palestinian, with no office
    got = code(analyzer, "Kenyan President Moi received PLO chairman Yasser Arafat in "
                         "Nairobi.", dt.date(2020, 1, 1))
    assert [e.type for e in got] == ["CONSULT"] and side(got[0], "recipient") == {"PSE"}


def test_a_letter_received_is_no_visit(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "Kenya received a letter from President Museveni on Monday.") == []


def test_a_people_of_two_words_is_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Greek Cypriot negotiators rejected the plan on Monday.")
    assert got and side(got[0], "actor") == {"CYP"}


def test_whom_dealings_are_with_beats_their_sponsor(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya broke off Norwegian-brokered talks with the Sudanese rebels.")
    assert [e.type for e in got] == ["SANCTION"] and side(got[0], "recipient") == {"SDN"}


@pytest.mark.parametrize("text", [
    "Opposition supporters blockaded the parliament building in Nairobi on Monday.",
    # the main verb's protest says what its purpose asks
    "Opposition supporters blockaded the parliament building in Nairobi to demand a new "
    "constitution.",
])
def test_a_building_blockaded_by_a_crowd_is_a_protest(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("PROTEST", ["obstruct"])]
    assert side(got[0], "actor") == {"KEN"}


def test_a_port_blockaded_by_a_navy_stays_coercion(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "The Kenyan navy blockaded the port of Kismayo.")] \
        != ["PROTEST"]


def test_bosnian_serbs_are_bosnias(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix's residence convention, as for the Cypriots: the people where they live
    got = code(analyzer, "The UN tribunal opened an investigation into Bosnian Serb commanders.")
    assert [e.type for e in got] == ["ACCUSE"] and side(got[0], "recipient") == {"BIH"}


@pytest.mark.parametrize(("text", "recipient"), [
    # an inquiry into an act whose doer is named is into that doer
    ("The Kenyan army chief ordered an inquiry into the shelling of a UN compound by "
     "Kenyan artillery.", {"KEN"}),
    # a doer not named: the act's target stays whom it is into
    ("Kenya opened an inquiry into the raid on the Ugandan embassy.", {"UGA"}),
])
def test_an_inquiry_is_into_the_doer_it_names(analyzer, text: str,  # type: ignore[no-untyped-def]
                                             recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert [e.type for e in got] == ["ACCUSE"] and side(got[0], "recipient") == recipient


@pytest.mark.parametrize(("text", "recipient"), [
    # whom an attack in a place hit, when no one hit is named, is the place's country
    ("Militants attacked a police station in the Kenyan town of Garissa.", {"KEN"}),
])
def test_whom_an_attack_in_a_place_hit(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["ASSAULT"] and side(got[0], "recipient") == recipient



@pytest.mark.parametrize("text", [
    # a crowd described by its demand riots: the riot, which says what it demands
    "Rioters demanding the resignation of Kenyan President Moi torched government "
    "buildings in Mombasa.",
    "Students demanding the resignation of Kenyan President Moi clashed with police in "
    "Nairobi.",
])
def test_a_demanding_crowd_riots(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("PROTEST", ["riot"])]
    assert side(got[0], "actor") == {"KEN"}


def test_a_counted_crowd_of_two_peoples_is_two_sides(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Thousands of Kenyan and Ugandan troops launched joint military "
                         "exercises near the border on Monday.")
    assert [e.type for e in got] == ["COOPERATE"] and side(got[0], "actor") == {"KEN", "UGA"}


def test_displeasure_voiced_with_someones_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the "with" the verb carries ("voiced ... on Tuesday with X's policy")
    got = code(analyzer, "Kenya voiced strong dissatisfaction on Tuesday with Uganda's new "
                         "border policy.")
    assert [e.type for e in got] == ["ACCUSE"] and side(got[0], "recipient") == {"UGA"}
