"""Announced acts coded as intents, office holders by title and surname, and the
reporter as the actor of his own "he" (issue 12). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from tests.eventcode import code, side


def test_announced_dictionary_sanction_is_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Canada announced on Monday it would prohibit all arms sales to Chad.")
    assert [e.type for e in evs] == ["THREATEN"]
    assert side(evs[0], "actor") == {"CAN"} and side(evs[0], "recipient") == {"TCD"}
    assert evs[0].mode  # the threat's mode, from the act's type
    # the same act done is the act itself
    done = code(analyzer, "Canada prohibited all arms sales to Chad on Monday.")
    assert [e.type for e in done] == ["SANCTION"]


def test_announced_cooperation_is_an_agreement(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Bolivia said it would allow the return of the OSCE observers.")
    assert [e.type for e in evs] == ["AGREE"] and side(evs[0], "actor") == {"BOL"}


def test_sworn_infinitive_parsed_as_adverbial_is_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Armenian militias have sworn to fight until they hold the mountain "
                         "roads, Azerbaijani officials said Monday.")
    assert "THREATEN" in [e.type for e in evs]
    assert "ASSAULT" not in [e.type for e in evs]


def test_office_holder_by_title_and_surname(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix lists "President Reagan": the country is his, not the sentence's
    evs = code(analyzer, "The Dutch government welcomed President Reagan's latest proposal.",
               published=dt.date(1985, 6, 1))
    assert evs and evs[0].type == "SUPPORT"
    assert side(evs[0], "actor") == {"NLD"} and side(evs[0], "recipient") == {"USA"}


def test_reporter_is_the_actor_of_his_own_pronoun(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Speaking on radio, President Hosni Mubarak said he is ready to "
                         "lift the ban on the Islamist newspaper.")
    agree = [e for e in evs if e.type == "AGREE"]
    assert agree and side(agree[0], "actor") == {"EGY"}
    # lifting a ban is no ban imposed
    assert "SANCTION" not in [e.type for e in evs]


def test_talks_resumed_are_consultations_and_their_topic_no_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Chile and Peru renewed talks today on a troop pullback from the border.")
    assert [e.type for e in evs] == ["CONSULT"]
    assert side(evs[0], "actor") | side(evs[0], "recipient") == {"CHL", "PER"}
    evs = code(analyzer, "Chile and Peru resumed negotiations on the border dispute today.")
    assert [e.type for e in evs] == ["CONSULT"]
    # a border reopened is still a concession
    evs = code(analyzer, "Chile reopened its border with Peru today.")
    assert [e.type for e in evs] == ["CONCEDE"]


def test_rebels_demand_of_their_own_government(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Burundian rebels announced that President Nkurunziza must agree to "
                         "new elections.")
    assert [e.type for e in evs] == ["REQUEST"]
    assert side(evs[0], "actor") == {"BDI"} and side(evs[0], "recipient") == {"BDI"}


def test_what_is_rejected_is_no_event_of_its_own(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Chad again rejected on Monday a UN appeal for deploying army troops "
                         "along its border with Sudan.")
    assert [e.type for e in evs] == ["REJECT"]


def test_a_purpose_participle_under_the_same_report_serves_its_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Thousands of Kurds marched in Erbil on Sunday calling for independence "
                         "from Iraq, witnesses said.")
    assert [e.type for e in evs] == ["PROTEST"]


def test_ethnic_group_is_coded_by_the_country_it_lives_in(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Ethnic Hungarians in northern Serbia are demanding a UN monitoring "
                         "mission.")
    assert evs and evs[0].type == "REQUEST" and side(evs[0], "actor") == {"SRB"}
    # a demonym alone keeps its country
    evs = code(analyzer, "Hungarian officials demanded a UN monitoring mission in Serbia.")
    assert evs and side(evs[0], "actor") == {"HUN"}


def test_european_community_is_the_union(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Last year the European Community granted Senegal 5 million dollars in aid.")
    assert evs and evs[0].type == "AID" and side(evs[0], "actor") == {"EUR"}


def test_bare_country_is_its_code_with_no_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix's convention: "Chile" acting is [CHL]; "Chilean police" is [CHLCOP]
    evs = code(analyzer, "Chile rejected Peru's proposal on Monday.")
    assert evs and [(a.country, a.sector) for a in evs[0].actor] == [("CHL", None)]
    evs = code(analyzer, "Chilean police arrested ten Peruvian fishermen on Monday.")
    assert evs and [(a.country, a.sector) for a in evs[0].actor] == [("CHL", "COP")]


def test_main_verb_phrase_beats_a_pattern_inside_a_phrase(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the patterns see only "to end the crackdown", inside a prepositional phrase
    evs = code(analyzer, "Denmark announced on Tuesday it had frozen development aid to Malawi "
                         "in line with wider donor efforts to end the repression there.")
    assert [e.type for e in evs] == ["SANCTION"]
    assert side(evs[0], "actor") == {"DNK"} and side(evs[0], "recipient") == {"MWI"}
    evs = code(analyzer, "Canada on Monday defended the right of Ukrainian troops to fire on "
                         "the militias.")
    assert [e.type for e in evs] == ["SUPPORT"] and side(evs[0], "recipient") == {"UKR"}
    # the main verb's own code (no phrase pattern) beats a visit the sentence dates by
    evs = code(analyzer, "Chile has forgiven Peru for the raid, its foreign minister said, "
                         "ahead of a visit by Peru's president.")
    assert [(e.type, side(e, "actor"), side(e, "recipient")) for e in evs] == [
        ("SUPPORT", {"CHL"}, {"PER"})]


def test_progressive_main_verb_with_a_dative(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "The United States is providing military intelligence to Georgia, "
                         "officials said.")
    assert [e.type for e in evs] == ["AID"] and "GEO" in side(evs[0], "recipient")
    # a progressive verb with no phrase pattern codes nothing
    assert code(analyzer, "Farmers in Georgia are asking what the treaty will mean.") == []


def test_a_demand_noun_with_its_clause_is_a_request(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "The Red Cross repeated its demand on Tuesday that Egypt lift the "
                         "limits on visits to detainees.")
    assert [e.type for e in evs] == ["REQUEST"]
    assert side(evs[0], "recipient") == {"EGY"}
    evs = code(analyzer, "The Chilean foreign minister issued a stern reminder on Monday to "
                         "Bolivia that it must hand over its border surveys to the commission.")
    assert [e.type for e in evs] == ["REQUEST"]
    assert side(evs[0], "actor") == {"CHL"} and side(evs[0], "recipient") == {"BOL"}


def test_armed_surrender_is_a_retreat_political_yielding_a_concession(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "About two hundred Burundian rebels surrendered on Friday near the "
                         "western town of Cibitoke.")
    assert [(e.type, e.mode) for e in evs] == [("RETREAT", ["disarm"])]
    evs = code(analyzer, "The Burundian government surrendered to the demands of the unions.")
    assert [e.type for e in evs] == ["CONCEDE"]


def test_pushing_for_someone_to_act_is_a_request(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Britain is pushing hard for France to support its debt relief plan.")
    assert [e.type for e in evs] == ["REQUEST"]
    assert side(evs[0], "actor") == {"GBR"} and side(evs[0], "recipient") == {"FRA"}


def test_anti_modifier_gives_no_country_and_victims_at_a_place_are_its(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "An outspoken anti-Syria blogger was killed by a roadside bomb in "
                         "eastern Beirut.")
    assert evs and evs[0].type == "ASSAULT"
    assert "SYR" not in side(evs[0], "recipient")
