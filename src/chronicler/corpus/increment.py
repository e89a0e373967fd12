"""The claim alignment, incremental: a new article re-pairs its own claims, not the store.

Why it can be exact: everything that decides whether two claims are paired and linked
is a fact of each claim alone (``claim_fact``: its text, articles, signature,
proposition keys, blocks, day and story), except the regime of a block (split by entity
set past ``MAX_BLOCK``, or a figure block too large to pair), which depends on its size.
So while the set of blocks out of their plain regime stays the same and no block needs
the leader pass, two claims whose facts did not change have the same pair and the same
link as last time, and only pairs with a changed claim (``dirty``) are tested again.

Grouping is average linkage over the links, most similar first; it never crosses from
one connected component of the links to another, and inside a component it depends
only on that component's links, in their order. A component that holds no *affected*
claim (a changed one, or one whose last group held a changed or removed claim) went
through the same merges last time, so its groups are read back; the affected components
are linked again. Group records and sources are built again for every group (cheap);
the contest check (a denial group against the claim groups it shares a block with)
tests again only pairs with a group whose ``group_fact`` changed, and reads the other
pairs' outcome back. Measured on 400 generated articles plus one new one: 379 of
9,496 stored claims changed (their merged events moved), the new article's 17 claims
touched 17 link components of 102 claims, of 4,346.

The memory (``AlignMemo``) lives in the store (tables ``claim_facts`` and
``claim_links``, the regimes and settings in ``corpus_state``), written in the same
transaction as the groups it describes; a missing or mismatched memory means a full
alignment. ``tests/test_align_increment.py`` checks incremental against full.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronicler.corpus.blocking import (
    MAX_BLOCK,
    WINDOW_DAYS,
    ArticleInfo,
    _day,
    _info,
    block_keys,
)
from chronicler.corpus.linkage import (
    PROPOSITION_FLOOR,
    PROPOSITION_SIM,
    ExtraKeys,
    event_keys,
    signature,
)
from chronicler.corpus.unionfind import UnionFind
from chronicler.records import Claim
from chronicler.store import Store
from chronicler.store import state as corpus_state

_VERSION = 2  # bump when what the memory holds changes
_CONFIG_KEY = "align:config"
_REGIMES_KEY = "align:regimes"

Link = tuple[int, int, float]


def config(model: str, threshold: float, contest_threshold: float = 0.0) -> str:
    """What the stored links were computed under; any change means a full alignment.
    The code that decides pairs, links and contests is part of it (a digest of its
    modules' source), so an upgrade that changes a rule never builds on links made
    under the old one."""
    return (f"v{_VERSION}|{model}|{threshold}|{contest_threshold}|{MAX_BLOCK}|{WINDOW_DAYS}|"
            f"{PROPOSITION_SIM}|{PROPOSITION_FLOOR}|{_code_digest()}")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    here = Path(__file__).parent
    h = hashlib.blake2b(digest_size=8)
    for name in ("align.py", "blocking.py", "linkage.py", "increment.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


def claim_fact(c: Claim, info: dict[str, ArticleInfo], extra: ExtraKeys | None) -> str:
    """A digest of every fact of one claim that its pairs and links read."""
    ci = _info(c, info)
    parts = (c.text, tuple(c.article_ids), signature(c, extra),
             sorted(map(repr, event_keys(c, extra))),
             sorted(map(repr, block_keys(c, ci, extra))), _day(ci),
             ci.story_id if ci is not None else None, tuple(c.entities), tuple(c.numbers))
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


@dataclass
class AlignMemo:
    """The last alignment: each claim's fact digest and group, the links by claim id,
    and the blocks out of their plain regime. ``cfg`` is this run's settings; the
    ``new_*`` fields are what this run leaves for the next (``save``)."""

    cfg: str
    facts: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    links: list[tuple[str, str, float]] = field(default_factory=list)
    regimes: frozenset[str] | None = None  # None: nothing usable stored
    group_facts: dict[str, str] = field(default_factory=dict)
    contests: set[tuple[str, str]] = field(default_factory=set)  # (denial, claim) groups
    redone: int = -1  # claims linked again this run (-1: a full alignment)
    rechecked: int = -1  # groups whose contests were checked again (-1: all)
    new_facts: dict[str, str] = field(default_factory=dict)
    new_groups: dict[str, str] = field(default_factory=dict)
    new_links: list[tuple[str, str, float]] = field(default_factory=list)
    new_regimes: frozenset[str] | None = None  # None: do not keep (truncated, leader)
    new_group_facts: dict[str, str] = field(default_factory=dict)
    new_contests: set[tuple[str, str]] = field(default_factory=set)

    @property
    def usable(self) -> bool:
        return self.regimes is not None


def load(store: Store, cfg: str) -> AlignMemo:
    memo = AlignMemo(cfg=cfg)
    if corpus_state.get(store, _CONFIG_KEY) != cfg:
        return memo
    regimes = corpus_state.get(store, _REGIMES_KEY)
    if regimes is None:
        return memo
    for cid, fact, gid in store.conn.execute(
            "SELECT id, fact, group_id FROM claim_facts").fetchall():
        memo.facts[cid] = fact
        memo.groups[cid] = gid
    memo.links = [(a, b, float(s)) for a, b, s in store.conn.execute(
        "SELECT a, b, sim FROM claim_links").fetchall()]
    memo.group_facts = dict(store.conn.execute(
        "SELECT id, fact FROM claim_group_facts").fetchall())
    memo.contests = {(d, c) for d, c in store.conn.execute(
        "SELECT denial, claim FROM claim_contests").fetchall()}
    memo.regimes = frozenset(x for x in regimes.split("\n") if x)
    return memo


def save(store: Store, memo: AlignMemo) -> None:
    """Write this run's memory (inside the caller's transaction), or forget the last
    one when this run leaves none."""
    for table in ("claim_facts", "claim_links", "claim_group_facts", "claim_contests"):
        store.conn.execute(f"DELETE FROM {table}")
    if memo.new_regimes is None:
        corpus_state.clear(store, _CONFIG_KEY)
        corpus_state.clear(store, _REGIMES_KEY)
        return
    # the store's own bulk insert (one Arrow table per statement)
    bulk = store._bulk  # noqa: SLF001 - the store's helper, as store.parts uses it
    bulk("claim_facts", ["id", "fact", "group_id"],
         [(i, f, memo.new_groups[i]) for i, f in sorted(memo.new_facts.items())])
    bulk("claim_links", ["a", "b", "sim"], memo.new_links)
    bulk("claim_group_facts", ["id", "fact"], sorted(memo.new_group_facts.items()))
    bulk("claim_contests", ["denial", "claim"], sorted(memo.new_contests))
    corpus_state.put(store, _CONFIG_KEY, memo.cfg)
    corpus_state.put(store, _REGIMES_KEY, "\n".join(sorted(memo.new_regimes)))


def group_fact(g: Claim, info: Mapping[str, ArticleInfo],
               event_dates: Mapping[str, dt.date] | None) -> str:
    """A digest of every fact of one claim group that the contest check reads (its
    words, sides, figures, blocks, articles' dates and stories, and its events' days)."""
    arts = [(a, info[a].published, info[a].story_id) if a in info else (a,)
            for a in g.article_ids]
    who = (g.asserted_by.name, g.asserted_by.country) if g.asserted_by else None
    parts = (g.polarity, g.text, g.target_text, tuple(g.entities), tuple(g.propositions),
             tuple(g.numbers), who, arts, tuple(g.event_ids),
             tuple((event_dates or {}).get(e) for e in g.event_ids))
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


def dirty_mask(claims: Sequence[Claim], facts: Sequence[str], memo: AlignMemo) -> list[bool]:
    """Claims to pair again: new ones, and those whose facts changed."""
    return [memo.facts.get(c.id) != f for c, f in zip(claims, facts, strict=True)]


def kept_links(claims: Sequence[Claim], dirty: Sequence[bool], memo: AlignMemo) -> list[Link]:
    """Last run's links between two unchanged claims, as index pairs."""
    index = {c.id: i for i, c in enumerate(claims)}
    out = []
    for a, b, sim in memo.links:
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and not dirty[i] and not dirty[j]:
            out.append((min(i, j), max(i, j), sim))
    return out


