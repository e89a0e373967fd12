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
import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import TimeExpr
from chronicler.text.dates import (
    Parsed,
    Resolved,
    _alt,
    _lexicon,
    anchor,
    parse,
    resolve,
)

__all__ = ["Resolved", "extract_times", "parse", "resolve", "STAGE"]


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


def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    return {"times": extract_times(doc, ctx)}


STAGE = Stage(
    name="chronicler.timex.v1",
    requires=("doc.ents", "doc.sents", "token.dep", "token.head", "token.tag", "token.lemma"),
    assigns=("times",),
    run=_run,
    doc="Dates in the text, normalized against the publication date.",
)
