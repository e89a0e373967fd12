"""Alignment embeds only the claims that can link (issue 15 item 1), with the same result
as embedding every claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from bench.align_bench import hashed_embed

from chronicler.corpus.align import ArticleInfo, align, embed_needed
from chronicler.records import Claim, ClaimEvidence

DAY = dt.date(2025, 4, 2)


def _claim(cid: str, aid: str, text: str, numbers: Sequence[float] = (),
           entities: Sequence[str] = ("KLD", "MRV"), polarity: str = "pos") -> Claim:
    return Claim(id=cid, text=text, article_ids=[aid], numbers=list(numbers),
                 entities=list(entities), polarity=polarity,
                 evidence=[ClaimEvidence(article_id=aid, text=text, span=(0, len(text)))])


def _corpus() -> tuple[list[Claim], dict[str, ArticleInfo]]:
    claims = [
        # two articles report one shelling with one figure: a pair that may link
        _claim("c1", "a1", "Kaldorian artillery shelled 12 Merovian posts near Dessin.", [12]),
        _claim("c2", "a2", "Kaldorian guns shelled 12 Merovian posts close to Dessin.", [12]),
        # a figure no other article gives ("7" vs "12"): never compatible with c1/c2
        _claim("c3", "a3", "Seven Merovian posts near Dessin were shelled overnight.", [7]),
        # another article's claim about other countries: in no block with the others
        _claim("c4", "a4", "Norvane opened a border crossing with Dunmara on Monday.",
               entities=["NRV", "DNM"]),
        # the same article as c1 repeating itself: never corroboration
        _claim("c5", "a1", "Kaldoria's shelling of Dessin went on through the night.", [12]),
    ]
    info = {f"a{i}": ArticleInfo(outlet=f"paper{i}", dup_key=f"a{i}", published=DAY)
            for i in range(1, 5)}
    return claims, info


class Counting:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return hashed_embed(texts)


def test_a_claim_that_cannot_link_is_never_embedded() -> None:
    claims, info = _corpus()
    embed = Counting()
    align(claims, info, embed)
    seen = set(embed.seen)
    assert claims[0].text in seen and claims[1].text in seen
    # c4 shares no block; c3's figure disagrees with every claim of another article
    # that it meets. c5 meets c2 (compatible, another article), so it is embedded.
    assert claims[3].text not in seen and claims[2].text not in seen
    assert claims[4].text in seen


def test_the_groups_are_those_of_embedding_every_claim() -> None:
    claims, info = _corpus()
    lazy, lazy_of = align(claims, info, hashed_embed)

    def every(texts: Sequence[str]) -> np.ndarray:
        return hashed_embed(texts)

    # Pre-embed every claim: the lookup below ignores which rows were asked for.
    table = dict(zip([c.text for c in claims], hashed_embed([c.text for c in claims]),
                     strict=True))

    def full(texts: Sequence[str]) -> np.ndarray:
        return np.stack([table[t] if t in table else every([t])[0] for t in texts])

    eager, eager_of = align(claims, info, full)
    assert [g.model_dump() for g in lazy] == [g.model_dump() for g in eager]
    assert lazy_of == eager_of
    assert any(len(set(g.article_ids)) > 1 for g in lazy)  # c1 and c2 did link


def test_embed_needed_leaves_other_rows_zero_and_asks_in_index_order() -> None:
    embed = Counting()
    out = embed_needed(["x one", "y two", "z three"], {2, 0}, embed)
    assert embed.seen == ["x one", "z three"]
    assert out.shape == (3, 256) and not out[1].any() and out[0].any() and out[2].any()
    assert embed_needed(["a"], set(), embed).shape == (1, 1)
