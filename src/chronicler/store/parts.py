"""Replace part of a cross-article table: the incremental update of what new articles
touch (``chronicler.run.cross``), where ``Store.replace_all`` replaces everything."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chronicler.store.db import Store


def replace_where(store: Store, table: str, where: str, params: Sequence[Any],
                  records: Sequence[Any]) -> None:
    """Delete the rows of ``table`` that ``where`` selects (an SQL fragment written by
    chronicler, never user text: values go through ``params``), then insert ``records``
    (one row per key, as ``Store.replace_all`` does)."""
    store.conn.execute(f"DELETE FROM {table} WHERE {where}", list(params))
    store._insert_json(table, records)  # noqa: SLF001 - the store package's own helper
