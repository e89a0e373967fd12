"""Threats and stand-downs in the words wire leads use (issue 12): an ultimatum ("ten days
to withdraw or face air strikes") is a threat, and neither what it asks nor what it
holds out happened; a warning that a hostile act could follow is a threat; fighters who
hand in their weapons disarm; a crowd counted ("hundreds of rioters") is a crowd; a bomb
planted by someone was set off by them, and what it did was theirs ("a mine laid by
rebels killed five"); the ethnic words of the Balkans and Cyprus name
their countries; displeasure voiced, talks broken off, a discussion by telephone, an
airport blockaded, a strike its organisers called. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "recipient"), [
    ("The African Union gave Ugandan rebels ten days to withdraw from the town or face "
     "sanctions.", {"UGA"}),
    ("NATO on Wednesday gave Serb forces ten days to pull their guns back from the hills "
     "or face air strikes.", {"SRB"}),
])
def test_an_ultimatum_is_a_threat(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["THREATEN"]
    assert side(got[0], "actor") == {"IGO"} and side(got[0], "recipient") == recipient


def test_hardship_faced_is_no_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "Kenyan farmers face drought and hunger this year.") == []


@pytest.mark.parametrize("text", [
    "Kenya warned on Sunday that it could reoccupy the island if the raids continue.",
    "Uganda warned that it might impose sanctions on Kenya.",
])
def test_a_hostile_act_warned_of_is_a_threat(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Ugandan rebels handed in their weapons in the north on Friday.",
    "The Ugandan rebels turned in their guns in northern Uganda.",
])
def test_weapons_handed_in_disarm(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("RETREAT", ["disarm"])]


@pytest.mark.parametrize("text", [
    "Hundreds of rioters torched cars in the Kenyan city of Mombasa on Monday.",
    "Thousands of protesters stormed the parliament in Nairobi.",
])
def test_a_crowd_counted_riots(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("PROTEST", ["riot"])]


def test_a_bomb_planted_by_someone_was_theirs(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "A bomb planted by Somali militants exploded in Nairobi on Monday, "
                         "wounding 12 people.")
    assert [e.type for e in got] == ["ASSAULT"] and side(got[0], "actor") == {"SOM"}


@pytest.mark.parametrize("text", [
    "A bomb planted by Somali militants killed two policemen in Nairobi on Monday.",
    "A landmine laid by Somali militants killed five Kenyan soldiers near the border.",
])
def test_a_weapon_set_by_someone_did_what_it_did_for_them(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["ASSAULT"] and side(got[0], "actor") == {"SOM"}


def test_a_man_arrested_by_police_is_not_the_police(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "A man arrested by Kenyan police killed two guards in Nairobi.")
    assert all(not (e.type == "ASSAULT" and "KEN" in side(e, "actor")) for e in got)


@pytest.mark.parametrize(("text", "actor"), [
    ("Greek Cypriots voted on Saturday to reject the plan.", {"CYP"}),
    ("Turkish Cypriot leader Rauf Denktash rejected a United Nations plan.", {"CYP"}),
    ("Yugoslav forces attacked the village on Monday.", {"SRB"}),
])
def test_ethnic_words_name_their_country(analyzer, text: str, actor: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert got and side(got[0], "actor") == actor


# more wire-lead words: displeasure voiced at someone's act, talks broken off, a discussion
# with someone (by telephone too), an airport blockaded by a crowd, a strike its
# organisers called
@pytest.mark.parametrize(("text", "want"), [
    ("Kenya expressed displeasure with Uganda's decision to close the border.",
     ("ACCUSE", {"KEN"}, {"UGA"})),
    ("Syria broke off its peace talks with Israel on Monday.", ("SANCTION", {"SYR"}, {"ISR"})),
    ("The Egyptian president discussed the peace process by telephone with the Jordanian "
     "king.", ("CONSULT", {"EGY"}, {"JOR"})),
    ("Anti-government protesters blockaded the main airport in Bangkok on Wednesday.",
     ("PROTEST", {"THA"}, {"THA"})),
    ("A general strike called by opposition parties shut shops across Nepal on Tuesday.",
     ("PROTEST", {"NPL"}, {"NPL"})),
])
def test_wire_lead_words(analyzer, text: str,  # type: ignore[no-untyped-def]
                         want: tuple[str, set[str], set[str]]) -> None:
    got = [(e.type, side(e, "actor"), side(e, "recipient")) for e in code(analyzer, text)]
    assert want in got


def test_a_topic_discussed_alone_is_no_meeting(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "The Kenyan president discussed the Ugandan threat in a speech on "
                          "Monday.") == []
