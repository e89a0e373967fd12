"""The DuckDB store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from chronicler.errors import StoreError
from chronicler.records import Actor, Analysis, Article, IngestError, content_id
from chronicler.store.health import connect, is_data_error, translate
from chronicler.store.schema import LATEST, MIGRATIONS
from chronicler.store.tables import JSON_TABLES, PER_ARTICLE, TableSpec

ARTICLE_COLUMNS = [
    "id", "title", "outlet", "url", "author", "published", "published_inferred",
    "language", "duplicate_of", "source_path", "text", "source_kind", "dup_group",
    "text_hash", "n_words", "notes", "published_partial",
]


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        # Checks the folder, locks, checksums and that the file is ours (store.health).
        self.conn = connect(self.path, read_only=read_only)
        try:
            if not read_only:
                self.migrate()
            elif self.schema_version() < LATEST:
                # An older store: upgrade it once (a write), then read as asked.
                self.conn.close()
                Store(self.path).close()
                self.conn = connect(self.path, read_only=True)
            self._check_version()
        except duckdb.Error as e:
            self.conn.close()
            raise translate(e, self.path) from e
        except StoreError:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        exists = _first(self.conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name='schema_migrations'"
        ))
        if not exists or not exists[0]:
            return 0
        row = _first(self.conn.execute("SELECT max(version) FROM schema_migrations"))
        return int(row[0] or 0) if row else 0

    def _check_version(self) -> None:
        v = self.schema_version()
        if v > LATEST:
            raise StoreError(
                f"database {self.path} has schema v{v}, newer than this chronicler (v{LATEST}); "
                "upgrade chronicler"
            )

    def migrate(self) -> int:
        self._check_version()
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        for version, name, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                self.conn.execute(sql)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [version, name, _now()],
                )
        return self.schema_version()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction; a failure of the store itself (disk full, I/O, damage)
        comes out as a ``StoreError``, a refused row as what it is (the caller may
        retry without it)."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield self.conn
        except BaseException as e:
            with suppress(duckdb.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(e, duckdb.Error) and not is_data_error(e):
                raise translate(e, self.path) from e
            raise
        try:
            self.conn.execute("COMMIT")
        except duckdb.Error as e:
            with suppress(duckdb.Error):
                self.conn.execute("ROLLBACK")
            raise translate(e, self.path) from e

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest
    def shard_done(self, shard_id: str) -> bool:
        row = _first(self.conn.execute("SELECT 1 FROM ingest_shards WHERE id = ?", [shard_id]))
        return row is not None

    def shard_size(self, shard_id: str) -> int:
        """Documents in a committed shard (0 when it is not committed)."""
        row = _first(self.conn.execute("SELECT n_docs FROM ingest_shards WHERE id = ?",
                                       [shard_id]))
        return int(row[0]) if row else 0

    def mark_shard(self, shard_id: str, run_id: str, n_docs: int, n_new: int) -> None:
        self.conn.execute(
            "INSERT INTO ingest_shards (id, run_id, n_docs, n_new) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [shard_id, run_id, n_docs, n_new],
        )

    def insert_articles(
        self, articles: Sequence[Article], minhashes: Sequence[bytes | None], extractor: str
    ) -> list[str]:
        """Insert articles that are not stored yet; return the ids that were new.

        Ids are content hashes, so an existing id holds the same content: skipping it
        (rather than replacing) keeps later stages' results and the original
        ``ingested_at``.
        """
        if not articles:
            return []
        ids = [a.id for a in articles]
        existing = {
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]
            ).fetchall()
        }
        new_rows = []
        seen: set[str] = set()
        for a, mh in zip(articles, minhashes, strict=True):
            if a.id in existing or a.id in seen:
                continue
            seen.add(a.id)
            d = a.model_dump()
            new_rows.append([d[c] for c in ARTICLE_COLUMNS] + [mh, extractor])
        self._bulk("articles", ARTICLE_COLUMNS + ["minhash", "extractor"], new_rows)
        return [r[ARTICLE_COLUMNS.index("id")] for r in new_rows]

    def add_errors(self, run_id: str, errors: Iterable[IngestError]) -> None:
        rows = [
            [content_id(e.source, e.reason, e.message), run_id, e.source, e.reason, e.message]
            for e in errors
        ]
        if rows:
            self.conn.executemany(
                "INSERT INTO ingest_errors (id, run_id, source, reason, message) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET run_id = excluded.run_id",
                rows,
            )

    def start_run(self, run_id: str, inputs: Sequence[str]) -> None:
        self.conn.execute(
            "INSERT INTO ingest_runs (id, started_at, inputs) VALUES (?, ?, ?)",
            [run_id, _now(), json.dumps(list(inputs))],
        )

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE ingest_runs SET finished_at = ?, summary = ? WHERE id = ?",
            [_now(), json.dumps(summary), run_id],
        )

    # ------------------------------------------------------------------ dedupe
    def minhashes(self) -> list[tuple[str, str, Any, bytes | None]]:
        """(id, text_hash, published, minhash) for every article, in id order."""
        return self.conn.execute(
            "SELECT id, text_hash, published, minhash FROM articles ORDER BY id"
        ).fetchall()

    def set_duplicates(self, assignments: dict[str, tuple[str | None, str | None]]) -> int:
        """Write (duplicate_of, dup_group) per article id; return rows changed."""
        rows = self.conn.execute(
            "SELECT id, duplicate_of, dup_group FROM articles"
        ).fetchall()
        changes = []
        for aid, dup, grp in rows:
            want = assignments.get(aid, (None, None))
            if (dup, grp) != want:
                changes.append([want[0], want[1], aid])
        if changes:
            self.conn.executemany(
                "UPDATE articles SET duplicate_of = ?, dup_group = ? WHERE id = ?", changes
            )
        return len(changes)

    def set_inferred_dates(self, dates: dict[str, Any]) -> None:
        """Lend these dates; an article already lent the same date is left as it is (so
        its note is not repeated and a re-run changes nothing)."""
        self.conn.executemany(
            "UPDATE articles SET published = ?, published_inferred = TRUE, "
            "notes = CASE WHEN list_contains(notes, 'published:corpus-year') THEN notes "
            "ELSE list_append(notes, 'published:corpus-year') END "
            "WHERE id = ? AND published IS DISTINCT FROM ?",
            [[d, aid, d] for aid, d in sorted(dates.items())],
        )

    # ------------------------------------------------------------------ analysis
    def write_analyses(self, analyses: Sequence[Analysis]) -> None:
        """Replace the understanding results of these articles (re-analysis after an
        improvement overwrites, never duplicates) and merge their actors."""
        if not analyses:
            return
        ids = [a.article_id for a in analyses]
        for spec in PER_ARTICLE.values():
            self.conn.execute(
                f"DELETE FROM {spec.table} WHERE article_id IN (SELECT unnest(?))", [ids]
            )
            rows = [spec.to_row(r) for a in analyses for r in getattr(a, spec.table)]
            if spec.table == "quotes":  # the only per-article table with a primary key
                rows = list({r[0]: r for r in rows}.values())
            self._bulk(spec.table, spec.columns, rows)
        for table, field_name in (("article_events", "events"), ("article_claims", "claims")):
            self.conn.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids]
            )
            self._insert_json(table, [r for a in analyses for r in getattr(a, field_name)])
        self.conn.executemany(
            "INSERT OR REPLACE INTO article_analysis (article_id, provenance) VALUES (?, ?)",
            [[a.article_id, a.provenance] for a in analyses],
        )
        self.merge_actors([act for a in analyses for act in a.actors])

    def merge_actors(self, actors: Sequence[Actor]) -> None:
        """Upsert actors by id; aliases are unioned, known country/sector kept."""
        merged: dict[str, Actor] = {}
        for a in actors:
            m = merged.get(a.id)
            merged[a.id] = a.model_copy() if m is None else _merge_actor(m, a)
        if not merged:
            return
        stored = {
            r[0]: Actor(id=r[0], name=r[1], type=r[2], country=r[3], sector=r[4], aliases=r[5])
            for r in self.conn.execute(
                "SELECT id, name, type, country, sector, aliases FROM actors "
                "WHERE id IN (SELECT unnest(?))", [list(merged)]
            ).fetchall()
        }
        rows = []
        for aid, a in merged.items():
            final = _merge_actor(stored[aid], a) if aid in stored else a
            if aid in stored and final == stored[aid]:
                continue
            rows.append([final.id, final.name, final.type, final.country, final.sector,
                         final.aliases])
        self._bulk("actors", ["id", "name", "type", "country", "sector", "aliases"], rows,
                   "INSERT OR REPLACE")

    def _bulk(self, table: str, cols: Sequence[str], rows: Sequence[Sequence[Any]],
              verb: str = "INSERT") -> None:
        """Insert many rows as one Arrow table: ~6x faster than ``executemany``, which
        made the commit, not the parse, the bottleneck of an ingest."""
        if not rows:
            return
        import pyarrow as pa

        data = pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)})
        name = f"_bulk_{table}"
        self.conn.register(name, data)
        try:
            quoted = ", ".join(_q(c) for c in cols)
            self.conn.execute(f"{verb} INTO {table} ({quoted}) SELECT {quoted} FROM {name}")
        finally:
            self.conn.unregister(name)

    def _insert_json(self, table: str, records: Sequence[Any], batch: int = 2000) -> None:
        """Insert records, the last of each key winning (a statement may not replace a row
        twice), in batches: all rows at once cost ~20 MB more peak at 400 articles."""
        spec, last = JSON_TABLES[table], {}  # key -> index of its last record
        for i, r in enumerate(records):
            c = spec.columns_fn(r)
            last[(c["id"],) if "id" in c else (c["story_id"], c["referent"])] = i
        order = list(last.values())  # keys in first-seen order, as before
        for k in range(0, len(order), batch):
            rows = [spec.to_row(records[i]) for i in order[k:k + batch]]
            cols = list(rows[0])
            self._bulk(table, cols, [[r[c] for c in cols] for r in rows], "INSERT OR REPLACE")

    def replace_all(self, table: str, records: Sequence[Any]) -> None:
        """Replace a cross-article table's contents (events, claims, stories, framing):
        those stages are recomputed over the whole store, so this is their upsert."""
        self.conn.execute(f"DELETE FROM {table}")
        self._insert_json(table, records)

    # ------------------------------------------------------------------ embeddings
    def cached_vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored embedding vectors (raw float32 bytes) for ``keys`` under ``model``."""
        if not keys:
            return {}
        rows = self.conn.execute(
            "SELECT key, vec FROM embeddings WHERE model = ? AND key IN (SELECT unnest(?))",
            [model, list(keys)]).fetchall()
        return {k: bytes(v) for k, v in rows}

    def cache_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        self._bulk("embeddings", ["model", "key", "vec"],
                   [[model, k, v] for k, v in vectors.items()], "INSERT OR REPLACE")

    def prune_vectors(self, model: str, keep: Iterable[str]) -> int:
        """Drop this model's vectors whose text is no longer used (deleted articles,
        re-analysed claims); returns how many went."""
        import pyarrow as pa

        self.conn.register("_keep_keys", pa.table({"key": sorted(set(keep))}))
        try:
            row = self.conn.execute(
                "DELETE FROM embeddings WHERE model = ? AND key NOT IN "
                "(SELECT key FROM _keep_keys) RETURNING 1", [model]).fetchall()
        finally:
            self.conn.unregister("_keep_keys")
        return len(row)

    def json_records(self, table: str, where: str = "", params: Sequence[Any] = (),
                     order: str = "", limit: int | None = None, offset: int = 0) -> list[Any]:
        """Records from a JSON table; ``where``/``order`` are SQL fragments written by
        chronicler's query layer (never user text: values go through ``params``)."""
        spec = JSON_TABLES[table]
        sql = f"SELECT payload FROM {table}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order or 'id' if table != 'framing' else order or 'story_id, referent'}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [spec.from_payload(r[0]) for r in self.conn.execute(sql, list(params)).fetchall()]

    def actors(self, *, country: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[Actor]:
        sql = "SELECT id, name, type, country, sector, aliases FROM actors"
        params: list[Any] = []
        if country:
            sql += " WHERE country = ?"
            params.append(country)
        sql += " ORDER BY name, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [Actor(id=r[0], name=r[1], type=r[2], country=r[3], sector=r[4], aliases=r[5])
                for r in self.conn.execute(sql, params).fetchall()]

    def per_article(self, table: str, article_ids: Sequence[str] | None = None,
                    where: str = "", params: Sequence[Any] = ()) -> list[Any]:
        """Records of one per-article kind (``mentions``, ``times``, ``places``,
        ``counts``, ``quotes``), in article then span order."""
        spec: TableSpec = PER_ARTICLE[table]
        sql = f"SELECT {', '.join(spec.columns)} FROM {spec.table}"
        conds, args = [], list(params)
        if article_ids is not None:
            conds.append("article_id IN (SELECT unnest(?))")
            args.insert(0, list(article_ids))
        if where:
            conds.append(where)
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        sql += " ORDER BY article_id, span[1], span[2]"
        return [spec.from_row(r) for r in self.conn.execute(sql, args).fetchall()]

    def analysis(self, article_id: str) -> Analysis | None:
        row = _first(self.conn.execute(
            "SELECT provenance FROM article_analysis WHERE article_id = ?", [article_id]))
        if row is None:
            return None
        parts: dict[str, Any] = {t: self.per_article(t, [article_id]) for t in PER_ARTICLE}
        parts["events"] = self.json_records("article_events", "article_id = ?", [article_id])
        parts["claims"] = self.json_records("article_claims", "article_id = ?", [article_id])
        actor_ids = sorted({m.actor_id for m in parts["mentions"]})
        acts = [a for a in self.actors() if a.id in set(actor_ids)] if actor_ids else []
        return Analysis(article_id=article_id, provenance=list(row[0]), actors=acts, **parts)

    _CURRENT = ("x.article_id IS NOT NULL AND list_has_all(x.provenance, ?) AND "
                "list_contains(x.provenance, 'anchor:' || "
                "coalesce(strftime(a.published, '%Y-%m-%d'), 'none'))")

    def stale_analysis_ids(self, required: Sequence[str]) -> list[str]:
        """Articles whose stored analysis no longer matches its inputs: none at all, made
        with other stages or model (``required`` provenance entries missing), or resolved
        against another publication date than the article's current one (``anchor:`` in
        the provenance; a year the corpus lent later changes it)."""
        return [r[0] for r in self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_analysis x ON x.article_id = a.id "
            f"WHERE NOT ({self._CURRENT}) ORDER BY a.id", [list(required)]).fetchall()]

    def current_analysis_ids(self, ids: Sequence[str], required: Sequence[str]) -> set[str]:
        """Those of ``ids`` whose stored analysis is current (see stale_analysis_ids)."""
        if not ids:
            return set()
        return {r[0] for r in self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_analysis x ON x.article_id = a.id "
            f"WHERE a.id IN (SELECT unnest(?)) AND {self._CURRENT}",
            [list(ids), list(required)]).fetchall()}

    def count_duplicates(self, ids: Sequence[str]) -> int:
        """How many of these articles are a copy of another."""
        if not ids:
            return 0
        row = _first(self.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
            "AND id IN (SELECT unnest(?))", [list(ids)]))
        return int(row[0]) if row else 0

    def corpus_year_rows(self) -> list[tuple[str, Any, str | None]]:
        """(id, stated publication date, year-less date) per article: a date the corpus
        lent is not stated, so lending is recomputed from the stated dates alone."""
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT id, CASE WHEN published_inferred THEN NULL ELSE published END, "
            "published_partial FROM articles ORDER BY id").fetchall()]

    def unanalyzed_article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_analysis) "
            "ORDER BY id").fetchall()]

    # ------------------------------------------------------------------ reads
    def articles(
        self,
        *,
        ids: Sequence[str] | None = None,
        outlet: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        where: list[str] = []
        params: list[Any] = []
        if ids is not None:
            where.append("id IN (SELECT unnest(?))")
            params.append(list(ids))
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published NULLS LAST, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cur = self.conn.execute(sql, params)
        return [Article(**dict(zip(ARTICLE_COLUMNS, r, strict=True))) for r in cur.fetchall()]

    def count(self, table: str) -> int:
        if not table.isidentifier():
            raise StoreError(f"bad table name {table!r}")
        row = _first(self.conn.execute(f"SELECT count(*) FROM {table}"))
        return int(row[0]) if row else 0

    def errors(self, run_id: str | None = None) -> list[IngestError]:
        sql = "SELECT source, reason, message FROM ingest_errors"
        params: list[Any] = []
        if run_id:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        sql += " ORDER BY source, reason"
        return [
            IngestError(source=s, reason=r, message=m)
            for s, r, m in self.conn.execute(sql, params).fetchall()
        ]


def _first(cur: duckdb.DuckDBPyConnection) -> Any:
    """The first row, reading the result to its end: DuckDB 2 keeps a result that was
    read with ``fetchone()`` open, and a later ``register()`` on the connection fails."""
    rows = cur.fetchall()
    return rows[0] if rows else None


def _q(col: str) -> str:
    return f'"{col}"'


def _merge_actor(a: Actor, b: Actor) -> Actor:
    # The name is never its own alias, whatever order shards arrive in.
    aliases = sorted((set(a.aliases) | set(b.aliases) | {b.name}) - {a.name})
    return Actor(id=a.id, name=a.name, type=a.type, country=a.country or b.country,
                 sector=a.sector or b.sector, aliases=aliases)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
