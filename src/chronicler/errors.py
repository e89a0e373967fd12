"""One small exception tree; every message starts with a stable code.

    ChroniclerError                  base; ``code`` is stable, ``str()`` is for people
    ├── ConfigError      (CHR-CFG)   bad setting, unknown key, missing model
    ├── InputSkipped     (CHR-IN-*)  one input cannot be used; the batch goes on
    │   └── FetchRefused (CHR-IN-FETCH-*)  the SSRF guard or fetch limits said no
    ├── StoreError       (CHR-DB)    the database cannot be opened or migrated
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


class InputSkipped(ChroniclerError):
    """One input (file, record, URL) cannot be used. Never aborts a batch."""

    code = "CHR-IN"

    def __init__(self, reason: str, message: str, *, source: str = "") -> None:
        self.reason = reason
        self.source = source
        super().__init__(message, code=f"CHR-IN-{reason.upper()}")


class FetchRefused(InputSkipped):
    """A URL was refused before or during fetching (SSRF guard, size, redirects)."""
