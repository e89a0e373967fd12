"""Exports following the JSONL export contract (../shared/ARCHITECTURE.md).

Each kind is a generator of plain dicts built from the typed records; JSONL puts a
``kind`` on every line, CSV and Parquet write one file per kind.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from chronicler.errors import ExportError
from chronicler.records import record
from chronicler.store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover")
KindFn = Callable[[Store], Iterator[dict[str, Any]]]


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.articles():
        yield record("article", a)


def actor_records(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.actors():
        yield record("actor", a)


def quote_records(store: Store) -> Iterator[dict[str, Any]]:
    for q in store.per_article("quotes"):
        yield record("quote", q)


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Events merged across articles (one per real-world event, all its evidence)."""
    for e in store.json_records("events", order="date NULLS LAST, type, id"):
        yield record("event", e)


def claim_records(store: Store) -> Iterator[dict[str, Any]]:
    for c in store.json_records("claims"):
        yield record("claim", c)


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    for s in store.json_records("stories"):
        yield record("story", s)


def framing_records(store: Store) -> Iterator[dict[str, Any]]:
    for f in store.json_records("framing"):
        yield record("framing", f)


# kind name -> record generator, in export order.
KINDS: dict[str, KindFn] = {
    "article": article_records,
    "actor": actor_records,
    "quote": quote_records,
    "event": event_records,
    "claim": claim_records,
    "story": story_records,
    "framing": framing_records,
}


def register_kind(name: str, fn: KindFn) -> None:
    KINDS[name] = fn


def iter_records(store: Store, kinds: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    for k in _check_kinds(kinds):
        yield from KINDS[k](store)


def _check_kinds(kinds: Sequence[str] | None) -> list[str]:
    if not kinds:
        return list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ExportError(
            f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}"
        )
    return list(kinds)


def export(
    store: Store, out: str | Path, fmt: str = "jsonl", kinds: Sequence[str] | None = None
) -> dict[str, int]:
    """Write records to ``out``; return the count per kind.

    jsonl: one file, every line has ``kind``. csv/parquet: if ``out`` ends in
    ``.csv``/``.parquet`` it is one file and exactly one kind is written (article by
    default); otherwise ``out`` is a directory with ``<kind>.<fmt>`` per kind.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    counts: dict[str, int] = {}
    if fmt == "plover":  # PLOVER-style JSONL: events only, PLOVER's field names
        from chronicler.outputs.plover import to_plover

        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            for e in store.json_records("events", order="date NULLS LAST, type, id"):
                f.write(json.dumps(to_plover(e), ensure_ascii=False) + "\n")
                counts["event"] = counts.get("event", 0) + 1
        return counts
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            for rec in iter_records(store, kinds):
                counts[rec["kind"]] = counts.get(rec["kind"], 0) + 1
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return counts

    if out.suffix == f".{fmt}":
        chosen = _check_kinds(kinds or ["article"])
        if len(chosen) != 1:
            raise ExportError(
                f"{out.name} is one file: pass one --kind, or give a directory"
            )
        targets = {chosen[0]: out}
    else:
        targets = {k: out / f"{k}.{fmt}" for k in _check_kinds(kinds)}
    for kind, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = list(KINDS[kind](store))
        counts[kind] = len(rows)
        (_write_csv if fmt == "csv" else _write_parquet)(path, rows)
    return counts


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    cols = list(rows[0]) if rows else ["kind"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({k: _flat(r.get(k)) for k in cols})


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Nested values go in as JSON text: a column whose rows are sometimes null and
    # sometimes differently shaped structs does not infer one Arrow type.
    table = pa.Table.from_pylist([{k: _flat(v) for k, v in r.items()} for r in rows])
    pq.write_table(table, path)
