"""Align per-article claims across articles: groups, independent sources, status.

Candidates are **blocked before any comparison** (chronicler.corpus.blocking), so the
cost grows with block sizes, not with the square of the corpus: two claims are compared
only when they are in the same story, report one merged event, share a proposition key
(below), or share an actor country (a figure, for a claim that names no country) and
were published within ``WINDOW_DAYS`` (one bucket of days or the next; a claim of an
undated article meets every bucket). A block larger than ``MAX_BLOCK`` is split by the
claims' whole entity set, which keeps one busy dyad ("IND", "PAK") from turning
quadratic.

Two compared claims **link** when their embeddings are close (``LINK_THRESHOLD``),
their numbers agree ("26 killed" never merges with "6 killed"), their polarity is the
same, they share an entity (or neither names one) and they come from different
articles. Links are merged **average-linkage** (a cluster joins another only when the
mean similarity across them stays above the threshold and no cross pair disagrees on
numbers or polarity), so a chain of near neighbours cannot glue unrelated claims.

Propositions: a claim whose sentence reports merged events carries their ids and their
relations (type and countries, ``Claim.propositions``). Two claims that share a
proposition key (``linkage.event_keys``: one merged event with the same figure, one
quoted phrase, one counted thing such as "four attackers", a word a report quotes from
its speaker found in that speaker's direct quote elsewhere, ``linkage.said_keys``) are
about one proposition and link whatever the rest of their wording (the pair's
similarity counts as ``PROPOSITION_SIM`` once it reaches ``PROPOSITION_FLOOR``): the
embedding is one signal, not the decision; two claims whose relations are known and
disjoint ("India struck Pakistan" / "India struck Afghanistan") are never one
proposition and never contest each other, however close their words.

Contest: the claims stage's in-article links (a denial and what it denies) carry over
to the groups; across articles, a denial group whose denied clause is close
(``CONTEST_THRESHOLD``) to a positive group in the same block contests it, unless it
was published before what the claim reports took place (``denied_before``). Both sides
become ``contested`` and point at each other (``contested_by``).

Sources: a group's ``n_sources`` counts the articles that assert or report it; a clause
an article quotes only to deny it ("India denied claims that its missiles struck
Afghanistan") is not asserted by that article, so its denial never counts as a source
of the claim it denies.

``AlignStats`` counts blocks and comparisons (``python -m bench.align_bench``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from chronicler.corpus.blocking import (  # noqa: F401 - re-exported, the alignment's API
    MAX_BLOCK,
    WINDOW_DAYS,
    AlignStats,
    ArticleInfo,
    block_keys,
    candidate_pair_keys,
    candidate_pairs,
    viable_pair_keys,
)
from chronicler.corpus.increment import (
    AlignMemo,
    claim_fact,
    dirty_mask,
    group_fact,
    kept_links,
    partition,
    to_redo,
)
from chronicler.corpus.linkage import (
    PROPOSITION_FLOOR,
    PROPOSITION_SIM,
    Budget,
    ExtraKeys,
    Linkage,
    PropKey,
    event_keys,
    sig_compatible,
    signature,
)
from chronicler.corpus.pairs import sorted_unique
from chronicler.records import Claim, content_id

LINK_THRESHOLD = 0.65  # tuned on the demo corpus (eval/claims.py sweep: 0.65 best F1)
# denied clause vs claim. With bounded groups and the same-side/number checks, 0.64
# keeps the demo's contested recall of 0.60 and contests 10 fewer groups (sentences
# about the same two countries score 0.60-0.71 without being one proposition).
CONTEST_THRESHOLD = 0.64
# PROPOSITION_SIM: two claims reporting one merged event with one figure are one
# proposition ... when their wording is at least PROPOSITION_FLOOR close: a sentence
# reports every event coded in it, so "26 were killed in the attack" and "officials
# reported limited damage" can share an event without being one proposition.

EmbedFn = Callable[[Sequence[str]], np.ndarray]


def independent_sources(article_ids: Sequence[str], info: dict[str, ArticleInfo]) -> int:
    """Distinct independent sources: copies collapse onto their original, then one
    outlet counts once however many articles it ran (``chronicler.corpus.sources``; ``info``
    carries outlet keys, see ``cross._article_info``, or plain names)."""
    from chronicler.corpus.sources import count_independent

    ids = set(article_ids)
    dup = {a: info[a].dup_key for a in ids if a in info}
    outlets = {a: info[a].outlet for a in ids | set(dup.values()) if a in info}
    return count_independent(ids, dup, outlets)


def numbers_agree(a: Sequence[float], b: Sequence[float]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def compatible(a: Claim, b: Claim) -> bool:
    """May these two be one proposition at all (similarity aside)? Not when polarity or
    numbers disagree, when they name disjoint actors, or when the two sides assert
    them: "the Merovian army said Kaldorian troops fired first" and "Kaldoria's
    military said Merovian forces fired first" are near in wording and opposite in
    meaning, and a merge would pass them off as one corroborated account."""
    return sig_compatible(signature(a), signature(b))


def link_pairs(claims: Sequence[Claim], vecs: np.ndarray, info: dict[str, ArticleInfo],
               threshold: float = LINK_THRESHOLD, stats: AlignStats | None = None,
               big: list[list[int]] | None = None,
               pairs: np.ndarray | None = None,
               extra: ExtraKeys | None = None) -> list[tuple[int, int, float]]:
    """Compared pairs (``viable_pair_keys``) that link, with their similarity, most
    similar first. The dot products are taken in chunks of pairs (numpy), not one
    Python call per pair."""
    n = len(claims)
    if pairs is None:
        pairs = viable_pair_keys(claims, info, stats, big, extra)
    keys = [event_keys(c, extra) for c in claims]  # once per claim, not once per pair
    out = []
    for k in range(0, len(pairs), _CHUNK):
        chunk = pairs[k:k + _CHUNK]
        ii, jj = chunk // n, chunk % n
        sims = np.einsum("ij,ij->i", vecs[ii], vecs[jj])
        for i, j, raw in zip(ii.tolist(), jj.tolist(), sims.tolist(), strict=True):
            sim = _adjust(keys[i], keys[j], raw)
            if sim >= threshold:
                out.append((i, j, sim))
    out.sort(key=lambda x: (-x[2], x[0], x[1]))
    if stats is not None:
        stats.links = len(out)
    return out


_CHUNK = 8192  # pairs per numpy product: 8192 x 2 x 384 float32 = 25 MB at most


def _adjust(keys_a: set[PropKey], keys_b: set[PropKey], sim: float) -> float:
    """Two claims that are one proposition by construction (a shared
    ``linkage.event_keys`` key: one merged event with one figure, "26 killed" in the
    attack; one quoted phrase of the same speaker; one counted thing) count as one once
    their wording is at least ``PROPOSITION_FLOOR`` close. A sentence reports every
    event coded in it, often in passing, so a shared event without a shared figure is
    left to the wording."""
    return PROPOSITION_SIM if sim >= PROPOSITION_FLOOR and not keys_a.isdisjoint(keys_b) \
        else sim


def average_linkage(claims: Sequence[Claim], vecs: np.ndarray,
                    links: Iterable[tuple[int, int, float]], threshold: float,
                    big: Sequence[Sequence[int]] = (), budget: Budget | None = None,
                    extra: ExtraKeys | None = None) -> Linkage:
    """Merge linked claims, most similar first; two clusters merge only when the mean
    similarity of all their cross pairs reaches ``threshold`` and every cross pair is
    compatible, so A~B and B~C never pull in a C unlike A (computed from running
    summaries, chronicler.corpus.linkage). Blocks in ``big`` get the leader pass."""
    budget = budget or Budget(None)
    lk = Linkage(claims, vecs, extra)
    for members in big:
        lk.leader(members, threshold, budget)
    lk.link(links, threshold, budget)
    return lk


def _sort_key(c: Claim, info: dict[str, ArticleInfo]) -> tuple[dt.date, str, int]:
    a = info.get(c.article_ids[0]) if c.article_ids else None
    pub = a.published if a and a.published else dt.date.max
    return (pub, c.article_ids[0] if c.article_ids else "", c.evidence[0].span[0]
            if c.evidence else 0)


def _group_record(members: list[Claim], info: dict[str, ArticleInfo]) -> Claim:
    members = sorted(members, key=lambda c: _sort_key(c, info))
    # The group speaks with the first member that states its most shared figure (a
    # group joined by "26 killed" should read "... claimed 26 lives", not the earliest
    # sentence of the group that gives no number), else with its first member.
    figures = Counter(n for c in members for n in set(c.numbers))
    top_figure = figures.most_common(1)[0][0] if figures else None
    first = next((c for c in members if top_figure in c.numbers), members[0])
    gid = content_id("claimgroup", min(c.id for c in members))
    article_ids = sorted({a for c in members for a in c.article_ids})
    names = Counter(c.asserted_by.name for c in members if c.asserted_by)
    top = names.most_common(1)[0][0] if names else None
    asserter = next((c.asserted_by for c in members
                     if c.asserted_by and c.asserted_by.name == top), first.asserted_by)
    # An article that quotes the claim only to deny it (the claims stage linked the
    # clause to its denial) does not assert it.
    asserting = sorted({a for c in members if not (c.polarity == "pos" and c.contested_by)
                        for a in c.article_ids})
    n = independent_sources(asserting, info) if asserting else 0
    return first.model_copy(update={
        "id": gid, "article_ids": article_ids, "asserted_by": asserter,
        "evidence": [e for c in members for e in c.evidence],
        "entities": sorted({e for c in members for e in c.entities}),
        "event_ids": sorted({e for c in members for e in c.event_ids}),
        "propositions": sorted({p for c in members for p in c.propositions}),
        "n_sources": n, "status": "corroborated" if n >= 2 else "single",
        "contested_by": [], "group_id": None,
    })


def link_in_article(claims: Sequence[Claim], groups: list[Claim],
                    member_of: dict[str, str]) -> None:
    """The claims stage already links a denial to what it denies inside one article
    ("Velic rejected Kaldoria's claim that ...", "called it 'propaganda'"): carry those
    links over to the groups, both ways."""
    by_id = {g.id: g for g in groups}
    for c in claims:
        for other in c.contested_by:
            a, b = by_id.get(member_of.get(c.id, "")), by_id.get(member_of.get(other, ""))
            if a is None or b is None or a is b:
                continue
            for x, y in ((a, b), (b, a)):
                x.status = "contested"
                if y.id not in x.contested_by:
                    x.contested_by.append(y.id)


def mark_contested(groups: list[Claim], embed: EmbedFn,
                   threshold: float = CONTEST_THRESHOLD,
                   info: dict[str, ArticleInfo] | None = None,
                   stats: AlignStats | None = None,
                   event_dates: Mapping[str, dt.date] | None = None,
                   memo: AlignMemo | None = None) -> None:
    """A denial (negative-polarity group with a denied clause) contests each positive
    group of its blocks that it matches; both sides become ``contested`` and point at
    each other. A denial never contests a claim of its own asserter, nor a claim about
    what happened after the denial was published (``denied_before``). With ``memo``,
    a pair of groups whose facts did not change keeps last run's outcome
    (chronicler.corpus.increment) and only pairs with a changed group are tested."""
    info = info or {}
    known: set[str] | None = None
    if memo is not None:
        memo.new_group_facts = {g.id: group_fact(g, info, event_dates) for g in groups}
        if memo.usable:
            known = {g for g, f in memo.new_group_facts.items() if memo.group_facts.get(g) == f}
            memo.rechecked = len(groups) - len(known)
    denials = [g for g in groups if g.polarity == "neg" and g.target_text]
    claims = [g for g in groups if g.polarity == "pos"]
    if not denials or not claims:
        return
    index: dict[tuple[object, ...], list[int]] = defaultdict(list)
    changed: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for j, c in enumerate(claims):
        for k in _group_keys(c, info):
            index[k].append(j)
            if known is not None and c.id not in known:
                changed[k].append(j)
    claim_at = {c.id: j for j, c in enumerate(claims)}
    before: dict[str, list[int]] = defaultdict(list)  # unchanged denial -> its claims
    if memo is not None and known is not None:
        for dd, cid in sorted(memo.contests):
            if dd in known and cid in known and cid in claim_at:
                before[dd].append(claim_at[cid])
    hits: list[tuple[int, int]] = []
    # The cheap tests first: only the denials and claims of a pair that passes them
    # are embedded.
    todo: list[tuple[int, int]] = []
    for i, d in enumerate(denials):
        same = known is not None and d.id in known
        hits += [(i, j) for j in before.get(d.id, ())]  # unchanged pairs: last outcome
        cands = sorted({j for k in _group_keys(d, info)
                        for j in (changed if same else index).get(k, ())})
        if stats is not None:
            stats.contest_comparisons += len(cands)
        for j in cands:
            c = claims[j]
            if not set(d.entities) & set(c.entities):
                continue
            if d.propositions and c.propositions and \
                    not set(d.propositions) & set(c.propositions):
                continue  # about different things, however close the words
            # a denial that counts ("claims to have struck six air bases were
            # exaggerated") answers a claim giving that figure, not every claim near it
            if same_side(d, c) or d.numbers and not set(d.numbers) & set(c.numbers):
                continue
            if event_dates and denied_before(d, c, info, event_dates):
                continue
            todo.append((i, j))
    dv = embed_needed([g.target_text or "" for g in denials], {i for i, _ in todo}, embed)
    cv = embed_needed([g.text for g in claims], {j for _, j in todo}, embed)
    hits += [(i, j) for i, j in todo if float(dv[i] @ cv[j]) >= threshold]
    for i, j in hits:
        d, c = denials[i], claims[j]
        for x, y in ((d, c), (c, d)):
            x.status = "contested"
            if y.id not in x.contested_by:
                x.contested_by.append(y.id)
    if memo is not None:
        memo.new_contests = {(denials[i].id, claims[j].id) for i, j in hits}
    for g in groups:
        g.contested_by.sort()


def denied_before(denial: Claim, claim: Claim, info: Mapping[str, ArticleInfo],
                  event_dates: Mapping[str, dt.date]) -> bool:
    """Was the denial published before what the claim reports took place? Every event
    the claim's sentences report with a day of their own falls more than a day after the
    denial's last article: "Kaldoria had nothing to do with the attack" (March 12) does
    not deny that Merovia "destroyed several Kaldorian posts" (April 3)."""
    days = [event_dates[e] for e in claim.event_ids if e in event_dates]
    pubs = [p for a in denial.article_ids if (p := info[a].published if a in info else None)]
    return bool(days and pubs) and min(days) > max(pubs) + dt.timedelta(days=1)


def same_side(a: Claim, b: Claim) -> bool:
    """One asserter, or two speaking for one country: a denial never contests its own
    side (Kaldoria's "nothing to do with it" does not contest Kaldoria's own claims)."""
    x, y = a.asserted_by, b.asserted_by
    if x is None or y is None:
        return False
    return x.name.casefold() == y.name.casefold() or bool(x.country and x.country == y.country)


def _group_keys(g: Claim, info: dict[str, ArticleInfo]) -> set[tuple[object, ...]]:
    """A group's blocks: the union of its articles' (as if each article held it)."""
    keys: set[tuple[object, ...]] = set()
    for aid in g.article_ids:
        keys.update(block_keys(g, info.get(aid)))
    return keys


def embed_needed(texts: Sequence[str], needed: Iterable[int], embed: EmbedFn) -> np.ndarray:
    """Vectors for the rows in ``needed`` (embedded in index order, so the call does not
    depend on set order); the other rows stay zero and are never read."""
    rows = sorted(needed)
    if not rows:
        return np.zeros((len(texts), 1), np.float32)
    got = embed([texts[i] for i in rows])
    out = np.zeros((len(texts), got.shape[1]), np.float32)
    out[rows] = got
    return out


def _pairs_and_links(claims: Sequence[Claim], info: dict[str, ArticleInfo], embed: EmbedFn,
                     threshold: float, stats: AlignStats | None, extra: ExtraKeys | None,
                     dirty: Sequence[bool] | None
                     ) -> tuple[list[tuple[int, int, float]], np.ndarray, list[list[int]],
                                frozenset[str], set[int]]:
    """Viable pairs (only those with a ``dirty`` claim, when given), the vectors of
    their claims, and the pairs that link; with the leader blocks, the blocks out of
    their plain regime and the rows embedded."""
    big: list[list[int]] = []
    regimes: set[str] = set()
    only = np.asarray(dirty, dtype=bool) if dirty is not None else None
    keys = candidate_pair_keys(claims, info, stats, big, extra, only=only, regimes=regimes)
    pairs = viable_pair_keys(claims, info, stats, big, extra, keys=keys)
    n = len(claims)
    paired = set(sorted_unique(np.concatenate([pairs // n, pairs % n])).tolist())
    paired |= {x for m in big for x in m}
    vecs = embed_needed([c.text for c in claims], paired, embed)
    links = link_pairs(claims, vecs, info, threshold, stats, big, pairs, extra)
    return links, vecs, big, frozenset(regimes), paired


def align(claims: Sequence[Claim], info: dict[str, ArticleInfo], embed: EmbedFn,
          threshold: float = LINK_THRESHOLD, contest_threshold: float = CONTEST_THRESHOLD,
          stats: AlignStats | None = None, budget_s: float | None = None,
          extra: ExtraKeys | None = None, event_dates: Mapping[str, dt.date] | None = None,
          memo: AlignMemo | None = None) -> tuple[list[Claim], dict[str, str]]:
    """Group claims; returns the group records and each member claim's group id.
    ``budget_s`` bounds the linking time: past it the claims not yet linked stay as
    they are and ``stats.truncated`` is set. ``extra``: more proposition keys per claim
    id (``linkage.event_keys``); ``event_dates``: the day of each merged event that has
    one of its own (``denied_before``). ``memo``: the last run's alignment
    (chronicler.corpus.increment): only what changed is paired and linked again, with
    the same result; it is updated with this run's for the caller to store."""
    claims = list(claims)
    if stats is not None:
        stats.claims = len(claims)
        stats.all_pairs = len(claims) * (len(claims) - 1) // 2
    dirty: list[bool] | None = None
    if memo is not None:
        facts = [claim_fact(c, info, extra) for c in claims]
        memo.new_facts = {c.id: f for c, f in zip(claims, facts, strict=True)}
        if memo.usable:
            dirty = dirty_mask(claims, facts, memo)
    redo: set[int] | None = None
    if dirty is not None and memo is not None:
        links, vecs, big, regimes, paired = _pairs_and_links(
            claims, info, embed, threshold, stats, extra, dirty)
        if not big and regimes == memo.regimes:
            links = sorted(kept_links(claims, dirty, memo) + links,
                           key=lambda x: (-x[2], x[0], x[1]))
            redo = to_redo(claims, dirty, links, memo)
    if redo is None:
        if stats is not None and dirty is not None:  # count the full pass alone
            stats.comparisons = stats.split_blocks = 0
        links, vecs, big, regimes, paired = _pairs_and_links(
            claims, info, embed, threshold, stats, extra, None)
    budget = Budget(budget_s)
    if redo is not None and memo is not None:
        # the unchanged claims of a component linked again need their vectors too (read
        # back from the cache; the embedder keeps what this run already embedded)
        if redo - paired:
            vecs = embed_needed([c.text for c in claims], paired | redo, embed)
        lk = average_linkage(claims, vecs, [x for x in links if x[0] in redo], threshold,
                             big, budget, extra)
        comps_idx = partition(claims, redo, {i: lk.uf.find(i) for i in redo}, memo)
    else:
        lk = average_linkage(claims, vecs, links, threshold, big, budget, extra)
        comps_idx = dict(sorted(lk.components().items()))
    if stats is not None:
        stats.truncated = budget.truncated
        stats.leader_blocks = len(big)
    comps: dict[int, list[Claim]] = {r: [claims[i] for i in idx] for r, idx in comps_idx.items()}
    groups = [_group_record(m, info) for m in comps.values()]
    member_of = {c.id: g.id for g, m in zip(groups, comps.values(), strict=True) for c in m}
    if memo is not None:
        memo.redone = len(redo) if redo is not None else -1
        memo.new_groups = dict(member_of)
        memo.new_links = [(claims[i].id, claims[j].id, sim) for i, j, sim in links]
        # a truncated linkage or a leader pass is not a state to build on
        memo.new_regimes = None if budget.truncated or big else regimes
    link_in_article(claims, groups, member_of)
    mark_contested(groups, embed, contest_threshold, info, stats, event_dates, memo)
    groups.sort(key=lambda g: g.id)
    return groups, member_of
