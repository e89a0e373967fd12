"""Resolution for the actors stage: candidates -> clusters (one per actor of the
article) and drafts (one per mention), then title and pronoun coreference.

Rules and their order are described in ``actors`` (overview) and ``coref``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from chronicler.nlp.actors.coref import (
    Cluster,
    Draft,
    find_title_phrases,
    match_person,
    name_words,
    resolve_pronouns,
    title_matches,
)
from chronicler.nlp.actors.dictionary import CONTEXT, Entry, norm, ruler_label
from chronicler.nlp.actors.phoenix_lookup import phoenix_name
from chronicler.nlp.actors.regions import party_region
from chronicler.nlp.actors.spans import ArticleView, Cand, locative, placey
from chronicler.nlp.actors.titles import (
    MODIFIERS,
    TitleInfo,
    head_sector,
    left_title,
    right_title,
)

# Unknown organisations of these sectors belong to a state: no country named -> the
# article's main country ("the Ministry of Water Resources").
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM"})
# an organisation named as international ("International ...", "World ...", "... International")
INTERNATIONAL_FIRST = frozenset({"international", "world", "global", "intergovernmental"})
# the words of a region of several countries that make a body named by them no one
# state's ("the African Commission on Human Rights", "the Association of African
# Jurists"); not when a people of one country follows ("the Arab American Institute")
REGIONAL = frozenset({"african", "arab", "asian", "european", "islamic", "inter-american",
                      "pan-african", "pan-arab", "caribbean", "nordic", "andean", "eurasian"})
# named by a region, a council or a union is one of its states ("the European Council",
# "the Nordic Council"); named "world" or "international", as often a private one
REGIONAL_IGO_WORDS = frozenset({"council", "union", "community", "league", "parliament",
                                "assembly", "conference"})
# the words that make a private international body one (NGO): not a company's name
NGO_WORDS = frozenset({"association", "federation", "society", "foundation", "committee",
                       "council", "league", "network", "alliance", "institute", "movement",
                       "watch", "centre", "center", "union", "forum", "coalition"})
# the words that make such a body one of governments (IGO) rather than a private one (NGO)
# ("council", "union", "committee", "federation": as often private bodies, "the World
# Council of Churches", "the International Committee of the Red Cross")
IGO_WORDS = frozenset({"organization", "organisation", "office", "agency", "fund", "bank",
                       "court", "tribunal", "programme", "program", "commission",
                       "authority"})


class Resolver:
    """Turns candidates into drafts and clusters for one article."""

    def __init__(self, v: ArticleView, day: date | None = None) -> None:
        self.v = v
        self.day = day  # the article's date: whom a bare title names on it
        self.clusters: dict[str, Cluster] = {}
        self.drafts: list[Draft] = []
        self.recency: dict[str, int] = {}
        self.title_tokens: set[int] = set()
        self.consumed: set[int] = set()
        self.chain: set[int] = set()  # tokens of title chains and appositives
        # Multi-word names of the article, for a surname met before its full name.
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
            ss, se = v.sent_bounds[v.sent_of[c.start]]
            home = party_region(v.doc, c.end, v.text) or self.party_apposition(c.end, se) or \
                self.of_country(c.start, c.end, se)
            if home is not None:  # "Sen. X (R-Tenn.)", "X of Kentucky", "X, a Democrat"
                c.titles.append(TitleInfo(country=home))
            for info in (left_title(v.doc, c.start, ss, v.ent_at, v.person_at, v.tok_country,
                                    v.tok_sector, v.d),
                         right_title(v.doc, c.end, se, v.ent_at, v.person_at, v.tok_country,
                                     v.tok_sector, v.d)):
                if info is not None:
                    if info.country is None:  # "U.N. envoy X", "NATO Secretary-General
                        # X": an international body's official is the body's, whatever
                        # his nationality (Phoenix: IGO); "Pakistan's U.N. envoy" stays PAK
                        info.country = next((v.tok_intl[i] for i in sorted(info.chain)
                                             if i in v.tok_intl), None)
                    c.titles.append(info)
                    self.title_tokens |= info.title_tokens
                    self.consumed |= info.consumed
                    self.chain |= info.chain

    def of_country(self, start: int, end: int, sent_end: int) -> str | None:
        """"King Mswati of Swaziland": the country right after a name and "of" (the
        small model's name may end with the "of": "Abdullah of | Saudi Arabia")."""
        doc = self.v.doc
        at = end + 1 if end + 1 < sent_end and doc[end].lower_ == "of" else (
            end if end > start + 1 and doc[end - 1].lower_ == "of" else None)
        return None if at is None else self.v.tok_country.get(at)

    def party_apposition(self, end: int, sent_end: int) -> str | None:
        """", the top Democrat on ...", ", the Iowa Republican": an appositive that opens
        with a known party's word gives the party's country."""
        doc, v = self.v.doc, self.v
        if end >= sent_end or doc[end].text != ",":
            return None
        for k in range(end + 1, min(end + 6, sent_end)):
            t = doc[k]
            code = v.tok_country.get(k)
            if code and v.d.party_words.get(t.lower_) == code:
                return code
            if not (t.pos_ in ("DET", "ADJ", "ADV") or t.lower_ in MODIFIERS or code):
                return None  # (a place may come first: ", the Iowa Republican")
        return None

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
            words = name_words(doc[c.start:c.end].text)
            person = match_person(words, self.clusters.values(), self.recency)
            if person is not None and words[-1] == person.surname:
                self.person_mention(c, person, words)  # "Qadri" tagged ORG after "Anwar Qadri"
            elif not placey(doc, c):
                self.resolve_org(c)
        elif c.label == "NORP" and not self.name_part(c):
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
        label = ruler_label(e.type, e.sector) if e.type != "COUNTRY" else c.label
        self.add(c.start, c.end, cl, label, headline=c.headline)

    def resolve_country(self, c: Cand) -> None:
        doc = self.v.doc
        if c.kind == "capital" and locative(doc, c.start, c.end):
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

    def name_part(self, c: Cand) -> bool:
        """An unknown NORP that is part of a longer name or goes with a place or
        document noun ("Serrin Waters Treaty", "the Serrin river"): no actor."""
        doc, d = self.v.doc, self.v.d
        nxt = doc[c.end] if c.end < len(doc) else None
        if nxt is None:
            return False
        if nxt.text[:1].isupper() and not nxt.ent_type_ and nxt.is_alpha:
            return True
        return nxt.lower_ in d.sector_words and d.sector_words[nxt.lower_] is None

    def resolve_person(self, c: Cand) -> None:
        doc = self.v.doc
        start = c.start
        if not c.titles and placey(doc, c):
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
        start = c.start
        name_text = doc[start:c.end].text
        if cl.entry is None and len(words) > len(name_words(cl.name)):
            cl.name = name_text
        cl.tokens |= set(words)
        titles: list[str] = []
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
        cl.titles |= set(titles)
        full = cl.entry.name if cl.entry else cl.name
        label = "SURNAME" if len(words) == 1 and len(name_words(full)) > 1 else "PERSON"
        self.add(start, c.end, cl, label, headline=c.headline)

    def resolve_org(self, c: Cand) -> None:
        v, doc, d = self.v, self.v.doc, self.v.d
        toks = list(doc[c.start:c.end])
        if len(toks) == 1 and toks[0].lower_.rstrip(".") in d.title_vocab:
            return  # "DGMO", "State" (of "Secretary of State"): a title, no actor
        key = tuple(t.lower_.rstrip(".") for t in toks if t.text not in ("-", "."))
        if any(t[-len(key):] == key for t in d.titles):
            return  # "General of Military Operations" (of "Director General of ...")
        organ = [e for e in d.lookup("UN " + doc[c.start:c.end].text) if e.type == "ORG"]
        if organ and any(e.country == organ[0].country for x in v.cands if x.kind == "entry"
                         for e in x.entries):
            # "the General Assembly" in a story that names the United Nations
            self.resolve_entry(Cand(c.start, c.end, c.label, kind="entry", entries=organ))
            return
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
        text = doc[c.start:c.end].text
        known = phoenix_name(text)  # "Pacific Command", "Joint Chiefs of Staff"
        if known and not (known[0] in ("IGO", "NGO") or d.country_name(known[0])):
            known = None  # a company (MNC) or a region of countries (EAF): no country
        # an international body Phoenix knows by its whole name beats a people word in
        # it ("the Organization of American States" is no American organ)
        country = (known[0] if known and known[0] in ("IGO", "NGO") else None) or \
            v.name_country(c.start, c.end) or (known[0] if known else None)
        sector = sector or (known[1] if known else None)
        intl = international(words, [t.lower_ for t in toks[len(before_of):]]) \
            if country is None else None
        if intl:
            # "the International Labour Office" (a variant Phoenix lacks): a body of
            # governments, not the organ of the story's state its last word suggests
            country, sector = "IGO", None
        elif intl is False and any(w in NGO_WORDS for w in words):
            country, sector = "NGO", None  # "the World Federation of Trade Unions"
        # "Democratic National Committee": a known party's word, in a story of its country
        country = country or next((code for w in words if (code := d.party_words.get(w))
                                   and code == v.context), None)
        country = country or v.modifier_country(c.start)
        if country is None and sector in STATE_SECTORS and intl is None:
            country = v.context  # (not "International Brotherhood of ...": no country)
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
            # "the Turkish president" after "President Putin": a country word in the
            # phrase names another office holder than an earlier one of another country
            own = next((v.tok_country[j] for j in range(hit.start, hit.end)
                        if j in v.tok_country), None)
            if hit.title:
                for dr in reversed(people):
                    if dr.start < hit.start and title_matches(hit.title, dr.cluster.titles) \
                            and (own is None or dr.cluster.country in (None, own)):
                        cl = dr.cluster
                        break
            if cl is None and hit.descriptor:
                entries = [v.d.entries[i] for i in hit.descriptor]
                entries = [e for e in entries if v.source_score[e.source] > 0
                           and e.holds_titles_on(self.day)]
                if entries:
                    cl = self.entry_cluster(v.rank(entries))
            country = own or self.sentence_country(hit.start) or v.context
            if cl is None and hit.title and country:
                holders = [e for e in v.d.entries if e.type == "PERSON"
                           and e.country == country and hit.title in e.titles
                           and e.holds_titles_on(self.day)]
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


def international(words: list[str], of_part: list[str] = ()) -> bool | None:  # type: ignore[assignment]
    """Does an organisation's name (``words``: its lower-cased words before any "of";
    ``of_part``: the rest, from "of") call it international, and which kind: True for a
    body of governments ("International Labour Office", "International Court of ...",
    "African Commission on ..."), False for another ("International Brotherhood of
    ...", "World Trade Center", "Association of African Jurists", a company "...
    International": no one state's), None when the name says nothing of it."""
    if not words:
        return None
    regional = _regional(words) or (of_part[:1] == ["of"] and _regional(of_part[1:]))
    if not (words[0] in INTERNATIONAL_FIRST or words[-1] == "international" or regional):
        return None
    return any(w in IGO_WORDS or (regional and w in REGIONAL_IGO_WORDS) for w in words)


def _regional(words: list[str]) -> bool:
    """Do the words open with a region of countries, not a people of one ("Arab
    American", "African-American" are Americans)?"""
    ws = [w for w in words if w not in ("the", "-")]
    return bool(ws) and ws[0] in REGIONAL and not (len(ws) > 1 and ws[1].startswith("american"))


__all__ = ["Resolver", "STATE_SECTORS"]
