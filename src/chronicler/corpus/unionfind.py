"""The one union-find of the cross-article stages (duplicates, claim alignment, stories).

Keys are any orderable, hashable values (article ids, claim indexes). The root of a
group is always its smallest key, so the grouping, and the ids derived from roots, do
not depend on the order in which pairs are joined.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Generic, Protocol, TypeVar


class _Ordered(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Ordered)


class UnionFind(Generic[K]):
    def __init__(self, keys: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in keys}

    def find(self, x: K) -> K:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def groups(self) -> dict[K, list[K]]:
        """Root -> members, members in key order."""
        out: dict[K, list[K]] = {}
        for k in sorted(self.parent):
            out.setdefault(self.find(k), []).append(k)
        return out
