"""A URL input: fetch it (``fetch.py``), then read it as a feed, an article or text."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error
from chronicler.ingest.feed import FEED_CONTENT_TYPES, looks_like_feed, read_feed
from chronicler.ingest.fetch import FetchResult, Resolver, fetch
from chronicler.ingest.html import read_html_bytes
from chronicler.ingest.text import read_text_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _mime(res: FetchResult) -> str:
    return (res.content_type or "").split(";")[0].strip().lower()


def classify(res: FetchResult) -> str:
    """"feed", "html", "text" or "other", from the Content-Type and the first bytes."""
    mime = _mime(res)
    head = res.body[:4096]
    if mime in FEED_CONTENT_TYPES or mime.endswith("+xml") or not mime:
        if looks_like_feed(head):
            return "feed"
    if mime in HTML_TYPES:
        return "html"
    if mime == "text/plain":
        return "text"
    if not mime and b"<html" in head.lower():
        return "html"
    return "other"


def read_url(url: str, settings: Settings, *, allow_private: bool = False,
             client: httpx.Client | None = None,
             resolver: Resolver | None = None) -> Iterator[Item]:
    """Fetch ``url``; a feed yields one doc per item (item links are NOT fetched)."""
    try:
        res = fetch(url, settings, allow_private=allow_private, client=client,
                    resolver=resolver)
    except InputSkipped as e:
        yield as_error(e, url)
        return
    notes = [f"redirected:{res.final_url}"] if res.redirects else []
    kind = classify(res)
    try:
        if kind == "feed":
            yield from read_feed(res.body, url, settings, content_type=res.content_type)
        elif kind == "html":
            yield read_html_bytes(res.body, url, settings, url=res.final_url,
                                  http_charset=res.encoding, kind="url", notes=notes)
        elif kind == "text":
            doc = read_text_bytes(res.body, url, kind="url", url=res.final_url,
                                  declared=res.encoding)
            doc.notes.extend(notes)
            yield doc
        else:
            yield error(url, "unsupported-format",
                        f"{url}: content type {res.content_type or 'unknown'!s} is not HTML, "
                        "a feed or plain text")
    except InputSkipped as e:
        yield as_error(e, url)
