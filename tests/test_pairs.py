"""Pair keys (chronicler.corpus.pairs) against the Python set of tuples they replace."""

from __future__ import annotations

import random

import pytest

from chronicler.corpus.pairs import PairKeys, iter_pairs, pairs_of


def _reference(blocks: list[list[int]], cross: list[tuple[list[int], list[int]]]
               ) -> list[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    for members in blocks:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                seen.add((min(i, j), max(i, j)))
    for left, right in cross:
        seen.update((min(i, j), max(i, j)) for i in left for j in right if i != j)
    return sorted(seen)


@pytest.mark.parametrize("flush_at", [1, 7, 1 << 22])
@pytest.mark.parametrize("seed", range(4))
def test_same_pairs_in_the_same_order_as_a_set_of_tuples(seed: int, flush_at: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 300)
    blocks = [rng.sample(range(n), rng.randint(0, min(n, 40))) for _ in range(rng.randint(0, 30))]
    cross = [(rng.sample(range(n), rng.randint(0, min(n, 5))),
              rng.sample(range(n), rng.randint(0, min(n, 30)))) for _ in range(5)]
    acc = PairKeys(n, flush_at=flush_at)
    for b in blocks:
        acc.add_block(b)
    for left, right in cross:
        acc.add_cross(left, right)
    got = list(iter_pairs(acc.keys(), n, chunk=13))
    assert got == _reference(blocks, cross)
    assert len(acc) == len(got)


def test_small_helpers() -> None:
    assert pairs_of([[3, 1, 2], [2, 3], [5]], 6) == [(1, 2), (1, 3), (2, 3)]
    assert pairs_of([], 4) == []
    acc = PairKeys(4)
    acc.add_cross([1], [1])  # an item never pairs with itself
    assert len(acc) == 0


def test_memory_is_eight_bytes_a_pair() -> None:
    # One block of 2,000 items: 1,999,000 pairs, 16 MB of keys (a set of tuples: ~200 MB).
    acc = PairKeys(2000)
    acc.add_block(range(2000))
    keys = acc.keys()
    assert len(keys) == 1_999_000 and keys.nbytes == 8 * 1_999_000


@pytest.mark.parametrize("seed", range(3))
def test_sorted_unique_is_numpy_unique(seed: int) -> None:
    import numpy as np

    from chronicler.corpus.pairs import sorted_unique

    rng = np.random.default_rng(seed)
    for n in (0, 1, 2, 50, 5000):
        a = rng.integers(0, max(1, n // 3), n, dtype=np.int64)
        assert np.array_equal(sorted_unique(a), np.unique(a))
