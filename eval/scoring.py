"""Pure scoring: gold and predicted items in, counts out, figures from summed counts.

Scores are computed per document as integer counts (a ``Counter``) so that sets and
the overall figure are micro-averages: sum the counters, then call ``figures``. A
ratio whose denominator is zero is ``None`` ("nothing to measure"), never 0 or 1.

Matching rules (eval/README.md explains why):

* quotes: span IoU ≥ θ, one-to-one, greedy by IoU; P/R/F1 at θ = 0.3 and 0.8;
  speaker accuracy over gold quotes matched at θ = 0.3;
* actors: each gold mention takes the predicted mention it overlaps most; recall
  (any overlap, and IoU ≥ 0.5), country and sector accuracy over gold mentions (a
  missing mention is wrong), country precision over predicted mentions that overlap
  a gold mention and assert a country;
* dates: span IoU ≥ 0.5, one-to-one; P/R/F1 and value accuracy among matched.

Predictions that overlap an *ignore* region of the gold (a span the annotators
judged ambiguous: a scare quote with a possible speaker, "earlier this week") and
match no gold item are dropped: they count neither for nor against precision.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

Span = tuple[int, int]

QUOTE_THETAS = (0.3, 0.8)
SPEAKER_THETA = 0.3
DATE_THETA = 0.5
ACTOR_STRICT_THETA = 0.5
QUOTE_KINDS = ("direct", "indirect", "according_to")


# ------------------------------------------------------------------------ items
@dataclass(frozen=True)
class GoldQuote:
    span: Span
    speakers: tuple[str, ...]  # accepted names; () when the speaker is unknown
    kind: str = "direct"
    partial: bool = False  # a quoted phrase inside reported speech ("will not “beg”")


@dataclass(frozen=True)
class PredQuote:
    span: Span
    speaker: str | None
    kind: str = "direct"


@dataclass(frozen=True)
class GoldActor:
    span: Span
    countries: tuple[str, ...]  # accepted codes; () when the country is not asserted
    sectors: tuple[str, ...]  # accepted sectors; () when no sector is asserted


@dataclass(frozen=True)
class PredMention:
    span: Span
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class GoldDate:
    span: Span
    date: str | None  # "2025-05-10", "2025-04" (month), "2025" (year)
    end_date: str | None
    precision: str  # day | month | year


@dataclass(frozen=True)
class PredDate:
    span: Span
    date: date | None
    end_date: date | None
    precision: str


# ------------------------------------------------------------------------ spans
def fmt_figure(v: object) -> str:
    """A figure in the printed tables: "–" for none (its stage did not run), floats
    to three places."""
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: Span, b: Span) -> float:
    """|a ∩ b| / |a ∪ b| of two half-open character spans (0 for disjoint)."""
    inter = overlap(a, b)
    if inter == 0:
        return 0.0
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union


def greedy_match(gold: Sequence[Span], pred: Sequence[Span],
                 threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold_i, pred_j, iou)`` with iou ≥ threshold, best first.

    Ties break on position (gold index, then pred index) so the result is stable.
    """
    pairs = [(iou(g, p), gi, pj) for gi, g in enumerate(gold) for pj, p in enumerate(pred)]
    pairs = [x for x in pairs if x[0] > 0 and x[0] >= threshold]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pj in pairs:
        if gi in used_g or pj in used_p:
            continue
        used_g.add(gi)
        used_p.add(pj)
        out.append((gi, pj, score))
    return out


def ignored(span: Span, regions: Iterable[Span]) -> bool:
    """A prediction falls in an ignore region when most of it lies inside one (a
    prediction that reaches well beyond the region is judged on its own)."""
    length = max(1, span[1] - span[0])
    return any(overlap(span, r) * 2 >= length for r in regions)


# ------------------------------------------------------------------------ names
_TITLE_WORDS = frozenset(
    """dr mr mrs ms prof sir gen general field marshal lt col colonel major president
    prime minister deputy foreign defence defense secretary chief spokesperson spokesman
    spokeswoman special assistant senator mp external affairs state army air vice
    leader opposition former information""".split()
)
_ARTICLES = frozenset({"the", "a", "an"})


