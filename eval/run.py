"""`make eval`: analyse every gold document and score quotes, actors and dates.

Prints a table per set (seeds, demo, hard) and overall; the last line printed is one
JSON object with every figure (``--json PATH`` writes it too). The seed set is read
from ../shared/seeds and skipped, with a note, when that folder is absent.

Stage modules that are missing or fail to import are left out (the Analyzer is
built with the stages that exist) and their figures are ``null``; the output names
them under ``missing_stages``.

    python -m eval.run [--set seeds|demo|hard]... [--json PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronicler.config import Settings
from chronicler.errors import PipelineError
from chronicler.nlp import analyzer as analyzer_mod
from chronicler.records import Analysis
from eval.align import Aligner
from eval.gold import SEEDS_DIR, SETS, GoldDoc, article_for, load_set
from eval.report import doc_errors
from eval.scoring import (
    GoldActor,
    GoldDate,
    GoldQuote,
    PredDate,
    PredMention,
    PredQuote,
    Span,
    figures,
    fmt_figure,
    score_actors,
    score_dates,
    score_quotes,
)

NOWHERE: Span = (-1, -1)  # a gold span the cleaned text lost: it matches nothing
# Which stage's output each group of figures scores.
GROUP_STAGE = {"quotes": "chronicler.quotes.v1", "actors": "chronicler.actors.v1",
               "dates": "chronicler.timex.v1"}


# ------------------------------------------------------------------ the analyzer
def build_analyzer(settings: Settings, wanted: Sequence[str] | None = None
                   ) -> tuple[analyzer_mod.Analyzer, list[str]]:
    """An Analyzer with the wanted stages (default: all). A stage whose requirement
    no selected stage provides is dropped, with a note, and the plan checked again, so
    ``--stages quotes`` scores quotes without the rest."""
    names = list(wanted or analyzer_mod.DEFAULT_STAGES)
    notes: list[str] = []
    while True:
        try:
            return analyzer_mod.Analyzer(settings, stages=names), notes
        except PipelineError as e:
            m = re.search(r"stage (\S+) requires", str(e))
            if not m or m.group(1) not in names:
                raise
            names.remove(m.group(1))
            notes.append(f"{m.group(1)} dropped: {e}")


# ------------------------------------------------------------------ conversion
def _preds(a: Analysis) -> tuple[list[PredQuote], list[PredMention], list[PredDate]]:
    quotes = [PredQuote(tuple(q.span), q.speaker.name if q.speaker else None, q.kind)
              for q in a.quotes]
    mentions = [PredMention(tuple(m.span), m.country, m.sector) for m in a.mentions]
    dates = [PredDate(tuple(t.span), t.date, t.end_date, t.precision) for t in a.times]
    return quotes, mentions, dates  # type: ignore[return-value]


def _aligned(doc: GoldDoc, clean: str) -> tuple[GoldDoc, list[str]]:
    """The gold document with spans moved onto the cleaned text; lost spans listed."""
    al = Aligner(doc.raw, clean)
    lost: list[str] = []

    def move(span: Span, what: str) -> Span:
        got = al.locate(span)
        if got is None:
            lost.append(f"{doc.name}: {what} {list(span)} {doc.raw[span[0]:span[1]][:60]!r}")
            return NOWHERE
        return got

    out = GoldDoc(set=doc.set, name=doc.name, ref=doc.ref, raw=doc.raw, published=doc.published)
    out.quotes = [GoldQuote(move(q.span, "quote"), q.speakers, q.kind, q.partial)
                  for q in doc.quotes]
    out.actors = [GoldActor(move(x.span, "actor"), x.countries, x.sectors) for x in doc.actors]
    out.dates = [GoldDate(move(d.span, "date"), d.date, d.end_date, d.precision)
                 for d in doc.dates]
    out.ignore = {k: [s for s in (al.locate(x) for x in v) if s] for k, v in doc.ignore.items()}
    return out, lost


# ------------------------------------------------------------------ evaluation
def score_doc(gold: GoldDoc, analysis: Analysis) -> Counter[str]:
    """Counts for one document whose gold spans are already on the cleaned text."""
    pq, pm, pd = _preds(analysis)
    c = score_quotes(gold.quotes, pq, gold.ignore.get("quotes", []))
    c.update(score_actors(gold.actors, pm))
    c.update(score_dates(gold.dates, pd, gold.ignore.get("dates", [])))
    return c


def evaluate(sets: Sequence[str] = SETS, *, seeds_dir: Path = SEEDS_DIR,
             stages: Sequence[str] | None = None, settings: Settings | None = None,
             errors: list[str] | None = None) -> dict[str, Any]:
    """Run the evaluation; returns the figures object that `python -m eval.run` prints.

    ``errors``, when given, receives one line per miss, false alarm and wrong value.
    """
    settings = settings or Settings.from_env()
    result: dict[str, Any] = {"sets": {}, "docs": {}, "unlocated": {}, "skipped": {},
                              "warnings": []}
    golds: dict[str, list[GoldDoc]] = {}
    for s in sets:
        if s == "seeds" and not (seeds_dir.is_dir() and any(seeds_dir.glob("*.txt"))):
            result["skipped"]["seeds"] = f"{seeds_dir} is absent"
            continue
        docs = load_set(s, seeds_dir=seeds_dir, settings=settings,
                        warnings=result["warnings"])
        if not docs:
            result["skipped"][s] = "no gold documents"
            continue
        golds[s] = docs
        result["warnings"] += [w for d in docs for w in d.warnings]
    result.update(stages=[], missing_stages=[], notes=[], ms_per_doc=None)
    if not golds:
        return result
    analyzer, notes = build_analyzer(settings, stages)
    ran = set(analyzer.plan.provenance)
    result["stages"] = analyzer.plan.provenance
    result["missing_stages"] = [st for st in analyzer_mod.DEFAULT_STAGES if st not in ran]
    result["notes"] = notes
    total: Counter[str] = Counter()
    seconds = 0.0
    n_docs = 0
    for s, docs in golds.items():
        articles = [article_for(d, settings) for d in docs]
        t = time.perf_counter()
        analyses = analyzer.analyze_batch(articles)
        seconds += time.perf_counter() - t
        n_docs += len(docs)
        counts: Counter[str] = Counter()
        lost_all: list[str] = []
        for d, art, an in zip(docs, articles, analyses, strict=True):
            g, lost = _aligned(d, art.text)
            lost_all += lost
            counts.update(score_doc(g, an))
            if errors is not None:
                groups = {k for k, st in GROUP_STAGE.items() if st in ran}
                errors.extend(doc_errors(g, an, art.text, groups))
        result["sets"][s] = _mask(figures(counts), ran)
        result["docs"][s] = len(docs)
        result["unlocated"][s] = lost_all
        total.update(counts)
    result["sets"]["overall"] = _mask(figures(total), ran)
    result["ms_per_doc"] = round(1000 * seconds / n_docs, 1) if n_docs else None
    return result


def _mask(figs: dict[str, Any], ran: set[str]) -> dict[str, Any]:
    """Figures of a stage that did not run are null, not a misleading 0."""
    return {k: (None if GROUP_STAGE[k.split(".")[0]] not in ran else v) for k, v in figs.items()}


# ------------------------------------------------------------------ output
def table(result: dict[str, Any]) -> str:
    cols = list(result["sets"])
    if not cols:
        return "nothing evaluated"
    rows = list(next(iter(result["sets"].values())))
    width = max(len(r) for r in rows)
    head = f"{'figure':<{width}}  " + "  ".join(f"{c:>8}" for c in cols)
    docs = f"{'documents':<{width}}  " + "  ".join(
        f"{result['docs'].get(c, sum(result['docs'].values())):>8}" for c in cols)
    lines = [head, "-" * len(head), docs]
    group = ""
    for r in rows:
        if r.split(".")[0] != group:
            group = r.split(".")[0]
            lines.append("")
        lines.append(f"{r:<{width}}  " + "  ".join(f"{fmt_figure(result['sets'][c][r]):>8}"
                                                  for c in cols))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", choices=SETS, dest="sets",
                    help="evaluate only this set (repeatable); default: all")
    ap.add_argument("--json", type=Path, help="also write the figures object here")
    ap.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of the seed articles")
    ap.add_argument("--stages", help="comma-separated stage names (default: all that exist)")
    ap.add_argument("--errors", action="store_true",
                    help="list every miss, false alarm and wrong value before the table")
    args = ap.parse_args(argv)
    errs: list[str] | None = [] if args.errors else None
    result = evaluate(args.sets or SETS, seeds_dir=args.seeds,
                      stages=args.stages.split(",") if args.stages else None, errors=errs)
    if errs:
        print("\n".join(errs), end="\n\n")
    for s, why in result["skipped"].items():
        print(f"[skipped {s}: {why}]")
    for n in result["notes"]:
        print(f"[stage: {n}]")
    for w in result["warnings"]:
        print(f"[gold: {w}]")
    if result["missing_stages"]:
        print(f"[not run: {', '.join(result['missing_stages'])} — their figures are null]")
    for s, lost in result["unlocated"].items():
        if lost:
            print(f"[{s}: {len(lost)} gold span(s) not found in the cleaned text, scored as missed]")
            for x in lost:
                print(f"  {x}")
    print(table(result))
    if result["ms_per_doc"] is not None:
        print(f"\nanalysis: {result['ms_per_doc']} ms per document (parse and stages)")
    line = json.dumps(result, sort_keys=True, ensure_ascii=False)
    if args.json:
        args.json.write_text(line + "\n", encoding="utf-8")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
