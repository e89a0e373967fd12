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
    ("Soldiers burned houses in a village in Mali on Sunday.", [("ASSAULT", set(), {"MLI"})]),
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
    # (at home, naming no one abroad: coded at home, as PLOVER's records code such)
    ("Kenya opened an investigation into the shipping firm on Monday.",
     [("ACCUSE", {"KEN"}, {"KEN"})]),
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


# a transfer's "to": whom a suspect, a ship or a pilot is handed (CAMEO 063, 084x)
@pytest.mark.parametrize(("text", "want"), [
    ("Italian police extradited the two suspects to Germany.", [("COOPERATE", {"ITA"}, {"DEU"})]),
    ("Yemen returned the seized vessel to Oman on Monday.", [("RETREAT", {"YEM"}, {"OMN"})]),
])
def test_transfers_go_to_whom_they_name(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# protesters' force is a riot, their demand a protest (PLOVER PROTEST riot / demo); a
# mob's or the police's force stays force
@pytest.mark.parametrize(("text", "want"), [
    ("Rioters set cars on fire in Lagos on Sunday.", ("PROTEST", ["riot"])),
    ("Protesters in Colombo demanded the resignation of the president.", ("PROTEST", ["demo"])),
    ("A mob lynched a man in Dhaka.", ("ASSAULT", None)),
    ("Police fired tear gas at protesters in Lagos.", ("ASSAULT", None)),
])
def test_crowds_protest(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, text)
    assert [e.type for e in events] == [want[0]]
    if want[1] is not None:
        assert events[0].mode == want[1]


# international involvement let in is RETREAT access (CAMEO 086x); someone else let act
# is a concession; refused, a rejection
@pytest.mark.parametrize(("text", "want"), [
    ("Syria allowed United Nations inspectors to visit the sites.", ["RETREAT"]),
    ("Eritrea let foreign observers into the border area.", ["RETREAT"]),
    ("Syria refused to let United Nations inspectors visit the sites.", ["REJECT"]),
    ("The court allowed the newspaper to publish the report.", []),
])
def test_access_allowed(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, text)
    assert [e.type for e in events] == want
    assert all(e.mode == ["access"] for e in events if e.type == "RETREAT")


# what two sides do jointly is COOPERATE (CAMEO 060-062), a joint exercise too; one
# side's exercise is a show of force
@pytest.mark.parametrize(("text", "want"), [
    ("Peru and Chile launched joint naval patrols on Monday.",
     [("COOPERATE", {"PER", "CHL"}, set())]),
    ("Egypt held joint air force exercises with Greece in the Mediterranean.",
     [("COOPERATE", {"EGY"}, {"GRC"})]),
    ("Russia held naval exercises near Japan.", [("MOBILIZE", {"RUS"}, {"JPN"})]),
    ("Peru and Chile issued a joint statement on Monday.", []),
])
def test_joint_activities(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# giving in to a demand is a concession (CAMEO 083x), an apology SUPPORT (CAMEO 055)
@pytest.mark.parametrize(("text", "want"), [
    ("The Peruvian government gave in to the demands of the truckers.", ["CONCEDE"]),
    ("The Nepali government agreed to the students' demand for new elections.", ["CONCEDE"]),
    ("Germany apologized to Namibia for colonial-era killings.", ["SUPPORT"]),
    ("Nepal agreed to the Indian proposal.", ["AGREE"]),
])
def test_concessions_and_apologies(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == want


def test_an_apology_names_its_recipient_once(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "Germany apologized to Namibia for its colonial past.") == [
        ("SUPPORT", {"DEU"}, {"NAM"})]


def test_a_group_named_by_its_kind(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "The militant group threatened to bomb hotels in Tanzania.")
    assert [(e.type, [a.sector for a in e.actor]) for e in events] == [("THREATEN", ["REB"])]


# arms and loans given are AID (CAMEO 071-072); what is given is no recipient
@pytest.mark.parametrize(("text", "want"), [
    ("The Asian Development Bank approved a $200 million loan to Laos.",
     [("AID", {"IGO"}, {"LAO"})]),
    ("Iran supplied rifles and artillery to the Syrian army.", [("AID", {"IRN"}, {"SYR"})]),
    ("Sweden sold fighter jets to Brazil.", [("AID", {"SWE"}, {"BRA"})]),
    ("The city council approved a loan.", []),
])
def test_arms_and_loans(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# aid, loans or mediation stopped, and foreigners ordered out, are SANCTION (CAMEO 162x,
# 165, 166x); talks ended too, not a meeting
@pytest.mark.parametrize(("text", "want"), [
    ("The European Union froze its aid to Mali.", [("SANCTION", {"EUR"}, {"MLI"})]),
    ("Qatar ended its mediation between Hamas and Israel.", [("SANCTION", {"QAT"}, None)]),
    ("Burundi ordered the United Nations human rights staff to leave the country.",
     [("SANCTION", {"BDI"}, None)]),
    ("The coach told the players to leave the pitch.", []),
])
def test_aid_stopped_and_foreigners_ordered_out(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, text)
    assert [(t, a) for t, a, _ in got] == [(t, a) for t, a, _ in want]
    assert all(r == w[2] for (_, _, r), w in zip(got, want, strict=True) if w[2] is not None)


# "called for X to withdraw": a REQUEST of X; X's withdrawal is what is asked, no event
@pytest.mark.parametrize(("text", "want"), [
    ("Kenya called for Ethiopia to withdraw its troops.", [("REQUEST", {"KEN"}, {"ETH"})]),
    ("The Thai opposition called for the prime minister to resign.",
     [("REQUEST", {"THA"}, {"THA"})]),
])
def test_called_for_someone_to_act(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# criticism of a country's act or people names that country ("the Chinese crackdown",
# "the actions of the Chinese coast guard")
@pytest.mark.parametrize(("text", "want"), [
    ("Japan condemned the conduct of the Chinese coast guard.", [("ACCUSE", {"JPN"}, {"CHN"})]),
    ("Canada expressed disapproval of the Iranian crackdown on protesters.",
     [("ACCUSE", {"CAN"}, {"IRN"})]),
])
def test_criticism_of_a_countrys_conduct(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


@pytest.mark.parametrize("text", [
    "The mayor gave two lectures in late 2019.",  # "in" a time, not "gave in"
    "She served as chief counsel to Senator Lane.",  # a person is no state handed to
])
def test_no_concession_or_transfer_in_other_senses(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == []


# "the government of X" is X's government; a visit's host is where the visitor arrives
@pytest.mark.parametrize(("text", "want"), [
    ("The government of Sudan seized the assets of the opposition party.",
     [("COERCE", {"SDN"}, {"SDN"})]),
    ("The Turkish foreign minister arrived in Cairo for a two-day visit to Egypt.",
     [("CONSULT", {"TUR"}, {"EGY"})]),
])
def test_governments_of_and_visits(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# reform or a new leader promised is AGREE (CAMEO 034x); done, a concession
@pytest.mark.parametrize(("text", "want"), [
    ("The Kenyan president vowed to amend the constitution.", ["AGREE"]),
    ("The parliament of Ghana amended the electoral law.", ["CONCEDE"]),
    ("The club replaced its coach on Monday.", []),
])
def test_reform(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, text)] == want


def test_the_african_union_is_an_international_body(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "The African Union urged Chad to release the journalists.") == [
        ("REQUEST", {"IGO"}, {"TCD"})]


# people blocking roads protest (CAMEO 144x, obstruct); the police or a landslide do not
@pytest.mark.parametrize(("text", "want"), [
    ("Farmers blocked the main highway near Lahore on Tuesday.", [("PROTEST", ["obstruct"])]),
    ("Police blocked the roads around the parliament.", []),
    ("A landslide blocked the highway near Shimla.", []),
])
def test_roads_blocked(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, e.mode) for e in code(analyzer, text)] == want


# opposing another side's mediation, proposal or presence is a REJECT (CAMEO 12x), the
# mediation opposed no meeting; opposing a bill is no rejection of a proposal
@pytest.mark.parametrize(("text", "want"), [
    ("Turkey opposes Swedish mediation in the talks with Greece.", [("REJECT", {"TUR"}, {"SWE"})]),
    ("Serbia is opposed to any foreign mediation in the dispute.", [("REJECT", {"SRB"}, set())]),
    ("Chile is opposed to any Peruvian mediation.", [("REJECT", {"CHL"}, {"PER"})]),
    ("The governor opposes the bill.", []),
])
def test_opposing_a_proposal(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# the "by" of an act an active verb answers names whose act it is, wherever the parser
# hangs it (mostly on the verb); a means ("by phone") names no one
@pytest.mark.parametrize(("text", "want"), [
    ("Oxfam condemned abuses by Malian soldiers.", [("ACCUSE", {"NGO"}, {"MLI"})]),
    ("The tribunal investigated crimes by Chadian militias.", [("ACCUSE", set(), {"TCD"})]),
    ("Ghana rejected mediation by Togo in the dispute.", [("REJECT", {"GHA"}, {"TGO"})]),
    ("Benin welcomed the decision by Niger to reopen the border.",
     [("SUPPORT", {"BEN"}, {"NER"})]),
])
def test_the_doer_of_an_act_answered(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_a_means_is_no_doer(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert all(r == set() for _, _, r in typed(analyzer, "Ghana rejected the claim by phone."))


# turning down a request, an invitation or a demand is refusing it; turning down a road
# is driving
@pytest.mark.parametrize(("text", "want"), [
    ("Ghana turned down a request from Togo for a loan.", [("REJECT", {"GHA"}, {"TGO"})]),
    ("Mali turned down an invitation from Niger to attend the summit.",
     [("REJECT", {"MLI"}, {"NER"})]),
    ("The convoy turned down a side road in Bamako.", []),
])
def test_turning_down_a_request(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# an attack that hits no one named hits the place it falls in (PLOVER codes it by
# where), and police killed there are its police; a force may be abroad, so soldiers
# are not placed
@pytest.mark.parametrize(("text", "want"), [
    ("Gunmen stormed a hotel in Kandahar.", [("ASSAULT", set(), {"AFG"})]),
    ("Gunmen killed three policemen in Peshawar on Friday.", [("ASSAULT", set(), {"PAK"})]),
    ("A car bomb killed seven soldiers in Mogadishu.", [("ASSAULT", set(), set())]),
])
def test_an_attack_hits_where_it_falls(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_a_place_read_by_the_articles_context_names_no_recipient() -> None:
    from chronicler.nlp.events.inference import _placed_alone
    from chronicler.records import Place

    # "Paris" in an American story resolves to Paris, Texas: a guess from context, on
    # which no one is made the target of an attack
    texas = Place(article_id="a", text="Paris", span=(0, 5), name="Paris", country="USA")
    assert not _placed_alone(texas)
    assert _placed_alone(texas.model_copy(update={"country": "FRA"}))


# a state undoing a measure of its own under pressure concedes (CAMEO 083); with no
# pressure named it is ordinary politics, and ties suspended stay a sanction
@pytest.mark.parametrize(("text", "want"), [
    ("The Malawian government reversed the fuel price increase after protests.",
     [("CONCEDE", {"MWI"}, {"MWI"})]),
    ("The Zambian government scrapped the new tax amid public anger.",
     [("CONCEDE", {"ZMB"}, {"ZMB"})]),
    ("In 2009, the state legislature repealed the law.", []),
    ("Malawi suspended ties with Zambia.", [("SANCTION", {"MWI"}, {"ZMB"})]),
])
def test_a_measure_undone_under_pressure(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# an alert raised by a force is a MOBILIZE (CAMEO 151/152); a weather alert is not
@pytest.mark.parametrize(("text", "want"), [
    ("The Kenyan army raised its state of alert.", [("MOBILIZE", {"KEN"}, {"KEN"})]),
    ("The weather office raised its flood alert for Nairobi.", []),
])
def test_an_alert_raised(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# a weapons test is a show of force, not an attack, however it is written
@pytest.mark.parametrize(("text", "want"), [
    ("Iran test-fired a ballistic missile on Sunday.", "MOBILIZE"),
    ("Syria carried out a missile test on Sunday.", "MOBILIZE"),
    ("Libya conducted a nuclear test.", "MOBILIZE"),
    ("Iran fired a missile at the Iraqi post.", "ASSAULT"),
])
def test_a_weapons_test(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == [want]


# mass violence against a people (CAMEO 201-203) is an ASSAULT
@pytest.mark.parametrize("text", [
    "Militias carried out ethnic cleansing in eastern Chad.",
    "Government troops committed genocide in the south of Sudan.",
])
def test_mass_violence(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == ["ASSAULT"]


# a show of military force is a MOBILIZE (CAMEO 150); a party's show of force is not
@pytest.mark.parametrize(("text", "want"), [
    ("Russia staged a show of force near the Georgian border.", [("MOBILIZE", {"RUS"}, {"GEO"})]),
    ("The rally was a show of force by the ruling party.", []),
])
def test_a_show_of_force(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# a threat, refusal or accusation at home that names no one is coded at home (PLOVER's
# records); in an article of two sides it answers the other side, not its own
@pytest.mark.parametrize(("text", "want"), [
    ("The Malawian army warned it would crush any further protests.",
     [("THREATEN", {"MWI"}, {"MWI"})]),
    ("The Malian government suspended peace talks with Tuareg rebels.",
     [("SANCTION", {"MLI"}, {"MLI"})]),
    ("Gunmen killed two judges in Karachi.", [("ASSAULT", set(), {"PAK"})]),
])
def test_at_home(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_an_unaddressed_refusal_between_two_sides_is_not_domestic(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, "Chad accused Niger of shelling its border posts on Monday. "
                          "Niger's leaders have refused to engage.")
    assert got and all("NER" not in r for t, a, r in got if t == "REJECT")


# an agreement made giving in ("bowing to pressure", "meeting a key demand") is the
# concession itself, at home unless someone abroad pressed
@pytest.mark.parametrize(("text", "want"), [
    ("Bowing to opposition pressure, the Gabonese president agreed on Friday to free "
     "political prisoners.", [("CONCEDE", {"GAB"}, {"GAB"})]),
    ("The Togolese government agreed to dissolve the cabinet, meeting a key demand of the "
     "opposition.", [("CONCEDE", {"TGO"}, {"TGO"})]),
    # (no pressure named: an intent of reform, made at home as PLOVER's records code one)
    ("The Togolese government agreed to dissolve the cabinet.", [("AGREE", {"TGO"}, {"TGO"})]),
])
def test_an_agreement_giving_in(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# whom help is for: the one who does what it helps with ("helped Mozambique clear")
@pytest.mark.parametrize(("text", "want"), [
    ("Norway helped Angola clear the landmines.", [("AID", {"NOR"}, {"AGO"})]),
    ("Norway said it would help Angola clear the landmines.", [("AGREE", {"NOR"}, {"AGO"})]),
])
def test_help_to_do(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# a grievance or an inquiry about another's act names who did it; one's own mic is
# no one else's
@pytest.mark.parametrize(("text", "want"), [
    ("Ghana voiced strong displeasure over Togo's decision to close the border.",
     [("ACCUSE", {"GHA"}, {"TGO"})]),
    ("UN observers looked into reports that Eritrean troops had crossed the line.",
     [("ACCUSE", {"UNO"}, {"ERI"})]),
])
def test_what_a_grievance_is_about(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_a_gerund_after_began_is_the_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the dictionary reads a gerund only when a phase verb carries it
    assert typed(analyzer, "Zambia started evicting Congolese refugees from the camps.") == [
        ("COERCE", {"ZMB"}, {"COD"})]


# passive transfers and readiness, and the other side of a border left
@pytest.mark.parametrize(("text", "want"), [
    # sent from a state with no agent named: that state sends
    ("A rebel commander was extradited from Kenya to Uganda on Friday.",
     [("COOPERATE", {"KEN"}, {"UGA"})]),
    # made ready: who is made ready acts
    ("Police across Kenya were placed on their highest state of alert.",
     [("MOBILIZE", {"KEN"}, {"KEN"})]),
    # "back from the border area with X": X
    ("Ecuador pulled its troops back from the border area with Peru on Friday.",
     [("RETREAT", {"ECU"}, {"PER"})]),
])
def test_passives_and_borders(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# observers or aid staff withdrawn from a country are a sanction of it (CAMEO 1662/1663);
# troops withdrawn are a de-escalation
@pytest.mark.parametrize(("text", "want"), [
    ("The African Union withdrew its election observers from Togo on Friday.",
     [("SANCTION", {"IGO"}, {"TGO"})]),
    ("Chad withdrew its troops from the border with Niger.", [("RETREAT", {"TCD"}, {"NER"})]),
])
def test_observers_withdrawn(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_an_offer_to_mediate_names_the_sides(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (a country named alone is the sentence's other country anyway; a government is not)
    assert typed(analyzer, "Norway offered to mediate between the Ugandan government and "
                           "the rebels of the north.") == [("REQUEST", {"NOR"}, {"UGA"})]


# hijacking a craft with people aboard is an abduction (CAMEO 181), not property seized;
# a debate hijacked is no craft
@pytest.mark.parametrize(("text", "want"), [
    ("Rebels hijacked a Peruvian airliner with 40 people on board.", ["ASSAULT"]),
    ("The senator hijacked the budget debate.", []),
])
def test_a_hijacking(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == want
