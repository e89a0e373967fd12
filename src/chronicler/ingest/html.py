"""HTML → main text: a cheap hostility scan, then trafilatura in a time-limited worker.

Also ``fragment_to_text`` for feed entries: nh3 (a Rust sanitizer) strips markup in
linear time, so a short feed snippet never needs a worker.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

import nh3
import trafilatura  # imported here so forked workers inherit it ready

from chronicler.config import Settings
from chronicler.errors import InputSkipped
from chronicler.ingest.base import sha1
from chronicler.ingest.decode import decode_text, meta_charset
from chronicler.ingest.sandbox import SandboxCrashed, SandboxTimeout, run_limited
from chronicler.records import RawDoc, SourceKind

# lxml (libxml2) keeps at most ~255 levels of nesting and silently drops what is
# deeper; anything far beyond that is an attack or a broken generator.
MAX_DEPTH = 512
LXML_DEPTH = 255
# lxml is quadratic in attributes per element; real pages stay under ~50.
MAX_ATTRS_PER_ELEMENT = 1000

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "basefont bgsound frame keygen isindex nextid spacer command image".split()
)
# Tags whose end tag is optional: counting them would inflate depth on valid pages.
_OPTIONAL_END = frozenset(
    "p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption "
    "rb rt rtc rp html head body".split()
)
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "plaintext", "noscript")

# The tag body stops at an unquoted "<" (not only at ">"): a run of "<a<a<a" with
# no ">" would otherwise be rescanned from every "<", which is quadratic. Quoted
# values are taken whole ("a > b" inside a title is not the end of the tag).
# Possessive quantifiers (Python 3.11+) rule out backtracking altogether.
_TAG_RE = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9:_-]*+)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>?|<!--"""
)
_ATTR_RE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
_DOCUMENT_RE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class HtmlShape:
    max_depth: int
    max_attrs: int


def html_shape(html: str) -> HtmlShape:
    """Nesting depth and the largest attribute count, in one linear regex pass."""
    depth = max_depth = max_attrs = 0
    pos = 0
    n = len(html)
    search = _TAG_RE.search
    while pos < n:
        m = search(html, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(0) == "<!--":
            end = html.find("-->", pos)
            pos = n if end < 0 else end + 3
            continue
        closing, name, body = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if name not in _VOID and name not in _OPTIONAL_END and depth:
                depth -= 1
            continue
        if body:
            max_attrs = max(max_attrs, len(_ATTR_RE.findall(body)))
            if max_attrs > MAX_ATTRS_PER_ELEMENT:
                break  # already hostile; stop scanning
        if name in _RAW_TEXT:
            # Skip raw text ("<div>" inside a script is not an element).
            end_m = re.compile(f"</{name}", re.IGNORECASE).search(html, pos)
            pos = n if end_m is None else end_m.start()
            continue
        if name in _VOID or name in _OPTIONAL_END or body.rstrip().endswith("/"):
            continue
        depth += 1
        max_depth = max(max_depth, depth)
        if max_depth > MAX_DEPTH:
            break  # already hostile; stop scanning
    return HtmlShape(max_depth=max_depth, max_attrs=max_attrs)


def hostility(shape: HtmlShape) -> str | None:
    """Why a page would make lxml hang or silently drop text, or None."""
    if shape.max_attrs > MAX_ATTRS_PER_ELEMENT:
        return (f"an element has {shape.max_attrs:,}+ attributes (limit "
                f"{MAX_ATTRS_PER_ELEMENT:,}); lxml's parser is quadratic in attributes")
    if shape.max_depth > MAX_DEPTH:
        return (f"elements are nested {shape.max_depth:,}+ deep (limit {MAX_DEPTH}); "
                f"lxml drops everything below depth {LXML_DEPTH}")
    return None


def _extract_in_worker(html: str, url: str | None, precheck: bool) -> tuple[str, Any, int]:
    """Worker side: never raises. Returns (status, payload, max_depth).

    status is "ok" (payload: dict of fields, or None), "hostile" or "error"
    (payload: message). The shape scan runs here, under the time limit, because a
    page of millions of tags takes seconds even to scan.
    """
    shape = html_shape(html) if precheck else HtmlShape(0, 0)
    problem = hostility(shape)
    if problem:
        return "hostile", problem, shape.max_depth
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True
        )
    # Worker boundary: trafilatura/lxml/htmldate raise a wide, undocumented range of
    # errors on malformed pages; each one means "this page could not be extracted".
    except Exception as e:
        return "error", f"{type(e).__name__}: {e}"[:300], shape.max_depth
    if doc is None:
        return "ok", None, shape.max_depth
    fields = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    keep = {k: fields.get(k) for k in ("text", "title", "author", "date", "sitename",
                                         "url", "description")}
    return "ok", {k: (str(v) if v is not None else None) for k, v in keep.items()}, \
        shape.max_depth


