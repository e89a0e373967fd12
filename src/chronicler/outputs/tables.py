"""Typed tables of the records: an Arrow schema for Parquet, flat rows for CSV and pandas.

Both are derived from the pydantic records (:mod:`chronicler.records`), so a new field
shows up in every table with its type:

* :func:`arrow_schema` keeps the structure: dates are DATE, lists are LIST, nested
  records are STRUCT (``select actor[1].country from 'event.parquet'`` works in DuckDB).
* :func:`flat_columns` makes one row per record with scalar columns only, for a
  spreadsheet or R: a nested record's fields get its name as prefix
  (``reported_by_country``; a ``name`` field takes the bare name: ``location``), a list
  of records becomes one column per field with the values joined by ``"; "``
  (``actor_country`` = ``"IND; PAK"``; free text by ``" | "``), a span becomes
  ``start-end``, and a location's coordinates are plain ``lat`` / ``lon``.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from chronicler.records import (
    Actor,
    Article,
    Claim,
    Event,
    Framing,
    Quote,
    Story,
    own_kind_field,
)

MODELS: dict[str, type[BaseModel]] = {
    "article": Article, "actor": Actor, "quote": Quote, "event": Event, "claim": Claim,
    "story": Story, "framing": Framing,
}
JOIN = "; "
TEXT_JOIN = " | "  # free text may hold "; "

Scalar = Literal["str", "int", "float", "bool", "date"]


def _unwrap(t: Any) -> Any:
    """``X | None`` -> ``X``."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    return t


def _scalar(t: Any) -> Scalar | None:
    t = _unwrap(t)
    if typing.get_origin(t) is Literal:
        return "str"
    return {str: "str", int: "int", float: "float", bool: "bool",
            dt.date: "date"}.get(t)  # type: ignore[return-value]


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _fields(kind: str) -> list[tuple[str, str, Any]]:
    """(column name, record attribute, annotation) in the export shape's order."""
    model = MODELS[kind]
    return [(own_kind_field(kind) if n == "kind" else n, n, f.annotation)
            for n, f in model.model_fields.items()]


# ------------------------------------------------------------------ Arrow (Parquet)
def _arrow(t: Any) -> Any:
    import pyarrow as pa

    t = _unwrap(t)
    s = _scalar(t)
    if s:
        return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
                "bool": pa.bool_(), "date": pa.date32()}[s]
    origin = typing.get_origin(t)
    if origin is tuple:  # spans: (start, end)
        return pa.list_(pa.int64())
    if origin is list:
        return pa.list_(_arrow(typing.get_args(t)[0]))
    if _is_model(t):
        return pa.struct([pa.field(n, _arrow(f.annotation))
                          for n, f in t.model_fields.items()])
    return pa.string()


def arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    return pa.schema([pa.field("kind", pa.string())]
                     + [pa.field(col, _arrow(ann)) for col, _, ann in _fields(kind)])


def arrow_table(kind: str, rows: Sequence[dict[str, Any]]) -> Any:
    """Export-shape dicts (JSON values) as an Arrow table of :func:`arrow_schema`."""
    import pyarrow as pa

    model = MODELS[kind]
    typed = []
    for r in rows:
        data = {attr: r.get(col) for col, attr, _ in _fields(kind) if col in r}
        m = model.model_validate(data)  # ISO strings back to dates, lists to tuples
        d = {own_kind_field(kind) if k == "kind" else k: v
             for k, v in m.model_dump().items()}
        typed.append({"kind": kind, **d})
    return pa.Table.from_pylist(typed, schema=arrow_schema(kind))


# ------------------------------------------------------------------ flat (CSV, pandas)
@dataclass(frozen=True)
class Column:
    name: str
    type: Scalar
    get: Callable[[dict[str, Any]], Any]


def _join(values: list[Any], text: bool) -> str | None:
    vals = ["" if v is None else _text(v) for v in values]
    return (TEXT_JOIN if text else JOIN).join(vals) if any(vals) else None


