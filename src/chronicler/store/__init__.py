"""DuckDB storage: one file, versioned schema, idempotent upserts.

    schema.py  tables and migrations
    tables.py  which record kind lives in which table, and how it is serialised
    db.py      ``Store``: open, transactions, inserts, typed reads
    health.py  checks on the file before it is written (foreign, corrupt, read-only)
    sources.py what ``chronicler watch`` remembers: source states, validators, seen items
    state.py   facts about the whole store kept between runs (the corpus fingerprint)
    parts.py   replace the part of a cross-article table an incremental update touches;
               records read back in less memory (``lean``)

The store package owns the database file. SQL also appears in the read models
(:mod:`chronicler.views.query`) and the run driver's bookkeeping, always through a
``Store``'s connection.
"""

from chronicler.store.db import Store, open_store

__all__ = ["Store", "open_store"]
