"""The per-article stage contract: what a stage reads, what it adds, checked at load.

A stage is a pure function ``run(doc, ctx, state) -> dict`` over a spaCy ``Doc``.
``state`` is a read-only view of the typed :class:`ArticleState` that earlier stages
filled in; the stage may read only the fields it declares in ``requires`` (reading any
other raises :class:`PipelineError`, so an undeclared dependency fails in the first test
that exercises it, not in production). What it returns must be exactly its ``assigns``,
each a field of :class:`ArticleState`.

Requirements are names of two kinds:

* spaCy attributes the model's components assign (``doc.ents``, ``token.dep``, ... as
  listed by ``nlp.get_pipe_meta(name).assigns``);
* fields of :class:`ArticleState` assigned by an earlier stage (``mentions``, ...).

:func:`check_plan` fails fast when a stage requires something that neither the model
nor an earlier stage provides. Cross-article stages are a different kind
(:mod:`chronicler.corpus`): they read stored records, never a ``Doc``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chronicler.errors import PipelineError
from chronicler.records import Actor, Claim, Count, Event, Mention, Place, Quote, TimeExpr


@dataclass(frozen=True)
class ArticleContext:
    """What a stage may know about the article besides its text."""

    article_id: str
    published: date | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass
class ArticleState:
    """Everything the per-article stages produce for one article, one field per result.

    ``None`` means "no stage has produced it"; the fields that are ``Analysis`` fields
    are stored, the others (``operations``, ``event_links``) live only for the article's
    run.
    """

    actors: list[Actor] | None = None
    mentions: list[Mention] | None = None
    times: list[TimeExpr] | None = None
    places: list[Place] | None = None
    counts: list[Count] | None = None
    quotes: list[Quote] | None = None
    events: list[Event] | None = None
    operations: list[str] | None = None  # named operations, canonical names
    event_links: dict[str, Any] | None = None  # rejection -> accusation links
    claims: list[Claim] | None = None

    def produced(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None}


STATE_FIELDS: frozenset[str] = frozenset(f.name for f in fields(ArticleState))


class StateView:
    """What one stage may read of the state: its declared ``requires``, nothing else.

    ``view.mentions`` is the list the actors stage produced (``[]`` when that stage ran
    and found nothing). Reading a field the stage did not declare is a contract error.
    """

    __slots__ = ("_state", "_allowed", "_stage")

    def __init__(self, state: ArticleState, allowed: Iterable[str], stage: str) -> None:
        self._state = state
        self._allowed = frozenset(allowed)
        self._stage = stage

    def __getattr__(self, name: str) -> Any:
        if name not in STATE_FIELDS:
            raise AttributeError(name)
        if name not in self._allowed:
            raise PipelineError(f"stage {self._stage} reads {name!r} but does not declare it "
                                f"in requires ({', '.join(sorted(self._allowed)) or 'none'})")
        value = getattr(self._state, name)
        return [] if value is None else value


State = StateView
Result = dict[str, Any]


@dataclass(frozen=True)
class Stage:
    name: str  # versioned, recorded as provenance: "chronicler.quotes.v1"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Doc, ArticleContext, StateView], Result]
    # EntityRuler patterns this stage wants in the parse (optional).
    patterns: Callable[[], list[dict[str, Any]]] | None = None
    # Loads the stage's tables up front (optional): a table first needed by some rare
    # branch would otherwise load in the middle of an ingest.
    load: Callable[[], object] | None = None
    doc: str = ""

    def __post_init__(self) -> None:
        bad = [a for a in self.assigns if a not in STATE_FIELDS]
        if bad:
            raise PipelineError(f"stage {self.name} assigns {bad}, which are not fields of "
                                f"ArticleState ({', '.join(sorted(STATE_FIELDS))})")

    @property
    def short(self) -> str:
        """"chronicler.events.v1" -> "events": the name users write in settings."""
        parts = self.name.split(".")
        return parts[1] if len(parts) == 3 else self.name


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


def run_stage(st: Stage, doc: Doc, ctx: ArticleContext,
              state: ArticleState | None = None) -> ArticleState:
    """Run one stage and add its results to ``state`` (a new one when None)."""
    state = ArticleState() if state is None else state
    result = st.run(doc, ctx, StateView(state, st.requires, st.name))
    if set(result) != set(st.assigns):
        raise PipelineError(f"stage {st.name} returned {sorted(result)}, "
                            f"declared {sorted(st.assigns)}")
    for k, v in result.items():
        setattr(state, k, v)
    return state


def run_plan(plan: Plan, doc: Doc, ctx: ArticleContext) -> ArticleState:
    state = ArticleState()
    for st in plan.stages:
        run_stage(st, doc, ctx, state)
    return state
