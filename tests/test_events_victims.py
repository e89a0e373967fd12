"""Whom force hits, when the sentence names no country for them (issue 12): generic
people killed or wounded in a place are that place's people, and a participle clause
("..., killing 12 people") happens where its verb does. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "country"), [
    ("A car bomb exploded near a market in Baghdad, killing 12 people.", "IRQ"),
    ("A grenade went off at a bus stop in Peshawar, wounding nine villagers.", "PAK"),
    ("Gunmen opened fire at a wedding in Herat, killing four people.",
     "AFG"),
])
def test_people_hit_in_a_place_are_its_people(analyzer, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    hits = [e for e in code(analyzer, text) if e.type == "ASSAULT"]
    assert hits and country in side(hits[0], "recipient")
    assert hits[0].location is not None


@pytest.mark.parametrize(("text", "country"), [
    # people with a country of their own keep it, wherever they were hit
    ("Rebels kidnapped 16 Russian engineers in Kabul on Monday.", "RUS"),
    ("Soldiers killed two Afghan villagers in Peshawar.", "AFG"),
])
def test_people_with_their_own_country_keep_it(analyzer, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    hits = [e for e in code(analyzer, text) if e.type == "ASSAULT"]
    assert hits and side(hits[0], "recipient") == {country}


def test_an_international_body_lends_no_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the NGO's code is no country its detainees are of
    got = code(analyzer, "Amnesty International accused the Kaldorian army of torturing "
                         "detainees.")
    assert got and not any("NGO" in side(e, "recipient") and e.type == "ASSAULT" for e in got)


def test_a_transnational_group_has_no_home_to_hit(analyzer) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's domestic recipient is the actor's own country; a transnational group has
    # none, so its victims are not coded as its own
    got = [e for e in code(analyzer, "Islamic State militants killed 20 people on Friday.")
           if e.type == "ASSAULT"]
    assert got and not any(r.country in ("ISM", "IMG") for r in got[0].recipient)



@pytest.mark.parametrize(("text", "country"), [
    ("The Lahore bombings killed 70 people.", "PAK"),
    ("Officials discussed the Paris attacks on Tuesday.", "FRA"),
])
def test_a_town_naming_an_attack_is_where_not_who(analyzer, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    # "the Lahore bombings": the city is the place, not the attacker (no Pakistani
    # assault on Pakistan)
    hits = [e for e in code(analyzer, text) if e.type == "ASSAULT"]
    assert not any(country in side(e, "actor") for e in hits)
