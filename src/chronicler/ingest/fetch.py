"""Fetch one URL safely: SSRF guard on every hop, bounded time, bounded decoded size.

SSRF: the host is resolved once with ``getaddrinfo`` and EVERY address must be
global (``ipaddress.is_global``; IPv4-mapped, IPv4-compatible, SIIT, 6to4, Teredo
and NAT64 IPv6 addresses are checked by the IPv4 address they embed; local-use NAT64
and site-local addresses are refused outright). Legacy IPv4 spellings such as
``2130706433`` or ``0x7f.1`` are parsed the way ``getaddrinfo`` parses them, so the
check sees the address that would really be dialled.

DNS rebinding: we then connect to the checked address, never to the name. The
request URL is rewritten to the IP; the ``Host`` header carries the name and, for
HTTPS, httpcore's ``sni_hostname`` extension makes TLS send the name as SNI *and*
verify the certificate against it. So a second, different DNS answer can never be
used. ``Connection: close`` stops httpcore's per-IP pool from reusing a TLS session
that was verified for a different name. ``trust_env=False`` keeps ``HTTP_PROXY`` out
of it: a proxy would resolve the name itself and undo all of the above.

Redirects are followed by hand (``follow_redirects=False``) so each hop goes
through the same checks. Bodies are read raw and inflated by our own bounded zlib
loop: httpx's decoder inflates each network chunk whole, so a 50 KB gzip chunk of
zeros becomes 50 MB before any cap could look at it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import httpx

from chronicler.config import Settings
from chronicler.errors import FetchRefused
from chronicler.ingest.base import CAP_SETTING, fmt_size

Resolver = Callable[[str, int], list[str]]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# A server dripping one byte per read would never trip the per-read timeout; the
# whole fetch (all hops and the body) gets this many read-timeouts in total.
TOTAL_TIMEOUT_FACTOR = 3
# IPv6 ranges whose last 32 bits are an IPv4 address that a gateway or the host's own
# stack may dial: well-known NAT64 (RFC 6052), SIIT IPv4-translated (RFC 2765) and the
# deprecated IPv4-compatible form (RFC 4291), which ipaddress reports as global.
_EMBEDS_IPV4 = tuple(ipaddress.ip_network(n) for n in
                     ("64:ff9b::/96", "::ffff:0:0:0/96", "::/96"))
# Never a public destination: local-use NAT64 (RFC 8215; the operator picks where the
# IPv4 address sits, so it cannot be read back reliably) and site-local fec0::/10.
_LOCAL_V6 = (ipaddress.ip_network("64:ff9b:1::/48"), ipaddress.ip_network("fec0::/10"))
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    encoding: str | None  # charset from Content-Type, if declared
    redirects: tuple[str, ...] = field(default_factory=tuple)
    # The response's validators and Retry-After (fetch_conditional only).
    headers: Mapping[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ addresses
def parse_ip_literal(host: str) -> str | None:
    """The address a numeric host means, including legacy IPv4 forms; else None."""
    h = host.strip("[]")
    try:
        return str(ipaddress.ip_address(h.split("%", 1)[0]))
    except ValueError:
        pass
    if not h or not all(c in "0123456789abcdefxABCDEFX." for c in h):
        return None  # only digits, hex and dots can be a legacy IPv4 literal
    try:
        # inet_aton accepts what getaddrinfo accepts: 2130706433, 0x7f.1, 127.1, 0177.0.0.1
        return str(ipaddress.IPv4Address(socket.inet_aton(h)))
    except OSError:
        return None


def resolve_host(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (numeric hosts without any DNS query)."""
    literal = parse_ip_literal(host)
    if literal is not None:
        return [literal]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for info in infos:
        seen.setdefault(str(info[4][0]).split("%", 1)[0], None)
    return list(seen)


