"""Event words that report no act (``nlp/events/acts.py``), found by reading the coder's
events on real election news (issue 12). Each sentence was coded as an event before
these tests; the last group must stay events. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code


@pytest.mark.parametrize("text", [
    # a capability, a chance
    "Pakistan does not yet have the capability to threaten India's eastern cities, the "
    "analyst said.",
    "Experts doubt there is any chance of North Korea threatening the United States this "
    "year.",
    "Kaldoria is one of four powers able to deliver warheads by firing missiles from "
    "submarines.",
    # how things turned out
    "The Kaldorian army's biggest worry ended up being the weather.",
    "Merovia will end up buying Kaldorian gas after all, the minister said.",
    # an amount that moved
    "Kaldorian exports to Merovia declined to $40 million last year.",
    # a question, and what it asks about
    "Reporters asked whether Pakistan would retaliate against India.",
    "Senator Holt asked how the president could sanction Russia without Congress.",
    # a paper made public
    "Donald Trump wants to release his tax returns but says he is under audit.",
    "The Indian army released a video of the strikes on Monday.",
    "Islamic State has released a propaganda video that mocks Hillary Clinton.",
    # seizing, capturing, occupying nothing
    "Hillary Clinton is seizing upon a report that Donald Trump lost money in 1995.",
    "The speech would capture the greatness of India, Modi said.",
    "He now occupies a position of power in the Pakistani cabinet.",
    # a phone word for cutting back; one's own campaign; an opinion
    "Donald Trump backed off his proposals, dialing back plans to cut taxes.",
    "Texas Senator Ted Cruz suspended his presidential campaign in May.",
    "A Washington Post panel all agreed Mike Pence won the debate against Tim Kaine.",
])
def test_no_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, text) == []


@pytest.mark.parametrize(("text", "type_"), [
    ("Pakistan released 200 Indian fishermen on Monday.", "RETREAT"),
    ("Russia seized Crimea from Ukraine in 2014.", "COERCE"),
    # "on" a date is no "seizing on" a thing
    ("Militiamen in Zimbabwe seized dozens of farms on Saturday.", "COERCE"),
    ("Turkish police seized the offices of a newspaper on Friday night.", "COERCE"),
    ("Indian troops captured three Pakistani posts near the border.", "COERCE"),
    ("Hungary and Romania agreed that their countries should cooperate on trade.", "AGREE"),
    ("Indian troops occupied two Pakistani posts on the ridge.", "COERCE"),
    ("Pakistan asked India to return the captured pilot.", "REQUEST"),
    ("The United States suspended its military aid to Pakistan in January.", "SANCTION"),
])
def test_acts_stay(analyzer, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert type_ in {e.type for e in code(analyzer, text)}


# what voters favour, or a poll measures, is a preference, not an act
@pytest.mark.parametrize("text", [
    "Older women came out in large numbers to back Hillary Clinton, surveys found.",
    "Donald Trump was backed by a majority of white men in Ohio.",
    "Roughly two-thirds of Republican voters support Donald Trump's plan for a border "
    "wall.",
])
def test_voters_preferences_are_no_support(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "SUPPORT" not in {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize("text", [
    "The United States backed the Kurdish fighters against Islamic State.",
    "The governor of New Hampshire and most state senators support Hillary Clinton.",
])
def test_support_of_organisations_and_officials_stays(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "SUPPORT" in {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize("text", [
    # naming someone something is no phone call
    "Paul Manafort called Viktor Yanukovych, a former trucking director, an outstanding "
    "leader.",
    # words offered are no intent to cooperate (the dictionary's family code of "offer")
    "Donald Trump offered his congratulations to Marco Rubio and Ted Cruz on Tuesday.",
    # a standing in a poll, a poll's support captured
    "Bernie Sanders leads Hillary Clinton in the latest NBC poll of New Hampshire.",
    "Hillary Clinton captured the support of older voters in Nevada, an entrance poll "
    "showed.",
])
def test_words_and_standings_are_no_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, text) == []


def test_offered_help_stays(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "The United States offered help to Nepal after the earthquake.")


@pytest.mark.parametrize(("text", "kept"), [
    # a leader's own people told to do something: no request, and no event told
    ("Barack Obama told his advisers to find a way to cut emissions without Congress.", []),
    ("The senator asked his staff to prepare a bill on Iran sanctions.", []),
    # the other side, though possessed, and a state asking a state
    ("Nawaz Sharif asked his Indian counterpart to resume talks on Kashmir.", ["REQUEST"]),
    ("Pakistan asked India to return the captured pilot.", ["REQUEST"]),
])
def test_directives_to_ones_own_people(analyzer, text: str, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == kept


@pytest.mark.parametrize(("text", "kept"), [
    # gathering or showing something is no protest; a crowd rallying against a
    # government is one
    ("In Spain, Prime Minister Mariano Rajoy is rallying a broad coalition against the "
     "Catalan separatists.", []),
    ("Thousands of Kashmiris rallied in Srinagar against the Indian government.",
     ["PROTEST"]),
    # a standing in a vote; a question put to someone; a judgment called into question
    ("Bernie Sanders tied Hillary Clinton in the Iowa caucuses.", []),
    ("HuffPost asked Hillary Clinton about her plans for Syria.", []),
    ("Hillary Clinton's judgment was called into question over Libya.", []),
    ("Pakistan asked China for military help against India.", ["REQUEST"]),
    ("Iraq asked Syria's help in sealing the border.", ["REQUEST"]),
])
def test_gatherings_standings_and_questions(analyzer, text: str, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == kept


@pytest.mark.parametrize("text", [
    "Hillary Clinton and Donald Trump are tied in Ohio.",
    "Hillary Clinton has accepted millions in donations from Wall Street banks.",
    "He was visiting his brother in Lyon, France when the shooting started.",
    "Donald Trump shot back that the anchor had no right to speak to him.",
    "Friends and relatives in Chad were devastated by the news.",
])
def test_standings_money_family_retorts_and_feelings(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, text) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Reporters said Jeb Bush was suspending his campaign after a poor result in South "
     "Carolina.", []),
    ("India suspended its military campaign against Pakistan on Saturday.", ["SANCTION"]),
    # a phone-in to the networks, refugees hosted: no meeting; a leader hosted: one
    ("Hillary Clinton phoned into several networks on Thursday.", []),
    ("President Erdogan complains about hosting millions of Syrian refugees.", []),
    ("Narendra Modi hosted Sheikh Hasina in New Delhi on Monday.", ["CONSULT"]),
])
def test_own_campaigns_phone_ins_and_guests(analyzer, text: str, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("Marco Rubio stopped insulting the front-runner during the debate.", []),
    ("Pakistan stopped firing across the Line of Control on Saturday.", ["RETREAT"]),
    ("The emails from India were captured in the State Department's record system.", []),
    ("Germany's promise to add soldiers was met with relief among NATO allies.", []),
    ("NATO has plans for meeting any Russian challenge on its eastern border.", []),
    ("Narendra Modi met Nawaz Sharif in Lahore on Friday.", ["CONSULT"]),
])
def test_stopping_words_records_and_receptions(analyzer, text: str, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == kept
