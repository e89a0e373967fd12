"""Peoples' words the country names miss (issue 12): "Moroccan", "Ivorian",
"Burkinabe", "Philippine" and plurals of two-word peoples ("South Koreans") are their
country's, from the places stage's demonyms and Phoenix's country entries
(``phoenix_lookup.people_country``); a city Phoenix lists under its country is no
people ("Benghazi attacks"). A crowd of a country's people protesting against
something protests (no diplomatic protest), and a protest against the government's own
act is at home. Made-up sentences."""

from __future__ import annotations

import pytest

from chronicler.nlp.actors.dictionary import default_dictionary
from tests.eventcode import triples


@pytest.mark.parametrize(("word", "code"), [
    ("Moroccans", "MAR"), ("Ivorian", "CIV"), ("Burkinabe", "BFA"), ("Togolese", "TGO"),
    ("Philippine", "PHL"), ("South Koreans", "KOR"), ("Salvadorans", "SLV"),
    ("Hungarian", "HUN"),
])
def test_a_peoples_word_is_its_country(word: str, code: str) -> None:
    assert default_dictionary().country_code(word, demonym=True) == code


@pytest.mark.parametrize("word", ["Benghazi", "Karachi", "Tehran", "Republicans"])
def test_a_city_or_a_party_is_no_people(word: str) -> None:
    assert default_dictionary().country_code(word, demonym=True) is None


def test_a_title_takes_its_peoples_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Indonesian President Suharto played host to Philippine "
                            "President Fidel Ramos in Jakarta on Monday.")
    assert got == [("CONSULT", {"IDN"}, {"PHL"})]


def test_a_crowd_of_a_people_protests(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Thousands of Kenyans protested in Nairobi against the "
                            "American plan.")
    assert [t for t, _, _ in got] == ["PROTEST"] and got[0][1] == {"KEN"}


def test_a_protest_against_the_governments_act_is_at_home(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Tens of thousands of Hondurans marched through Tegucigalpa "
                            "on Sunday against the government's decision to buy Mexican oil.")
    assert got == [("PROTEST", {"HND"}, {"HND"})]


@pytest.mark.parametrize(("text", "want"), [
    ("Kenya protested against the American plan.", [("ACCUSE", {"KEN"}, {"USA"})]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want
