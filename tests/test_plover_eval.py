"""Quality gate on real sentences: the PLOVER gold-standard records, dev half
(``python -m eval.plover_dev``; floors in ``eval/plover_floors.json``), and the split
that keeps a quarter of it untouched.

Skipped when ``../shared/eval/plover-gsr-dev`` (third-party data, never copied here) is
absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "eval" / "plover_floors.json"
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from eval import plover_dev  # noqa: E402

needs_data = pytest.mark.skipif(not plover_dev.available(),
                                reason="../shared/eval/plover-gsr-dev is absent")


def test_split_is_fixed_and_disjoint() -> None:
    keys = [f"s{i:03d}" for i in range(160)]
    a, b = plover_dev.split(keys), plover_dev.split(list(reversed(keys)))
    assert a == b  # the same keys whatever their order
    assert len(a["untouched"]) == 40 and not a["untouched"] & a["tuned"]
    assert a["untouched"] | a["tuned"] == a["all"] == set(keys)


@needs_data
@pytest.mark.slow
def test_plover_dev_figures_hold_their_floors() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    got = plover_dev.evaluate(tuple(floors))
    low = [f"{part} {k}: {got[part][k]:.3f} < {v}" for part, ks in floors.items()
           for k, v in ks.items() if got[part][k] < v]
    assert not low, "\n".join(low)
