"""Exact and near-duplicate detection.

Exact: the normalised-text hash (``Article.text_hash``). Near: MinHash over word
3-shingles, candidates from LSH, each candidate pair verified by its estimated
Jaccard similarity.

Why 3-word shingles and 0.5: a wire copy reprinted with 5-10 % of its words changed
keeps only ~0.9^k of its k-shingles, so 5-shingles put a 10 % edit near Jaccard 0.4
and a strict 0.8 threshold misses almost every reprint. With k=3 such pairs land at
0.55-0.75 while unrelated articles on the same story stay under 0.1 (see
``tests/test_dedupe.py``, which measures this on generated pairs and holds it).

Groups are the connected components of duplicate pairs; the canonical member is
the earliest published (undated last), ties broken by id, so the result is the same
whatever order articles arrived in and whichever engine ran the stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from chronicler.corpus.unionfind import UnionFind

SHINGLE_WORDS = 3
NUM_PERM = 128
THRESHOLD = 0.5
# Pinned: signatures are stored, so the hashing scheme must never change under them.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


def signature(text: str) -> bytes:
    """MinHash signature of ``text`` as bytes (128 uint32), for storage."""
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    sh = shingles(text)
    if sh:
        m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def _minhash(sig: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(sig, dtype=np.uint32))


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    return float(_minhash(sig_a).jaccard(_minhash(sig_b)))


def find_duplicates(
    rows: Iterable[tuple[str, str, date | None, bytes | None]],
    threshold: float = THRESHOLD,
) -> dict[str, tuple[str | None, str]]:
    """Map each article in a duplicate group to ``(duplicate_of, group_id)``.

    ``rows`` are ``(id, text_hash, published, minhash)``. The canonical member gets
    ``duplicate_of=None``; articles in no group are absent from the result.
    """
    rows = sorted(rows, key=lambda r: r[0])
    uf: UnionFind[str] = UnionFind()
    by_hash: dict[str, str] = {}
    for aid, th, _, _ in rows:
        if th in by_hash:
            uf.union(by_hash[th], aid)
        else:
            by_hash[th] = aid

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for aid, _, _, sig in rows:
        if not sig:
            continue
        m = _minhash(sig)
        for other in lsh.query(m):
            if m.jaccard(hashes[other]) >= threshold:
                uf.union(other, aid)
        lsh.insert(aid, m)
        hashes[aid] = m

    published = {r[0]: r[2] for r in rows}
    groups: dict[str, list[str]] = {}
    for aid, *_ in rows:
        groups.setdefault(uf.find(aid), []).append(aid)

    out: dict[str, tuple[str | None, str]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=lambda a: (_date_key(published[a]), a))
        for a in members:
            out[a] = (None if a == canon else canon, canon)
    return out


def _date_key(d: Any) -> str:
    return d.isoformat() if d is not None else "9999-12-31"