def to_redo(claims: Sequence[Claim], dirty: Sequence[bool], links: Sequence[Link],
            memo: AlignMemo) -> set[int] | None:
    """The claims of every link component that holds an affected claim (see the module
    docstring), or None when the last grouping cannot be read back for the others."""
    present = {c.id for c in claims}
    stale_groups = {memo.groups[c.id] for c, d in zip(claims, dirty, strict=True)
                    if d and c.id in memo.groups}
    stale_groups |= {g for cid, g in memo.groups.items() if cid not in present}
    uf: UnionFind[int] = UnionFind(range(len(claims)))
    for i, j, _ in links:
        uf.union(i, j)
    roots = {uf.find(i) for i, c in enumerate(claims)
             if dirty[i] or memo.groups.get(c.id) in stale_groups}
    redo = {i for i in range(len(claims)) if uf.find(i) in roots}
    # Every kept group must lie wholly outside the redone components (it does when the
    # facts are complete; a full alignment is the answer if ever not).
    for i, c in enumerate(claims):
        if i not in redo and c.id not in memo.groups:
            return None
    kept_of: dict[str, set[bool]] = {}
    for i, c in enumerate(claims):
        g = memo.groups.get(c.id)
        if g is not None:
            kept_of.setdefault(g, set()).add(i in redo)
    if any(len(v) > 1 for v in kept_of.values()):
        return None
    return redo


def partition(claims: Sequence[Claim], redo: set[int], redone_root: dict[int, int],
              memo: AlignMemo) -> dict[int, list[int]]:
    """Groups as the full alignment orders them (by smallest member index): the redone
    claims grouped by this run's linkage, the others by their last group."""
    first: dict[object, int] = {}
    members: dict[object, list[int]] = {}
    for i, c in enumerate(claims):
        key: object = ("new", redone_root[i]) if i in redo else ("old", memo.groups[c.id])
        first.setdefault(key, i)
        members.setdefault(key, []).append(i)
    return {first[k]: m for k, m in sorted(members.items(), key=lambda kv: first[kv[0]])}
