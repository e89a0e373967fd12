"""One small exception tree; every message starts with a stable code.

    ChroniclerError                  base; ``code`` is stable, ``str()`` is for people
    ├── ConfigError      (CHR-CFG)   bad setting, unknown key, missing model
    ├── InputSkipped     (CHR-IN-*)  one input cannot be used; the batch goes on
    │   └── FetchRefused (CHR-IN-FETCH-*)  the SSRF guard or fetch limits said no
    ├── StoreError       (CHR-DB)    the database cannot be opened or migrated
    │   └── StoreLocked, StoreFull, StoreCorrupt, StoreReadOnly, StoreNotFound,
    │       StorePathError, ForeignDatabase   (CHR-DB-LOCKED, -FULL, ...)
    └── PipelineError    (CHR-PIPE)  a stage is missing a requirement

``InputSkipped`` carries a ``reason`` (a short machine key such as ``"too-large"``)
that the ingest summary counts and the ``ingest_errors`` table stores.
"""

from __future__ import annotations


class ChroniclerError(Exception):
    code = "CHR"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(ChroniclerError):
    code = "CHR-CFG"


class StoreError(ChroniclerError):
    code = "CHR-DB"


class PipelineError(ChroniclerError):
    code = "CHR-PIPE"


class UsageError(ChroniclerError):
    code = "CHR-USAGE"


class NotFound(ChroniclerError):
    """The requested record does not exist (the API answers 404)."""

    code = "CHR-NOT-FOUND"


class Busy(ChroniclerError):
    """Another ingest job is still running (the API answers 409)."""

    code = "CHR-WEB-BUSY"


class ExportError(ChroniclerError):
    code = "CHR-EXPORT"


class InputSkipped(ChroniclerError):
    """One input (file, record, URL) cannot be used. Never aborts a batch."""

    code = "CHR-IN"

    def __init__(self, reason: str, message: str, *, source: str = "") -> None:
        self.reason = reason
        self.source = source
        super().__init__(message, code=f"CHR-IN-{reason.upper()}")


class FetchRefused(InputSkipped):
    """A URL was refused before or during fetching (SSRF guard, size, redirects)."""


# Store problems, each with its own code (issue 18): the CLI prints one line and exits 2.
class StoreLocked(StoreError):
    """Another process has the database open for writing."""

    code = "CHR-DB-LOCKED"


class StoreFull(StoreError):
    """The device holding the database is full."""

    code = "CHR-DB-FULL"


class StoreCorrupt(StoreError):
    """A block of the database file fails its checksum."""

    code = "CHR-DB-CORRUPT"


class StoreReadOnly(StoreError):
    """The database (or its folder) cannot be written."""

    code = "CHR-DB-READONLY"


class StoreNotFound(StoreError):
    """A read command was pointed at a database that does not exist."""

    code = "CHR-DB-NOTFOUND"


class StorePathError(StoreError):
    """The database path cannot be used: its folder cannot be created, or it is a folder."""

    code = "CHR-DB-PATH"


class ForeignDatabase(StoreError):
    """The file is not a chronicler database (another DuckDB database, or not DuckDB)."""

    code = "CHR-DB-FOREIGN"
