"""Issue 18 items 2 and 7: no string sinks a batch; archive links and web uploads are
recorded truthfully.

Item 2 used to crash the article insert with ``UnicodeEncodeError`` (a file name that
is not UTF-8, a JSONL ``"\\ud800"``): the shard rolled back, later shards never ran,
and every re-run crashed at the same place.
"""

from __future__ import annotations

import io
import json
import os
import stat
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chronicler.config import Settings
from chronicler.ingest import iter_documents
from chronicler.ingest.hygiene import clean_item, clean_path, clean_text
from chronicler.records import Article, IngestError, RawDoc
from chronicler.run.commit import Processed, commit_shard
from chronicler.run.pipeline import run_ingest
from chronicler.store import open_store

BODY = ("Officials in the capital said on Monday that the talks on the river crossing "
        "would resume next week, and the ministry confirmed {n} new meetings. ") * 4


def _settings(db: Path, **kw: Any) -> Settings:
    return Settings.from_env(environ={}, db=db, analyze=0, **kw)


def test_clean_text_and_path() -> None:
    assert clean_text("a\ud800b") == "a\ufffdb"
    assert clean_text("\ud83d\ude00 ok") == "\U0001f600 ok"  # a split pair is rejoined
    assert clean_text("nul\x00") == "nul"
    assert clean_path(os.fsdecode(b"bad\xff.txt")) == "bad\\xff.txt"
    assert clean_path("x\ud800") == "x\\ud800"
    # Two names that differ only in undecodable bytes stay two names.
    assert clean_path(os.fsdecode(b"\xfe")) != clean_path(os.fsdecode(b"\xff"))
    for s in (clean_text("a\udcff\ud800"), clean_path("a\udcff\ud800")):
        s.encode("utf-8")
    ok = RawDoc(source_path="a.txt", source_kind="txt", text="fine")
    assert clean_item(ok) is ok


