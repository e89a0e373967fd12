"""The one date grammar: date expressions in words -> calendar dates with a precision.

``parse(text)`` reads one expression ("May 10", "10th of May, 2025", "last month", "two
weeks ago", "the same day") into a :class:`Parsed`; ``anchor`` places it in the calendar
against a publication date (and a year already established in the text); ``resolve``
does both. Month and weekday names, number words and fillers come from
``data/timex/lexicon.json``; ``MONTHS`` is the month table every date reader shares
(the metadata reader's explicit-date patterns are built from it too). The timex stage
(:mod:`chronicler.nlp.timex`) finds the expressions in a parsed article and calls
these; the rules are in its docstring. Pure functions, no spaCy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

Resolved = tuple[date | None, date | None, str, bool]


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


MONTHS: dict[str, int] = dict(_lexicon().months)
