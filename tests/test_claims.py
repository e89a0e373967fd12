"""Claims stage: check-worthiness, asserter, attribution, hedge, polarity (tables)."""

from __future__ import annotations

import pytest

from chronicler.nlp.analyzer import DEFAULT_STAGES, Analyzer
from chronicler.records import Article, Claim, content_id


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    assert "chronicler.claims.v1" in DEFAULT_STAGES
    return Analyzer()


def claims(analyzer: Analyzer, text: str) -> list[Claim]:
    art = Article(id=content_id("t", text), text=text, outlet="Test Wire")
    return analyzer.analyze(art).claims


NO_CLAIM = [
    "Did Merovia strike the camps in Kaldoria last night?",
    "Hello and welcome to our live coverage tonight.",
    "Thank you all for joining us this evening.",
    "What happens next is anyone's guess?",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(analyzer: Analyzer, text: str) -> None:
    assert claims(analyzer, text) == []


HEDGES = [
    ("Kaldoria denied that its forces shot down four Merovian jets.", "denied", "neg"),
    ("Merovia accused Kaldoria of sheltering the attackers.", "alleged", "pos"),
    ("The strikes may have hit a seminary in Bahrun, officials in Merovia believe.",
     "speculative", "pos"),
    ("Merovian aircraft struck eleven sites in Kaldoria on Wednesday.", "asserted", "pos"),
]


@pytest.mark.parametrize(("text", "hedge", "polarity"), HEDGES)
def test_hedge(analyzer: Analyzer, text: str, hedge: str, polarity: str) -> None:
    cs = claims(analyzer, text)
    assert len(cs) == 1
    assert (cs[0].hedge, cs[0].polarity) == (hedge, polarity)


def test_outlet_attribution_and_fields(analyzer: Analyzer) -> None:
    text = "Merovian aircraft struck eleven sites in Kaldoria on Wednesday."
    (c,) = claims(analyzer, text)
    assert c.attribution == "outlet" and c.asserted_by and c.asserted_by.name == "Test Wire"
    assert c.entities == sorted(c.entities) and "KLD" in c.entities
    assert c.evidence[0].span == (0, len(text)) and c.evidence[0].text == text


def test_numbers_and_unnamed_source(analyzer: Analyzer) -> None:
    (c,) = claims(analyzer, "Officials said gunmen killed 26 people in Kovasi.")
    assert c.numbers == [26.0] and c.kind in ("number", "action")
    assert c.attribution == "unnamed" and c.asserted_by and c.asserted_by.country is None


def test_direct_quote_speaker(analyzer: Analyzer) -> None:
    text = ('"Our air force shot down four Merovian jets," Defence Minister Idris Mallek '
            'of Kaldoria said.')
    cs = claims(analyzer, text)
    assert cs and cs[0].attribution == "direct"
    assert cs[0].asserted_by and "Mallek" in cs[0].asserted_by.name


def test_denial_target(analyzer: Analyzer) -> None:
    (c,) = claims(analyzer, "Kaldoria denied that its drones targeted 19 Merovian locations.")
    assert c.kind == "denial" and c.target_text
    assert "its drones targeted 19" in c.target_text and "denied" not in c.target_text
