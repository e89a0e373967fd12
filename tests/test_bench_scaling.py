"""The Ray bench's summary: 2 actors against 1 and against the best local phase."""

from __future__ import annotations

from bench.ray_bench import _scaling


def _phase(aps: float, sharded: float) -> dict[str, float]:
    return {"articles_per_s": aps, "sharded_articles_per_s": sharded}


def test_ray_two_against_one_end_to_end_and_sharded() -> None:
    out = _scaling({"local-1": _phase(4.0, 5.0), "local-2": _phase(6.0, 8.0),
                    "ray-1": _phase(3.0, 4.0), "ray-2": _phase(4.5, 7.6)})
    assert out["best_local"] == "local-2" and out["best_local_articles_per_s"] == 6.0
    assert out["ray_2_vs_1"] == 1.5 and out["ray_2_vs_1_sharded"] == 1.9
    assert out["ray_2_vs_best_local"] == 0.75
    assert len(out["lines"]) == 2


def test_without_ray_phases_only_the_best_local() -> None:
    out = _scaling({"local-1": _phase(4.0, 5.0)})
    assert out["best_local"] == "local-1" and "ray_2_vs_1" not in out and not out["lines"]
