"""Rules undone (issue 12): a decree, a law or a ban revoked, repealed or scrapped that
restricted something is a restriction eased (CONCEDE, CAMEO 081), and what the rule
allowed, ordered or banned is not an act of the sentence ("repealed a law that allowed
police to detain suspects" detains no one). A rule passed keeps what it allows as
before. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize("text", [
    "Kenya's government revoked a decree that allowed it to shut down newspapers.",
    "Kenya scrapped a law restricting foreign ownership of newspapers.",
])
def test_a_restriction_undone_is_eased(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["CONCEDE"]
    assert side(got[0], "actor") == {"KEN"}


def test_what_a_repealed_law_allowed_is_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Parliament repealed a law that allowed police to detain suspects "
                         "without trial.")
    assert "COERCE" not in [e.type for e in got]


def test_what_a_passed_law_allows_stays(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Kenya passed a law that allows police to detain suspects without "
                         "trial.")
    assert [e.type for e in got] == ["COERCE"]
