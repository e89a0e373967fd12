"""The Python API: what the CLI, the REST API and the web UI all call.

    >>> from chronicler import api
    >>> store = api.open_store("news.duckdb")
    >>> summary = api.ingest(["articles/"], store=store)
    >>> api.export(store, "out.jsonl")
    >>> api.claims(store, status="contested")          # typed records
    >>> api.frame("event", store, country="India")     # a typed pandas DataFrame
    >>> api.page("quote", store, limit=20)             # what `--json` and /api/quotes give
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import pandas as pd

from chronicler.config import Settings
from chronicler.errors import ConfigError, UsageError
from chronicler.outputs.export import export, iter_records
from chronicler.records import Actor, Analysis, Article, Claim, Event, Framing, Quote, Story
from chronicler.run.commit import IngestSummary
from chronicler.run.pipeline import ProgressFn, run_ingest
from chronicler.store import Store, open_store
from chronicler.views.base import Page
from chronicler.views.timeline import DIRECTED_DEFAULT

__all__ = ["Settings", "open_store", "open_for_write", "ingest", "export", "iter_records", "page", "records",
           "frame", "articles", "actors", "quotes", "events", "claims", "stories", "framing",
           "search", "analysis", "timeline", "KINDS"]


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
    labels: Mapping[str, str] | None = None,
) -> IngestSummary:
    """Ingest files, directories and URLs (``-``: one document read from stdin). ``engine="ray"`` runs the per-article stages
    on a Ray cluster (``address``: None starts a local one, "auto" or "ray://host:10001"
    joins an existing one); the records are the same as the local engine's.
    ``labels`` maps an input path to the name it is recorded under (stdin: "<stdin>")."""
    settings = settings or Settings.from_env()
    if "-" in [str(i) for i in inputs]:
        inputs, stdin_labels, tmp = _stdin_inputs([str(i) for i in inputs])
        try:
            return ingest(inputs, store=store, settings=settings, allow_private=allow_private,
                          progress=progress, engine=engine, address=address, workers=workers,
                          labels={**(labels or {}), **stdin_labels})
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
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
        documents = None
        if labels:
            from chronicler.ingest import iter_documents

            documents = iter_documents([str(i) for i in inputs], settings,
                                       allow_private=allow_private, labels=labels)
        return run_ingest([str(i) for i in inputs], st, settings, allow_private=allow_private,
                          progress=progress, documents=documents)
    finally:
        if own:
            st.close()


def _stdin_inputs(inputs: list[str]) -> tuple[list[str], dict[str, str], Path]:
    """``-`` becomes a temporary file whose extension the readers dispatch on."""
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:200].lower()
    ext = (".jsonl" if head.startswith(b"{") else
           ".xml" if head.startswith((b"<?xml", b"<rss", b"<feed")) else
           ".html" if head.startswith(b"<") else ".txt")
    tmp = Path(tempfile.mkdtemp(prefix="chronicler-stdin-"))
    path = tmp / f"stdin{ext}"
    path.write_bytes(data)
    return ([str(path) if i == "-" else i for i in inputs], {str(path): "<stdin>"}, tmp)


def open_for_write(path: str | Path, *, wait_s: float = 120.0,
                   on_wait: Callable[[str], None] | None = None) -> Store:
    """The store, read-write. While another process holds the file (``chronicler
    serve`` lets go of it after 2 s without requests) wait up to ``wait_s``, calling
    ``on_wait`` once with the reason."""
    from chronicler.errors import StoreLocked

    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            return open_store(path)
        except StoreLocked as e:
            if time.monotonic() >= deadline:
                raise
            if on_wait is not None and not told:
                on_wait(e.message)
                told = True
            time.sleep(0.5)


# ------------------------------------------------------------------ reading
# One read model (chronicler.views.query) behind every surface: page() is what
# `chronicler <kind> --json` prints and /api/<kind>s answers; records() the same items as
# typed records; frame() the same again as a typed DataFrame (CSV export's columns).
KINDS = ("article", "actor", "quote", "event", "claim", "story", "framing")
_LISTS = {"article": "list_articles", "actor": "list_actors", "quote": "list_quotes",
          "event": "list_events", "claim": "list_claims", "story": "list_stories",
          "framing": "list_framing"}


def _filters(kw: dict[str, Any]) -> Any:
    from chronicler.views.base import Filters

    known = {f.name for f in fields(Filters)}
    unknown = sorted(set(kw) - known)
    if unknown:
        raise UsageError(f"unknown filter(s) {', '.join(unknown)}; "
                         f"known: {', '.join(sorted(known))}")
    return Filters(**kw)


def page(kind: str, store: Store, *, limit: int | None = None, offset: int = 0,
         **filters: Any) -> Page:
    """One page ``{items, total, limit, offset}`` of ``kind`` records (dicts in the
    export contract's shape). Filters: story, actor, article (ids or unique prefixes),
    country (code or name), type, status, outlet, date_from, date_to, q."""
    from chronicler.views import query as Q
    from chronicler.views.validate import one_of

    kind = one_of("kind", kind, KINDS) or kind
    fn = getattr(Q, _LISTS[kind])
    result: Page = fn(store, _filters(filters), limit=limit, offset=offset)
    return result


def _all(kind: str, store: Store, limit: int | None, filters: dict[str, Any]
         ) -> list[dict[str, Any]]:
    from chronicler.views.base import MAX_LIMIT

    out: list[dict[str, Any]] = []
    while limit is None or len(out) < limit:
        want = MAX_LIMIT if limit is None else min(MAX_LIMIT, limit - len(out))
        p = page(kind, store, limit=want, offset=len(out), **filters)
        out.extend(p["items"])
        if not p["items"] or len(out) >= p["total"]:
            break
    return out


def records(kind: str, store: Store, *, limit: int | None = None,
            **filters: Any) -> list[Any]:
    """Every ``kind`` record matching the filters (all pages), as typed records
    (:class:`~chronicler.records.Event`, ...)."""
    from chronicler.outputs.tables import MODELS
    from chronicler.records import own_kind_field

    model = MODELS[kind]
    own = own_kind_field(kind)
    out = []
    for d in _all(kind, store, limit, filters):
        data = {("kind" if k == own else k): v for k, v in d.items()
                if k != "kind" and (k in model.model_fields or k == own)}
        out.append(model.model_validate(data))
    return out


def frame(kind: str, store: Store, *, limit: int | None = None,
          **filters: Any) -> pd.DataFrame:
    """The ``kind`` records matching the filters as a typed DataFrame, one row per
    record with the CSV export's flat columns (dates as datetime64, Int64, boolean,
    string; ``actor_country`` "IND; PAK"). ``frame("timeline", store, a=..., b=...)``
    is :func:`timeline`."""
    if kind == "timeline":
        return timeline(store, **filters)
    from chronicler.outputs.tables import frame as to_frame

    return to_frame(kind, _all(kind, store, limit, filters))


def articles(store: Store, **filters: Any) -> list[Article]:
    return records("article", store, **filters)


def actors(store: Store, **filters: Any) -> list[Actor]:
    return records("actor", store, **filters)


def quotes(store: Store, **filters: Any) -> list[Quote]:
    return records("quote", store, **filters)


def events(store: Store, **filters: Any) -> list[Event]:
    """Events merged across articles, with their evidence and source counts."""
    return records("event", store, **filters)


def claims(store: Store, **filters: Any) -> list[Claim]:
    """Claims, contested first; ``status="contested"`` for the disputed ones."""
    return records("claim", store, **filters)


def stories(store: Store, **filters: Any) -> list[Story]:
    return records("story", store, **filters)


def framing(store: Store, **filters: Any) -> list[Framing]:
    return records("framing", store, **filters)


def search(store: Store, q: str, *, limit: int | None = None, offset: int = 0,
           **filters: Any) -> Page:
    """Articles, quotes and claims containing every word or "quoted phrase" of ``q``."""
    from chronicler.views import query as Q

    return Q.search(store, q, filters=_filters(filters), limit=limit, offset=offset)


def analysis(store: Store, article_id: str) -> Analysis | None:
    """Mentions, dates, places, counts, quotes, events and claims of one article
    (the id or a unique prefix)."""
    from chronicler.views.ids import resolve

    return store.analysis(resolve(store, "article", article_id))


def timeline(store: Store, a: str, b: str, *, directed: bool = DIRECTED_DEFAULT,
             **filters: Any) -> pd.DataFrame:
    """Daily events between countries ``a`` and ``b`` (codes or names), both directions
    unless ``directed`` (the default everywhere: False), as a DataFrame: date, actor,
    recipient, n_events, score_sum, and n_conflict / conflict_sum and n_cooperation /
    cooperation_sum apart."""
    from chronicler.views.timeline import timeline_frame

    return timeline_frame(store, a, b, directed=directed, filters=_filters(filters))
