"""Counts: numbers with what they count ("killed 26 civilians" -> 26, civilians, kill).

The stage walks the parsed doc once. A run of number tokens ("1.5 to 1.7 billion",
"two hundred and fifty", "a dozen") becomes one value; the run's syntactic root says
what is counted:

* ``nummod`` (or compound/nmod/amod) of a noun to its right: the object is that noun
  with its modifiers ("six fighter jets" -> "fighter jets"; "nine radar and military
  installations" climbs to the outer noun).
* the number is itself the noun phrase: "dozens of people" -> the ``of`` object;
  a bare subject or object of a casualty verb ("26 were killed", "killed 26") counts
  ``people``; anything else ("it takes two to tango") is not a count.

``verb`` is the lemma of the nearest governing verb, or of a nominalization on the
way up ("the destruction of six jets" -> destroy, "strikes on nine camps" -> strike);
"including" is looked through.

Choices (documented because several are judgement calls):

* precision from the words right before the number: over ("over", "more than", "at
  least"), about ("nearly", "around", "some"), under ("fewer than", "up to");
  otherwise exact. A range ("1.5 to 1.7 billion") is its lower bound with precision
  ``over``; plural multipliers ("dozens of", "hundreds of") are two of the unit
  (24, 200) with precision ``over``; "a dozen" is 12, exact.
* not counts: numbers inside DATE/TIME/ORDINAL/PERCENT entities or inside names
  (PRODUCT, LAW, ORG, ... entities, and any number to the right of its noun:
  "Resolution 1172", "Mirage 2000"), ordinals ("first", "10th"), times ("12:00"),
  phone-like digit strings, durations and ages (the counted noun is a time unit:
  "48 hours", "30 years"), percentages (a share is not a count of things), and the
  articles "a"/"an" ("a C-130 transport aircraft" is not counted).
* money is kept with the currency as object ("$5 million" -> 5e6, "$").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Count

__all__ = ["STAGE", "extract_counts", "parse_number"]

_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "LAW", "FAC", "EVENT",
                        "WORK_OF_ART", "NORP", "LANGUAGE"})
_NOT_COUNT_ENTS = frozenset({"ORDINAL", "PERCENT"}) | _NAME_ENTS  # DATE/TIME: _date_part
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or", "and"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
_PHONE = re.compile(r"^\+|^\d{7,}$|^0\d{3,}")  # "+91", "9876543210", "0300..."
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_SUBJ_OBJ = frozenset({"nsubj", "nsubjpass", "dobj"})
_NOUN_DEPS = frozenset({"nummod", "compound", "nmod", "amod", "quantmod", "appos"})


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    multipliers: dict[str, int]
    plurals: dict[str, int]
    cue_re: re.Pattern[str]
    cues: dict[str, str]
    casualty_verbs: frozenset[str]
    casualty_adjectives: dict[str, str]
    default_object: str
    nominalizations: dict[str, str]
    transparent: frozenset[str]
    time_units: frozenset[str]
    date_words: frozenset[str]
    percent: frozenset[str]
    currencies: dict[str, str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("chronicler").joinpath("data/counts/lexicon.json").read_text("utf-8"))
    cues: dict[str, str] = raw["precision"]
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return _Lexicon(
        units=raw["units"], multipliers=raw["multipliers"], plurals=raw["plurals"],
        cue_re=re.compile(rf"(?:^|[^\w-])(?P<cue>{alt})\s+$"), cues=cues,
        casualty_verbs=frozenset(raw["casualty_verbs"]),
        casualty_adjectives=raw["casualty_adjectives"], default_object=raw["default_object"],
        nominalizations=raw["nominalizations"],
        transparent=frozenset(raw["transparent_verbs"]),
        time_units=frozenset(raw["time_units"]), date_words=frozenset(raw["date_words"]),
        percent=frozenset(raw["percent_words"]),
        currencies=raw["currencies"],
    )


# ----------------------------------------------------------------------- values
def _is_number_word(w: str) -> bool:
    lx = _lexicon()
    return w in lx.units or w in lx.multipliers or w in lx.plurals


def _is_numeric(tok: Token) -> bool:
    # word numbers come only from the lexicon and digits must be plain digits, so
    # ordinals ("first", "10th"), which spaCy also calls like_num, never qualify
    w = tok.lower_
    return _is_number_word(w) or bool(tok.like_num and _DIGITS.match(w))


def _part_value(words: list[str]) -> tuple[float, float, bool] | None:
    """(value, multiplier, plural) of one side of a range: ["1.7", "billion"] ->
    (1.7e9, 1e9, False); None when a word is not a number."""
    lx = _lexicon()
    total, cur, scale, plural = 0.0, 0.0, 1.0, False
    for w in words:
        if w in ("and", "-"):
            continue
        if w in ("a", "an"):
            cur = cur or 1.0
        elif _DIGITS.match(w):
            cur += float(w.replace(",", ""))
        elif w in lx.units:
            cur += lx.units[w]
        elif w in lx.plurals:
            cur, scale, plural = (cur or 1.0) * 2 * lx.plurals[w], lx.plurals[w], True
        elif w in lx.multipliers:
            m = scale = lx.multipliers[w]
            if m >= 1000:
                total, cur = total + (cur or 1.0) * m, 0.0
            else:
                cur = (cur or 1.0) * m
        else:
            return None
    return total + cur, scale, plural


def parse_number(words: list[str]) -> tuple[float, str] | None:
    """Value and precision of a number run given as lower-case words:
    ["1.5", "to", "1.7", "billion"] -> (1.5e9, "over"); ["a", "dozen"] -> (12, "exact")."""
    lx = _lexicon()
    parts: list[list[str]] = [[]]
    for k, w in enumerate(words):
        prev, nxt = words[k - 1] if k else "", words[k + 1] if k + 1 < len(words) else ""
        if w == "-" and prev in _TENS and lx.units.get(nxt, 99) < 10:
            joined = True  # "twenty-six"
        elif w == "and":
            joined = prev in lx.multipliers and nxt in lx.units  # "two hundred and fifty"
        else:
            joined = w not in _RANGE_WORDS  # "20 and 30", "two or three": a range
        if joined:
            parts[-1].append(w)
        else:
            parts.append([])
    vals = [_part_value(p) if p else None for p in parts]
    if any(v is None for v in vals):
        return None
    (first, first_scale, plural), (_, last_scale, _) = vals[0], vals[-1]  # type: ignore[misc]
    if first_scale == 1.0 and last_scale > 1.0:
        first *= last_scale  # "1.5 to 1.7 billion": the multiplier scales both ends
    return first, "over" if plural or len(vals) > 1 else "exact"


# --------------------------------------------------------------------- structure
def _runs(doc: Doc) -> list[Span]:
    """Maximal runs of number tokens, with connectors between numbers ("1.5 to 1.7
    billion", "two hundred and fifty") and a leading "a" before a multiplier."""
    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if not _is_numeric(doc[i]):
            i += 1
            continue
        start, j = i, i
        while True:
            if j + 1 < n and _is_numeric(doc[j + 1]):
                j += 1
            elif (j + 2 < n and doc[j + 1].lower_ in _RANGE_WORDS
                  and _is_numeric(doc[j + 2])):
                j += 2
            else:
                break
        if start > 0 and doc[start - 1].lower_ in ("a", "an") and (
                doc[start].lower_ in _lexicon().multipliers or doc[start].lower_ == "dozen"):
            start -= 1
        out.append(doc[start:j + 1])
        i = j + 1
    return out


def _date_part(tok: Token) -> bool:
    """A number that is part of a date, a clock time or a duration. Judged from its
    neighbours rather than the entity label: the small model tags "10 UCAVs" TIME and
    "the same day 3 drones" as one DATE."""
    lx = _lexicon()
    doc = tok.doc
    if ":" in tok.text or (_YEARISH.match(tok.text) and tok.ent_type_ == "DATE"):
        return True
    for j in (tok.i - 2, tok.i - 1, tok.i + 1, tok.i + 2):
        if not 0 <= j < len(doc) or (abs(j - tok.i) == 2 and doc[(j + tok.i) // 2].text
                                     not in (",", "of", "-", "–")):
            continue  # two tokens away only across "May 10, 2025" / "10th of May"
        w = doc[j]
        if j == tok.i + 1 and w.lower_ in lx.time_units:
            return True  # "48 hours", "5 pm"
        if w.lower_ in lx.date_words and (w.lower_ != "may" or w.text[0].isupper()):
            return True  # "May 10", "10 May", "June 5, 2025", lower-case "may" is a verb
    return False


def _excluded(run: Span) -> bool:
    for k, t in enumerate(run):
        if _date_part(t):
            return True
        if t.ent_type_ in _NOT_COUNT_ENTS or "/" in t.text:
            return True
        if _PHONE.match(t.text):
            return True
        if k and t.text[0].isdigit() and run[k - 1].text[0].isdigit():
            return True  # "98765 43210": juxtaposed digit groups are an identifier
    nxt = run.doc[run.end] if run.end < len(run.doc) else None
    if nxt is not None and (nxt.lower_ in _lexicon().percent or nxt.text == "-"):
        return True  # "10 percent", "26-year-old", "F-16"-like glued names
    prev = run.doc[run.start - 1] if run.start > 0 else None
    return prev is not None and (prev.text in ("-", "#", "No.", "no.") or prev.text[:1] == "+")


def _noun_phrase(head: Token, after: int) -> Span:
    """The counted noun with its modifiers, from just after the number to the head."""
    doc = head.doc
    start = max(after, head.left_edge.i)
    while start < head.i and doc[start].dep_ in ("det", "predet", "punct", "quantmod"):
        start += 1
    return doc[start:head.i + 1]


def _shared_conj(head: Token) -> Token | None:
    """"nine radar and military installations": a singular noun used as a modifier,
    then "and", at most two adjectives/nouns and a plural noun share the number. Kept
    this narrow because the small parser also joins "two countries and expel ...
    attaches" this way."""
    doc = head.doc
    nxt = head.i + 1
    if (head.tag_ != "NN" or nxt >= len(doc) or doc[nxt].dep_ != "cc"
            or doc[nxt].head.i != head.i):
        return None
    for c in head.rights:
        if (c.dep_ == "conj" and c.tag_ == "NNS" and c.left_edge.i == nxt + 1
                and c.i - nxt <= 3
                and all(t.dep_ in ("amod", "compound") and t.tag_.startswith(("JJ", "NN"))
                        for t in doc[nxt + 1:c.i])):
            return c
    return None


def _verb(tok: Token) -> str | None:
    lx = _lexicon()
    # spaCy makes a new Token object per access: compare positions, never identity
    for a in list(tok.ancestors)[:8]:
        if a.tag_.startswith("VB") and a.lemma_.lower() not in lx.transparent:
            return a.lemma_.lower()
        if nom := lx.nominalizations.get(a.lower_):
            return nom
    return None


@dataclass(frozen=True)
class _Obj:
    text: str  # what is counted
    verb: str | None
    start: int  # chars of the counted phrase (number and object)
    end: int


def _object(run: Span) -> _Obj | None:
    lx = _lexicon()
    r = run.root
    doc = run.doc
    s, e = run.start_char, run.end_char
    prev = doc[run.start - 1] if run.start > 0 else None
    if prev is not None and prev.lower_ in lx.currencies:  # "$5 million", "Rs 500 crore"
        return _Obj(lx.currencies[prev.lower_], _verb(r), prev.idx, e)
    head = r.head
    if r.dep_ in _NOUN_DEPS and head.i >= run.end and head.tag_.startswith("NN"):
        while (head.dep_ in ("compound", "nmod") and head.head.i > head.i
               and head.head.tag_.startswith("NN")):
            head = head.head  # "nine radar and military installations" (parsed as nmod)
        if head.lower_ in lx.time_units or head.lower_ in lx.percent:
            return None
        if head.lower_ in lx.currencies:
            return _Obj(lx.currencies[head.lower_], _verb(head), s, head.idx + len(head))
        np = _noun_phrase(head, run.end)
        end = _shared_conj(head)
        if end is not None:  # "nine radar and military installations" (parsed as conj)
            np = doc[np.start:end.i + 1]
        return _Obj(np.text, _verb(head), s, np.end_char)
    if r.dep_ in _NOUN_DEPS and head.i >= run.end and head.lower_ in lx.casualty_adjectives:
        # "26 dead": the adjective is the event, whatever verb governs the phrase
        return _Obj(lx.default_object, lx.casualty_adjectives[head.lower_], s,
                    head.idx + len(head))
    if r.dep_ in ("nummod", "compound", "quantmod"):
        return None  # number right of its noun ("Resolution 1172") or odd attachment
    casualty = r.dep_ in _SUBJ_OBJ and head.lemma_.lower() in lx.casualty_verbs
    for c in r.rights:
        # "dozens of people", "26 of the tourists"; "one of the ..." only as a casualty,
        # because "one of the worst crises" counts nothing
        if c.dep_ == "prep" and c.lower_ == "of" and (casualty or r.lower_ != "one"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.tag_.startswith("NN"):
                if pobj.lower_ in lx.time_units or pobj.lower_ in lx.percent:
                    return None
                np = _noun_phrase(pobj, c.i + 1)
                return _Obj(np.text, _verb(r), s, np.end_char)  # "dozens of people"
    if casualty:
        return _Obj(lx.default_object, head.lemma_.lower(), s, e)  # "26 were killed"
    return None


def _precision_cue(text: str, start_char: int) -> tuple[str, int] | None:
    lx = _lexicon()
    window = text[max(0, start_char - 24):start_char].lower()
    m = lx.cue_re.search(window)
    if m is None:
        return None
    return lx.cues[m["cue"]], start_char - (len(window) - m.start("cue"))


def extract_counts(doc: Doc, ctx: ArticleContext) -> list[Count]:
    """Every counted thing in ``doc`` (see the module docstring for what is skipped)."""
    out: list[Count] = []
    full = doc.text  # Doc.text joins every token on each access: read it once
    for run in _runs(doc):
        if _excluded(run):
            continue
        words = [t.lower_ for t in run]
        if words in (["a"], ["an"]):
            continue
        parsed = parse_number(words)
        if parsed is None:
            continue
        value, precision = parsed
        obj = _object(run)
        if obj is None:
            continue
        start = obj.start
        cue = _precision_cue(full, start)
        if cue is not None:  # an explicit cue ("nearly 1.5 to 1.7 billion") wins
            precision, start = cue
        out.append(Count(
            article_id=ctx.article_id, text=full[start:obj.end], span=(start, obj.end),
            number=value, object=obj.text, verb=obj.verb,
            precision=precision,  # type: ignore[arg-type]
        ))
    return out


def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    return {"counts": extract_counts(doc, ctx)}


STAGE = Stage(
    name="chronicler.counts.v1",
    requires=("token.dep", "token.head", "token.like_num", "token.tag", "token.lemma",
              "token.ent_type"),
    assigns=("counts",),
    run=_run,
    doc="Numbers with the thing they count, the governing verb and a precision.",
)
