"""Parse articles and run the understanding stages: Article in, Analysis out."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from typing import Any

from chronicler.config import Settings
from chronicler.errors import PipelineError
from chronicler.nlp.actors.stage import STAGE as ACTORS
from chronicler.nlp.claims.stage import STAGE as CLAIMS
from chronicler.nlp.counts import STAGE as COUNTS
from chronicler.nlp.events.coder import STAGE as EVENTS
from chronicler.nlp.model import load_spacy
from chronicler.nlp.places.stage import STAGE as PLACES
from chronicler.nlp.plan import (  # noqa: F401 - re-exported: the analyzer's names
    model_tag,
    required_provenance,
    stage_names,
    wants_compare,
)
from chronicler.nlp.quotes.stage import STAGE as QUOTES
from chronicler.nlp.stages import (
    ArticleContext,
    Plan,
    Stage,
    check_plan,
    model_provides,
    run_plan,
)
from chronicler.nlp.timex import STAGE as TIMEX
from chronicler.records import Analysis, Article

# Every per-article stage, in execution order.
ALL_STAGES: tuple[Stage, ...] = (ACTORS, TIMEX, PLACES, COUNTS, QUOTES, EVENTS, CLAIMS)
BY_NAME: dict[str, Stage] = {s.name: s for s in ALL_STAGES}
DEFAULT_STAGES: tuple[str, ...] = tuple(s.name for s in ALL_STAGES)
# Touches every stage's lazily loaded data: titles, capitals, places, dates, counts,
# quotes with a speaker, an event and a denial.
_WARM_UP_TEXT = (
    "ISLAMABAD, May 12 — Pakistan's Foreign Minister Ishaq Dar said on Saturday that "
    "Indian strikes on Muridke killed 26 civilians, and New Delhi denied the claim.\n\n"
    '"We will respond," Dar told reporters in Lahore. The United Nations urged both '
    "sides to show restraint after last week's attack in Pahalgam."
)


def resolve_stages(names: Sequence[str]) -> list[Stage]:
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        raise PipelineError(f"unknown stage(s) {unknown}; known: "
                            + ", ".join(f"{s.short} ({s.name})" for s in ALL_STAGES))
    return [BY_NAME[n] for n in names]


def anchor(article: Article) -> str:
    """What an analysis depends on besides the text and the stages: the publication date
    relative dates resolve against. Recorded in the provenance, so an analysis made
    before the corpus lent the article a year is known to be stale."""
    return f"anchor:{article.published.isoformat() if article.published else 'none'}"


_frozen = False


def _freeze_loaded() -> None:
    """Take what loading made out of the garbage collector's walks, once per process
    (the first analyzer). The model, the stage tables and the field dictionaries are
    hundreds of thousands of objects that live as long as the process, and CPython's
    full collection walks every tracked object: with them in it, each full collection
    the articles' own objects set off cost about 0.2 s of a 100-article batch's event
    coding. (Frozen objects are never collected: garbage made before this, collected
    first, is not frozen; tables loaded later stay in the collector's generations.)"""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


class Analyzer:
    """Holds the loaded model and the checked stage plan; reuse it across batches."""

    def __init__(self, settings: Settings | None = None,
                 stages: Sequence[str] | None = None) -> None:
        self.settings = settings or Settings.from_env()
        chosen = resolve_stages(stages if stages is not None
                                else stage_names(self.settings.stages))
        patterns: list[dict[str, Any]] = []
        for st in chosen:
            if st.patterns is not None:
                patterns += st.patterns()
        self.nlp = load_spacy(self.settings.spacy_model, patterns=patterns)
        self.plan: Plan = check_plan(chosen, model_provides(self.nlp))
        meta = self.nlp.meta
        self.model_version = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
        self._warm_up()
        _freeze_loaded()

    def _warm_up(self) -> None:
        """Run the plan once on a made-up article: stages load their tables (gazetteer,
        city names, pattern indexes) on first use, and that belongs to loading, not to
        the first batch's articles."""
        for st in self.plan.stages:
            if st.load is not None:
                st.load()
        art = Article(id="warm-up", text=_WARM_UP_TEXT, source_path="<warm-up>",
                      source_kind="txt", text_hash="0", published=dt.date(2025, 5, 12))
        self.analyze_batch([art])

    @property
    def provenance(self) -> list[str]:
        return [self.model_version, *self.plan.provenance]

    def analyze_batch(self, articles: Sequence[Article], batch_size: int = 32) -> list[Analysis]:
        out = []
        docs = self.nlp.pipe((a.text for a in articles), batch_size=batch_size)
        for a, doc in zip(articles, docs, strict=True):
            ctx = ArticleContext(article_id=a.id, published=a.published, outlet=a.outlet,
                                 title=a.title)
            state = run_plan(self.plan, doc, ctx).produced()
            fields = {k: v for k, v in state.items() if k in Analysis.model_fields}
            out.append(Analysis(article_id=a.id,
                                provenance=[*self.provenance, model_tag(self.settings),
                                            anchor(a)], **fields))
        return out

    def analyze(self, article: Article) -> Analysis:
        return self.analyze_batch([article])[0]
