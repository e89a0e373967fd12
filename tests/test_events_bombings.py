"""A bomb that went off (issue 12): no one who set it is named, and what it hit is where it
went off: the target a preposition of place names, or the country of the place. A
figure that "exploded" is no bomb. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.eventcode import code, side


@pytest.mark.parametrize(("text", "recipient"), [
    ("A bomb exploded outside the Kenyan embassy in Kampala.", {"KEN"}),
    ("A roadside bomb exploded near a Kenyan army convoy in Somalia.", {"KEN"}),
    ("Two grenades exploded in a market in Mogadishu on Friday.", {"SOM"}),
    ("A bomb went off at a bus station in Nairobi.", {"KEN"}),
])
def test_a_bomb_that_went_off_hit_where_it_went_off(analyzer, text: str,  # type: ignore[no-untyped-def]
                                                    recipient: set[str]) -> None:
    got = code(analyzer, text)
    assert [(e.type, e.mode) for e in got] == [("ASSAULT", ["explosives"])]
    assert side(got[0], "recipient") == recipient


@pytest.mark.parametrize("text", [
    "The alarm went off in the Kenyan parliament on Monday.",
    "Kenya's prison population stood at 9,000 in 1990 and has since exploded to 50,000 "
    "inmates.",
    "The number of Kenyan refugees in Uganda exploded last year.",
])
def test_no_bomb(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, text) == []
