"""The web application: JSON API under ``/api``, pages at ``/``, assets at ``/static``.

    >>> from chronicler.web.app import create_app
    >>> app = create_app("news.duckdb")                 # loopback use: writes need no token
    >>> app = create_app("news.duckdb", token="s3cr3t")  # writes need 'Bearer s3cr3t'

Every error, from a missing record to a bad parameter, a refused write or a crash,
answers with one JSON shape on ``/api`` (``{"error": {"code", "message", "status"}}``)
and an HTML page with the same facts elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronicler import __version__
from chronicler.config import Settings
from chronicler.errors import Busy, ChroniclerError, NotFound, StoreLocked, UsageError
from chronicler.store import Store, open_store
from chronicler.web import api_routes, live, pages
from chronicler.web.deps import CursorStore, ReadConnections, make_env
from chronicler.web.jobs import IngestJobs
from chronicler.web.security import (
    MAX_BODY_BYTES,
    HostGuard,
    SecurityHeaders,
    WriteGuard,
    error_body,
)

log = logging.getLogger("chronicler.web")


def create_app(db_path: str | Path, *, token: str | None = None,
               settings: Settings | None = None, allowed_hosts: Sequence[str] | None = None,
               max_body: int = MAX_BODY_BYTES, store: Store | None = None) -> FastAPI:
    """The app over the DuckDB file ``db_path`` (created and migrated if needed).

    ``token``: when set, every write (ingest, upload) needs it as a bearer token;
    :func:`chronicler.web.serve.serve` insists on one for a non-loopback host.
    ``allowed_hosts``: Host header names accepted (None: any). ``store``: an already
    open store on ``db_path`` to share (tests); otherwise the app opens its own.
    """
    settings = settings or Settings.from_env(db=db_path)
    # Not closed on lifespan shutdown: ASGI test transports run a lifespan per request.
    # ``serve()`` closes it when uvicorn returns; ``app.state.store.close()`` otherwise.
    base: Store | ReadConnections
    if store is not None:
        base = store
        open_writer: Any = lambda: CursorStore(store)  # noqa: E731
    else:
        open_store(db_path).close()  # create and migrate the file once, then read-only
        base = ReadConnections(str(db_path))
        open_writer = base.writer

    app = FastAPI(
        title="chronicler", version=__version__,
        description="Events, quotes, claims and stories extracted from news coverage. "
                    "Lists are paginated (`limit` at most 200, `offset`) and every error "
                    'answers `{"error": {"code", "message", "status"}}`.',
        # The interactive docs pages load scripts from a CDN and inline: not served.
        docs_url=None, redoc_url=None,
    )
    app.state.store = base
    app.state.settings = settings
    app.state.token = token
    app.state.templates = make_env()
    app.state.jobs = IngestJobs(open_writer, settings)

    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.include_router(live.router)  # /api/live: new since, event stream (issue 17)
    static = resources.files("chronicler.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    app.add_middleware(CrashGuard)  # type: ignore[arg-type]
    app.add_middleware(WriteGuard, token=token, max_body=max_body,  # type: ignore[arg-type]
                       protected=api_routes.WRITE_PATHS)
    if allowed_hosts is not None:
        app.add_middleware(HostGuard, allowed=list(allowed_hosts))  # type: ignore[arg-type]
    app.add_middleware(SecurityHeaders)  # type: ignore[arg-type]
    _add_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/api" or p == "/openapi.json" or p.startswith("/static/")


def _respond(request: Request, status: int, message: str, code: str | None = None,
             details: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> Response:
    body = error_body(status, message, code, details)
    if _wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    html = request.app.state.templates.get_template("error.html").render(
        error=body["error"], path=request.url.path, nav=None, token_required=False)
    return HTMLResponse(html, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _respond(request, exc.status_code, message,
                        headers=dict(exc.headers) if exc.headers else None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        details: list[dict[str, Any]] = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in errors]
        loc: list[str] = details[0]["loc"] if details else []
        msg: str = details[0]["msg"] if details else "invalid request"
        where = ".".join(loc[1:] or loc)
        return _respond(request, 422, f"{where}: {msg}" if where else msg, details=details)

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        # A filter value outside its vocabulary, an ambiguous id prefix, a bad parameter.
        return _respond(request, 422, exc.message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _respond(request, 404, exc.message)

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> Response:
        return _respond(request, 409, exc.message)

    @app.exception_handler(StoreLocked)
    async def locked(request: Request, exc: StoreLocked) -> Response:
        # Another process (chronicler ingest) is writing the file: a wait, not a fault.
        return _respond(request, 503, f"{exc.message} (an ingest is writing the database)",
                        code="database_busy", headers={"Retry-After": "5"})

    @app.exception_handler(ChroniclerError)
    async def chronicler_error(request: Request, exc: ChroniclerError) -> Response:
        log.error("%s on %s", exc, request.url.path)
        return _respond(request, 500, f"server error [{exc.code}]")



class CrashGuard:
    """Turns an unhandled exception into the 500 error shape *inside* the header
    middleware (Starlette's own handler for ``Exception`` runs outside every
    middleware, so its responses would miss the CSP headers)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:  # the last line: every crash is logged and answered in shape
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            response = _respond(Request(scope), 500, "internal server error")
            await response(scope, receive, send)
