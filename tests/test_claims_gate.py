"""Quality gate: claim status and framing figures stay above the pinned floors
(eval/claims_floors.json); ``seeds.*`` floors apply when ../shared/seeds is present."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "eval" / "claims_floors.json").read_text("utf-8"))
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.slow
def test_claims_floors() -> None:
    sys.path.insert(0, str(ROOT))
    from eval.claims import score_claims

    figs = score_claims()
    have_seeds = SEEDS.is_dir() and any(SEEDS.glob("*.txt"))
    missing = [k for k in FLOORS if not k.startswith("_") and k not in figs
               and (have_seeds or not k.startswith("seeds."))]
    assert not missing, f"figures not computed: {missing}"
    low = {k: (figs[k], v) for k, v in FLOORS.items()
           if not k.startswith("_") and k in figs and figs[k] < v}
    assert not low, f"below floor (measured, floor): {low}"
