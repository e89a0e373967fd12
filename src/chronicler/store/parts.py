"""Parts of the cross-article stages' store paths: replace the part of a table an
incremental update touches (``chronicler.run.cross``), where ``Store.replace_all``
replaces everything, and hold the records a whole-store step reads in less memory
(``lean``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from chronicler.store.db import Store


def replace_where(store: Store, table: str, where: str, params: Sequence[Any],
                  records: Sequence[Any]) -> None:
    """Delete the rows of ``table`` that ``where`` selects (an SQL fragment written by
    chronicler, never user text: values go through ``params``), then insert ``records``
    (one row per key, as ``Store.replace_all`` does)."""
    store.conn.execute(f"DELETE FROM {table} WHERE {where}", list(params))
    store._insert_json(table, records)  # noqa: SLF001 - the store package's own helper


_SHORT = 64  # ids, outlets, codes and names: the strings many records repeat


def lean(records: Iterable[BaseModel]) -> None:
    """Shrink records read back from the store, in place, without changing any value.

    A record read back has every field set, and pydantic keeps the names of its set
    fields in a set of its own per record (and per nested record): about half the
    memory of a per-article claim. A record whose set holds every field of its model
    takes one set shared by all such records of that model instead (pydantic only ever
    adds to it, and adding a name it holds changes nothing; ``model_copy`` copies it).
    Short strings (ids, outlet names, country codes) are interned: a thousand claims of
    one article hold one copy of its id. Values, dumps and comparisons are unchanged.
    """
    full: dict[type, set[str]] = {}
    todo: list[Any] = list(records)
    while todo:
        r = todo.pop()
        cls = type(r)
        shared = full.get(cls)
        if shared is None:
            shared = full[cls] = set(cls.model_fields)
        if r.__pydantic_fields_set__ == shared:
            object.__setattr__(r, "__pydantic_fields_set__", shared)
        d = r.__dict__
        for k, v in d.items():
            if isinstance(v, str):
                if len(v) <= _SHORT:
                    d[k] = sys.intern(v)
            elif isinstance(v, BaseModel):
                todo.append(v)
            elif isinstance(v, list) and v:
                if isinstance(v[0], BaseModel):
                    todo.extend(v)
                elif isinstance(v[0], str):
                    v[:] = [sys.intern(x) if len(x) <= _SHORT else x for x in v]
