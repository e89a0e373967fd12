"""Evaluate the event coder (``chronicler.events.v1``) against PLOVER-like gold.

    python -m eval.events [--set seeds|demo|hard]... [--json PATH] [--errors]

Prints a table (per set and overall: precision, recall, F1 per PLOVER type and in all,
then actor, recipient, date, place and negation accuracy among matched events) and,
last, one JSON line with every figure. The seed set is read from ../shared/seeds and
skipped, with a note, when that folder is absent.

Gold format (``eval/gold/events_{seeds,demo,hard}.jsonl``), one JSON object per line
and document::

    {"doc": {"seed": "000_….txt", "sha1": "…"}          # a seed: offsets only, no text
          | {"demo": "FILE", "record": 0}              # a demo corpus file (record: jsonl/feed/warc)
          | {"text": "…", "id": "negation"},           # inline text (hard cases)
     "published": "2025-05-10",                        # resolves relative dates
     "events": [
       {"type": "ASSAULT",                             # PLOVER type
        "actor": ["IND"], "recipient": ["PAK"],        # countries (sets); [] = none named;
                                                       #   null or absent = not scored
        "date": "2025-05-07",                          # ISO day/month/year; null = undated;
                                                       #   absent = not scored
        "place": "Bahawalpur",                         # canonical name, a list of accepted
                                                       #   names, null = none; absent = not scored
        "negated": false,
        "sentence": [start, end],                      # offsets into the raw text: the
        "text": "…",                                   #   sentence or a part of it (demo and
                                                       #   hard lines carry the text to re-find
                                                       #   it after edits; seeds never do)
        "optional": false,                             # true: a defensible event the coder may
                                                       #   or may not find (neither FN nor FP)
        "note": "why"}]}

Offsets index the document's raw text exactly as ``eval.gold.raw_for`` reads it; they are
carried onto the cleaned article text by ``eval.align.Aligner`` (whitespace-insensitive
substring search), so page residue and title removal do not matter.

Matching: a predicted event matches a gold event of the same type whose sentence span
overlaps the prediction's evidence sentence; one-to-one, gold events in order, each
taking the overlapping prediction of its type that agrees best (actor countries, then
recipient countries). Unmatched predictions that overlap an optional gold event of the
same type are dropped; other unmatched predictions are false positives. Argument
figures are over matched events whose gold states the value.

Coding guidelines the gold follows (data/events/README.md has the full rules):
every mention of a specific event with at least one identifying detail (an actor, a
target, a date, a place, a count) in a sentence is an event of that sentence; a bare
anaphor ("the attack" again) is not. Events reported by someone are events (with
``reported_by``); events in a denial are negated. Headlines and subheadings are not
annotated (the cleaner drops titles; the coder skips title-case lines).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chronicler.config import Settings
from chronicler.records import Article, Event
from eval.align import Aligner
from eval.gold import GOLD_DIR, SEEDS_DIR, GoldError, raw_for
from eval.scoring import fmt_figure

SETS = ("seeds", "demo", "hard")
Span = tuple[int, int]
UNSCORED: Any = object()  # a gold field the annotator left out: not scored


# ------------------------------------------------------------------ items
@dataclass(frozen=True)
class GoldEvent:
    type: str
    span: Span  # on the cleaned text once aligned; (-1, -1) when lost
    actor: tuple[str, ...] | None = None  # None: not scored
    recipient: tuple[str, ...] | None = None
    date: Any = UNSCORED  # "2025-05-07" | None | UNSCORED
    place: Any = UNSCORED  # tuple of accepted names | None | UNSCORED
    negated: bool = False
    optional: bool = False
    note: str = ""


@dataclass(frozen=True)
class PredEvent:
    type: str
    span: Span
    actor: frozenset[str]
    recipient: frozenset[str]
    date: str | None
    place: str | None
    negated: bool


def pred_from_event(e: Event) -> PredEvent:
    ev = e.evidence[0] if e.evidence else None
    span = tuple(ev.span) if ev is not None else (-1, -1)
    return PredEvent(
        type=e.type, span=span,  # type: ignore[arg-type]
        actor=frozenset(a.country for a in e.actor if a.country),
        recipient=frozenset(a.country for a in e.recipient if a.country),
        date=_iso(e.date, e.date_precision), place=e.location.name if e.location else None,
        negated=e.negated)


def _iso(d: date | None, precision: str | None) -> str | None:
    if d is None:
        return None
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


@dataclass
class GoldDoc:
    set: str
    name: str
    ref: dict[str, Any]
    raw: str
    published: date | None
    events: list[GoldEvent] = field(default_factory=list)
    raw_doc: Any = None
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ reading
def _span(ev: dict[str, Any], raw: str, where: str, warnings: list[str]) -> Span:
    v: Any = ev.get("sentence")
    text = ev.get("text")
    n = len(raw)
    ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)
          and 0 <= v[0] < v[1] <= n)
    if ok and (text is None or raw[v[0]:v[1]] == text):
        return v[0], v[1]
    if text is None:
        raise GoldError(f"{where}: bad sentence span {v!r} (text has {n} chars)")
    at = raw.find(text)
    if at < 0:
        raise GoldError(f"{where}: {text[:60]!r} is no longer in the source text")
    if ok:
        warnings.append(f"{where}: sentence moved {v[0]}→{at} (source edited; update the gold)")
    return at, at + len(text)


def _codes(v: Any, where: str) -> tuple[str, ...] | None:
    if v is None:
        return None
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise GoldError(f"{where}: expected a list of country codes, got {v!r}")
    return tuple(sorted(v))


def parse_line(obj: dict[str, Any], set_name: str, line: int, seeds_dir: Path,
               settings: Settings) -> GoldDoc:
    ref = obj["doc"]
    raw_doc = raw_for(ref, seeds_dir, settings)
    raw = raw_doc.text
    key = ref.get("seed") or ref.get("demo") or ref.get("id") or f"line{line}"
    if "record" in ref:
        key = f"{key}#{ref['record']}"
    name = f"{set_name}:{key}"
    pub = obj.get("published")
    doc = GoldDoc(set=set_name, name=name, ref=ref, raw=raw, raw_doc=raw_doc,
                  published=date.fromisoformat(pub) if pub else None)
    want = ref.get("sha1")
    if want and hashlib.sha1(raw.encode("utf-8")).hexdigest() != want:
        doc.warnings.append(f"{name}: the source text changed since it was annotated (sha1)")
    for i, ev in enumerate(obj.get("events", [])):
        where = f"{name} event {i}"
        place: Any = UNSCORED
        if "place" in ev:
            p = ev["place"]
            place = None if p is None else tuple(p if isinstance(p, list) else [p])
        doc.events.append(GoldEvent(
            type=str(ev["type"]), span=_span(ev, raw, where, doc.warnings),
            actor=_codes(ev.get("actor"), where), recipient=_codes(ev.get("recipient"), where),
            date=ev["date"] if "date" in ev else UNSCORED, place=place,
            negated=bool(ev.get("negated", False)), optional=bool(ev.get("optional", False)),
            note=str(ev.get("note", ""))))
    return doc


def load_set(set_name: str, *, seeds_dir: Path = SEEDS_DIR, gold_dir: Path = GOLD_DIR,
             settings: Settings | None = None) -> list[GoldDoc]:
    settings = settings or Settings()
    path = gold_dir / f"events_{set_name}.jsonl"
    if not path.exists():
        return []
    docs = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            docs.append(parse_line(json.loads(line), set_name, ln, seeds_dir, settings))
        except (KeyError, TypeError, ValueError, OSError) as e:
            raise GoldError(f"{path.name}:{ln}: {e}") from e
    return docs


def article_for(doc: GoldDoc, settings: Settings | None = None) -> Article:
    from chronicler.clean.article import build_article

    art = build_article(doc.raw_doc, settings)
    if doc.published is not None:
        art = art.model_copy(update={"published": doc.published, "published_inferred": False})
    return art


def aligned(doc: GoldDoc, clean: str) -> tuple[list[GoldEvent], list[str]]:
    """Gold events with sentence spans on the cleaned text; lost spans listed."""
    al = Aligner(doc.raw, clean)
    out, lost = [], []
    for g in doc.events:
        got = al.locate(g.span)
        if got is None:
            lost.append(f"{doc.name}: {g.type} {list(g.span)}")
            got = (-1, -1)
        out.append(GoldEvent(g.type, got, g.actor, g.recipient, g.date, g.place, g.negated,
                             g.optional, g.note))
    return out, lost


# ------------------------------------------------------------------ scoring (pure)
def _overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _agree(g: GoldEvent, p: PredEvent) -> int:
    return (2 * int(g.actor is not None and frozenset(g.actor) == p.actor)
            + int(g.recipient is not None and frozenset(g.recipient) == p.recipient))


def match(gold: Sequence[GoldEvent], pred: Sequence[PredEvent]
          ) -> tuple[list[tuple[int, int]], set[int]]:
    """One-to-one ``(gold_i, pred_j)`` pairs, and the predictions excused by an optional
    gold event (see the module docstring)."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    order = sorted(range(len(gold)), key=lambda i: (gold[i].optional, i))
    for gi in order:
        g = gold[gi]
        cands = [j for j, p in enumerate(pred) if j not in used and p.type == g.type
                 and _overlap(g.span, p.span)]
        if not cands:
            continue
        j = max(cands, key=lambda j: (_agree(g, pred[j]), -j))
        used.add(j)
        pairs.append((gi, j))
    excused = {j for j, p in enumerate(pred) if j not in used and any(
        g.optional and g.type == p.type and _overlap(g.span, p.span) for g in gold)}
    return pairs, excused


