"""Weapons delivered, joint exercises, tests over a span and observers withdrawn
(issue 12): weapons or armoured vehicles delivered, or anything delivered to an army, is
military aid (CAMEO 072, the supplement's DELIVER_ARMS); an exercise is joint wherever
"joint" sits in its phrase ("the annual Cobra Gold joint military exercises"), and then
cooperation, not a mobilisation; "a week of" tests is carried by its verb as "a series
of" is ("staged a week of missile tests" had matched a suicide attack's pattern);
observers withdrawn "from" a country are withdrawn wherever the parse hangs the "from";
doctors or nurses sent abroad are aid ("sent a team of 40 doctors" had matched SEND's
"team", an intent to meet), not doctors given something. Made-up sentences."""

from __future__ import annotations

from tests.eventcode import triples


def test_armoured_vehicles_delivered_to_an_army_are_military_aid(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Britain delivered 30 armoured personnel carriers to the "
                             "Kenyan army on Monday.") == [("AID", {"GBR"}, {"KEN"})]


def test_a_joint_exercise_named_at_length_is_cooperation(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Thousands of Kenyan and Ugandan troops launched the annual "
                            "Cobra Gold joint military exercises in northern Kenya on Monday.")
    assert [t for t, _, _ in got] == ["COOPERATE"] and got[0][1] == {"KEN", "UGA"}


def test_a_week_of_tests_is_its_verbs(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "China staged a week of missile tests in waters off Taiwan.")
    assert [t for t, _, _ in got] == ["MOBILIZE"] and got[0][1] == {"CHN"}


def test_observers_withdrawn_from_a_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Organization of American States withdrew its election "
                            "observers from Peru on Friday, saying conditions for a fair "
                            "vote were absent.")
    assert got == [("SANCTION", {"IGO"}, {"PER"})]


def test_doctors_sent_abroad_are_aid(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Cuba sent a team of 40 doctors and nurses to Haiti on Tuesday.")
    assert [t for t, _, _ in got] == ["AID"] and got[0][1] == {"CUB"} and "HTI" in got[0][2]


def test_must_stay(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Kenya delivered food to Somalia.") == [("AID", {"KEN"}, {"SOM"})]
    got = triples(analyzer, "Kenyan troops began military exercises near the Ugandan border.")
    assert [t for t, _, _ in got] == ["MOBILIZE"]
    assert triples(analyzer, "The hospital gave the doctors a raise.") == []
