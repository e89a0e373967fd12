"""Precision of the crisis and sub-event stories (issue 14): unrelated crises never merge.

The demo corpus (one Merovia-Kaldoria crisis, March-April 2025) is ingested together with
generated articles (tests/fixtures/synth.py) about other conflicts of the same invented
world, published in the same weeks: their two sides are another pair of countries (at most
one of Merovia and Kaldoria), though they may name the same region, river, armed group or
a look-alike operation name, and Merovia, Kaldoria or Norvane as a third party. A crisis
or sub-event story that holds a demo article and such an article, or two generated
articles whose sides share no country, merges unrelated crises.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from eval.cross import ingest_records

from chronicler.demo import CORPUS_DIR
from tests.fixtures import synth

pytestmark = pytest.mark.slow

SEED = 7
DEMO_SIDES = frozenset({"Merovia", "Kaldoria"})
WINDOW = ("2025-03-01", "2025-04-30")  # the demo's weeks, give or take
N_DISJOINT, N_ONE_SHARED = 8, 6
# Measured when this test was written: all 14 generated articles joined the demo's crisis
# (even ones that name neither Merovia nor Kaldoria, e.g. Tavonia-Karsia), and sub-event
# stories (happenings keyed by type and dyad) mixed generated articles of disjoint sides.
# Both pass now: the generated world's countries are in the demo world's dictionary; a
# third party must have an event with both sides, not name them; an article's operations
# are its own events'; a mention that brings another pair's country does not join an
# event; a happening keeps only the articles of its crisis.


def _sides(seed: int, i: int) -> frozenset[str]:
    """The two sides of generated article ``i``: synth's first draw for it (see _article)."""
    rng = random.Random((seed << 40) ^ (i * 2654435761) ^ 0x5EED)
    a, b, _ = rng.sample(synth._COUNTRIES, 3)
    return frozenset({a[0], b[0]})


def unrelated_articles(seed: int = SEED, scan: int = 300
                       ) -> list[tuple[dict[str, Any], frozenset[str]]]:
    """Generated articles in the demo's weeks whose sides are not Merovia and Kaldoria:
    the first ``N_DISJOINT`` that name neither as a side, the first ``N_ONE_SHARED`` that
    name one of them."""
    disjoint, shared = [], []
    for i, art in enumerate(synth.generate_articles(scan, seed)):
        sides = _sides(seed, i)
        if not WINDOW[0] <= art["published"][:10] <= WINDOW[1]:
            continue
        assert all(s in art["text"] for s in sides), "synth changed how it draws the sides"
        n = len(sides & DEMO_SIDES)
        if n == 0 and len(disjoint) < N_DISJOINT:
            disjoint.append((art, sides))
        elif n == 1 and len(shared) < N_ONE_SHARED:
            shared.append((art, sides))
    assert len(disjoint) == N_DISJOINT and len(shared) == N_ONE_SHARED
    return disjoint + shared


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[list[dict[str, Any]], dict[str, frozenset[str] | None]]]:
    tmp = tmp_path_factory.mktemp("unrelated")
    arts = unrelated_articles()
    path = Path(tmp) / "unrelated.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a, _ in arts), "utf-8")
    records = ingest_records([str(CORPUS_DIR), str(path)], Path(tmp) / "mixed.duckdb")
    by_url = {a["url"]: sides for a, sides in arts}
    # article id -> the generated article's sides, or None for a demo article
    origin: dict[str, frozenset[str] | None] = {}
    for r in records:
        if r["kind"] == "article":
            origin[r["id"]] = by_url.get(r.get("url") or "") if "unrelated" in (
                r.get("source_path") or "") else None
    yield records, origin


def _mergers(story: dict[str, Any], origin: dict[str, frozenset[str] | None]) -> list[str]:
    """What ``story`` wrongly joins: demo + generated, or generated of disjoint sides."""
    ids = [a for a in story["article_ids"] if a in origin]
    gen = sorted({tuple(sorted(s)) for a in ids if (s := origin[a]) is not None})
    out = []
    if gen and any(origin[a] is None for a in ids):
        out.append(f"demo + {gen}")
    out += [f"{x} + {y}" for k, x in enumerate(gen) for y in gen[k + 1:]
            if not set(x) & set(y)]
    return out


def test_every_generated_article_is_ingested(mixed: Any) -> None:
    records, origin = mixed
    assert sum(s is not None for s in origin.values()) == N_DISJOINT + N_ONE_SHARED
    assert sum(s is None for s in origin.values()) == 39


def test_unrelated_crises_never_share_a_crisis(mixed: Any) -> None:
    records, origin = mixed
    crises = [s for s in records if s["kind"] == "story" and s.get("level") == "crisis"]
    bad = {s["title"]: m for s in crises if (m := _mergers(s, origin))}
    assert not bad, bad


def test_unrelated_crises_never_share_a_sub_event(mixed: Any) -> None:
    records, origin = mixed
    subs = [s for s in records if s["kind"] == "story" and s.get("level") != "crisis"]
    bad = {s["title"]: m for s in subs if (m := _mergers(s, origin))}
    assert not bad, bad


def test_the_demo_crisis_stays_whole(mixed: Any) -> None:
    """Noise around it does not split the demo's one crisis (recall, the other side)."""
    records, origin = mixed
    demo = {a for a, s in origin.items() if s is None}
    crises = [set(s["article_ids"]) for s in records
              if s["kind"] == "story" and s.get("level") == "crisis"]
    assert any(demo <= c for c in crises), [len(demo & c) for c in crises if demo & c]
