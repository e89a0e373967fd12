"""The read commands over the hand-built sample database (no NLP models): every kind
reachable, the one page shape, ids by prefix, validated filters, exit codes, stdin and
stdout, and no traceback for a user's mistake."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler import api
from chronicler.cli import app
from chronicler.store import open_store
from chronicler.views import query as Q
from tests.fixtures.sample import Sample, build_sample

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Sample]]:
    path = tmp_path_factory.mktemp("cli") / "sample.duckdb"
    with open_store(path) as store:
        sample = build_sample(store)
    yield path, sample


def run(db: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    r = runner.invoke(app, [*args, "--db", str(db)], input=input)
    assert "Traceback" not in r.output, r.output
    return r.exit_code, r.stdout, r.stderr


KINDS = [("articles", "article"), ("actors", "actor"), ("quotes", "quote"),
         ("events", "event"), ("claims", "claim"), ("stories", "story"),
         ("framing", "framing")]


@pytest.mark.parametrize(("cmd", "kind"), KINDS)
def test_every_kind_pages_like_the_api(sample_db: tuple[Path, Sample], cmd: str,
                                       kind: str) -> None:
    """`--json` prints exactly the page the REST API and the Python API give."""
    db, _ = sample_db
    code, out, _ = run(db, cmd, "--json", "--limit", "2")
    assert code == 0
    page = json.loads(out)
    assert set(page) == {"items", "total", "limit", "offset"} and page["limit"] == 2
    assert page["items"] and all(i["kind"] == kind for i in page["items"])
    with open_store(db, read_only=True) as store:
        assert api.page(kind, store, limit=2) == page
        assert len(api.records(kind, store)) == page["total"]
        df = api.frame(kind, store)
        assert len(df) == page["total"] and "kind" in df.columns


def test_claims_contested_side_by_side(sample_db: tuple[Path, Sample]) -> None:
    db, sample = sample_db
    code, out, _ = run(db, "claims", "--status", "CONTESTED")
    assert code == 0
    assert "2 of 2 claims" in out
    # The pair once, side by side: who says what, and where (outlet and date).
    assert out.count("contested: ") == 1
    assert out.index("A: Aziz Korhan") < out.index("B: Merovia")
    assert out.count("The Kaldoria Observer,") == 2 and out.count("2025-04-02") == 2
    code, _, err = run(db, "claims", "--status", "contestd")
    assert code == 2 and "did you mean 'contested'" in err


def test_filters_are_matched_case_insensitively_or_refused(
        sample_db: tuple[Path, Sample]) -> None:
    db, _ = sample_db
    by_code = json.loads(run(db, "events", "--json", "--country", "KLD")[1])
    by_name = json.loads(run(db, "events", "--json", "--country", "kaldoria")[1])
    assert by_code == by_name and by_code["total"] > 0
    assault = json.loads(run(db, "events", "--json", "--type", "assault")[1])
    assert assault["total"] > 0 and {e["type"] for e in assault["items"]} == {"ASSAULT"}
    code, _, err = run(db, "events", "--type", "asault")
    assert code == 2 and "did you mean 'ASSAULT'" in err
    code, _, err = run(db, "events", "--country", "Kaldorai")
    assert code == 2 and "did you mean 'Kaldoria'" in err
    code, _, err = run(db, "events", "--from", "2025-13-01")
    assert code == 2 and "YYYY-MM-DD" in err
    # A real country name resolves through country-converter: India -> IND.
    with open_store(db, read_only=True) as store:
        assert Q.country(store, "India") == "IND" and Q.country(store, "ind") == "IND"


def test_ids_by_unique_prefix(sample_db: tuple[Path, Sample], tmp_path: Path) -> None:
    db, sample = sample_db
    prefix = sample.story[:6]
    full = json.loads(run(db, "events", "--json", "--story", sample.story)[1])
    short = json.loads(run(db, "events", "--json", "--story", prefix)[1])
    assert full == short and full["total"] > 0
    code, _, _ = run(db, "report", prefix, "--out", str(tmp_path / "r"))
    assert code == 0 and (tmp_path / "r" / "report.md").exists()
    code, _, err = run(db, "report", "nope")
    assert code == 2 and "[CHR-NOT-FOUND]" in err
    with open_store(db, read_only=True) as store:
        assert Q.resolve(store, "event", sample.events[0][:8]) == sample.events[0]
        with pytest.raises(Q.NotFound):
            Q.resolve(store, "event", "zzzzzzzz")


def test_timeline_one_default_everywhere(sample_db: tuple[Path, Sample]) -> None:
    """Undirected unless --directed, in the CLI as in the REST and Python APIs."""
    db, _ = sample_db
    both = json.loads(run(db, "timeline", "--json", "merovia", "KLD")[1])
    assert {(r["actor"], r["recipient"]) for r in both["items"]} == {("MRV", "KLD"),
                                                                     ("KLD", "MRV")}
    one = json.loads(run(db, "timeline", "--json", "--directed", "MRV", "KLD")[1])
    assert {(r["actor"], r["recipient"]) for r in one["items"]} == {("MRV", "KLD")}
    with open_store(db, read_only=True) as store:
        df = api.timeline(store, "MRV", "KLD")
        assert len(df) == both["total"]
        assert str(df["date"].dtype).startswith("datetime64")


def test_search_and_framing(sample_db: tuple[Path, Sample]) -> None:
    db, _ = sample_db
    hits = json.loads(run(db, "search", "--json", "ceasefire")[1])
    assert hits["total"] > 0 and {h["kind"] for h in hits["items"]} <= {"article", "quote",
                                                                         "claim"}
    code, out, _ = run(db, "framing")
    assert code == 0 and "Free Lessara" in out


def test_version_help_quiet(sample_db: tuple[Path, Sample]) -> None:
    db, _ = sample_db
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and re.fullmatch(r"chronicler \S+\n", r.stdout)
    r = runner.invoke(app, ["events", "-h"])
    assert r.exit_code == 0 and "ASSAULT" in r.stdout and "<bool>" not in r.stdout
    assert "ISO3" in r.stdout
    _, loud, _ = run(db, "events")
    _, quiet, _ = run(db, "events", "-q")
    assert "events" in loud.splitlines()[0] and "of" in loud.splitlines()[0]
    assert " of " not in quiet.splitlines()[0]  # no title line


def test_export_to_stdout_and_by_extension(sample_db: tuple[Path, Sample],
                                           tmp_path: Path) -> None:
    db, _ = sample_db
    code, out, _ = run(db, "export", "-", "--kind", "story")
    assert code == 0
    (line,) = out.splitlines()
    assert json.loads(line)["kind"] == "story"
    code, _, _ = run(db, "export", str(tmp_path / "e.parquet"), "--kind", "event")
    assert code == 0 and (tmp_path / "e.parquet").read_bytes()[:4] == b"PAR1"
    code, _, err = run(db, "export", str(tmp_path / "e.xlsx"))
    assert code == 2 and "-f" in err and not (tmp_path / "e.xlsx").exists()


def test_read_on_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "news.duckdb"
    for cmd in ("articles", "events", "claims", "stories", "framing"):
        code, _, err = run(missing, cmd, "--json")
        assert code == 2 and "[CHR-DB-NOTFOUND]" in err
    assert not (tmp_path / "typo").exists()


def test_ingest_reads_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONICLER_ANALYZE", "0")
    db = tmp_path / "stdin.duckdb"
    text = ("Talks resume in Varsk\n\nVarsk, March 14, 2025: Officials of Merovia and "
            "Kaldoria met again on Friday to discuss the river crossing. ") * 3
    code, out, _ = run(db, "ingest", "--json", "-", input=text)
    assert code == 0 and json.loads(out)["stored"] == 1
    (art,) = json.loads(run(db, "articles", "--json")[1])["items"]
    assert art["source_path"] == "<stdin>" and art["title"] == "Talks resume in Varsk"
