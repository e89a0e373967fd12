"""Stages declare what they need and what they add; building fails fast.

A stage is a pure function ``run(doc, ctx, state) -> dict`` whose returned keys are
exactly its ``assigns``; ``state`` holds what earlier stages assigned. Requirements
are names: spaCy attributes assigned by the model's components (``doc.ents``,
``token.dep``, ... as listed by ``nlp.get_pipe_meta(name).assigns``) or keys assigned
by earlier stages (``mentions``, ``actors``, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chronicler.errors import PipelineError

State = dict[str, Any]


@dataclass(frozen=True)
class ArticleContext:
    """What a stage may know about the article besides its text."""

    article_id: str
    published: date | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Stage:
    name: str  # versioned, recorded as provenance: "chronicler.quotes.v1"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Doc, ArticleContext, State], State]
    # EntityRuler patterns this stage wants in the parse (optional).
    patterns: Callable[[], list[dict[str, Any]]] | None = None
    # Loads the stage's tables up front (optional): a table first needed by some rare
    # branch would otherwise load in the middle of an ingest.
    load: Callable[[], object] | None = None
    doc: str = ""


REGISTRY: dict[str, Stage] = {}


def register(stage: Stage) -> Stage:
    REGISTRY[stage.name] = stage
    return stage


@dataclass
class Plan:
    stages: list[Stage] = field(default_factory=list)

    @property
    def provenance(self) -> list[str]:
        return [s.name for s in self.stages]


def model_provides(nlp: Language) -> set[str]:
    provided: set[str] = {"token.text", "token.idx", "token.is_punct", "token.like_num",
                          "token.is_stop", "token.shape"}
    for name in nlp.pipe_names:
        provided.update(nlp.get_pipe_meta(name).assigns)
    return provided


def check_plan(stages: Sequence[Stage], provided: Iterable[str]) -> Plan:
    """Fail fast: every requirement must be met by the model or an earlier stage."""
    have = set(provided)
    seen: set[str] = set()
    for st in stages:
        if st.name in seen:
            raise PipelineError(f"stage {st.name} is listed twice")
        seen.add(st.name)
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {st.name} requires {', '.join(missing)}, which no spaCy component "
                f"or earlier stage provides (have: {', '.join(sorted(have))})"
            )
        have.update(st.assigns)
    return Plan(list(stages))


def run_plan(plan: Plan, doc: Doc, ctx: ArticleContext) -> State:
    state: State = {}
    for st in plan.stages:
        result = st.run(doc, ctx, state)
        extra = set(result) - set(st.assigns)
        if extra:
            raise PipelineError(f"stage {st.name} assigned undeclared keys {sorted(extra)}")
        state.update(result)
    return state
