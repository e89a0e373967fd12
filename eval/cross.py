"""Cross-article evaluation on the seeds: stories, merged events, claim status (issue 14).

    python -m eval.cross [--db PATH] [--verbose]

Ingests ../shared/seeds (skipped, with a note, when absent) and scores the store against
``eval/gold/cross_seeds.json`` (written from a reading of the seeds before tuning):

* ``crisis.p/r``: pairwise: of the article pairs the system puts in one crisis, the
  share that are in one gold crisis, and the reverse;
* ``subevent.match``: mean over gold sub-events of the best Jaccard overlap between its
  articles and one predicted sub-event's; ``subevent.n``: predicted sub-events;
* ``events.found``: gold events with at least one merged event of the type (one of the
  types) whose date agrees at the event's precision and whose countries include the
  gold ones; ``events.dup``: gold events found as more than one merged event;
  ``events.article_r``: of the (gold event, article) pairs, the share whose article is
  among the best-matching merged event's articles;
* ``corroborated.r``: gold corroborated propositions found as a corroborated claim
  (its text has the gold words, its articles include two of the gold articles);
  ``corroborated.n``: corroborated claims predicted;
* ``contested.r``: gold contested pairs found (a contested claim with the words in a
  gold article); ``contested.false``: contested claims that hold a ``not_contested``
  phrase; ``contested.n``: contested claims predicted.

Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLD = Path(__file__).parent / "gold" / "cross_seeds.json"


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        out |= {tuple(sorted(p)) for p in combinations(sorted(set(g)), 2)}  # type: ignore[misc]
    return out


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def _countries(side: Sequence[dict[str, Any]]) -> set[str]:
    return {x["country"] for x in side if x.get("country")}


def _date_ok(gold: str | None, rec: dict[str, Any]) -> bool:
    if gold is None:
        return True
    if not rec.get("date") or rec.get("date_reported"):  # a reporting date is no event date
        return False
    prec = rec.get("date_precision") or "day"
    n = {"day": 10, "month": 7, "year": 4}[prec]
    return bool(rec["date"][:n] == gold[:n])


def score(records: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    arts = {r["id"]: Path(r["source_path"] or "").name[:3] for r in records
            if r["kind"] == "article"}
    stories = [r for r in records if r["kind"] == "story"]
    crises = [s for s in stories if s.get("level") == "crisis"]
    subs = [s for s in stories if s.get("level", "event") != "crisis"]
    out: dict[str, Any] = {}

    pred = _pairs([arts[a] for a in s["article_ids"] if a in arts] for s in crises)
    want = _pairs(c["articles"] for c in gold["crises"])
    out["crisis.p"] = _ratio(len(pred & want), len(pred))
    out["crisis.r"] = _ratio(len(pred & want), len(want))
    out["crisis.n"] = len(crises)

    best = []
    for g in gold["subevents"]:
        ga = set(g["articles"])
        best.append(max((len(ga & {arts[a] for a in s["article_ids"] if a in arts})
                         / len(ga | {arts[a] for a in s["article_ids"] if a in arts})
                         for s in subs), default=0.0))
    out["subevent.match"] = round(sum(best) / len(best), 3) if best else None
    out["subevent.n"] = len(subs)

    events = [r for r in records if r["kind"] == "event" and not r.get("negated")]
    found = dup = art_hit = art_all = 0
    misses = []
    for g in gold["events"]:
        types = set(g.get("types") or [g["type"]])
        def sides_ok(e: dict[str, Any], g: dict[str, Any] = g) -> bool:
            act, rec = _countries(e["actor"]), _countries(e["recipient"])
            if g.get("joint"):  # "India and Pakistan agreed": both sides, either role
                return set(g.get("actor", [])) <= act | rec
            return set(g.get("actor", [])) <= act and set(g.get("recipient", [])) <= rec

        hits = [e for e in events if e["type"] in types and _date_ok(g.get("date"), e)
                and sides_ok(e)]
        found += bool(hits)
        dup += len(hits) > 1
        if not hits:
            misses.append(g["name"])
        top = max(hits, key=lambda e: len(e["article_ids"]), default=None)
        have = {arts.get(a) for a in top["article_ids"]} if top else set()
        art_all += len(g["articles"])
        art_hit += sum(a in have for a in g["articles"])
    out["events.found"] = _ratio(found, len(gold["events"]))
    out["events.dup"] = dup
    out["events.article_r"] = _ratio(art_hit, art_all)
    out["events.missed"] = misses

    claims = [r for r in records if r["kind"] == "claim"]

    def has(c: dict[str, Any], words: Sequence[str]) -> bool:
        low = c["text"].lower()
        return any(w.lower() in low for w in words)

    corr = [c for c in claims if c["status"] == "corroborated"]
    hit = 0
    for g in gold["corroborated"]:
        ok = any(has(c, g["words"]) and len({arts.get(a) for a in c["article_ids"]}
                                            & set(g["articles"])) >= 2 for c in corr)
        hit += ok
    out["corroborated.r"] = _ratio(hit, len(gold["corroborated"]))
    out["corroborated.n"] = len(corr)

    cont = [c for c in claims if c["status"] == "contested"]
    hit = 0
    for g in gold["contested"]:
        hit += any(has(c, g["words"]) and {arts.get(a) for a in c["article_ids"]}
                   & set(g["articles"]) for c in cont)
    out["contested.r"] = _ratio(hit, len(gold["contested"]))
    out["contested.false"] = sum(any(has(c, g["words"]) for g in gold["not_contested"])
                                 for c in cont)
    out["contested.n"] = len(cont)
    return out


def run(db: Path | None = None) -> dict[str, Any] | None:
    if not SEEDS.is_dir():
        print(f"(skipped: {SEEDS} not found)")
        return None
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.outputs.export import iter_records

    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "seeds.duckdb"
        settings = Settings.from_env(db=path)
        with api.open_store(path) as store:
            api.ingest([str(SEEDS)], store=store, settings=settings)
            records = list(iter_records(store))
    return score(records, json.loads(GOLD.read_text("utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="keep the store here")
    args = ap.parse_args(argv)
    result = run(args.db)
    if result is None:
        print(json.dumps({}))
        return 0
    for k, v in result.items():
        print(f"{k:22} {v}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
