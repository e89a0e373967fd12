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
FILES = ["2025-03-11-cpa-gunmen-kill-24-tourists-lessara.txt",
         "2025-03-12-cpa-merovia-suspends-serrin-water-treaty.txt",
         "2025-03-12-mh-nation-in-grief-and-fury-after-kovasi-massacre.txt",
         "2025-03-12-tt-kaldoria-rejects-merovian-insinuations-kovasi.txt"]
# What records how and when they were made, not what they say.
VOLATILE = {"ingested_at", "notes", "analyzed_at"}


def _records(db: Path) -> list[str]:
    import json

    with open_store(db, read_only=True) as s:
        recs = list(iter_records(s))

    def clean(r: Any) -> Any:
        if isinstance(r, dict):
            return {k: clean(v) for k, v in r.items() if k not in VOLATILE}
        if isinstance(r, list):
            return [clean(v) for v in r]
        return r

    return sorted(json.dumps(clean(r), sort_keys=True, default=str) for r in recs)


@pytest.mark.slow  # the real stages: the spaCy and embedding models, about a minute
def test_incremental_watch_equals_from_scratch(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = Settings(db=tmp_path / "inc.duckdb")
    src = Source(str(inbox), "folder", interval_s=1)
    for name in FILES:  # one article per cycle, each cycle a fresh process's worth
        shutil.copy(DEMO / name, inbox / name)
        w = Watcher([src], lambda: open_store(settings.db), settings, WatchOptions(once=True))
        w.run()
        assert w.stats.new_docs == 1
    scratch = Settings(db=tmp_path / "scratch.duckdb")
    with open_store(scratch.db) as s:
        run_ingest([str(inbox)], s, scratch)
    inc, full = _records(settings.db), _records(scratch.db)
    kinds = {k.split('"kind": ')[1].split('"')[1] for k in full}
    assert {"article", "event"} <= kinds
    assert inc == full