def blocked(address: str) -> bool:
    """True if connecting to ``address`` could reach a non-public network."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        # ipaddress does not flag ::ffff:127.0.0.1 as loopback: check what is embedded.
        if ip.ipv4_mapped is not None:
            candidates.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            candidates.append(ip.sixtofour)
        if ip.teredo is not None:
            candidates.append(ip.teredo[1])
        if any(ip in net for net in _EMBEDS_IPV4):
            candidates.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(ip in net for net in _LOCAL_V6):
            return True
    return any(not c.is_global or c.is_multicast for c in candidates)


# ------------------------------------------------------------------ body
class _Inflater:
    """Content-Encoding decoder that never produces more than ``cap + 1`` bytes."""

    def __init__(self, coding: str, url: str) -> None:
        self.coding = coding
        self.url = url
        self._d: zlib._Decompress | None = None
        self._wbits: int | None
        if coding in ("gzip", "x-gzip"):
            self._wbits = 16 + zlib.MAX_WBITS
        elif coding == "deflate":
            self._wbits = 0  # decided from the first bytes (zlib-wrapped or raw)
        elif coding in ("", "identity"):
            self._wbits = None
        else:
            raise FetchRefused("bad-encoding", f"{url}: unsupported Content-Encoding "
                               f"{coding!r} (we ask for gzip or deflate)", source=url)

    def feed(self, data: bytes, out: bytearray, cap: int) -> None:
        if self._wbits is None:
            out += data[: cap + 1 - len(out)]
            return
        if self._d is None:
            if self._wbits == 0:
                # RFC 9110 "deflate" is zlib-wrapped; some servers send raw deflate.
                zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and \
                    (data[0] << 8 | data[1]) % 31 == 0
                self._wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
            self._d = zlib.decompressobj(self._wbits)
        while data and len(out) <= cap:
            try:
                out += self._d.decompress(data, cap + 1 - len(out))
            except zlib.error as e:
                raise FetchRefused("bad-encoding", f"{self.url}: corrupt {self.coding} body "
                                   f"({e})", source=self.url) from e
            data = self._d.unconsumed_tail
            if self._d.eof:
                rest = self._d.unused_data
                # gzip allows several members back to back; anything else after the
                # end (padding, junk) is ignored, as browsers do.
                if self.coding != "deflate" and rest.startswith(b"\x1f\x8b"):
                    self._d = zlib.decompressobj(self._wbits)
                    data = rest
                else:
                    data = b""


def _read_body(resp: httpx.Response, url: str, cap: int, deadline: float) -> bytes:
    coding = resp.headers.get("content-encoding", "").strip().lower()
    if "," in coding:
        raise FetchRefused("bad-encoding", f"{url}: stacked Content-Encoding {coding!r} is "
                           "not supported", source=url)
    declared = resp.headers.get("content-length", "")
    if coding in ("", "identity") and declared.isdigit() and int(declared) > cap:
        raise _too_large(url, int(declared), cap)
    if resp.is_stream_consumed:
        # A transport that read the body before handing it over (httpx.MockTransport
        # given ``content=bytes``); it is already in memory, decoded by httpx.
        if len(resp.content) > cap:
            raise _too_large(url, len(resp.content), cap)
        return resp.content
    inflater = _Inflater(coding, url)
    out = bytearray()
    chunks: Iterator[bytes] = resp.iter_raw()
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise FetchRefused("fetch-timeout", f"{url}: body still arriving after the "
                               "total time limit (CHRONICLER_FETCH_TIMEOUT_S x "
                               f"{TOTAL_TIMEOUT_FACTOR})", source=url)
        inflater.feed(chunk, out, cap)
        if len(out) > cap:
            raise _too_large(url, None, cap)
    return bytes(out)


def _too_large(url: str, size: int | None, cap: int) -> FetchRefused:
    size_txt = f"is {fmt_size(size)}" if size is not None else "passed"
    return FetchRefused("too-large", f"{url}: response body {size_txt}, over the "
                        f"{fmt_size(cap)} cap ({CAP_SETTING}); download stopped", source=url)


# ------------------------------------------------------------------ fetch
def _check_target(url: httpx.URL, original: str, allow_private: bool,
                  resolve: Resolver) -> tuple[str, str]:
    """(host name, address to dial) after the scheme and SSRF checks."""
    if url.scheme not in ("http", "https"):
        raise FetchRefused("bad-scheme", f"{url}: only http and https URLs are fetched, "
                           f"not {url.scheme or 'a relative URL'}", source=original)
    host = url.raw_host.decode("ascii")
    if not host:
        raise FetchRefused("bad-url", f"{url}: URL has no host", source=original)
    port = url.port or (443 if url.scheme == "https" else 80)
    literal = parse_ip_literal(host)
    try:
        addresses = [literal] if literal is not None else resolve(host, port)
    except (OSError, UnicodeError) as e:  # socket.gaierror is an OSError
        raise FetchRefused("unreachable", f"{url}: cannot resolve {host} ({e})",
                           source=original) from e
    if not addresses:
        raise FetchRefused("unreachable", f"{url}: {host} has no address", source=original)
    if not allow_private:
        for a in addresses:
            if blocked(a):
                raise FetchRefused(
                    "ssrf-blocked",
                    f"{url}: {host} resolves to {a}, which is not a public address; "
                    "refused (pass allow_private=True to fetch from local networks)",
                    source=original,
                )
    return host, addresses[0]


def _make_client(settings: Settings) -> httpx.Client:
    return httpx.Client(follow_redirects=False, trust_env=False,
                        timeout=httpx.Timeout(settings.fetch_timeout_s))


def _parse(url: str, original: str) -> httpx.URL:
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as e:
        raise FetchRefused("bad-url", f"{url!r} is not a valid URL ({e})",
                           source=original) from e


def fetch(url: str, settings: Settings, *, allow_private: bool = False,
          client: httpx.Client | None = None, resolver: Resolver | None = None) -> FetchResult:
    """GET ``url`` under the SSRF guard and the size/time/redirect limits.

    Raises ``FetchRefused`` with reason bad-scheme, bad-url, ssrf-blocked,
    too-many-redirects, fetch-timeout, too-large, http-error, bad-encoding or
    unreachable. ``client`` (tests: ``httpx.MockTransport``) and ``resolver``
    (default ``resolve_host``) are injectable; the guard runs either way.
    """
    own = client is None
    c = client if client is not None else _make_client(settings)
    try:
        return _fetch(url, settings, allow_private, c, resolver or resolve_host)
    finally:
        if own:
            c.close()


def fetch_conditional(url: str, settings: Settings, *, etag: str | None = None,
                      last_modified: str | None = None, allow_private: bool = False,
                      client: httpx.Client | None = None,
                      resolver: Resolver | None = None) -> FetchResult:
    """``fetch`` with If-None-Match / If-Modified-Since, answering every final status
    instead of raising for it: a 304 (or any non-2xx) comes back with an empty body
    (never read) and ``headers`` holding ETag, Last-Modified and Retry-After, so a
    watcher can keep validators and back off. Guards and limits are ``fetch``'s."""
    extra = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified))
             if v}
    own = client is None
    c = client if client is not None else _make_client(settings)
    try:
        return _fetch(url, settings, allow_private, c, resolver or resolve_host,
                      extra_headers=extra, any_status=True)
    finally:
        if own:
            c.close()


