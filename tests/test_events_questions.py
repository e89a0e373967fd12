"""Sentences that ask or suppose instead of telling, and attacks made in words (issue
12: classes found by reading a fresh sample of real campaign news). A yes/no question
asks whether an event happened; an inverted condition ("Had X attacked") supposes one;
a refusal to say something declines comment; an ad, a tweet or an editorial attacks
with words, as "negative" or "personal" attacks and attacks on one's rivals do; support
told by a participle ("a group backing the senator") is an allegiance, not an act.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import all_flagged, code, triples


# a yes/no question: no event (the clause asked about, and what it holds)
@pytest.mark.parametrize("text", [
    "Did the Indian foreign minister meet the Chinese envoy in Geneva?",
    "Will India attack Pakistan again after the ceasefire?",
    "Has Russia agreed to the Turkish ceasefire proposal?",
    "Is India preparing to strike Pakistan again?",
    "\"Do you support the Pakistani army?\" the anchor asked.",
])
def test_yes_no_question_codes_no_event(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, text) == []


# what a question word asks about, and a statement, happened
@pytest.mark.parametrize(("text", "want"), [
    ("Why did the Pakistani army arrest the opposition leader?", "COERCE"),
    ("The Indian army shelled the village, Pakistani officials said.", "ASSAULT"),
    ("Not only did India strike the camps in Pakistan, it also shot down two drones.",
     "ASSAULT"),
])
def test_statements_and_wh_questions_still_code(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert want in {t for t, _, _ in triples(analyzer, text)}


# a condition by inversion: supposed, not told
@pytest.mark.parametrize("text", [
    "Had Pakistan attacked first, India would have retaliated.",
    "Were India to strike the dam, Pakistan would respond.",
])
def test_inverted_condition_is_hypothetical(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, text, "hypothetical")


def test_past_perfect_statement_is_not_a_condition(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Pakistan had attacked the post before India retaliated.")
    assert evs and not any(e.hypothetical for e in evs)


# refusing to say is declining comment (CAMEO 011), not rejecting anyone
@pytest.mark.parametrize("text", [
    "The Pakistani spokesman declined to say whether talks with India had resumed.",
    "The Indian ministry refused to disclose the names of the detained fishermen.",
])
def test_refusing_to_say_is_no_rejection(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" not in {t for t, _, _ in triples(analyzer, text)}


def test_refusing_to_hand_over_is_a_rejection(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert ("REJECT", {"PAK"}, {"IND"}) in triples(
        analyzer, "Pakistan refused to hand over the suspects to India.")


# attacks made in words: by a medium of words, "scathing", "personal", on one's rivals
@pytest.mark.parametrize("text", [
    "A campaign ad attacked the senator on Tuesday.",
    "His latest tweet targeted the governor of Texas.",
    "The campaign launched negative attacks on Governor Reyes.",
    "The candidate stepped up his attacks on his American rivals.",
    # by no one named, on a named person, with no weapon or place: words
    "The senator rebooted his attacks on Imran Khan.",
    "Some donors have their own ideas for attacking Imran Khan.",
    "She attacked Imran Khan in 2018 for being too soft on the army.",
    "His aides doubled down on attacks on Imran Khan's fitness to be prime minister.",
    # a party's attack with a topic: words
    "The Congress party attacked the government over the ceasefire.",
])
def test_attacks_in_words_are_no_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in {t for t, _, _ in triples(analyzer, text)}


@pytest.mark.parametrize("text", [
    "The rebels attacked their rivals in the north with rockets.",
    "Drones attacked a convoy near the border.",
    "A suicide bomber attacked a political rally in Peshawar.",
    "The attack on Benazir Bhutto killed 20 people.",
    "Gunmen carried out an attack on Imran Khan in Wazirabad.",
])
def test_armed_attacks_stay_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in {t for t, _, _ in triples(analyzer, text)}


# a participle of support describes an allegiance; a medium's participle says what it said
def test_participle_of_support_is_no_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "SUPPORT" not in {t for t, _, _ in triples(
        analyzer, "Donors gave $20 million to a super PAC backing the Pakistani prime minister.")}


def test_what_the_backers_did_is_coded(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Pakistani hackers backing the Taliban hijacked the Indian army website.")
    assert ("COERCE", {"PAK"}, {"IND"}) in got and "SUPPORT" not in {t for t, _, _ in got}


def test_ads_attacking_someone_are_words(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Indian campaign ran ads attacking the Pakistani prime minister.")
    assert ("ACCUSE", {"IND"}, {"PAK"}) in got and "ASSAULT" not in {t for t, _, _ in got}


@pytest.mark.parametrize("text", [
    "The Indian ministry issued a statement welcoming the Pakistani offer of talks.",
    "The Indian ministry issued a policy paper welcoming the Pakistani offer of talks.",
])
def test_a_statement_welcoming_is_support(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("SUPPORT", {"IND"}, {"PAK"}) in triples(analyzer, text)
