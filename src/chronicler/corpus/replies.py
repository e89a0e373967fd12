"""An undated reply takes the date of the event it answers (before the event merge).

Pure functions over ``Event`` records; ``chronicler.corpus.events`` calls
``date_replies`` on each block before it merges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from chronicler.records import Event, EventActor


def _countries(actors: Iterable[EventActor]) -> tuple[str, ...]:
    return tuple(sorted({a.country for a in actors if a.country}))


# Sentences of one article whose spans are at most this far apart are adjacent: only
# white space (a space, a paragraph break) lies between them.
ADJACENT_GAP = 3


def _sides(e: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _countries(e.actor), _countries(e.recipient)


def date_replies(events: Sequence[Event]) -> list[Event]:
    """An undated event that answers the event of the sentence just before it takes that
    event's date: "Pakistan struck on May 10 ... [paragraph break] India hit back by
    targeting nine sites" is one narrative, and the reply is of the same day. A reply is
    of the same type with the sides reversed (each side named), in the very next
    sentence of the same article (``ADJACENT_GAP``), neither negated, hypothetical,
    future nor historical. The events stage dates an undated verb event from an earlier
    sentence of its paragraph; this is the one case across a paragraph break, and it
    needs the reversal, not the mere order of sentences. Nothing else changes; the
    result does not depend on the input order (each article's events are visited by
    position)."""
    by_article: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if len(e.article_ids) == 1 and len(e.evidence) == 1:
            by_article[e.article_ids[0]].append(e)
    dated: dict[str, Event] = {}
    for aid in sorted(by_article):
        evs = sorted(by_article[aid], key=lambda e: (tuple(e.evidence[0].span), e.id))
        for prev in evs:
            if prev.date is None or prev.date_precision != "day" or _flagged(prev):
                continue
            acts, recs = _sides(prev)
            if not acts or not recs:
                continue
            end = prev.evidence[0].span[1]
            for e in evs:
                start = e.evidence[0].span[0]
                if e.date is not None or e.id in dated or _flagged(e) or e.type != prev.type \
                        or not 0 <= start - end <= ADJACENT_GAP or _sides(e) != (recs, acts):
                    continue
                dated[e.id] = prev
    if not dated:
        return list(events)
    return [e.model_copy(update={"date": dated[e.id].date, "date_precision": "day"})
            if e.id in dated else e for e in events]


def _flagged(e: Event) -> bool:
    return e.negated or e.hypothetical or e.future or e.historical
