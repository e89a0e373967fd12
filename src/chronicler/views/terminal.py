"""Terminal tables: the columns each kind of record shows (``chronicler <kind>``).

Each column is a name and a function of the record dict (the same dict ``--json``
prints), so the table and the JSON never disagree. Text is cut at a word boundary with
an ellipsis; dates are shown at their precision ("2025-05", never a made-up day);
events that did not happen as told are marked the same way as on the web and in the
report (:func:`chronicler.views.base.event_status`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rich.markup import escape
from rich.table import Table

from chronicler.store import Store
from chronicler.text.terminal import for_terminal
from chronicler.views.base import event_status, shown_date

Column = tuple[str, Callable[[dict[str, Any]], object]]


def cut(text: str | None, n: int) -> str:
    """``text`` at most ``n`` characters, cut at a word boundary with an ellipsis."""
    s = " ".join((text or "").split())
    if len(s) <= n:
        return s
    head = s[: n - 1]
    space = head.rfind(" ")
    if space > n // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def _parties(xs: list[dict[str, Any]]) -> str:
    return ", ".join(x.get("country") or x.get("name") or "?" for x in xs or [])


def short_id(r: dict[str, Any]) -> str:
    return str(r.get("id") or "")[:10]


def event_date(r: dict[str, Any]) -> str:
    return shown_date(r.get("date"), r.get("date_precision")) or "undated"


def _sources(r: dict[str, Any]) -> str:
    return "; ".join(f"{s.get('outlet') or 'unknown outlet'}, {s.get('published') or 'undated'}"
                     for s in r.get("sources", []))


COLUMNS: dict[str, list[Column]] = {
    "article": [
        ("id", short_id),
        ("published", lambda r: (r.get("published") or "")
         + ("*" if r.get("published_inferred") else "")),
        ("outlet", lambda r: r.get("outlet")),
        ("title", lambda r: cut(r.get("title"), 70)),
        ("dup of", lambda r: (r.get("duplicate_of") or "")[:10]),
    ],
    "actor": [
        ("id", short_id), ("name", lambda r: r["name"]), ("type", lambda r: r["type"]),
        ("country", lambda r: r.get("country")), ("sector", lambda r: r.get("sector")),
        ("mentions", lambda r: r.get("n_mentions")),
        ("aliases", lambda r: cut(", ".join(r.get("aliases", [])[:4]), 40)),
    ],
    "quote": [
        ("speaker", lambda r: (r.get("speaker") or {}).get("name")),
        ("country", lambda r: (r.get("speaker") or {}).get("country")),
        ("kind", lambda r: r.get("quote_kind")), ("cue", lambda r: r.get("cue")),
        ("quote", lambda r: cut(r["text"], 120)),
    ],
    "event": [
        ("id", short_id), ("date", event_date), ("type", lambda r: r["type"]),
        ("actor", lambda r: _parties(r.get("actor", []))),
        ("recipient", lambda r: _parties(r.get("recipient", []))),
        ("as told", event_status),
        ("sources", lambda r: r.get("n_sources")),
        ("evidence", lambda r: cut(r["evidence"][0]["text"], 90) if r.get("evidence") else ""),
    ],
    "claim": [
        ("id", short_id), ("status", lambda r: r.get("status")),
        ("who", lambda r: (r.get("asserted_by") or {}).get("name")),
        ("hedge", lambda r: r.get("hedge")), ("sources", lambda r: r.get("n_sources")),
        ("claim", lambda r: cut(r.get("text"), 110)),
    ],
    "story": [
        ("id", short_id), ("from", lambda r: r.get("start") or ""),
        ("to", lambda r: r.get("end") or ""),
        ("articles", lambda r: len(r.get("article_ids", []))),
        ("events", lambda r: len(r.get("event_ids", []))),
        ("claims", lambda r: len(r.get("claim_ids", []))),
        ("title", lambda r: cut(r.get("title"), 70)),
    ],
    "framing": [
        ("story", lambda r: str(r.get("story_id") or "")[:10]),
        ("referent", lambda r: r.get("referent")), ("kind", lambda r: r.get("framing_kind")),
        ("terms (outlets)", lambda r: "; ".join(
            f"{v['term']} ({', '.join(v.get('outlets') or []) or '?'})"
            for v in r.get("variants", []))),
    ],
    "search": [
        ("kind", lambda r: r.get("kind")), ("id", short_id),
        ("outlet", lambda r: r.get("outlet")), ("published", lambda r: r.get("published")),
        ("snippet", lambda r: cut(r.get("snippet"), 110)),
    ],
    "timeline": [
        ("date", lambda r: r["date"]), ("actor", lambda r: r["actor"]),
        ("recipient", lambda r: r["recipient"]), ("events", lambda r: r["n_events"]),
        ("conflict", lambda r: f"{r['n_conflict']} ({r['conflict_sum']:+.1f})"),
        ("cooperation", lambda r: f"{r['n_cooperation']} ({r['cooperation_sum']:+.1f})"),
        ("score", lambda r: f"{r['score_sum']:+.1f}"),
    ],
    "side": [
        ("who", lambda r: r.get("who")), ("says", lambda r: cut(r.get("text"), 90)),
        ("where", _sources),
    ],
}


def esc(s: str) -> str:
    """Article-derived text is untrusted: never read as rich markup, and no terminal
    escape sequences."""
    return escape(for_terminal(s))


_SHORT = {"id", "date", "from", "to", "published", "status", "story", "type", "sources",
          "events", "articles", "claims", "mentions", "country", "kind", "hedge"}


def page_table(kind: str, page: Mapping[str, Any], title: str | None = None) -> Table:
    """A page ``{items, total, limit, offset}`` as a table of ``COLUMNS[kind]``."""
    items, total = page["items"], page["total"]
    label = {"story": "stories", "search": "hits", "framing": "framing records",
             "side": "sides"}.get(kind, kind + "s")
    head = title if title is not None else f"{len(items)} of {total} {label}" + (
        f" (from {page['offset'] + 1})" if page["offset"] else "")
    t = Table(title=head or None, title_justify="left")
    cols = COLUMNS[kind]
    for i, (name, _) in enumerate(cols):
        if i == len(cols) - 1:  # the text column takes the room that is left
            t.add_column(name, overflow="fold", ratio=1)
        else:
            t.add_column(name, overflow="fold", no_wrap=name in _SHORT)
    for item in items:
        cells = [fn(item) for _, fn in cols]
        t.add_row(*[esc("" if c is None else str(c)) for c in cells])
    return t


def side_tables(store: Store, claims: list[dict[str, Any]], n: int = 10) -> list[Table]:
    """Each contested pair among ``claims``, once, side by side: A says / B says, with
    the outlet and date of every source."""
    from chronicler.views.stories import claim_sides, contested_pairs

    contested = [{**c, "sides": claim_sides(store, c, [])}
                 for c in claims if c.get("status") == "contested"]
    tables = []
    for p in contested_pairs(contested)[:n]:
        rows = [{**p["a"], "who": f"A: {p['a']['who']}"}, {**p["b"], "who": f"B: {p['b']['who']}"}]
        page = {"items": rows, "total": 2, "offset": 0, "limit": 2}
        tables.append(page_table("side", page, title=f"contested: {cut(p['a']['text'], 60)}"))
    return tables


def found_tables(store: Store) -> list[Table]:
    """The demo's summary of what an ingest found: counts, wire copies, quotes."""
    tables = []
    t = Table(title="what chronicler found", title_justify="left", show_header=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    for label, table in [("articles", "articles"), ("actors", "actors"),
                         ("actor mentions", "mentions"), ("dates", "times"),
                         ("places", "places"), ("counts", "counts"), ("quotes", "quotes"),
                         ("events (merged)", "events"), ("claims (aligned)", "claims"),
                         ("stories", "stories"), ("framing records", "framing")]:
        t.add_row(label, str(store.count(table)))
    tables.append(t)

    groups = store.conn.execute(
        "SELECT c.title, c.outlet, count(*) FROM articles d JOIN articles c "
        "ON d.duplicate_of = c.id GROUP BY c.title, c.outlet ORDER BY 1").fetchall()
    if groups:
        g = Table(title="wire copies (counted once as a source)", title_justify="left")
        g.add_column("original", overflow="fold")
        g.add_column("outlet")
        g.add_column("copies", justify="right")
        for title, outlet, n in groups:
            g.add_row(esc(title or ""), esc(outlet or ""), str(n))
        tables.append(g)

    seen: set[str] = set()
    quotes = []
    for x in store.per_article("quotes", where="direct AND length(text) > 25 AND article_id IN "
                               "(SELECT id FROM articles WHERE duplicate_of IS NULL)"):
        if x.text not in seen and x.speaker is not None:
            seen.add(x.text)
            quotes.append(x)
    quotes = quotes[:8]
    if quotes:
        q = Table(title="some direct quotes", title_justify="left")
        q.add_column("speaker")
        q.add_column("country")
        q.add_column("quote", overflow="fold")
        for x in quotes:
            sp = x.speaker
            q.add_row(esc(sp.name if sp else "?"), (sp.country or "") if sp else "",
                      esc(x.text[:90]))
        tables.append(q)
    return tables


def summary_tables(s: Any, db: str) -> list[Any]:
    """An ingest summary (:class:`~chronicler.run.commit.IngestSummary`) as tables."""
    tables: list[Any] = []
    t = Table(title="ingest summary", show_header=False, title_justify="left")
    t.add_column(style="bold")
    t.add_column(justify="right")
    for k, v in [("read", s.read), ("stored (new)", s.stored),
                 ("already stored", s.already_stored), ("duplicates", s.duplicates),
                 ("skipped", s.skipped), ("seconds", f"{s.seconds:.2f}")]:
        t.add_row(k, str(v))
    tables.append(t)
    if s.errors:
        e = Table(title="skipped inputs", title_justify="left")
        e.add_column("source", overflow="fold")
        e.add_column("reason")
        e.add_column("message", overflow="fold")
        for x in s.errors[:50]:
            e.add_row(esc(x.source), x.reason, esc(x.message))
        tables.append(e)
        if len(s.errors) > 50:
            tables.append(f"... and {len(s.errors) - 50} more (see the ingest_errors table)")
    tables.append(f"database: {db}")
    return tables
