"""The per-article stage contract: declared reads and writes, checked at load and run."""

from __future__ import annotations

import pytest

from chronicler.errors import PipelineError
from chronicler.nlp.analyzer import ALL_STAGES, DEFAULT_STAGES, resolve_stages, stage_names
from chronicler.nlp.stages import (
    STATE_FIELDS,
    ArticleContext,
    ArticleState,
    Stage,
    StateView,
    check_plan,
    run_stage,
)

CTX = ArticleContext(article_id="t")


def _stage(name: str, requires: tuple[str, ...], assigns: tuple[str, ...], run) -> Stage:  # type: ignore[no-untyped-def]
    return Stage(name=name, requires=requires, assigns=assigns, run=run)


def test_default_plan_checks_against_the_model_attributes() -> None:
    provided = {"doc.ents", "doc.sents", "token.dep", "token.head", "token.lemma", "token.tag",
                "token.pos", "token.ent_type", "token.ent_iob", "token.is_sent_start",
                "token.morph", "token.like_num"}
    plan = check_plan(resolve_stages(DEFAULT_STAGES), provided)
    assert [s.name for s in plan.stages] == list(DEFAULT_STAGES)


def test_every_stage_reads_only_state_fields_or_spacy_attributes() -> None:
    for st in ALL_STAGES:
        for r in st.requires:
            assert r in STATE_FIELDS or r.startswith(("doc.", "token.")), (st.name, r)


def test_a_stage_reading_what_no_earlier_stage_adds_fails_at_load() -> None:
    quotes = next(s for s in ALL_STAGES if s.short == "quotes")
    with pytest.raises(PipelineError, match="requires mentions, actors"):
        check_plan([quotes], {"token.dep", "token.head", "doc.sents", "token.lemma"})


def test_undeclared_read_fails_at_run() -> None:
    sneaky = _stage("t.sneaky.v1", ("doc.sents",), ("places",),
                    lambda doc, ctx, state: {"places": list(state.mentions)})
    with pytest.raises(PipelineError, match="reads 'mentions' but does not declare it"):
        run_stage(sneaky, None, CTX)  # type: ignore[arg-type]


def test_declared_read_sees_earlier_results() -> None:
    state = ArticleState(mentions=[])
    view = StateView(state, ("mentions",), "t")
    assert view.mentions == []
    assert StateView(ArticleState(), ("times",), "t").times == []  # not produced yet: empty


def test_results_must_match_the_declaration() -> None:
    liar = _stage("t.liar.v1", (), ("places",), lambda doc, ctx, state: {"counts": []})
    with pytest.raises(PipelineError, match="returned"):
        run_stage(liar, None, CTX)  # type: ignore[arg-type]


def test_assigning_an_unknown_field_fails_at_definition() -> None:
    with pytest.raises(PipelineError, match="not fields of ArticleState"):
        _stage("t.bad.v1", (), ("sentiment",), lambda doc, ctx, state: {})


def test_short_names() -> None:
    assert stage_names("events,quotes") == ("chronicler.events.v1", "chronicler.quotes.v1")
    assert stage_names("") == DEFAULT_STAGES
    with pytest.raises(PipelineError, match="unknown stage"):
        resolve_stages(stage_names("sentiment"))


def test_plan_names_are_the_analyzers() -> None:
    from chronicler.nlp.plan import STAGE_NAMES, short

    assert STAGE_NAMES == tuple(s.name for s in ALL_STAGES)
    assert [short(n) for n in STAGE_NAMES] == [s.short for s in ALL_STAGES]
