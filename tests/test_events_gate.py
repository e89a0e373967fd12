"""Quality gate for the event coder: the figures of ``python -m eval.events`` may not
fall below the floors in ``eval/events_floors.json``.

The floors are set a little below the measured figures. They may be raised when the coder
improves; never lower them to make a change pass (fix the change, or the gold if it is
wrong, and say so in the commit).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "eval" / "events_floors.json"
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/
    sys.path.insert(0, str(REPO))


@pytest.fixture(scope="module")
def figures():  # type: ignore[no-untyped-def]
    from eval.events import evaluate

    return evaluate()


@pytest.mark.slow
def test_event_figures_hold_their_floors(figures) -> None:  # type: ignore[no-untyped-def]
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    low = []
    for set_name, keys in floors.items():
        got = figures["sets"].get(set_name)
        if got is None:
            if set_name in figures["skipped"]:
                continue  # the seeds are absent on this machine
            pytest.fail(f"set {set_name} was not evaluated")
        for key, floor in keys.items():
            value = got.get(key)
            if value is None or value < floor:
                low.append(f"{set_name} {key}: {value} < {floor}")
    assert not low, "\n".join(low)


@pytest.mark.slow
def test_no_gold_sentence_is_lost(figures) -> None:  # type: ignore[no-untyped-def]
    lost = {s: x for s, x in figures["unlocated"].items() if x}
    assert not lost, lost