_KEPT_HEADERS = ("etag", "last-modified", "retry-after")


def _fetch(url: str, settings: Settings, allow_private: bool, client: httpx.Client,
           resolve: Resolver, *, extra_headers: Mapping[str, str] | None = None,
           any_status: bool = False) -> FetchResult:
    deadline = time.monotonic() + settings.fetch_timeout_s * TOTAL_TIMEOUT_FACTOR
    timeout = httpx.Timeout(settings.fetch_timeout_s)
    current = _parse(url, url)
    redirects: list[str] = []
    for hop in range(settings.max_redirects + 1):
        host, address = _check_target(current, url, allow_private, resolve)
        target = current.copy_with(host=address)
        headers = {
            "Host": current.netloc.decode("ascii"),
            "User-Agent": settings.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
            **(extra_headers or {}),
        }
        extensions = {}
        if current.scheme == "https" and parse_ip_literal(host) is None:
            extensions["sni_hostname"] = host
        try:
            # follow_redirects=False per request too: an injected client may have been
            # built to follow them, which would skip the checks on every hop.
            with client.stream("GET", target, headers=headers, extensions=extensions,
                               timeout=timeout, follow_redirects=False) as resp:
                status = resp.status_code
                if status in REDIRECT_STATUSES and resp.headers.get("location"):
                    if hop == settings.max_redirects:
                        raise FetchRefused(
                            "too-many-redirects",
                            f"{url}: more than {settings.max_redirects} redirects "
                            f"(last: {current}); CHRONICLER_MAX_REDIRECTS",
                            source=url,
                        )
                    current = _parse(str(current.join(resp.headers["location"])), url)
                    redirects.append(str(current))
                    continue
                kept = {k: resp.headers[k] for k in _KEPT_HEADERS if k in resp.headers}
                if any_status and not 200 <= status < 300:
                    return FetchResult(url=url, final_url=str(current), status=status,
                                       content_type=resp.headers.get("content-type"),
                                       body=b"", encoding=None, redirects=tuple(redirects),
                                       headers=kept)
                if not 200 <= status < 300:
                    raise FetchRefused("http-error", f"{current}: HTTP {status} "
                                       f"{resp.reason_phrase}".rstrip(), source=url)
                body = _read_body(resp, str(current), settings.max_input_bytes, deadline)
                return FetchResult(
                    url=url, final_url=str(current), status=status,
                    content_type=resp.headers.get("content-type"), body=body,
                    encoding=resp.charset_encoding, redirects=tuple(redirects), headers=kept,
                )
        except httpx.TimeoutException as e:
            raise FetchRefused("fetch-timeout", f"{current}: no response within "
                               f"{settings.fetch_timeout_s:g} s ({type(e).__name__}; "
                               "CHRONICLER_FETCH_TIMEOUT_S)", source=url) from e
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            raise FetchRefused("bad-url", f"{current}: {e}", source=url) from e
        except httpx.TransportError as e:
            cause = str(e).strip().splitlines()[0][:200] if str(e).strip() else ""
            raise FetchRefused("unreachable", f"{current}: {type(e).__name__}"
                               + (f": {cause}" if cause else ""), source=url) from e
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover
