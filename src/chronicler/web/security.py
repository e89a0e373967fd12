"""What keeps the web app safe to point at hostile news text and to expose on a network.

    SecurityHeaders  CSP (no inline script or style, nothing from another origin),
                     nosniff, no-referrer, no framing, on every response
    HostGuard        only the listed Host names (stops DNS rebinding of a loopback app)
    WriteGuard       POST/PUT/PATCH/DELETE: same-origin only, a cap on the request body
                     (413 before the body is read when Content-Length says so, while
                     reading otherwise) and, on the write routes, the bearer token when one
                     is set (checked before the body is read, unlike a route dependency)
    error_body       the one JSON error shape: {"error": {"code", "message", "status"}}

Article-derived text is escaped by Jinja's autoescape and by :mod:`.highlight`; these
middlewares are the second line.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
MAX_BODY_BYTES = 25_000_000
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "too_large",
         415: "unsupported_media_type", 422: "validation_error", 429: "too_many_requests",
         500: "internal_error"}


def error_body(status: int, message: str, code: str | None = None,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code or CODES.get(status, f"http_{status}"),
                           "message": message, "status": status}
    if details is not None:
        err["details"] = details
    return {"error": err}


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


class BodyTooLarge(HTTPException):
    """Raised while reading a body past the cap. An HTTPException so that FastAPI's body
    parsing passes it on unchanged (it turns other errors into a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return str(v.decode("latin-1"))
    return None


def host_name(host_header: str) -> str:
    """'example.org:8000' -> 'example.org'; '[::1]:8000' -> '[::1]'."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class HostGuard:
    """Refuse requests whose Host header is not one of ``allowed`` (names, no ports)."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = host_name((_header(scope, b"host") or "").lower())
            if host not in self.allowed:
                await error_response(400, "unexpected Host header", "bad_host")(
                    scope, receive, send)
                return
        await self.app(scope, receive, send)


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def request_token(scope: Scope) -> str | None:
    auth = _header(scope, b"authorization")
    if auth and auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return _header(scope, b"x-chronicler-token")


class WriteGuard:
    """Checks on every write request, before the endpoint reads the body."""

    def __init__(self, app: ASGIApp, token: str | None = None,
                 max_body: int = MAX_BODY_BYTES, protected: frozenset[str] = frozenset()
                 ) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.protected = protected  # paths whose POSTs need the token; others answer 405

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        refusal = self._refuse(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return msg

        await self.app(scope, capped, send)

    def _refuse(self, scope: Scope) -> JSONResponse | None:
        # A page on another site can post a form to a loopback app: only the app's own
        # pages may write (browsers send Origin and Sec-Fetch-Site on such requests).
        if (_header(scope, b"sec-fetch-site") or "same-origin") not in ("same-origin", "none"):
            return error_response(403, "cross-site write refused", "cross_origin")
        origin = _header(scope, b"origin")
        if origin is not None and origin != "null":
            host = _header(scope, b"host") or ""
            if urlsplit(origin).netloc.lower() != host.lower():
                return error_response(403, "cross-origin write refused", "cross_origin")
        elif origin == "null":
            return error_response(403, "cross-origin write refused", "cross_origin")
        if (self.token is not None and scope["method"] == "POST"
                and scope.get("path", "").rstrip("/") in self.protected):
            given = request_token(scope)
            if given is None:
                return error_response(401, "this server needs a token for writes: send "
                                      "'Authorization: Bearer <token>'", "unauthorized",
                                      headers={"WWW-Authenticate": "Bearer"})
            if not token_matches(given, self.token):
                return error_response(403, "wrong token", "forbidden")
        length = _header(scope, b"content-length")
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                return error_response(400, "bad Content-Length")
            if n > self.max_body:
                return error_response(413, f"request body larger than {self.max_body} bytes")
        return None
