"""Crowds that block or occupy, and workers who strike (issue 12): what a crowd named
as protesting blockades, occupies or seizes is a protest that obstructs (PLOVER PROTEST
obstruct, CAMEO 144x), also when the sentence says what for ("occupied the airports to
demand ...", the infinitive hung as the verb's complement); working people who strike
with no object struck are on strike, not attacking; people driven out by a flood are no
one's victims. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize("text", [
    "Malagasy protesters occupied the airport in Antananarivo.",
    "Malagasy protesters occupied the airport in Antananarivo to demand new elections.",
    "Protesters blockaded the parliament in Antananarivo to demand the minister's removal.",
])
def test_a_crowd_that_blocks_obstructs(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, text)
    assert [(t, a) for t, a, _ in got] == [("PROTEST", {"MDG"})]


@pytest.mark.parametrize("text", [
    "Zambian copper miners struck for higher pay.",
    "Zambian railway workers struck to force the minister out.",
])
def test_workers_who_strike_protest(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, text)
    assert [(t, a) for t, a, _ in got] == [("PROTEST", {"ZMB"})]


def test_people_driven_out_by_a_flood(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Villagers in Zambia were driven from their homes by floods.")
    assert "ASSAULT" not in [t for t, _, _ in got]


@pytest.mark.parametrize(("text", "want"), [
    ("Zambian troops struck rebel camps in Angola.", [("ASSAULT", {"ZMB"}, {"AGO"})]),
    ("Zambian soldiers occupied the Angolan border post.", [("COERCE", {"ZMB"}, {"AGO"})]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want
