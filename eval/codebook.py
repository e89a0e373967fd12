"""The event coder on the CAMEO codebook: one made-up sentence per CAMEO code.

    python -m eval.codebook [--set tuning|check|fresh-tune|fresh-check|fresh2-tune|...]
                            [--misses]
                            [--json PATH]

PLOVER's gold records (``eval.plover_dev``) are sentences of the CAMEO manual: roughly
one per CAMEO code, so the half that is hidden tests codes the dev half never shows.
This probe covers the codebook instead: ``eval/gold/codebook.tsv`` has one news-style
sentence per code of PLOVER's crosswalk (243, written for chronicler, tuned on);
``eval/gold/codebook_check.tsv`` a second one in other words for 108 codes, written
later and never tuned on (``--misses`` lists the tuning set's misses only). Both are
ours, so their figures are a map of what the coder covers, not a measure of real news.
``eval/gold/codebook_fresh.tsv`` has one more sentence per code (256), in the style of
the CAMEO manual's wire leads, written by a helper who never saw the coder, its rules,
its tests or the sets above; a random half of its codes is tuned on (``fresh-tune``,
listed by ``--misses``) and the other half never read (``fresh-check``): the nearest
thing to the PLOVER records' hidden half that we can write ourselves.
``eval/gold/codebook_fresh2.tsv`` is a second blind set of the same kind (256 wire-style
leads with attributions, passives, nominalisations and long subjects, written by another
helper who saw neither the coder nor the other sets), split the same way into
``fresh2-tune`` and ``fresh2-check``. ``eval/gold/codebook_fresh3.tsv`` is a third (256
short one-clause sentences in the style of a coding manual's examples, 1985-2010, with
groups placed by where they act and officials acting for a body), written by a third
helper blind to the coder and the other sets, split the same way into ``fresh3-tune``
and ``fresh3-check``. ``eval/gold/codebook_fresh4.tsv`` is a fourth (256 wire leads of
15-35 words, 1988-2012, from every continent, with time phrases, places, office holders
by title and attributions), written by a fourth blind helper, split the same way into
``fresh4-tune`` and ``fresh4-check``. ``eval/gold/codebook_fresh5.tsv`` is a fifth (256
plain example sentences of 8-16 words, 1980-2015, a fifth of them passive, a tenth with
the event as a noun, a tenth with the actor named by a people's word or an agent),
written by a fifth blind helper, split the same way into ``fresh5-tune`` and
``fresh5-check``. ``eval/gold/codebook_fresh6.tsv`` is a sixth (256 sentences of 16-32
words in the manner of a coding manual's examples from 1990-2005 wire copy: a third
with a background event of another kind beside the one coded, a quarter with
attribution, a fifth naming a real office holder of 1 January 2000 without his country,
which the set is dated), written by a sixth blind helper. It is split by another seed
(``FRESH6_SEED``) into ``fresh6-tune`` and ``fresh6-check``: its tune half holds about
half the codes the other fresh sets' check halves hold, so tuning on it reads sentences
of those codes by another hand (never those halves' own sentences), as the tuned and
the untouched part of the PLOVER records share codes.

Scored as ``../shared/eval/score_plover.py`` scores the PLOVER records: per sentence,
(sentence, type) pairs, and (sentence, type, countries) items: a hit needs the right
type and, for the actor and for the recipient where the probe names them, one country
in common; international bodies fold to IGO and militant groups to IMG; "A and B
agreed" pools both sides.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRESH = ROOT / "eval" / "gold" / "codebook_fresh.tsv"
FRESH2 = ROOT / "eval" / "gold" / "codebook_fresh2.tsv"
FRESH3 = ROOT / "eval" / "gold" / "codebook_fresh3.tsv"
FRESH4 = ROOT / "eval" / "gold" / "codebook_fresh4.tsv"
FRESH5 = ROOT / "eval" / "gold" / "codebook_fresh5.tsv"
FRESH6 = ROOT / "eval" / "gold" / "codebook_fresh6.tsv"
SETS = {"tuning": ROOT / "eval" / "gold" / "codebook.tsv",
        "check": ROOT / "eval" / "gold" / "codebook_check.tsv",
        "fresh-tune": FRESH, "fresh-check": FRESH,
        "fresh2-tune": FRESH2, "fresh2-check": FRESH2,
        "fresh3-tune": FRESH3, "fresh3-check": FRESH3,
        "fresh4-tune": FRESH4, "fresh4-check": FRESH4,
        "fresh5-tune": FRESH5, "fresh5-check": FRESH5,
        "fresh6-tune": FRESH6, "fresh6-check": FRESH6}
# The fresh set's two halves: a random half of its codes (sorted, then
# ``random.Random(FRESH_SEED).sample``) to tune on, the rest never read
FRESH_SEED = 1206
FRESH6_SEED = 1208  # (fresh6's own split: module docstring)
# the sets whose misses ``--misses`` lists
TUNED = ("tuning", "fresh-tune", "fresh2-tune", "fresh3-tune", "fresh4-tune",
         "fresh5-tune", "fresh6-tune")
ALIASES = {"UNO": "IGO", "EUR": "IGO", "NGO": "IGO", "ISM": "IMG"}
DATED = date(2020, 1, 1)
# a set naming office holders of a day is dated that day (the others name none by name
# alone that the date would decide)
DATED_SETS = {FRESH6: date(2000, 1, 1)}


@dataclass(frozen=True)
class Probe:
    code: str
    type: str
    actor: frozenset[str]
    recipient: frozenset[str]
    text: str

    @property
    def reciprocal(self) -> bool:
        return len(self.actor) > 1 and self.actor == self.recipient


Coded = tuple[str, frozenset[str], frozenset[str]]  # type, actor and recipient countries


def load(path: Path) -> list[Probe]:
    """The probes of a set file (``#`` lines and the header skipped); a malformed line
    raises with its number."""
    out: list[Probe] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"{path.name}:{n}: 5 tab-separated columns expected, got {len(cols)}")
        code, type_, act, rec, text = cols
        out.append(Probe(code, type_, frozenset(x for x in act.split(",") if x),
                         frozenset(x for x in rec.split(",") if x), text))
    return out


def load_set(name: str) -> list[Probe]:
    """A set's probes (a fresh half: its share of the fresh file's codes)."""
    probes = load(SETS[name])
    if not name.startswith("fresh"):
        return probes
    codes = sorted(p.code for p in probes)
    seed = FRESH6_SEED if name.startswith("fresh6") else FRESH_SEED
    tune = set(random.Random(seed).sample(codes, len(codes) // 2))
    return [p for p in probes if (p.code in tune) == name.endswith("-tune")]


def norm(codes: Any) -> frozenset[str]:
    return frozenset(ALIASES.get(c, c) for c in codes if c)


def hit(p: Probe, e: Coded) -> bool:
    """Does event ``e`` match the probe's type and, on each side it codes, a country?"""
    t, a, r = e
    if t != p.type:
        return False
    sides = [(p.actor, a | r), (p.recipient, a | r)] if p.reciprocal else \
        [(p.actor, a), (p.recipient, r)]
    return all(not g or bool(norm(g) & got) for g, got in sides)


