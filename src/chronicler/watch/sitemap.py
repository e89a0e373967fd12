"""Sitemaps (``<urlset>``, with or without ``<news:news>``) and sitemap indexes.

Parsed with defusedxml (no entities, no DTD tricks, no external references), by the
local names of the elements so that any namespace prefix reads the same.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

from chronicler.errors import InputSkipped

SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
_ROOT_RE = re.compile(rb"<([A-Za-z_][\w.:-]*)")


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    title: str | None = None  # news:title
    published: str | None = None  # news:publication_date
    outlet: str | None = None  # news:publication/news:name


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: tuple[SitemapEntry, ...]

    def newest_first(self) -> list[SitemapEntry]:
        # ISO dates sort as strings; entries without any date go last, in file order.
        dated = [e for e in self.entries if e.published or e.lastmod]
        undated = [e for e in self.entries if not (e.published or e.lastmod)]
        return sorted(dated, key=lambda e: e.published or e.lastmod or "",
                      reverse=True) + undated


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def looks_like_sitemap(body: bytes) -> bool:
    head = re.sub(rb"<!--.*?-->|<\?.*?\?>", b"", body[:4096], flags=re.DOTALL)
    m = _ROOT_RE.search(head)
    return m is not None and _local(m.group(1).decode("ascii", "replace")) in SITEMAP_ROOTS


def _text(el: object | None) -> str | None:
    t = getattr(el, "text", None)
    t = " ".join(t.split()) if t else ""
    return t or None


def parse_sitemap(body: bytes, source: str) -> Sitemap:
    """Entries with an http(s) ``loc``; raises ``InputSkipped`` for unsafe or broken XML."""
    try:
        root = safe_et.parse(io.BytesIO(body), forbid_dtd=True, forbid_entities=True,
                             forbid_external=True).getroot()
    except defusedxml.DefusedXmlException as e:
        raise InputSkipped("xml-bomb", f"{source}: refused unsafe XML ({e})",
                           source=source) from e
    except (ParseError, ValueError, LookupError) as e:
        raise InputSkipped("bad-sitemap", f"{source}: not well-formed XML ({e})",
                           source=source) from e
    kind = _local(root.tag)
    if kind not in SITEMAP_ROOTS:
        raise InputSkipped("bad-sitemap", f"{source}: XML root is <{kind}>, not urlset or "
                           "sitemapindex", source=source)
    child = "sitemap" if kind == "sitemapindex" else "url"
    out: list[SitemapEntry] = []
    for item in root:
        if _local(item.tag) != child:
            continue
        found: dict[str, str | None] = {}
        for el in item.iter():
            name = _local(el.tag)
            if name in ("loc", "lastmod", "title", "publication_date", "name") \
                    and name not in found:
                found[name] = _text(el)
        loc = found.get("loc")
        if not loc or not loc.lower().startswith(("http://", "https://")):
            continue
        out.append(SitemapEntry(loc=loc, lastmod=found.get("lastmod"),
                                title=found.get("title"),
                                published=found.get("publication_date"),
                                outlet=found.get("name")))
    return Sitemap(is_index=kind == "sitemapindex", entries=tuple(out))
