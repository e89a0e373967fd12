"""Each rule this session added for the PLOVER dev half, tried on new sentences of its
own class and on nearby sentences it must leave alone (issue 12: a rule that codes one
sentence and not its class is overfitting). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code


def typed(analyzer, text: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, {a.country for a in e.actor if a.country},
             {a.country for a in e.recipient if a.country}) for e in code(analyzer, text)]


# announced acts (1ef0944): a dictionary's hostile act announced is a THREATEN, a
# cooperative one an AGREE; the act done is the act
@pytest.mark.parametrize(("text", "want"), [
    ("Japan said on Tuesday it would freeze the assets of North Korean banks.",
     [("THREATEN", {"JPN"}, {"PRK"})]),
    ("Brazil announced it would send medicines to Haiti.", [("AGREE", {"BRA"}, {"HTI"})]),
    ("Brazil sent medicines to Haiti on Monday.", [("AID", {"BRA"}, {"HTI"})]),
    ("Ugandan rebels have vowed to attack government bases in the north.",
     [("THREATEN", {"UGA"}, {"UGA"})]),
])
def test_announced_acts(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_office_holders_by_title_and_surname(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "Chancellor Kohl criticised Poland over the border issue.") == [
        ("ACCUSE", {"DEU"}, {"POL"})]


# talks taken up again (625673f): CONSULT, their topic no event; readiness is no meeting
@pytest.mark.parametrize(("text", "want"), [
    ("India opened talks with Bangladesh on the sharing of river water.",
     [("CONSULT", {"IND"}, {"BGD"})]),
    ("Greece and Turkey resumed negotiations on the Aegean dispute last week.",
     [("CONSULT", {"GRC", "TUR"}, set())]),
    ("Eritrea refused to resume talks with Ethiopia.", [("REJECT", {"ERI"}, {"ETH"})]),
])
def test_talks_resumed(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_rebels_demand_of_an_unnamed_government(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the government no one names is the rebels' own; a state of itself is no demand
    assert typed(analyzer, "The Sri Lankan rebels said the government must agree to new "
                           "elections.") == [("REQUEST", {"LKA"}, {"LKA"})]
    assert [t for t, _, _ in typed(analyzer, "Sri Lanka said the government must do more "
                                             "for farmers.")] == []


# what is rejected or asked for (1f17c93) is no event of its own
@pytest.mark.parametrize("text", [
    "Serbia rejected a NATO proposal for a joint patrol along the border.",
    "The French delegation rejected the Italian plan to send aid to Albania.",
])
def test_rejected_content(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == ["REJECT"]


# the main verb's phrase pattern when the patterns code only an embedded noun (298c56f)
def test_main_verb_over_embedded_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "Germany suspended arms deliveries to Turkey as part of efforts "
                           "to end the war.") == [("SANCTION", {"DEU"}, {"TUR"})]
    assert typed(analyzer, "Mexico defended the right of Guatemalan refugees to remain in "
                           "Chiapas.") == [("SUPPORT", {"MEX"}, {"GTM"})]


# a demand noun with its that-clause (2a8d00d, 3b08a50); a warning asks nothing
def test_demand_noun_that(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, "Kenya repeated its call that Somalia close the refugee camps.") \
        == [("REQUEST", {"KEN"}, {"SOM"})]
    assert typed(analyzer, "Officials gave a warning that floods could reach Dhaka.") == []
    assert typed(analyzer, "The Egyptian lawyer entered a plea that his client was "
                           "innocent.") == []


# armed forces yielding (791c33d) retreat; a government yielding concedes
def test_armed_yielding(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Angolan rebels surrendered to government troops last month.")
    assert [(e.type, e.mode) for e in got] == [("RETREAT", ["disarm"])]
    got = code(analyzer, "The Peruvian army gave in to the rebels near Ayacucho.")
    assert [(e.type, e.mode) for e in got] == [("RETREAT", ["disarm"])]
    got = code(analyzer, "The Greek government yielded to the demands of the farmers.")
    assert [e.type for e in got] == ["CONCEDE"]


# pressing for X to act (0c0a989); a physical push is no request
@pytest.mark.parametrize(("text", "want"), [
    ("Britain lobbied hard for Spain to back the resolution.", [("REQUEST", {"GBR"}, {"ESP"})]),
    ("Nigeria pressed strongly for Ghana to reopen the border.",
     [("REQUEST", {"NGA"}, {"GHA"})]),
    ("Police pushed the crowd back for the president to pass.", []),
])
def test_press_for(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


# 'anti-X'/'pro-X' gives no one X's country; anyone not of the state hit at a place is
# that place's (b0fea54, 046b56a)
def test_stance_words_and_victims_at_a_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, "A pro-Russian militia attacked Ukrainian soldiers near Donetsk.")
    assert got == [("ASSAULT", set(), {"UKR"})]
    got = typed(analyzer, "A priest was shot dead in Manila on Sunday.")
    assert got == [("ASSAULT", set(), {"PHL"})]


def test_ethnic_group_lives_where_its_sentence_says(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, "Ethnic Russians in Estonia demanded citizenship rights.")
    assert [(t, a) for t, a, _ in got] == [("REQUEST", {"EST"})]


@pytest.mark.parametrize(("text", "want"), [
    ("Chile lifted the curfew on the port cities on Monday.", "CONCEDE"),
    # (a military siege or blockade eased is a de-escalation: CAMEO 0872, RETREAT)
    ("The army relaxed the siege of the rebel town.", "RETREAT"),
    ("Speaking on radio, President Hosni Mubarak said he is ready to lift the curfew on "
     "the northern towns.", "AGREE"),
])
def test_any_restriction_lifted_is_a_concession(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == [want]


@pytest.mark.parametrize(("text", "want"), [
    ("Japan is providing food aid to North Korea, officials said.", [("AID", {"JPN"}, {"PRK"})]),
    ("Iran is supplying weapons to the Syrian army, diplomats say.", [("AID", {"IRN"}, {"SYR"})]),
])
def test_progressive_main_verb(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want
