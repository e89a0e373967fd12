"""Committing a shard and counting what a run did: one path for both engines.

A shard's articles, analyses, ingest errors and its done-marker are written in one
transaction, so a ``kill -9`` loses nothing committed and a re-run skips the shards
already done. ``IngestSummary`` is the tally both the local and the Ray driver keep.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from chronicler import __version__
from chronicler.records import Analysis, Article, IngestError
from chronicler.store import Store

log = logging.getLogger("chronicler.run")

EXTRACTOR = f"chronicler-{__version__}/clean.v1"


@dataclass
class Processed:
    """Everything the per-article stages produced for one article."""

    article: Article
    minhash: bytes
    analysis: Analysis | None = None


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
    reasons: Counter[str] = field(default_factory=Counter, repr=False)
    seen_ids: list[str] = field(default_factory=list, repr=False)

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


    # One tally for both engines: what a shard did to the counts.
    def count_committed(self, n_items: int, processed: Sequence[Processed],
                        new_ids: Sequence[str], errors: Sequence[IngestError]) -> None:
        self.shards_committed += 1
        self.stored += len(new_ids)
        self.already_stored += len(processed) - len(new_ids)
        self._count(n_items, [p.article.id for p in processed], errors)

    def count_resumed(self, n_items: int, n_stored: int, ids: Sequence[str],
                      errors: Sequence[IngestError]) -> None:
        """A shard an earlier (possibly killed) run committed: nothing is redone.
        ``n_stored`` of its documents are stored (``ids``: those still found by path)."""
        self.shards_resumed += 1
        self.already_stored += n_stored
        self._count(n_items, ids, errors)

    def _count(self, n_items: int, ids: Sequence[str], errors: Sequence[IngestError]) -> None:
        self.read += n_items
        self.skipped += len(errors)
        self.errors += errors
        self.reasons.update(e.reason for e in errors)
        self.seen_ids += ids

    def finish(self, store: Store, started: float) -> None:
        """Close the run: duplicates among this run's articles, timing, the run row."""
        self.article_ids = sorted(set(self.seen_ids))
        self.duplicates = store.count_duplicates(self.article_ids)
        self.skipped_by_reason = dict(self.reasons)
        self.seconds = time.perf_counter() - started
        store.finish_run(self.run_id, self.as_dict())


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
    cleaned = [x for x in map(clean_item, errors) if isinstance(x, IngestError)]
    with store.transaction():
        store.add_errors(run_id, cleaned + refused)
        store.mark_shard(key, run_id, n_items, len(new_ids))
    return new_ids, kept, cleaned + refused
