"""Exports following the JSONL export contract (../shared/ARCHITECTURE.md).

Each kind is a generator of plain dicts built from the typed records; JSONL puts a
``kind`` on every line, CSV and Parquet write one file per kind.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

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


SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet",
            ".pq": "parquet"}
STDOUT = "-"


def format_for(out: str | Path, fmt: str | None) -> str:
    """The format to write: ``fmt`` when given, else from the file extension
    (``-``, standard output, is JSONL)."""
    if fmt is not None:
        f = fmt.strip().lower()
        if f not in FORMATS:
            from chronicler.views.validate import nearest

            near = nearest(f, FORMATS)
            raise ExportError(f"unknown format {fmt!r}" + (f"; did you mean {near!r}?" if near
                              else "") + f" (use one of {', '.join(FORMATS)})")
        return f
    if str(out) == STDOUT:
        return "jsonl"
    suffix = Path(out).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    raise ExportError(f"cannot tell the format of {out}: give it an extension "
                      f"({', '.join(SUFFIXES)}) or -f {'|'.join(FORMATS)} (a directory "
                      "gets one file per kind)")


def export(store: Store, out: str | Path | IO[Any], fmt: str | None = None,
           kinds: Sequence[str] | None = None) -> dict[str, int]:
    """Write records to ``out``; return the count per kind.

    ``fmt`` defaults to the extension of ``out`` (.jsonl, .csv, .parquet); ``out`` may
    be ``"-"`` (standard output) or an open file. jsonl: one stream, every line has
    ``kind``. plover: events in PLOVER's field names. csv/parquet: a file named
    ``*.csv``/``*.parquet`` (or a stream) holds exactly one kind (article by default);
    any other path is a directory with ``<kind>.<fmt>`` per kind. Parquet keeps the
    records' types (DATE, LIST, STRUCT); CSV is flat (:mod:`chronicler.outputs.tables`).
    """
    stream = None if isinstance(out, (str, Path)) and str(out) != STDOUT else out
    fmt = format_for("-" if stream is not None else out, fmt)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    if fmt in ("plover", "jsonl"):
        with _text_out(out, stream) as f:
            if fmt == "plover":  # PLOVER-style JSONL: events only, PLOVER's field names
                from chronicler.outputs.plover import to_plover

                for e in store.json_records("events", order="date NULLS LAST, type, id"):
                    f.write(json.dumps(to_plover(e), ensure_ascii=False) + "\n")
                    counts["event"] = counts.get("event", 0) + 1
            else:
                for rec in iter_records(store, kinds):
                    counts[rec["kind"]] = counts.get(rec["kind"], 0) + 1
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return counts

    single = stream is not None or Path(str(out)).suffix.lower() in (f".{fmt}", ".pq")
    if single:
        chosen = _check_kinds(kinds or ["article"])
        if len(chosen) != 1:
            raise ExportError(f"{'standard output' if stream is not None else out} is one "
                              "file: pass one --kind, or give a directory")
        targets: dict[str, Any] = {chosen[0]: stream if stream is not None else Path(str(out))}
    else:
        targets = {k: Path(str(out)) / f"{k}.{fmt}" for k in _check_kinds(kinds)}
    for kind, path in targets.items():
        rows = list(KINDS[kind](store))
        counts[kind] = len(rows)
        if isinstance(path, Path):
            path.parent.mkdir(parents=True, exist_ok=True)
        (_write_csv if fmt == "csv" else _write_parquet)(path, kind, rows)
    return counts


@contextmanager
def _text_out(out: Any, stream: Any) -> Iterator[IO[str]]:
    if stream is None:
        p = Path(str(out))
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("w", encoding="utf-8") as f:
            yield f
    elif stream == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
    else:
        yield stream


def _write_csv(path: Any, kind: str, rows: list[dict[str, Any]]) -> None:
    from chronicler.outputs.tables import flat_rows

    cols, flat = flat_rows(kind, rows)
    with _text_out(path, None if isinstance(path, Path) else path) as f:
        w = csv.DictWriter(f, fieldnames=[c.name for c in cols], lineterminator="\n")
        w.writeheader()
        for r in flat:
            w.writerow(r)


def _write_parquet(path: Any, kind: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow.parquet as pq

    from chronicler.outputs.tables import arrow_table

    table = arrow_table(kind, rows)
    if isinstance(path, Path):
        pq.write_table(table, path)
        return
    buf = sys.stdout.buffer if path == STDOUT else path
    pq.write_table(table, buf)
