"""An ``Event`` as a PLOVER-style JSON object.

PLOVER (and POLECAT, which codes in it) name the fields of an event as below; ONTOLOGY.md
restates them. The mapping, field by field:

================  ==============================================================
PLOVER field       from the Event
================  ==============================================================
event_id          ``id``
event_date        ``date`` (ISO; the first day of the month/year for coarser dates)
date_precision    ``date_precision`` (day, month, year)
event_type        ``type``
mode              the first of ``mode`` (PLOVER has one), "" when none
modes             ``mode`` (all, in order: chronicler may find several)
context           ``contexts``
actor             names of ``actor``; ``actor_country``, ``actor_sector``,
                  ``actor_id``: parallel lists
recipient         likewise for ``recipient``
event_loc         ``location`` as {name, country, lat, lon}, or null
event_text        the first evidence sentence
story_ids         ``article_ids``
size              {dead, injured} or null
negated, future,  the auxiliary modes, as booleans
hypothetical,
historical
plover_score      ``score`` (the conflict–cooperation scale, -10..10)
cameo             ``cameo`` (root code)
================  ==============================================================

chronicler's own fields follow: ``reported_by`` ({name, country, sector} or null),
``operation``, ``trigger``, ``pattern``, ``n_articles``, ``n_sources`` and ``evidence``
(every {article_id, text, span}).
"""

from __future__ import annotations

from typing import Any

from chronicler.records import Event, EventActor


def _people(actors: list[EventActor], prefix: str) -> dict[str, Any]:
    return {prefix: [a.name for a in actors],
            f"{prefix}_country": [a.country for a in actors],
            f"{prefix}_sector": [a.sector for a in actors],
            f"{prefix}_id": [a.actor_id for a in actors]}


def to_plover(event: Event) -> dict[str, Any]:
    """The PLOVER-style dict of ``event`` (JSON-ready: strings, numbers, lists, null)."""
    e = event
    out: dict[str, Any] = {
        "event_id": e.id,
        "event_date": e.date.isoformat() if e.date else None,
        "date_precision": e.date_precision,
        "event_type": e.type,
        "mode": e.mode[0] if e.mode else "",
        "modes": list(e.mode),
        "context": list(e.contexts),
        **_people(e.actor, "actor"),
        **_people(e.recipient, "recipient"),
        "event_loc": None if e.location is None else {
            "name": e.location.name, "country": e.location.country,
            "lat": e.location.lat, "lon": e.location.lon},
        "event_text": e.evidence[0].text if e.evidence else "",
        "story_ids": list(e.article_ids),
        "size": None if e.size is None else {"dead": e.size.dead, "injured": e.size.injured},
        "negated": e.negated,
        "future": e.future,
        "hypothetical": e.hypothetical,
        "historical": e.historical,
        "plover_score": e.score,
        "cameo": e.cameo,
        "reported_by": None if e.reported_by is None else {
            "name": e.reported_by.name, "country": e.reported_by.country,
            "sector": e.reported_by.sector},
        "operation": e.operation,
        "trigger": e.trigger,
        "pattern": e.pattern,
        "n_articles": e.n_articles,
        "n_sources": e.n_sources,
        "evidence": [{"article_id": ev.article_id, "text": ev.text, "span": list(ev.span)}
                     for ev in e.evidence],
    }
    return out
