"""Event words read by their own constituents (issue 12): verbs in another sense
(someone fired from a job, an amount that declined, a brochure released or a name
removed, someone pulled aside, a flight home, a press conference, a question asked or
begged, an event moved, credit given, engaging in talks, speaking to a news outlet), which
the dictionaries code as events (and a duty "slapped" on imports, which is a sanction);
the sides an event's words name ("anti-India" rallies are against India; "On CNN" and
"on his behalf" name no one addressed); a kind told by a relative clause ("any
company that asks"); who "came under attack"; and an act refused, failed or unwilling,
which was not done; "hack" with a blade (force) or a computer (an intrusion); what an act
is done "under" (its frame, not its object); a people expelled (force) or envoys and aid
staff (a sanction); support rallied for someone; an event hosted or moderated (no one
received); an audience appealed to (won over, nothing asked); provisions attacked; what
someone needs to do (not done yet); conduct stopped (no ceasefire); a mood captured (no
seizure); a demand or a fact insisted on. Made-up sentences; each class with nearby
sentences it must leave alone."""

from __future__ import annotations

import pytest

from chronicler.nlp.events import senses
from tests.eventcode import all_flagged, asserted, code, side


# a person fired is dismissed, whatever the dictionary codes "fire" (force) or "fired
# for" (criticism) as; one fires at or on people, and fires rockets
@pytest.mark.parametrize("text", [
    "The Kenyan minister was fired for missing three cabinet meetings.",
    "The Kenyan governor fired her chief of staff on Friday.",
    "A Kenyan aide to the governor said his firing was improper.",
    "Kenya's president defended the firing of the police chief.",
])
def test_a_person_fired_is_dismissed(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("Kenyan troops fired on the protesters in Nairobi.", ("ASSAULT", {"KEN"}, {"KEN"})),
    ("Kenyan police fired tear gas at the protesters.", ("ASSAULT", {"KEN"}, {"KEN"})),
    ("Israeli troops fired rockets into Gaza.", ("ASSAULT", {"ISR"}, {"PSE"})),
])
def test_shots_fired_stay_force(analyzer, text: str,  # type: ignore[no-untyped-def]
                                want: tuple[str, set[str], set[str]]) -> None:
    assert asserted(analyzer, text) == [want]


def test_the_firing_of_rockets_stays_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in [t for t, _, _ in asserted(
        analyzer, "Kenya condemned the firing of rockets at its border posts.")]


