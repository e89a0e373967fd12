"""Quality gate: claim status and framing figures stay above the pinned floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "eval" / "claims_floors.json").read_text("utf-8"))


@pytest.mark.slow
def test_claims_floors() -> None:
    sys.path.insert(0, str(ROOT))
    from eval.claims import score_claims

    figs = score_claims()
    low = {k: (figs[k], v) for k, v in FLOORS.items()
           if not k.startswith("_") and figs[k] < v}
    assert not low, f"below floor (measured, floor): {low}"
