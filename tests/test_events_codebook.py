"""Classes of the CAMEO codebook the coder missed (issue 12): each class on made-up
sentences of its own construction, and nearby sentences it must leave alone. The
classes were found with ``eval/codebook.py``'s probe (one made-up sentence per CAMEO
code of PLOVER's crosswalk); these sentences are new ones, not the probe's."""

from __future__ import annotations

import pytest

from tests.eventcode import code


def typed(analyzer, text: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, {a.country for a in e.actor if a.country},
             {a.country for a in e.recipient if a.country}) for e in code(analyzer, text)]


# a group named by its kind, in a place the sentence names: the dictionary's event is
# that place's (PLOVER codes protests, riots and clashes by where they happen)
@pytest.mark.parametrize(("text", "want"), [
    ("Students took to the streets in Lahore on Friday.", [("PROTEST", {"PAK"}, {"PAK"})]),
    ("Police clashed with farmers in Dhaka on Tuesday.", [("ASSAULT", {"BGD"}, {"BGD"})]),
    ("Rioters set cars on fire in Nairobi on Sunday.", [("ASSAULT", {"KEN"}, {"KEN"})]),
])
def test_a_group_acts_where_it_is(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


@pytest.mark.parametrize("text", [
    "Democrats clashed with Republicans in Ohio over the budget.",  # words, not force
    "The festival was held in Lahore on Friday.",  # no one acts
])
def test_no_placed_event_without_a_group_acting(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == []


# "All investigations" are ACCUSE investigate (PLOVER manual), with or without a
# recipient: whom the object names, else no one
@pytest.mark.parametrize(("text", "want"), [
    ("Kenya opened an investigation into the shipping firm on Monday.",
     [("ACCUSE", {"KEN"}, set())]),
    ("The European Union launched an inquiry into abuses in Belarus.",
     [("ACCUSE", {"EUR"}, {"BLR"})]),
    ("French prosecutors investigated the mayor of Lyon for fraud.",
     [("ACCUSE", {"FRA"}, {"FRA"})]),
])
def test_investigations(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, text)
    assert got == want
    assert all(e.mode == ["investigate"] for e in code(analyzer, text))


@pytest.mark.parametrize("text", [
    "Kenya refused to open an investigation into the shipping firm.",
    "Kenya declined to open an inquiry into the shipping firm.",
    "The investigation found no wrongdoing.",  # an investigation again, no act
])
def test_no_investigation_coded_where_none_was_opened(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text) if e.type == "ACCUSE" and not e.negated] == []


# what is refused or declined did not happen: no event of its own, or a negated one
@pytest.mark.parametrize(("text", "want"), [
    ("Chad refused to launch air strikes on Sudan.", [("REJECT", False)]),
    ("Chad declined to open an inquiry into the raid.", [("ACCUSE", True)]),
    ("Chad rejected the offer and launched air strikes on Sudan.",
     [("REJECT", False), ("ASSAULT", False)]),
])
def test_refused_acts_did_not_happen(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.negated) for e in code(analyzer, text)] == want


# "the Turkish president" after "President Putin" is Turkey's president, not Putin
# again; "his Chinese counterpart" is China's, whoever "his" is
@pytest.mark.parametrize(("text", "want"), [
    ("President Macron spoke by telephone with the Egyptian president on Monday.",
     [("CONSULT", {"FRA"}, {"EGY"})]),
    ("Prime Minister Modi held talks with his Japanese counterpart in Tokyo.",
     [("CONSULT", {"IND"}, {"JPN"})]),
])
def test_a_title_with_another_country_is_another_person(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_a_bare_title_still_refers_back(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "President Macron met Chancellor Scholz in Berlin. "
                            "The president later criticized Russia.")
    assert [(e.type, {a.country for a in e.actor}) for e in events if e.type == "ACCUSE"] == [
        ("ACCUSE", {"FRA"})]