def test_undecodable_file_name_is_stored_escaped(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"good{i}.txt").write_text(BODY.format(n=i), encoding="utf-8")
    try:
        bad = os.path.join(os.fsencode(d), b"bad\xff.txt")
        with open(bad, "wb") as f:
            f.write(BODY.format(n=99).encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    settings = _settings(tmp_path / "x.duckdb", shard_size=2)
    with open_store(settings.db) as store:
        s = run_ingest([str(d)], store, settings)
        assert (s.stored, s.skipped, s.exit_code) == (7, 0, 0)
        paths = {a.source_path for a in store.articles()}
    assert str(d / "bad\\xff.txt") in paths


def test_jsonl_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    f = tmp_path / "j.jsonl"
    lines = [json.dumps({"text": f"Lone \ud800 surrogate. {BODY.format(n=1)}",
                         "title": "T\udfff", "outlet": "O\ud800"}),
             json.dumps({"text": BODY.format(n=2)})]
    assert "\\ud800" in lines[0]  # valid JSON spelling a lone surrogate
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = _settings(tmp_path / "x.duckdb")
    with open_store(settings.db) as store:
        s = run_ingest([str(f)], store, settings)
        assert (s.stored, s.exit_code) == (2, 0)
        arts = {a.title: a for a in store.articles()}
    assert "T\ufffd" in arts and arts["T\ufffd"].outlet == "O\ufffd"
    assert "Lone \ufffd surrogate" in arts["T\ufffd"].text


def _processed(i: int, title: str) -> Processed:
    text = BODY.format(n=i)
    return Processed(article=Article(id=f"id{i}", title=title, text=text,
                                     source_path=f"doc{i}.txt", text_hash=f"h{i}",
                                     n_words=len(text.split())), minhash=b"")


def test_shard_that_cannot_commit_is_retried_one_by_one(tmp_path: Path) -> None:
    """The last line of defence, past entry hygiene: a string the store refuses."""
    docs = [_processed(0, "fine"), _processed(1, "bad \udcff"), _processed(2, "fine too")]
    earlier = [IngestError(source="x.txt", reason="empty", message="x.txt is empty")]
    with open_store(tmp_path / "x.duckdb") as store:
        new_ids, kept, errors = commit_shard(store, "run1", "shard1", 4, docs, earlier)
        assert sorted(new_ids) == ["id0", "id2"] and [p.article.id for p in kept] == [
            "id0", "id2"]
        assert [e.reason for e in errors] == ["empty", "store-refused"]
        assert errors[1].source == "doc1.txt"
        assert store.shard_done("shard1")
        assert sorted(e.reason for e in store.errors()) == ["empty", "store-refused"]
        assert store.count("articles") == 2


def test_whole_batch_survives_a_refused_document(tmp_path: Path) -> None:
    """Documents handed in directly (past the readers' hygiene): one is refused, its
    shard-mates and the later shards are stored, and a re-run is clean."""
    docs: list[RawDoc | IngestError] = [
        RawDoc(source_path=f"d{i}.txt", source_kind="txt", raw_hash=f"r{i}",
               text=BODY.format(n=i), title="bad \ud800" if i == 3 else f"t{i}")
        for i in range(8)]
    settings = _settings(tmp_path / "x.duckdb", shard_size=3)
    with open_store(settings.db) as store:
        s = run_ingest(["mem"], store, settings, documents=docs)
        assert (s.stored, s.skipped, s.exit_code) == (7, 1, 1)
        assert [e.reason for e in s.errors] == ["store-refused"]
        again = run_ingest(["mem"], store, settings, documents=docs)
        assert (again.stored, again.shards_resumed) == (0, 3)


# ------------------------------------------------------------------ item 7: tar links
def test_tar_link_members_are_reported(tmp_path: Path) -> None:
    t = tmp_path / "a.tar"
    with tarfile.open(t, "w") as tf:
        data = BODY.format(n=1).encode()
        info = tarfile.TarInfo("real.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        sym = tarfile.TarInfo("sym.txt")
        sym.type, sym.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(sym)
        hard = tarfile.TarInfo("hard.txt")
        hard.type, hard.linkname = tarfile.LNKTYPE, "real.txt"
        tf.addfile(hard)
        folder = tarfile.TarInfo("dir")
        folder.type = tarfile.DIRTYPE
        tf.addfile(folder)
    items = list(iter_documents([str(t)], _settings(tmp_path / "x.duckdb")))
    docs = [i for i in items if isinstance(i, RawDoc)]
    errs = sorted((e.source, e.reason) for e in items if isinstance(e, IngestError))
    assert [d.source_path for d in docs] == [f"{t}!real.txt"]
    assert errs == [(f"{t}!hard.txt", "link-member"), (f"{t}!sym.txt", "link-member")]
    msgs = " ".join(e.message for e in items if isinstance(e, IngestError))
    assert "/etc/passwd" in msgs and "real.txt" in msgs


def test_zip_symlink_member_is_reported_not_read(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("real.txt", BODY.format(n=1))
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")  # a symlink's data is its target
    items = list(iter_documents([str(z)], _settings(tmp_path / "x.duckdb")))
    assert [i.source_path for i in items if isinstance(i, RawDoc)] == [f"{z}!real.txt"]
    assert [(e.source, e.reason) for e in items if isinstance(e, IngestError)] == [
        (f"{z}!link.txt", "link-member")]


# ------------------------------------------------------------------ item 7: web upload
def test_web_upload_records_the_original_name(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from chronicler.web.app import create_app

    db = tmp_path / "w.duckdb"
    app = create_app(db, settings=Settings.from_env(environ={}, db=db, analyze=0))
    with TestClient(app) as c:
        files = [("files", ("../../etc/Ministry report.txt", io.BytesIO(
                     BODY.format(n=1).encode()), "text/plain")),
                 ("files", ("empty.txt", io.BytesIO(b""), "text/plain")),
                 # item 2 through the web: this job used to fail as "internal error"
                 ("files", ("lone.jsonl", io.BytesIO(json.dumps(
                     {"text": "\ud800 " + BODY.format(n=2)}).encode()), "application/json"))]
        r = c.post("/api/ingest", files=files)
        assert r.status_code == 202, r.text
        job = c.app.state.jobs.wait(r.json()["id"], 60)  # type: ignore[attr-defined]
        assert job.state == "done", job.message
        arts = c.get("/api/articles").json()["items"]
        assert sorted(a["source_path"] for a in arts) == ["Ministry report.txt",
                                                           "lone.jsonl#L1"]
        status = c.get(f"/api/ingest/{job.id}").json()
        assert [e["source"] for e in status["errors"]] == ["empty.txt"]
        assert "chronicler-upload" not in json.dumps(status)
        conn = c.app.state.store.conn  # type: ignore[attr-defined]
        assert conn.execute("SELECT source FROM ingest_errors").fetchall() == [("empty.txt",)]
        assert "chronicler-upload" not in json.dumps(
            conn.execute("SELECT inputs FROM ingest_runs").fetchall())
