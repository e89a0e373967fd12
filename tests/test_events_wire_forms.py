"""Forms of long wire sentences (issue 12): a state's candidacy backed is a diplomatic
bid, not a campaign; duties abolished are a reform announced; property returned, in
the passive too, is returned; international liaison officers allowed in are access; the
infinitive of a directive the parser hangs after the object as an adverbial clause is
still what is asked; what is seized "on the grounds that" is seized (the idiom "seized
on" takes its "on" right after the verb); a daily shut down is censored; a state's
recognition of another is support (054). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import triples


@pytest.mark.parametrize(("text", "want"), [
    ("Gabon backed Uruguay's candidacy for a seat on the Security Council.",
     ("SUPPORT", {"GAB"}, {"URY"})),
    ("Gabon's government said it would abolish import duties on tractors.",
     ("AGREE", {"GAB"}, {"GAB"})),
    ("A Uruguayan trawler was returned by Gabonese border guards on Thursday.",
     ("RETREAT", {"GAB"}, {"URY"})),
    ("Gabon allowed the first United Nations liaison officers to deploy in the north.",
     ("RETREAT", {"GAB"}, {"UNO"})),
    ("Gabon's foreign minister pressed Uruguay and Paraguay on Monday to pull their troops "
     "back from the border.", ("REQUEST", {"GAB"}, {"URY", "PRY"})),
    ("Fifteen Uruguayan trucks were seized by Gabonese customs officers on the grounds "
     "that the cargo was smuggled.", ("COERCE", {"GAB"}, {"URY"})),
    ("The reformist Gabonese daily was shut down by a court in Libreville on Monday.",
     ("COERCE", {"GAB"}, {"GAB"})),
    ("Gabon's recognition of Uruguay was followed by the naming of an ambassador.",
     ("SUPPORT", {"GAB"}, {"URY"})),
])
def test_wire_forms(analyzer, text: str,  # type: ignore[no-untyped-def]
                    want: tuple[str, set[str], set[str]]) -> None:
    got = triples(analyzer, text)
    assert want in [(t, a, r) for t, a, r in got], got


# must stay: a candidate's own candidacy is a campaign, "seized on" news is no seizure,
# a call with a purpose no directive, and recognition for work no support
@pytest.mark.parametrize("text", [
    "The senator backed his own candidacy with a television campaign.",
    "Uruguayan media seized on new revelations about the minister's emails.",
    "The Uruguayan president called the singer on Friday to thank her.",
    "The prize was given in recognition of Uruguay's work on refugees.",
])
def test_what_wire_forms_leave_alone(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, _, _ in triples(analyzer, text) if t in ("SUPPORT", "COERCE", "REQUEST")] == []


def test_a_pledge_to_rebuild_what_a_storm_destroyed_is_no_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (a participle describing a noun is no part of what is vowed)
    got = triples(analyzer, "Gabon pledged on Friday to send engineers to Uruguay to help "
                            "rebuild the bridges destroyed by the hurricane.")
    assert "THREATEN" not in [t for t, _, _ in got]
    assert [t for t, _, _ in triples(analyzer, "Gabon vowed to destroy the rebel camps "
                                               "in Uruguay.")] == ["THREATEN"]
