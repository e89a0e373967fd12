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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from chronicler.clean.article import build_article
from chronicler.config import Settings
from chronicler.corpus.duplicates import signature
from chronicler.errors import InputSkipped
from chronicler.ingest import iter_documents
from chronicler.records import Analysis, Article, IngestError, RawDoc, content_id
from chronicler.run.commit import (
    EXTRACTOR,
    IngestSummary,
    Processed,
    commit_shard,
)
from chronicler.run.cross import run_cross_article_stages
from chronicler.run.faults import kill_point
from chronicler.store import Store

if TYPE_CHECKING:
    from chronicler.nlp.analyzer import Analyzer

log = logging.getLogger("chronicler.run.pipeline")

ProgressFn = Callable[[str, int], None]


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
    from chronicler.nlp.plan import stage_names

    return (f"analyze={int(settings.analyze)}|model={settings.spacy_model}"
            f"|stages={','.join(stage_names(settings.stages))}")


class LazyAnalyzer:
    """Loads the model on the first batch that needs it: an ingest whose articles are
    all stored already (or all refused) loads no model at all."""

    def __init__(self, settings: Settings, on_load: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.on_load = on_load
        self.loaded: Analyzer | None = None

    def get(self) -> Analyzer:
        if self.loaded is None:
            if self.on_load is not None:
                self.on_load()
            self.loaded = get_analyzer(self.settings)
        return self.loaded

    def analyze_batch(self, articles: Sequence[Article], batch_size: int = 32) -> list[Analysis]:
        if not articles:
            return []
        return self.get().analyze_batch(articles, batch_size=batch_size)


def process_batch(
    raws: Sequence[RawDoc], settings: Settings, analyzer: Analyzer | LazyAnalyzer | None = None,
    current: Callable[[list[str]], set[str]] | None = None,
) -> list[Processed | IngestError]:
    """Run every per-article stage on a batch. Pure: no I/O, no shared state
    (the analyzer holds only read-only models). ``current`` names the articles whose
    stored analysis is still current: they are not analysed again (their stored
    analysis stands, and a copy read without its lent year cannot overwrite it)."""
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
        keep = current([p.article.id for p in done]) if current is not None and done else set()
        done = [p for p in done if p.article.id not in keep]
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


def _worker_init(model: str) -> None:
    # A pool worker runs the per-article stages only: no torch (chronicler.run.workerproc).
    from chronicler.run.workerproc import skip_torch

    skip_torch(model)


def _worker_batch(raws: list[RawDoc], settings: Settings) -> list[Processed | IngestError]:
    # Runs in a worker process: each loads its own model once (get_analyzer caches).
    return process_batch(raws, settings, get_analyzer(settings) if settings.analyze else None)


def _process_shards(
    docs: Iterable[RawDoc | IngestError], store: Store, settings: Settings, salt: str,
    analyzer: Analyzer | LazyAnalyzer | None,
    current: Callable[[list[str]], set[str]] | None = None,
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
                yield items, key, process_batch(raws, settings, analyzer, current)
        return

    window = settings.workers * 2
    pending: deque[tuple[Shard, str, Future[list[Processed | IngestError]] | None]] = deque()
    with ProcessPoolExecutor(max_workers=settings.workers,
                             mp_context=multiprocessing.get_context("spawn"),
                             initializer=_worker_init, initargs=(settings.spacy_model,)) as pool:
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
    docs = documents if documents is not None else iter_documents(
        inputs, settings, allow_private=allow_private
    )
    salt = run_salt(settings)
    lazy = LazyAnalyzer(settings, on_load=(lambda: progress("stage:loading model", 0))
                        if progress else None)
    current = None
    if settings.analyze:
        from chronicler.nlp.plan import required_provenance

        required = required_provenance(settings)

        def current(ids: list[str]) -> set[str]:
            return store.current_analysis_ids(ids, required)

    use: Analyzer | LazyAnalyzer | None = analyzer if analyzer is not None else (
        lazy if settings.analyze and settings.workers <= 1 else None)
    for items, key, results in _process_shards(docs, store, settings, salt, use, current):
        input_errors = [d for d in items if isinstance(d, IngestError)]
        raws = [d for d in items if isinstance(d, RawDoc)]
        if results is None:
            summary.count_resumed(len(items), len(raws), _ids_for(store, raws), input_errors)
        else:
            processed = [r for r in results if isinstance(r, Processed)]
            errors = input_errors + [r for r in results if isinstance(r, IngestError)]
            new_ids, processed, errors = commit_shard(store, summary.run_id, key, len(items),
                                                      processed, errors)
            log.info("committed shard %s: %d docs, %d new", key, len(items), len(new_ids))
            summary.count_committed(len(items), processed, new_ids, errors)
            kill_point("shard")
        if progress:
            progress("docs", len(items))

    if progress:
        progress("stage:dedupe", 0)
    t_cross = time.perf_counter()
    given = analyzer
    run_cross_article_stages(store, (lambda: given) if given is not None else lazy.get,
                             settings)
    summary.cross_article_seconds = time.perf_counter() - t_cross
    summary.finish(store, t0)
    return summary


def _ids_for(store: Store, raws: Sequence[RawDoc]) -> list[str]:
    paths = [r.source_path for r in raws]
    if not paths:
        return []
    rows = store.conn.execute(
        "SELECT id FROM articles WHERE source_path IN (SELECT unnest(?))", [paths]
    ).fetchall()
    return [r[0] for r in rows]
