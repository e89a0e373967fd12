"""The fetcher: SSRF guard, redirects, size and time limits, headers.

No test touches the internet: requests go to ``httpx.MockTransport`` (IP-literal
hosts need no DNS; hostnames use an injected resolver) or to a server on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from chronicler.config import Settings
from chronicler.errors import FetchRefused
from chronicler.ingest import iter_documents
from chronicler.ingest.fetch import blocked, fetch, parse_ip_literal, resolve_host
from chronicler.records import IngestError

PUBLIC = "http://93.184.216.34"
SETTINGS = Settings(max_input_bytes=1_000_000, fetch_timeout_s=2, max_redirects=3)

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler) -> tuple[httpx.Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return httpx.Client(transport=httpx.MockTransport(record)), seen


def streamed(status: int, body: bytes, headers: dict[str, str] | None = None,
             chunk: int = 65536) -> httpx.Response:
    """A response whose body arrives in chunks, as from a socket (not pre-read)."""

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(body), chunk):
            yield body[i : i + chunk]

    return httpx.Response(status, headers=headers or {}, content=chunks())


def ok(request: httpx.Request) -> httpx.Response:
    return streamed(200, b"<html><body>hello</body></html>", {"content-type": "text/html"})


def refused(excinfo: pytest.ExceptionInfo[FetchRefused]) -> str:
    return excinfo.value.reason


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"unexpected DNS lookup of {host}")


# ------------------------------------------------------------------ SSRF
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8080/admin",
        "http://localhost./",  # resolved by the fake resolver below
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://100.64.0.1/",  # carrier-grade NAT: not "private", not global
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped loopback
        "http://[::ffff:7f00:1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
        "http://[64:ff9b::a00:1]/",  # NAT64 wrapping 10.0.0.1
        "http://2130706433/",  # decimal 127.0.0.1
        "http://0x7f.1/",  # hex + short form
        "http://127.1/",
        "http://224.0.0.1/",  # multicast
    ],
)
def test_ssrf_refused(url: str) -> None:
    client, seen = client_for(ok)

    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "localhost." else resolve_host(host, port)

    with pytest.raises(FetchRefused) as ei:
        fetch(url, SETTINGS, client=client, resolver=resolver)
    assert refused(ei) == "ssrf-blocked"
    assert "not a public address" in ei.value.message
    assert seen == []  # nothing was sent


def test_public_ip_allowed_and_headers() -> None:
    client, seen = client_for(ok)
    res = fetch(f"{PUBLIC}/a?b=1", SETTINGS, client=client, resolver=no_dns)
    assert res.status == 200 and res.body.startswith(b"<html>")
    assert res.final_url == f"{PUBLIC}/a?b=1" and res.redirects == ()
    (req,) = seen
    assert req.headers["user-agent"] == SETTINGS.user_agent
    assert req.headers["accept-encoding"] == "gzip, deflate"
    assert req.headers["host"] == "93.184.216.34"


def test_allow_private_allows_loopback() -> None:
    client, seen = client_for(ok)
    res = fetch("http://127.0.0.1:9/x", SETTINGS, allow_private=True, client=client)
    assert res.status == 200 and len(seen) == 1


def test_connects_to_the_checked_address() -> None:
    """DNS rebinding: the request goes to the address that passed the check."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a second lookup would rebind
    client, seen = client_for(ok)
    fetch("https://news.example:8443/story", SETTINGS, client=client,
          resolver=lambda h, p: next(answers))
    (req,) = seen
    assert req.url.host == "93.184.216.34" and req.url.port == 8443
    assert req.headers["host"] == "news.example:8443"
    assert req.extensions["sni_hostname"] == "news.example"


def test_every_resolved_address_must_be_public() -> None:
    client, seen = client_for(ok)
    with pytest.raises(FetchRefused) as ei:
        fetch("http://mixed.example/", SETTINGS, client=client,
              resolver=lambda h, p: ["93.184.216.34", "10.1.2.3"])
    assert refused(ei) == "ssrf-blocked" and "10.1.2.3" in ei.value.message
    assert seen == []


