"""Settings: typed values from CHRONICLER_* variables, defaults untouched by the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.config import Settings
from chronicler.errors import ConfigError


@pytest.mark.parametrize(("raw", "want"), [("false", False), ("0", False), ("no", False),
                                           ("true", True), ("1", True), ("yes", True)])
def test_booleans_are_real(raw: str, want: bool) -> None:
    assert Settings.from_env({"CHRONICLER_ANALYZE": raw}).analyze is want


def test_numbers_paths_and_overrides() -> None:
    s = Settings.from_env({"CHRONICLER_WORKERS": "3", "CHRONICLER_DB": "~/x.duckdb",
                           "CHRONICLER_FETCH_TIMEOUT_S": "2.5"}, shard_size=7)
    assert (s.workers, s.fetch_timeout_s, s.shard_size) == (3, 2.5, 7)
    assert s.db == Path("~/x.duckdb").expanduser()
    assert Settings.from_env({"CHRONICLER_WORKERS": "3"}, workers=None).workers == 3


def test_bad_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="CHRONICLER_WORKERS='two'"):
        Settings.from_env({"CHRONICLER_WORKERS": "two"})
    with pytest.raises(ConfigError, match="CHRONICLER_ANALYZE"):
        Settings.from_env({"CHRONICLER_ANALYZE": "maybe"})


def test_unknown_variable_or_override_fails_fast() -> None:
    with pytest.raises(ConfigError, match="unknown setting CHRONICLER_WORKER;"):
        Settings.from_env({"CHRONICLER_WORKER": "2"})
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Settings.from_env({}, colour="red")


def test_plain_construction_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONICLER_SHARD_SIZE", "3")
    assert Settings().shard_size == 200
    assert Settings.from_env().shard_size == 3


def test_settings_are_frozen_hashable_and_copied_with_changes() -> None:
    s = Settings(workers=1)
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen-instance error
        s.workers = 2  # type: ignore[misc]
    assert hash(s) == hash(Settings(workers=1))
    assert s.with_(workers=2).workers == 2 and s.workers == 1


def test_every_variable_the_code_reads_is_a_setting() -> None:
    """A CHRONICLER_* name read anywhere in the package must be accepted by from_env,
    or setting it (as the docs say) kills every worker at start-up."""
    import re
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "chronicler"
    names = {m for p in src.rglob("*.py")
             for m in re.findall(r"CHRONICLER_([A-Z][A-Z0-9_]*[A-Z0-9])", p.read_text())}
    assert "CACHE_DIR" in names
    for name in sorted(names):
        Settings.from_env({f"CHRONICLER_{name}": "1"})
