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


def triples(analyzer, text: str, published: dt.date = PUB  # type: ignore[no-untyped-def]
            ) -> list[tuple[str, set[str], set[str]]]:
    """Each event of ``text`` as (type, actor countries, recipient countries)."""
    return [(e.type, side(e, "actor"), side(e, "recipient")) for e in code(analyzer, text, published)]