def _place_ok(g: GoldEvent, p: PredEvent) -> bool:
    if g.place is None:
        return p.place is None
    return p.place is not None and p.place.casefold() in {x.casefold() for x in g.place}


def score_events(gold: Sequence[GoldEvent], pred: Sequence[PredEvent]) -> Counter[str]:
    """Counts for one document (spans on the same text); sum them, then ``figures``."""
    c: Counter[str] = Counter()
    pairs, excused = match(gold, pred)
    matched_pred = {pj for _, pj in pairs}
    for g in gold:
        if g.optional:
            continue
        c[f"{g.type}.gold"] += 1
        c["all.gold"] += 1
    for j, p in enumerate(pred):
        if j in excused:
            continue
        if j in matched_pred and gold[[gi for gi, pj in pairs if pj == j][0]].optional:
            continue  # matched an optional event: neither right nor wrong
        c[f"{p.type}.pred"] += 1
        c["all.pred"] += 1
    for gi, pj in pairs:
        g, p = gold[gi], pred[pj]
        if g.optional:
            continue
        c[f"{g.type}.tp"] += 1
        c["all.tp"] += 1
        if g.actor is not None:
            c["actor.n"] += 1
            c["actor.ok"] += frozenset(g.actor) == p.actor
        if g.recipient is not None:
            c["recipient.n"] += 1
            c["recipient.ok"] += frozenset(g.recipient) == p.recipient
        if g.date is not UNSCORED:
            c["date.n"] += 1
            c["date.ok"] += g.date == p.date
        if g.place is not UNSCORED:
            c["place.n"] += 1
            c["place.ok"] += _place_ok(g, p)
        c["negated.n"] += 1
        c["negated.ok"] += g.negated == p.negated
    return c


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def figures(c: Counter[str]) -> dict[str, float | int | None]:
    """Named figures from summed counts: ``events.f1``, ``events.ASSAULT.p``, ..."""
    f: dict[str, float | int | None] = {}
    types = sorted({k.split(".")[0] for k in c if k.split(".")[0].isupper()} - {"all"})
    for t in ["all", *types]:
        p, r = _ratio(c[f"{t}.tp"], c[f"{t}.pred"]), _ratio(c[f"{t}.tp"], c[f"{t}.gold"])
        f1 = round(2 * p * r / (p + r), 4) if p is not None and r is not None and p + r \
            else (0.0 if p is not None and r is not None else None)
        key = "events" if t == "all" else f"events.{t}"
        f[f"{key}.n_gold"], f[f"{key}.n_pred"] = c[f"{t}.gold"], c[f"{t}.pred"]
        f[f"{key}.p"], f[f"{key}.r"], f[f"{key}.f1"] = p, r, f1
    for k in ("actor", "recipient", "date", "place", "negated"):
        f[f"events.{k}_acc"] = _ratio(c[f"{k}.ok"], c[f"{k}.n"])
        f[f"events.{k}_n"] = c[f"{k}.n"]
    return f


