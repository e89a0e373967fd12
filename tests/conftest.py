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


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    """The analyzer with only the stages the event coder reads, loaded once for every
    event test module (a module that needs other stages defines its own ``analyzer``)."""
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.events.coder import PIPELINE

    return Analyzer(stages=PIPELINE)


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
