"""Constructions of real news leads (issue 12): whose side armed men are on, refusals
and promises of one's own act, and the date a lead gives its verb. Made-up sentences;
each class with nearby sentences it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.eventcode import code, triples

sides = triples  # (type, actor countries, recipient countries) of each event


# "Troops loyal to X", "militias allied with the government": they fight for X's country
@pytest.mark.parametrize(("text", "actor"), [
    ("Forces loyal to Colonel Muammar Gaddafi shelled the town of Misrata on Sunday.",
     {"LBY"}),
    ("Militants loyal to Somalia's Islamist leader attacked an army base on Tuesday.",
     {"SOM"}),
    ("Gunmen loyal to the Haitian president attacked a police post on Monday.", {"HTI"}),
])
def test_armed_men_fight_for_whom_they_are_loyal_to(analyzer, text: str, actor: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, text)
    assert [(t, a) for t, a, _ in got] == [("ASSAULT", actor)]


@pytest.mark.parametrize("text", [
    # loyal to no one with a country: the actor keeps none
    "Gunmen loyal to the cause attacked a police post on Monday.",
    # "loyal" said of someone else
    "Gunmen attacked a police post whose officers stayed loyal to the mayor.",
])
def test_loyalty_to_no_country_gives_none(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(not a for t, a, _ in sides(analyzer, text))


# a cooperative act refused ("declined to resign") is a REJECT; naming no one and no
# other country, it is coded at home, as any refusal that names no one
@pytest.mark.parametrize(("text", "want"), [
    ("The Pakistani minister declined to resign despite protests in Lahore.",
     [("REJECT", {"PAK"}, {"PAK"})]),
    ("Prime Minister Junichiro Koizumi has refused to step down.",
     [("REJECT", {"JPN"}, {"JPN"})]),
])
def test_a_refused_act_naming_no_one_is_at_home(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # the addressee named: the refusal answers it
    ("The Pakistani minister refused to cooperate with India.",
     [("REJECT", {"PAK"}, {"IND"})]),
    # words that put the addressee abroad: no one at home
    ("The Pakistani minister refused to accept any foreign mediation.",
     [("REJECT", {"PAK"}, set())]),
])
def test_a_refused_act_with_an_addressee_keeps_it(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


# a cooperative act promised in a that-clause is the promise (AGREE): its "would" is the
# promise's future, not a hypothetical; a second act joined to the first shares the
# promise; and whom it was promised to is its recipient, unless the act names its own
@pytest.mark.parametrize(("text", "want"), [
    ("The Chilean president promised that the government would lift the curfew.",
     [("AGREE", {"CHL"}, {"CHL"})]),
    ("The Peruvian minister promised the World Bank on Tuesday that Lima would cut "
     "spending and overhaul its tax system.", [("AGREE", {"PER"}, {"IGO"})]),
    ("Ghana's president pledged to Togo that his government would reopen the border.",
     [("AGREE", {"GHA"}, {"TGO"})]),
])
def test_an_act_promised_in_a_that_clause_is_an_intent(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # a "would" no one promised is no intent
    ("Analysts believe the Chilean government would lift the curfew.",
     [("CONCEDE", {"CHL"}, {"CHL"})]),
    # an act promised with an infinitive keeps its own recipient
    ("The Peruvian minister promised to send aid to Bolivia.",
     [("AGREE", {"PER"}, {"BOL"})]),
])
def test_promises_leave_conditions_and_named_recipients_alone(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


# a lead's "on Monday" is a date: it neither vetoes a pattern whose verb must not take
# "on" ("called on X", "worked on X") nor stands for one that needs it
@pytest.mark.parametrize(("text", "want"), [
    ("The Indian foreign minister called his Pakistani counterpart on Monday.",
     ("CONSULT", {"IND"}, {"PAK"})),
    ("Kenya worked with Uganda on Tuesday to track the rebels.",
     ("COOPERATE", {"KEN"}, {"UGA"})),
])
def test_a_date_is_no_argument_word(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    assert want in sides(analyzer, text)


@pytest.mark.parametrize(("text", "type_"), [
    ("Egypt called on Israel on Friday to halt the raids.", "REQUEST"),  # "on" Israel
    # (the tagger's DATE "months" is the pressure's, not a time)
    ("Bowing to months of opposition pressure, the Gabonese president agreed on Friday "
     "to set up an electoral commission.", "CONCEDE"),
])
def test_an_argument_word_beside_a_date_stays(analyzer, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in sides(analyzer, text)] == [type_]


# whom force hit: not the weapon fired at someone, and a person of a place that lies in
# a country ("the mayor of a town in X's province")
@pytest.mark.parametrize(("text", "recipient"), [
    ("Gunmen fired rockets at the motorcade of the Georgian president on Monday.",
     {"GEO"}),
    ("Gunmen shot dead the mayor of a town in Colombia's southern Cauca province.",
     {"COL"}),
    # (the weapon is what is hit when nothing is fired at anyone)
    ("Pakistan shot down an Indian jet over Kashmir.", {"IND"}),
])
def test_whom_force_hit(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert [(t, r) for t, _, r in sides(analyzer, text)] == [("ASSAULT", recipient)]


def test_a_ban_on_rallies_is_no_rally(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (a place within a place is read one level deeper; nothing else is)
    got = sides(analyzer, "The government of Bahrain said it would lift the ban on "
                          "opposition rallies in Manama.")
    assert "PROTEST" not in [t for t, _, _ in got]


def test_an_offer_to_mediate_names_the_sides_past_a_date(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (the date between the verbs makes the parser hang the infinitive as advcl)
    got = sides(analyzer, "Norway offered on Tuesday to mediate between the Sri Lankan "
                          "government and the rebels.")
    assert got == [("REQUEST", {"NOR"}, {"LKA"})]


# a transfer's recipient is the state it goes to, not what or whom it hands over; people
# held by another side are released or returned like prisoners
@pytest.mark.parametrize(("text", "want"), [
    ("Thailand handed over three suspected militants to Malaysian authorities on Friday.",
     [("COOPERATE", {"THA"}, {"MYS"})]),
    ("Iran returned the seized British sailors to Britain.", [("RETREAT", {"IRN"}, {"GBR"})]),
    ("Rebels in Colombia freed two German tourists on Sunday.",
     [("RETREAT", {"COL"}, {"DEU"})]),
])
def test_transfers_and_releases(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize("text", [
    "The activists released a statement on Monday.",
    "The company released its workers early because of the storm.",
    # a natural force is no attacker, passive or active
    "Japan will rebuild the schools destroyed by the cyclone in Bangladesh.",
    "The typhoon killed 300 people in the Philippines.",
])
def test_no_release_or_attack(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in sides(analyzer, text) if t in ("RETREAT", "ASSAULT")] == []


# the dictionary's noun beats its particle: "broke off relations" is CAMEO 161 (SANCTION),
# not the 130 of "broke off"; a diplomatic protest is lodged with someone
@pytest.mark.parametrize(("text", "want"), [
    ("Ecuador broke off diplomatic relations with Colombia after the raid.",
     [("SANCTION", {"ECU"}, {"COL"})]),
    ("India lodged a strong protest with the Pakistani high commission on Monday.",
     [("ACCUSE", {"IND"}, {"PAK"})]),
])
def test_broken_relations_and_lodged_protests(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


# a denial answers an accuser, named or not: it is never a refusal at home
@pytest.mark.parametrize(("text", "want"), [
    ("Pakistan denied violating the ceasefire on Sunday.", [("REJECT", {"PAK"}, set())]),
    ("Pakistan denied India's claim that it had violated the ceasefire.",
     [("REJECT", {"PAK"}, {"IND"})]),
])
def test_a_denial_is_not_at_home(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [x for x in sides(analyzer, text) if x[0] == "REJECT"] == want


# a raid on premises is a search (COERCE seize, PLOVER's seize mode); on people or a
# place, an attack; people the object says were taken are released like prisoners
@pytest.mark.parametrize(("text", "want"), [
    ("Burmese police raided the offices of an opposition party in Yangon on Tuesday.",
     ("COERCE", ["seize"])),
    ("Pakistani rangers raided the home of a former minister in Karachi.",
     ("COERCE", ["seize"])),
    ("Israeli troops raided the West Bank town of Jenin on Monday.", ("ASSAULT", [])),
    ("The Taliban released two Italian aid workers kidnapped last month.",
     ("RETREAT", ["release"])),
])
def test_raids_and_releases(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    assert want in [(e.type, e.mode) for e in code(analyzer, text, dt.date(2006, 6, 1))]


@pytest.mark.parametrize("text", [
    "Police released the names of the detained suspects.",
    "The company released its workers early because of the storm.",
])
def test_nothing_released(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in [t for t, _, _ in sides(analyzer, text)]


def test_two_sides_clashing_are_each_others(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, "Armenian and Azerbaijani forces clashed along the border on "
                          "Monday.")
    assert got == [("ASSAULT", {"ARM", "AZE"}, set())]


def test_a_country_swallowed_into_an_amount_is_still_a_party(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (the tagger reads "Bangladesh 30 million dollars" as one MONEY entity)
    got = sides(analyzer, "Japan gave Bangladesh 30 million dollars to rebuild schools.")
    assert got == [("AID", {"JPN"}, {"BGD"})]


@pytest.mark.parametrize(("text", "want"), [
    # an ethnic people is of the country it lives in: a place named first, else a state
    # the sentence names by its demonym
    ("The Serbian government rejected demands by ethnic Albanians for autonomy.",
     [("REJECT", {"SRB"}, {"SRB"})]),
    ("Ethnic Albanians in south Serbia are demanding autonomy.", [("REQUEST", {"SRB"}, set())]),
    # a people named after the place it lives in
    ("Kosovo Albanians demanded independence from Belgrade.", [("REQUEST", {"XKX"}, {"SRB"})]),
])
def test_an_ethnic_people_is_where_it_lives(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # "paid a visit": the visitor acts
    ("The German chancellor paid a two-day visit to Turkey.", ("CONSULT", {"DEU"}, {"TUR"})),
    # a host of talks between two sides: both sides are its recipients
    ("Brazil will host talks between Venezuela and Colombia next week.",
     ("CONSULT", {"BRA"}, {"VEN", "COL"})),
])
def test_visits_and_hosted_talks(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    assert want in sides(analyzer, text, dt.date(2002, 6, 1))


def test_a_stance_is_addressed_to_what_it_opposes(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (not the talks inside it: "with Armenia")
    got = sides(analyzer, "Turkey is opposed to Swiss mediation in its talks with Armenia.")
    assert got == [("REJECT", {"TUR"}, {"CHE"})]


# a country named only as a diplomatic source of the report is no party to the event
@pytest.mark.parametrize(("text", "want"), [
    ("The Haitian army imposed martial law on Sunday, a spokesman at the French embassy "
     "said.", ("COERCE", {"HTI"}, {"HTI"})),
    # (the rebels are Somalia's, where they act: not Kenya's, the source's)
    ("Rebels set off three bombs in Mogadishu on Monday, Western diplomats based in Kenya "
     "said.", ("ASSAULT", {"SOM"}, {"SOM"})),
    # (a state speaking of its own is no source: it is the one hit)
    ("India said Pakistani troops fired across the border overnight.",
     ("ASSAULT", {"PAK"}, {"IND"})),
])
def test_a_diplomatic_source_is_no_party(analyzer, text: str, want: tuple) -> None:  # type: ignore[no-untyped-def]
    assert want in sides(analyzer, text)


# ... nor is one named only as the press or a rights group that reports it: not whose
# police it was, nor whose prisoners
@pytest.mark.parametrize(("text", "want"), [
    ("Police arrested 40 opposition activists in Minsk, a Polish human rights group "
     "reported.", "POL"),
    ("The Burmese junta released 200 political prisoners on Friday, Thai media reported.",
     "THA"),
])
def test_the_press_is_no_party(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    got = sides(analyzer, text)
    assert got and not any(want in a | r for _, a, r in got)


@pytest.mark.parametrize(("text", "actor"), [
    # a speaker of no known country does not take the country his words are about
    ("Bishop Sipho Dlamini on Friday urged sanctions against Zimbabwe.", set()),
    # (rebels named without a country stay at home)
    ("Shona rebels demanded the release of prisoners held in Zimbabwe.", {"ZWE"}),
])
def test_words_about_a_country_are_not_said_from_it(analyzer, text: str, actor: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert [a for t, a, _ in sides(analyzer, text) if t == "REQUEST"] == [actor]


# police, courts and legislators act at home: a sentence's only country is theirs; whom
# a domestic event hit, named, is of that country too (not replaced by the country)
@pytest.mark.parametrize(("text", "want"), [
    ("Police arrested 30 protesters in Peshawar.", [("COERCE", {"PAK"}, {"PAK"})]),
])
def test_police_act_at_home(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, text) == want


def test_a_named_victim_of_a_domestic_event_stays_named(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Rustam Karimov, a shopkeeper, was killed by police in Tashkent.")
    assert [(e.type, [(r.name, r.country) for r in e.recipient]) for e in got] == [
        ("ASSAULT", [("Rustam Karimov", "UZB")])]


def test_troops_are_not_placed_where_they_fight(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (soldiers may fight abroad: the place names whom they hit, not whose they are)
    got = sides(analyzer, "Soldiers shot dead five villagers near Herat.")
    assert [(t, a) for t, a, _ in got] == [("ASSAULT", set())]


# what the object did ("arrested protesters who had rallied against X") names no side
# of the arrest: the detained stay at home; a clause saying who made the object ("a
# plan that Russia had proposed") still names its author
@pytest.mark.parametrize(("text", "want"), [
    ("Police in Lahore arrested protesters who had burned an Indian flag.",
     ("COERCE", {"PAK"}, {"PAK"})),
    ("Kenyan police detained students who had marched against Uganda's border closure "
     "on Friday.", ("COERCE", {"KEN"}, {"KEN"})),
    ("Soldiers in Kabul detained gunmen who had fired on a Pakistani convoy.",
     ("COERCE", {"AFG"}, {"AFG"})),
    # must stay: the relative clause's own subject, and a country on the object itself
    ("Serbia rejected a plan that Russia had proposed.", ("REJECT", {"SRB"}, {"RUS"})),
    ("Turkey rejected the offer which the Iraqi government made on Monday.",
     ("REJECT", {"TUR"}, {"IRQ"})),
    ("Police in Lahore arrested Indian nationals who had overstayed their visas.",
     ("COERCE", {"PAK"}, {"IND"})),
])
def test_what_the_object_did_names_no_side(analyzer, text: str,  # type: ignore[no-untyped-def]
                                           want: tuple[str, set[str], set[str]]) -> None:
    assert want in sides(analyzer, text)


# a group's own phrase names its country whatever the verb ("the government of X"): the
# dictionary's verbs that do not read into their object's phrases still read this one
@pytest.mark.parametrize(("text", "want"), [
    ("Egypt recognized the government of Sudan on Monday.", ("SUPPORT", {"EGY"}, {"SDN"})),
    ("Ghana recognized the military government of Niger on Tuesday.",
     ("SUPPORT", {"GHA"}, {"NER"})),
])
def test_a_groups_phrase_names_its_country(analyzer, text: str,  # type: ignore[no-untyped-def]
                                           want: tuple[str, set[str], set[str]]) -> None:
    assert want in sides(analyzer, text)


# rejecting what someone said against you answers the one who said it ("criticism from
# X", "remarks by X"); an official among them does not make it a dismissal from office,
# and the "of" of an accusation is its content, no side
@pytest.mark.parametrize(("text", "want"), [
    ("Syria rejected criticism from Turkish officials.", ("REJECT", {"SYR"}, {"TUR"})),
    ("India rejected remarks by Pakistani officials on Kashmir.",
     ("REJECT", {"IND"}, {"PAK"})),
    ("Cairo rejected the allegations from Sudanese officials on Sunday.",
     ("REJECT", {"EGY"}, {"SDN"})),
    ("Nepal rejected the request from Indian officials.", ("REJECT", {"NPL"}, {"IND"})),
    # must stay: the content of the accusation names no one rejected
    ("The minister rejected any suggestion of Iraqi involvement.", ("REJECT", set(), set())),
])
def test_rejected_words_answer_who_said_them(analyzer, text: str,  # type: ignore[no-untyped-def]
                                             want: tuple[str, set[str], set[str]]) -> None:
    assert want in sides(analyzer, text)


# armed groups of wars the Phoenix dictionaries predate are the built-in dictionary's:
# their own country, not the one they attack
@pytest.mark.parametrize(("text", "actor"), [
    ("Houthi rebels fired missiles at Saudi Arabia on Sunday.", {"YEM"}),
    ("The Rapid Support Forces shelled El Fasher on Monday.", {"SDN"}),
    ("M23 rebels captured Goma on Monday.", {"COD"}),
    ("The TPLF attacked federal troops in Tigray.", {"ETH"}),
])
def test_armed_groups_of_recent_wars(analyzer, text: str, actor: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert [a for _, a, _ in sides(analyzer, text)] == [actor]


# whom one side clashes "with" is the other side of the fight (supporters clashing with
# the police riot: a PROTEST in their country)
@pytest.mark.parametrize(("text", "want"), [
    ("Karen rebels clashed with Burmese troops near the Thai border.", ("ASSAULT", {"MMR"})),
    ("Opposition supporters in Kenya clashed with police after the election results were "
     "announced.", ("PROTEST", {"KEN"})),
])
def test_clashed_with_the_other_side(analyzer, text: str,  # type: ignore[no-untyped-def]
                                     want: tuple[str, set[str]]) -> None:
    assert [(t, r) for t, _, r in sides(analyzer, text)] == [want]


def test_words_clashing_are_no_fight(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert sides(analyzer, "The senator clashed with the governor over the budget in Ohio.") == []
