"""What ``chronicler watch`` remembers between cycles and restarts (schema v5).

    watch_sources  one row per watched source: last check, last error, next due time,
                   consecutive failures, counts (checks, 304s, articles, errors)
    watch_http     per URL: the ETag / Last-Modified validators and the body hash of
                   the last 200, so an unchanged feed costs a 304 or nothing at all
    watch_seen     per source: the items (links, paths) already handed to the ingest,
                   with a signature (a file's size and mtime), never fetched again

Everything here is written by the one writer (the watch loop's thread), after the
ingest of the same cycle has committed its articles: a ``kill -9`` in between only
means the next run sees those items again, finds them stored, and skips them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from chronicler.store.db import Store


@dataclass
class SourceState:
    id: str
    location: str
    kind: str
    interval_s: float
    outlet: str | None = None
    tags: list[str] = field(default_factory=list)
    last_check: datetime | None = None
    last_ok: datetime | None = None
    last_status: str | None = None  # "new", "unchanged", "not-modified", "error", ...
    last_error: str | None = None
    failures: int = 0  # consecutive; drives the backoff
    next_due: datetime | None = None
    n_checks: int = 0
    n_not_modified: int = 0
    n_articles: int = 0
    n_errors: int = 0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k, v in d.items():
            if isinstance(v, datetime):
                d[k] = v.isoformat(timespec="seconds")
        return d


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


_COLS = [f.name for f in fields(SourceState)]


def load_states(store: Store) -> dict[str, SourceState]:
    rows = store.conn.execute(f"SELECT {', '.join(_COLS)} FROM watch_sources ORDER BY id")
    return {r[0]: SourceState(**dict(zip(_COLS, r, strict=True)))
            for r in rows.fetchall()}


def save_states(store: Store, states: Iterable[SourceState]) -> None:
    rows = [[getattr(s, c) for c in _COLS] for s in states]
    if rows:
        store.conn.executemany(
            f"INSERT OR REPLACE INTO watch_sources ({', '.join(_COLS)}) "
            f"VALUES ({', '.join('?' * len(_COLS))})", rows)


def load_validators(store: Store) -> dict[str, Validators]:
    rows = store.conn.execute(
        "SELECT url, etag, last_modified, body_hash FROM watch_http").fetchall()
    return {u: Validators(e, lm, h) for u, e, lm, h in rows}


def save_validators(store: Store, found: Mapping[str, Validators], now: datetime) -> None:
    rows = [[u, v.etag, v.last_modified, v.body_hash, now] for u, v in found.items()]
    if rows:
        store.conn.executemany("INSERT OR REPLACE INTO watch_http VALUES (?, ?, ?, ?, ?)",
                               rows)


def load_seen(store: Store) -> dict[str, dict[str, str]]:
    """source id -> {item key: signature}."""
    out: dict[str, dict[str, str]] = {}
    for sid, key, sig in store.conn.execute(
            "SELECT source_id, key, sig FROM watch_seen").fetchall():
        out.setdefault(sid, {})[key] = sig
    return out


def save_seen(store: Store, source_id: str, items: Mapping[str, str], now: datetime) -> None:
    rows = [[source_id, k, sig, now] for k, sig in items.items()]
    if rows:
        # A changed file keeps its first_seen; only its signature moves.
        store.conn.executemany(
            "INSERT INTO watch_seen VALUES (?, ?, ?, ?) ON CONFLICT (source_id, key) "
            "DO UPDATE SET sig = excluded.sig", rows)


def stored_source_paths(store: Store) -> set[str]:
    """Every stored article's source path: an item stored by an earlier run (or by a
    run killed before it could mark the item seen) is never fetched again."""
    return {r[0] for r in store.conn.execute("SELECT source_path FROM articles").fetchall()}