# "declined 4 percent" is an amount, as "declined to $281 million" is; "declined two
# offers" and "declined to join" are refusals
@pytest.mark.parametrize("text", [
    "Kenyan exports declined 4 percent last year.",
    "China's coal output appears to have declined 3 percent last year.",
    "Turkish imports from Iran declined $2 billion in the first quarter.",
])
def test_an_amount_that_declined(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "Kenya declined two offers of help from Uganda.",
    "Kenya declined to join the talks with Uganda.",
])
def test_a_refusal_declined(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == [("REJECT", {"KEN"}, {"UGA"})]


# a brochure released or a name removed is a document, as a video released is; hostages
# released are freed
@pytest.mark.parametrize("text", [
    "The Kenyan party released another brochure with the same candidates.",
    "The Kenyan minister's name was removed from the plaques.",
])
def test_a_document_released_or_removed(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


def test_hostages_released_are_freed(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, "The Kenyan rebels released two hostages to Uganda.") == [
        ("RETREAT", {"KEN"}, {"UGA"})]


# pulled aside for a word is no seizure; a flight home is no visit (a flight abroad for
# talks is the intent to meet it was)
@pytest.mark.parametrize("text", [
    "Kenyan police pulled the senator aside after the event.",
    "Kenya's president flew back to Nairobi on Air Force Two.",
])
def test_aside_and_home(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


def test_a_flight_abroad_for_talks(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in asserted(
        analyzer, "Kenya's president flew to Kampala for talks with Museveni.")] == ["AGREE"]


# the modifier after "anti" is whom a protest is against, not who protests ("anti" and
# its hyphen are no one)
@pytest.mark.parametrize(("text", "want"), [
    ("Pakistani students held anti-India rallies in Lahore.", ("PROTEST", {"PAK"}, {"IND"})),
    ("An anti-India protest was held in Karachi.", ("PROTEST", set(), {"IND"})),
])
def test_anti_names_whom_it_is_against(analyzer, text: str,  # type: ignore[no-untyped-def]
                                       want: tuple[str, set[str], set[str]]) -> None:
    assert asserted(analyzer, text) == [want]


def test_a_plain_modifier_still_names_who_did_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", {"PAK"}, {"IND"}) in asserted(
        analyzer, "The Pakistani strikes on India killed four soldiers.")


# where and on whose behalf a demand or a talk is made is no one it is made to: a
# sentence-opening "On CNN", "on Trump's behalf"; "called on Uganda" still is
@pytest.mark.parametrize(("text", "want"), [
    ("On Kenyan television Tuesday, the president's wife, Rachel Ruto, called for a full "
     "review of the vote.", set()),
    ("On Tuesday, Kenya called on Uganda to withdraw its troops.", {"UGA"}),
    ("On Monday, Kenya imposed sanctions on Uganda.", {"UGA"}),
])
def test_an_opening_on_is_a_frame(analyzer, text: str, want: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert [r for _, _, r in asserted(analyzer, text)] == [want]


def test_on_behalf_is_no_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, "The Kenyan envoy canceled a trip to speak on Ruto's behalf in "
                           "Mombasa.") == []


# "any company that asks", "every state that attacks": a kind, not an act (the clause's
# later verbs too)
@pytest.mark.parametrize("text", [
    "Any Kenyan company that turns down Ugandan customers or asks Ugandan traders to pay "
    "more must explain why.",
    "Any Kenyan official who asks Uganda to pay more will be dismissed.",
])
def test_any_or_every_head_is_a_kind(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


def test_a_named_relative_head_acts(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", {"UGA"}, {"KEN"}) in asserted(
        analyzer, "The Ugandan militia that attacked Kenya on Monday withdrew.")


# an act refused, failed or unwilling is not done: it stays, negated (a cooperative verb
# refused is the REJECT it was, "declined to resign"); what the refused verb is about
# was done ("declined to condemn Uganda's attack": the attack was made)
@pytest.mark.parametrize(("text", "type_"), [
    ("Kenya declined to send troops to Uganda.", "MOBILIZE"),
    ("Kenya is unwilling to send troops to Somalia.", "MOBILIZE"),
    ("Kenya declined to condemn Uganda's attack.", "ACCUSE"),
    ("Kenya failed to agree with Uganda on the border.", "AGREE"),
    ("Kenya's president declined to affirm his support for Uganda's bid.", "SUPPORT"),
])
def test_an_act_refused_is_negated(analyzer, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert all_flagged(analyzer, text, "negated", type_)


def test_what_a_refused_verb_is_about_was_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in code(analyzer, "Kenya declined to condemn Uganda's attack.")
           if e.type == "ASSAULT"]
    assert evs and not any(e.negated for e in evs)


def test_a_cooperative_act_refused_is_a_rejection(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.negated) for e in code(
        analyzer, "Kenya declined to resign from the council.")] == [("REJECT", False)]


# who "came under attack" is whom it was aimed at (and "by" names who made it); "came
# under fire for" a policy is criticism
@pytest.mark.parametrize(("text", "want"), [
    ("The Kenyan army came under attack in Mandera on Sunday.", ("ASSAULT", set(), {"KEN"})),
    ("The Kenyan army came under attack by Ugandan militias in Mandera on Sunday.",
     ("ASSAULT", {"UGA"}, {"KEN"})),
    ("Kenya's president has come under fire for his handling of the crisis.",
     ("ACCUSE", set(), {"KEN"})),
])
def test_who_came_under_attack(analyzer, text: str,  # type: ignore[no-untyped-def]
                               want: tuple[str, set[str], set[str]]) -> None:
    assert asserted(analyzer, text) == [want]


# words offered and wins captured are no offer and no seizure
@pytest.mark.parametrize("text", [
    "Donald Trump offered the students a frank evaluation of the economy.",
    "Ruto has dominated Odinga in the west, previously capturing wins in Kisumu and Nakuru.",
    "Ohio Democrats hope to keep the governorship and capture the Senate next year.",
])
def test_words_offered_and_wins_captured(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


# a question asked ("asked him how high the wall would be"), a press conference held, a
# question begged, a speech one has the chance to give, candidates' attacks on each
# other: no request, no meeting, no force
@pytest.mark.parametrize("text", [
    "A Kenyan radio host asked Ruto how long the fence along the border would be.",
    "Kenya asked Uganda how many troops it would send.",
    "Ruto's final press conference of the year was held in Mombasa.",
    "The leak begged the question of whether anyone at the White House had read the memo.",
    "Barack Obama welcomes the opportunity to speak at the gala, an aide said.",
    "The rival candidates in Ohio's governor race attacked each other over the scandal.",
])
def test_no_request_meeting_or_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("Kenya asked Uganda to withdraw its troops.", ("REQUEST", {"KEN"}, {"UGA"})),
    ("Kenya begged Uganda to release the fishermen.", ("REQUEST", {"KEN"}, {"UGA"})),
    ("Kenya and Uganda held talks in Nairobi on Monday.", ("CONSULT", {"KEN", "UGA"}, set())),
])
def test_requests_and_talks_stay(analyzer, text: str,  # type: ignore[no-untyped-def]
                                 want: tuple[str, set[str], set[str]]) -> None:
    assert asserted(analyzer, text) == [want]


# a press or news conference is a statement to the press, whatever verb holds it
@pytest.mark.parametrize(("text", "verb", "want"), [
    ("Kenya's foreign ministry held a press conference in Nairobi.", "held", True),
    ("Ruto's last news conference was held in Mombasa.", "held", True),
    ("Kenya and Uganda held talks in Nairobi.", "held", False),
    ("Kenya hosted a conference on regional security.", "hosted", False),
])
def test_a_press_conference(analyzer, text: str, verb: str, want: bool) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    assert senses._press_event(next(t for t in doc if t.text == verb)) is want


# engaging "in" talks or a debate is words; "in fierce fighting" is force
@pytest.mark.parametrize(("text", "want"), [
    ("The Kenyan army engaged in talks with Ugandan rebels on Monday.", []),
    ("Kenyan officials engaged in a heated debate with Ugandan officials over the border.", []),
    ("Kenya's army has no desire to engage in a back-and-forth with Uganda over the incident.",
     []),
    ("Kenyan troops engaged in fierce fighting with Ugandan rebels near the border.",
     [("ASSAULT", {"KEN"}, {"UGA"})]),
])
def test_engaged_in_words_or_fighting(analyzer, text: str,  # type: ignore[no-untyped-def]
                                      want: list[tuple[str, set[str], set[str]]]) -> None:
    assert asserted(analyzer, text) == want


# speaking to a news outlet is an interview, no consultation
@pytest.mark.parametrize(("text", "want"), [
    ("Speaking to CNN on Monday, India's foreign minister said the strikes were measured.",
     []),
    ("Pakistan's prime minister spoke to Geo News on Sunday.", []),
    ("Pakistan's prime minister spoke to his Indian counterpart on Sunday.",
     [("CONSULT", {"PAK"}, {"IND"})]),
])
def test_an_interview_is_no_consultation(analyzer, text: str,  # type: ignore[no-untyped-def]
                                         want: list[tuple[str, set[str], set[str]]]) -> None:
    assert asserted(analyzer, text) == want


def test_a_duty_slapped_is_a_sanction(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert asserted(analyzer, "The Kenyan administration slapped a 35% duty on cheap Ugandan "
                           "sugar.") == [("SANCTION", {"KEN"}, {"UGA"})]


# an event moved or put off, credit given, releases blasted out: the verb's own words
@pytest.mark.parametrize(("text", "verb", "test", "want"), [
    ("The governor's rally in Nakuru was moved after the floods.", "moved", "_rescheduled",
     True),
    ("Kenya moved troops to the border.", "moved", "_rescheduled", False),
    ("You have to give Odinga's supporters credit.", "give", "_credit_given", True),
    ("Kenya will give Uganda food aid.", "give", "_credit_given", False),
    ("The campaign blasted out a stream of press releases.", "blasted", "_sent_out", True),
    ("Militants blasted the police post with rockets.", "blasted", "_sent_out", False),
])
def test_a_verbs_own_words(analyzer, text: str, verb: str, test: str,  # type: ignore[no-untyped-def]
                           want: bool) -> None:
    doc = analyzer.nlp(text)
    assert getattr(senses, test)(next(t for t in doc if t.text == verb)) is want


# "hack" with a blade is force; with a computer an intrusion
@pytest.mark.parametrize("text", [
    "Militiamen hacked three Kenyan farmers to death with machetes.",
    "Ugandan rebels hacked off the hands of dozens of villagers.",
])
def test_hacking_with_a_blade_is_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("ASSAULT", ["primitive"])]


def test_hacking_a_website_is_an_intrusion(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenyan hackers hacked the Ugandan ministry's website on Monday.")
    assert [(e.type, "cyber" in e.mode) for e in got] == [("COERCE", True)]


# what an act is done under ("under the peace accord") is its frame, not its object: the
# accord does not make fighters disarmed a treaty left; fighters demobilised stand down
@pytest.mark.parametrize("text", [
    "Angolan rebels disarmed their fighters under the peace accord.",
    "Angolan rebels began demobilising their fighters on Monday.",
])
def test_fighters_disarmed_or_demobilised_retreat(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["RETREAT"]


def test_withdrawing_from_an_accord_is_no_retreat(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in {e.type for e in code(
        analyzer, "Angola withdrew from the peace accord with the rebels on Monday.")}


# a people driven out is force (CAMEO 201, mass expulsion); envoys, monitors or aid staff
# sent away are a sanction
@pytest.mark.parametrize("text", [
    "Kuwait expelled thousands of Palestinian workers after the war.",
    "Libya began the mass expulsion of Egyptian workers on Tuesday.",
])
def test_a_people_expelled_is_force(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.mode) for e in code(analyzer, text)] == [("ASSAULT", ["targeted"])]


@pytest.mark.parametrize("text", [
    "Pakistan expelled an Indian diplomat on Thursday.",
    "Sudan expelled foreign aid workers from Darfur.",
    "Kenya announced the expulsion of the Ugandan ambassador.",
])
def test_envoys_or_aid_staff_expelled_are_a_sanction(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["SANCTION"]


# support rallied or drummed up for someone is the rallier's (CAMEO 053)
@pytest.mark.parametrize("text", [
    "Libya's leader tried to rally support for Zimbabwe.",
    "Kenya drummed up support for Uganda at the summit.",
])
def test_support_rallied_for_someone(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = [e for e in code(analyzer, text) if e.type == "SUPPORT"]
    assert got and side(got[0], "actor") and side(got[0], "recipient")


# an event hosted or moderated receives no one; a summit or a visitor hosted is a meeting
@pytest.mark.parametrize("text", [
    "The Kenyan senator hosted his annual cookout on Monday.",
    "The Kenyan senator will host events in two counties on Friday.",
    "Two Kenyan anchors will moderate the final debate in Nairobi on Thursday.",
])
def test_an_event_hosted_receives_no_one(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in {e.type for e in code(analyzer, text)}
    assert "COERCE" not in {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize("text", [
    "Kenya hosted a summit of East African leaders in Nairobi.",
    "Kenya hosted Ugandan President Museveni for talks on Monday.",
])
def test_a_summit_or_a_visitor_hosted_is_a_meeting(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in {e.type for e in code(analyzer, text)}


# an audience appealed to is won over; a state appealed to is asked
def test_appealing_to_voters_asks_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "The Kenyan senator kept his plans vague so as to appeal to more "
                         "voters.")
    assert "REQUEST" not in {e.type for e in got}


@pytest.mark.parametrize("text", [
    "Kenya appealed to Uganda to withdraw its troops.",
    "Kenya appealed to the United Nations for food aid.",
])
def test_appealing_to_a_state_asks(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == ["REQUEST"]


# a bill's provisions attacked are criticised, not struck
def test_provisions_attacked_are_no_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "The Kenyan senator Ruto said he will attack four provisions in the "
                         "tax code.")
    assert "ASSAULT" not in {e.type for e in got}


# what someone needs to do, or needs another to do, is not done yet
def test_what_one_needs_to_do_is_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya needs to talk with Uganda about the border, the minister said.")
    assert got and all(e.future for e in got)


def test_what_one_needs_another_to_do_is_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" not in {e.type for e in code(analyzer, "Kenya needs Uganda to reopen "
                                                            "the border.")}


# conduct stopped is no ceasefire; fire stopped is
@pytest.mark.parametrize("text", [
    "Kenya must stop lying about the border, Uganda said.",
    "Kenya never stopped being a friend of Uganda.",
    "Ugandan regulators forced a Kenyan broadcaster to cease transmitting in Kampala.",
])
def test_conduct_stopped_is_no_ceasefire(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in {e.type for e in code(analyzer, text)}


def test_fire_stopped_is_a_ceasefire(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Ugandan rebels stopped shelling the town on Friday.")
    assert [(e.type, e.mode) for e in got] == [("RETREAT", ["ceasefire"])]


# what a picture or a phrase captures is seized by no one
def test_a_mood_captured_is_no_seizure(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenyan artists seemed to capture the ambiguity of life in the "
                         "capital.")
    assert "COERCE" not in {e.type for e in got}


# a demand insisted on puts its verb in the bare form; a fact insisted on demands nothing
@pytest.mark.parametrize("text", [
    "Kenya insisted on Monday that Uganda withdraw its troops from the island.",
    "The Ivorian president insisted on Monday that France send troops to protect him.",
    "Kenya insisted that Uganda should pay for the damage.",
])
def test_a_demand_insisted_on(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in {e.type for e in code(analyzer, text)}


def test_a_fact_insisted_on_demands_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in {e.type for e in code(analyzer, "Kenya insisted that it had not "
                                                            "sent troops.")}
