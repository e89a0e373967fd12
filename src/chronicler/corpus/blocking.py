"""Blocking for the claim alignment: which claims are ever compared.

Two claims are compared only when they meet in a block (``block_keys``): the same story,
one merged event, one quoted phrase, or an entity or figure within ``WINDOW_DAYS`` of
each other (one bucket of days or the next); a block larger than ``MAX_BLOCK`` is split
by the claims' whole entity set, and a part still too large goes to the leader pass
(chronicler.corpus.linkage). ``viable_pair_keys`` then drops the pairs that fail any
test but the similarity, so only the claims of a surviving pair are embedded.

Pairs are sorted int64 keys (chronicler.corpus.pairs), not tuples: on a corpus about
one conflict they outnumber the claims by a hundred and more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from chronicler.corpus.linkage import ExtraKeys, Sig, event_keys, sig_compatible, signature
from chronicler.corpus.pairs import PairKeys, iter_pairs, sorted_unique
from chronicler.records import Claim

WINDOW_DAYS = 30  # entity blocks: same bucket of days, or the next one
MAX_BLOCK = 400  # a larger entity block is split by whole entity set


@dataclass(frozen=True)
class ArticleInfo:
    outlet: str | None
    dup_key: str  # coalesce(dup_group, id): wire copies share it
    published: dt.date | None = None
    story_id: str | None = None


@dataclass
class AlignStats:
    """What alignment cost: candidate pairs compared (embedding dot products) and the
    number of blocks they came from; ``all_pairs`` is what no blocking would compare."""

    claims: int = 0
    blocks: int = 0
    comparisons: int = 0
    links: int = 0
    contest_comparisons: int = 0
    all_pairs: int = 0
    largest_block: int = 0
    split_blocks: int = 0
    leader_blocks: int = 0  # blocks too large for pairs: one leader pass each
    truncated: bool = False  # the time budget ran out: some claims were left unlinked
    extra: dict[str, float] = field(default_factory=dict)


def _day(info: ArticleInfo | None) -> int | None:
    return info.published.toordinal() if info and info.published else None


def block_keys(c: Claim, info: ArticleInfo | None,
               extra: ExtraKeys | None = None) -> list[tuple[object, ...]]:
    """The blocks a claim belongs to: its story, and (entity, bucket of days) for each
    entity in its bucket and the next one, so claims up to a window apart meet."""
    keys: list[tuple[object, ...]] = []
    if info is not None and info.story_id:
        keys.append(("story", info.story_id))
    day = _day(info)
    bucket = None if day is None else day // WINDOW_DAYS
    # Claims that report one merged event meet whenever they were published: the event
    # is their common time.
    keys += [("event", e) for e in c.event_ids]
    # Claims that quote one phrase (count one thing) meet wherever they are.
    keys += [("prop", *k) for k in sorted(event_keys(c, extra), key=repr)
             if k[0] != "event"]
    # An entity, or a figure ("more than 80 per cent of bookings", which names nobody):
    # claims with one of them in common meet within the window.
    anchors: list[tuple[str, object]] = [("ent", e) for e in c.entities or ["-"]]
    anchors += [("num", n) for n in sorted(set(c.numbers))]
    for kind, e in anchors:
        if bucket is None:
            keys.append((kind, e, None))  # spread over every bucket (_spread_undated)
        else:
            keys.append((kind, e, bucket))
            keys.append((kind, e, bucket + 1))
    return keys


def _spread_undated(blocks: dict[tuple[object, ...], list[int]]) -> None:
    """A claim of an article with no publication date may be of any time: it joins every
    bucket of its entity (figure), not only the other undated claims. The cost is the
    undated claims times the buckets of their entities."""
    buckets: dict[tuple[object, object], list[object]] = defaultdict(list)
    for key in blocks:
        if key[0] in ("ent", "num") and key[2] is not None:
            buckets[(key[0], key[1])].append(key[2])
    for key in sorted((k for k in blocks if k[0] in ("ent", "num") and k[2] is None),
                      key=repr):
        undated = blocks[key]
        for b in buckets.get((key[0], key[1]), ()):
            blocks[(key[0], key[1], b)].extend(undated)


def candidate_pairs(claims: Sequence[Claim], info: dict[str, ArticleInfo],
                    stats: AlignStats | None = None,
                    big: list[list[int]] | None = None,
                    extra: ExtraKeys | None = None) -> list[tuple[int, int]]:
    """Index pairs worth comparing (each once, sorted): ``candidate_pair_keys`` as
    tuples, for a small input."""
    return list(iter_pairs(candidate_pair_keys(claims, info, stats, big, extra), len(claims)))


def candidate_pair_keys(claims: Sequence[Claim], info: dict[str, ArticleInfo],
                        stats: AlignStats | None = None,
                        big: list[list[int]] | None = None,
                        extra: ExtraKeys | None = None,
                        only: np.ndarray | None = None,
                        regimes: set[str] | None = None) -> np.ndarray:
    """Index pairs worth comparing (each once), from the blocks of ``block_keys``, as
    sorted pair keys (chronicler.corpus.pairs: 8 bytes a pair; they outnumber the claims
    by a hundred and more on a corpus about one conflict). A block still larger than
    ``MAX_BLOCK`` after the split by entity set is not turned into pairs: it goes to
    ``big``, for the leader pass (chronicler.corpus.linkage).

    ``only`` (a boolean mask over the claims): just the pairs with at least one flagged
    claim, for the incremental alignment (chronicler.corpus.increment). ``regimes``
    collects the blocks that are not in their plain regime (split, or a figure block
    too large to pair): as long as that set stays the same, the pairs of two unflagged
    claims are the same as last time whatever was added."""
    blocks: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for k in block_keys(c, _info(c, info), extra):
            blocks[k].append(i)
    _spread_undated(blocks)
    final: list[list[int]] = []
    seen = PairKeys(len(claims))
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        if key[0] == "num":
            # A figure block only brings in the claims that name no entity (the others
            # meet in their entity blocks): pairs of those with the block, bounded.
            anon = [i for i in members if not claims[i].entities]
            if anon and len(anon) * len(members) <= MAX_BLOCK * MAX_BLOCK:
                if only is None:
                    seen.add_cross(anon, members)
                else:
                    seen.add_cross([i for i in anon if only[i]], members)
                    seen.add_cross(anon, [i for i in members if only[i]])
            elif anon and regimes is not None:
                regimes.add(repr(key))
            continue
        if key[0] in ("ent", "event", "prop") and len(members) > MAX_BLOCK:
            if regimes is not None:
                regimes.add(repr(key))
            # split by the whole entity set: claims about the same actors stay together
            sub: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for i in members:
                sub[tuple(claims[i].entities)].append(i)
            for m in sub.values():
                if len(m) > MAX_BLOCK and big is not None:
                    if m not in big:  # each entity's block splits into the same sets
                        big.append(m)
                elif len(m) > 1:
                    final.append(m)
            if stats is not None:
                stats.split_blocks += 1
        else:
            final.append(members)
    for members in final:
        if only is None:
            seen.add_block(members)
        else:
            seen.add_cross([i for i in members if only[i]], members)
    if stats is not None:
        stats.blocks = len(final)
        stats.largest_block = max((len(m) for m in final), default=0)
    return seen.keys()


def _info(c: Claim, info: dict[str, ArticleInfo]) -> ArticleInfo | None:
    return info.get(c.article_ids[0]) if c.article_ids else None


def viable_pair_keys(claims: Sequence[Claim], info: dict[str, ArticleInfo],
                     stats: AlignStats | None = None,
                     big: list[list[int]] | None = None,
                     extra: ExtraKeys | None = None,
                     keys: np.ndarray | None = None) -> np.ndarray:
    """Candidate pairs that pass every test but the similarity, as sorted pair keys
    (chronicler.corpus.pairs): different articles,
    compatible, within the window (or one story, or one event and figure). Only their
    claims (and the members of ``big`` blocks) need a vector: a claim in no such pair
    can never link, so it is never embedded.

    The tests run on numpy arrays of per-claim facts, a chunk of pairs at a time
    (``_CHUNK``: bounded memory); compatibility is computed once per pair of signatures
    (``linkage.signature``: the fields ``compatible`` reads, symmetric), since the
    candidate pairs outnumber the signature pairs by five and the claims by a hundred
    on a busy corpus. Same pairs as one Python test per pair (400 generated articles:
    candidate and viable pairs 3.2 -> 1.0 s). ``keys``: test these candidate pairs
    instead of all of ``candidate_pair_keys``."""
    n = len(claims)
    sig_id: dict[Sig, int] = {}
    sigs: list[Sig] = []
    art_id: dict[tuple[str, ...], int] = {}
    story_id: dict[str, int] = {}
    cols: list[tuple[int, int, int, int]] = []
    ekeys = []
    for c in claims:
        sg = signature(c, extra)
        ci = _info(c, info)
        d = _day(ci)
        cols.append((art_id.setdefault(tuple(c.article_ids), len(art_id)),
                     sig_id.setdefault(sg, len(sig_id)),
                     _NO_DAY if d is None else d,
                     story_id.setdefault(ci.story_id, len(story_id))
                     if ci is not None and ci.story_id else -1))
        if len(sigs) < len(sig_id):
            sigs.append(sg)
        ekeys.append(event_keys(c, extra))
    facts = np.array(cols, dtype=np.int64).reshape(-1, 4)
    art, sid, day, story = (facts[:, k] for k in range(4))
    n_sigs = max(1, len(sigs))
    memo: dict[int, bool] = {}
    if keys is None:
        keys = candidate_pair_keys(claims, info, stats, big, extra)
    out = []
    for k in range(0, len(keys), _CHUNK):
        chunk = keys[k:k + _CHUNK]
        i, j = chunk // n, chunk % n
        keep = art[i] != art[j]  # one article repeating itself is not corroboration
        lo, hi = np.minimum(sid[i], sid[j]), np.maximum(sid[i], sid[j])
        sk = lo * n_sigs + hi
        u = sorted_unique(sk)
        ok = np.fromiter((memo[x] if x in memo else memo.setdefault(
            x, sig_compatible(sigs[x // n_sigs], sigs[x % n_sigs])) for x in u.tolist()),
            dtype=bool, count=len(u))
        keep &= ok[np.searchsorted(u, sk)]
        # far apart in time, and neither one story nor one event and figure: dropped
        far = keep & (day[i] != _NO_DAY) & (day[j] != _NO_DAY) & \
            (np.abs(day[i] - day[j]) > WINDOW_DAYS) & ~((story[i] >= 0) & (story[i] == story[j]))
        for x in np.flatnonzero(far).tolist():
            ki, kj = ekeys[int(i[x])], ekeys[int(j[x])]
            keep[x] = bool(ki and kj and ki & kj)
        out.append(chunk[keep])
    res = np.concatenate(out) if out else np.zeros(0, dtype=np.int64)
    if stats is not None:
        stats.comparisons += len(res)
    return res


_CHUNK = 1 << 18  # pairs tested at once: a few MB of arrays
_NO_DAY = -(1 << 40)  # an undated article's day
