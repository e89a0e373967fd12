"""DuckDB storage: one file, versioned schema, idempotent upserts.

The store is the only module that speaks SQL; the CLI, API and UI go through
:mod:`chronicler.views.query`, which goes through here.
"""

from chronicler.store.db import Store, open_store

__all__ = ["Store", "open_store"]
