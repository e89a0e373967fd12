"""International officials and tribunals (issue 12): an official whose title names an
international body ("U.N. envoy", "NATO Secretary-General") is the body's, whatever
the sentence's other countries, unless the title names a state too ("Pakistan's U.N.
ambassador"); the war crimes tribunals are international bodies; "King X of Y" is Y's,
wherever he is named. Made-up names and sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "actor"), [
    ("U.N. envoy Hans Brenner met Kenyan rebel leaders on Friday.", {"UNO"}),
    ("Hans Brenner, the U.N. envoy, demanded on Friday that Kenyan forces halt their "
     "offensive.", {"UNO"}),
    ("NATO Secretary-General Hans Brenner demanded on Friday that Yugoslav forces halt "
     "their offensive.", {"IGO"}),
])
def test_an_international_official_is_the_bodys(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                actor: set[str]) -> None:
    got = code(analyzer, text)
    assert len(got) == 1 and side(got[0], "actor") == actor


def test_a_states_envoy_to_the_un_stays_the_states(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Pakistan's U.N. ambassador Munir Akram met Kenyan officials.")
    assert len(got) == 1 and side(got[0], "actor") == {"PAK"}


@pytest.mark.parametrize("text", [
    "The Hague war crimes tribunal has begun investigating atrocities by Serb forces.",
    "The U.N. war crimes tribunal indicted three Serb generals.",
])
def test_a_war_crimes_tribunal_is_international(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["ACCUSE"]
    assert side(got[0], "actor") == {"IGO"} and side(got[0], "recipient") == {"SRB"}


@pytest.mark.parametrize("text", [
    "Kenyan President Moi met King Mswati of Swaziland on Sunday.",
    "Kenyan President Moi discussed the border dispute by telephone with King Mswati of "
    "Swaziland on Sunday.",
])
def test_a_ruler_of_a_country_is_its(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, text)
    assert [e.type for e in got] == ["CONSULT"]
    assert side(got[0], "actor") == {"KEN"} and side(got[0], "recipient") == {"SWZ"}