# ------------------------------------------------------------------ running
def build_analyzer(settings: Settings) -> Any:
    """An Analyzer with the stages the event coder reads, and the coder."""
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.events.coder import PIPELINE

    return Analyzer(settings, stages=PIPELINE)


def doc_errors(doc: GoldDoc, gold: Sequence[GoldEvent], pred: Sequence[PredEvent],
               events: Sequence[Event], text: str) -> list[str]:
    out: list[str] = []
    pairs, excused = match(gold, pred)
    mg = {gi: pj for gi, pj in pairs}
    mp = {pj for _, pj in pairs} | excused
    for gi, g in enumerate(gold):
        snippet = text[g.span[0]:g.span[1]][:90].replace("\n", " ")
        if gi not in mg:
            if not g.optional:
                out.append(f"MISS {doc.name}: {g.type} {list(g.actor or [])}->"
                           f"{list(g.recipient or [])} | {snippet}")
            continue
        p = pred[mg[gi]]
        if g.optional:
            continue
        bad = []
        if g.actor is not None and frozenset(g.actor) != p.actor:
            bad.append(f"actor {sorted(p.actor)}≠{list(g.actor)}")
        if g.recipient is not None and frozenset(g.recipient) != p.recipient:
            bad.append(f"recipient {sorted(p.recipient)}≠{list(g.recipient)}")
        if g.date is not UNSCORED and g.date != p.date:
            bad.append(f"date {p.date}≠{g.date}")
        if g.place is not UNSCORED and not _place_ok(g, p):
            bad.append(f"place {p.place}≠{g.place}")
        if g.negated != p.negated:
            bad.append(f"negated {p.negated}≠{g.negated}")
        if bad:
            out.append(f"WRONG {doc.name}: {g.type} {'; '.join(bad)} | {snippet}")
    for j, p in enumerate(pred):
        if j in mp:
            continue
        e = events[j]
        out.append(f"FALSE {doc.name}: {p.type} {sorted(p.actor)}->{sorted(p.recipient)} "
                   f"trigger={e.trigger!r} ({e.pattern}) | {e.evidence[0].text[:90]!r}")
    return out


