"""Parse articles and run the understanding stages: Article in, Analysis out."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from chronicler.config import Settings
from chronicler.nlp.model import load_spacy
from chronicler.nlp.stages import (
    REGISTRY,
    ArticleContext,
    Plan,
    Stage,
    check_plan,
    model_provides,
    run_plan,
)
from chronicler.records import Analysis, Article

# Stage modules register themselves on import; order here is execution order.
DEFAULT_STAGES: tuple[str, ...] = (
    "chronicler.actors.v1",
    "chronicler.timex.v1",
    "chronicler.places.v1",
    "chronicler.counts.v1",
    "chronicler.quotes.v1",
    "chronicler.events.v1",
    "chronicler.claims.v1",
)
_STAGE_MODULES = ("actors", "timex", "places", "counts", "quotes", "chronicler.events.coder",
                  "claims")


def _load_stage_modules() -> None:
    # A bare name is a module of chronicler.nlp; a dotted one is imported as given
    # (e.g. "chronicler.events.coder").
    for m in _STAGE_MODULES:
        importlib.import_module(m if "." in m else f"chronicler.nlp.{m}")


def resolve_stages(names: Sequence[str]) -> list[Stage]:
    _load_stage_modules()
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        from chronicler.errors import PipelineError

        raise PipelineError(f"unknown stage(s) {unknown}; known: {sorted(REGISTRY)}")
    return [REGISTRY[n] for n in names]


class Analyzer:
    """Holds the loaded model and the checked stage plan; reuse it across batches."""

    def __init__(self, settings: Settings | None = None,
                 stages: Sequence[str] = DEFAULT_STAGES) -> None:
        self.settings = settings or Settings.from_env()
        chosen = resolve_stages(stages)
        patterns: list[dict[str, Any]] = []
        for st in chosen:
            if st.patterns is not None:
                patterns += st.patterns()
        self.nlp = load_spacy(self.settings.spacy_model, patterns=patterns)
        self.plan: Plan = check_plan(chosen, model_provides(self.nlp))
        meta = self.nlp.meta
        self.model_version = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"

    @property
    def provenance(self) -> list[str]:
        return [self.model_version, *self.plan.provenance]

    def analyze_batch(self, articles: Sequence[Article], batch_size: int = 32) -> list[Analysis]:
        out = []
        docs = self.nlp.pipe((a.text for a in articles), batch_size=batch_size)
        for a, doc in zip(articles, docs, strict=True):
            ctx = ArticleContext(article_id=a.id, published=a.published, outlet=a.outlet,
                                 title=a.title)
            state = run_plan(self.plan, doc, ctx)
            fields = {k: v for k, v in state.items() if k in Analysis.model_fields}
            out.append(Analysis(article_id=a.id, provenance=self.provenance, **fields))
        return out

    def analyze(self, article: Article) -> Analysis:
        return self.analyze_batch([article])[0]