def name_tokens(name: str) -> list[str]:
    """Lowercased ASCII words of a name without possessive, articles or punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’]s\b", " ", s)
    toks = re.findall(r"[a-z0-9]+", s)
    while toks and toks[0] in _ARTICLES:
        toks = toks[1:]
    return toks


def _core(toks: list[str]) -> list[str]:
    """The name without leading titles: "field marshal asim munir" → "asim munir"."""
    i = 0
    while i < len(toks) - 1 and toks[i] in _TITLE_WORDS:
        i += 1
    return toks[i:]


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def speaker_matches(pred: str | None, gold: Sequence[str]) -> bool:
    """Does the predicted speaker name one of the gold names?

    Equal after normalising; or one name's words appear in the other as a run
    ("Dar" ~ "Ishaq Dar", "Bhutto" ~ "Bilawal Bhutto Zardari", "the Pakistani Embassy"
    ~ "Pakistani Embassy in Moscow"); or the same surname ("Dr. Mirza" ~ "Amzad Ayub
    Mirza"). A bare title ("the minister") names nobody and never matches.
    """
    if not pred:
        return False
    p = name_tokens(pred)
    if not p:
        return False
    if any(p == name_tokens(g) for g in gold):  # "spokesperson" ~ "the spokesperson"
        return True
    if all(t in _TITLE_WORDS for t in p):
        return False
    pc = _core(p)
    for g_name in gold:
        g = name_tokens(g_name)
        if not g:
            continue
        gc = _core(g)
        if _contains(gc, pc) or _contains(pc, gc) or _contains(g, pc) or _contains(p, gc):
            return True
        if len(pc) <= 2 and len(gc) >= 1 and pc[-1] == gc[-1] and pc[-1] not in _TITLE_WORDS:
            return True
    return False


# ------------------------------------------------------------------------ quotes
def score_quotes(gold: Sequence[GoldQuote], pred: Sequence[PredQuote],
                 ignore: Sequence[Span] = ()) -> Counter[str]:
    c: Counter[str] = Counter()
    matches = {t: greedy_match([g.span for g in gold], [p.span for p in pred], t)
               for t in QUOTE_THETAS}
    matched_pred = {pj for _, pj, _ in matches[min(QUOTE_THETAS)]}
    kept = [j for j, p in enumerate(pred) if j in matched_pred or not ignored(p.span, ignore)]
    c["quotes.gold"] += len(gold)
    c["quotes.pred"] += len(kept)
    for t, m in matches.items():
        c[f"quotes.tp@{t}"] += len(m)
    by_gold = {gi: pj for gi, pj, _ in matches[SPEAKER_THETA]}
    for gi, g in enumerate(gold):
        kinds = [g.kind] + (["partial"] if g.partial else [])
        for k in kinds:
            c[f"quotes.{k}.gold"] += 1
        pj = by_gold.get(gi)
        if pj is None:
            continue
        p = pred[pj]
        ok_speaker = speaker_matches(p.speaker, g.speakers) if g.speakers else None
        for k in kinds:
            c[f"quotes.{k}.tp"] += 1
        c["quotes.kind_ok"] += int(p.kind == g.kind)
        if ok_speaker is not None:
            c["quotes.speaker_n"] += 1
            c["quotes.speaker_ok"] += int(ok_speaker)
            for k in kinds:
                c[f"quotes.{k}.speaker_n"] += 1
                c[f"quotes.{k}.speaker_ok"] += int(ok_speaker)
    for j in kept:
        c[f"quotes.{pred[j].kind}.pred"] += 1
    return c


# ------------------------------------------------------------------------ actors
def best_overlap(span: Span, cands: Sequence[Span]) -> int | None:
    """Index of the candidate sharing the most characters with ``span`` (IoU breaks
    ties); None when none overlaps."""
    best, key = None, (0, 0.0)
    for j, s in enumerate(cands):
        k = (overlap(span, s), iou(span, s))
        if k[0] > 0 and k > key:
            best, key = j, k
    return best


def score_actors(gold: Sequence[GoldActor], pred: Sequence[PredMention]) -> Counter[str]:
    c: Counter[str] = Counter()
    pspans = [p.span for p in pred]
    c["actors.gold"] += len(gold)
    c["actors.pred"] += len(pred)
    for g in gold:
        j = best_overlap(g.span, pspans)
        p = pred[j] if j is not None else None
        c["actors.found"] += p is not None
        c["actors.found_strict"] += p is not None and iou(g.span, p.span) >= ACTOR_STRICT_THETA
        if g.countries:
            c["actors.country_n"] += 1
            c["actors.country_ok"] += p is not None and p.country in g.countries
        if g.sectors:
            c["actors.sector_n"] += 1
            c["actors.sector_ok"] += p is not None and p.sector in g.sectors
    gspans = [g.span for g in gold]
    for p in pred:
        gi = best_overlap(p.span, gspans)
        if gi is None or not gold[gi].countries or p.country is None:
            continue
        c["actors.pred_country_n"] += 1
        c["actors.pred_country_ok"] += p.country in gold[gi].countries
    return c


# ------------------------------------------------------------------------ dates
def _same_date(gold: str | None, pred: date | None, precision: str) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    parts = [int(x) for x in gold.split("-")]
    have = [pred.year, pred.month, pred.day]
    n = {"year": 1, "month": 2}.get(precision, 3)
    return parts[:n] == have[:n]


def date_value_ok(g: GoldDate, p: PredDate) -> bool:
    """Same precision, and the same date and end date at that precision."""
    return (g.precision == p.precision and _same_date(g.date, p.date, g.precision)
            and _same_date(g.end_date, p.end_date, g.precision))


def score_dates(gold: Sequence[GoldDate], pred: Sequence[PredDate],
                ignore: Sequence[Span] = ()) -> Counter[str]:
    """Strict spans (IoU ≥ 0.5) and, as TempEval-3 does, relaxed ones (any overlap):
    "Tuesday" vs "Tuesday afternoon" is a boundary convention, not a wrong date."""
    c: Counter[str] = Counter()
    gspans, pspans = [g.span for g in gold], [p.span for p in pred]
    c["dates.gold"] += len(gold)
    for key, theta in (("", DATE_THETA), ("relaxed.", 0.0)):
        m = greedy_match(gspans, pspans, theta)
        matched_pred = {pj for _, pj, _ in m}
        kept = [j for j, p in enumerate(pred)
                if j in matched_pred or not ignored(p.span, ignore)]
        c[f"dates.{key}pred"] += len(kept)
        c[f"dates.{key}tp"] += len(m)
        c[f"dates.{key}value_ok"] += sum(date_value_ok(gold[gi], pred[pj]) for gi, pj, _ in m)
    return c


# ------------------------------------------------------------------------ figures
def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _prf(c: Counter[str], tp: str, n_pred: str, n_gold: str) -> tuple[
        float | None, float | None, float | None]:
    p, r = _ratio(c[tp], c[n_pred]), _ratio(c[tp], c[n_gold])
    return p, r, _f1(p, r)


def figures(c: Counter[str]) -> dict[str, float | int | None]:
    """Named figures from summed counts: ``quotes.f1@0.3``, ``actors.country_acc``, ..."""
    f: dict[str, float | int | None] = {}
    f["quotes.n_gold"], f["quotes.n_pred"] = c["quotes.gold"], c["quotes.pred"]
    for t in QUOTE_THETAS:
        p, r, f1 = _prf(c, f"quotes.tp@{t}", "quotes.pred", "quotes.gold")
        f[f"quotes.p@{t}"], f[f"quotes.r@{t}"], f[f"quotes.f1@{t}"] = p, r, f1
    f["quotes.speaker_acc"] = _ratio(c["quotes.speaker_ok"], c["quotes.speaker_n"])
    f["quotes.kind_acc"] = _ratio(c["quotes.kind_ok"], c[f"quotes.tp@{SPEAKER_THETA}"])
    for k in (*QUOTE_KINDS, "partial"):
        f[f"quotes.{k}.n_gold"] = c[f"quotes.{k}.gold"]
        f[f"quotes.{k}.r@{SPEAKER_THETA}"] = _ratio(c[f"quotes.{k}.tp"], c[f"quotes.{k}.gold"])
        f[f"quotes.{k}.speaker_acc"] = _ratio(c[f"quotes.{k}.speaker_ok"],
                                              c[f"quotes.{k}.speaker_n"])
    f["actors.n_gold"], f["actors.n_pred"] = c["actors.gold"], c["actors.pred"]
    f["actors.mention_recall"] = _ratio(c["actors.found"], c["actors.gold"])
    f["actors.mention_recall@0.5"] = _ratio(c["actors.found_strict"], c["actors.gold"])
    f["actors.country_acc"] = _ratio(c["actors.country_ok"], c["actors.country_n"])
    f["actors.sector_acc"] = _ratio(c["actors.sector_ok"], c["actors.sector_n"])
    f["actors.country_precision"] = _ratio(c["actors.pred_country_ok"],
                                           c["actors.pred_country_n"])
    f["dates.n_gold"], f["dates.n_pred"] = c["dates.gold"], c["dates.pred"]
    f["dates.p"], f["dates.r"], f["dates.f1"] = _prf(c, "dates.tp", "dates.pred", "dates.gold")
    f["dates.value_acc"] = _ratio(c["dates.value_ok"], c["dates.tp"])
    p, r, f1 = _prf(c, "dates.relaxed.tp", "dates.relaxed.pred", "dates.gold")
    f["dates.relaxed.p"], f["dates.relaxed.r"], f["dates.relaxed.f1"] = p, r, f1
    f["dates.relaxed.value_acc"] = _ratio(c["dates.relaxed.value_ok"], c["dates.relaxed.tp"])
    return f
