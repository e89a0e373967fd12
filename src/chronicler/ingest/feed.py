"""RSS/Atom feeds: each entry becomes a document; item links are never fetched.

Safety order matters: the bytes go through defusedxml first (this Python bundles
expat 2.5.0, and feedparser's own parser would expand entities), and feedparser
only ever sees ``io.BytesIO`` (given a str it fetches URLs and reads local files).
Entry HTML is re-sanitized with nh3, because feedparser's sanitizer lets
``&#106;avascript:`` links and ``<form>`` through, then reduced to plain text.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, NoReturn
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_et
import feedparser

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import Item, as_error, error, sha1
from chronicler.ingest.decode import decode_bytes
from chronicler.ingest.html import extract_main, fragment_to_text, sanitize_fragment
from chronicler.records import RawDoc, SourceKind

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                      "application/xml", "text/xml", "application/x-rss+xml")
# Entries with more plain text than this are full articles (content:encoded): let
# trafilatura drop their share buttons and "appeared first on" boilerplate.
EXTRACT_MIN_CHARS = 3000

_ROOT_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")
_ENTITY_DECL_RE = re.compile(r"<!ENTITY\b[^>]*", re.IGNORECASE)
_SAFE_LINK_RE = re.compile(r"^https?://", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def looks_like_feed(head: bytes) -> bool:
    """Cheap sniff on the first bytes: is the root element rss, feed or rdf:RDF?"""
    text, _ = decode_bytes(head[:4096])
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    m = _ROOT_RE.search(text)
    return m is not None and _local(m.group(1)) in FEED_ROOTS


def check_xml(body: bytes, source: str) -> str | None:
    """Refuse entity tricks; return the root's local name, or None if not well-formed.

    defusedxml forbids every entity declaration: a feed has no business declaring
    entities, and telling a harmless one from a billion-laughs one is not worth it.
    """
    root_tag: str | None = None
    try:
        # iterparse and clear: the check must not hold a 20 MB feed's whole tree.
        for event, elem in safe_et.iterparse(io.BytesIO(body), events=("start", "end"),
                                             forbid_dtd=False, forbid_entities=True,
                                             forbid_external=True):
            if root_tag is None:
                root_tag = elem.tag
            if event == "end":
                elem.clear()
    except defusedxml.EntitiesForbidden as e:
        _refuse_entity(source, e.name, e.sysid or e.pubid)
    except defusedxml.ExternalReferenceForbidden as e:
        _refuse_entity(source, None, e.sysid or e.pubid)
    except defusedxml.DefusedXmlException as e:  # DTD processing or other tricks
        raise InputSkipped("xml-bomb", f"{source}: refused unsafe XML ({e})",
                           source=source) from e
    except (ParseError, ValueError, LookupError) as e:  # LookupError: unknown encoding=
        # Not well-formed (a bare &nbsp; is common in hand-made feeds). feedparser's
        # loose parser may still read it, but only if no entity is declared anywhere.
        text, _ = decode_bytes(body)
        m = _ENTITY_DECL_RE.search(text)
        if m:
            external = re.search(r"\b(SYSTEM|PUBLIC)\b", m.group(0))
            _refuse_entity(source, None, "declared" if external else None)
        # The entity scan above is only as good as our decoding. If we cannot even
        # see a feed root (a declared EBCDIC or UTF-16 body, say), feedparser would
        # be reading something we did not check: refuse.
        if not looks_like_feed(body):
            raise InputSkipped("not-a-feed", f"{source}: not well-formed XML and no "
                               "rss/feed root found", source=source) from e
        return None
    return _local(root_tag) if root_tag is not None else None


def _refuse_entity(source: str, name: str | None, external: str | None) -> NoReturn:
    label = f" '{name}'" if name else ""
    if external:
        raise InputSkipped("xml-external-entity",
                           f"{source}: refused XML external entity{label} (XXE); nothing "
                           "was read", source=source)
    raise InputSkipped("xml-bomb", f"{source}: refused XML entity declaration{label} "
                       "(entity expansion bomb)", source=source)


def _entry_html(entry: Any) -> str:
    """The longest of the entry's content bodies and summary (HTML or text)."""
    bodies = [c.get("value") or "" for c in entry.get("content") or []]
    bodies.append(entry.get("summary") or "")
    return max(bodies, key=len)


