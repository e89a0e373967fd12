"""Names across spellings and appositions (issue 12): Phoenix spells names the American
way, so each name is also listed in the British spelling news copy uses ("Organisation
of American States", "Ministry of Defence"); a group named in apposition to its kind
("the separatist group ETA") gives the kind its Phoenix country; an acronym the model
reads as an organisation is no town ("ETA" is no Etah); a region Phoenix files an armed
group under (WAF, SAS, ...) is no country; an office holder Phoenix lists by three names
is found by his first and last when no other record has those two. Made-up sentences."""

from __future__ import annotations

from chronicler.nlp.actors.phoenix import parse_actors, parse_agents
from tests.eventcode import triples


def test_a_name_is_listed_in_both_spellings() -> None:
    a = parse_actors(["ORGANIZATION_OF_WIDGET_STATES_ [IGO]",
                      "ORGANISATION_OF_GADGET_STATES_ [IGO]",
                      "ORGANIZATION_OF_GADGET_STATES_ [USA]"], "t.txt")
    assert a.entries[a.phrases[("organisation", "of", "widget", "states")]].default == "IGO"
    # a variant never displaces a name listed in its own right
    assert a.entries[a.phrases[("organisation", "of", "gadget", "states")]].default == "IGO"
    assert a.entries[a.phrases[("organization", "of", "gadget", "states")]].default == "USA"
    ag = parse_agents(["DEFENSE_MINISTER_ [~GOV]"], "g.txt")
    assert ag.phrases[("defence", "minister")].sector == "GOV"


def test_the_british_spelling_of_an_igo(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "The Organisation of American States demanded that Uruguay "
                             "reform its electoral council.") == [("REQUEST", {"IGO"}, {"URY"})]


def test_a_group_in_apposition_to_its_kind(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Basque separatist group ETA threatened to resume its "
                            "bombing campaign.")
    assert [(t, a) for t, a, _ in got] == [("THREATEN", {"ESP"})]
    assert all("IND" not in r for _, _, r in got)  # (no Etah in Uttar Pradesh)


def test_a_region_phoenix_files_a_group_under_is_no_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (WAF, West Africa: rebels named by no country fight where they are)
    got = triples(analyzer, "Revolutionary United Front rebels attacked an army post near "
                            "Port Loko in Sierra Leone on Wednesday.")
    assert [(t, a) for t, a, _ in got] == [("ASSAULT", {"SLE"})]


def test_an_office_holder_by_two_of_three_names() -> None:
    a = parse_actors(["JOHN_QUINCY_DOE_", "\t[ZZZGOV 900101-051231]",
                      "MARY_ANN_ROE_", "\t[YYYGOV 900101-051231]",
                      "MARY_BETH_ROE_", "\t[XXXGOV 900101-051231]"], "p.txt")
    assert a.entries[a.short[("john", "doe")]].name == "john quincy doe"
    assert ("mary", "roe") not in a.short  # (two records give the same two names)
    assert ("john", "doe") not in a.phrases  # (asked only of a person nothing else places)


def test_a_known_office_holder_by_two_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    got = triples(analyzer, "President Laurent Kabila met the Uruguayan envoy on Tuesday.",
                  dt.date(2000, 1, 1))
    assert [(t, a) for t, a, _ in got] == [("CONSULT", {"COD"})]
