"""The CLI end to end over small inputs (understanding stages off: fast)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from chronicler.cli import app

runner = CliRunner()

ARTICLE_FIELDS = {"kind", "id", "title", "outlet", "url", "author", "published",
                  "published_inferred", "language", "duplicate_of", "source_path", "text"}


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "cli.duckdb"
    monkeypatch.setenv("CHRONICLER_DB", str(db))
    monkeypatch.setenv("CHRONICLER_ANALYZE", "0")
    return db


def _write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


BODY = ("Varsk, March 14, 2025: The Merovian Defence Ministry said on Friday that its forces "
        "had completed the exercise near the river crossing. Officials said the drills were "
        "planned months ago and were not aimed at any neighbour. ") * 3


def test_ingest_twice_writes_nothing_new(env: Path, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    _write(d / "a.txt", "Drills end near river\n\n" + BODY)
    _write(d / "b.txt", "Second story title\n\nBy Jane Roe\n\n" + BODY.replace("Friday", "Monday")
           + " A different closing paragraph about talks and a ceasefire proposal.")
    r1 = runner.invoke(app, ["ingest", "--json", str(d)])
    assert r1.exit_code == 0, r1.output
    s1 = json.loads(r1.stdout)
    assert s1["stored"] == 2 and s1["skipped"] == 0
    r2 = runner.invoke(app, ["ingest", "--json", str(d)])
    s2 = json.loads(r2.stdout)
    assert r2.exit_code == 0 and s2["stored"] == 0 and s2["already_stored"] == 2


def test_exit_codes(env: Path, tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", "A title\n\n" + BODY)
    empty = _write(tmp_path / "empty.txt", "")
    r = runner.invoke(app, ["ingest", "--json", str(good), str(empty)])
    assert r.exit_code == 1, r.output
    s = json.loads(r.stdout)
    assert s["skipped_by_reason"] == {"empty": 1}
    r = runner.invoke(app, ["ingest", str(empty)])
    assert r.exit_code == 2
    r = runner.invoke(app, ["ingest"])
    assert r.exit_code == 2  # usage error


def test_articles_and_export_formats(env: Path, tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Drills end near river\n\n" + BODY)
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt")]).exit_code == 0
    r = runner.invoke(app, ["articles", "--json"])
    page = json.loads(r.stdout)
    assert set(page) == {"items", "total", "limit", "offset"}  # the REST API's page
    (row,) = page["items"]
    assert row["kind"] == "article" and row["title"] == "Drills end near river"

    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["export", "--format", "jsonl", str(out)])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    arts = [x for x in recs if x["kind"] == "article"]
    assert len(arts) == 1 and ARTICLE_FIELDS <= set(arts[0])
    assert arts[0]["published"] == "2025-03-14" and arts[0]["published_inferred"] is False

    r = runner.invoke(app, ["export", "--format", "csv", str(tmp_path / "a.csv")])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader((tmp_path / "a.csv").open()))
    assert rows[0]["title"] == "Drills end near river"

    r = runner.invoke(app, ["export", "--format", "parquet", str(tmp_path / "pq")])
    assert r.exit_code == 0, r.output
    t = pq.read_table(tmp_path / "pq" / "article.parquet")
    assert t.num_rows == 1 and ARTICLE_FIELDS <= set(t.column_names)

    r = runner.invoke(app, ["export", "--format", "xml", str(tmp_path / "x")])
    assert r.exit_code == 2


def test_unknown_setting_is_a_usage_error(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONICLER_SHARDSIZE", "3")
    r = runner.invoke(app, ["articles"])
    assert r.exit_code == 2
    assert "CHRONICLER_SHARDSIZE" in r.output
