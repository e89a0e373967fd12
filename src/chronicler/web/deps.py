"""What routes share: a store per request, typed query parameters, the template env."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from pydantic import AfterValidator, BeforeValidator

from chronicler.errors import Busy, StoreError
from chronicler.store import Store, open_store
from chronicler.views.query import MAX_LIMIT

# ------------------------------------------------------------------ store per request


class CursorStore(Store):
    """A :class:`Store` over a cursor of the app's connection. DuckDB cursors are
    independent connections to the same database: one per request or job thread."""

    def __init__(self, base: Store) -> None:  # no super().__init__: nothing to open
        self.path = base.path
        self.conn = base.conn.cursor()


class ReadConnections:
    """The server's read-only connection to the database file, shared by the requests
    in flight (each gets a cursor) and closed after ``idle_s`` without one.

    Why: DuckDB lets many processes read a file, or one write it. Holding a read-only
    connection lets ``chronicler claims`` (and every other read command) run in a
    terminal while the server runs; closing it when idle lets ``chronicler ingest``
    take the write lock (it waits for it, saying so). The server's own ingest job
    writes through :meth:`writer`, which closes the shared reader first; requests
    during the job then share the job's connection (``store.health.connect``).
    """

    def __init__(self, path: str, idle_s: float = 2.0) -> None:
        self.path = str(path)
        self.idle_s = idle_s
        self._lock = threading.Lock()
        self._base: Store | None = None
        self._users = 0
        self._timer: threading.Timer | None = None

    def acquire(self) -> Store:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._base is None:
                self._base = open_store(self.path, read_only=True)
            self._users += 1
            return CursorStore(self._base)

    def release(self, store: Store) -> None:
        store.close()
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._base is not None:
                self._timer = threading.Timer(self.idle_s, self._close_if_idle)
                self._timer.daemon = True
                self._timer.start()

    def _close_if_idle(self) -> bool:
        with self._lock:
            if self._users == 0 and self._base is not None:
                self._base.close()
                self._base = None
            return self._base is None

    def writer(self, timeout: float = 30.0) -> Store:
        """A read-write store for an ingest job, once no request holds the reader."""
        deadline = time.monotonic() + timeout
        while True:
            if self._close_if_idle():
                try:
                    return open_store(self.path)
                except StoreError:
                    if time.monotonic() > deadline:
                        raise
            elif time.monotonic() > deadline:
                raise Busy("the database stayed busy with reads; try the ingest again")
            time.sleep(0.05)

    @property
    def conn(self) -> Any:
        """A connection for a quick look (tests, tools); closed by :meth:`close`."""
        with self._lock:
            if self._base is None:
                self._base = open_store(self.path, read_only=True)
            return self._base.conn

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._base is not None:
                self._base.close()
                self._base = None


def get_store(request: Request) -> Iterator[Store]:
    shared = request.app.state.store
    if isinstance(shared, ReadConnections):
        store = shared.acquire()
        try:
            yield store
        finally:
            shared.release(store)
        return
    store = CursorStore(shared)
    try:
        yield store
    finally:
        store.close()


# ------------------------------------------------------------------ query parameters
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")]
IdParam = Annotated[str | None, Query(max_length=64)]
Country = Annotated[str | None, Query(
    max_length=60, description="ISO3 or PLOVER code, or a country name (India: IND)")]
Outlet = Annotated[str | None, Query(max_length=200)]
TypeParam = Annotated[str | None, Query(
    max_length=40, description="PLOVER type (ASSAULT, AGREE, ...), any case")]


def known_params(request: Request) -> None:
    """Refuse a query parameter the route does not take (``statu=contested`` would
    otherwise be ignored and answer everything), naming the nearest one."""
    from chronicler.views.validate import InvalidValue, nearest

    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= {p.alias for p in sub.query_params}
    for key in request.query_params:
        if key not in names:
            raise InvalidValue("query", key, sorted(names), nearest(key, names),
                               hint=f"this endpoint takes: {', '.join(sorted(names))}"
                               if names else "this endpoint takes no parameters")


def _iso_date(v: Any) -> Any:
    # pydantic also reads "0" or "1700000000" as Unix times: a date here is YYYY-MM-DD.
    if isinstance(v, str) and not _ISO_DATE.fullmatch(v):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return v


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DateFrom = Annotated[dt.date | None, BeforeValidator(_iso_date),
                     Query(alias="from", description="inclusive ISO date")]


def _utc_naive(v: dt.datetime | None) -> dt.datetime | None:
    # The store keeps naive timestamps on the database clock; an offset given is honoured.
    if v is not None and v.tzinfo is not None:
        return v.astimezone(dt.UTC).replace(tzinfo=None)
    return v


def _iso_time(v: Any) -> Any:
    # As for dates: a timestamp here is ISO 8601 (pydantic would read "0.5" as Unix time).
    if isinstance(v, str) and not _ISO_TIME.fullmatch(v):
        raise ValueError("expected an ISO timestamp, YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]")
    return v


_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")
Since = Annotated[dt.datetime | None, BeforeValidator(_iso_time), AfterValidator(_utc_naive),
                  Query(description="only records from articles stored after this moment "
                                    "(ISO timestamp; /api/live/new answers the database's "
                                    "`now`)")]
DateTo = Annotated[dt.date | None, BeforeValidator(_iso_date),
                   Query(alias="to", description="inclusive ISO date")]
SearchQ = Annotated[str, Query(max_length=200, description='words or "quoted phrases"')]


def page_date(value: str | None, name: str) -> dt.date | None:
    """A date from an HTML form field: empty means no filter."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise HTTPException(422, f"{name}: {value[:40]!r} is not an ISO date (YYYY-MM-DD)") from e


