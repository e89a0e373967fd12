"""Small facts about the whole store, kept between runs (table ``corpus_state``).

``fingerprint(store)`` summarises what the cross-article stages read: every article's
id, dates, outlet and text hash, and every analysis with its provenance and time. Any
ingest, re-analysis or lent year changes it; a run that changes nothing leaves it as is.
"""

from __future__ import annotations

from chronicler.store.db import Store, _first


def get(store: Store, key: str) -> str | None:
    row = _first(store.conn.execute("SELECT value FROM corpus_state WHERE key = ?", [key]))
    return None if row is None else str(row[0])


def put(store: Store, key: str, value: str) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO corpus_state (key, value, updated_at) "
        "VALUES (?, ?, current_timestamp)", [key, value])


def clear(store: Store, key: str) -> None:
    store.conn.execute("DELETE FROM corpus_state WHERE key = ?", [key])


def clear_prefix(store: Store, prefix: str) -> None:
    store.conn.execute("DELETE FROM corpus_state WHERE starts_with(key, ?)", [prefix])


def fingerprint(store: Store) -> str:
    arts = _first(store.conn.execute(
        "SELECT count(*), coalesce(bit_xor(hash(id, published, published_inferred, outlet, "
        "text_hash)), 0) FROM articles"))
    ans = _first(store.conn.execute(
        "SELECT count(*), coalesce(bit_xor(hash(article_id, provenance, analyzed_at)), 0) "
        "FROM article_analysis"))
    return f"a{arts[0]}:{arts[1]}|x{ans[0]}:{ans[1]}" if arts and ans else ""
