"""Precision classes found by reading the events of real election-campaign news (issue
12: the coder was built on crisis news and the CAMEO manual): force words used for
criticism, a main dyad lent by a state the article names in passing, and verbs the CAMEO
dictionary codes only through their family. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicler.nlp.events.index import main_dyad
from chronicler.records import Mention
from tests.eventcode import code


def typed(analyzer, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.pattern or "") for e in code(analyzer, text)]


# force words for words: criticism (ACCUSE) or a vote that ends a thing (REJECT)
@pytest.mark.parametrize(("text", "want"), [
    ("Senator Mary Holt attacked Governor Dan Reyes over the budget on Monday.", "ACCUSE"),
    # (no country named: the criticism is no event either, but it is no force)
    ("Mary Holt attacked Dan Reyes as a fraud during the debate.", ""),
    ("Pakistan's foreign minister attacked India's decision in a speech.", "ACCUSE"),
    ("The candidate blasted the tax plan of her rival.", ""),
    ("Senate Republicans killed the bill on Tuesday.", "REJECT"),
    ("Local politicians fired back at the senator's comments.", ""),
    # harm aimed at a politician by no one armed, at no place: a campaign's words
    ("Rich donors are funding new efforts to wound Imran Khan.", "ACCUSE"),
    ("The party's old guard can either destroy Imran Khan or learn to live with him.",
     "ACCUSE"),
    ("Analysts think Senator Mary Holt will cause lasting damage to the Democratic Party.",
     "ACCUSE"),
    # idioms of force words: a tune struck, an email blasted out
    ("The Indian campaign struck a similar tune.", ""),
    ("The Pakistani campaign blasted out an email to supporters.", ""),
])
def test_force_words_for_words(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, text)
    assert "ASSAULT" not in {t for t, _ in got}
    if want:
        assert (want, f"{want.lower()}.verbal-force") in got


# and force stays force: armed actors, a state, a place or a weapon, a casualty count
@pytest.mark.parametrize("text", [
    "Indian jets attacked three camps in Pakistan on Monday.",
    "Militants attacked the convoy over the weekend.",
    "Vladimir Putin attacked Ukraine in 2014.",
    "Gunmen attacked a bus in Kabul, killing 12 people.",
    "Rebels attacked army posts near the border for the third day.",
    "A man attacked the mayor with a knife in Gdansk.",
    "Merovian troops fired at Kaldorian posts on Monday.",
    # harm words with a weapon, an attacker or a place: force
    "A gunman wounded Congresswoman Gabrielle Giffords in Tucson.",
    "The blast wounded Benazir Bhutto.",
    "Rebels wounded the governor in an ambush.",
    "Soldiers destroyed the offices of the opposition party in Harare.",
    "India will destroy Pakistan, the minister said.",
])
def test_force_stays_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in {t for t, _ in typed(analyzer, text)}


def _mentions(counts: dict[str, int]) -> list[Mention]:
    out, pos = [], 0
    for country, n in counts.items():
        for _ in range(n):
            out.append(Mention(article_id="a", actor_id=country, text=country,
                               span=(pos, pos + 3), label="GPE", country=country,
                               sentence=0))
            pos += 10
    return out


@pytest.mark.parametrize(("counts", "want"), [
    ({"USA": 30, "IRQ": 1}, ("USA",)),  # a foreign state named once: no dyad
    ({"USA": 62, "RUS": 4}, ("USA",)),  # named under a tenth as often: no dyad
    ({"MRV": 21, "KLD": 5}, ("MRV", "KLD")),  # one side's story of a conflict
    ({"USA": 2, "GIN": 1}, ("USA", "GIN")),  # a short text: the two it names
    ({"ISR": 1, "PSE": 1}, ("ISR", "PSE")),
])
def test_main_dyad_needs_a_second_state(counts: dict[str, int], want: tuple) -> None:
    assert main_dyad(_mentions(counts)) == want


def test_no_dyad_no_borrowed_accuser(analyzer) -> None:  # type: ignore[no-untyped-def]
    # an American story naming Iraq once: "don't blame X" is no Iraqi accusation
    text = ("The president spoke in Ohio on Monday. The president said the economy "
            "grew. Voters in the United States want jobs, the United States senator "
            "said. The United States economy grew after the war in Iraq ended. "
            "Critics of the United States policy disagree. Don't blame Bush.")
    for e in code(analyzer, text):
        assert "IRQ" not in {a.country for a in e.actor}


# a verb coded only by its CAMEO family needs a source and a target the parse names
@pytest.mark.parametrize("text", [
    "The charity has struggled to raise money this year.",
    "The relief agency has struggled for years to pay its staff.",
    "The poll was conducted from September 19 to 22.",
])
def test_family_codes_need_named_sides(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [p for _, p in typed(analyzer, text) if p.endswith(".family")]


def test_family_code_with_named_sides_kept(analyzer) -> None:  # type: ignore[no-untyped-def]
    # a commitment needs no recipient: "promised a veto"
    got = typed(analyzer, "The Japanese government has promised a veto of the resolution.")
    assert ("AGREE", "cameo.030.family") in got


# a relative clause of a generic head describes a kind of people, not an event
@pytest.mark.parametrize(("text", "type_", "kept"), [
    ("The senator said he would never back people who attack his family.", "ASSAULT",
     False),
    ("She thanked the donors and interest groups that support her campaign.", "SUPPORT",
     False),
    ("Gunmen who attacked the village fled into Pakistan.", "ASSAULT", True),
    ("The militants who attacked the convoy on Monday were Merovian.", "ASSAULT", True),
])
def test_generic_relative_clause(analyzer, text: str, type_: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    assert (type_ in {t for t, _ in typed(analyzer, text)}) is kept


# PLOVER's manual and crosswalk: signing, ratifying or endorsing is SUPPORT (CAMEO 057,
# 051); a promise to sign is AGREE
@pytest.mark.parametrize(("text", "want"), [
    ("Kaldoria and Merovia signed an agreement on river water on Monday.", ["SUPPORT"]),
    ("Kaldoria ratified the border treaty with Merovia on Monday.", ["SUPPORT"]),
    ("Kaldoria and Merovia will sign an agreement on river water.", ["AGREE"]),
    ("Kaldoria agreed to resume the border talks.", ["AGREE"]),
])
def test_signing_is_support(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    got = [t for t, _ in typed(analyzer, text) if t in ("SUPPORT", "AGREE")]
    assert got == want


# a politician's or a campaign's rally is no protest; rallying behind someone is support
@pytest.mark.parametrize(("text", "want"), [
    ("Delegates wore hats at Senator Holt's rally in Phoenix on Monday.", set()),
    ("Senator Mary Holt held a campaign rally in Ohio on Monday.", set()),
    ("Kaldorian donors have rallied behind Senator Holt.", {"SUPPORT"}),
    ("Opposition supporters held a rally in Resk on Monday.", {"PROTEST"}),
    ("Supporters of the jailed leader held a rally in Resk to protest his arrest.",
     {"PROTEST"}),
])
def test_rallies(analyzer, text: str, want: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {t for t, _ in typed(analyzer, text)} & {"PROTEST", "SUPPORT"} == want


# asking or telling someone to act is a REQUEST of them; what is asked, or only wished
# for another, did not happen; a wish to cooperate is an intent (AGREE)
@pytest.mark.parametrize(("text", "want"), [
    ("Merovia asked Kaldoria to withdraw its troops.", [("REQUEST", {"MRV"}, {"KLD"})]),
    ("Merovia told Kaldoria to withdraw its troops.", [("REQUEST", {"MRV"}, {"KLD"})]),
    ("Kaldoria expects Merovia to withdraw its troops.", []),
    ("Merovia wants Kaldoria to close its borders to the rebels.", []),
    ("Merovia's army chief told commanders to respond with force.", []),
    ("Kaldoria hopes to sign an agreement with Merovia.", [("AGREE", {"KLD"}, {"MRV"})]),
])
def test_directives_and_wishes(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    got = [(e.type, {a.country for a in e.actor if a.country},
            {a.country for a in e.recipient if a.country}) for e in code(analyzer, text)]
    assert got == want


# two named people of one country are two sides (a country's own airspace is not)
@pytest.mark.parametrize(("text", "type_"), [
    ("Donald Trump criticized Barack Obama for not using the phrase.", "ACCUSE"),
    ("Donald Trump is demanding that Barack Obama promise not to pardon his former aides.",
     "REQUEST"),
])
def test_a_named_person_of_the_actors_country_is_a_recipient(analyzer, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    # (published in 2016: both are then office holders Phoenix dates, both American)
    got = [e for e in code(analyzer, text, dt.date(2016, 9, 1)) if e.type == type_]
    assert got and [r.name for r in got[0].recipient] == ["Barack Obama"]


def test_a_proposal_is_its_proposers_not_its_acceptors(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = [e for e in code(analyzer, "Pakistan accepted the ceasefire proposal from the "
                                     "United States.") if e.type == "REQUEST"]
    assert got and {a.country for a in got[0].actor} == {"USA"}


# "stopped firing" ceases fire; "stopped to have his picture taken" pauses for something
@pytest.mark.parametrize(("text", "want"), [
    ("Indian troops stopped firing at Pakistani posts on Monday.", ["RETREAT"]),
    ("The Indian minister stopped to have his picture taken with the Pakistani envoy.", []),
])
def test_stopping_to_do_is_no_ceasefire(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text) if t == "RETREAT"] == want


# a view agreed with is no agreement to act, neither for the patterns nor for the
# dictionary behind them; a private visit is no CONSULT
@pytest.mark.parametrize(("text", "want"), [
    ("The Pakistani senator agreed with the analysis.", []),
    ("The Pakistani minister agreed with the American assessment of the threat.", []),
    ("India agreed with Pakistan to reopen the border crossing.", ["AGREE"]),
    ("Omar Saleh, a Jordanian man visiting Lahore with his family, said he heard the blast.",
     []),
    ("The Indian prime minister visited Kabul on Friday.", ["CONSULT"]),
])
def test_views_shared_and_private_visits(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text) if t in ("AGREE", "CONSULT")] == want


# what one refrained from, stopped short of or avoided was not done: negated
@pytest.mark.parametrize("text", [
    "India has refrained from attacking Pakistan.",
    "India stopped short of accusing Pakistan.",
    "Pakistan avoided criticizing China.",
])
def test_refrained_from_is_negated(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert got and all(e.negated for e in got)


def test_kept_from_acting_by_another_is_no_negation_of_the_keeping(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "India barred Pakistan from attending the summit.")
    assert [(e.type, e.negated) for e in got] == [("REJECT", False)]


# declining comment is no rejection of anyone (CAMEO 011, not coded by PLOVER); refusing
# to answer a demand rejects it
@pytest.mark.parametrize(("text", "want"), [
    ("The Pakistani foreign ministry declined to comment on the report.", []),
    ("India refused to comment on the strikes.", []),
    ("India's foreign ministry refused to respond to questions about the strikes.", []),
    ("Pakistan refused to respond to an Indian demand to hand over the suspects.",
     ["REJECT"]),
    ("India refused to talk to Pakistan.", ["REJECT"]),
])
def test_declining_comment_rejects_no_one(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text) if t == "REJECT"] == want


# speaking to a body as an audience is a speech, no meeting
@pytest.mark.parametrize(("text", "want"), [
    ("Speaking to the Pakistani Traders Coalition in Lahore, the Indian envoy praised the deal.",
     []),
    ("The Pakistani minister spoke to a gathering of Indian traders in Lahore.", []),
    ("Modi spoke to Sharif by phone.", ["CONSULT"]),
])
def test_an_audience_spoken_to_is_no_meeting(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text) if t == "CONSULT"] == want


# voters rejecting a party prefer, as voters supporting one do; a poll's rejection too
@pytest.mark.parametrize(("text", "want"), [
    ("Pakistani voters rejected the ruling party in the election.", []),
    ("A poll shows Pakistanis reject the deal with India.", []),
    ("India rejected Pakistan's proposal.", ["REJECT"]),
])
def test_voters_rejecting_is_a_preference(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text) if t == "REJECT"] == want


def test_pushed_to_the_brink_is_no_demand(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "India pushed Pakistan to the brink of war.") == []
    assert [t for t, _ in typed(analyzer, "India pushed Pakistan to hand over the "
                                          "suspects.")] == ["REQUEST"]


# campaigning: for a candidate or an office it is electioneering, no demand; a rally for
# a candidate supports him; a phone bank calls no one; a hazard threatens no one's act
@pytest.mark.parametrize(("text", "want"), [
    ("The senator campaigned for Hillary Clinton in Iowa.", []),
    ("The mayor helped campaign for the governor in Ohio.", []),
    ("Each side deployed hundreds of volunteers to call voters on Saturday.", []),
    ("Malaria is the disease threatening the children of the region most.", []),
    ("The senator was rallying for a young lawyer who is running for Congress.",
     ["SUPPORT"]),
    # must stay: a cause campaigned or rallied for, a threat by someone
    ("Activists campaigned for the release of the jailed journalists in Turkey.",
     ["REQUEST"]),
    ("Thousands rallied for the release of the jailed activists in Dhaka.", ["PROTEST"]),
    ("Pakistan threatened to retaliate against India.", ["THREATEN"]),
])
def test_campaigns_and_hazards(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text)] == want


# words of force and motion for no act: a mind "shot", an endorsement drive "managed",
# an envoy who "left" a capital (the dictionary's family codes: no visit, no intent)
@pytest.mark.parametrize(("text", "want"), [
    ('President Barack Obama spoke in Washington on Monday about the court. The '
     'candidate said of the justice: "Her mind is shot!"', []),
    ("Washington - American unions backed the governor. The Texas governor has managed "
     "to lock down endorsements from most unions.", ["SUPPORT"]),
    ("The Indian envoy left Islamabad on Friday.", []),
    # must stay: a shooting
    ("Gunmen shot dead a senior police officer in Peshawar on Monday.", ["ASSAULT"]),
])
def test_figures_of_speech_and_departures(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _ in typed(analyzer, text)] == want
