"""A sentence with the figures of two propositions, one in a relative clause, gives the
clause's noun phrase a claim of its own (issue 14): each figure meets its own reports."""

from __future__ import annotations

import pytest

from chronicler.nlp.analyzer import DEFAULT_STAGES, Analyzer
from chronicler.records import Article, Claim


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    assert "chronicler.claims.v1" in DEFAULT_STAGES
    return Analyzer()


def claims(analyzer: Analyzer, text: str) -> list[Claim]:
    art = Article(id="a1", text=text, outlet="The Daily Ledger")
    return analyzer.analyze(art).claims


def test_a_relative_clause_with_its_own_figure_is_its_own_claim(analyzer: Analyzer) -> None:
    text = ("Merovia struck seven depots in Kaldoria as part of Operation Red Fern, which "
            "answered the raid on Tessel that killed 14 soldiers.")
    cs = claims(analyzer, text)
    by_numbers = {tuple(c.numbers): c for c in cs}
    assert set(by_numbers) == {(7.0,), (14.0,)}
    clause = by_numbers[(14.0,)]
    assert clause.text.endswith("that killed 14 soldiers") and "seven" not in clause.text
    assert clause.asserted_by == by_numbers[(7.0,)].asserted_by
    assert clause.polarity == "pos"


def test_one_figure_or_none_in_a_clause_splits_nothing(analyzer: Analyzer) -> None:
    one = claims(analyzer, "Merovia struck the depots in Kaldoria that held 40 tanks.")
    assert len(one) == 1 and one[0].numbers == [40.0]
    both = claims(analyzer, "Merovia struck seven depots in Kaldoria and 14 soldiers died "
                  "in the raid on Tessel.")
    assert len(both) == 1 and both[0].numbers == [7.0, 14.0]


@pytest.mark.parametrize("text", [
    "Kaldoria's tone softened after Merovia's Operation Red Fern, a raid launched in reply "
    "to the Tessel bombing that killed 31 soldiers.",
    "Merovia began Operation Red Fern on March 4 as an answer to the Tessel bombing that "
    "killed 31 soldiers.",
])
def test_the_only_figure_in_a_background_phrase_is_that_phrases_claim(
        analyzer: Analyzer, text: str) -> None:
    cs = claims(analyzer, text)
    assert len(cs) == 2
    main, phrase = sorted(cs, key=lambda c: -len(c.text))
    assert phrase.text == "the Tessel bombing that killed 31 soldiers"
    assert phrase.numbers == [31.0] and phrase.kind == "number"
    assert main.numbers == [] and main.kind == "action"  # the figure is the bombing's


@pytest.mark.parametrize("text", [
    "“Our army struck back after the Tessel bombing that killed 31 soldiers,” General "
    "Tomas Brel of Merovia said on Monday.",
    "Velic “strongly condemned” the bombing, in which 31 soldiers died, and said that "
    "attacks on troops were “unacceptable”, her spokesman Mila Orr told reporters.",
])
def test_a_figure_in_somebodys_words_or_of_what_a_verb_acts_on_stays(
        analyzer: Analyzer, text: str) -> None:
    cs = claims(analyzer, text)
    assert len(cs) == 1 and cs[0].numbers == [31.0]