def evaluate(sets: Sequence[str] = SETS, *, seeds_dir: Path = SEEDS_DIR,
             settings: Settings | None = None, errors: list[str] | None = None
             ) -> dict[str, Any]:
    settings = settings or Settings.from_env()
    result: dict[str, Any] = {"sets": {}, "docs": {}, "unlocated": {}, "skipped": {},
                              "warnings": []}
    golds: dict[str, list[GoldDoc]] = {}
    for s in sets:
        if s == "seeds" and not (seeds_dir.is_dir() and any(seeds_dir.glob("*.txt"))):
            result["skipped"]["seeds"] = f"{seeds_dir} is absent"
            continue
        docs = load_set(s, seeds_dir=seeds_dir, settings=settings)
        if not docs:
            result["skipped"][s] = "no gold documents"
            continue
        golds[s] = docs
        result["warnings"] += [w for d in docs for w in d.warnings]
    analyzer = build_analyzer(settings)
    result["stages"] = analyzer.plan.provenance
    total: Counter[str] = Counter()
    seconds, n_docs = 0.0, 0
    for s, docs in golds.items():
        articles = [article_for(d, settings) for d in docs]
        t = time.perf_counter()
        analyses = _analyze(analyzer, articles)
        seconds += time.perf_counter() - t
        n_docs += len(docs)
        counts: Counter[str] = Counter()
        lost_all: list[str] = []
        for d, art, events in zip(docs, articles, analyses, strict=True):
            gold, lost = aligned(d, art.text)
            lost_all += lost
            pred = [pred_from_event(e) for e in events]
            counts.update(score_events(gold, pred))
            if errors is not None:
                errors.extend(doc_errors(d, gold, pred, events, art.text))
        result["sets"][s] = figures(counts)
        result["docs"][s] = len(docs)
        result["unlocated"][s] = lost_all
        total.update(counts)
    if golds:
        result["sets"]["overall"] = figures(total)
    result["ms_per_doc"] = round(1000 * seconds / n_docs, 1) if n_docs else None
    return result


