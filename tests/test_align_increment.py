"""The incremental claim alignment equals the full one (chronicler.corpus.increment)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from bench.align_bench import hashed_embed

from chronicler.corpus import blocking, increment
from chronicler.corpus.align import AlignStats, ArticleInfo, align
from chronicler.corpus.increment import AlignMemo
from chronicler.records import Claim, ClaimEvidence

SIDES = ["KLD", "MRV", "VLT", "ORS"]
CONTESTED: list[int] = []  # contested groups per alignment compared (the test covers some)
VERBS = ["shelled", "struck", "hit", "attacked", "fired on", "raided"]
PLACES = ["Bahrun", "Dessin", "Kovasi", "Tirvan", "Varsk", "Sellin"]
WORDS = ("border village convoy bridge depot harbour airfield market school clinic ridge "
         "valley checkpoint garrison ferry railway pipeline reservoir barracks camp outpost "
         "highway tunnel warehouse station dam mill quarry orchard").split()


def _article(rng: random.Random, n: int, told: list[str]) -> tuple[str, ArticleInfo,
                                                                   list[Claim]]:
    """One article's claims: some retell what an earlier article said (they link),
    the others are new (they mostly do not)."""
    aid = f"art{n:05d}"
    day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(0, 120))
    info = ArticleInfo(outlet=f"outlet{rng.randrange(6)}", dup_key=aid,
                       published=None if rng.random() < 0.05 else day,
                       story_id=f"story{rng.randrange(3)}" if rng.random() < 0.3 else None)
    claims = []
    for k in range(rng.randrange(1, 6)):
        a, b = rng.sample(SIDES, 2)
        figure = rng.choice([None, 3, 6, 12, 24])
        if told and rng.random() < 0.4:
            text = rng.choice(told)
            if rng.random() < 0.5:
                text = text.replace(".", f", {rng.choice(['officials', 'witnesses'])} said.")
        else:
            text = (f"{a} forces {rng.choice(VERBS)} {figure or 'several'} {b} "
                    f"{' '.join(rng.sample(WORDS, 5))} near {rng.choice(PLACES)}.")
            told.append(text)
        neg = rng.random() < 0.08
        claims.append(Claim(
            id=f"{aid}-c{k}", text=("Officials denied that " + text) if neg else text,
            article_ids=[aid], numbers=[float(figure)] if figure else [],
            entities=sorted({a, b}) if rng.random() < 0.9 else [],
            polarity="neg" if neg else "pos", target_text=text if neg else None,
            evidence=[ClaimEvidence(article_id=aid, text=text, span=(0, len(text)))]))
    return aid, info, claims


def _corpus(n: int, seed: int) -> dict[str, tuple[ArticleInfo, list[Claim]]]:
    rng = random.Random(seed)
    out: dict[str, tuple[ArticleInfo, list[Claim]]] = {}
    told: list[str] = []
    for i in range(n):
        aid, info, claims = _article(rng, i, told)
        out[aid] = (info, claims)
    return out


def _flat(arts: dict[str, tuple[ArticleInfo, list[Claim]]]
          ) -> tuple[list[Claim], dict[str, ArticleInfo]]:
    claims = sorted((c for _, cs in arts.values() for c in cs), key=lambda c: c.id)
    return [c.model_copy(deep=True) for c in claims], {a: i for a, (i, _) in arts.items()}


def _stored(memo: AlignMemo) -> AlignMemo:
    """What the next run loads from the store."""
    return AlignMemo(cfg=memo.cfg, facts=dict(memo.new_facts), groups=dict(memo.new_groups),
                     links=list(memo.new_links), regimes=memo.new_regimes,
                     group_facts=dict(memo.new_group_facts), contests=set(memo.new_contests))


def _same_as_full(arts: dict[str, tuple[ArticleInfo, list[Claim]]], memo: AlignMemo
                  ) -> AlignMemo:
    claims, info = _flat(arts)
    full_groups, full_members = align(claims, info, hashed_embed)
    claims, info = _flat(arts)
    groups, members = align(claims, info, hashed_embed, memo=memo)
    assert members == full_members
    assert [g.model_dump() for g in groups] == [g.model_dump() for g in full_groups]
    CONTESTED.append(sum(g.status == "contested" for g in groups))
    return memo


def test_arrivals_edits_and_removals_match_a_full_alignment() -> None:
    arts = _corpus(260, seed=3)
    rng = random.Random(7)
    first = _same_as_full(arts, AlignMemo(cfg="test"))
    assert first.redone == -1  # nothing stored yet: a full alignment
    memo = _stored(first)
    more = _corpus(330, seed=3)
    relinked = []
    for step in range(6):
        if step % 3 == 0:  # new articles arrive
            for aid in list(more)[len(arts):len(arts) + rng.choice([1, 5, 20])]:
                arts[aid] = more[aid]
        elif step % 3 == 1:  # an article is re-analysed: one claim's wording changes
            aid = rng.choice(sorted(arts))
            info, claims = arts[aid]
            arts[aid] = (info, [claims[0].model_copy(update={"text": claims[0].text + " again"}),
                                *claims[1:]])
        else:  # an article is removed, another gets a date
            del arts[rng.choice(sorted(arts))]
            aid = rng.choice(sorted(arts))
            info, claims = arts[aid]
            arts[aid] = (ArticleInfo(info.outlet, info.dup_key, dt.date(2025, 5, 1),
                                     info.story_id), claims)
        n_claims = sum(len(cs) for _, cs in arts.values())
        done = _same_as_full(arts, memo)
        relinked.append(done.redone)
        assert done.new_regimes is not None
        memo = _stored(done)
    # every later run took the incremental path; new articles and edits linked again
    # only a part of the claims
    assert all(0 <= r < n_claims // 2 for r in relinked), relinked
    assert any(r > 0 for r in relinked)
    assert min(CONTESTED) > 0


def test_a_block_changing_regime_falls_back_to_a_full_alignment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocking, "MAX_BLOCK", 60)
    arts = _corpus(60, seed=5)
    memo = _stored(_same_as_full(arts, AlignMemo(cfg="test")))
    more = _corpus(120, seed=5)
    for aid in list(more)[60:120]:
        arts[aid] = more[aid]
    assert _same_as_full(arts, memo).redone == -1  # blocks grew past the cap: the old pairs may differ


def test_memory_round_trips_through_the_store_and_a_new_setting_forgets_it(db_path) -> None:
    from chronicler.store import open_store

    claims, info = _flat(_corpus(40, seed=1))
    memo = AlignMemo(cfg=increment.config("m", 0.65))
    stats = AlignStats()
    align(claims, info, hashed_embed, memo=memo, stats=stats)
    with open_store(db_path) as store:
        with store.transaction():
            increment.save(store, memo)
        back = increment.load(store, increment.config("m", 0.65))
        assert back.usable and back.facts == memo.new_facts and back.groups == memo.new_groups
        assert sorted(back.links) == sorted(memo.new_links) and back.regimes == memo.new_regimes
        assert back.group_facts == memo.new_group_facts and back.contests == memo.new_contests
        assert not increment.load(store, increment.config("m", 0.7)).usable
        memo.new_regimes = None  # a truncated run leaves nothing to build on
        with store.transaction():
            increment.save(store, memo)
        assert not increment.load(store, increment.config("m", 0.65)).usable


def test_a_group_held_together_by_a_changed_claim_is_linked_again() -> None:
    """X and Y are not close enough to link (0.6) but each is close to B (0.8): B
    pulls them into one group. When B's words change, X and Y must part, though
    neither changed and no link of theirs did."""
    common = "alpha bravo charlie delta echo foxtrot"
    texts = {"x": f"{common} golf hotel india juliet", "y": f"{common} kilo lima mike november",
             "b": f"{common} golf hotel kilo lima"}
    day = dt.date(2025, 3, 3)

    def corpus(bridge: str) -> dict[str, tuple[ArticleInfo, list[Claim]]]:
        out = {}
        for key, text in {**texts, "b": bridge}.items():
            aid = f"art-{key}"
            out[aid] = (ArticleInfo(outlet=aid, dup_key=aid, published=day), [Claim(
                id=f"{aid}-c0", text=text, article_ids=[aid], entities=["KLD", "MRV"],
                evidence=[ClaimEvidence(article_id=aid, text=text, span=(0, len(text)))])])
        return out

    before = _same_as_full(corpus(texts["b"]), AlignMemo(cfg="test"))
    assert len(set(before.new_groups.values())) == 1  # one group of three
    after = _same_as_full(corpus("oscar papa quebec romeo sierra tango"), _stored(before))
    assert after.redone >= 0 and len(set(after.new_groups.values())) == 3
    # the bridge's article removed: nothing to pair, X and Y still linked again
    gone = corpus(texts["b"])
    del gone["art-b"]
    removed = _same_as_full(gone, _stored(before))
    assert removed.redone == 2 and len(set(removed.new_groups.values())) == 2
