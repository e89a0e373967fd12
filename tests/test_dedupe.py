"""Near-duplicate detection, tuned on generated wire copies (5-10 % of words edited)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from chronicler.corpus.duplicates import THRESHOLD, find_duplicates, signature, similarity

synth = pytest.importorskip("tests.fixtures.synth")


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return [a["text"] for a in synth.generate_articles(60, seed=7)]


@pytest.mark.parametrize("frac", [0.05, 0.08, 0.10])
def test_wire_copies_are_caught(corpus, frac):
    rng = random.Random(int(frac * 100))
    caught = 0
    for text in corpus[:30]:
        copy = synth.wire_variant(text, frac, rng)
        assert copy != text
        if similarity(signature(text), signature(copy)) >= THRESHOLD:
            caught += 1
    assert caught >= 29, f"only {caught}/30 wire copies at {frac:.0%} edits reach {THRESHOLD}"


def test_strict_threshold_would_miss_them(corpus):
    """Why the threshold is not 0.8: most 10 % edits fall under it."""
    rng = random.Random(3)
    sims = [similarity(signature(t), signature(synth.wire_variant(t, 0.10, rng)))
            for t in corpus[:20]]
    assert sum(s >= 0.8 for s in sims) < len(sims) / 2


def test_distinct_articles_stay_apart(corpus):
    sigs = [signature(t) for t in corpus]
    worst = max(similarity(sigs[i], sigs[j]) for i in range(len(sigs)) for j in range(i))
    assert worst < THRESHOLD - 0.1


def test_groups_exact_and_near_with_canonical_earliest(corpus):
    rng = random.Random(1)
    base = corpus[0]
    rows = [
        ("b-copy", "h1", date(2025, 5, 11), signature(synth.wire_variant(base, 0.07, rng))),
        ("a-orig", "h1x", date(2025, 5, 10), signature(base)),
        ("c-exact", "h1x", date(2025, 5, 12), signature(base)),
        ("d-other", "h2", date(2025, 5, 9), signature(corpus[1])),
    ]
    groups = find_duplicates(rows)
    assert groups["a-orig"] == (None, "a-orig")
    assert groups["b-copy"] == ("a-orig", "a-orig")
    assert groups["c-exact"] == ("a-orig", "a-orig")
    assert "d-other" not in groups
    # order-independent
    assert find_duplicates(list(reversed(rows))) == groups


def test_empty_text_signature_is_stable():
    assert signature("") == signature("")

