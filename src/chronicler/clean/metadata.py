"""Article metadata from plain text: publication date, byline, outlet, title.

Pure functions over strings; ``chronicler.clean.article`` calls them while it builds an
``Article``. Explicit dates are found with regexes and parsed by a small month-name
parser (fast, deterministic); ``dateparser`` is only the fallback for declared
metadata strings in odd formats, and it never sees relative expressions ("2 hours
ago" would depend on today's date and break purity).

Publication date, in order of trust (``infer_published``):

1. ``metadata``   the date the source declared (feed, HTML meta, "Updated:" line).
2. ``dateline``   "Bhubaneswar, June 5, 2025:" / "NEW DELHI, May 10 (Reuters) -" at
                  the start of one of the first paragraphs.
3. ``latest-date`` the latest explicit day-precision date in the text, skipping
                  dates announced as future ("will meet on June 15"). An article is
                  written after the events it reports, so the latest reported date
                  is the best lower bound we have; it is marked inferred.
4. ``none``.

A date without a year ("May 10") takes the year of the nearest full date in the
same paragraph ("from May 7 to May 10, 2025"), else the latest year of any full
date in the text, else the latest bare year mentioned ("in 2025"); with no year
anywhere it stays undated rather than guessing the current year.
"""

from __future__ import annotations

import email.utils
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from chronicler.text.dates import MONTHS

# --------------------------------------------------------------------------- dates
# One month table for every date reader (chronicler.text.dates).
_MONTHS: dict[str, int] = MONTHS
# Title Case or UPPER CASE only: lower-case "may" is a modal verb, not a month.
_MONTH_RE = "(?:" + "|".join(
    sorted({m.title() for m in _MONTHS} | {m.upper() for m in _MONTHS}, key=len, reverse=True)
) + r")\.?"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:19|20)\d{2}"

# "May 10, 2025" / "May 10 2025" / "May 10" ; "10 May 2025" / "10th of May, 2025" / "10 May"
_MDY = rf"(?P<m1>{_MONTH_RE})\s+(?P<d1>{_DAY_RE})(?![\d:])(?:\s*,?\s*(?P<y1>{_YEAR_RE})\b)?"
_DMY = rf"(?P<d2>{_DAY_RE})\s+(?:of\s+)?(?P<m2>{_MONTH_RE})(?:\s*,?\s*(?P<y2>{_YEAR_RE})\b)?"
_ISO = r"(?P<y3>(?:19|20)\d{2})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01])"
_DATE = rf"(?:{_ISO}|{_MDY}|{_DMY})"
DATE_RE = re.compile(rf"(?<![\w-]){_DATE}(?![\w])")
_BARE_YEAR_RE = re.compile(rf"(?<![\w.,/-]){_YEAR_RE}(?![\w/-])")

# Dateline: a place (1-4 capitalised words), a comma, a date, an optional agency in
# parentheses, then ":" or a dash. Only the start of a paragraph counts.
_PLACE = r"[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,3}"
DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE})\s*,\s*(?P<date>{_DATE})\s*(?:\((?P<agency>[A-Z][\w .&-]{{1,30}})\)\s*)?[:\-–—]"
)
DATELINE_PARAGRAPHS = 3  # a dateline is the first thing in the story, not paragraph 9

# Words shortly before a date that announce it as the future: such a date is not
# evidence of when the article was written.
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|scheduled|slated|due|next|upcoming|expected|planned|plans?|"
    r"set\s+(?:to|for)|until|till|by|deadline|before|ahead\s+of|from\s+now)\b\W*(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_FUTURE_WINDOW = 40  # characters before the date that are checked for a cue

