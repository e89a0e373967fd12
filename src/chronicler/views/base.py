"""Shared pieces of the read models: filters, paging, WHERE fragments, record shapes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from pydantic import BaseModel

from chronicler.errors import UsageError
from chronicler.records import Article, record
from chronicler.store import Store

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 12
DETAIL_CAP = 200  # items of each kind embedded in a detail view (actor mentions, ...)

SearchKind = Literal["article", "quote", "claim"]


@dataclass(frozen=True)
class Filters:
    """Filters shared by the list functions; each function says which it honours.

    ``story``, ``actor`` and ``article`` are ids; ``country`` is an ISO3 or PLOVER code;
    ``type`` is the record's own kind (event type, quote kind, claim kind, actor type);
    ``date_from``/``date_to`` are inclusive; ``outlet`` is matched exactly.
    """

    story: str | None = None
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    outlet: str | None = None
    article: str | None = None
    status: str | None = None  # claims: single, corroborated, contested
    q: str | None = None  # actors: name or alias contains
    # Only records backed by an article stored after this moment (``ingested_at``, the
    # database clock): what a live watch added since a client last looked (issue 17).
    since: _dt.datetime | None = None


class InvalidValue(UsageError):
    """A filter or option value outside its vocabulary (REST: 422, CLI: exit 2)."""

    def __init__(self, param: str, value: str, allowed: Sequence[str] = (),
                 suggestion: str | None = None, hint: str = "") -> None:
        self.param, self.value, self.suggestion = param, value, suggestion
        self.allowed = list(allowed)
        msg = f"{param}: unknown value {value!r}"
        if suggestion:
            msg += f"; did you mean {suggestion!r}?"
        if hint:
            msg += f" ({hint})"
        elif self.allowed and len(self.allowed) <= 40:
            msg += f" (allowed: {', '.join(self.allowed)})"
        super().__init__(msg)



class Page(TypedDict):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def clamp(limit: int | None, offset: int | None) -> tuple[int, int]:
    """Page size between 1 and MAX_LIMIT, offset at least 0."""
    lim = DEFAULT_LIMIT if limit is None else max(1, min(int(limit), MAX_LIMIT))
    return lim, max(0, int(offset or 0))


@dataclass
class _Where:
    """AND-ed SQL conditions with their bound parameters, in order."""

    conds: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.conds)


def _count(store: Store, table: str, w: _Where) -> int:
    sql = f"SELECT count(*) FROM {table}" + (f" WHERE {w.sql}" if w.conds else "")
    row = store.conn.execute(sql, w.params).fetchone()
    return int(row[0]) if row else 0


def _ids(store: Store, table: str, w: _Where, order: str, limit: int, offset: int,
         col: str = "id") -> list[str]:
    sql = f"SELECT {col} FROM {table}" + (f" WHERE {w.sql}" if w.conds else "")
    sql += f" ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}"
    return [r[0] for r in store.conn.execute(sql, w.params).fetchall()]


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _json_list(table: str, path: str) -> str:
    """SQL for a list of strings at a JSON path of a row's payload."""
    return f"json_extract_string({table}.payload, '{path}')"


_STORY_LIST = "(SELECT unnest(json_extract_string(s.payload, '{path}')) FROM stories s WHERE s.id = ?)"


def _in_story(col: str, what: str) -> str:
    return f"{col} IN " + _STORY_LIST.format(path=f"$.{what}[*]")


# --------------------------------------------------------------------------- records
def article_record(a: Article, *, text: bool = True) -> dict[str, Any]:
    d = record("article", a)
    if not text:
        d.pop("text", None)
    return d


def shown_date(value: Any, precision: str | None = None) -> str:
    """A date as precise as it is known: "2025-05" for a month, "2025" for a year,
    never a made-up first day; "" for none."""
    if not value:
        return ""
    iso = value.isoformat() if isinstance(value, _dt.date) else str(value)
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso[:10]


def event_status(e: dict[str, Any]) -> str:
    """How an event is marked on every surface (CLI, web, report, CSV): "denied",
    "hypothetical", "future", "reported by X", or "" when it is told as fact."""
    if e.get("negated"):
        return "denied"
    if e.get("hypothetical"):
        return "hypothetical"
    if e.get("future"):
        return "future"
    rb = e.get("reported_by")
    if rb:
        return f"reported by {rb.get('country') or rb.get('name')}"
    return ""


def _plain(r: BaseModel) -> dict[str, Any]:
    return r.model_dump(mode="json")


def _has_rows(store: Store, table: str) -> bool:
    return store.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def events_table(store: Store) -> str:
    """Merged events once the merge stage has run, else the per-article events."""
    return "events" if _has_rows(store, "events") else "article_events"


def claims_table(store: Store) -> str:
    """Aligned claims once alignment has run, else the per-article claims."""
    return "claims" if _has_rows(store, "claims") else "article_claims"


def _by_ids(records: Iterable[Any], ids: Sequence[str]) -> list[Any]:
    pos = {i: n for n, i in enumerate(ids)}
    return sorted((r for r in records if r.id in pos), key=lambda r: pos[r.id])
