"""Diplomatic and security acts of news leads that the verb alone does not type (issue
12): ties restored, a veto, a visit hosted, an envoy recalled, people rounded up, diplomats
briefed. Made-up sentences; each class with nearby sentences it must leave alone."""

from __future__ import annotations

import pytest

from tests.eventcode import triples as typed


# restoring ties or reopening an embassy is diplomatic cooperation (CAMEO 050/054, SUPPORT
# in PLOVER's crosswalk); restoring trade or lifting a ban stays a concession
@pytest.mark.parametrize(("text", "want"), [
    ("Chile restored diplomatic relations with Peru on Wednesday.",
     [("SUPPORT", {"CHL"}, {"PER"})]),
    ("Egypt and Iran resumed diplomatic ties in a surprise move.",
     [("SUPPORT", {"EGY", "IRN"}, set())]),
    ("Britain reopened its embassy in Tehran on Monday.", [("SUPPORT", {"GBR"}, {"IRN"})]),
    ("India restored trade ties with Pakistan.", [("CONCEDE", {"IND"}, {"PAK"})]),
    ("Pakistan lifted the ban on Indian films.", [("CONCEDE", {"PAK"}, {"IND"})]),
])
def test_ties_restored_are_support(analyzer, text: str,  # type: ignore[no-untyped-def]
                                   want: list[tuple[str, set[str], set[str]]]) -> None:
    assert typed(analyzer, text) == want


# blocking a resolution, a bill or a plan is a veto (REJECT, CAMEO 129), not the coercion
# the dictionary's family code gives "block"; a road or a convoy blocked stays what it was
@pytest.mark.parametrize(("text", "want"), [
    ("Russia blocked the Security Council resolution on Syria.", "REJECT"),
    ("Israel blocked a UN move to investigate the raid.", "REJECT"),
    ("Hungary torpedoed the European plan to share refugees.", "REJECT"),
])
def test_blocking_a_proposal_is_a_veto(analyzer, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == [want]


def test_a_road_blocked_is_no_veto(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" not in [t for t, _, _ in typed(
        analyzer, "Protesters blocked the road to the airport in Lahore.")]


# "played host to X" is hosting a visit (CAMEO 043): the host's CONSULT with the visitor
@pytest.mark.parametrize(("text", "want"), [
    ("Thai Prime Minister Chuan played host to his Malaysian counterpart in Bangkok on "
     "Tuesday.", ("CONSULT", {"THA"}, {"MYS"})),
    ("India played host to the Saudi foreign minister on Friday.",
     ("CONSULT", {"IND"}, {"SAU"})),
    ("The Saudi minister paid a visit to his Pakistani counterpart on Friday.",
     ("CONSULT", {"SAU"}, {"PAK"})),
])
def test_a_visit_hosted(analyzer, text: str,  # type: ignore[no-untyped-def]
                        want: tuple[str, set[str], set[str]]) -> None:
    assert typed(analyzer, text) == [want]


@pytest.mark.parametrize("text", [
    "The stadium played host to the final.",
    "Norway played a key role in the talks.",
])
def test_a_place_or_a_role_played_is_no_visit(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == []


# a Commonwealth envoy is an envoy: "recalled its high commissioner" is a downgrade of
# relations (SANCTION withdraw), as "recalled its ambassador"
@pytest.mark.parametrize(("text", "recipient"), [
    ("India recalled its high commissioner from Islamabad on Friday.", {"PAK"}),
    ("Pakistan expelled the Indian charge d'affaires on Saturday.", {"IND"}),
    ("India closed its consulate in Karachi.", {"PAK"}),
])
def test_envoys_of_every_title(analyzer, text: str, recipient: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = typed(analyzer, text)
    assert [(t, r) for t, _, r in got] == [("SANCTION", recipient)]


# "rounded up" people is an arrest; support, votes or a sampling rounded up are not
@pytest.mark.parametrize(("text", "want"), [
    ("Ethiopian soldiers rounded up hundreds of Eritrean residents in Addis Ababa on "
     "Sunday.", [("COERCE", {"ETH"}, {"ERI"})]),
    ("Police rounded up 40 opposition activists in Harare.", [("COERCE", {"ZWE"}, {"ZWE"})]),
    ("The campaign rounded up support from donors in Ohio.", []),
    ("Below, the magazine rounded up a sampling of the reactions.", []),
    ("The senator rounded up votes from Democrats in Ohio.", []),
])
def test_people_rounded_up(analyzer, text: str,  # type: ignore[no-untyped-def]
                           want: list[tuple[str, set[str], set[str]]]) -> None:
    assert typed(analyzer, text) == want


# access given to an international body is international involvement allowed (CAMEO 086,
# RETREAT access), as "allowed inspectors to visit"; access given to reporters is not
@pytest.mark.parametrize(("text", "want"), [
    ("Myanmar's junta granted the Red Cross access to detention centres.",
     [("RETREAT", {"MMR"})]),
    ("Iraq gave UN inspectors access to the presidential sites on Monday.",
     [("RETREAT", {"IRQ"})]),
    ("The army gave reporters access to the site.", []),
])
def test_access_granted(analyzer, text: str, want: list[tuple[str, set[str]]]) -> None:  # type: ignore[no-untyped-def]
    assert [(t, a) for t, a, _ in typed(analyzer, text)] == want


# troops contributed to a peacekeeping or allied force are aid (CAMEO 074), a pledge of
# them an intent to cooperate, never a threat; troops sent into a country still mobilise
@pytest.mark.parametrize(("text", "want"), [
    ("Nigeria sent 1,000 troops to the African Union force in Darfur.", ["AID"]),
    ("Ghana contributed 500 soldiers to the United Nations mission in Lebanon.", ["AID"]),
    ("Nigeria pledged to send 1,000 troops to the African Union force in Darfur.", ["AGREE"]),
    ("Russia sent troops into Georgia.", ["MOBILIZE"]),
    ("Pakistan vowed to send troops to the border to crush any attack.", ["THREATEN"]),
])
def test_peacekeepers_contributed(analyzer, text: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in typed(analyzer, text)] == want


# aid approved "for" a country is aid to it; another state's forces trained are military
# cooperation (CAMEO 062), announced an intent to cooperate
@pytest.mark.parametrize(("text", "want"), [
    ("The IMF approved a 7 billion dollar bailout for Pakistan.", [("AID", {"IGO"}, {"PAK"})]),
    ("British instructors trained Ukrainian troops in England.",
     [("COOPERATE", {"GBR"}, {"UKR"})]),
    ("France will train Malian soldiers under a new agreement.", [("AGREE", {"FRA"}, {"MLI"})]),
    ("The police trained their guns on the crowd.", []),
])
def test_aid_for_and_forces_trained(analyzer, text: str,  # type: ignore[no-untyped-def]
                                    want: list[tuple[str, set[str], set[str]]]) -> None:
    assert typed(analyzer, text) == want


# a government briefing foreign diplomats consults them; briefing the press or its own
# prime minister does not
@pytest.mark.parametrize(("text", "want"), [
    ("The Indian foreign ministry briefed the Chinese ambassador on the attack.",
     [("CONSULT", {"IND"}, {"CHN"})]),
    ("The Indian army chief briefed the prime minister on the operation.", []),
    ("The Pakistani spokesman briefed reporters in Islamabad.", []),
])
def test_briefing_diplomats_is_consultation(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert [x for x in typed(analyzer, text) if x[0] == "CONSULT"] == want