# Prefixes and time-zone words that make dateparser give up on declared strings.
_DECLARED_PREFIX = re.compile(
    r"^\W*(?:(?:last\s+)?updated|published|posted|first\s+published|date|dated|"
    r"created|modified)\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_TZ_WORDS = re.compile(
    r"\b(?:IST|PKT|BST|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|CET|CEST|EET|EEST|"
    r"JST|KST|AEST|AEDT|SGT|HKT|GST|NPT|ET|PT|CT|Z)\b\.?"
)
_AMBIGUOUS_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")
_UNIX_TS = re.compile(r"^\s*(\d{10})(?:\.\d+)?\s*$")
_DATEPARSER_SETTINGS = {
    # Absolute dates only: relative expressions ("yesterday") and timestamps depend
    # on the clock or machine time zone, which would make cleaning impure.
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: int | None  # None when the text gave only day + month


def _int_day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Explicit day-precision dates in ``text``, in order (years may be missing)."""
    out: list[DateMention] = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        y: int | None
        if g["y3"]:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        elif g["m1"]:
            mo, d = _MONTHS[g["m1"].rstrip(".").lower()], _int_day(g["d1"])
            y = int(g["y1"]) if g["y1"] else None
        else:
            mo, d = _MONTHS[g["m2"].rstrip(".").lower()], _int_day(g["d2"])
            y = int(g["y2"]) if g["y2"] else None
        if _valid(y or 2000, mo, d) is None:  # 2000 is a leap year: Feb 29 stays valid
            continue
        out.append(DateMention(m.start(), m.end(), mo, d, y))
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\n")


class _Years:
    """Resolves the year of day+month mentions; built once per text (bisect, no O(n²))."""

    def __init__(self, text: str, mentions: list[DateMention]) -> None:
        self.text = text
        full = [m for m in mentions if m.year is not None]
        self.starts = [m.start for m in full]
        self.years = [m.year for m in full if m.year is not None]
        # Only full dates lend their year: a bare year ("divided since 1958", "the 1964
        # treaty") is usually history. With none, the corpus lends a year later
        # (corpus_dates.infer_corpus_years).
        self.fallback: int | None = max(self.years, default=None)
        self.breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def year(self, mention: DateMention) -> int | None:
        if mention.year is not None:
            return mention.year
        b = bisect_left(self.breaks, mention.start)
        lo = self.breaks[b - 1] if b > 0 else 0
        hi = self.breaks[b] if b < len(self.breaks) else len(self.text)
        k = bisect_left(self.starts, mention.start)
        near = [i for i in (k - 1, k) if 0 <= i < len(self.starts) and lo <= self.starts[i] < hi]
        if near:  # nearest full date in the same paragraph
            return self.years[min(near, key=lambda i: abs(self.starts[i] - mention.start))]
        return self.fallback


def parse_declared_date(value: str | None) -> date | None:
    """A declared publication date (feed, meta tag, "Updated:" line) as a ``date``.

    Takes the calendar date as written, in the writer's time zone: "2025-05-10T23:30
    -04:00" is May 10, because that is the date readers of the outlet saw.
    """
    if not value or not value.strip():
        return None
    s = _DECLARED_PREFIX.sub("", value.strip())
    s = re.sub(r"\s+", " ", s).strip(" ,|")
    if not s:
        return None
    if ts := _UNIX_TS.match(s):
        return datetime.fromtimestamp(int(ts.group(1)), tz=UTC).date()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()  # RFC 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    s = _TZ_WORDS.sub("", s).strip(" ,|")
    for m in find_dates(s):
        if m.year is not None:
            return date(m.year, m.month, m.day)
    amb = _AMBIGUOUS_NUMERIC.match(s)
    if amb and int(amb.group(1)) <= 12 and int(amb.group(2)) <= 12 and amb.group(1) != amb.group(2):
        return None  # 05/10/2025: May 10 or 5 October? A wrong date is worse than none.
    import dateparser  # slow to import; most declared dates never get this far

    parsed = dateparser.parse(s, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def find_dateline(text: str) -> tuple[date, bool] | None:
    """(date, year_stated) of a dateline starting one of the first paragraphs."""
    for p in [p.strip() for p in text.split("\n\n") if p.strip()][:DATELINE_PARAGRAPHS]:
        m = DATELINE_RE.match(p)
        found = find_dates(m.group("date")) if m else []
        if m is None or not found:
            continue
        dm = found[0]
        year = dm.year
        if year is None:
            # Year missing ("NEW DELHI, May 10 (Reuters) -"): borrow the latest year of a
            # full date in the text. A bare year ("the 1964 treaty") is history, not the
            # dateline's year; with no full date the corpus lends one later
            # (corpus_dates), which beats guessing here.
            full = [x.year for x in find_dates(text) if x.year is not None]
            year = max(full) if full else None
        d = _valid(year, dm.month, dm.day) if year is not None else None
        if d is not None:
            return d, dm.year is not None
    return None


def _is_future(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - _FUTURE_WINDOW) : mention.start]
    # only the current sentence counts: "He left on May 9. Talks will resume" is past
    before = re.split(r"[.!?;]\s", before)[-1]
    return bool(_FUTURE_CUE.search(before))


def latest_date(text: str) -> date | None:
    """Latest explicit date in ``text`` that is not announced as future."""
    mentions = find_dates(text)
    years = _Years(text, mentions)
    best: date | None = None
    for m in mentions:
        if _is_future(text, m):
            continue
        y = years.year(m)
        d = _valid(y, m.month, m.day) if y is not None else None
        if d is not None and (best is None or d > best):
            best = d
    return best


def latest_partial_date(text: str) -> tuple[int, int] | None:
    """(month, day) of the latest year-less, not-future date, when the text gives no
    year at all; the corpus then lends the year (see ``dates.infer_corpus_years``)."""
    mentions = find_dates(text)
    if any(m.year is not None for m in mentions):
        return None
    best: tuple[int, int] | None = None
    for m in mentions:
        if _is_future(text, m):
            continue
        if best is None or (m.month, m.day) > best:
            best = (m.month, m.day)
    return best


def infer_published(text: str, declared: str | None) -> tuple[date | None, bool, str]:
    """(published, inferred, source) where source is metadata|dateline|latest-date|none.

    ``inferred`` is False for a declared date and for a dateline that states its
    year; a dateline whose year had to be borrowed from the text is inferred.
    """
    d = parse_declared_date(declared)
    if d is not None:
        return d, False, "metadata"
    if (dl := find_dateline(text)) is not None:
        return dl[0], not dl[1], "dateline"
    d = latest_date(text)
    if d is not None:
        return d, True, "latest-date"
    return None, False, "none"


# A line that is only a date or a date announcement ("Updated: Mar 2, 2025 12:00 IST").
_DATE_LINE_PREFIX = re.compile(
    r"^\W*(?:(?:last\s+)?updated|published|posted|first\s+published)\b", re.IGNORECASE
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_ONLY_DATE_LINE = re.compile(
    rf"^\W*(?:{_WEEKDAY}\s+)?{_DATE}\s*,?\s*(?:(?:at\s+)?{_TIME}\s*)?"
    rf"(?:\(?[A-Z]{{2,5}}\)?|[+-]\d{{2}}:?\d{{2}})?\s*$"
)


def is_date_line(line: str) -> bool:
    """A header/footer line that only states a date (it is metadata, not text)."""
    if len(line) > 120:
        return False
    if _DATE_LINE_PREFIX.match(line):
        return parse_declared_date(line) is not None
    return bool(_ONLY_DATE_LINE.match(line))


# -------------------------------------------------------------------------- bylines
_BYLINE_RE = re.compile(r"^(?:written\s+|reported\s+)?by\s*:?\s+(?P<body>\S.*)$", re.IGNORECASE)
_CREDIT_RE = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced)\s+by\s+(?P<body>.+?)\)?\.?$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}[a-zA-Z'’\-]*)$")
_NAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "bin", "bint", "al", "el", "ul", "la", "le", "du", "di"}
# Desk credits: a byline, but no person. "By Staff Reporter", "By Web Desk", "By AFP".
_DESK_WORDS = {
    "staff", "reporter", "reporters", "correspondent", "correspondents", "desk", "bureau",
    "team", "editor", "editors", "editorial", "agency", "agencies", "news", "service",
    "wire", "online", "web", "digital", "our", "special", "senior", "writer", "contributor",
    "reuters", "afp", "ap", "pti", "ians", "ani", "tass", "xinhua", "app", "bloomberg",
}
_NOT_NAME_START = {
    "the", "a", "an", "this", "that", "then", "now", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "early", "late", "mid", "end", *_MONTHS,
}
_ROLE_SPLIT = re.compile(r"\s*(?:\||·|•|—|–|;|\s-\s)\s*")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _as_name(part: str) -> str | None:
    toks = part.split()
    if not 2 <= len(toks) <= 5 or toks[0].lower().strip(".") in _NOT_NAME_START:
        return None
    if any(t.lower().strip(".") in _DESK_WORDS for t in toks):
        return None
    for t in toks:
        if t.lower() not in _NAME_PARTICLES and not _NAME_TOKEN.match(t):
            return None
    if not _NAME_TOKEN.match(toks[-1]):
        return None
    name = " ".join(toks)
    return name.title() if name.isupper() else name


def _is_desk(part: str) -> bool:
    toks = [t.lower().strip(".,") for t in part.split()]
    return 1 <= len(toks) <= 4 and any(t in _DESK_WORDS for t in toks) and part[:1].isupper()


def parse_byline(line: str) -> tuple[bool, str | None]:
    """(is_byline, author). A desk credit is a byline without an author.

    "By Jane Doe, Staff Reporter" -> (True, "Jane Doe"); "By Jane Doe and John Roe"
    -> (True, "Jane Doe, John Roe"); "By the end of May" -> (False, None).
    """
    if len(line.split()) > 16:
        return False, None
    m = _BYLINE_RE.match(line) or _CREDIT_RE.match(line)
    if not m:
        return False, None
    body = _ROLE_SPLIT.split(m.group("body").strip().rstrip("."))[0]
    names: list[str] = []
    for part in _NAME_SPLIT.split(body):
        if not part:
            continue
        name = _as_name(part)
        if name:
            names.append(name)
        elif names or _is_desk(part):
            break  # a role or desk after the names ("Jane Doe, Staff Reporter")
        else:
            return False, None
    if not names:
        return (_is_desk(body), None)
    return True, ", ".join(names)


# --------------------------------------------------------------------------- outlet
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_IP_HOST = re.compile(r"^[\d.]+$|:")


def outlet_from_url(url: str | None) -> str | None:
    """"https://www.dawn.com/news/1" -> "dawn.com". None for IPs and non-URLs."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host or _IP_HOST.search(host):
        return None
    host = host.lower().rstrip(".")
    for p in _HOST_PREFIXES:
        if host.startswith(p) and host.count(".") > 1:
            host = host[len(p):]
            break
    return host


_PUB_TOKEN = r"(?:[A-Z][\w&'’\-]*(?:\.[A-Za-z]{2,})*)"
_PUB_NAME = rf"(?:The\s+)?{_PUB_TOKEN}(?:\s+(?:of\s+)?{_PUB_TOKEN}){{0,4}}"
_OUTLET_PATTERNS = [
    re.compile(rf"(?<![\w.])(?P<name>{_PUB_NAME})\s+(?:reports|reported)\b"),
    re.compile(rf"\b(?:reported|reports)\s+(?:by\s+)?(?P<name>{_PUB_NAME})"),
    re.compile(rf"\baccording\s+to\s+(?P<name>{_PUB_NAME})"),
]
# A name only counts as an outlet when it looks like a publication.
_PUBLICATION_WORDS = re.compile(
    r"\b(?:Times|Post|News|Herald|Tribune|Express|Journal|Chronicle|Gazette|Telegraph|"
    r"Guardian|Hindu|Dawn|Standard|Observer|Mail|Daily|Weekly|Review|Wire|Press|Reuters|"
    r"AFP|Agency|TV|Television|Radio|Broadcasting|Mirror|Nation|Independent|Monitor|"
    r"Bulletin|Insider|Outlook|Statesman|Mint|Magazine|Bloomberg|Xinhua|TASS|Jazeera|BBC|"
    r"CNN|NDTV|PTI|IANS|ANI|Kyodo|Yonhap|Anadolu|Economist|Caliber)\b"
)
# "News reports", "State TV reported", "Pakistani media": generic words, no masthead.
_GENERIC_OUTLET_WORDS = frozenset(
    "the of news press media tv television radio agency agencies wire service daily weekly "
    "state local national official government public foreign international western "
    "regional social online newspaper channel".split()
)
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|i)$")
_DOMAIN_LIKE = re.compile(r"\.[A-Za-z]{2,}$")
_LEADING_NOISE = {"in", "on", "at", "as", "but", "and", "meanwhile", "earlier", "today",
                  "now", "also", "then", "so", "yet", "while", "when", "after"}
