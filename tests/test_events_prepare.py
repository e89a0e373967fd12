"""The coder's shortcuts change nothing: a bare anaphor dropped before its modes and
report, the discard list read only for sentences with a candidate, the filters on the
trigger's own words tested last. Made-up sentences, coded with and without them."""

from __future__ import annotations

import pytest

from chronicler.nlp.events import coder
from tests.eventcode import code

TEXTS = [
    # bare anaphors of several types, next to events that keep them company
    "Merovia shelled Varsk on Tuesday. The allegations surfaced again. The talks ended.",
    "The sanctions hurt the economy. The criticism grew louder. Kaldoria denied the claim.",
    # force words and protests that ``_kept`` retypes as words or support
    "Senator Ana Ruiz attacked Governor Tom Hale over the tax plan on Friday.",
    "Kaldorian donors rallied behind President Voss. The rally drew a large crowd.",
    "Merovia protested against the Kaldorian shelling of its border towns.",
    # a wish, a kind of people, a circumstance: the trigger's own words
    "Merovia wants Kaldoria to withdraw its troops. I do not support people who attack "
    "my family. Amid intensifying hostilities, the two sides met in Varsk on Monday.",
    # a sentence the discard list drops, and one with nothing to code
    "Kaldoria beat Merovia by six wickets in the final. The weather was mild.",
]


def _full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every candidate prepared in full (no early drop)."""
    monkeypatch.setattr(coder, "_may_retype", lambda c: True)


@pytest.mark.parametrize("text", TEXTS)
def test_early_drop_changes_nothing(analyzer, monkeypatch, text) -> None:  # type: ignore[no-untyped-def]
    fast = [e.model_dump() for e in code(analyzer, text)]
    _full(monkeypatch)
    assert [e.model_dump() for e in code(analyzer, text)] == fast


def test_bare_anaphor_is_dropped_early(analyzer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """"The criticism grew louder": an ACCUSE noun with nothing of its own codes
    nothing, and is never given modes or a reporter."""
    seen: list[str] = []
    real = coder.resolve_report

    def spy(c, ix, triggers):  # type: ignore[no-untyped-def]
        seen.append(c.trigger.lower_)
        return real(c, ix, triggers)

    monkeypatch.setattr(coder, "resolve_report", spy)
    text = "Merovia shelled Varsk on Tuesday. The criticism grew louder."
    assert [e.type for e in code(analyzer, text)] == ["ASSAULT"]
    assert seen == ["shelled"]
    _full(monkeypatch)
    seen.clear()
    assert [e.type for e in code(analyzer, text)] == ["ASSAULT"]
    assert seen == ["shelled", "criticism"]  # (the long way round, to the same end)
