"""Relations suspended, loans, tariffs, referendums, offers and rebels at home (issue
12): talks suspended or relations downgraded as nouns are halted (CAMEO 160, 164); a
state's loan of a sum to another is aid (071); tariffs cut on another's goods, or
between two countries, are economic cooperation (061), promised, an intent; voters who
reject a plan in a referendum refuse it (127), not a preference polled; an offer to
hand over power or suspects is an intent to cooperate; whom a passive promise is made
to was promised what its owner gives; rebels named by no country fight where they are;
a passive's doer hung on a preposition's object acts. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize(("text", "want"), [
    ("Uruguay's suspension of peace talks with Paraguay angered Asuncion.",
     [("SANCTION", {"URY"}, {"PRY"})]),
    ("Uruguay's downgrading of relations with Paraguay followed the coup.",
     [("SANCTION", {"URY"}, {"PRY"})]),
    ("Uruguay's loan of 200 million dollars to Paraguay steadied the guarani.",
     [("AID", {"URY"}, {"PRY"})]),
])
def test_nouns_of_state_acts(analyzer, text: str,  # type: ignore[no-untyped-def]
                             want: list[tuple[str, set[str], set[str]]]) -> None:
    assert triples(analyzer, text) == want


def test_tariffs_cut_between_two_are_cooperation(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uruguay and Paraguay scrapped tariffs on each other's goods.")
    assert [(t, a) for t, a, _ in got] == [("COOPERATE", {"URY", "PRY"})]


def test_tariffs_cut_promised_are_an_intent(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in triples(analyzer, "Uruguay will cut tariffs on Paraguayan "
                                                "goods.")] == ["AGREE"]


def test_voters_reject_a_plan(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uruguayan voters rejected the government's pension plan.")
    assert [(t, a) for t, a, _ in got] == [("REJECT", {"URY"})]


def test_voters_rejecting_a_candidate_are_a_preference(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Uruguayan voters rejected the senator in the primary.") == []


def test_an_offer_to_hand_over_power_is_an_intent(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uruguay's military ruler offered to step down and hand power "
                            "to a civilian.")
    assert [t for t, _, _ in got] == ["AGREE"]


def test_a_passive_promise_is_made_by_the_owner(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Paraguay was promised full Uruguayan cooperation on "
                             "extraditions.") == [("AGREE", {"URY"}, {"PRY"})]


def test_rebels_fight_where_they_are(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Tuareg rebels kidnapped two French engineers near Agadez.")
    assert got == [("ASSAULT", {"NER"}, {"FRA"})]


def test_a_passive_doer_on_a_prepositions_object(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "UN inspectors were admitted to the reactor by Paraguay.")
    assert [(t, a) for t, a, _ in got] == [("RETREAT", {"PRY"})]


@pytest.mark.parametrize(("text", "want"), [
    ("Uruguay imposed tariffs on Paraguayan goods.", [("SANCTION", {"URY"}, {"PRY"})]),
    ("Uruguay cut trade with Paraguay.", [("SANCTION", {"URY"}, {"PRY"})]),
    ("Uruguay suspended talks with Paraguay.", [("SANCTION", {"URY"}, {"PRY"})]),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want


@pytest.mark.parametrize("text", [
    "The rebels surrendered their weapons.",
    "The guerrillas gave up their guns.",
])
def test_arms_surrendered_disarm(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    # (CAMEO 0873, also where the dictionary has no country to go on; the weapons given
    # up are no one's recipient)
    from tests.eventcode import code
    got = code(analyzer, text)
    assert [(e.type, e.mode, len(e.recipient)) for e in got] == [("RETREAT", ["disarm"], 0)]


def test_a_request_for_peacekeepers(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uruguay's request for UN peacekeepers was debated in New York.")
    assert [(t, a) for t, a, _ in got] == [("REQUEST", {"URY"})]
    assert triples(analyzer, "The Uruguayan troops' request for leave was denied.") == []


def test_a_country_opened_to_relief_allows_it_in(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (CAMEO 0863: the roads or the border opened "to" aid convoys or relief workers)
    got = triples(analyzer, "Paraguay opened its roads to Red Cross food convoys.")
    assert [(t, a) for t, a, _ in got] == [("RETREAT", {"PRY"})]
    assert triples(analyzer, "The firm opened a plant to workers from Paraguay.") == []


def test_a_regions_people_is_no_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (Phoenix's "AMERICAN" inside the name "South American" is no match: a dictionary
    # phrase never starts inside a named entity)
    got = triples(analyzer, "Uruguay urged South American leaders to meet in Montevideo.")
    assert got and all("USA" not in r for _, _, r in got)
