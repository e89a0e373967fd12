"""Claim alignment on near-duplicate-heavy corpora: summaries, not pairs (issue 18.3)."""

from __future__ import annotations

from bench.align_bench import hashed_embed, near_duplicates

from chronicler.corpus.align import MAX_BLOCK, AlignStats, align


def test_templated_briefs_go_through_the_leader_pass_not_pairs() -> None:
    claims, info = near_duplicates(3 * MAX_BLOCK)
    stats = AlignStats()
    groups, member_of = align(claims, info, hashed_embed, stats=stats)
    assert stats.leader_blocks == 1 and stats.comparisons == 0 and not stats.truncated
    # every group is one figure: "26 killed" never joins "6 killed"
    by_id = {c.id: c for c in claims}
    members: dict[str, set[float]] = {}
    for cid, gid in member_of.items():
        members.setdefault(gid, set()).update(by_id[cid].numbers)
    assert all(len(nums) == 1 for nums in members.values())
    assert len(groups) <= 39 * 2  # the templates' figures, not one group per brief
    assert sum(g.status == "corroborated" for g in groups) >= len(groups) // 2


def test_the_time_budget_stops_linking_and_says_so() -> None:
    claims, info = near_duplicates(MAX_BLOCK + 50)
    stats = AlignStats()
    groups, _ = align(claims, info, hashed_embed, stats=stats, budget_s=0.0)
    assert stats.truncated
    assert len(groups) == len(claims)  # nothing linked: every claim its own group
