"""Promises and refusals at home (issue 12): a promise of reform addressed to no one
(a constitution, a parliament, elections, quotas: CAMEO 034x) is made to the actor's
own country, as PLOVER's records code a refusal or a threat that names no one; a
promise of talks or money is not; "opposition parties" are the opposition (OPP), whose
demand at home is addressed to their country; calls the parser reads as a clause
("rejected opposition calls for his resignation") are a request refused, not a claim
denied. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize("text", [
    "The Gabonese president pledged to restore a multiparty parliament.",
    "Gabon's military ruler vowed to hold elections within a year.",
])
def test_a_promise_of_reform_is_made_at_home(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == [("AGREE", {"GAB"}, {"GAB"})]


@pytest.mark.parametrize("text", [
    "Gabon pledged to boost its defence spending.",
    "Gabon pledged ten million dollars in aid.",
])
def test_other_promises_stay_unaddressed(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == [("AGREE", {"GAB"}, set())]


def test_opposition_parties_demand_at_home(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Opposition parties in Gabon demanded a new electoral law.")
    assert got == [("REQUEST", {"GAB"}, {"GAB"})]


def test_calls_rejected_are_no_claim(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Gabonese President Jean Mba rejected opposition calls for his "
                            "resignation.")
    assert got == [("REJECT", {"GAB"}, {"GAB"})]


@pytest.mark.parametrize(("text", "want"), [
    ("Gabon promised to help Congo.", [("AGREE", {"GAB"}, {"COG"})]),
    ("Gabon rejected claims that its troops had entered Congo.", [("REJECT", {"GAB"}, set())]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    got = [x for x in triples(analyzer, text) if x[0] in ("AGREE", "REJECT")]
    assert got == want


def test_a_vow_reads_what_is_vowed_not_who_vows(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (the threat's words are read from what the verb says: the "military" of the
    # subject makes no threat; a vow to crush someone stays one)
    assert [t for t, _, _ in triples(analyzer, "Gabon's military ruler vowed to hold "
                                                "elections.")] == ["AGREE"]
    assert [t for t, _, _ in triples(analyzer, "The Gabonese army vowed to crush the "
                                                "rebels.")] == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The Gabonese finance minister said Gabon would scrap its import quotas.",
    "Gabon's president announced he would end one-party rule.",
])
def test_a_reform_announced_is_a_promise(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    # (CAMEO 034x: an intent to change policy or institutions, AGREE at home)
    assert triples(analyzer, text) == [("AGREE", {"GAB"}, {"GAB"})]


@pytest.mark.parametrize("text", [
    "The Gabonese court would review the law.",
    "Gabon cut its import quotas last year.",
])
def test_no_reform_promised(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "AGREE" not in [t for t, _, _ in triples(analyzer, text)]


def test_forgiving_is_support(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (PETRARCH's FORGIVE, CAMEO 056, also where the dictionary is not asked: a sentence
    # whose patterns code the raids forgiven)
    got = triples(analyzer, "The Gabonese president forgave Cameroon for its border raids.")
    assert ("SUPPORT", {"GAB"}, {"CMR"}) in got


def test_an_act_refused_for_the_future_is_a_refusal(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Gabon said it would not pull its troops back from the "
                            "Cameroonian border.")
    assert got == [("REJECT", {"GAB"}, {"CMR"})]


def test_an_act_not_done_stays_negated(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.eventcode import code
    got = code(analyzer, "Gabon did not release the Congolese prisoners.")
    assert [(e.type, e.negated) for e in got] == [("RETREAT", True)]


def test_a_prediction_is_no_promise(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "One study found the Gabonese president would raise taxes on "
                             "farmers.") == []


@pytest.mark.parametrize("text", [
    "The curfew in Mombasa was relaxed on Sunday.",
    "Authorities lifted the curfew in the Kenyan town of Nakuru.",
])
def test_a_curfew_lifted_is_its_governments(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    # (lifted by no one named, or by "authorities": the government of where it was)
    assert triples(analyzer, text) == [("CONCEDE", {"KEN"}, {"KEN"})]


@pytest.mark.parametrize(("text", "want"), [
    ("The Gabonese president refused to step down despite an African Union ultimatum.",
     [("REJECT", {"GAB"}, {"IGO"})]),
    ("The Gabonese president refused to resign despite pressure from France.",
     [("REJECT", {"GAB"}, {"FRA"})]),
])
def test_a_refusal_despite_pressure_answers_who_pressed(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                        want: list) -> None:
    assert triples(analyzer, text) == want
