"""Toponym resolution without spaCy: a term (and the article's countries) in, a referent out.

Lookup goes through layers and stops at the first that knows the term, because a
curated answer must never be outvoted by a gazetteer coincidence:

1. referents (``data/places/referents.json`` + place referents of ``demo/actors.json``):
   the names different sides use for one disputed territory ("PoK", "Azad Kashmir",
   "Pakistan-occupied Jammu and Kashmir" -> "Pakistan-administered Kashmir");
2. known places (``data/places/known_places.json``): crisis sites, provinces, regions;
3. countries (GeoNames + ``data/places/countries.json`` aliases), US states, and
   cities of >= 100k people of that name ("Washington", "New York");
4. GeoNames cities (population >= 5,000) by canonical or alternate name.

Among candidates the best is, in order: (cities only) a canonical-name match over an
alternate-name match (GeoNames lists "Islamabad" as an alternate name of Chattogram),
unless the alternate names a big city a hundred times bigger (a renamed city's old
name: "Madras" is Chennai, not the town in Oregon);
the candidate's country among the context countries (earlier in the sequence =
stronger); kind (referent > known > country > city > US state); population.

``country`` of a disputed referent is the ISO3 under which GeoNames files the
territory's towns, so a referent and the towns in it agree (PoK and Muzaffarabad are
both PAK, Crimea and Simferopol both UKR); ``claimed_by`` in the data says who claims
it. Towns inside a disputed first-level division (``admin1`` of a referent, e.g.
Srinagar, Muzaffarabad) come back with ``disputed=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from chronicler.nlp.places.data import (
    country_words,
    known_places,
    mark_disputed,
    referents,
    stoplist,
)
from chronicler.nlp.places.gazetteer import PlaceEntry, acronym_key, fold, is_acronym, load_index

BIG_CITY = 100_000  # a city this big competes with a country/state of the same name
# a big city's old (alternate) name beats a town's canonical one when the city is this
# many times bigger (Chennai, 4.7M, is "Madras"; Madras, Oregon, has 6,700 people)
RENAMED = 100
_KIND_RANK = {"referent": 5, "known": 4, "country": 3, "city": 2, "admin1": 1}


def country_of(term: str) -> PlaceEntry | None:
    """The country ``term`` names ("US", "Britain", "the Netherlands"), if any."""
    cw = country_words()
    if is_acronym(term):
        hit = cw.acronyms.get(acronym_key(term))
        if hit:
            return hit
    return cw.names.get(fold(term))


def demonym_country(term: str) -> str | None:
    return country_words().demonyms.get(fold(term))


def context_country(term: str) -> str | None:
    """The country a country name, demonym or national capital points to ("Indian",
    "Islamabad" -> ...): the cheap signal for disambiguation when no actors ran."""
    c = country_of(term)
    if c is not None:
        return c.country
    key = fold(term)
    cw = country_words()
    return cw.demonyms.get(key) or cw.capitals.get(key)


def candidates(term: str) -> list[PlaceEntry]:
    """Every referent ``term`` may name, from the first layer that knows it."""
    return list(_candidates(term))


@lru_cache(maxsize=65536)  # news repeats its place names; entries are immutable
def _candidates(term: str) -> tuple[PlaceEntry, ...]:
    for table in (referents(), known_places()):
        hit = table.get(term)
        if hit:
            return tuple(hit)
    key = fold(term)
    if not key or key in stoplist() or key in country_words().demonyms:
        return ()
    gi = load_index()
    top = [e for e in (country_of(term), gi.us_states.get(key)) if e is not None]
    cities = [mark_disputed(e) for e in gi.cities_named(key)]
    if top:
        # "New York", "Washington": a big city competes with the state or country of
        # that name on equal terms, even when GeoNames' canonical name differs
        # ("New York City"), hence primary=True.
        return tuple(top + [replace(e, primary=True) for e in cities
                            if e.population >= BIG_CITY])
    return tuple(cities)


def rank(entries: Sequence[PlaceEntry],
         context_countries: Sequence[str] = ()) -> list[PlaceEntry]:
    """Best first (see the module docstring for the order)."""
    n = len(context_countries)
    weight: dict[str, int] = {}
    for i, c in enumerate(context_countries):
        weight.setdefault(c, n - i)

    # a city known by an old name that a small town still bears ("Madras", "Calcutta",
    # "Port Elizabeth": the towns in Oregon, KwaZulu-Natal and St Vincent are canonical)
    renamed = max((e.population for e in entries if not e.primary and e.kind == "city"),
                  default=0)

    def key(e: PlaceEntry) -> tuple[int, int, int, int]:
        ctx = weight.get(e.country, 0) if e.country else 0
        primary = e.primary and not (renamed >= BIG_CITY and renamed >= RENAMED * e.population)
        return (int(primary), ctx, _KIND_RANK.get(e.kind, 0), e.population)

    return sorted(entries, key=key, reverse=True)


def resolve_place(term: str, context_countries: Sequence[str] = ()) -> PlaceEntry | None:
    """The referent ``term`` most likely names, given the article's countries (ISO3,
    strongest first): "Hyderabad" with ("PAK",) is Hyderabad in Sindh. For "Hyderabad,
    Sindh" the tail's country is added to the context of the head."""
    found = candidates(term)
    if not found and "," in term:
        head, tail = (p.strip() for p in term.split(",", 1))
        where = resolve_place(tail, context_countries)
        if where is not None and where.country:
            context_countries = [where.country, *context_countries]
        found = candidates(head)
    if not found:
        return None
    return rank(found, context_countries)[0]


def referent_for(term: str) -> str | None:
    """The canonical referent of a disputed-territory name ("PoJK" -> "Pakistan-
    administered Kashmir"), or None when ``term`` is not one of those names."""
    hit = referents().get(term)
    return hit[0].name if hit else None
