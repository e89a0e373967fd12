"""More force words that are no force, found by reading the events of real election news
(issue 12, second reading): an attack made in words (in a tweet, an editorial, "...,
calling him a fraud"), criticism of several things at once, "pounding" a rival, and
force verbs that hit no one ("shot himself", "executed the plan", "engage with").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code


def types(analyzer, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize("text", [
    # in a medium of words, by someone who is no state and no armed group
    "The New York Times attacked Donald Trump in an editorial on Sunday.",
    "The Clinton campaign attacked Donald Trump in a new television ad.",
    # going on to say what the attack was
    "The New York Times attacked Donald Trump, saying he had offended veterans.",
    "Donald Trump has targeted Mexico, calling Mexican migrants \"rapists\" and criminals.",
    # criticism of several things, one of them a thing said or decided
    "US Senator Mary Holt peppered Mexican President Dan Reyes with attacks on his "
    "biography and his platform.",
    # a court ending a law
    "The high court struck down a strict Ohio voting law on Tuesday.",
    # pounding a rival as something
    "US Senator Mary Holt has been pounding Mexican President Dan Reyes as a fraud.",
])
def test_words_are_no_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in types(analyzer, text)


@pytest.mark.parametrize("text", [
    "A retired officer shot himself outside a veterans hospital in Ohio last month.",
    "Donald Trump entered the debate with a game plan and executed it flawlessly.",
    "A terror campaign is being executed by the very people Obama refuses to name.",
    "Washington must engage with Pyongyang to defuse the missile crisis.",
    # a misfortune strikes, and kills
    "Social media overflow when crisis strikes Paris.",
    "An earthquake struck eastern Afghanistan, killing more than 1,000 people.",
    "A cyclone hit the coast of Bangladesh, destroying thousands of homes.",
    # voters targeted by a campaign; a tone struck
    "The Clinton campaign has targeted Latino voters in Florida through digital ads.",
    "Hillary Clinton and Elizabeth Warren held a joint event on Monday, striking a "
    "populist tone against Wall Street.",
])
def test_force_verbs_that_hit_no_one(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in types(analyzer, text)


@pytest.mark.parametrize("text", [
    # armed actors and states saying why they struck keep the force
    "Pakistani troops attacked Indian posts in Kupwara, saying they were answering fire.",
    "Iran executed two men convicted of spying for Israel on Monday.",
    "Saudi Arabia executed 37 people on Tuesday.",
    "Kurdish fighters engaged Islamic State militants near Kobani.",
    "Indian troops targeted Pakistani posts along the Line of Control.",
    "The Indian army said it struck nine camps in Pakistan in a statement on Wednesday.",
])
def test_force_stays_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in types(analyzer, text)


# the CAMEO dictionary's force verbs between unarmed people: a vote, words
@pytest.mark.parametrize("text", [
    "Hillary Clinton beat rival Bernie Sanders in the Nevada caucuses on Saturday.",
    "Donald Trump has hammered Jeb Bush throughout the campaign.",
    "Donald Trump says he goes back to war with the Republican establishment tomorrow.",
])
def test_dictionary_force_between_unarmed_people(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in types(analyzer, text)


def test_dictionary_force_of_armed_sides_stays(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in types(analyzer, "Russian forces fought Chechen rebels near Grozny on "
                                        "Monday.")



@pytest.mark.parametrize("text", [
    # a headline's criticism, by a state too
    "Merovia blasts Kaldoria for spreading propaganda.",
    "Merovia blasted Kaldoria on Monday over its remarks at the United Nations.",
])
def test_states_blasting_each_other_in_words(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = types(analyzer, text)
    assert "ACCUSE" in got and "ASSAULT" not in got


@pytest.mark.parametrize("text", [
    "Kaldoria blasted militant camps in Merovia with missiles.",
    "Kaldorian artillery blasted Merovian positions across the river.",
])
def test_blasting_with_weapons_stays_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in types(analyzer, text)



def test_under_fire_for_something_is_criticism(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = types(analyzer, "The Kaldorian minister, under fire for the policing failures in "
                          "Resk, resigned on Friday.")
    assert "ASSAULT" not in got
    assert "ASSAULT" in types(analyzer, "Kaldorian posts came under fire from Merovian "
                                        "troops overnight.")



def test_jets_shot_down_are_no_rejection(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "shoot down" rejects a proposal or a claim it takes as object, not one that stands
    # beside the object in apposition
    got = code(analyzer, "Merovia said it had shot down three Kaldorian jets, a claim "
                         "Kaldoria denied.")
    assert not any(e.type == "REJECT" and "MRV" in {a.country for a in e.actor} for e in got)
    assert "ASSAULT" in {e.type for e in got}
    # the claim denied is the claimant's, in word order within the sentence
    assert any(e.type == "REJECT" and {a.country for a in e.actor} == {"KLD"}
               and {r.country for r in e.recipient} == {"MRV"} for e in got)


# an attack whose medium of words is named further down its phrase ("including his
# tweets", "in a series of tweets") is criticism; militants attacking a radio station is not
@pytest.mark.parametrize("text", [
    "The senator responded with attacks on the Kenyan president in a series of tweets.",
    "Kenya's opposition leader has responded with attacks on the Kenyan president, "
    "including Friday's tweets.",
])
def test_attacks_in_words_named_further_down(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert types(analyzer, text) == {"ACCUSE"}


def test_militants_attacking_a_radio_station_is_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert types(analyzer, "Militants attacked the radio station in Mogadishu.") == {"ASSAULT"}
