"""The ingest pipeline: read → clean → per-article stages → store (in shards) → cross-article stages.

``process_batch`` is the engine-free per-article function: the local path and the
distributed path both call it, so their records are identical by construction.
``run_ingest`` is the local driver: it commits every shard with its done-marker in
one transaction, so a ``kill -9`` loses nothing committed and a re-run skips the
shards already done and finishes the rest without duplicates.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from chronicler import __version__
from chronicler.clean.article import build_article
from chronicler.config import Settings
from chronicler.corpus.duplicates import find_duplicates, signature
from chronicler.corpus.years import infer_corpus_years
from chronicler.errors import InputSkipped
from chronicler.ingest import iter_documents
from chronicler.records import Analysis, Article, IngestError, RawDoc, content_id
from chronicler.store import Store

if TYPE_CHECKING:
    from chronicler.nlp.analyzer import Analyzer

log = logging.getLogger("chronicler.run.pipeline")

EXTRACTOR = f"chronicler-{__version__}/clean.v1"

ProgressFn = Callable[[str, int], None]


@dataclass
class Processed:
    """Everything the per-article stages produced for one article."""

    article: Article
    minhash: bytes
    analysis: Analysis | None = None


@lru_cache(maxsize=2)
def get_analyzer(settings: Settings) -> Analyzer:
    """One loaded model per process and setting (Settings is frozen, so hashable)."""
    from chronicler.clean.article import load_language_model
    from chronicler.nlp.analyzer import Analyzer

    load_language_model()  # ~0.5 s, with the other models rather than in the first batch
    return Analyzer(settings)


def run_salt(settings: Settings) -> str:
    """What a shard's results depend on besides its input: a run with another model or
    other stages must not take an earlier run's shard for its own."""
    if not settings.analyze:
        return "analyze=0"
    from chronicler.nlp.analyzer import stage_names

    return (f"analyze={settings.analyze}|model={settings.spacy_model}"
            f"|stages={','.join(stage_names(settings.stages))}")


@dataclass
class IngestSummary:
    run_id: str
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)
    shards_committed: int = 0
    shards_resumed: int = 0
    seconds: float = 0.0
    cross_article_seconds: float = 0.0  # duplicates, event merge, claims, stories, framing
    article_ids: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all stored, 1 some inputs skipped, 2 nothing usable."""
        usable = self.stored + self.already_stored
        if usable == 0:
            return 2
        return 1 if self.skipped else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "skipped_by_reason": dict(sorted(self.skipped_by_reason.items())),
            "shards_committed": self.shards_committed,
            "shards_resumed": self.shards_resumed,
            "seconds": round(self.seconds, 3),
            "cross_article_seconds": round(self.cross_article_seconds, 3),
        }


def process_batch(
    raws: Sequence[RawDoc], settings: Settings, analyzer: Analyzer | None = None
) -> list[Processed | IngestError]:
    """Run every per-article stage on a batch. Pure: no I/O, no shared state
    (the analyzer holds only read-only models)."""
    out: list[Processed | IngestError] = []
    for raw in raws:
        try:
            article = build_article(raw, settings)
        except InputSkipped as e:
            out.append(IngestError(source=raw.source_path, reason=e.reason, message=e.message))
            continue
        if not article.text.strip():
            out.append(
                IngestError(
                    source=raw.source_path,
                    reason="empty-after-cleaning",
                    message="no article text left after removing page residue",
                )
            )
            continue
        out.append(Processed(article=article, minhash=signature(article.text)))
    if analyzer is not None:
        done = [p for p in out if isinstance(p, Processed)]
        for p, analysis in zip(done, analyzer.analyze_batch([p.article for p in done]),
                               strict=True):
            p.analysis = analysis
    return out


def _chunks(items: Iterable[RawDoc | IngestError], n: int) -> Iterator[list[RawDoc | IngestError]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def shard_key(items: Sequence[RawDoc | IngestError], salt: str = "") -> str:
    """Identifies a shard by its inputs and by what will be run on them, so a run with
    different stages (or model) does not mistake an earlier run's shard for its own."""
    parts: list[str] = [salt]
    for d in items:
        if isinstance(d, RawDoc):
            parts += [d.source_path, d.raw_hash]
        else:
            parts += [d.source, d.reason]
    return content_id(EXTRACTOR, *parts, n=24)


Shard = list[RawDoc | IngestError]


def _worker_batch(raws: list[RawDoc], settings: Settings) -> list[Processed | IngestError]:
    # Runs in a worker process: each loads its own model once (get_analyzer caches).
    return process_batch(raws, settings, get_analyzer(settings) if settings.analyze else None)