OUTLET_PARAGRAPHS = 3  # attribution counts only near the top
_MIN_PARAGRAPH_WORDS = 12


def _publication_name(name: str) -> str | None:
    toks = name.split()
    if "The" in toks[1:]:  # "New Delhi The Hindu" -> "The Hindu"
        toks = toks[len(toks) - 1 - toks[::-1].index("The") :]
    while toks and toks[0].lower() in _LEADING_NOISE:
        toks = toks[1:]
    if not toks or (toks[0] == "The" and len(toks) == 1):
        return None
    name = " ".join(toks)
    if name.endswith(("'s", "’s")):
        return None  # "Russia's state-run ..." names a country, not the outlet
    if _DOMAIN_LIKE.search(toks[-1]):
        return name
    if all(t.lower() in _GENERIC_OUTLET_WORDS or _DEMONYM.search(t) for t in toks):
        return None
    return name if _PUBLICATION_WORDS.search(name) else None


def dateline_agency(text: str) -> str | None:
    """The wire agency a dateline credits: "VARSK, March 11 (CPA) —" gives "CPA"."""
    for p in [p.strip() for p in text.split("\n\n") if p.strip()][:DATELINE_PARAGRAPHS]:
        m = DATELINE_RE.match(p)
        if m and m.group("agency"):
            return m.group("agency").strip()
    return None


