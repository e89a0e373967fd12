"""Exports read back as a user would: Parquet with real types (DATE, LIST, STRUCT)
queried in DuckDB and pandas, flat CSV that a spreadsheet or R reads as is, the
format taken from the file extension, and JSONL unchanged (the export contract)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from chronicler import api
from chronicler.errors import ExportError
from chronicler.outputs.export import KINDS, export, format_for
from chronicler.store import Store, open_store
from tests.fixtures.sample import Sample, build_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Sample, Path]]:
    d = tmp_path_factory.mktemp("exp")
    with open_store(d / "s.duckdb") as store:
        s = build_sample(store)
        yield store, s, d


def test_format_from_extension() -> None:
    assert format_for("x.parquet", None) == "parquet" and format_for("x.CSV", None) == "csv"
    assert format_for("x.jsonl", None) == "jsonl" and format_for("-", None) == "jsonl"
    assert format_for("x.parquet", "csv") == "csv"  # -f says otherwise
    with pytest.raises(ExportError, match="-f"):
        format_for("x.xlsx", None)
    with pytest.raises(ExportError, match="did you mean 'parquet'"):
        format_for("x", "parquet2")


def test_parquet_has_real_types(sample: tuple[Store, Sample, Path]) -> None:
    store, s, d = sample
    out = d / "pq"
    counts = export(store, out, "parquet")
    assert set(counts) == set(KINDS)
    ev = str(out / "event.parquet")
    types = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{ev}'").fetchall()}
    assert types["date"] == "DATE" and types["mode"] == "VARCHAR[]"
    assert types["actor"].startswith("STRUCT(") and types["actor"].endswith("[]")
    assert types["location"].startswith("STRUCT(") and types["negated"] == "BOOLEAN"
    assert types["n_sources"] == "BIGINT" and types["score"] == "DOUBLE"
    rows = duckdb.sql(f"SELECT id, actor[1].country, evidence[1].article_id, year(date) "
                      f"FROM '{ev}' ORDER BY date, id").fetchall()
    expected = {e.id: e for e in api.events(store)}
    assert len(rows) == len(expected)
    for rid, country, first_article, year in rows:
        e = expected[rid]
        assert country == (e.actor[0].country if e.actor else None)
        assert first_article == e.evidence[0].article_id
        assert year == (e.date.year if e.date else None)
    df = pd.read_parquet(ev)
    assert len(df) == len(expected) and isinstance(df.loc[0, "actor"][0], dict)
    arts = duckdb.sql(f"SELECT typeof(published), count(*) FROM '{out / 'article.parquet'}' "
                      "GROUP BY 1").fetchall()
    assert arts == [("DATE", len(s.articles))]


def test_csv_is_flat(sample: tuple[Store, Sample, Path]) -> None:
    store, _, d = sample
    out = d / "csv"
    export(store, out, "csv")
    with (out / "event.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    events = {e.id: e for e in api.events(store)}
    assert len(rows) == len(events)
    for col in ("actor_country", "actor_sector", "recipient_country", "date",
                "date_precision", "lat", "lon", "n_sources", "negated", "status"):
        assert col in rows[0], col
    for r in rows:
        e = events[r["id"]]
        assert r["actor_country"] == "; ".join(a.country or "" for a in e.actor)
        assert r["date"] == (e.date.isoformat() if e.date else "")
        assert not any(v.startswith(("[", "{")) for v in r.values())  # nothing nested
    df = pd.read_csv(out / "event.csv", parse_dates=["date"])
    assert str(df["date"].dtype).startswith("datetime64")
    assert df["n_sources"].dtype.kind == "i"
    n = duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{out / 'event.csv'}') "
                   "WHERE actor_country LIKE '%MRV%'").fetchall()[0][0]
    assert n == sum(1 for e in events.values() if any(a.country == "MRV" for a in e.actor))
    for kind in KINDS:  # every kind reads back with one row per record
        assert len(pd.read_csv(out / f"{kind}.csv")) == len(api.records(kind, store))


def test_jsonl_is_the_contract(sample: tuple[Store, Sample, Path]) -> None:
    store, _, d = sample
    out = d / "all.jsonl"
    counts = export(store, out)
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert {k: sum(1 for x in lines if x["kind"] == k) for k in counts} == counts
    ev = next(x for x in lines if x["kind"] == "event")
    assert isinstance(ev["actor"], list) and isinstance(ev["date"], (str, type(None)))


def test_dataframes_are_typed(sample: tuple[Store, Sample, Path]) -> None:
    store, _, _ = sample
    df = api.frame("event", store)
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["n_sources"].dtype) == "Int64" and str(df["negated"].dtype) == "boolean"
    assert str(df["actor_country"].dtype) == "string"
    assert len(api.frame("event", store, country="Kaldoria")) == len(
        api.frame("event", store, country="KLD")) > 0
