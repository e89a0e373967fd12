"""chronicler: turn news coverage of a crisis into evidence analysts can trust.

The public Python API lives in :mod:`chronicler.api`; the most used names are
re-exported here lazily so ``import chronicler`` stays cheap (no spaCy load).

The package, in pipeline order (lower layers never import higher ones; the order is
enforced by ``tests/test_layout.py``):

    errors.py    the exception tree, each with a stable code
    records.py   typed records (Article, Quote, Event, Claim ...) and the kind-tag rule
    config.py    Settings from CHRONICLER_* environment variables
    text/        shared text helpers (terminal-safe text)
    store/       DuckDB: the only code that speaks SQL to the database file
    ingest/      inputs -> raw documents | ingest errors
    clean/       raw document -> Article (residue, metadata)
    nlp/         per-article stages over a spaCy parse
    corpus/      cross-article stages over the store
    run/         the ingest driver: shards, commits, local and Ray engines
    watch/       follow sources live: polling, politeness, one writer (issue 17)
    views/       read models for the interfaces
    outputs/     exports, PLOVER, reports
    api.py       the Python API
    cli.py       the command line; debug.py its ``chronicler debug`` tool
    cli_watch.py the ``watch``, ``sources`` and ``serve [--watch]`` commands
    web/         the REST API and web UI
    demo/        the bundled fictional demo corpus
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "ingest", "open_store", "export"]


def __getattr__(name: str) -> Any:  # pragma: no cover - thin re-export
    if name in {"ingest", "open_store", "export"}:
        from chronicler import api

        return getattr(api, name)
    raise AttributeError(name)
