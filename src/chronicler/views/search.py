"""Search over articles, quotes and claims; outlet list and table counts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from chronicler.store import Store
from chronicler.views.base import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKENS,
    Filters,
    Page,
    SearchKind,
    _page,
    _Where,
    claims_table,
    clamp,
)

# ----------------------------------------------------------------------------- search
_TOKEN_RE = re.compile(r'"([^"]+)"|(\S+)')


def tokens(q: str) -> list[str]:
    """Words and "quoted phrases" of a query, at most MAX_QUERY_TOKENS."""
    out = []
    for m in _TOKEN_RE.finditer(q[:MAX_QUERY_CHARS]):
        t = (m.group(1) or m.group(2) or "").strip()
        if t:
            out.append(t)
    return out[:MAX_QUERY_TOKENS]


def like_pattern(token: str) -> str:
    """``%token%`` with LIKE's wildcards and the escape character escaped: a user's
    ``%`` or ``_`` matches only itself (used with ``ESCAPE '\\'``)."""
    esc = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _match(col: str, toks: Sequence[str]) -> tuple[str, list[str]]:
    cond = " AND ".join(f"{col} ILIKE ? ESCAPE '\\'" for _ in toks)
    return cond, [like_pattern(t) for t in toks]


def snippet(text: str, toks: Sequence[str], width: int = 90) -> str:
    """Text around the first match of any token, with ellipses where cut."""
    low = text.lower()
    hits = [i for i in (low.find(t.lower()) for t in toks) if i >= 0]
    if not hits:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    i = min(hits)
    start, end = max(0, i - width), min(len(text), i + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def search(store: Store, q: str, *, kinds: Sequence[SearchKind] | None = None,
           filters: Filters | None = None, limit: int | None = None,
           offset: int | None = 0) -> Page:
    """Article titles and text, quotes and claims containing every word (or "phrase")
    of ``q``, case-insensitively. Hits: {kind, id, article_id, title, outlet,
    published, snippet, text (quotes and claims)}. Filters: outlet, date range."""
    lim, off = clamp(limit, offset)
    toks = tokens(q or "")
    if not toks:
        return _page([], 0, lim, off)
    f = filters or Filters()
    want = set(kinds or ("article", "quote", "claim"))
    art = _Where()
    if f.outlet:
        art.add("a.outlet = ?", f.outlet)
    if f.date_from:
        art.add("a.published >= ?", f.date_from)
    if f.date_to:
        art.add("a.published <= ?", f.date_to)
    parts: list[str] = []
    params: list[Any] = []
    extra = (" AND " + art.sql) if art.conds else ""
    if "article" in want:
        cond, p = _match("(coalesce(a.title, '') || ' ' || a.text)", toks)
        parts.append("SELECT 0 AS rank, 'article' AS kind, a.id, a.id AS article_id, "
                     "a.title, a.outlet, a.published, a.text AS body FROM articles a "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if "quote" in want:
        cond, p = _match("q.text", toks)
        parts.append("SELECT 1 AS rank, 'quote' AS kind, q.id, q.article_id, a.title, a.outlet, "
                     "a.published, q.text AS body FROM quotes q JOIN articles a ON a.id = q.article_id "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if "claim" in want:
        table = claims_table(store)
        text_sql = f"json_extract_string({table}.payload, '$.text')"
        first = f"json_extract_string({table}.payload, '$.article_ids[0]')"
        cond, p = _match(text_sql, toks)
        parts.append(f"SELECT 2 AS rank, 'claim' AS kind, {table}.id, {first} AS article_id, "
                     f"a.title, a.outlet, a.published, {text_sql} AS body FROM {table} "
                     f"LEFT JOIN articles a ON a.id = {first} "
                     f"WHERE {cond}{extra}")
        params += p + art.params
    if not parts:
        return _page([], 0, lim, off)
    union = " UNION ALL ".join(parts)
    row = store.conn.execute(f"SELECT count(*) FROM ({union})", params).fetchone()
    total = int(row[0]) if row else 0
    rows = store.conn.execute(
        f"SELECT kind, id, article_id, title, outlet, published, body FROM ({union}) "
        f"ORDER BY rank, published NULLS LAST, id LIMIT {lim} OFFSET {off}", params).fetchall()
    items = []
    for kind, rid, aid, title, outlet, published, body in rows:
        hit: dict[str, Any] = {
            "kind": kind, "id": rid, "article_id": aid, "title": title, "outlet": outlet,
            "published": published.isoformat() if published else None,
            "snippet": snippet(body or "", toks),
            "text": None if kind == "article" else body,
        }
        items.append(hit)
    return _page(items, total, lim, off)


def outlets(store: Store) -> list[str]:
    """Every outlet named by a stored article, for filter menus."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1").fetchall()]


def counts(store: Store) -> dict[str, int]:
    """Rows per table, for the home page's summary."""
    return {t: store.count(t) for t in ("articles", "actors", "quotes", "events",
                                        "article_events", "claims", "article_claims",
                                        "stories", "framing")}
