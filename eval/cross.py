"""Cross-article evaluation: stories, merged events, claim status (issue 14).

    python -m eval.cross [--corpus seeds|demo]... [--db PATH] [--verbose]

Ingests each corpus (default: both) into a temporary store and scores it against its gold,
written from a reading of the articles before the stages were tuned or run on them:

* ``seeds``: ../shared/seeds (skipped, with a note, when absent), ``eval/gold/cross_seeds.json``;
* ``demo``: the bundled demo corpus (src/chronicler/demo/corpus), ``eval/gold/cross_demo.json``.

A gold file names articles by the key its ``_key`` says: ``prefix3`` (the default, the seeds)
is the file name's first three characters; ``stem`` is the file name without its extension,
or, for an item of a multi-document file (WARC record, feed entry, JSONL line, whose
``source_path`` is ``file#item``), the item's ``url`` (the exported article carries both).
``_articles``, when present, maps the short aliases the gold uses to those keys.

Figures (the first ones are the seeds' original table, unchanged; the last five came with the
demo gold and are computed for both):

* ``crisis.p/r``: pairwise: of the article pairs the system puts in one crisis, the
  share that are in one gold crisis, and the reverse;
* ``subevent.match``: mean over gold sub-events of the best Jaccard overlap between its
  articles and one predicted sub-event's; ``subevent.n``: predicted sub-events;
* ``events.found``: gold events with at least one merged event of the type (one of the
  types) whose date agrees at the event's precision (within ``date``..``date_to`` for an
  event of several days) and whose countries include the gold ones; ``events.dup``: gold
  events found as more than one merged event; ``events.article_r``: of the (gold event,
  article) pairs, the share whose article is among the best-matching merged event's articles;
* ``corroborated.r``: gold corroborated propositions found as a corroborated claim
  (its text has the gold words, its articles include two of the gold articles);
  ``corroborated.n``: corroborated claims predicted;
* ``contested.r``: gold contested pairs found (a contested claim with the words in a
  gold article); ``contested.false``: contested claims that hold a ``not_contested``
  phrase; ``contested.n``: contested claims predicted;
* ``subevent.p/r``: pairwise over sub-events (an article may be in several): of the article
  pairs that share a predicted sub-event, the share that share a gold one, and the reverse;
* ``events.article_p``: of the articles of the best-matching merged events of the found gold
  events, the share that report that event (a merge that pulls in other happenings is low);
* ``corroborated.p`` / ``contested.p``: of the predicted corroborated (contested) claims, the
  share that match a gold proposition (pair) as above. The gold lists the propositions a
  reader finds, not every sentence two articles share, so these are lower bounds.

Prints a table per corpus, then one JSON line per corpus (``{"corpus": NAME, ...}``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLD = Path(__file__).parent / "gold" / "cross_seeds.json"
DEMO_GOLD = Path(__file__).parent / "gold" / "cross_demo.json"
CORPORA = ("seeds", "demo")
_MULTI_SUFFIXES = (".warc.gz", ".tar.gz")


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        out |= {tuple(sorted(p)) for p in combinations(sorted(set(g)), 2)}  # type: ignore[misc]
    return out


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def _countries(side: Sequence[dict[str, Any]]) -> set[str]:
    return {x["country"] for x in side if x.get("country")}


def _date_ok(gold: str | None, rec: dict[str, Any], gold_to: str | None = None) -> bool:
    if gold is None:
        return True
    if not rec.get("date") or rec.get("date_reported"):  # a reporting date is no event date
        return False
    prec = rec.get("date_precision") or "day"
    n = {"day": 10, "month": 7, "year": 4}[prec]
    if gold_to:  # an event of several days: any day of it, at the record's precision
        return bool(gold[:n] <= rec["date"][:n] <= gold_to[:n])
    return bool(rec["date"][:n] == gold[:n])


def _stem(source_path: str) -> str:
    name = Path(source_path).name
    for suf in _MULTI_SUFFIXES:
        if name.endswith(suf):
            return name[: -len(suf)]
    return Path(name).stem


def article_key(rec: dict[str, Any], key: str = "prefix3") -> str:
    """The name a gold file of ``_key`` ``key`` gives the exported article ``rec``."""
    path = rec.get("source_path") or ""
    if key == "prefix3":
        return Path(path).name[:3]
    if key == "stem":
        if "#" in path:  # an item of a multi-document file: its url, not its position
            return str(rec.get("url") or path)
        return _stem(path)
    raise ValueError(f"unknown gold _key {key!r}")


def _namer(gold: dict[str, Any]) -> Callable[[dict[str, Any]], str]:
    key = gold.get("_key", "prefix3")
    alias = {v: k for k, v in sorted(gold.get("_articles", {}).items())}

    def name(rec: dict[str, Any]) -> str:
        k = article_key(rec, key)
        return alias.get(k, k)
    return name


def score(records: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    name = _namer(gold)
    arts = {r["id"]: name(r) for r in records if r["kind"] == "article"}
    stories = [r for r in records if r["kind"] == "story"]
    crises = [s for s in stories if s.get("level") == "crisis"]
    subs = [s for s in stories if s.get("level", "event") != "crisis"]
    out: dict[str, Any] = {}

    pred = _pairs([arts[a] for a in s["article_ids"] if a in arts] for s in crises)
    want = _pairs(c["articles"] for c in gold["crises"])
    out["crisis.p"] = _ratio(len(pred & want), len(pred))
    out["crisis.r"] = _ratio(len(pred & want), len(want))
    out["crisis.n"] = len(crises)

    sub_arts = [{arts[a] for a in s["article_ids"] if a in arts} for s in subs]
    best = []
    for g in gold["subevents"]:
        ga = set(g["articles"])
        best.append(max((len(ga & sa) / len(ga | sa) for sa in sub_arts), default=0.0))
    out["subevent.match"] = round(sum(best) / len(best), 3) if best else None
    out["subevent.n"] = len(subs)

    events = [r for r in records if r["kind"] == "event" and not r.get("negated")]
    found = dup = art_hit = art_all = top_in = top_all = 0
    misses = []
    for g in gold["events"]:
        types = set(g.get("types") or [g["type"]])
        def sides_ok(e: dict[str, Any], g: dict[str, Any] = g) -> bool:
            act, rec = _countries(e["actor"]), _countries(e["recipient"])
            if g.get("joint"):  # "India and Pakistan agreed": both sides, either role
                return set(g.get("actor", [])) <= act | rec
            return set(g.get("actor", [])) <= act and set(g.get("recipient", [])) <= rec

        hits = [e for e in events if e["type"] in types
                and _date_ok(g.get("date"), e, g.get("date_to")) and sides_ok(e)]
        found += bool(hits)
        dup += len(hits) > 1
        if not hits:
            misses.append(g["name"])
        top = max(hits, key=lambda e: len(e["article_ids"]), default=None)
        have = {arts.get(a) for a in top["article_ids"]} if top else set()
        art_all += len(g["articles"])
        art_hit += sum(a in have for a in g["articles"])
        if top:
            top_all += len(have)
            top_in += len(have & set(g["articles"]))
    out["events.found"] = _ratio(found, len(gold["events"]))
    out["events.dup"] = dup
    out["events.article_r"] = _ratio(art_hit, art_all)
    out["events.missed"] = misses

    claims = [r for r in records if r["kind"] == "claim"]

    def has(c: dict[str, Any], words: Sequence[str]) -> bool:
        low = c["text"].lower()
        return any(w.lower() in low for w in words)

    def corr_ok(c: dict[str, Any], g: dict[str, Any]) -> bool:
        return has(c, g["words"]) and len({arts.get(a) for a in c["article_ids"]}
                                          & set(g["articles"])) >= 2

    def cont_ok(c: dict[str, Any], g: dict[str, Any]) -> bool:
        return has(c, g["words"]) and bool({arts.get(a) for a in c["article_ids"]}
                                           & set(g["articles"]))

    corr = [c for c in claims if c["status"] == "corroborated"]
    hit = sum(any(corr_ok(c, g) for c in corr) for g in gold["corroborated"])
    out["corroborated.r"] = _ratio(hit, len(gold["corroborated"]))
    out["corroborated.n"] = len(corr)

    cont = [c for c in claims if c["status"] == "contested"]
    hit = sum(any(cont_ok(c, g) for c in cont) for g in gold["contested"])
    out["contested.r"] = _ratio(hit, len(gold["contested"]))
    out["contested.false"] = sum(any(has(c, g["words"]) for g in gold["not_contested"])
                                 for c in cont)
    out["contested.n"] = len(cont)

    pred = _pairs(sub_arts)
    want = _pairs(g["articles"] for g in gold["subevents"])
    out["subevent.p"] = _ratio(len(pred & want), len(pred))
    out["subevent.r"] = _ratio(len(pred & want), len(want))
    out["events.article_p"] = _ratio(top_in, top_all)
    out["corroborated.p"] = _ratio(
        sum(any(corr_ok(c, g) for g in gold["corroborated"]) for c in corr), len(corr))
    out["contested.p"] = _ratio(
        sum(any(cont_ok(c, g) for g in gold["contested"]) for c in cont), len(cont))
    return out


def corpus_source(corpus: str) -> tuple[Path, Path]:
    """(input directory, gold file) of ``corpus``."""
    if corpus == "seeds":
        return SEEDS, GOLD
    if corpus == "demo":
        from chronicler.demo import CORPUS_DIR
        return CORPUS_DIR, DEMO_GOLD
    raise ValueError(f"unknown corpus {corpus!r} (one of {', '.join(CORPORA)})")


def ingest_records(inputs: Sequence[str], db: Path | None = None) -> list[dict[str, Any]]:
    """Every exported record of a store built from ``inputs`` (temporary unless ``db``)."""
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.outputs.export import iter_records

    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "cross.duckdb"
        settings = Settings.from_env(db=path)
        with api.open_store(path) as store:
            api.ingest(list(inputs), store=store, settings=settings)
            return list(iter_records(store))


def run(db: Path | None = None, corpus: str = "seeds") -> dict[str, Any] | None:
    src, gold = corpus_source(corpus)
    if not src.is_dir():
        print(f"(skipped: {src} not found)")
        return None
    records = ingest_records([str(src)], db)
    return score(records, json.loads(gold.read_text("utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA,
                    help="score this corpus (repeatable; default: both)")
    ap.add_argument("--db", type=Path, help="keep the store here (one corpus only)")
    args = ap.parse_args(argv)
    corpora = args.corpus or list(CORPORA)
    if args.db and len(corpora) > 1:
        ap.error("--db keeps one store: name one --corpus")
    lines = []
    for corpus in corpora:
        result = run(args.db, corpus)
        print(f"== {corpus}")
        for k, v in (result or {}).items():
            print(f"{k:22} {v}")
        lines.append(json.dumps({"corpus": corpus, **(result or {})}))
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
