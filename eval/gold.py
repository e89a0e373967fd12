"""Read the gold files and build the articles they annotate (format: eval/README.md).

A gold line names its document (a seed file, a demo corpus file, or inline text),
the publication date to resolve relative dates against, and the annotations, with
character offsets into the document's *raw* text:

* seed: the file's bytes decoded as ingestion decodes them;
* demo: the text the project's reader yields for the file (for HTML, the extracted
  main text; for JSONL/feeds, record ``record``);
* text: the inline string itself.

The article that is analysed is ``chronicler.clean.article.build_article`` of that raw text,
with ``published`` set from the gold line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import chronicler
from chronicler.clean.article import build_article
from chronicler.config import Settings
from chronicler.ingest.files import read_file
from chronicler.ingest.text import read_text_bytes
from chronicler.records import Article, RawDoc
from eval.scoring import QUOTE_KINDS, GoldActor, GoldDate, GoldQuote, Span

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = Path(__file__).resolve().parent / "gold"
SEEDS_DIR = REPO.parent / "shared" / "seeds"
DEMO_DIR = Path(chronicler.__file__).resolve().parent / "demo" / "corpus"
SETS = ("seeds", "demo", "hard")
HARD_TITLE = "Hard case"  # inline texts get a title so cleaning keeps their first line

_DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


class GoldError(ValueError):
    """A gold line that does not follow the format (the message names file and line)."""


class Vanished(GoldError):
    """An annotated text that an edit of the source removed: the item is dropped and
    reported (``GoldDoc.warnings``), so one edited article does not stop the run."""


@dataclass
class GoldDoc:
    set: str
    name: str  # "seeds:000_a7d4….txt", "hard:split-quote"
    ref: dict[str, Any]
    raw: str
    published: dt.date | None
    quotes: list[GoldQuote] = field(default_factory=list)
    actors: list[GoldActor] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    ignore: dict[str, list[Span]] = field(default_factory=dict)
    raw_doc: RawDoc | None = None
    warnings: list[str] = field(default_factory=list)


def _names(v: Any) -> tuple[str, ...]:
    """A gold value that may list accepted alternatives: "PAK" or ["PAK", "ISM"]."""
    if v is None:
        return ()
    vals = v if isinstance(v, list) else [v]
    return tuple(str(x) for x in vals if x is not None)


def _span(v: Any, raw: str, where: str, text: str | None = None,
          warnings: list[str] | None = None) -> Span:
    """A checked span; with ``text`` (demo and inline gold carry it), a span whose
    text moved because the source was edited is found again near its old place."""
    n = len(raw)
    if (not isinstance(v, list) or len(v) != 2 or not all(isinstance(x, int) for x in v)
            or not 0 <= v[0] < v[1] <= n):
        if text is None:
            raise GoldError(f"{where}: bad span {v!r} (text has {n} chars)")
        v = [0, 0]
    if text is None or raw[v[0]:v[1]] == text:
        return v[0], v[1]
    hits = [m.start() for m in re.finditer(re.escape(text), raw)]
    if not hits:
        raise Vanished(f"{where}: {text!r} is no longer in the source text")
    s = min(hits, key=lambda h: abs(h - v[0]))
    if warnings is not None:
        warnings.append(f"moved: {where}")
    return s, s + len(text)


def _check_date(v: Any, precision: str, where: str) -> str | None:
    if v is None:
        return None
    if precision not in _DATE_FORMS or not re.fullmatch(_DATE_FORMS[precision], str(v)):
        raise GoldError(f"{where}: date {v!r} does not fit precision {precision!r}")
    return str(v)


def raw_for(ref: dict[str, Any], seeds_dir: Path, settings: Settings) -> RawDoc:
    """The raw document a gold line points at."""
    if "seed" in ref:
        path = seeds_dir / ref["seed"]
        return read_text_bytes(path.read_bytes(), str(path))
    if "demo" in ref:
        path = DEMO_DIR / ref["demo"]
        items = [x for x in read_file(str(path), settings) if isinstance(x, RawDoc)]
        i = int(ref.get("record", 0))
        if i >= len(items):
            raise GoldError(f"{path}: no record {i} (reader gave {len(items)})")
        return items[i]
    if "text" in ref:
        return RawDoc(source_path=f"hard:{ref.get('id', '')}", source_kind="txt",
                      text=ref["text"], title=ref.get("title", HARD_TITLE))
    raise GoldError(f"doc {ref!r} names no seed, demo file or text")


def doc_name(set_name: str, ref: dict[str, Any], line: int) -> str:
    key = ref.get("seed") or ref.get("demo") or ref.get("id") or f"line{line}"
    if "record" in ref:
        key = f"{key}#{ref['record']}"
    return f"{set_name}:{key}"


def parse_line(obj: dict[str, Any], set_name: str, line: int, raw_doc: RawDoc) -> GoldDoc:
    ref = obj["doc"]
    name = doc_name(set_name, ref, line)
    raw = raw_doc.text
    pub = obj.get("published")
    doc = GoldDoc(set=set_name, name=name, ref=ref, raw=raw, raw_doc=raw_doc,
                  published=dt.date.fromisoformat(pub) if pub else None)
    want = ref.get("sha1")
    if want and hashlib.sha1(raw.encode("utf-8")).hexdigest() != want:
        doc.warnings.append(f"{name}: the source text changed since it was annotated (sha1); "
                            "check the spans with `python -m eval.annotate --check`")
    w = doc.warnings

    def span(item: dict[str, Any], where: str) -> Span:
        return _span(item.get("span"), raw, where, item.get("text"), w)

    def each(key: str) -> list[tuple[str, dict[str, Any], Span]]:
        out = []
        for i, item in enumerate(obj.get(key, [])):
            where = f"{name} {key} {i}"
            try:
                out.append((where, item, span(item, where)))
            except Vanished as e:
                w.append(f"{e} (dropped)")
        return out

    for where, q, sp in each("quotes"):
        kind = q.get("kind", "direct" if q.get("direct", True) else "indirect")
        if kind not in QUOTE_KINDS:
            raise GoldError(f"{where}: kind {kind!r} not in {QUOTE_KINDS}")
        if "direct" in q and bool(q["direct"]) != (kind == "direct"):
            raise GoldError(f"{where}: direct={q['direct']} contradicts kind {kind!r}")
        doc.quotes.append(GoldQuote(sp, _names(q.get("speaker")), kind,
                                    bool(q.get("partial", False))))
    for _, a, sp in each("actors"):
        doc.actors.append(GoldActor(sp, _names(a.get("country")), _names(a.get("sector"))))
    for where, d, sp in each("dates"):
        prec = d.get("precision", "day")
        doc.dates.append(GoldDate(sp, _check_date(d.get("date"), prec, where),
                                  _check_date(d.get("end_date"), prec, where), prec))
    for key, spans in obj.get("ignore", {}).items():
        doc.ignore[key] = []
        for x in spans:
            try:
                doc.ignore[key].append(span(x, f"{name} ignore {key}") if isinstance(x, dict)
                                       else _span(x, raw, f"{name} ignore {key}"))
            except Vanished as e:
                w.append(f"{e} (dropped)")
    moved = [x for x in w if x.startswith("moved: ")]
    if moved:  # one line, not one per span: the fix is the same for all of them
        doc.warnings = [x for x in w if not x.startswith("moved: ")]
        doc.warnings.append(f"{name}: {len(moved)} annotated texts moved (source edited); "
                            "found again near their old offsets; update the gold")
    return doc


def load_set(set_name: str, *, seeds_dir: Path = SEEDS_DIR, gold_dir: Path = GOLD_DIR,
             settings: Settings | None = None, warnings: list[str] | None = None
             ) -> list[GoldDoc]:
    """All gold documents of one set, validated against their raw texts.

    A document whose source file is gone (a renamed demo article) is skipped and
    reported in ``warnings``; a line that breaks the format raises ``GoldError``.
    """
    settings = settings or Settings()
    path = gold_dir / f"{set_name}.jsonl"
    if not path.exists():
        return []
    docs = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            try:
                raw_doc = raw_for(obj["doc"], seeds_dir, settings)
            except (OSError, GoldError) as e:
                if warnings is None:
                    raise
                warnings.append(f"{path.name}:{ln}: {e} (document skipped)")
                continue
            docs.append(parse_line(obj, set_name, ln, raw_doc))
        except (KeyError, TypeError, ValueError, OSError) as e:
            raise GoldError(f"{path.name}:{ln}: {e}") from e
    return docs


def article_for(doc: GoldDoc, settings: Settings | None = None) -> Article:
    """The cleaned article the system sees, published on the gold date."""
    assert doc.raw_doc is not None
    art = build_article(doc.raw_doc, settings)
    if doc.published is not None:
        art = art.model_copy(update={"published": doc.published, "published_inferred": False})
    return art
