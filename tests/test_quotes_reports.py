"""A that-clause owned by a report noun is the noun's content, not the verb's."""

from __future__ import annotations

import pytest

from chronicler.nlp.analyzer import Analyzer
from chronicler.records import Article, content_id


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(stages=("chronicler.actors.v1", "chronicler.quotes.v1"))


def quotes(an: Analyzer, text: str) -> list[tuple[str, str | None]]:
    a = an.analyze(Article(id=content_id("t", text), text=text, outlet="t"))
    return [(q.text, q.speaker.name if q.speaker else None) for q in a.quotes]


def test_described_as_x_someones_claim_that(analyzer: Analyzer) -> None:
    got = quotes(analyzer, "Foreign Minister Nadia Qorvan spoke in Tirvan. She described as "
                 "\"regrettable\" Merovia's claim that there had been no mediation.")
    clause = [who for text, who in got if text.startswith("there had been no mediation")]
    assert all(who != "Nadia Qorvan" for who in clause), got


def test_argued_in_a_memo_that_still_reports(analyzer: Analyzer) -> None:
    got = quotes(analyzer, "Marlow argued in a memo that the plan would fail.")
    assert any(text.startswith("the plan would fail") and who == "Marlow" for text, who in got)
