"""PolNeAR dev gate (issue 13): attribution on real news must not fall below its floors.

Runs the actors and quotes stages in process on the 84 dev articles of
``../shared/eval/polnear`` (third-party data, read at run time, never copied) and scores
them with the set's own scorer, ``score_polnear.py``, unchanged. Skipped when the folder
is absent. Floors sit a little below what was measured when they were set (see
``FLOORS``); raise them when the stage improves, never lower them to let a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eval import polnear

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not polnear.available(), reason="../shared/eval/polnear is absent"),
]

# measured (issue 13, in-process dev run, 2026-12-06, fourth round: passive cues, stance
# and intention adjectives, "seems to", participles on nouns, gerund complements, "in the
# poll" findings, negated cues with an object): attribution unit f1@0.3 0.751, p 0.875,
# f1@0.8 0.676, speaker 0.922, direct f1 0.831 (p 0.778); quote unit 0.690, p 0.723,
# 0.563, 0.921, direct f1 0.635
FLOORS = {
    "quote": {"f1@0.3": 0.685, "f1@0.8": 0.558, "speaker@0.3": 0.916, "direct.f1@0.3": 0.63,
              "p@0.3": 0.718},
    "attribution": {"f1@0.3": 0.746, "f1@0.8": 0.671, "speaker@0.3": 0.917,
                    "direct.f1@0.3": 0.826, "direct.p@0.3": 0.773, "p@0.3": 0.87},
}


@pytest.fixture(scope="module")
def dev_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("polnear-dev")
    tune, _ = polnear.split_keys("dev", 13)
    polnear.parse("dev", tune, cache)
    return cache


@pytest.mark.parametrize("unit", sorted(FLOORS))
def test_polnear_dev_at_or_above_floors(dev_cache: Path, unit: str) -> None:
    figs = polnear.figures(polnear.quotes(dev_cache, unit=unit))
    low = {k: (figs.get(k), floor) for k, floor in FLOORS[unit].items()
           if figs.get(k, 0.0) < floor}
    assert not low, f"{unit}: below floor {low} (all figures {figs})"
