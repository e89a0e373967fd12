"""The stage plan by name, without importing spaCy or any stage.

The run driver asks which stages a setting selects, whether the comparison runs and
what a current analysis must have been made with, often for runs that turn out to have
nothing to analyse: answering from names keeps such a run free of the ~3 s spaCy
import. ``tests/test_stage_contract.py`` checks that these names are the analyzer's.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicler.config import Settings

# Every per-article stage, in execution order (chronicler.nlp.analyzer.ALL_STAGES).
STAGE_NAMES: tuple[str, ...] = (
    "chronicler.actors.v1", "chronicler.timex.v1", "chronicler.places.v1",
    "chronicler.counts.v1", "chronicler.quotes.v1", "chronicler.events.v1",
    "chronicler.claims.v1",
)
CLAIMS = "chronicler.claims.v1"


def short(name: str) -> str:
    """"chronicler.events.v1" -> "events": the name users write in settings."""
    parts = name.split(".")
    return parts[1] if len(parts) == 3 else name


def stage_names(spec: str) -> tuple[str, ...]:
    """Full stage names for a ``Settings.stages`` value: "" means every stage; a short
    name ("events") stands for the stage ``chronicler.events.v<n>``."""
    wanted = [w.strip() for w in spec.split(",") if w.strip()]
    if not wanted:
        return STAGE_NAMES
    by_short = {short(n): n for n in STAGE_NAMES}
    return tuple(by_short.get(w, w) for w in wanted)


def wants_compare(spec: str) -> bool:
    """The cross-article comparison aligns the claims stage's output."""
    return CLAIMS in stage_names(spec)


def model_tag(settings: Settings) -> str:
    """The language model an analysis was made with, as the settings name it."""
    return f"model:{settings.spacy_model}"


def required_provenance(settings: Settings) -> list[str]:
    """What a stored analysis must have been made with to be current: these stages and
    this model (its date anchor is checked against the article apart)."""
    names: Sequence[str] = stage_names(settings.stages)
    return [*names, model_tag(settings)]
