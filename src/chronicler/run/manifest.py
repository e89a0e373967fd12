"""Parquet parts and the resume state of a distributed ingest.

A shard moves through three states, each recorded where a crash cannot tear it:

    planned ──(worker result)──> part written ──(one store transaction)──> committed

* **part written**: ``<out_dir>/part-<shard id>.parquet`` exists. It is written to a
  temporary name in the same directory and renamed, so it is either whole or absent;
  a re-run that recomputes a shard overwrites the same name (idempotent).
* **committed**: a row with the shard id in the store's ``ingest_shards`` table,
  inserted in the same transaction as the shard's articles, analyses and errors
  (exactly like the local path; Ray shard ids start with ``ray-``, so they never
  collide with local ones).

A re-run skips committed shards, commits parts already written without recomputing
them, and sends only the rest to the cluster. Parts are the exchange format between
the workers and the single writer of the database, and a cache: once a run has
finished, deleting them loses nothing (the store is the truth).

Part schema (one row per input item, in reader order): ``seq``, ``kind``
(``article`` | ``error``), ``article_id``, ``source``, ``reason``, ``n_words``, and
the records themselves as JSON of the typed models (``article``, ``analysis``,
``error``) plus the MinHash signature (``minhash``). JSON of the pydantic models
round-trips exactly, which is what makes the Ray store equal to the local one.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chronicler.records import Analysis, Article, IngestError, RawDoc
from chronicler.run.pipeline import Processed

__all__ = ["PART_FORMAT", "PartIndex", "ShardResult", "clean_temp_files", "default_out_dir",
           "encode_part", "part_path", "read_part", "read_part_index", "write_part_atomic"]

PART_FORMAT = "chronicler.part.v1"

SCHEMA = pa.schema([
    ("seq", pa.int32()),
    ("kind", pa.string()),
    ("article_id", pa.string()),
    ("source", pa.string()),
    ("reason", pa.string()),
    ("n_words", pa.int32()),
    ("article", pa.string()),
    ("minhash", pa.binary()),
    ("analysis", pa.string()),
    ("error", pa.string()),
])


@dataclass
class ShardResult:
    """A part read back: what the store needs to commit one shard."""

    shard_id: str
    processed: list[Processed] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    n_items: int = 0


@dataclass
class PartIndex:
    """A part's counts, ids and errors without parsing its records."""

    n_items: int
    article_ids: list[str]
    errors: list[IngestError]


def default_out_dir(db: str | Path) -> Path:
    """``<db>.parts/`` next to the database file."""
    return Path(f"{db}.parts")


def part_path(out_dir: str | Path, shard_id: str) -> Path:
    return Path(out_dir) / f"part-{shard_id}.parquet"


def encode_part(shard_id: str, items: Sequence[RawDoc | IngestError],
                results: Sequence[Processed | IngestError]) -> bytes:
    """One shard's results as Parquet bytes, in reader order.

    ``items`` is what the reader gave (documents and input errors); ``results`` is
    ``process_batch`` over the documents, one per document, in order.
    """
    cols: dict[str, list[object]] = {name: [] for name in SCHEMA.names}
    it = iter(results)
    for seq, item in enumerate(items):
        out = next(it) if isinstance(item, RawDoc) else item
        row: dict[str, object] = dict.fromkeys(SCHEMA.names)
        row["seq"] = seq
        if isinstance(out, Processed):
            a = out.article
            row.update(kind="article", article_id=a.id, source=a.source_path,
                       n_words=a.n_words, article=a.model_dump_json(), minhash=out.minhash,
                       analysis=None if out.analysis is None else out.analysis.model_dump_json())
        else:
            row.update(kind="error", source=out.source, reason=out.reason,
                       error=out.model_dump_json())
        for k, v in row.items():
            cols[k].append(v)
    if next(it, None) is not None:
        raise ValueError("more results than documents in the shard")
    table = pa.table(cols, schema=SCHEMA).replace_schema_metadata(
        {"format": PART_FORMAT, "shard_id": shard_id})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def write_part_atomic(out_dir: str | Path, shard_id: str, data: bytes) -> Path:
    """Write the part under a temporary name in ``out_dir``, then rename it into place."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    final = part_path(out, shard_id)
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=out)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return final


def clean_temp_files(out_dir: str | Path) -> int:
    """Remove temporary files a killed driver left behind; return how many.

    Safe because the database admits one writer: no other ingest into the same store
    can be writing parts now.
    """
    n = 0
    for p in Path(out_dir).glob(".part-*.tmp"):
        p.unlink(missing_ok=True)
        n += 1
    return n


def _check(path: str | Path, table: pa.Table) -> dict[bytes, bytes]:
    meta = table.schema.metadata or {}
    if meta.get(b"format") != PART_FORMAT.encode():
        raise ValueError(f"{path}: not a {PART_FORMAT} part")
    return meta


def read_part_index(path: str | Path) -> PartIndex:
    table = pq.read_table(path, columns=["kind", "article_id", "error"])
    _check(path, table)
    rows = table.to_pylist()
    return PartIndex(
        n_items=len(rows),
        article_ids=[r["article_id"] for r in rows if r["kind"] == "article"],
        errors=[IngestError.model_validate_json(r["error"]) for r in rows
                if r["kind"] == "error"])


def read_part(path: str | Path) -> ShardResult:
    table = pq.read_table(path)
    meta = _check(path, table)
    res = ShardResult(shard_id=meta[b"shard_id"].decode(), n_items=table.num_rows)
    rows = table.select(["kind", "article", "minhash", "analysis", "error"]).to_pylist()
    for r in rows:
        if r["kind"] == "article":
            analysis = (None if r["analysis"] is None
                        else Analysis.model_validate_json(r["analysis"]))
            res.processed.append(Processed(article=Article.model_validate_json(r["article"]),
                                           minhash=r["minhash"], analysis=analysis))
        else:
            res.errors.append(IngestError.model_validate_json(r["error"]))
    return res