def opt(value: str | None) -> str | None:
    """An HTML form field: empty means no filter."""
    return value.strip() or None if value else None


# ------------------------------------------------------------------ templates
def safe_url(url: Any) -> str | None:
    """Only http(s) links reach an href: a stored ``javascript:`` URL becomes no link."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        scheme = urlsplit(u).scheme.lower()
    except ValueError:
        return None
    return u if scheme in ("http", "https") and not any(c in u for c in "\r\n\t") else None


def who(parties: Any) -> str:
    out = []
    for p in parties or []:
        if not p:
            continue
        extra = "/".join(x for x in (p.get("country"), p.get("sector")) if x)
        out.append(f"{p.get('name')}" + (f" ({extra})" if extra else ""))
    return ", ".join(out)


def score_class(score: Any) -> str:
    try:
        s = float(score)
    except (TypeError, ValueError):
        return "score-none"
    return "score-neg" if s < 0 else "score-pos" if s > 0 else "score-zero"


def number(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def mark_tokens(text: Any, toks: Any) -> Markup:
    """``text`` escaped, with every case-insensitive occurrence of a search token in
    ``<mark class="hit">``."""
    s = str(text or "")
    low = s.lower()
    spans: list[tuple[int, int]] = []
    for t in toks or []:
        t = str(t).lower()
        i = low.find(t) if t else -1
        while i >= 0:
            spans.append((i, i + len(t)))
            i = low.find(t, i + len(t))
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(escape(s[pos:a]))
        out.append(Markup('<mark class="hit">') + escape(s[a:b]) + Markup("</mark>"))
        pos = b
    out.append(escape(s[pos:]))
    return Markup("").join(out)


def to_json(obj: Any) -> str:
    """JSON as a plain string: autoescape makes it safe inside a data- attribute."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def make_env() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("chronicler.web") / "templates"))
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True,
                             lstrip_blocks=True)
    from chronicler.views.base import event_status, shown_date

    env.filters.update(safe_url=safe_url, who=who, score_class=score_class, number=number,
                       to_json=to_json, mark_tokens=mark_tokens, event_status=event_status,
                       when=lambda e: shown_date(e.get("date"), e.get("date_precision"))
                       or "undated")
    return env


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates

    def qs(**changes: Any) -> str:
        params = dict(request.query_params)
        for k, v in changes.items():
            if v is None:
                params.pop(k, None)
            else:
                params[k] = str(v)
        return "?" + urlencode(params) if params else request.url.path

    html = env.get_template(name).render(path=request.url.path, qs=qs,
                                         params=request.query_params,
                                         token_required=request.app.state.token is not None,
                                         **ctx)
    return HTMLResponse(html, status_code=status)