def _text(v: Any) -> str:
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
        return f"{v[0]}-{v[1]}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _sub_name(parent: str, sub: str) -> str:
    if sub == "name":
        return parent
    if parent == "location" and sub in ("lat", "lon"):
        return sub
    return sub if sub.startswith(parent + "_") else f"{parent}_{sub}"


Getter = Callable[[dict[str, Any]], Any]


def _field(c: str) -> Getter:
    return lambda r: r.get(c)


def _span_part(c: str, i: int) -> Getter:
    return lambda r: (r.get(c) or [None, None])[i]


def _inside(c: str, g: Getter) -> Getter:
    return lambda r: g(r[c]) if r.get(c) else None


def _joined(c: str, k: str | None) -> Getter:
    """A list field's values (or the ``k`` field of each record in it), joined."""
    if k is None:
        return lambda r: _join(list(r.get(c) or []), c == "text")
    return lambda r: _join([x.get(k) for x in r.get(c) or []], k == "text")


def _length(c: str) -> Getter:
    return lambda r: len(r.get(c) or [])


def _text_of(c: str) -> Getter:
    return lambda r: None if r.get(c) is None else str(r[c])


def _columns_for(col: str, ann: Any) -> list[Column]:
    t = _unwrap(ann)
    s = _scalar(t)
    if s:
        return [Column(col, s, _field(col))]
    origin = typing.get_origin(t)
    if origin is tuple:
        return [Column(f"{col}_start", "int", _span_part(col, 0)),
                Column(f"{col}_end", "int", _span_part(col, 1))]
    if _is_model(t):
        return [Column(_sub_name(col, inner.name), inner.type, _inside(col, inner.get))
                for sub, f in t.model_fields.items() for inner in _columns_for(sub, f.annotation)]
    if origin is list:
        item = _unwrap(typing.get_args(t)[0])
        if _is_model(item):
            out = [Column(_sub_name(col, sub), "str", _joined(col, sub))
                   for sub, f in item.model_fields.items()
                   # a list inside a list of records: left to Parquet and JSONL
                   if typing.get_origin(_unwrap(f.annotation)) is not list]
            out.append(Column(f"n_{col}", "int", _length(col)))
            return out
        return [Column(col, "str", _joined(col, None))]
    return [Column(col, "str", _text_of(col))]


def flat_columns(kind: str) -> list[Column]:
    cols = [Column("kind", "str", lambda r: r.get("kind"))]
    for col, _, ann in _fields(kind):
        cols.extend(_columns_for(col, ann))
    if kind == "event":
        from chronicler.views.base import event_status, shown_date

        cols.append(Column("status", "str", event_status))
        cols.append(Column("date_shown", "str",
                           lambda r: shown_date(r.get("date"), r.get("date_precision"))))
    seen: set[str] = set()
    out = []
    for c in cols:  # a flattened name may repeat a field's own name: keep the first
        if c.name not in seen:
            seen.add(c.name)
            out.append(c)
    return out


def flat_rows(kind: str, rows: Sequence[dict[str, Any]]) -> tuple[list[Column],
                                                                  list[dict[str, Any]]]:
    cols = flat_columns(kind)
    return cols, [{c.name: c.get(r) for c in cols} for r in rows]


def frame(kind: str, rows: Sequence[dict[str, Any]]) -> Any:
    """A pandas DataFrame of the flat rows with real dtypes: datetime64 dates,
    nullable Int64 / boolean, float64, and pandas strings."""
    import pandas as pd

    cols, flat = flat_rows(kind, rows)
    df = pd.DataFrame(flat, columns=[c.name for c in cols])
    for c in cols:
        if c.type == "date":
            df[c.name] = pd.to_datetime(df[c.name], errors="coerce")
        elif c.type == "int":
            df[c.name] = pd.array(df[c.name], dtype="Int64")
        elif c.type == "float":
            df[c.name] = pd.to_numeric(df[c.name]).astype("float64")
        elif c.type == "bool":
            df[c.name] = pd.array(df[c.name], dtype="boolean")
        else:
            df[c.name] = df[c.name].astype("string")
    return df
