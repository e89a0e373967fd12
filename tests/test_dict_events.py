"""The field dictionaries at work on parsed sentences: CAMEO verb patterns (active,
passive, light verb, negated, conditional), Phoenix actors (demonyms with agents,
office holders by the article's date, IGOs), intents and refusals, domestic recipients.

The sentences are written for these tests (no third-party text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicler.nlp.events.dict_candidates import dictionary_code
from tests.eventcode import code, side


def verb(analyzer, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    return dictionary_code(next(t for t in doc if t.text == word))


# ---------------------------------------------------------------- verb patterns
def test_active_and_passive_match_the_same_pattern(analyzer) -> None:  # type: ignore[no-untyped-def]
    a = verb(analyzer, "Zambia extradited a British militant to Britain.", "extradited")
    p = verb(analyzer, "A British militant was extradited by Zambia to Britain.", "extradited")
    assert a is not None and p is not None
    assert a.plover.type == p.plover.type == "COOPERATE" and a.code == p.code


def test_light_verb_codes_through_its_object(analyzer) -> None:  # type: ignore[no-untyped-def]
    held = verb(analyzer, "The two governments held negotiations in Oslo.", "held")
    assert held is not None and held.plover.type == "CONSULT" and held.pattern_line > 0
    # the bare light verb codes nothing
    assert verb(analyzer, "The two governments held a dinner in Oslo.", "held") is None


def test_prepositional_pattern(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = verb(analyzer, "Uganda banned opposition candidates from participating.", "banned")
    assert got is not None and got.plover.type == "COERCE"


def test_dictionary_event_with_countries(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Zambia extradited a British militant to Britain on Sunday.")
    assert e.type == "COOPERATE" and e.pattern.startswith("cameo.06")
    assert side(e, "actor") == {"ZMB"} and side(e, "recipient") == {"GBR"}


def test_negated_and_conditional_dictionary_events_are_dropped(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "Zambia did not extradite the militant to Britain.") == []
    assert code(analyzer, "If Zambia extradites the militant to Britain, ties will improve.") == []


def test_no_participant_no_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "By morning the guns had fallen silent.") == []


# ---------------------------------------------------------------- actors
def test_demonym_with_agent_gives_country_and_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Egyptian demonstrators rioted in Cairo on Monday.")
    assert e.type == "PROTEST"
    assert [(a.country, a.sector) for a in e.actor] == [("EGY", "OPP")]
    assert side(e, "recipient") == {"EGY"}  # PLOVER: a domestic protest's recipient


def test_multiword_country_with_agent(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Ivory Coast rebels rejected the peace plan on Friday.")
    assert [(a.country, a.sector) for a in e.actor] == [("CIV", "REB")]


@pytest.mark.parametrize("text, sector", [
    ("The Zambian government banned opposition candidates.", "OPP"),
    ("The Zambian government detained two rebel commanders.", "REB"),
])
def test_people_by_role_take_the_side_their_modifier_names(analyzer, text, sector) -> None:  # type: ignore[no-untyped-def]
    # no agent phrase of Phoenix ends at "candidates" or "commanders": the modifier
    # says whose they are, and a group with a sector is someone the coercion hits
    (e,) = code(analyzer, text)
    assert e.type == "COERCE" and side(e, "actor") == {"ZMB"}
    assert [(r.country, r.sector) for r in e.recipient] == [("ZMB", sector)]


@pytest.mark.parametrize("day, sector", [(dt.date(2005, 1, 1), "GOV"),
                                         (dt.date(1990, 1, 1), "ELI")])
def test_office_holder_by_the_article_date(analyzer, day, sector) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Mwai Kibaki condemned the rebels.", published=day)
    assert events, "no event"
    assert [(a.country, a.sector) for a in events[0].actor] == [("KEN", sector)]


def test_a_past_the_tagger_cut_short_is_still_the_dictionary_verb(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the small model lemmatises "raped" as "rap" (the shorter word is a verb too);
    # the dictionary's RAPE (1821) is found by the form less its "d"
    (e,) = code(analyzer, "Rebels raped women in a village in Liberia.")
    assert e.type == "ASSAULT" and side(e, "recipient") == {"LBR"}


def test_a_former_office_holder_keeps_the_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix lists this name only under dated codes, and its variants as lines of their
    # own; after the last date the untitled name is still a Russian national
    events = code(analyzer, "Boris Yeltsin met the French president in Paris.",
                  published=dt.date(2003, 5, 1))
    (e,) = [x for x in events if x.type == "CONSULT"]
    assert side(e, "actor") | side(e, "recipient") == {"RUS", "FRA"}


def test_international_organisation_is_igo(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "The Organization of African Unity condemned the Kenyan government.")
    assert e.type == "ACCUSE" and side(e, "actor") == {"IGO"}
    assert side(e, "recipient") == {"KEN"}


# ---------------------------------------------------------------- intents
def test_promised_cooperation_is_agree(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Britain has promised to continue military aid to Mozambique.")
    assert [e.type for e in events] == ["AGREE"]


def test_refused_concession_is_reject(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Kenyan Vice President Kalonzo Musyoka has declined to resign.")
    assert [e.type for e in events] == ["REJECT"]


def test_bare_future_keeps_its_type(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Pakistan will retaliate against India, the army chief said.")
    assert [(e.type, e.future) for e in events] == [("ASSAULT", True)]


def test_reported_must_is_a_demand_of_another_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "The Canadian government declared Monday that Brazil must lift "
                          "its tariffs on Canadian timber.")
    assert e.type == "REQUEST" and side(e, "actor") == {"CAN"}
    assert side(e, "recipient") == {"BRA"}
    # domestic debate, and a "must" no one says, are no demand
    assert code(analyzer, "The Kenyan opposition said the Kenyan government must explain "
                          "the delay.") == []
    assert code(analyzer, "Kenya has been told that the camps must close.") == []


def test_us_in_capitals_is_the_country_not_the_speakers_side(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Egyptian President Hosni Mubarak said on Wednesday that the US "
                          "must be ready to mediate.")
    assert e.type == "REQUEST" and side(e, "recipient") == {"USA"}


def test_unidentified_and_stopped_events_are_not_emitted(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the object of a stopping verb in an offer is no attack
    events = code(analyzer, "Pakistan has indicated a willingness to pause military "
                            "operations if India does the same.")
    assert "ASSAULT" not in {e.type for e in events}
    # a bare attack with no one and no size named: nothing to code
    assert code(analyzer, "At a press conference on Monday, the attack was mentioned.") == []


# ---------------------------------------------------------------- one rule decides
def test_dictionary_codes_the_verb_when_the_patterns_code_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "offensive" is a bare reference the patterns drop; the main verb is coded instead
    events = code(analyzer, "Three hundred Chadian rebels surrendered last week after an "
                            "army offensive in the east.")
    assert len(events) == 1 and events[0].pattern.startswith("cameo.")
    assert side(events[0], "actor") == {"TCD"}


def test_directed_dictionary_event_needs_a_recipient_with_a_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "The Sudanese army chief visited the command centre and "
                          "congratulated the pilots.") == []
    (e,) = code(analyzer, "The Sudanese government congratulated Chad on its election.")
    assert e.type == "SUPPORT" and side(e, "recipient") == {"TCD"}


def test_announced_cooperation_is_an_intent(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "The World Food Programme will provide 10,000 tons of food aid "
                          "to refugees in Chad.")
    assert e.type == "AGREE"
    # a meeting announced stays a meeting to come; a wish keeps the act's type
    (e,) = code(analyzer, "Niger will hold talks with Chad next week.")
    assert e.type == "CONSULT" and side(e, "recipient") == {"TCD"}  # "talks with": whom
    assert "AGREE" not in {e.type for e in code(analyzer, "Chad would like to cooperate "
                                                          "with Niger.")}


# ---------------------------------------------------------------- recipients, countries
def test_recipient_from_the_object_side(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "The Kenyan government refused to reply to a request from the "
                          "Ugandan president.")
    assert e.type == "REJECT" and side(e, "actor") == {"KEN"} and side(e, "recipient") == {"UGA"}
    # a cause is no party: "because of" fighting elsewhere gives no recipient
    (e,) = [x for x in code(analyzer, "The Kenyan government rejected the plan because of "
                                      "fighting in Somalia.") if x.type == "REJECT"]
    assert "SOM" not in side(e, "recipient")


def test_a_country_the_ner_missed_is_an_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Nigeria has refused to deploy peacekeepers in Liberia.")
    assert e.type == "REJECT" and side(e, "actor") == {"NGA"}
    assert side(e, "recipient") == {"LBR"}


def test_title_country_inside_an_organisation_span(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the NER reads "British Defence" as one organisation; "British" still places the title
    (e,) = code(analyzer, "British Defence Secretary Geoff Hoon has promised to continue "
                          "military aid to Chad.")
    assert e.type == "AGREE" and side(e, "actor") == {"GBR"} and side(e, "recipient") == {"TCD"}


def test_phoenix_phrase_with_a_possessive_apostrophe(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "The rebel Kurdistan Workers' Party demanded that the Turkish "
                          "government release its leader.")
    assert e.type == "REQUEST" and side(e, "actor") == {"TUR"}


def test_rejecting_a_request_is_reject_dismissing_an_appeal_is_not(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Ghana has rejected a Nigerian request to extradite the two "
                            "journalists, an official said Monday.")
    (e,) = [x for x in events if x.type == "REJECT"]
    assert side(e, "actor") == {"GHA"} and side(e, "recipient") == {"NGA"}
    assert code(analyzer, "The court dismissed the appeal of the former minister.") == []


def test_an_offer_of_help_is_agree_an_offer_of_talks_is_request(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Chad has offered its troops to the Malian president to help "
                          "him fight the rebels.")
    assert e.type == "AGREE" and side(e, "recipient") == {"MLI"}
    (e,) = code(analyzer, "Chad offered to hold talks with Niger.")
    assert e.type == "REQUEST" and e.mode == ["meet"]


def test_light_verb_with_a_mislemmatised_form(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the tagger lemmatises "staged" as "stag"; the strike is still carried by it
    (e,) = code(analyzer, "Kenyan activist John Mwangi staged a hunger strike in prison on "
                          "Sunday.")
    assert e.type == "PROTEST" and side(e, "actor") == {"KEN"}


def test_agreeing_to_pull_back_is_agree_an_agreed_ceasefire_is_retreat(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in code(analyzer, "Chad agreed to withdraw its troops from the "
                                           "border with Niger.")] == ["AGREE"]
    assert [e.type for e in code(analyzer, "Chad and Niger agreed to a ceasefire on "
                                           "Monday.")] == ["RETREAT"]


def test_a_titled_office_holder_takes_the_title_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # made up in the shape of a PLOVER gold record (the NER tags this name PERSON; the
    # rule for a titled name it tags ORG, in actors/spans.py, is not reached here)
    events = code(analyzer, "Kenyan Vice-President Kalonzo Musyoka has declined to resign despite "
                            "pressure from the Ethics Commission.")
    (e,) = [x for x in events if x.type == "REJECT"]
    assert side(e, "actor") == {"KEN"}


def test_amid_gives_a_circumstance_not_an_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Chad has signalled a willingness to pause operations, offering "
                            "an opening amid intensifying hostilities between Chad and Niger.")
    assert "ASSAULT" not in {e.type for e in events}


def test_a_time_clause_on_a_gerund_is_the_main_subjects(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "while speaking" on "arming": the speakers are still the ministers
    events = code(analyzer, "The Kenyan ministers accused Uganda of arming the rebels while "
                            "speaking with elders in Kisumu.")
    (e,) = [x for x in events if x.type == "CONSULT"]
    assert side(e, "actor") == {"KEN"}


def test_a_verbless_fragment_codes_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    # a tag list under an article: nouns only, no verb, no event
    events = code(analyzer, "Chad and Niger agreed to a ceasefire on Monday.\n\n"
                            "Tags: Chad Niger ceasefire in Niger, attacks on Chadian posts, "
                            "border tension")
    assert [e.type for e in events] == ["RETREAT"]


def test_words_as_subject_are_no_dictionary_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "In what looked like an admission, the Ugandan minister's comments "
                          "indirectly validated Kenya's claims about the camps.") == []


def test_a_run_together_tag_list_codes_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = code(analyzer, "Chad and Niger agreed to a ceasefire on Monday.\n\nceasefire "
                            "2025border tensionChad military responseChad Niger talksNiger "
                            "attacks on Chadian postsSahel Waters disputeChad relations")
    assert [e.type for e in events] == ["RETREAT"]


@pytest.mark.parametrize("text, recipient", [
    # a concession naming no one abroad is to the state's own people (PLOVER)
    ("The Nepalese government on Monday lifted the curfew in the western district.",
     {"NPL"}),
    ("Ecuador's interior ministry eased restrictions on opposition rallies on Friday.",
     {"ECU"}),
    # one that names another country is to that country
    ("Ecuador eased restrictions on trucks from Peru on Friday.", {"PER"}),
])
def test_a_concession_at_home_has_the_country_as_recipient(analyzer, text, recipient) -> None:  # type: ignore[no-untyped-def]
    got = [e for e in code(analyzer, text) if e.type == "CONCEDE"]
    assert got and side(got[0], "recipient") == recipient


@pytest.mark.parametrize(("text", "type_"), [
    ("Ghana sent peacekeepers to Liberia.", "AID"),  # sent: provided (074)
    ("Ghana will send peacekeepers to Liberia.", "AGREE"),  # announced: an intent
])
def test_sending_peacekeepers_is_providing_them(analyzer, text, type_) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 codes the sending itself as an intent (0334)
    (e,) = code(analyzer, text)
    assert e.type == type_ and side(e, "actor") == {"GHA"} and side(e, "recipient") == {"LBR"}
