"""The Python API: what the CLI, the REST API and the web UI all call.

    >>> from chronicler import api
    >>> store = api.open_store("news.duckdb")
    >>> summary = api.ingest(["articles/"], store=store)
    >>> api.export(store, "out.jsonl")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from chronicler.config import Settings
from chronicler.errors import ConfigError
from chronicler.outputs.export import export, iter_records
from chronicler.records import Analysis, Article, Event
from chronicler.run.commit import IngestSummary
from chronicler.run.pipeline import ProgressFn, run_ingest
from chronicler.store import Store, open_store

__all__ = ["Settings", "open_store", "ingest", "export", "iter_records", "articles",
           "analysis", "events", "timeline"]


def ingest(
    inputs: Sequence[str | Path],
    *,
    store: Store | None = None,
    settings: Settings | None = None,
    allow_private: bool = False,
    progress: ProgressFn | None = None,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
) -> IngestSummary:
    """Ingest files, directories and URLs. ``engine="ray"`` runs the per-article stages
    on a Ray cluster (``address``: None starts a local one, "auto" or "ray://host:10001"
    joins an existing one); the records are the same as the local engine's."""
    settings = settings or Settings.from_env()
    if engine not in ("local", "ray"):
        raise ConfigError(f"unknown engine {engine!r}; use local or ray")
    if workers is not None and engine == "local":
        settings = settings.with_(workers=workers)
    own = store is None
    st = store or open_store(settings.db)
    try:
        if engine == "ray":
            try:
                from chronicler.run.ray import run_ingest_ray
            except ImportError as e:
                raise ConfigError("the ray engine needs Ray: pip install 'ray[data]'") from e
            return run_ingest_ray([str(i) for i in inputs], st, settings, address=address,
                                  workers=workers or max(2, settings.workers),
                                  allow_private=allow_private, progress=progress)
        return run_ingest([str(i) for i in inputs], st, settings,
                          allow_private=allow_private, progress=progress)
    finally:
        if own:
            st.close()


def articles(store: Store, *, outlet: str | None = None, limit: int | None = None,
             offset: int = 0) -> list[Article]:
    return store.articles(outlet=outlet, limit=limit, offset=offset)


def analysis(store: Store, article_id: str) -> Analysis | None:
    """Mentions, dates, places, counts, quotes, events and claims of one article."""
    return store.analysis(article_id)


def events(store: Store) -> list[Event]:
    """Events merged across articles, with their evidence and source counts."""
    return store.json_records("events", order="date NULLS LAST, type, id")


def timeline(store: Store, a: str, b: str, *, directed: bool = True) -> pd.DataFrame:
    """Daily event counts and summed PLOVER score for the dyad ``a`` -> ``b`` (both
    directions when ``directed`` is False), as a DataFrame with columns date, actor,
    recipient, n_events, score_sum."""
    from chronicler.views.timeline import dyad_timeline

    return dyad_timeline(events(store), a.upper(), b.upper(), directed=directed)