def test_unresolvable_host_is_unreachable() -> None:
    import socket

    def fail(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(FetchRefused) as ei:
        fetch("http://nowhere.invalid/", SETTINGS, client=client_for(ok)[0], resolver=fail)
    assert refused(ei) == "unreachable" and "nowhere.invalid" in ei.value.message


@pytest.mark.parametrize(
    ("address", "is_blocked"),
    [("93.184.216.34", False), ("2606:2800:220:1:248:1893:25c8:1946", False),
     ("8.8.8.8", False), ("::ffff:8.8.8.8", False), ("::ffff:10.0.0.1", True),
     ("127.0.0.1", True), ("::", True), ("fe80::1%eth0", True), ("198.18.0.1", True),
     ("192.0.2.1", True), ("255.255.255.255", True)],
)
def test_blocked(address: str, is_blocked: bool) -> None:
    assert blocked(address) is is_blocked


@pytest.mark.parametrize(
    ("host", "address"),
    [("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
     ("127.1", "127.0.0.1"), ("[::1]", "::1"), ("::ffff:127.0.0.1", "::ffff:7f00:1"),
     ("news.example", None), ("deadbeef.example", None), ("", None)],
)
def test_parse_ip_literal(host: str, address: str | None) -> None:
    assert parse_ip_literal(host) == address


def test_octal_host_refused() -> None:
    # httpx itself rejects "0177.0.0.1" (getaddrinfo would read it as 127.0.0.1)
    client, seen = client_for(ok)
    with pytest.raises(FetchRefused) as ei:
        fetch("http://0177.0.0.1/", SETTINGS, client=client, resolver=no_dns)
    assert refused(ei) == "bad-url" and seen == []


# ------------------------------------------------------------------ schemes
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://93.184.216.34/x",
                                 "gopher://93.184.216.34/", "javascript:alert(1)"])
def test_bad_scheme(url: str) -> None:
    client, seen = client_for(ok)
    with pytest.raises(FetchRefused) as ei:
        fetch(url, SETTINGS, client=client, resolver=no_dns)
    assert refused(ei) == "bad-scheme" and seen == []


def test_bad_scheme_through_iter_documents() -> None:
    items = list(iter_documents(["file:///etc/passwd", "ftp://x.example/f"], SETTINGS))
    assert [(i.source, i.reason) for i in items if isinstance(i, IngestError)] == [
        ("file:///etc/passwd", "bad-scheme"), ("ftp://x.example/f", "bad-scheme")]


# ------------------------------------------------------------------ redirects
def test_redirect_followed_and_rechecked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return ok(request)

    client, seen = client_for(handler)
    res = fetch(f"{PUBLIC}/old", SETTINGS, client=client)
    assert res.final_url == f"{PUBLIC}/new" and res.redirects == (f"{PUBLIC}/new",)
    assert [r.url.path for r in seen] == ["/old", "/new"]


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://169.254.169.254/",
                                    "http://[::ffff:10.0.0.1]/", "http://2130706433/"])
def test_redirect_to_private_refused_at_the_hop(target: str) -> None:
    client, seen = client_for(lambda r: httpx.Response(302, headers={"location": target}))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/go", SETTINGS, client=client)
    assert refused(ei) == "ssrf-blocked"
    assert [r.url.path for r in seen] == ["/go"]  # the private hop was never requested


def test_injected_client_that_follows_redirects_is_still_checked() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://127.0.0.1/admin"})

    client = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/go", SETTINGS, client=client)
    assert refused(ei) == "ssrf-blocked" and seen == [f"{PUBLIC}/go"]


def test_redirect_to_file_scheme_refused() -> None:
    client, _ = client_for(lambda r: httpx.Response(302, headers={"location": "file:///etc/x"}))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/go", SETTINGS, client=client)
    assert refused(ei) == "bad-scheme"


def test_redirect_loop_stops_at_the_limit() -> None:
    client, seen = client_for(lambda r: httpx.Response(302, headers={"location": r.url.path}))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/loop", SETTINGS, client=client)
    assert refused(ei) == "too-many-redirects"
    assert len(seen) == SETTINGS.max_redirects + 1


# ------------------------------------------------------------------ bodies
def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 KB on the wire
    assert len(bomb) < 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        return streamed(200, bomb, {"content-type": "text/html", "content-encoding": "gzip"})

    client, _ = client_for(handler)
    tracemalloc.start()
    t0 = time.monotonic()
    try:
        with pytest.raises(FetchRefused) as ei:
            fetch(f"{PUBLIC}/bomb", SETTINGS, client=client)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused(ei) == "too-large" and "1 MB cap" in ei.value.message
    assert time.monotonic() - t0 < 5
    assert peak < 10 * SETTINGS.max_input_bytes  # never near the 50 MB it inflates to


