"""Expulsions and aid bodies (issue 12): a body's staff ordered or forced out of a place
is expelled (CAMEO 166x, SANCTION: the supplement's ORDER_OUT and WITHDRAW_STAFF), aid
agencies and charities named by their kind are NGO actors ("international relief
agencies"), and a dictionary pattern's noun names the object itself, not a noun's
modifier inside it ("police officers" are no "police", "aid agencies" no "aid").
Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize(("text", "recipient"), [
    ("Zambia ordered two international relief agencies out of its western province on "
     "Tuesday.", {"NGO"}),
    ("Tanzania ordered aid agencies out of the refugee camps near the border.", {"NGO"}),
    ("Chad ordered the European Union's observers out of the country.", {"EUR"}),
    ("Kenya ordered the Ugandan diplomats out of Nairobi.", {"UGA"}),
])
def test_staff_ordered_out_are_expelled(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, text)
    assert [t for t, _, _ in got] == ["SANCTION"] and got[0][2] == recipient


def test_an_aid_body_named_by_its_kind_is_an_ngo(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Malawi expelled three humanitarian organisations from the "
                             "north.") == [("SANCTION", {"MWI"}, {"NGO"})]


@pytest.mark.parametrize(("text", "want"), [
    # a country's own agencies stay its own; aid workers stay civilians, placed
    ("Kenyan aid agencies delivered food to Somalia.", [("AID", {"KEN"}, {"SOM"})]),
    ("Gunmen killed two aid workers in Somalia.", [("ASSAULT", set(), {"SOM"})]),
    # people ordered out of their homes are no body's staff
    ("The army ordered the villagers out of their homes in Kenya.", []),
])
def test_must_stay(analyzer, text: str, want: list[tuple[str, set[str], set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == want


def test_a_pattern_noun_is_no_modifier_of_the_subject(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "[police] officers held up": officers, not police, hold; a banner is no arrest
    assert triples(analyzer, "Kenyan police officers held up a banner in Nairobi.") == []