def _process_shards(
    docs: Iterable[RawDoc | IngestError], store: Store, settings: Settings, salt: str,
    analyzer: Analyzer | None,
) -> Iterator[tuple[Shard, str, list[Processed | IngestError] | None]]:
    """Yield (shard, key, results); results is None for a shard already committed.

    With ``settings.workers > 1`` shards are processed in worker processes (spawned,
    so no lock or thread state is inherited), at most two per worker in flight so
    memory stays bounded; results come back in input order and the caller commits
    them in this process, the only writer of the database.
    """
    chunks = ((items, shard_key(items, salt)) for items in _chunks(docs, settings.shard_size))
    if settings.workers <= 1:
        for items, key in chunks:
            if store.shard_done(key):
                yield items, key, None
            else:
                raws = [d for d in items if isinstance(d, RawDoc)]
                yield items, key, process_batch(raws, settings, analyzer)
        return

    window = settings.workers * 2
    pending: deque[tuple[Shard, str, Future[list[Processed | IngestError]] | None]] = deque()
    with ProcessPoolExecutor(max_workers=settings.workers,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        for items, key in chunks:
            if store.shard_done(key):
                pending.append((items, key, None))
            else:
                raws = [d for d in items if isinstance(d, RawDoc)]
                pending.append((items, key, pool.submit(_worker_batch, raws, settings)))
            while len(pending) > window or (pending and pending[0][2] is None):
                it, k, fut = pending.popleft()
                yield it, k, None if fut is None else fut.result()
        while pending:
            it, k, fut = pending.popleft()
            yield it, k, None if fut is None else fut.result()


def run_ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    allow_private: bool = False,
    progress: ProgressFn | None = None,
    documents: Iterable[RawDoc | IngestError] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestSummary:
    """Ingest ``inputs`` into ``store``; never raises for bad input."""
    t0 = time.perf_counter()
    summary = IngestSummary(run_id=uuid.uuid4().hex[:12])
    store.start_run(summary.run_id, inputs)
    reasons: Counter[str] = Counter()
    docs = documents if documents is not None else iter_documents(
        inputs, settings, allow_private=allow_private
    )
    seen_ids: list[str] = []
    salt = run_salt(settings)
    if analyzer is None and settings.analyze and settings.workers <= 1:
        if progress:
            progress("stage:loading model", 0)
        analyzer = get_analyzer(settings)

    for items, key, results in _process_shards(docs, store, settings, salt, analyzer):
        summary.read += len(items)
        input_errors = [d for d in items if isinstance(d, IngestError)]
        raws = [d for d in items if isinstance(d, RawDoc)]
        if results is None:
            # Already committed by an earlier (possibly killed) run: nothing to redo.
            summary.shards_resumed += 1
            summary.already_stored += len(raws)
            _count_errors(summary, reasons, input_errors)
            seen_ids += _ids_for(store, raws)
            if progress:
                progress("docs", len(items))
            continue

        processed = [r for r in results if isinstance(r, Processed)]
        errors = input_errors + [r for r in results if isinstance(r, IngestError)]
        new_ids, processed, errors = commit_shard(store, summary.run_id, key, len(items),
                                                  processed, errors)
        summary.shards_committed += 1
        log.info("committed shard %s: %d docs, %d new", key, len(items), len(new_ids))
        summary.stored += len(new_ids)
        summary.already_stored += len(processed) - len(new_ids)
        _count_errors(summary, reasons, errors)
        seen_ids += [p.article.id for p in processed]
        if progress:
            progress("docs", len(items))

    if progress:
        progress("stage:dedupe", 0)
    t_cross = time.perf_counter()
    run_cross_article_stages(store, analyzer if analyzer is not None or not settings.analyze
                             else get_analyzer(settings), settings)
    summary.cross_article_seconds = time.perf_counter() - t_cross
    summary.article_ids = sorted(set(seen_ids))
    if summary.article_ids:
        row = store.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
            "AND id IN (SELECT unnest(?))",
            [summary.article_ids],
        ).fetchone()
        summary.duplicates = int(row[0]) if row else 0
    summary.skipped_by_reason = dict(reasons)
    summary.seconds = time.perf_counter() - t0
    store.finish_run(summary.run_id, summary.as_dict())
    return summary


