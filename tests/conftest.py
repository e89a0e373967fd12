from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real seed articles, read in place (never copied into the repo)."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds is absent")
    return SEEDS


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    """A small web site on 127.0.0.1 (tests/test_watch.py's FakeSite), for the watch tests."""
    from tests.test_watch import FakeSite

    s = FakeSite()
    s.thread.start()
    try:
        yield s
    finally:
        s.server.shutdown()
        s.server.server_close()
