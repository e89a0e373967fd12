"""chronicler: turn news coverage of a crisis into evidence analysts can trust.

The public Python API lives in :mod:`chronicler.api`; the most used names are
re-exported here lazily so ``import chronicler`` stays cheap (no spaCy load).
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