def _entry_text(html: str, link: str | None, source: str, settings: Settings) -> tuple[str, str]:
    stripped = fragment_to_text(html)
    if len(stripped) < EXTRACT_MIN_CHARS:
        return stripped, "feed-text:stripped"
    try:
        ex = extract_main(sanitize_fragment(html), link, settings, source=source)
    except InputSkipped:
        return stripped, "feed-text:stripped"
    # trafilatura sometimes keeps only a fragment of a fragment; trust it only if it
    # kept most of the entry.
    if len(ex.text) >= 0.6 * len(stripped):
        return ex.text, "feed-text:extracted"
    return stripped, "feed-text:stripped"


def _one_line(s: str | None) -> str | None:
    if not s:
        return None
    t = " ".join(fragment_to_text(s).split())
    return t or None


def _entry_doc(entry: Any, source: str, outlet: str | None, settings: Settings,
               kind: SourceKind) -> RawDoc:
    raw_fields = {k: entry.get(k) for k in ("id", "title", "link", "author", "published",
                                           "updated", "summary")}
    raw_fields["content"] = [c.get("value") for c in entry.get("content") or []]
    raw_hash = sha1(json.dumps(raw_fields, sort_keys=True, default=str).encode("utf-8"))
    notes: list[str] = []
    link = entry.get("link") or None
    if link and not _SAFE_LINK_RE.match(link.strip()):
        notes.append("link-dropped:not-http")
        link = None
    title = _one_line(entry.get("title"))
    text, how = _entry_text(_entry_html(entry), link, source, settings)
    if not text:
        raise InputSkipped(
            "no-text", f"{source}: item has no text (title {title!r}, link {link}); item "
            "links are not fetched", source=source)
    notes.append(how)
    published = entry.get("published") or entry.get("updated") or None
    return RawDoc(source_path=source, source_kind=kind, text=text, title=title, url=link,
                  outlet=outlet, author=_one_line(entry.get("author")),
                  published=published, raw_hash=raw_hash, notes=notes)


def read_feed(body: bytes, source: str, settings: Settings, *,
              content_type: str | None = None, kind: SourceKind = "feed") -> Iterator[Item]:
    """Entries of one RSS/Atom document as RawDocs (``source#item-N``, 1-based)."""
    try:
        root = check_xml(body, source)
    except InputSkipped as e:
        yield as_error(e, source)
        return
    if root is not None and root not in FEED_ROOTS:
        yield error(source, "not-a-feed", f"{source}: XML root is <{root}>, not rss, feed "
                    "or rdf:RDF")
        return
    headers = {"content-type": content_type} if content_type else {}
    # Only ever BytesIO: a str or path-like makes feedparser fetch or open it.
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers,
                                  resolve_relative_uris=False)
    # Library boundary: feedparser is a loose parser and is meant not to raise, but
    # on mangled bytes its encoding sniffing leaks UnicodeDecodeError, ValueError
    # ("embedded null character") and others. Any of them means "unusable feed".
    except Exception as e:
        yield error(source, "bad-feed", f"{source}: the feed parser failed on this "
                    f"file ({type(e).__name__}: {str(e)[:150]})")
        return
    if not parsed.get("version") and not parsed.entries:
        yield error(source, "not-a-feed", f"{source}: not an RSS or Atom feed")
        return
    outlet = _one_line(parsed.feed.get("title"))
    if not parsed.entries:
        yield error(source, "empty", f"{source}: feed has no items")
        return
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#item-{i}"
        try:
            doc = _entry_doc(entry, where, outlet, settings, kind)
        except InputSkipped as e:
            yield as_error(e, where)
            continue
        if root is None:
            doc.notes.append("xml-malformed")
        yield doc
