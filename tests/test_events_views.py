"""Words of agreeing and seizing that hold no event (issue 12: read off real campaign
news): agreeing *with* someone and nothing more shares a view (CAMEO's statement 019,
not PLOVER's AGREE); capturing a mood or a picture, and withholding an endorsement or a
document, seize no one; barring people from doing something restricts them; a legal
charge accuses; sanctions "slapped" on someone are sanctions; accusations or barbs
"traded" are each side's. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize("text", [
    "The Indian medical association agrees with the health minister.",
    "Many voters at his rallies agreed with Imran Khan on the issue.",
    "Only a quarter of Pakistanis agree with the prime minister.",
])
def test_agreeing_with_someone_is_a_view(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "AGREE" not in {t for t, _, _ in triples(analyzer, text)}


@pytest.mark.parametrize(("text", "want"), [
    ("India agreed with Pakistan to hold talks in Geneva.", ("AGREE", {"IND"}, {"PAK"})),
    ("Israel agreed with Egypt on a ceasefire plan.", ("AGREE", {"ISR"}, {"EGY"})),
])
def test_agreeing_to_act_is_agreement(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in triples(analyzer, text)


@pytest.mark.parametrize("text", [
    "The Pakistani senator has captured the allegiance of younger voters.",
    "A Pakistani photographer captured the grief of the families at the funeral.",
    "The Indian speaker stunned his party by withholding his endorsement.",
    "The Pakistani ministry withheld a key email from the inquiry.",
])
def test_capturing_a_mood_or_withholding_a_word_seizes_no_one(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" not in {t for t, _, _ in triples(analyzer, text)}


@pytest.mark.parametrize(("text", "want"), [
    ("Pakistani troops captured two Indian soldiers near the border.",
     ("COERCE", {"PAK"}, {"IND"})),
    ("India withheld water from Pakistan by closing the dam gates.",
     ("COERCE", {"IND"}, {"PAK"})),
])
def test_seizing_people_or_water_is_coercion(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in triples(analyzer, text)


# people kept from doing something: a restriction (CAMEO 172), not a state excluded
@pytest.mark.parametrize(("text", "want"), [
    ("The Taliban barred women from working for non-governmental organisations.",
     ("COERCE", {"AFG"}, {"AFG"})),
    ("The Afghan government barred journalists from entering the province.",
     ("COERCE", {"AFG"}, {"AFG"})),
    ("The election commission disqualified three Pakistani opposition candidates from "
     "contesting.", ("COERCE", set(), {"PAK"})),
])
def test_barring_people_from_acting_is_a_restriction(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in triples(analyzer, text)


# a legal charge is an accusation; a police charge with batons or a price charged is not
@pytest.mark.parametrize(("text", "want"), [
    ("The former Pakistani minister was charged with sedition on Monday.", ["ACCUSE"]),
    ("Indian police charged the protesters with batons in Srinagar.", []),
    ("The Indian company charged customers with hidden fees.", []),
])
def test_charged_with(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in triples(analyzer, text) if t == "ACCUSE"] == want


# sanctions or tariffs "slapped" on someone are a sanction, not a blow
@pytest.mark.parametrize(("text", "want"), [
    ("The United States slapped visa restrictions on Nigerian officials.",
     ("SANCTION", {"USA"}, {"NGA"})),
    ("China slapped tariffs on Australian wine.", ("SANCTION", {"CHN"}, {"AUS"})),
])
def test_slapped_sanctions(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, text)
    assert want in got and "ASSAULT" not in {t for t, _, _ in got}


# accusations or barbs traded: each side's at the other (both are actors)
@pytest.mark.parametrize("text", [
    "India and Pakistan traded accusations on Sunday over violations of the ceasefire.",
    "India and Pakistan traded barbs at the United Nations.",
])
def test_traded_accusations_are_both_sides(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(t, a) for t, a, _ in triples(analyzer, text)] == [("ACCUSE", {"IND", "PAK"})]


def test_traded_goods_are_no_accusation(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "ACCUSE" not in {t for t, _, _ in triples(
        analyzer, "India and China traded goods worth 100 billion dollars.")}
