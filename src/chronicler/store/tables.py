"""Record <-> row mapping for the per-article tables.

One mapping for every record kind: scalar fields are columns, tuples (spans) are
DuckDB lists, nested records are JSON text. ``from_row`` gives back a record equal to
the one written (the round-trip test holds this).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from chronicler.records import Claim, Count, Event, Framing, Mention, Place, Quote, Story, TimeExpr


@dataclass(frozen=True)
class TableSpec:
    table: str
    model: type[BaseModel]
    json_fields: frozenset[str] = frozenset()

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)

    def to_row(self, rec: BaseModel) -> list[Any]:
        row = []
        for c in self.columns:
            v = getattr(rec, c)
            if c in self.json_fields:
                v = None if v is None else json.dumps(
                    v.model_dump(mode="json") if isinstance(v, BaseModel) else v)
            elif isinstance(v, tuple):
                v = list(v)
            row.append(v)
        return row

    def from_row(self, row: tuple[Any, ...]) -> BaseModel:
        d = dict(zip(self.columns, row, strict=True))
        for c in self.json_fields:
            if d[c] is not None:
                d[c] = json.loads(d[c])
        return self.model.model_validate(d)


PER_ARTICLE: dict[str, TableSpec] = {
    "mentions": TableSpec("mentions", Mention),
    "times": TableSpec("times", TimeExpr),
    "places": TableSpec("places", Place),
    "counts": TableSpec("counts", Count),
    "quotes": TableSpec("quotes", Quote, frozenset({"speaker"})),
}


def _countries(parties: list[Any]) -> list[str]:
    return sorted({p.country for p in parties if p.country})


@dataclass(frozen=True)
class JsonSpec:
    """A table holding whole records as JSON plus a few query columns."""

    table: str
    model: type[BaseModel]
    columns_fn: Callable[[Any], dict[str, Any]]

    def to_row(self, rec: BaseModel) -> dict[str, Any]:
        return {**self.columns_fn(rec), "payload": rec.model_dump_json()}

    def from_payload(self, payload: str) -> BaseModel:
        return self.model.model_validate_json(payload)


def _event_cols(e: Event) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "date": e.date,
            "actor_countries": _countries(e.actor), "recipient_countries": _countries(e.recipient)}


JSON_TABLES: dict[str, JsonSpec] = {
    "article_events": JsonSpec("article_events", Event, lambda e: {
        **_event_cols(e), "article_id": e.article_ids[0] if e.article_ids else ""}),
    "article_claims": JsonSpec("article_claims", Claim, lambda c: {
        "id": c.id, "article_id": c.article_ids[0] if c.article_ids else ""}),
    "events": JsonSpec("events", Event, lambda e: {
        **_event_cols(e), "n_articles": e.n_articles, "n_sources": e.n_sources}),
    "claims": JsonSpec("claims", Claim, lambda c: {
        "id": c.id, "status": c.status, "n_sources": c.n_sources, "story_id": c.story_id}),
    "stories": JsonSpec("stories", Story, lambda s: {
        "id": s.id, "title": s.title, "start": s.start, "end": s.end}),
    "framing": JsonSpec("framing", Framing, lambda f: {
        "story_id": f.story_id, "referent": f.referent}),
}
