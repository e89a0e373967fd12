"""The bundled demo corpus (parsed directly, not through chronicler.ingest) and the
synthetic article generator."""

from __future__ import annotations

import difflib
import html
import io
import json
import random
import re
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from chronicler.demo import ACTORS_PATH, CORPUS_DIR, FACTS_PATH, corpus_paths
from tests.fixtures.build_warc import WARC_NAME, build_warc
from tests.fixtures.synth import generate_articles, wire_variant, write_jsonl

FORMATS = (".txt", ".html", ".jsonl", ".xml", ".atom", ".warc.gz")
_SITE_RE = re.compile(r'<meta property="og:site_name" content="([^"]+)"')
_P_RE = re.compile(r"<p>(.*?)</p>", re.S)


def _fmt(p: Path) -> str:
    return next(s for s in FORMATS if p.name.endswith(s))


def _txt_body(p: Path) -> str:
    """Paragraphs of a .txt article after the title and the optional byline."""
    paras = [b.strip() for b in p.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    paras = paras[1:]
    if paras[0].startswith("By "):
        paras = paras[1:]
    return "\n\n".join(paras)


def _records() -> list[dict]:
    """Every article in the corpus as {file, outlet, html or text}, by direct parsing."""
    out: list[dict] = []
    for p in corpus_paths():
        fmt = _fmt(p)
        if fmt == ".txt":
            out.append({"file": p.name, "outlet": None, "text": _txt_body(p)})
        elif fmt == ".html":
            page = p.read_text(encoding="utf-8")
            out.append({"file": p.name, "outlet": _SITE_RE.search(page).group(1), "html": page})
        elif fmt == ".jsonl":
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                rec = json.loads(line)
                out.append({"file": f"{p.name}#{n}", "outlet": rec["outlet"], **rec})
        elif fmt in (".xml", ".atom"):
            feed = feedparser.parse(io.BytesIO(p.read_bytes()))
            assert not feed.bozo, feed.get("bozo_exception")
            for n, e in enumerate(feed.entries, 1):
                out.append({"file": f"{p.name}#{n}", "outlet": feed.feed.title,
                            "content": e.content[0].value, "title": e.title})
        else:
            with p.open("rb") as fh:
                for n, rec in enumerate(ArchiveIterator(fh), 1):
                    if rec.rec_type == "response":
                        page = rec.content_stream().read().decode("utf-8")
                        out.append({"file": f"{p.name}#{n}", "outlet": _SITE_RE.search(page).group(1),
                                    "html": page, "url": rec.rec_headers.get_header("WARC-Target-URI")})
    return out


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _records()


def _words(text: str) -> list[str]:
    return text.translate(str.maketrans("“”‘’", "\"\"''")).split()


def _change(a: str, b: str) -> float:
    return 1 - difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _by_prefix(records: list[dict], prefix: str) -> dict:
    found = [r for r in records if r["file"].startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


# ---------------------------------------------------------------- corpus
def test_corpus_paths_lists_every_file() -> None:
    paths = corpus_paths()
    assert paths == sorted(paths)
    assert all(p.parent == CORPUS_DIR and p.is_file() for p in paths)
    assert {_fmt(p) for p in paths} == set(FORMATS)
    assert len([p for p in paths if p.name.endswith((".xml", ".atom", ".jsonl", ".warc.gz"))]) == 4


def test_corpus_size_and_outlets(records: list[dict]) -> None:
    assert len(records) >= 30
    outlets = {r["outlet"] for r in records if r["outlet"]}
    assert len(outlets) >= 6, outlets
    per_format = {f: sum(r["file"].split("#")[0].endswith(f) for r in records) for f in FORMATS}
    assert per_format[".jsonl"] >= 3 and per_format[".warc.gz"] >= 3
    assert per_format[".xml"] >= 2 and per_format[".atom"] >= 2


def test_jsonl_records_have_metadata(records: list[dict]) -> None:
    rows = [r for r in records if ".jsonl#" in r["file"]]
    assert {"text", "html"} <= {k for r in rows for k in r}
    for r in rows:
        assert r["url"].startswith("https://") and ".example/" in r["url"]
        assert r["title"] and r["author"] and r["outlet"]
        datetime.fromisoformat(r["published"])


def test_html_pages_carry_head_metadata() -> None:
    for p in [*CORPUS_DIR.glob("*.html"), *(CORPUS_DIR.parent / "warc_src").glob("*.html")]:
        page = p.read_text(encoding="utf-8")
        for key in ('property="og:title"', 'name="author"', 'property="article:published_time"',
                    'property="og:site_name"'):
            assert key in page, (p.name, key)
        assert "footer" in page and ("<nav" in page or "menu" in page)  # boilerplate


def test_txt_articles_have_title_then_body_and_some_residue() -> None:
    txts = sorted(CORPUS_DIR.glob("*.txt"))
    assert len(txts) >= 10
    for p in txts:
        first = p.read_text(encoding="utf-8").lstrip().split("\n", 1)[0]
        assert 10 < len(first) < 140
        assert 150 <= len(_txt_body(p).split()) <= 500
    residue = [p for p in txts if "Leave a Reply" in p.read_text(encoding="utf-8")]
    assert len(residue) >= 3


def test_build_warc_is_byte_identical(tmp_path: Path) -> None:
    committed = CORPUS_DIR / WARC_NAME
    rebuilt = build_warc(tmp_path / WARC_NAME)
    assert rebuilt.read_bytes() == committed.read_bytes()


def test_warc_has_response_records(records: list[dict]) -> None:
    rows = [r for r in records if ".warc.gz#" in r["file"]]
    assert len(rows) >= 3
    assert len({r["url"] for r in rows}) == len(rows)


WIRE_PAIRS = [  # (original, copy): 5–10% of the words changed
    ("2025-03-11-cpa-", "2025-03-11-vl-"),
    ("2025-03-12-cpa-", "scraped-2025-03-04.jsonl#1"),
    ("2025-03-15-cpa-", f"{WARC_NAME}#2"),
    ("2025-04-02-cpa-", f"{WARC_NAME}#3"),
    ("2025-04-05-cpa-", "2025-04-05-ko-"),
    ("scraped-2025-03-04.jsonl#5", "2025-04-08-vl-"),
]


def _text(r: dict) -> str:
    if "text" in r:
        return r["text"]
    if "content" in r:
        return "\n\n".join(html.unescape(p) for p in _P_RE.findall(r["content"]))
    return trafilatura.extract(r["html"]) or ""


@pytest.mark.parametrize(("orig", "copy"), WIRE_PAIRS)
def test_wire_copies_are_small_edits(records: list[dict], orig: str, copy: str) -> None:
    a, b = _text(_by_prefix(records, orig)), _text(_by_prefix(records, copy))
    assert 0.04 <= _change(a, b) <= 0.10


def test_exact_reprint(records: list[dict]) -> None:
    orig = _by_prefix(records, "2025-04-05-cpa-")
    reprints = [r for r in records if "content" in r and _text(r) == orig["text"]]
    assert len(reprints) == 1
    assert reprints[0]["outlet"] == "Lessara Voice"


def test_actors_and_facts() -> None:
    data = json.loads(ACTORS_PATH.read_text(encoding="utf-8"))
    countries = {a["country"]: a for a in data["actors"] if a["type"] == "COUNTRY"}
    # the demo's three, and the rest of the invented world the generated corpora use
    assert set(countries) == {"MRV", "KLD", "NVN", "DUN", "VLT", "SUV", "TAV", "KRS"}
    assert countries["MRV"]["capital"] == "Varsk" and "Merovian" in countries["MRV"]["demonyms"]
    for a in data["actors"]:
        assert {"name", "aliases", "type", "country", "sector"} <= set(a), a["name"]
        assert a["type"] in {"PERSON", "ORG", "COUNTRY", "GROUP"}
    assert all(len(r["terms"]) >= 3 and "referent" in r for r in data["referents"][:2])
    corpus_text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in corpus_paths()
                            if not p.name.endswith(".gz"))
    for r in data["referents"][:2]:
        for term in r["terms"]:
            assert term in corpus_text, term
    facts = FACTS_PATH.read_text(encoding="utf-8")
    for p in corpus_paths():
        assert p.name in facts, p.name


# ---------------------------------------------------------------- synth
def test_synth_is_deterministic_and_prefix_stable() -> None:
    a = list(generate_articles(20, seed=7))
    assert a == list(generate_articles(20, seed=7))
    assert a[:5] == list(generate_articles(5, seed=7))
    assert a != list(generate_articles(20, seed=8))
    assert list(generate_articles(0)) == []


def test_synth_shape() -> None:
    arts = list(generate_articles(300, seed=1))
    assert len(arts) == 300
    assert len({a["url"] for a in arts}) == 300
    for a in arts:
        assert set(a) == {"title", "text", "url", "outlet", "author", "published"}
        assert 300 <= len(a["text"].split()) <= 600
        assert 8 <= len(a["text"].split("\n\n")) <= 15
        assert "{" not in a["text"] and "}" not in a["text"] and "{" not in a["title"]
        datetime.fromisoformat(a["published"])
    assert len({a["outlet"] for a in arts}) >= 6


def test_synth_articles_are_not_near_duplicates() -> None:
    def shingles(t: str) -> set[tuple[str, ...]]:
        w = t.lower().split()
        return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}

    sets = [shingles(a["text"]) for a in generate_articles(120, seed=3)]
    worst = max(len(x & y) / len(x | y) for i, x in enumerate(sets) for y in sets[i + 1:])
    assert worst < 0.4


def test_wire_variant_changes_about_frac() -> None:
    rng = random.Random(5)
    for art in generate_articles(60, seed=2):
        text = art["text"]
        variant = wire_variant(text, 0.08, rng)
        ratio = difflib.SequenceMatcher(None, text.split(), variant.split(), autojunk=False).ratio()
        assert 0.04 <= 1 - ratio <= 0.12
        assert len(variant.split("\n\n")) == len(text.split("\n\n"))
    text = next(generate_articles(1))["text"]
    assert wire_variant(text, 0.08, random.Random(1)) == wire_variant(text, 0.08, random.Random(1))
    assert wire_variant(text, 0.0, random.Random(1)) == text


def test_write_jsonl_and_module_main(tmp_path: Path) -> None:
    from tests.fixtures.synth import main

    out = write_jsonl(tmp_path / "a.jsonl", 7, seed=4)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == list(generate_articles(7, seed=4))
    assert main(["5", str(tmp_path / "b.jsonl")]) == 0
    assert len((tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert main(["x", "y"]) == 2
