"""The cross-article run: corpus years, stale analyses, duplicates, event merge, comparison.

Every step is a function of what the store holds, so the result after any sequence of
ingests, repeats or interruptions equals a fresh ingest of the same articles:

1. corpus years: year-less articles get the year nearest the median date of the
   dated articles that share names with them, else of all dated ones (lent dates never
   vote; ``corpus.years``);
2. stale analyses: an analysis records the publication date it resolved relative dates
   against (``anchor:`` in its provenance); one whose anchor is not its article's
   current date is redone from the stored article, which is the only place the run
   driver calls the per-article analyzer again (the corpus stages never do);
3. duplicates, the event merge and, with the claims stage, the comparison.

What is incremental: the event merge re-merges only the blocks (PLOVER type and
negation) whose inputs changed (``merge_stored_events``). Duplicates (one LSH pass over
the stored signatures, ~0.1 s for 240 articles) and the comparison (stories, claim
alignment, crises, happenings, framing) are recomputed over the whole store when
anything changed; the fingerprint skip below spares a run that changed nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from chronicler.config import Settings
from chronicler.corpus.duplicates import find_duplicates
from chronicler.corpus.events import ArticleMeta
from chronicler.corpus.years import lend_years
from chronicler.run.faults import kill_point
from chronicler.store import Store
from chronicler.store import state as corpus_state
from chronicler.store.parts import replace_where

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
    years = lend_years(store)
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


MERGE_STATE = "merge:"  # corpus_state keys: one per event block, the digest it was merged for
# An event's block as text, "ASSAULT:0" (type, negated), in article_events and events alike.
_BLOCK_SQL = ("(type || ':' || CAST(coalesce(CAST(json_extract(payload, '$.negated') "
              "AS BOOLEAN), false) AS INTEGER))")


def _article_meta(store: Store) -> dict[str, ArticleMeta]:
    from chronicler.corpus.sources import outlet_keys

    rows = store.conn.execute(
        "SELECT id, outlet, dup_group, published FROM articles").fetchall()
    # Outlet keys, resolved over the whole store ("CPA" = "Continental Press Agency"):
    # ArticleMeta.outlet is read only to count sources.
    keys = outlet_keys(outlet for _, outlet, _, _ in rows)
    return {aid: ArticleMeta(outlet=keys.get(outlet) if outlet else None, dup_group=grp,
                             published=pub)
            for aid, outlet, grp, pub in rows}


def _meta_digest(article_ids: list[str], meta: dict[str, ArticleMeta]) -> str:
    """What a block's merge reads of its articles: each one's meta, and the outlet of its
    duplicate group's canonical article (``count_sources`` counts a wire copy as it)."""
    parts = []
    for aid in article_ids:
        m = meta.get(aid)
        canon = meta.get(m.dup_group) if m is not None and m.dup_group else None
        parts.append(repr((aid, m, canon.outlet if canon is not None else None)))
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def merge_stored_events(store: Store, *, incremental: bool = True) -> int:
    """Merge every article's events into one record per real-world event; returns the
    number of blocks merged.

    Incremental: the merge is independent per block (PLOVER type and negation,
    ``chronicler.corpus.events.block_key``), and a block's result is a function of its
    per-article events and the meta of their articles, so each block is merged again
    only when the digest of those inputs differs from the one its stored events were
    merged for; a new article touches the blocks of its own events (and those of
    articles whose duplicate group or outlet key it changed). The result equals a merge
    of the whole store (``tests/test_merge_incremental.py``).
    """
    from chronicler.corpus.events import merge_events

    meta = _article_meta(store)
    blocks = store.conn.execute(
        f"SELECT {_BLOCK_SQL}, md5(string_agg(payload, chr(10) ORDER BY id)), "
        "list(DISTINCT article_id ORDER BY article_id) FROM article_events GROUP BY ALL"
    ).fetchall()
    want = {f"{MERGE_STATE}{block}": f"{h}:{_meta_digest(aids, meta)}"
            for block, h, aids in blocks}
    have: dict[str, str] = {}
    if incremental:
        # A block stored without a digest (a store merged before digests were kept) is
        # of unknown origin: merged again, or removed when no article has its events.
        have = {f"{MERGE_STATE}{b}": "" for (b,) in store.conn.execute(
            f"SELECT DISTINCT {_BLOCK_SQL} FROM events").fetchall()}
        have.update(store.conn.execute(
            "SELECT key, value FROM corpus_state WHERE starts_with(key, ?)",
            [MERGE_STATE]).fetchall())
    dirty = sorted(k for k in {*want, *have} if want.get(k) != have.get(k))
    keys = [(k[len(MERGE_STATE):].rsplit(":", 1)) for k in dirty]
    todo = {(typ, bool(int(neg))) for typ, neg in keys}
    events = [e for e in store.json_records(
        "article_events", "type IN (SELECT unnest(?))", [sorted({t for t, _ in todo})])
        if (e.type, e.negated) in todo] if todo else []
    merged = merge_events(events, meta)
    if not dirty:
        return 0
    with store.transaction():
        if incremental:
            replace_where(store, "events", f"{_BLOCK_SQL} IN (SELECT unnest(?))",
                          [[k[len(MERGE_STATE):] for k in dirty]], merged)
        else:
            store.replace_all("events", merged)
            corpus_state.clear_prefix(store, MERGE_STATE)
        # One statement each (a put per block cost more than a small merge).
        store.conn.execute("DELETE FROM corpus_state WHERE key IN (SELECT unnest(?))", [dirty])
        kept = [k for k in dirty if k in want]
        store.conn.execute(
            "INSERT INTO corpus_state (key, value, updated_at) "
            "SELECT unnest(?), unnest(?), current_timestamp", [kept, [want[k] for k in kept]])
    return len(dirty)


def compare_stored(store: Store, settings: Settings | None = None) -> None:
    """Claims alignment, stories and framing over the whole store (issue 5)."""
    from chronicler.corpus.compare import run_compare

    run_compare(store, settings or Settings.from_env(db=store.path))
