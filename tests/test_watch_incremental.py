"""Incremental equals from scratch: a folder watched while articles arrive one by one
ends with the same records (events, claims, stories, framing, duplicates, quotes) as
one ingest of the same files, with the real per-article and cross-article stages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from chronicler.config import Settings
from chronicler.outputs.export import iter_records
from chronicler.run.pipeline import run_ingest
from chronicler.store import open_store
from chronicler.watch import Source, Watcher, WatchOptions

DEMO = Path(__file__).resolve().parents[1] / "src" / "chronicler" / "demo" / "corpus"
# Two wire copies of one report (arriving apart, the second makes the first a duplicate
# group's canonical article: its events' sources change), the reactions of the next day
# and a ceasefire three weeks later.
FILES = ["2025-03-11-cpa-gunmen-kill-24-tourists-lessara.txt",
         "2025-03-12-cpa-merovia-suspends-serrin-water-treaty.txt",
         "2025-03-11-vl-24-killed-gunmen-target-tourists-sellin-meadow.html",
         "2025-03-12-mh-nation-in-grief-and-fury-after-kovasi-massacre.txt",
         "2025-04-05-cpa-merovia-kaldoria-agree-ceasefire.txt",
         "2025-03-12-tt-kaldoria-rejects-merovian-insinuations-kovasi.txt"]
# Arrival orders: one article per cycle in the list's order; two per cycle, reversed.
ORDERS = {"one-by-one": [[f] for f in FILES],
          "pairs-reversed": [FILES[::-1][i:i + 2] for i in range(0, len(FILES), 2)]}
# What records how and when they were made, not what they say.
VOLATILE = {"ingested_at", "notes", "analyzed_at"}


def _records(db: Path) -> list[str]:
    import json

    with open_store(db, read_only=True) as s:
        recs = list(iter_records(s))

    def clean(r: Any) -> Any:
        if isinstance(r, dict):
            # the inbox folders differ (one per run): the file name is what must agree
            return {k: Path(v).name if k == "source_path" and isinstance(v, str) else clean(v)
                    for k, v in r.items() if k not in VOLATILE}
        if isinstance(r, list):
            return [clean(v) for v in r]
        return r

    return sorted(json.dumps(clean(r), sort_keys=True, default=str) for r in recs)


@pytest.fixture(scope="module")
def from_scratch(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """One ingest of all the files."""
    root = tmp_path_factory.mktemp("scratch")
    inbox = root / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copy(DEMO / name, inbox / name)
    scratch = Settings(db=root / "scratch.duckdb")
    with open_store(scratch.db) as s:
        run_ingest([str(inbox)], s, scratch)
    return _records(scratch.db)


@pytest.mark.slow  # the real stages: the spaCy and embedding models, a few minutes
@pytest.mark.parametrize("order", sorted(ORDERS))
def test_incremental_watch_equals_from_scratch(tmp_path: Path, order: str,
                                               from_scratch: list[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = Settings(db=tmp_path / "inc.duckdb")
    src = Source(str(inbox), "folder", interval_s=1)
    for names in ORDERS[order]:  # each cycle a fresh watcher, as a restarted process
        for name in names:
            shutil.copy(DEMO / name, inbox / name)
        w = Watcher([src], lambda: open_store(settings.db), settings, WatchOptions(once=True))
        w.run()
        assert w.stats.new_docs == len(names)
    inc = _records(settings.db)
    kinds = {k.split('"kind": ')[1].split('"')[1] for k in from_scratch}
    assert {"article", "event", "claim", "story"} <= kinds
    assert inc == from_scratch
