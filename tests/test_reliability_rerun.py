"""Derived data is a function of the stored articles (issue 18, item 1 and must-have 3).

Whatever the order, the split into several ingests, the repeats and a ``kill -9`` at any
point (a committed shard, the date lending, each cross-article step), the store after a
re-run equals a fresh ingest of the same files. Kills are placed with the driver's kill
points (``CHR_KILL_AT``, chronicler.run.faults.kill_point) in a real CLI process.

The property test runs without the language model (``CHRONICLER_ANALYZE=0``: dates,
year lending, duplicates); ``test_year_lent_later_reaches_the_analysis`` runs the full
stages on the case that used to degrade silently.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PLACES = ["VARSK", "TIRVAN", "KOVASI", "BAHRUN"]
TOPICS = [
    ("the water treaty", "Merovian officials said the treaty talks would resume next week"),
    ("the border crossing", "Kaldorian guards closed the crossing after a night of shelling"),
    ("the ceasefire line", "Observers reported calm along the line for a second day"),
    ("the hotline", "Military operations chiefs spoke by telephone for forty minutes"),
    ("the refugee camps", "Aid groups said two thousand families had reached the camps"),
    ("the airport", "Flights resumed at the airport after a four-day closure"),
]


def _article(i: int, day: int, with_year: bool) -> str:
    topic, lead = TOPICS[i % len(TOPICS)]
    year = ", 2025" if with_year else ""
    return (f"Update on {topic}, report {i}\n\n"
            f"{PLACES[i % len(PLACES)]}, March {day}{year} (CPA) — {lead}. "
            f"Residents near {topic} described the situation as tense but stable, "
            f"and local officials asked for patience while the review continued.\n\n"
            f"A spokesperson added that report number {i} would be followed by another "
            f"statement on March {day + 1} once the figures had been checked.\n")


def write_corpus(root: Path) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(8):
        p = root / f"a{i:02d}.txt"
        p.write_text(_article(i, 3 + 2 * i, with_year=i % 3 == 0), "utf-8")
        files.append(p)
    # two wire copies: the same story with a word changed, in another file
    for i in (1, 4):
        p = root / f"copy{i:02d}.txt"
        p.write_text(_article(i, 3 + 2 * i, with_year=False).replace("tense", "calm"), "utf-8")
        files.append(p)
    return files


def cli(db: Path, *args: str, kill_at: str | None = None, analyze: int = 0,
        timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CHRONICLER_") and k != "CHR_KILL_AT"}
    env.update(CHRONICLER_DB=str(db), CHRONICLER_ANALYZE=str(analyze),
               CHRONICLER_SHARD_SIZE="3")
    if kill_at:
        env["CHR_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "chronicler.cli", *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


def export(db: Path, analyze: int = 0) -> list[dict[str, object]]:
    out = db.with_suffix(".jsonl")
    r = cli(db, "export", "-f", "jsonl", str(out), analyze=analyze)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return sorted(recs, key=lambda d: json.dumps(d, sort_keys=True))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[dict]]:
    root = tmp_path_factory.mktemp("corpus")
    files = write_corpus(root / "in")
    fresh = root / "fresh.duckdb"
    r = cli(fresh, "ingest", *map(str, files))
    assert r.returncode == 0, r.stderr
    want = export(fresh)
    arts = [d for d in want if d["kind"] == "article"]
    assert len(arts) == 10
    assert sum(bool(d["published_inferred"]) for d in arts) >= 4  # years were lent
    assert sum(d["duplicate_of"] is not None for d in arts) >= 2  # the copies at least
    return files, want


KILL_POINTS = ["shard:1", "shard:2", "years:1", "duplicates:1", "merge:1"]


@pytest.mark.parametrize("seed", range(len(KILL_POINTS)))
def test_any_order_split_repeat_and_kill_equals_a_fresh_ingest(
        corpus: tuple[list[Path], list[dict]], tmp_path: Path, seed: int) -> None:
    files, want = corpus
    rng = random.Random(seed)
    order = files[:]
    rng.shuffle(order)
    cuts = sorted(rng.sample(range(1, len(order)), rng.randint(1, 3)))
    batches = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]
    batches.insert(rng.randrange(len(batches) + 1), rng.choice(batches))  # a repeat
    point = KILL_POINTS[seed % len(KILL_POINTS)]
    if point.startswith("shard"):
        # the first run of the largest batch commits shards of 3; kill in one of them
        killed = max(range(len(batches)), key=lambda i: (len(batches[i]), -i))
        shards = -(-len(batches[killed]) // 3)
        point = f"shard:{min(int(point.split(':')[1]), shards)}"
    else:
        # a batch that brings something new (a run that changes nothing skips the
        # cross-article steps, so it has no such point to be killed at)
        fresh_batches = [i for i, b in enumerate(batches)
                         if set(b) - {f for x in batches[:i] for f in x}]
        killed = rng.choice(fresh_batches)
    db = tmp_path / "trial.duckdb"
    for i, batch in enumerate(batches):
        args = ["ingest", *map(str, batch)]
        if i == killed:
            r = cli(db, *args, kill_at=point)
            assert r.returncode in (-9, 137), (point, r.returncode, r.stderr[-500:])
        r = cli(db, *args)  # the re-run (after a kill) or the run itself
        assert r.returncode == 0, r.stderr[-2000:]
    assert export(db) == want, (seed, point, [len(b) for b in batches])


def test_copied_folder_and_reruns_change_nothing(corpus: tuple[list[Path], list[dict]],
                                                 tmp_path: Path) -> None:
    files, want = corpus
    db = tmp_path / "copy.duckdb"
    assert cli(db, "ingest", *map(str, files)).returncode == 0
    copy = tmp_path / "copied"
    shutil.copytree(files[0].parent, copy)
    r = cli(db, "ingest", str(copy))
    assert r.returncode == 0, r.stderr
    assert cli(db, "ingest", *map(str, files)).returncode == 0
    assert export(db) == want


def test_year_lent_later_reaches_the_analysis(tmp_path: Path) -> None:
    """A year-less article analysed before the corpus lends it a year is analysed again
    with the lent date, whatever came first; a copied folder changes nothing."""
    root = tmp_path / "in"
    root.mkdir()
    dated = root / "dated.txt"
    dated.write_text("Talks resume, report 1\n\nVARSK, March 11, 2025 (CPA) — Merovian "
                     "officials said talks with Kaldoria would resume. On March 9 the two "
                     "sides had exchanged fire near the border, killing three soldiers.\n",
                     "utf-8")
    yearless = root / "yearless.txt"
    yearless.write_text("Shelling near the border, report 2\n\nTIRVAN, March 12 (CPA) — "
                        "Kaldorian officials said Merovian artillery shelled two villages "
                        "yesterday, killing four civilians.\n", "utf-8")
    fresh = tmp_path / "fresh.duckdb"
    assert cli(fresh, "ingest", str(root), analyze=1, timeout=600).returncode == 0
    want = export(fresh, analyze=1)
    times = [d for d in want if d["kind"] == "event"]
    assert any(d["date"] == "2025-03-11" for d in times), times  # "yesterday" anchored

    db = tmp_path / "split.duckdb"  # the year-less one first, alone: no year to lend yet
    assert cli(db, "ingest", str(yearless), analyze=1, timeout=600).returncode == 0
    r = cli(db, "ingest", str(dated), analyze=1, timeout=600, kill_at="refresh:1")
    assert r.returncode in (-9, 137)
    assert cli(db, "ingest", str(dated), analyze=1, timeout=600).returncode == 0
    shutil.copytree(root, tmp_path / "copied")
    assert cli(db, "ingest", str(tmp_path / "copied"), analyze=1,
               timeout=600).returncode == 0
    assert export(db, analyze=1) == want
