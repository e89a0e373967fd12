"""Record <-> row mapping for the per-article tables.

One mapping for every record kind: scalar fields are columns, tuples (spans) are
DuckDB lists, nested records are JSON text. ``from_row`` gives back a record equal to
the one written (the round-trip test holds this).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from chronicler.records import Count, Mention, Place, Quote, TimeExpr


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
