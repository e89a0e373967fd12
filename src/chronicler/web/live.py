"""Live coverage in the server: ``serve --watch`` and what is new since a moment.

* :func:`watching` gives ``serve`` a hook that starts the watch loop
  (:class:`chronicler.watch.Watcher`) on a thread of the server process, writing
  through the server's own writer (``ReadConnections.writer``): the server is then
  the one writer of the file, and its requests keep reading while it commits.
* ``GET /api/live/new?since=TIMESTAMP``: articles stored after ``since`` (the
  database clock, as ``now`` in every answer gives it) with their events.
* ``GET /api/live/stream?since=TIMESTAMP``: the same as Server-Sent Events
  (``event: article``), checked every ``POLL_S`` seconds, with a keep-alive comment;
  each stream lasts ``STREAM_MAX_S`` and EventSource resumes it from ``Last-Event-ID``.

Both are left out of the OpenAPI schema: the stream never ends, which a schema-driven
client (or fuzzer) cannot know, and the contract snapshot stays the lists' own.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from chronicler.config import Settings
from chronicler.store import Store
from chronicler.watch import Source, Watcher, WatchOptions
from chronicler.web.deps import CursorStore, ReadConnections, Since

log = logging.getLogger("chronicler.web.live")
router = APIRouter()
POLL_S = 2.0
KEEPALIVE_S = 15.0
# A stream ends after this long and the browser's EventSource reconnects (sending the
# last id, which resumes it): a server shutting down never waits on an endless stream.
STREAM_MAX_S = 30.0
MAX_NEW = 200



def watching(sources: Sequence[Source], settings: Settings, options: WatchOptions, *,
             report: Callable[[str], None] | None = None
             ) -> Callable[[Any], Callable[[], None]]:
    """A ``serve(on_app=...)`` hook: start watching on the app's writer; the returned
    function stops the loop after its current cycle (when the server stops)."""

    def start(app: Any) -> Callable[[], None]:
        base = app.state.store
        open_writer: Callable[[], Store] = (
            base.writer if isinstance(base, ReadConnections) else lambda: CursorStore(base))
        watcher = Watcher(sources, open_writer, settings, options, report=report)
        app.state.watcher = watcher
        stop = threading.Event()
        thread = threading.Thread(target=_run, args=(watcher, stop), daemon=True,
                                  name="chronicler-watch-loop")
        thread.start()

        def halt() -> None:
            stop.set()
            thread.join(options.budget_s + 30)

        return halt

    return start


def _run(watcher: Watcher, stop: threading.Event) -> None:
    try:
        watcher.run(stop)
    except Exception:  # a thread has nobody to raise to: the server keeps serving
        log.exception("the watch loop stopped")


def _acquire(request: Request) -> tuple[Any, Store]:
    shared = request.app.state.store
    if isinstance(shared, ReadConnections):
        return shared, shared.acquire()
    return None, CursorStore(shared)


def _release(shared: Any, store: Store) -> None:
    if shared is not None:
        shared.release(store)
    else:
        store.close()


def new_since(store: Store, since: dt.datetime | None, limit: int = MAX_NEW) -> dict[str, Any]:
    """Articles stored after ``since``, oldest first, each with its events."""
    now = store.conn.execute("SELECT CAST(current_timestamp AS TIMESTAMP)").fetchone()
    rows = store.conn.execute(
        "SELECT id, title, outlet, url, published, ingested_at FROM articles "
        "WHERE ingested_at > coalesce(?, TIMESTAMP '1970-01-01') "
        "ORDER BY ingested_at, id LIMIT ?", [since, limit]).fetchall()
    ids = [r[0] for r in rows]
    events: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for aid, payload in store.conn.execute(
                "SELECT article_id, payload FROM article_events "
                "WHERE article_id IN (SELECT unnest(?)) ORDER BY id", [ids]).fetchall():
            events[aid].append(json.loads(payload))
    items = [{"id": r[0], "title": r[1], "outlet": r[2], "url": r[3],
              "published": r[4].isoformat() if r[4] else None,
              "ingested_at": r[5].isoformat(), "events": events[r[0]]} for r in rows]
    last = rows[-1][5].isoformat() if rows else (since.isoformat() if since else None)
    return {"now": now[0].isoformat() if now else None, "next_since": last, "items": items}


@router.get("/api/live/new", include_in_schema=False)
def live_new(request: Request, since: Since = None,
             limit: Annotated[int, Query(ge=1, le=MAX_NEW)] = MAX_NEW) -> dict[str, Any]:
    """Articles (with their events) stored after ``since``; pass ``next_since`` back."""
    shared, store = _acquire(request)
    try:
        return new_since(store, since, limit)
    finally:
        _release(shared, store)


@router.get("/api/live/stream", include_in_schema=False)
async def live_stream(request: Request, since: Since = None) -> StreamingResponse:
    """Server-Sent Events: one ``article`` event per newly stored article."""

    last_id = request.headers.get("last-event-id")
    if since is None and last_id:
        try:
            since = dt.datetime.fromisoformat(last_id)
        except ValueError:
            since = None

    async def events() -> AsyncIterator[str]:
        cursor = since
        if cursor is None:  # from now on
            cursor = (await asyncio.to_thread(_check, request, None))["now"]
            cursor = dt.datetime.fromisoformat(cursor) if cursor else None
        idle = 0.0
        ends = asyncio.get_running_loop().time() + STREAM_MAX_S
        yield f"retry: {int(POLL_S * 1000)}\n: chronicler live stream\n\n"
        while not await request.is_disconnected() and \
                asyncio.get_running_loop().time() < ends:
            found = await asyncio.to_thread(_check, request, cursor)
            for item in found["items"]:
                yield f"event: article\nid: {item['ingested_at']}\ndata: {json.dumps(item)}\n\n"
            if found["next_since"]:
                cursor = dt.datetime.fromisoformat(found["next_since"])
            idle = 0.0 if found["items"] else idle + POLL_S
            if idle >= KEEPALIVE_S:
                idle = 0.0
                yield ": keep-alive\n\n"
            await asyncio.sleep(POLL_S)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store"})


def _check(request: Request, since: dt.datetime | None) -> dict[str, Any]:
    shared, store = _acquire(request)
    try:
        return new_since(store, since)
    finally:
        _release(shared, store)