def extract_main(html: str, url: str | None, settings: Settings, *,
                 source: str | None = None, precheck: bool = True) -> Extracted:
    """Main text and metadata of one page, under ``settings.extract_timeout_s``.

    Raises ``InputSkipped`` with reason ``hostile-html``, ``extract-timeout``,
    ``extract-failed`` or ``no-main-text``. ``precheck=False`` skips the shape scan
    (tests use it to prove the time limit holds on its own).
    """
    src = source or url or "html"
    if not _DOCUMENT_RE.search(html):
        # trafilatura finds nothing in a bare fragment such as "<p>…</p>" (lxml makes
        # the <p> the root); give it a document to look into.
        html = f"<html><body>{html}</body></html>"
    try:
        status, payload, depth = run_limited(
            _extract_in_worker, (html, url, precheck), settings.extract_timeout_s
        )
    except SandboxTimeout as e:
        raise InputSkipped(
            "extract-timeout",
            f"{src}: main-text extraction {e} (CHRONICLER_EXTRACT_TIMEOUT_S); skipped",
            source=src,
        ) from e
    except SandboxCrashed as e:
        raise InputSkipped("extract-failed", f"{src}: extraction {e}", source=src) from e
    if status == "hostile":
        raise InputSkipped("hostile-html", f"{src}: {payload}", source=src)
    if status == "error":
        raise InputSkipped("extract-failed", f"{src}: extraction failed: {payload}", source=src)
    text = (payload or {}).get("text") or ""
    if not text.strip():
        hint = ""
        if depth > LXML_DEPTH:
            hint = f" (nested {depth} deep; lxml drops text below depth {LXML_DEPTH})"
        raise InputSkipped("no-main-text", f"{src}: no main text found{hint}", source=src)
    return Extracted(**{**payload, "text": text.replace("\r\n", "\n")})


def read_html_bytes(data: bytes, source: str, settings: Settings, *, url: str | None = None,
                    http_charset: str | None = None, kind: SourceKind = "html",
                    notes: list[str] | None = None) -> RawDoc:
    """One HTML document (file, WARC payload, response body) → RawDoc."""
    declared = http_charset or meta_charset(data[:4096])
    html, dec_notes = decode_text(data, source, declared)
    ex = extract_main(html, url, settings, source=source)
    return RawDoc(
        source_path=source,
        source_kind=kind,
        text=ex.text,
        title=ex.title,
        url=url or ex.url,
        outlet=ex.sitename,
        author=ex.author,
        published=ex.date,
        raw_hash=sha1(data),
        notes=[*dec_notes, *(notes or [])],
    )


# ------------------------------------------------------------------ fragments
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre hr dd dt dl "
    "section article header footer aside figure figcaption form fieldset nav main "
    "details summary address caption td th".split()
)
_DROP_WITH_CONTENT = frozenset(
    "script style template noscript iframe object embed svg math select button".split()
)
_BLOCK_MARK_RE = re.compile(r"</?[a-z0-9]+>")
_SPACES_RE = re.compile(r"[ \t\f\v\u00a0]+")
_BLANKS_RE = re.compile(r"\n{3,}")


def fragment_to_text(fragment: str) -> str:
    """Plain text of an untrusted HTML fragment; never returns markup.

    Pass 1 keeps only attribute-free block tags (scripts, styles and SVG are
    dropped with their content; links, forms and event handlers vanish), so the
    block marks can be turned into newlines with a trivial regex. Pass 2 removes
    anything left and the entities are unescaped once.
    """
    blocks = nh3.clean(fragment, tags=set(_BLOCK_TAGS), attributes={},
                       clean_content_tags=set(_DROP_WITH_CONTENT), link_rel=None,
                       strip_comments=True)
    marked = _BLOCK_MARK_RE.sub("\n", blocks)
    bare = nh3.clean(marked, tags=set(), attributes={}, link_rel=None)
    text = html_lib.unescape(bare)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.replace("\r", "").split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip()


def sanitize_fragment(fragment: str) -> str:
    """Safe HTML (nh3 defaults) for handing a feed entry to trafilatura."""
    return nh3.clean(fragment, clean_content_tags=set(_DROP_WITH_CONTENT))