def score(probes: list[Probe], coded: list[list[Coded]]) -> dict[str, float]:
    """Micro P/R/F1 over (sentence, type) pairs and (sentence, type, countries) items."""
    tp = fp = fn = ctp = cfp = cfn = 0
    for p, evs in zip(probes, coded, strict=True):
        types = {t for t, _, _ in evs}
        tp += p.type in types
        fp += len(types - {p.type})
        fn += p.type not in types
        items = set(evs)
        good = any(hit(p, e) for e in items)
        ctp += good
        cfp += len(items) - good
        cfn += not good

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float]:
        pr = t / (t + f_p) if t + f_p else 0.0
        rc = t / (t + f_n) if t + f_n else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    p1, r1, f1 = prf(tp, fp, fn)
    p2, r2, f2 = prf(ctp, cfp, cfn)
    return {"n": len(probes), "type_p": p1, "type_r": r1, "type_f1": f1,
            "countries_p": p2, "countries_r": r2, "countries_f1": f2}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """The event stages' analyzer, built once for every set."""
    from chronicler.config import Settings
    from chronicler.nlp.analyzer import Analyzer
    from chronicler.nlp.events.coder import PIPELINE

    return Analyzer(Settings.from_env(), stages=PIPELINE)


def code_all(probes: list[Probe], dated: date = DATED) -> list[list[Coded]]:
    """The event stages on each sentence, as its own article published ``dated``."""
    from chronicler.nlp.stages import ArticleContext, run_plan

    analyzer = _analyzer()
    out: list[list[Coded]] = []
    for p, doc in zip(probes, analyzer.nlp.pipe(p.text for p in probes), strict=True):
        state = run_plan(analyzer.plan, doc, ArticleContext(article_id=p.code, published=dated))
        out.append([(e.type, norm(a.country for a in e.actor), norm(r.country for r in e.recipient))
                    for e in state.events])
    return out


def evaluate(sets: tuple[str, ...] = tuple(SETS)) -> dict[str, dict[str, float]]:
    """The figures of each set."""
    out: dict[str, dict[str, float]] = {}
    for s in sets:
        probes = load_set(s)
        out[s] = score(probes, code_all(probes, DATED_SETS.get(SETS[s], DATED)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", choices=tuple(SETS))
    ap.add_argument("--misses", action="store_true",
                    help="list the misses of the sets tuned on (tuning, fresh-tune, "
                         "fresh2-tune, ..., fresh6-tune)")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    figures: dict[str, dict[str, float]] = {}
    print("CAMEO codebook probe (made-up sentences; type F1 / type + countries F1)")
    for s in a.set or list(SETS):
        probes = load_set(s)
        coded = code_all(probes, DATED_SETS.get(SETS[s], DATED))
        m = figures[s] = score(probes, coded)
        print(f"  {s:<12} n={m['n']:>3}  type F1 {m['type_f1']:.3f} (P {m['type_p']:.3f} "
              f"R {m['type_r']:.3f})   type+countries F1 {m['countries_f1']:.3f} "
              f"(P {m['countries_p']:.3f} R {m['countries_r']:.3f})")
        by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for p, evs in zip(probes, coded, strict=True):
            by_type[p.type][0] += any(hit(p, e) for e in evs)
            by_type[p.type][1] += 1
        print("    countries recall by type: " + ", ".join(
            f"{t} {h}/{n}" for t, (h, n) in sorted(by_type.items())))
        if a.misses and s in TUNED:
            for p, evs in zip(probes, coded, strict=True):
                if not any(hit(p, e) for e in evs):
                    got = "; ".join(f"{t} {sorted(x)}->{sorted(y)}" for t, x, y in evs) or "-"
                    print(f"    MISS {p.code} {p.type} {sorted(p.actor)}->{sorted(p.recipient)}"
                          f": {got} | {p.text}")
    if a.json:
        a.json.write_text(json.dumps({"codebook": figures}, indent=1), encoding="utf-8")
    print(json.dumps({"codebook": {s: {k: round(v, 4) for k, v in m.items()}
                                   for s, m in figures.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