def commit_shard(store: Store, run_id: str, key: str, n_items: int,
                 processed: Sequence[Processed], errors: Sequence[IngestError],
                 ) -> tuple[list[str], list[Processed], list[IngestError]]:
    """Commit a shard's results with its done-marker in one transaction; returns
    (new article ids, the documents stored, the shard's errors).

    If the store refuses something in the data (a string it cannot encode, a value
    out of range), the documents are committed again one at a time and the refused
    ones recorded as ``store-refused`` ingest errors: one bad document never sinks
    its shard-mates, the later shards, or every re-run. A failure of the store itself
    (disk full, I/O, damage) is not retried: it raises ``StoreError``.
    """
    from chronicler.ingest.hygiene import clean_item, clean_path
    from chronicler.store.health import is_data_error

    def store_docs(docs: Sequence[Processed]) -> list[str]:
        ids = store.insert_articles([p.article for p in docs], [p.minhash for p in docs],
                                    EXTRACTOR)
        store.write_analyses([p.analysis for p in docs if p.analysis is not None])
        return ids

    try:
        with store.transaction():
            new_ids = store_docs(processed)
            store.add_errors(run_id, errors)
            store.mark_shard(key, run_id, n_items, len(new_ids))
        return new_ids, list(processed), list(errors)
    except Exception as e:
        if not is_data_error(e):
            raise
        log.warning("shard %s refused by the store (%s); one document at a time", key, e)
    new_ids, kept, refused = [], [], []
    for p in processed:
        try:
            with store.transaction():
                new_ids += store_docs([p])
            kept.append(p)
        except Exception as e:
            if not is_data_error(e):
                raise
            refused.append(IngestError(
                source=clean_path(p.article.source_path), reason="store-refused",
                message=clean_path(f"the database refused this document: {e}")[:300]))
    errors = [clean_item(x) for x in errors] + refused  # type: ignore[misc]
    with store.transaction():
        store.add_errors(run_id, errors)
        store.mark_shard(key, run_id, n_items, len(new_ids))
    return new_ids, kept, errors


def _count_errors(summary: IngestSummary, reasons: Counter[str], errors: list[IngestError]) -> None:
    summary.skipped += len(errors)
    summary.errors += errors
    reasons.update(e.reason for e in errors)


def _ids_for(store: Store, raws: Sequence[RawDoc]) -> list[str]:
    paths = [r.source_path for r in raws]
    if not paths:
        return []
    rows = store.conn.execute(
        "SELECT id FROM articles WHERE source_path IN (SELECT unnest(?))", [paths]
    ).fetchall()
    return [r[0] for r in rows]


def run_cross_article_stages(store: Store, analyzer: Analyzer | None = None,
                             settings: Settings | None = None) -> None:
    """Set operations over the whole store; idempotent, order-independent."""
    settings = settings or Settings.from_env(db=store.path)
    years = infer_corpus_years(store.conn.execute(
        "SELECT id, published, published_partial FROM articles").fetchall())
    if years:
        with store.transaction():
            store.set_inferred_dates(years)
        if analyzer is not None:
            # Relative dates ("last month") depend on the publication date: redo them.
            arts = store.articles(ids=sorted(years))
            with store.transaction():
                store.write_analyses(analyzer.analyze_batch(arts))
    groups = find_duplicates(store.minhashes())
    with store.transaction():
        store.set_duplicates({a: (dup, grp) for a, (dup, grp) in groups.items()})
    merge_stored_events(store)
    if settings.analyze:
        from chronicler.nlp.analyzer import wants_compare

        if wants_compare(settings.stages):
            compare_stored(store, settings)


def merge_stored_events(store: Store) -> int:
    """Merge every article's events into one record per real-world event."""
    from chronicler.corpus.events import ArticleMeta, merge_events
    from chronicler.corpus.sources import outlet_keys

    rows = store.conn.execute("SELECT id, outlet, dup_group FROM articles").fetchall()
    # Outlet keys, resolved over the whole store ("CPA" = "Continental Press Agency"):
    # ArticleMeta.outlet is read only to count sources.
    keys = outlet_keys(outlet for _, outlet, _ in rows)
    meta = {aid: ArticleMeta(outlet=keys.get(outlet) if outlet else None, dup_group=grp)
            for aid, outlet, grp in rows}
    merged = merge_events(store.json_records("article_events"), meta)
    with store.transaction():
        store.replace_all("events", merged)
    return len(merged)


def compare_stored(store: Store, settings: Settings | None = None) -> None:
    """Claims alignment, stories and framing over the whole store (issue 5)."""
    from chronicler.corpus.compare import run_compare

    run_compare(store, settings or Settings.from_env(db=store.path))
