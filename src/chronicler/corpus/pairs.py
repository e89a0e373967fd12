"""Index pairs of blocked items, held as sorted int64 keys instead of Python tuples.

Blocking (claims that share an entity, an event or a story) yields every pair inside
each block, and one pair usually comes from several blocks. A Python ``set`` of
``(i, j)`` tuples costs about 60-100 bytes a pair: on 400 generated articles the claim
alignment had 2.0 million candidate pairs (~120 MB as tuples), and the count grows
faster than the corpus (blocks fill up to their cap). Here a pair is the integer
``i * n + j`` (``i < j``), 8 bytes, deduplicated in batches by ``sorted_unique``, so the
transient memory is bounded by ``flush_at`` keys whatever the overlap between blocks.

Order: keys sort as ``(i, j)`` tuples do, so iterating them gives the pairs in the
order ``sorted(set_of_pairs)`` did: results that depend on pair order do not move.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

__all__ = ["PairKeys", "iter_pairs", "pairs_of", "sorted_unique"]

_EMPTY = np.zeros(0, dtype=np.int64)


class PairKeys:
    """Accumulates the pairs of blocks; ``keys()`` gives them sorted and unique."""

    def __init__(self, n: int, flush_at: int = 1 << 22) -> None:
        self.n = n
        self.flush_at = flush_at
        self._done = _EMPTY  # sorted, unique
        self._parts: list[np.ndarray] = []
        self._pending = 0

    def add_block(self, members: Sequence[int]) -> None:
        """Every pair of distinct members (members are distinct item indices)."""
        m = len(members)
        if m < 2:
            return
        arr = np.asarray(members, dtype=np.int64)
        a, b = np.triu_indices(m, 1)
        self._add(arr[a], arr[b])

    def add_cross(self, left: Sequence[int], right: Sequence[int]) -> None:
        """Every pair of one item of ``left`` with one of ``right`` (not with itself)."""
        if not left or not right:
            return
        lo = np.repeat(np.asarray(left, dtype=np.int64), len(right))
        hi = np.tile(np.asarray(right, dtype=np.int64), len(left))
        keep = lo != hi
        self._add(lo[keep], hi[keep])

    def _add(self, x: np.ndarray, y: np.ndarray) -> None:
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        self._parts.append(lo * self.n + hi)
        self._pending += len(lo)
        if self._pending >= self.flush_at:
            self._flush()

    def _flush(self) -> None:
        if self._parts:
            self._done = sorted_unique(np.concatenate([self._done, *self._parts]))
            self._parts, self._pending = [], 0

    def keys(self) -> np.ndarray:
        self._flush()
        return self._done

    def __len__(self) -> int:
        return len(self.keys())


def sorted_unique(a: np.ndarray) -> np.ndarray:
    """``numpy.unique`` of an int64 array, by sort and compare: numpy 2.4's hash-based
    ``unique`` took 6.9 s on 6 M keys where this takes 0.4 s (same result)."""
    if len(a) < 2:
        return a.copy()
    b = np.sort(a)
    keep = np.empty(len(b), dtype=bool)
    keep[0] = True
    np.not_equal(b[1:], b[:-1], out=keep[1:])
    return b[keep]


def iter_pairs(keys: np.ndarray, n: int, chunk: int = 1 << 16) -> Iterator[tuple[int, int]]:
    """The ``(i, j)`` pairs of sorted keys, in order, materialised a chunk at a time."""
    for k in range(0, len(keys), chunk):
        part = keys[k:k + chunk]
        yield from zip((part // n).tolist(), (part % n).tolist(), strict=True)


def pairs_of(blocks: Iterable[Sequence[int]], n: int) -> list[tuple[int, int]]:
    """Every pair inside any of ``blocks``, each once, sorted (small inputs, tests)."""
    acc = PairKeys(n)
    for b in blocks:
        acc.add_block(b)
    return list(iter_pairs(acc.keys(), n))
