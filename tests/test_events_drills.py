"""Shows of force and their sides in crisis leads (issue 12): live-fire exercises are a
mobilization ("live-fire" is three tokens to the tokenizer); the missile a state
test-fires or fires into the sea is no one it acts on; what a grievance is "over" is
not the aggrieved side's act; defacing websites is a cyber operation (CAMEO 17);
the dead a side vows to avenge are its own, not whom it threatens; troops put on
combat readiness are mobilized; the right to respond reserved, or forces ready to
respond to a misadventure, threaten; who claims responsibility for an attack made it.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code, triples


def test_live_fire_exercises_mobilize(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "The Indian navy conducted live-fire exercises in the Arabian Sea.")
    assert "MOBILIZE" in {t for t, _, _ in got} and "COOPERATE" not in {t for t, _, _ in got}


def test_the_missile_tested_is_no_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in code(analyzer, "Pakistan test-fired a surface-to-surface missile on "
                                     "Saturday amid tensions with India.") if e.type == "MOBILIZE"]
    assert evs and not any("missile" in r.name for e in evs for r in e.recipient)


def test_defacing_websites_is_a_cyber_operation(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in code(analyzer, "Pakistani hackers defaced several Indian government websites.")
           if e.type == "COERCE"]
    assert evs and "cyber" in evs[0].mode
    assert ({a.country for a in evs[0].actor}, {r.country for r in evs[0].recipient}) == (
        {"PAK"}, {"IND"})


def test_the_dead_avenged_are_no_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "Pakistan vowed to avenge the deaths of its civilians.")
    assert evs and not any("civilians" in r.name or "deaths" in r.name
                           for e in evs for r in e.recipient)


# put on combat readiness: an alert by another name (not a readiness measured)
@pytest.mark.parametrize(("text", "want"), [
    ("Serbia put its troops on the highest level of combat readiness.", {"SRB"}),
    ("The Pakistani army was placed on full combat readiness along the border.", {"PAK"}),
])
def test_combat_readiness_is_mobilization(analyzer, text: str, want: set) -> None:  # type: ignore[no-untyped-def]
    assert ("MOBILIZE", want) in [(t, a) for t, a, _ in triples(analyzer, text)]


def test_readiness_measured_is_no_mobilization(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "The minister put the readiness of the Indian troops at 60 percent.") == []


# force held ready against the other side's act: a threat (CAMEO 13)
@pytest.mark.parametrize(("text", "want"), [
    ("Pakistan reserved the right to respond to any Indian aggression.",
     ("THREATEN", {"PAK"}, {"IND"})),
    ("The Indian army chief said his forces were ready to respond to any misadventure by "
     "Pakistan.", ("THREATEN", {"IND"}, {"PAK"})),
])
def test_force_held_ready_is_a_threat(analyzer, text: str, want) -> None:  # type: ignore[no-untyped-def]
    assert want in triples(analyzer, text)


@pytest.mark.parametrize("text", [
    "The Indian company reserves the right to change its prices.",
    "The Pakistani ministry was ready to respond to any request for aid.",
])
def test_readiness_to_answer_is_no_threat(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in {t for t, _, _ in triples(analyzer, text)}


def test_missiles_fired_into_the_sea_are_no_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    evs = code(analyzer, "North Korea fired two ballistic missiles into the sea off its east coast.")
    assert evs and not any("missiles" in r.name for e in evs for r in e.recipient)


# what a grievance is "over" was done by someone else than the aggrieved
@pytest.mark.parametrize(("text", "grieved"), [
    ("Japan lodged a formal protest with China over the detention of a Japanese businessman.",
     "JPN"),
    ("The European Union imposed fresh sanctions on Belarusian officials over the crackdown.",
     "EUR"),
])
def test_the_act_a_grievance_is_over_is_not_the_aggrieved(analyzer, text: str, grieved: str) -> None:  # type: ignore[no-untyped-def]
    assert not [a for t, a, _ in triples(analyzer, text) if t == "COERCE" and grieved in a]


# who claims responsibility for an attack did it
@pytest.mark.parametrize(("text", "want"), [
    ("Houthi rebels claimed responsibility for a drone attack on an Aramco facility.", {"YEM"}),
    ("The Pakistani Taliban claimed responsibility for the bombing in Peshawar.", {"PAK"}),
])
def test_claimed_responsibility_names_the_attacker(analyzer, text: str, want: set) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", want) in [(t, a) for t, a, _ in triples(analyzer, text)]


def test_responsibility_not_admitted_names_no_attacker(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Uganda did not admit responsibility for the attack on the camp.")
    assert all("UGA" not in a for _, a, _ in got)
