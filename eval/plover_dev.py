"""The event coder on real sentences: the PLOVER gold-standard records, dev half.

    python -m eval.plover_dev [--part all|tuned|untouched|A|B] [--halves SEED] [--misses]
                              [--ingest]
                              [--json PATH] [--min-type F] [--min-countries F]

Reads ``../shared/eval/plover-gsr-dev`` (CAMEO manual example sentences, coded in
PLOVER by its authors; third-party data, read at run time and never copied here) and
skips with a note when it is absent. Each sentence is coded as its own article dated
2000-01-01, the events are written as a chronicler JSONL export, and the shared scorer
``score_plover.py`` scores it, once on every sentence and once on each part below. The
table adds per-type precision and recall over (sentence, type) pairs, the confusions
(gold type -> types coded instead) and, with ``--misses``, every sentence of the tuned
part the coder got wrong.

**Untouched part.** Before any tuning on this set (issue 12), a quarter of its
sentences was drawn at random (``random.Random(12).sample`` of the sorted keys,
``UNTOUCHED_SEED`` below) and set aside: the rules were never tuned on them and
``--misses`` never lists them. Their figure, next to the tuned part's, says whether
the rules learned the language or the sentences.

**Halves.** ``--halves SEED`` splits the tuned part once more, at random
(``random.Random(SEED).sample`` of its sorted keys, half of them), into ``A`` and ``B``:
work from A's misses only (``--misses`` then lists A alone) and keep a change only when
it does not lower B, so B says whether a change holds beyond the sentences it was made on.

``--seeds`` prints the events of ``../shared/seeds`` as a table for a person to read.

``--ingest`` runs the real product path instead (``chronicler ingest`` into a temporary
database, ``chronicler export``): slower, and the figure the hidden half is scored by.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONICLER_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "eval" / "plover-gsr-dev"
SCORER = SHARED / "eval" / "score_plover.py"
UNTOUCHED_SEED = 12
UNTOUCHED_SHARE = 0.25
PARTS = ("all", "tuned", "untouched")
HALVES = ("A", "B")


def available() -> bool:
    return (DATA / "input.jsonl").exists() and (DATA / "gold.json").exists() and SCORER.exists()


def split(keys: list[str]) -> dict[str, set[str]]:
    """The parts: every key, the untouched quarter (fixed seed), the tuned rest."""
    ks = sorted(keys)
    untouched = set(random.Random(UNTOUCHED_SEED).sample(ks, round(len(ks) * UNTOUCHED_SHARE)))
    return {"all": set(ks), "untouched": untouched, "tuned": set(ks) - untouched}


def halves(tuned: set[str], seed: int) -> dict[str, set[str]]:
    """The tuned part in two random halves: A (worked from) and B (held out to check)."""
    ks = sorted(tuned)
    a = set(random.Random(seed).sample(ks, len(ks) // 2))
    return {"A": a, "B": set(ks) - a}


def key_of(rec: dict[str, Any]) -> str:
    return str(rec.get("url", "")).rstrip("/").rsplit("/", 1)[-1]


# ------------------------------------------------------------------ coding
def code_in_process(inputs: list[dict[str, Any]], out: Path) -> None:
    """The coder's stages on every sentence, written as an export (article + event)."""
    from datetime import date

    from chronicler.config import Settings
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.events.coder import PIPELINE
    from chronicler.nlp.stages import ArticleContext, run_plan

    analyzer = Analyzer(Settings.from_env(), stages=PIPELINE)
    with out.open("w", encoding="utf-8") as f:
        docs = analyzer.nlp.pipe(r["text"] for r in inputs)
        for r, doc in zip(inputs, docs, strict=True):
            aid = key_of(r)
            ctx = ArticleContext(article_id=aid, published=date.fromisoformat(r["published"]),
                                 outlet=r.get("outlet"), title=r.get("title"))
            state = run_plan(analyzer.plan, doc, ctx)
            f.write(json.dumps({"kind": "article", "id": aid, "url": r["url"],
                                "title": r["title"]}) + "\n")
            evs = state.get("events", []) if isinstance(state, dict) else state.events
            for e in evs or []:
                rec = {"kind": "event", **e.model_dump(mode="json")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def code_by_ingest(out: Path, tmp: Path) -> None:
    env = dict(os.environ, CHRONICLER_DB=str(tmp / "x.duckdb"))
    exe = Path(sys.executable).parent / "chronicler"
    subprocess.run([str(exe), "ingest", str(DATA / "input.jsonl")], env=env, check=True,
                   capture_output=True)
    subprocess.run([str(exe), "export", "--format", "jsonl", str(out)], env=env, check=True,
                   capture_output=True)


# ------------------------------------------------------------------ scoring
def score(export: Path, gold: dict[str, Any], keys: set[str], tmp: Path, name: str
          ) -> dict[str, float]:
    """The shared scorer on the gold and the export restricted to ``keys`` (an event of
    another part's sentence would count as tied to no gold sentence): its metrics."""
    g = dict(gold, sentences={k: v for k, v in gold["sentences"].items() if k in keys})
    path = tmp / f"gold-{name}.json"
    path.write_text(json.dumps(g), encoding="utf-8")
    ids: set[str] = set()
    kept: list[str] = []
    for line in export.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("kind") == "article" and key_of(r) in keys:
            ids.add(r["id"])
            kept.append(line)
        elif r.get("kind") == "event":
            mine = {x.get("article_id") for x in r.get("evidence") or []} | set(
                r.get("article_ids") or [])
            if mine & ids or not mine:
                kept.append(line)
    export = tmp / f"export-{name}.jsonl"
    export.write_text("\n".join(kept) + "\n", encoding="utf-8")
    out: dict[str, float] = {}
    for metric in ("plover_type_f1", "plover_type_actor_f1", "plover_type_p", "plover_type_r",
                   "plover_type_actor_p", "plover_type_actor_r"):
        r = subprocess.run([sys.executable, str(SCORER), str(export), str(path),
                            "--metric", metric], capture_output=True, text=True)
        m = re.search(rf"^{metric} = ([0-9.]+)$", r.stdout, re.M)
        if m is None:
            raise RuntimeError(f"score_plover.py said: {r.stdout[-500:]} {r.stderr[-500:]}")
        out[metric] = float(m.group(1))
    return out


def predicted(export: Path) -> dict[str, list[tuple[str, list[str], list[str]]]]:
    """Sentence key -> its events as (type, actor countries, recipient countries)."""
    art: dict[str, str] = {}
    evs: list[dict[str, Any]] = []
    for line in export.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("kind") == "article":
            art[r["id"]] = key_of(r)
        elif r.get("kind") == "event":
            evs.append(r)
    per: dict[str, list[tuple[str, list[str], list[str]]]] = defaultdict(list)
    for e in evs:
        ids = {x["article_id"] for x in e.get("evidence") or []} | set(e.get("article_ids") or [])
        for i in ids:
            if i in art:
                per[art[i]].append((e["type"], sorted({a["country"] for a in e["actor"]
                                                       if a.get("country")}),
                                    sorted({a["country"] for a in e["recipient"]
                                            if a.get("country")})))
    return per


def per_type(gold: dict[str, Any], per: dict[str, list[Any]], keys: set[str]
             ) -> tuple[dict[str, tuple[int, int, int]], Counter[tuple[str, str]]]:
    """(tp, fp, fn) per type over (sentence, type) pairs, and confusions."""
    c: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    conf: Counter[tuple[str, str]] = Counter()
    for k in keys:
        g = gold["sentences"][k]["type"]
        types = {t for t, _, _ in per.get(k, [])}
        if g in types:
            c[g][0] += 1
        else:
            c[g][2] += 1
            for t in sorted(types) or ["(none)"]:
                conf[(g, t)] += 1
        for t in types - {g}:
            c[t][1] += 1
    return {t: (v[0], v[1], v[2]) for t, v in c.items()}, conf


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def report(gold: dict[str, Any], export: Path, parts: dict[str, set[str]], tmp: Path,
           show: list[str], misses: bool) -> dict[str, Any]:
    figures = {p: score(export, gold, parts[p], tmp, p) for p in show}
    print("PLOVER GSR dev half: (sentence, type) F1 and (sentence, type, countries) F1")
    for p in show:
        m = figures[p]
        print(f"  {p:<10} n={len(parts[p]):>3}  type F1 {m['plover_type_f1']:.3f} "
              f"(P {m['plover_type_p']:.3f} R {m['plover_type_r']:.3f})   type+countries F1 "
              f"{m['plover_type_actor_f1']:.3f} (P {m['plover_type_actor_p']:.3f} "
              f"R {m['plover_type_actor_r']:.3f})")
    per = predicted(export)
    part = "A" if "A" in show else "tuned" if "tuned" in show else show[0]
    stats, conf = per_type(gold, per, parts[part])
    print(f"per type ({part} part): n  P  R")
    for t in sorted(stats):
        tp, fp, fn = stats[t]
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        print(f"  {t:<10} {tp + fn:>3}  {_f(p)}  {_f(r)}")
    print("confusions (gold -> coded instead): " + ", ".join(
        f"{g}->{t} {n}" for (g, t), n in conf.most_common(20)))
    if misses and part != "untouched":
        for k in sorted(parts[part]):
            g = gold["sentences"][k]
            got = per.get(k, [])
            ok = any(t == g["type"] for t, _, _ in got)
            print(f"  {'type ok ' if ok else 'MISS    '}{k} gold {g['type']} {g['actor']}->"
                  f"{g['recipient']}: " + ("; ".join(f"{t} {a}->{r}" for t, a, r in got)
                                            or "no event") + f" | {g['text'][:110]}")
    return figures


def evaluate(parts_shown: tuple[str, ...] = PARTS) -> dict[str, dict[str, float]]:
    """The figures of each part (in process, quietly): for the gate test."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    inputs = [json.loads(x) for x in (DATA / "input.jsonl").read_text("utf-8").splitlines()
              if x.strip()]
    parts = split(list(gold["sentences"]))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        export = tmp / "export.jsonl"
        code_in_process(inputs, export)
        return {p: score(export, gold, parts[p], tmp, p) for p in parts_shown}


def seeds_table() -> int:
    """The seed articles read back as an event table, as a person would check it: one
    line per event (type, who -> whom, when, where, trigger) under its sentence."""
    from datetime import date

    from chronicler.config import Settings
    from chronicler.debug import describe_event as describe
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.events.coder import PIPELINE
    from chronicler.nlp.stages import ArticleContext, run_plan

    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        print(f"seeds: skipped ({seeds} is absent)")
        return 0
    published = {}
    for line in (ROOT / "eval/gold/events_seeds.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            published[r["doc"]["seed"]] = date.fromisoformat(r["published"])
    analyzer = Analyzer(Settings.from_env(), stages=PIPELINE)
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text("utf-8")
        state = run_plan(analyzer.plan, analyzer.nlp(text),
                         ArticleContext(article_id=path.stem, published=published.get(path.name)))
        print(f"== {path.name} ({published.get(path.name)})")
        for e in state.events or []:
            print(f"  {describe(e)}\n      | {e.evidence[0].text[:150]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.plover_dev", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=PARTS + HALVES, action="append")
    ap.add_argument("--halves", type=int, metavar="SEED",
                    help="split the tuned part into halves A and B with this seed")
    ap.add_argument("--misses", action="store_true", help="list the tuned part's sentences")
    ap.add_argument("--ingest", action="store_true", help="the real ingest/export path")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--export", help="keep the export here")
    ap.add_argument("--seeds", action="store_true",
                    help="print the seed articles' events as a table instead")
    a = ap.parse_args(argv)
    if a.seeds:
        return seeds_table()
    if not available():
        print(f"PLOVER dev half: skipped ({DATA} or its scorer is absent)")
        return 0
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    inputs = [json.loads(x) for x in (DATA / "input.jsonl").read_text("utf-8").splitlines()
              if x.strip()]
    parts = split(list(gold["sentences"]))
    show = a.part or list(PARTS)
    if a.halves is not None:
        parts.update(halves(parts["tuned"], a.halves))
        show = [p for p in show if p != "untouched"] if not a.part else show
        show += [h for h in HALVES if h not in show]
    elif any(p in HALVES for p in show):
        ap.error("--part A or B needs --halves SEED")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        export = Path(a.export) if a.export else tmp / "export.jsonl"
        if a.ingest:
            code_by_ingest(export, tmp)
        else:
            code_in_process(inputs, export)
        figures = report(gold, export, parts, tmp, show, a.misses)
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(json.dumps({"plover_dev": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