def _analyze(analyzer: Any, articles: Sequence[Article]) -> list[list[Event]]:
    """Events per article (from the Analysis field when the lead has added it, else
    from the stage's state)."""
    from chronicler.nlp.stages import ArticleContext, run_plan

    out: list[list[Event]] = []
    docs = analyzer.nlp.pipe(a.text for a in articles)
    for a, doc in zip(articles, docs, strict=True):
        ctx = ArticleContext(article_id=a.id, published=a.published, outlet=a.outlet,
                             title=a.title)
        state = run_plan(analyzer.plan, doc, ctx)
        evs = state.get("events", []) if isinstance(state, dict) else state.events
        out.append(list(evs or []))
    return out


# ------------------------------------------------------------------ output
def table(result: dict[str, Any]) -> str:
    cols = list(result["sets"])
    if not cols:
        return "nothing evaluated"
    rows: list[str] = []
    for figs in result["sets"].values():
        rows += [k for k in figs if k not in rows]
    main = [r for r in rows if not r.startswith("events.") or r.count(".") == 1]
    per_type = sorted(r for r in rows if r not in main)
    width = max(len(r) for r in rows)
    head = f"{'figure':<{width}}  " + "  ".join(f"{c:>8}" for c in cols)
    lines = [head, "-" * len(head),
             f"{'documents':<{width}}  " + "  ".join(
                 f"{result['docs'].get(c, sum(result['docs'].values())):>8}" for c in cols)]
    for r in main + [""] + per_type:
        if not r:
            lines.append("")
            continue
        lines.append(f"{r:<{width}}  " + "  ".join(
            f"{fmt_figure(result['sets'][c].get(r)):>8}" for c in cols))
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.events",
                                 description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--set", action="append", choices=SETS, dest="sets")
    ap.add_argument("--json", type=Path, help="also write the figures object here")
    ap.add_argument("--seeds", type=Path, default=SEEDS_DIR)
    ap.add_argument("--errors", action="store_true",
                    help="list every miss, false alarm and wrong value before the table")
    args = ap.parse_args(list(argv) if argv is not None else None)
    errs: list[str] | None = [] if args.errors else None
    result = evaluate(args.sets or SETS, seeds_dir=args.seeds, errors=errs)
    if errs:
        print("\n".join(errs), end="\n\n")
    for s, why in result["skipped"].items():
        print(f"[skipped {s}: {why}]")
    for w in result["warnings"]:
        print(f"[gold: {w}]")
    for s, lost in result["unlocated"].items():
        if lost:
            print(f"[{s}: {len(lost)} gold sentence(s) not found in the cleaned text]")
            for x in lost:
                print(f"  {x}")
    print(table(result))
    print(f"\nanalysis incl. parse: {result['ms_per_doc']} ms per document")
    line = json.dumps(result, sort_keys=True, ensure_ascii=False)
    if args.json:
        args.json.write_text(line + "\n", encoding="utf-8")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
