"""The incremental event merge (``chronicler.run.cross.merge_stored_events``) equals a
merge of the whole store, whatever order articles arrive in, and re-merges only the
blocks (PLOVER type and negation) whose inputs changed. Made-up articles and events,
no NLP models."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from chronicler.corpus.events import merge_events
from chronicler.records import Analysis, Article, Event, EventActor, Evidence, Location
from chronicler.run.cross import _article_meta, merge_stored_events
from chronicler.store import Store, open_store

TYPES = ["ASSAULT", "ACCUSE", "AGREE", "COERCE"]
COUNTRIES = ["MRV", "KLD", "NVN"]
PLACES = [None, Location(name="Tirvan", lat=34.1, lon=74.8),
          Location(name="Lessara", lat=34.0, lon=75.3), Location(name="Varsk")]
OUTLETS = ["Continental Press Agency", "CPA", "Tirvan Times", None]


def _corpus(seed: int, n: int = 14) -> list[tuple[Article, Analysis]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        aid = f"art{seed}-{i:02d}"
        pub = dt.date(2025, 4, 1) + dt.timedelta(days=rng.randrange(6))
        text = f"Report {i}. " + " ".join(rng.choice(["Merovian", "jets", "struck", "near",
                                                      "Tirvan", "talks"]) for _ in range(40))
        art = Article(id=aid, title=f"Report {i}", outlet=rng.choice(OUTLETS), published=pub,
                      text=text, text_hash=f"h{seed}-{i}")
        events = []
        for k in range(rng.randrange(1, 5)):
            date = None if rng.random() < 0.3 else pub - dt.timedelta(days=rng.randrange(3))
            a, r = rng.sample(COUNTRIES, 2)
            events.append(Event(
                id=f"{aid}-e{k}", type=rng.choice(TYPES), negated=rng.random() < 0.15,
                actor=[EventActor(name=a, country=a)] if rng.random() < 0.8 else [],
                recipient=[EventActor(name=r, country=r)] if rng.random() < 0.7 else [],
                date=date, date_precision="day" if date else None,
                location=rng.choice(PLACES), score=-5.0,
                evidence=[Evidence(article_id=aid, text=f"Sentence {k}.", span=(k * 20, k * 20 + 10))],
                article_ids=[aid]))
        out.append((art, Analysis(article_id=aid, events=events, provenance=["test"])))
    return out


def _add(store: Store, items: list[tuple[Article, Analysis]]) -> None:
    with store.transaction():
        store.insert_articles([a for a, _ in items], [None] * len(items), "test")
        store.write_analyses([x for _, x in items])


def _events(store: Store) -> list[str]:
    return sorted(json.dumps(e.model_dump(mode="json"), sort_keys=True)
                  for e in store.json_records("events"))


def _from_scratch(store: Store) -> list[str]:
    merged = merge_events(store.json_records("article_events"), _article_meta(store))
    # one row per id, as the store keeps them (the last of the sorted list wins)
    return sorted(json.dumps(e.model_dump(mode="json"), sort_keys=True)
                  for e in {e.id: e for e in merged}.values())


@pytest.mark.parametrize("order_seed", [0, 1, 2])
def test_incremental_merge_equals_from_scratch_in_any_order(tmp_path: Path,
                                                            order_seed: int) -> None:
    items = _corpus(7)
    random.Random(order_seed).shuffle(items)
    with open_store(tmp_path / "inc.duckdb") as store:
        for k, item in enumerate(items):
            _add(store, [item])
            merge_stored_events(store)
            if k in (0, 5, len(items) - 1):
                assert _events(store) == _from_scratch(store)
        assert _events(store)  # the corpus has events to merge at all


def test_only_touched_blocks_are_merged_again(tmp_path: Path) -> None:
    items = _corpus(3)
    with open_store(tmp_path / "inc.duckdb") as store:
        _add(store, items[:-1])
        merge_stored_events(store)
        assert merge_stored_events(store) == 0  # nothing new: nothing merged
        last = items[-1][1]
        touched = {(e.type, e.negated) for e in last.events}
        all_blocks = {(e.type, e.negated) for _, x in items for e in x.events}
        assert touched < all_blocks  # the test means something only if some are untouched
        _add(store, [items[-1]])
        assert merge_stored_events(store) == len(touched)
        assert _events(store) == _from_scratch(store)


def test_changed_duplicate_groups_and_removed_events_are_merged_again(tmp_path: Path) -> None:
    items = _corpus(5)
    with open_store(tmp_path / "inc.duckdb") as store:
        _add(store, items)
        merge_stored_events(store)
        # Two articles become wire copies of one another: the sources of every event they
        # report change, in every block they have events in.
        a, b = items[0][0].id, items[1][0].id
        with store.transaction():
            store.set_duplicates({a: (None, a), b: (a, a)})
        assert merge_stored_events(store) > 0
        assert _events(store) == _from_scratch(store)
        # An article re-analysed with no events left: its blocks lose its events (and a
        # block that had only its events disappears).
        with store.transaction():
            store.write_analyses([Analysis(article_id=items[2][0].id, provenance=["test"])])
        merge_stored_events(store)
        assert _events(store) == _from_scratch(store)


def test_a_full_merge_and_an_incremental_one_agree(tmp_path: Path) -> None:
    items = _corpus(11)
    with open_store(tmp_path / "a.duckdb") as inc, open_store(tmp_path / "b.duckdb") as full:
        for item in items:
            _add(inc, [item])
            merge_stored_events(inc)
        _add(full, items)
        merge_stored_events(full, incremental=False)
        assert _events(inc) == _events(full)


def test_a_store_merged_before_digests_is_brought_up_to_date(tmp_path: Path) -> None:
    """Events stored by a merge that kept no digests (an older version) are merged
    again, and a block no article reports any more goes."""
    items = _corpus(13)
    with open_store(tmp_path / "old.duckdb") as store:
        _add(store, items)
        stale = Event(id="stale-block", type="PROTEST", evidence=[], article_ids=["gone"])
        with store.transaction():
            store.replace_all("events", [*merge_events(store.json_records("article_events"),
                                                       _article_meta(store))[:-1], stale])
        merge_stored_events(store)
        assert _events(store) == _from_scratch(store)
