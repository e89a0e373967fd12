"""Permissions withheld (issue 12): "would not let a UN team into the camp", "did not
allow Ugandan trucks to cross", "would not admit UN monitors to" a province is a refusal made when it is said (REJECT, as "refused
to let" is), and what is not let happen is not done. A permission withheld from no one
named ("would not allow anyone to ...") is a warning, one that "cannot" be given a
stance, one on a condition a hypothesis: none of them a refusal. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "recipient"), [
    ("Kenya said on Tuesday it would not let a U.N. fact-finding team into the prison.",
     {"UNO"}),
    ("Kenya said it would not allow a U.N. team into the camp.", {"UNO"}),
    ("Kenya did not allow Ugandan trucks to cross the border.", {"UGA"}),
    ("Kenya would not admit U.N. human rights monitors to the province.", {"UNO"}),
])
def test_a_permission_withheld_is_a_refusal(analyzer, text: str,  # type: ignore[no-untyped-def]
                                            recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert [(e.type, e.negated) for e in got] == [("REJECT", False)]
    assert side(got[0], "actor") == {"KEN"} and side(got[0], "recipient") == recipient


def test_a_permission_on_a_condition_is_no_refusal(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya would not allow U.N. inspectors into the prison unless "
                         "Uganda agreed.")
    assert "REJECT" not in [e.type for e in got]


def test_what_is_not_let_happen_is_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "The minister said Kenya would not allow anyone to threaten its "
                         "borders.")
    assert "REJECT" not in [e.type for e in got]
    assert all(e.negated for e in got if e.type == "THREATEN")


def test_a_permission_that_cannot_be_given_is_a_stance(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, "The senator said he cannot allow Governor Nkosi of Zambia to "
                          "win the vote.") == []


def test_a_team_let_in_is_access(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya let a Red Cross team into the prison.")
    assert [(e.type, e.negated) for e in got] == [("RETREAT", False)]