@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", gzip.compress),
     ("gzip", lambda b: gzip.compress(b[:10]) + gzip.compress(b[10:])),  # two members
     ("deflate", zlib.compress),
     ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
     ("identity", lambda b: b)],
)
def test_content_encodings_decoded(coding: str, encode: Callable[[bytes], bytes]) -> None:
    body = b"<html><body>" + b"news " * 1000 + b"</body></html>"
    client, _ = client_for(lambda r: streamed(200, encode(body), {"content-encoding": coding},
                                              chunk=100))
    assert fetch(f"{PUBLIC}/", SETTINGS, client=client).body == body


def test_unknown_content_encoding_refused() -> None:
    client, _ = client_for(lambda r: streamed(200, b"x", {"content-encoding": "br"}))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/", SETTINGS, client=client)
    assert refused(ei) == "bad-encoding"


def test_declared_length_over_cap_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        def never() -> Iterator[bytes]:
            raise AssertionError("body read despite Content-Length over the cap")
            yield b""

        return httpx.Response(200, headers={"content-length": "5000000"}, content=never())

    client, _ = client_for(handler)
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/big", SETTINGS, client=client)
    assert refused(ei) == "too-large" and "5 MB" in ei.value.message


def test_plain_body_over_cap_refused() -> None:
    client, _ = client_for(lambda r: streamed(200, b"x" * 1_500_000))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/", SETTINGS, client=client)
    assert refused(ei) == "too-large"


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("exc", "reason"),
    [(httpx.ConnectTimeout("timed out"), "fetch-timeout"),
     (httpx.ReadTimeout("timed out"), "fetch-timeout"),
     (httpx.ConnectError("[Errno 111] Connection refused"), "unreachable"),
     (httpx.RemoteProtocolError("Server disconnected"), "unreachable")],
)
def test_transport_errors_mapped(exc: Exception, reason: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    client, _ = client_for(handler)
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/", SETTINGS, client=client)
    assert refused(ei) == reason


@pytest.mark.parametrize("status", [404, 500, 403])
def test_http_error(status: int) -> None:
    client, _ = client_for(lambda r: httpx.Response(status))
    with pytest.raises(FetchRefused) as ei:
        fetch(f"{PUBLIC}/", SETTINGS, client=client)
    assert refused(ei) == "http-error" and str(status) in ei.value.message


def test_url_errors_become_items_and_batch_continues() -> None:
    client, _ = client_for(lambda r: httpx.Response(404) if r.url.path == "/gone" else
                           streamed(200, b"Plain words.", {"content-type": "text/plain"}))
    items = list(iter_documents([f"{PUBLIC}/gone", "http://10.0.0.1/", f"{PUBLIC}/ok"],
                                SETTINGS, client=client))
    assert [getattr(i, "reason", "doc") for i in items] == ["http-error", "ssrf-blocked", "doc"]


# ------------------------------------------------------------------ a real socket
class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(1.5)
        body = f"host={self.headers['Host']} ua={self.headers['User-Agent']}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout test)


@pytest.fixture()
def local_server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_real_connection_to_the_checked_ip(local_server: str) -> None:
    port = local_server.rsplit(":", 1)[1]
    res = fetch(f"http://intranet.example:{port}/", SETTINGS, allow_private=True,
                resolver=lambda h, p: ["127.0.0.1"])
    assert res.body.decode() == f"host=intranet.example:{port} ua={SETTINGS.user_agent}"
    with pytest.raises(FetchRefused) as ei:
        fetch(local_server + "/", SETTINGS)
    assert refused(ei) == "ssrf-blocked"


def test_real_timeout(local_server: str) -> None:
    t0 = time.monotonic()
    with pytest.raises(FetchRefused) as ei:
        fetch(local_server + "/slow", Settings(fetch_timeout_s=0.3), allow_private=True)
    assert refused(ei) == "fetch-timeout" and "0.3 s" in ei.value.message
    assert time.monotonic() - t0 < 1.4
