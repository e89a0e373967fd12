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


def asserted(analyzer, text: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    """``triples`` of the events ``text`` asserts (the hypothetical ones left out)."""
    return [(e.type, side(e, "actor"), side(e, "recipient")) for e in code(analyzer, text)
            if not e.hypothetical]


def all_flagged(analyzer, text: str, flag: str, type_: str | None = None  # type: ignore[no-untyped-def]
                ) -> bool:
    """Does ``text`` code events (of ``type_``, if given), each with ``flag`` set
    (``negated``, ``future``, ``hypothetical``)?"""
    evs = [e for e in code(analyzer, text) if type_ is None or e.type == type_]
    return bool(evs) and all(getattr(e, flag) for e in evs)
