"""Time expressions: every date an article mentions, normalized to calendar dates.

``resolve(text, published, ...)`` is the pure core: one expression in, ``(date,
end_date, precision, relative)`` out, or ``None`` when the text names no date
(durations such as "four days" or "decades", ages, "the day", vague "the next few
months"). The stage finds candidates (spaCy DATE/TIME entities plus a regex for the
day-month patterns the small model misses), keeps the longest ones that parse, and
resolves them in document order so "the same day" can point back.

Rules, chosen for news written in the past tense:

* Dates are returned at their precision: a month is its first day (``2025-05-01``,
  precision ``month``), a year its January 1 (precision ``year``). Ranges put the
  last day/month/year in ``end_date``; "from May 7 to May 10, 2025" gives both ends
  the stated year.
* A missing year: ``context_year`` when given (the stage passes the year of an
  explicit full date in the same sentence, or, when the publication date is
  unknown, the nearest explicit year anywhere in the article); otherwise the year
  that puts the date on or before ``published`` ("April 22" in an article of May
  2025 is 2025-04-22, "June 4" in one of June 2025 is 2025-06-04, "December 10"
  in one of May 2025 is 2024-12-10), or on or after it when the governing verb is
  future: a modal without "have" ("will meet on June 4", "said they could leave by
  March 19") or a scheduling frame ("is set to", "scheduled for"). Without either
  the expression is kept with ``date=None``.
* Weekdays: "on Tuesday" is the most recent Tuesday on or before publication;
  with a future verb ("will meet on Tuesday", "is set to ... on Tuesday") the first
  Tuesday on or after it. "last Tuesday" is strictly before, "next Tuesday"
  strictly after, whatever the tense.
* Weeks have no precision of their own, so they are day ranges: "last week" is
  Monday to Sunday of the previous ISO week, "this week" Monday of the publication
  week to the publication date (to Sunday when future), "next week" the next
  Monday to Sunday; "two weeks ago" is the single day ``published - 14``.
* Deictic expressions ("yesterday", "last month", "on Tuesday", "the same day")
  are ``relative=True``; explicit calendar dates are not, even when their year was
  inferred. "the same day"/"the next day" count from the most recent single
  day-precision date earlier in the article (``previous``); "the day after" is not
  resolved, because it usually takes its own object ("a day after gunmen struck").
* Not emitted: durations, ages, "the day", "the weekend", "the past week", and a
  year-like number before a plural noun or after a name ("2000 troops", "Mirage
  2000").
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronicler.nlp.stages import ArticleContext, Stage, State, register
from chronicler.records import TimeExpr

Resolved = tuple[date | None, date | None, str, bool]

__all__ = ["Resolved", "extract_times", "parse", "resolve", "STAGE"]


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    anaphors: dict[str, int]
    numbers: dict[str, int]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    future_frames: frozenset[str]
    filler_re: re.Pattern[str]
    day_part_re: re.Pattern[str]


def _alt(words: Iterable[str]) -> str:
    # longest first, so "sept" wins over "sep" and "tuesday" over "tue"
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("chronicler").joinpath("data/timex/lexicon.json").read_text("utf-8"))
    fill = _alt(raw["fillers"])
    return _Lexicon(
        months=raw["months"], weekdays=raw["weekdays"], days=raw["days"],
        anaphors=raw["anaphors"], numbers=raw["number_words"],
        future_aux=frozenset(raw["future_aux"]), future_verbs=frozenset(raw["future_verbs"]),
        future_frames=frozenset(raw["future_frames"]),
        filler_re=re.compile(rf"^(?:(?:{fill})(?:\s+|-(?=\w)))+"),
        day_part_re=re.compile(rf"\s+(?:{_alt(raw['day_parts'])})$"),
    )


# ----------------------------------------------------------------- parsing (no dates)
@dataclass(frozen=True)
class Parsed:
    """What an expression says before it is anchored to a publication date."""

    kind: str  # abs | days | ago | unit | weekday | month_rel | anaphor
    y1: int | None = None
    m1: int | None = None
    d1: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    ranged: bool = False
    n: int = 0  # offset (days/anaphor), count (ago), weekday or month (weekday/month_rel)
    unit: str = ""  # day|week|month|year for ago/unit
    mode: str = ""  # last|this|next|past or ""

    @property
    def precision(self) -> str:
        if self.kind == "abs":
            return "day" if self.d1 is not None else "month" if self.m1 is not None else "year"
        if self.kind in ("unit", "ago") and self.unit in ("month", "year"):
            return self.unit
        if self.kind == "month_rel":
            return "month"
        return "day"


@dataclass(frozen=True)
class _Grammar:
    full: list[tuple[str, re.Pattern[str]]]
    weekday: re.Pattern[str]
    ago: re.Pattern[str]
    unit: re.Pattern[str]
    month_rel: re.Pattern[str]
    bare_month: re.Pattern[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lx = _lexicon()
    mon, wd = _alt(lx.months), _alt(lx.weekdays)
    day, year = r"(?:[12]\d|3[01]|0?[1-9])", r"(?:1[89]|20)\d\d"
    conn = r"(?:\s*-\s*|\s+(?:to|until|till|through|thru)\s+)"
    w = rf"(?:(?:{wd})\s+)?"

    def m(i: int) -> str:
        return rf"(?P<m{i}>{mon})"

    def d(i: int) -> str:
        return rf"(?P<d{i}>{day})"

    def y(i: int) -> str:
        return rf"(?P<y{i}>{year})"

    pats = [
        ("iso", rf"{y(1)}-(?P<m1>0?[1-9]|1[0-2])-{d(1)}"),
        # "may 7-10 2025", "may 7 to may 10 2025", "may 7 2025 to may 10 2025"
        ("range", rf"{w}{m(1)}\s+{d(1)}(?:\s+{y(1)})?{conn}{w}(?:{m(2)}\s+)?{d(2)}(?:\s+{y(2)})?"),
        ("range", rf"between\s+{w}{m(1)}\s+{d(1)}(?:\s+{y(1)})?\s+and\s+{w}(?:{m(2)}\s+)?{d(2)}"
                  rf"(?:\s+{y(2)})?"),
        # "7-10 may 2025", "7 may to 10 may 2025", "30 december 2024 - 2 january 2025"
        ("range", rf"{w}{d(1)}(?:\s+(?:of\s+)?{m(1)}(?:\s+{y(1)})?)?{conn}{w}{d(2)}\s+(?:of\s+)?"
                  rf"{m(2)}(?:\s+{y(2)})?"),
        ("day", rf"{w}{m(1)}\s+{d(1)}(?:\s+{y(1)})?"),
        ("day", rf"{w}{d(1)}\s+(?:of\s+)?{m(1)}(?:\s+{y(1)})?"),
        ("month", rf"{m(1)}(?:\s+{y(1)})?{conn}{m(2)}(?:\s+{y(2)})?"),
        ("month", rf"{m(1)}\s+(?:of\s+)?{y(1)}"),
        ("year", rf"{y(1)}(?:{conn}{y(2)})?"),
        ("decade", r"(?P<y1>(?:1[89]|20)\d)0s"),
    ]
    return _Grammar(
        full=[(k, re.compile(p)) for k, p in pats],
        weekday=re.compile(rf"(?:(?P<mode>last|next|this|past)\s+)?(?P<wd>{wd})"),
        # "two days ago" counts from publication, "two days earlier" from the previous date
        ago=re.compile(rf"(?P<n>\d{{1,3}}|{_alt(lx.numbers)})\s+(?P<unit>day|week|month|year)s?"
                       r"\s+(?P<dir>ago|back|earlier|before|later|after)"),
        bare_month=re.compile(rf"(?P<m>{mon})"),
        unit=re.compile(r"(?P<mode>last|this|next)\s+(?P<unit>week|month|year)"),
        month_rel=re.compile(rf"(?P<mode>last|next|this)\s+(?P<m>{mon})"),
    )


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "’": "'", ",": " "})
_ABBR_DOT = re.compile(r"(?<=[a-z])\.")
_SPACES = re.compile(r"\s+")


def _normalize(text: str) -> str:
    s = text.lower().translate(_DASHES)
    s = _ORDINAL.sub(r"\1", _ABBR_DOT.sub("", s))
    s = _SPACES.sub(" ", s).strip(" '\"()[]:;")
    return _lexicon().filler_re.sub("", s).strip()


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _lexicon().numbers[word]


def _abs_from(kind: str, g: dict[str, str | None]) -> Parsed:
    lx = _lexicon()

    def i(key: str) -> int | None:
        v = g.get(key)
        return None if v is None else lx.months[v] if key[0] == "m" and not v.isdigit() else int(v)

    if kind == "decade":
        y = int(g["y1"] or 0) * 10
        return Parsed("abs", y1=y, y2=y + 9, ranged=True)
    y1, m1, d1, y2, m2, d2 = (i(k) for k in ("y1", "m1", "d1", "y2", "m2", "d2"))
    if kind == "range" and m2 is None:
        m2 = m1  # "May 7-10"
    if kind == "range" and m1 is None:
        m1 = m2  # "7-10 May"
    ranged = any(v is not None for v in (y2, m2, d2))
    return Parsed("abs", y1, m1, d1, y2, m2, d2, ranged=ranged)


def parse(text: str) -> Parsed | None:
    """Parse a time expression without anchoring it; ``None`` if it names no date."""
    if text.strip() == "may":  # lower-case "may" is the modal verb, never the month
        return None
    lx, gr = _lexicon(), _grammar()
    s = _normalize(text)
    if not s:
        return None
    for attempt in (s, lx.day_part_re.sub("", s)):  # "Tuesday night" -> "tuesday"
        if attempt in lx.days:
            return Parsed("days", n=lx.days[attempt])
        if attempt in lx.anaphors:
            return Parsed("anaphor", n=lx.anaphors[attempt])
        for kind, rx in gr.full:
            if mt := rx.fullmatch(attempt):
                return _abs_from(kind, mt.groupdict())
        if mt := gr.weekday.fullmatch(attempt):
            return Parsed("weekday", n=lx.weekdays[mt["wd"]], mode=mt["mode"] or "")
        if mt := gr.month_rel.fullmatch(attempt):
            return Parsed("month_rel", n=lx.months[mt["m"]], mode=mt["mode"])
        if (mt := gr.ago.fullmatch(attempt)) and _num(mt["n"]) > 0:
            n = _num(mt["n"])
            if mt["dir"] in ("ago", "back"):
                return Parsed("ago", n=n, unit=mt["unit"])
            if mt["unit"] in ("day", "week"):  # months/years earlier: too vague to anchor
                sign = -1 if mt["dir"] in ("earlier", "before") else 1
                return Parsed("anaphor", n=sign * n * (7 if mt["unit"] == "week" else 1))
        if mt := gr.unit.fullmatch(attempt):
            return Parsed("unit", unit=mt["unit"], mode=mt["mode"])
    if mt := gr.bare_month.fullmatch(s):
        return Parsed("abs", m1=lx.months[mt["m"]])
    return None


# ------------------------------------------------------------------------- anchoring
def _safe(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None:
        return None
    try:
        return date(y, m or 1, d or 1)
    except ValueError:
        return None


def _pick_year(m: int, d: int | None, published: date | None, context_year: int | None,
               future: bool) -> int | None:
    """The year that keeps a year-less date on the right side of publication."""
    if context_year is not None:
        return context_year
    if published is None:
        return None
    y = published.year
    # month precision compares months only: "in May" is not after a May 12 publication
    key, pub = (m, d or 0), (published.month, published.day if d is not None else 0)
    if future:
        return y + 1 if key < pub else y
    return y - 1 if key > pub else y


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def _anchor_abs(p: Parsed, published: date | None, context_year: int | None,
                future: bool) -> Resolved:
    prec = p.precision
    if p.m1 is None:  # years and decades
        return _safe(p.y1, 1, 1), _safe(p.y2, 1, 1), prec, False
    y1 = p.y1 if p.y1 is not None else p.y2  # "May 7 to May 10, 2025" shares the year
    shared = p.y1 is None and p.y2 is not None
    if y1 is None:
        y1 = _pick_year(p.m1, p.d1, published, context_year, future)
    start = _safe(y1, p.m1, p.d1)
    end: date | None = None
    if p.ranged and start is not None:
        y2 = p.y2 if p.y2 is not None else y1
        end = _safe(y2, p.m2 or p.m1, p.d2 if prec == "day" else None)
        if end is not None and end < start:  # "Dec 30 to Jan 2, 2025" crosses a year
            if shared:
                start = _safe(start.year - 1, p.m1, p.d1)
            elif p.y2 is None:
                end = _safe(end.year + 1, end.month, end.day)
    return start, end, prec, False


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _anchor_rel(p: Parsed, published: date, future: bool) -> Resolved:
    if p.kind == "days":
        return published + timedelta(days=p.n), None, "day", True
    if p.kind == "ago":
        if p.unit in ("day", "week"):
            return published - timedelta(days=p.n * (7 if p.unit == "week" else 1)), None, "day", True
        if p.unit == "month":
            return _add_months(published, -p.n), None, "month", True
        return date(published.year - p.n, 1, 1), None, "year", True
    if p.kind == "unit":
        step = {"last": -1, "this": 0, "next": 1}[p.mode]
        if p.unit == "year":
            return date(published.year + step, 1, 1), None, "year", True
        if p.unit == "month":
            return _add_months(published, step), None, "month", True
        monday = _week_start(published) + timedelta(days=7 * step)
        last = published if step == 0 and not future else monday + timedelta(days=6)
        return monday, (last if last != monday else None), "day", True
    if p.kind == "weekday":
        back = (published.weekday() - p.n) % 7  # days since the most recent such weekday
        ahead = (p.n - published.weekday()) % 7
        if p.mode in ("last", "past"):
            delta = -(back or 7)
        elif p.mode == "next":
            delta = ahead or 7
        else:
            delta = ahead if future else -back
        return published + timedelta(days=delta), None, "day", True
    # month_rel: "last May" is strictly before the publication month, "next May" after
    y = published.year
    if p.mode == "last" and p.n >= published.month:
        y -= 1
    elif p.mode == "next" and p.n <= published.month:
        y += 1
    return date(y, p.n, 1), None, "month", True


def anchor(p: Parsed, published: date | None, *, context_year: int | None = None,
           future: bool = False, previous: date | None = None) -> Resolved:
    """Turn a parsed expression into calendar dates (see the module docstring)."""
    if p.kind == "abs":
        return _anchor_abs(p, published, context_year, future)
    if p.kind == "anaphor":
        d = previous + timedelta(days=p.n) if previous is not None else None
        return d, None, "day", True
    if published is None:
        return None, None, p.precision, True
    return _anchor_rel(p, published, future)


def resolve(text: str, published: date | None, *, context_year: int | None = None,
            future: bool = False, previous: date | None = None) -> Resolved | None:
    """``(date, end_date, precision, relative)`` for one expression, or ``None``."""
    p = parse(text)
    if p is None:
        return None
    return anchor(p, published, context_year=context_year, future=future, previous=previous)


# ------------------------------------------------------------------------ candidates
@lru_cache(maxsize=1)
def _candidate_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Day-month patterns and deictic words in running text, and month/year names
    after a preposition ("in April", "since 2019": group ``x``). Months must be Title
    or UPPER case, because lower-case "may" is a modal verb."""
    lx = _lexicon()
    full = {calendar.month_name[i].lower() for i in range(1, 13)}

    def cased(words: Iterable[str]) -> str:
        return _alt({w.title() for w in words} | {w.upper() for w in words})

    # the dot belongs to abbreviations only: "in May." ends a sentence
    mon = rf"(?:(?:{cased(full)})|(?:{cased(set(lx.months) - full)})\.?)"
    wd = "|".join(sorted({k.title() for k in lx.weekdays if len(k) > 4}, key=len, reverse=True))
    day, year = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?", r"(?:19|20)\d\d"
    conn = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+)"
    md = rf"{mon}\s+{day}(?:\s*,?\s*{year})?"
    dm = rf"{day}\s+(?:of\s+)?{mon}(?:\s*,?\s*{year})?"
    mod = r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd\s+of|[Ll]ast|[Nn]ext|[Tt]his)[\s-]+)"
    rel = "|".join(re.escape(k) for k in sorted([*lx.days, *lx.anaphors], key=len, reverse=True))
    num = _alt(lx.numbers)
    alts = [
        r"\d{4}-\d{2}-\d{2}",
        rf"{md}(?:{conn}(?:{mon}\s+)?{day}(?:\s*,?\s*{year})?)?",
        rf"{day}(?:\s+{mon})?{conn}{dm}",
        dm,
        rf"{mon}\s*,?\s*{year}",
        rf"{mod}{mon}(?!\s*\d)",
        rf"(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)?(?:{wd})"
        r"(?:\s+(?:night|morning|evening|afternoon))?",
        rf"(?i:(?:the\s+)?(?:{rel}))",
        r"(?i:(?:earlier\s+|later\s+)?(?:last|this|next)\s+(?:week|month|year))",
        rf"(?i:(?:\d{{1,3}}|{num})\s+(?:day|week|month|year)s?\s+(?:ago|earlier|later))",
    ]
    prep = r"(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Oo]f)"
    # a year after a preposition but not before a lower-case word: "by 2000 troops"
    after_prep = rf"\b{prep}\s+(?P<x>{mod}?(?:{mon}(?!\s*\d)|{year}(?!\s*[a-z\d])))"
    return (re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])"),
            re.compile(rf"{after_prep}(?![\w-])"))


