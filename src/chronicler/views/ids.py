"""Record ids by unique prefix, as git takes commit ids.

The CLI prints ids cut to 10 characters; every id a user may type (CLI arguments, web
URLs, REST paths and filters) goes through :func:`resolve`, which accepts the full id
or any unique prefix of at least ``MIN_PREFIX`` characters. Two matches are an
:class:`AmbiguousId` naming them; none is ``NotFound`` (a record asked for) or
``InvalidValue`` (a filter).
"""

from __future__ import annotations

from chronicler.errors import NotFound, UsageError
from chronicler.store import Store
from chronicler.views.base import InvalidValue

MIN_PREFIX = 4

# kind -> tables holding its ids (merged/aligned first, then per-article).
TABLES: dict[str, tuple[str, ...]] = {
    "article": ("articles",),
    "actor": ("actors",),
    "quote": ("quotes",),
    "event": ("events", "article_events"),
    "claim": ("claims", "article_claims"),
    "story": ("stories",),
}


class AmbiguousId(UsageError):
    """A prefix that starts more than one id (REST: 422, CLI: exit 2)."""


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def resolve(store: Store, kind: str, value: str, *, param: str | None = None) -> str:
    """The full id of the ``kind`` record that ``value`` names (the id itself or a
    unique prefix; an actor may also be named exactly, case-insensitively)."""
    v = value.strip()
    tables = TABLES[kind]
    for t in tables:
        if store.conn.execute(f"SELECT 1 FROM {t} WHERE id = ?", [v]).fetchone():
            return v
    found: list[str] = []
    if len(v) >= MIN_PREFIX:
        for t in tables:
            found = [r[0] for r in store.conn.execute(
                f"SELECT id FROM {t} WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6",
                [_like(v)]).fetchall()]
            if found:
                break
    if not found and kind == "actor":
        found = [r[0] for r in store.conn.execute(
            "SELECT id FROM actors WHERE lower(name) = lower(?) ORDER BY id LIMIT 6",
            [v]).fetchall()]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        raise AmbiguousId(f"{param or kind} id {v!r} is ambiguous: it starts {shown}; "
                          "give more characters")
    short = f" (a prefix needs at least {MIN_PREFIX} characters)" if len(v) < MIN_PREFIX else ""
    if param is not None:
        raise InvalidValue(param, value, hint=f"no {kind} has this id{short}")
    raise NotFound(f"no {kind} with id {v!r}{short}")
