"""Coding made-up sentences with the events pipeline, for the event tests."""

from __future__ import annotations

import datetime as dt

from chronicler.nlp.stages import ArticleContext, run_plan
from chronicler.records import Event

PUB = dt.date(2005, 1, 1)


def code(analyzer, text: str, published: dt.date = PUB) -> list[Event]:  # type: ignore[no-untyped-def]
    """The events of ``text`` read as one article published on ``published``."""
    state = run_plan(analyzer.plan, analyzer.nlp(text),
                     ArticleContext(article_id="t", published=published))
    return list(state.events or [])


def side(e: Event, which: str) -> set[str]:
    """The countries of an event's ``actor`` or ``recipient``."""
    return {a.country for a in getattr(e, which) if a.country}