def outlet_from_text(text: str) -> str | None:
    """An outlet named by in-text attribution near the top ("The Hindu reports").

    Conservative: only publication-like names, only the first paragraphs, and no
    answer when two different names are found.
    """
    paras = [p for p in text.split("\n\n") if len(p.split()) >= _MIN_PARAGRAPH_WORDS]
    found: set[str] = set()
    for p in paras[:OUTLET_PARAGRAPHS]:
        for pat in _OUTLET_PATTERNS:
            for m in pat.finditer(p):
                name = _publication_name(m.group("name"))
                if name:
                    found.add(name)
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------------------- title
MAX_TITLE_WORDS = 25
_DERIVED_TITLE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|No|Jr|Sr|U\.S|U\.K|U\.N)\.[\"”’']?\s+$")


def looks_like_title(line: str) -> bool:
    """A headline: short, has words, and is not a sentence ending in a period."""
    words = line.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or len(line) > 250:
        return False
    if not re.search(r"[^\W\d_]{2}", line):
        return False
    return not line.rstrip("\"”’' ").endswith((".", ",", ";", ":"))


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence; "Dr." or "U.S." do not end it."""
    for m in _SENTENCE_END.finditer(paragraph):
        if not _ABBREVIATION.search(paragraph[: m.end()]):
            return paragraph[: m.start() + 1].strip()
    return paragraph.strip()


def derive_title(first_paragraph: str) -> str | None:
    """A title made from the first sentence, for texts that come without one."""
    sentence = first_sentence(first_paragraph)
    words = sentence.split()
    if len(words) < 2:
        return None
    if len(words) <= _DERIVED_TITLE_WORDS + 3:
        return sentence.rstrip(" .")
    return " ".join(words[:_DERIVED_TITLE_WORDS]).rstrip(",;:") + " …"