def _is_future(span: Span) -> bool:
    """Future when the verb governing the expression has a future auxiliary or is a
    scheduling verb; one hop up through ``xcomp`` covers "is set to meet on Tuesday"."""
    lx = _lexicon()
    tok: Token = span.root
    for _ in range(6):  # climb prep/pobj/npadvmod hops to the governing verb
        if tok.tag_.startswith(("VB", "MD")) or tok.head.i == tok.i:
            break
        tok = tok.head
    for _ in range(2):
        if tok.lemma_.lower() in lx.future_verbs:
            return True
        aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a in lx.future_aux for a in aux) and "have" not in aux:
            return True
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in lx.future_frames | lx.future_verbs:
            break
        tok = tok.head
        if tok.lemma_.lower() in lx.future_frames:
            return True
    return False


def _spurious(doc: Doc, text: str, p: Parsed, s: int, e: int,
              sent_starts: frozenset[int]) -> bool:
    """Entities the small model calls DATE that are not: the modal "May", a number
    that looks like a year ("2000 troops", "Mirage 2000")."""
    text = text.strip()
    if text.lower() == "may":
        span = doc.char_span(s, e, alignment_mode="expand")
        return span is None or span[0].tag_ == "MD" or span[0].i in sent_starts
    if p.kind == "abs" and p.m1 is None and text.isdigit():
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        tok, doc_len = span[0], len(doc)
        after = doc[tok.i + 1] if tok.i + 1 < doc_len else None
        before = doc[tok.i - 1] if tok.i > 0 else None
        if after is not None and after.tag_ == "NNS" and after.text.islower():
            return True  # "2000 troops"
        if before is not None and before.tag_ == "NNP" and tok.i - 1 not in sent_starts:
            return True  # "Mirage 2000", "Vision 2030"
    return False


