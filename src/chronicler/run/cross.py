"""The cross-article run: corpus years, stale analyses, duplicates, event merge, comparison.

Every step is a function of what the store holds, so the result after any sequence of
ingests, repeats or interruptions equals a fresh ingest of the same articles:

1. corpus years: year-less articles get the year nearest the median of the articles
   that state their own date (lent dates never vote);
2. stale analyses: an analysis records the publication date it resolved relative dates
   against (``anchor:`` in its provenance); one whose anchor is not its article's
   current date is redone from the stored article, which is the only place the run
   driver calls the per-article analyzer again (the corpus stages never do);
3. duplicates, the event merge and, with the claims stage, the comparison.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from chronicler.config import Settings
from chronicler.corpus.duplicates import find_duplicates
from chronicler.corpus.years import infer_corpus_years
from chronicler.run.faults import kill_point
from chronicler.store import Store
from chronicler.store import state as corpus_state

if TYPE_CHECKING:
    from chronicler.nlp.analyzer import Analyzer

log = logging.getLogger("chronicler.run")

AnalyzerFn = Callable[[], "Analyzer"]


def run_cross_article_stages(store: Store, load_analyzer: AnalyzerFn | None = None,
                             settings: Settings | None = None) -> None:
    """Set operations over the whole store; idempotent, order-independent.

    ``load_analyzer`` returns the per-article analyzer; it is called only when a stale
    analysis has to be redone (so a run that changed nothing loads no model). Without
    it, stale analyses stay as they are.
    """
    settings = settings or Settings.from_env(db=store.path)
    years = infer_corpus_years(store.corpus_year_rows())
    if years:
        with store.transaction():
            store.set_inferred_dates(years)
    kill_point("years")
    if settings.analyze and load_analyzer is not None:
        refresh_stale_analyses(store, load_analyzer, settings)
        kill_point("refresh")
    # Inputs unchanged since the last complete run: its results stand. The key records
    # the settings too (a run with the comparison off is not one with it on); it is
    # written last, so a run killed half-way is redone by the next.
    key = f"cross:{int(settings.analyze)}:{settings.stages}:{settings.embedding_model}"
    done_for = corpus_state.fingerprint(store)
    if corpus_state.get(store, key) == done_for:
        log.info("cross-article stages: inputs unchanged, results kept")
        return
    groups = find_duplicates(store.minhashes())
    with store.transaction():
        store.set_duplicates({a: (dup, grp) for a, (dup, grp) in groups.items()})
    kill_point("duplicates")
    merge_stored_events(store)
    kill_point("merge")
    if settings.analyze:
        from chronicler.nlp.plan import wants_compare

        if wants_compare(settings.stages):
            compare_stored(store, settings)
            kill_point("compare")
    with store.transaction():
        corpus_state.clear_prefix(store, "cross:")  # one set of results at a time
        corpus_state.put(store, key, done_for)


def refresh_stale_analyses(store: Store, load_analyzer: AnalyzerFn, settings: Settings,
                           batch: int = 200) -> int:
    """Redo every analysis whose inputs changed (see the module docstring); returns how
    many. The model loads only when there is one to redo."""
    from chronicler.nlp.plan import required_provenance

    stale = store.stale_analysis_ids(required_provenance(settings))
    if not stale:
        return 0
    analyzer = load_analyzer()
    log.info("re-analysing %d articles whose inputs changed", len(stale))
    for i in range(0, len(stale), batch):
        arts = store.articles(ids=stale[i:i + batch])
        with store.transaction():
            store.write_analyses(analyzer.analyze_batch(arts))
    return len(stale)


def merge_stored_events(store: Store) -> int:
    """Merge every article's events into one record per real-world event."""
    from chronicler.corpus.events import ArticleMeta, merge_events
    from chronicler.corpus.sources import outlet_keys

    rows = store.conn.execute(
        "SELECT id, outlet, dup_group, published FROM articles").fetchall()
    # Outlet keys, resolved over the whole store ("CPA" = "Continental Press Agency"):
    # ArticleMeta.outlet is read only to count sources.
    keys = outlet_keys(outlet for _, outlet, _, _ in rows)
    meta = {aid: ArticleMeta(outlet=keys.get(outlet) if outlet else None, dup_group=grp,
                             published=pub)
            for aid, outlet, grp, pub in rows}
    merged = merge_events(store.json_records("article_events"), meta)
    with store.transaction():
        store.replace_all("events", merged)
    return len(merged)


def compare_stored(store: Store, settings: Settings | None = None) -> None:
    """Claims alignment, stories and framing over the whole store (issue 5)."""
    from chronicler.corpus.compare import run_compare

    run_compare(store, settings or Settings.from_env(db=store.path))