_EDGE_PUNCT = " \t\n:;,-–—\"'“”‘’()[]"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Entity spans without edge punctuation ("March 18, 2025:" in a dateline)."""
    while s < e and text[s] in _EDGE_PUNCT:
        s += 1
    while e > s and text[e - 1] in _EDGE_PUNCT:
        e -= 1
    return s, e


def _candidates(doc: Doc, full: str, sent_starts: frozenset[int]
                ) -> list[tuple[int, int, Parsed]]:
    """Longest non-overlapping spans that parse, in document order."""
    spans = {_trim(full, e.start_char, e.end_char) for e in doc.ents
             if e.label_ in ("DATE", "TIME")}
    plain, after_prep = _candidate_res()
    spans |= {(m.start(), m.end()) for m in plain.finditer(full)}
    spans |= {(m.start("x"), m.end("x")) for m in after_prep.finditer(full)}
    taken: list[tuple[int, int, Parsed]] = []
    for s, e in sorted(spans, key=lambda t: (t[0] - t[1], t[0])):
        if any(s < te and ts < e for ts, te, _ in taken):
            continue
        text = full[s:e]
        p = parse(text)
        if p is None:
            continue
        if _spurious(doc, text, p, s, e, sent_starts):
            continue
        taken.append((s, e, p))
    return sorted(taken, key=lambda t: t[0])


# "In 2019, on February 14 ...": a year framed by "in"/"during" sets the year of the
# sentence; an attributive one ("the 2019 Pulwama attack ... on May 10") does not.
_YEAR_FRAME = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+$")


def _nearest_year(pos: int, years: list[tuple[int, int]], lo: int = 0,
                  hi: int | None = None) -> int | None:
    best: tuple[int, int] | None = None
    for at, y in years:
        if at < lo or (hi is not None and at >= hi):
            continue
        if best is None or abs(at - pos) < best[0]:
            best = (abs(at - pos), y)
    return best[1] if best else None


def extract_times(doc: Doc, ctx: ArticleContext) -> list[TimeExpr]:
    """All time expressions in ``doc`` resolved against ``ctx.published``."""
    # sentence bounds once: Token.sent and is_sent_start rescan the whole doc per call
    sents = [(st.start, st.start_char, st.end_char) for st in doc.sents]
    full = doc.text  # Doc.text joins every token on each access: read it once
    cands = _candidates(doc, full, frozenset(i for i, _, _ in sents))
    sent_starts = [c for _, c, _ in sents]
    # explicit years: full dates (with a month) and "in 2019" count within a sentence;
    # any year is the article-wide fallback when the publication date is unknown
    any_years = [(s, y) for s, _, p in cands if p.kind == "abs" and (y := p.y1 or p.y2)]
    has_month = {s for s, _, p in cands if p.m1 is not None}
    full_years = [(s, y) for s, y in any_years
                  if s in has_month or _YEAR_FRAME.search(full, max(0, s - 8), s)]
    out: list[TimeExpr] = []
    previous: date | None = None
    for s, e, p in cands:
        span = doc.char_span(s, e, alignment_mode="expand")
        context_year: int | None = None
        if p.kind == "abs" and p.m1 is not None and p.y1 is None and p.y2 is None:
            k = bisect_right(sent_starts, s) - 1
            context_year = _nearest_year(s, full_years, sents[k][1], sents[k][2])
            if context_year is None and ctx.published is None:
                context_year = _nearest_year(s, any_years)
        future = span is not None and _is_future(span)
        d, end, prec, rel = anchor(p, ctx.published, context_year=context_year,
                                   future=future, previous=previous)
        if d is not None and prec == "day" and end is None:
            previous = d
        out.append(TimeExpr(article_id=ctx.article_id, text=full[s:e], span=(s, e),
                            date=d, end_date=end, precision=prec, relative=rel))  # type: ignore[arg-type]
    return out


def _run(doc: Doc, ctx: ArticleContext, state: State) -> State:
    return {"times": extract_times(doc, ctx)}


STAGE = register(Stage(
    name="chronicler.timex.v1",
    requires=("doc.ents", "doc.sents", "token.dep", "token.head", "token.tag", "token.lemma"),
    assigns=("times",),
    run=_run,
    doc="Dates in the text, normalized against the publication date.",
))


def _main(argv: list[str]) -> None:
    from chronicler.config import Settings
    from chronicler.nlp.model import load_spacy

    args = [a for a in argv if not a.startswith("--published=")]
    pub = next((date.fromisoformat(a.split("=", 1)[1]) for a in argv
                if a.startswith("--published=")), None)
    nlp = load_spacy(Settings.from_env().spacy_model)
    text = " ".join(args)
    if not text:  # usage: python -m chronicler.nlp.timex [--published=YYYY-MM-DD] "text"
        text = ("India launched strikes on May 7. A ceasefire was reached on May 10 and "
                "talks began the same day; they will resume on Tuesday.")
        pub = pub or date(2025, 5, 12)
    for t in extract_times(nlp(text), ArticleContext(article_id="cli", published=pub)):
        rel = "\trelative" if t.relative else ""
        print(f"{t.span}\t{t.text!r}\t{t.date}\t{t.end_date}\t{t.precision}{rel}")


if __name__ == "__main__":
    _main(sys.argv[1:])
