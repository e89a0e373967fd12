"""Curated place data, loaded once: referents of disputed territories, known places,
country aliases and demonyms, stoplists, and the demo world's places.

Files (``src/chronicler/data/places/``, see README.md there; users extend them):

* ``referents.json``: ``{"referent", "terms", "country", "lat", "lon", "disputed",
  "claimed_by", "admin1", "label", "ruler"}`` per disputed territory;
* ``known_places.json``: ``{"name", "terms", "country", "lat", "lon", "geonameid",
  "admin1", "kind", "label", "ruler"}`` per place the gazetteer lacks or the model misses;
* ``countries.json``: ``{ISO3: {"name", "aliases", "demonyms"}}``;
* ``stoplist.txt``, ``person_names.txt``, ``not_place_heads.txt``: one term per line.

``src/chronicler/demo/actors.json`` (the fictional demo world), when present, adds its
place-like ``referents``, its ``places`` and its COUNTRY actors.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from chronicler.nlp.places.gazetteer import PlaceEntry, acronym_key, fold, is_acronym, load_index

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[2]  # src/chronicler
DATA_DIR = PACKAGE / "data" / "places"
DEMO_ACTORS = PACKAGE / "demo" / "actors.json"


@dataclass
class TermTable:
    """Curated terms: acronyms keyed by exact case, everything else by ``fold``."""

    exact: dict[str, list[PlaceEntry]] = field(default_factory=dict)
    folded: dict[str, list[PlaceEntry]] = field(default_factory=dict)
    # (term, entity label, wants a ruler pattern) for ``places.place_patterns``
    terms: list[tuple[str, str, bool]] = field(default_factory=list)

    def add(self, term: str, entry: PlaceEntry, label: str = "GPE", ruler: bool = True) -> None:
        term = term.strip()
        if not term:
            return
        table, key = ((self.exact, acronym_key(term)) if is_acronym(term)
                      else (self.folded, fold(term)))
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.terms.append((term, label, ruler))

    def get(self, term: str) -> list[PlaceEntry]:
        if is_acronym(term):
            hit = self.exact.get(acronym_key(term))
            if hit:
                return hit
        return self.folded.get(fold(term), [])


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _float(v: Any) -> float | None:
    return None if v is None else float(v)


def _referent_records(data: Any) -> Iterable[dict[str, Any]]:
    """Dicts with ``referent`` and a ``terms`` list anywhere in a JSON document."""
    if isinstance(data, dict):
        if "referent" in data and isinstance(data.get("terms"), list):
            yield data
            return
        for v in data.values():
            yield from _referent_records(v)
    elif isinstance(data, list):
        for v in data:
            yield from _referent_records(v)


@lru_cache(maxsize=1)
def demo_world() -> dict[str, Any]:
    """The fictional demo world's ``actors.json`` (referents, places, actors), or {}."""
    if not DEMO_ACTORS.is_file():
        return {}
    try:
        data = _read_json(DEMO_ACTORS)
    except (OSError, ValueError) as e:  # a half-written demo file must not stop analysis
        log.warning("ignoring %s: %s", DEMO_ACTORS, e)
        return {}
    return data if isinstance(data, dict) else {"referents": data}


_EVENT_WORDS = frozenset({"attack", "attacks", "massacre", "incident", "ceasefire", "truce",
                          "operation", "strike", "strikes", "bombing", "war"})


def is_place_referent(r: dict[str, Any]) -> bool:
    """actors.json also lists referents that are not places (the attackers, a
    ceasefire, an attack): an explicit ``place``/``kind`` decides; otherwise every
    term must carry a capitalised word and none may name an event."""
    if "place" in r:
        return bool(r["place"])
    if "kind" in r:
        return str(r["kind"]).lower() in {"place", "region", "territory", "facility", "area"}
    for term in [r["referent"], *r["terms"]]:
        words = str(term).replace("-", " ").split()
        if not any(w[:1].isupper() for w in words):
            return False
        if _EVENT_WORDS & {w.lower() for w in words}:
            return False
    return True


@lru_cache(maxsize=1)
def disputed_admin1() -> frozenset[tuple[str, str]]:
    """(ISO3, GeoNames admin1) of first-level divisions that are disputed territory."""
    out: set[tuple[str, str]] = set()
    for r in _referent_records(_read_json(DATA_DIR / "referents.json")):
        for code in r.get("admin1", ()):
            iso3, _, admin1 = code.partition(".")
            out.add((iso3, admin1))
    return frozenset(out)


def mark_disputed(e: PlaceEntry) -> PlaceEntry:
    """Towns inside a disputed first-level division (Srinagar, Muzaffarabad) are
    flagged ``disputed`` like the territory's own names."""
    if e.country and e.admin1 and (e.country, e.admin1) in disputed_admin1():
        return replace(e, disputed=True)
    return e


@lru_cache(maxsize=1)
def referents() -> TermTable:
    table = TermTable()
    records = list(_referent_records(_read_json(DATA_DIR / "referents.json")))
    records += [r for r in _referent_records(demo_world().get("referents", []))
                if is_place_referent(r)]
    for r in records:
        entry = PlaceEntry(
            name=r["referent"], country=r.get("country"), lat=_float(r.get("lat")),
            lon=_float(r.get("lon")), geonameid=r.get("geonameid"),
            # names the sides dispute; a referent no single country holds (the demo's
            # Lessara halves carry country null) is disputed territory by default
            disputed=bool(r.get("disputed", r.get("country") is None)), kind="referent",
        )
        for term in [r["referent"], *r["terms"]]:
            table.add(term, entry, r.get("label", "GPE"), bool(r.get("ruler", True)))
    return table


_FACILITY_WORDS = frozenset({"base", "field", "dam", "barrage", "crossing", "airport", "port"})
_LAND_WORDS = frozenset({"line", "river", "valley", "meadow", "mountains", "lake", "pass"})


@lru_cache(maxsize=1)
def known_places() -> TermTable:
    table = TermTable()
    for r in _read_json(DATA_DIR / "known_places.json"):
        entry = mark_disputed(PlaceEntry(
            name=r["name"], country=r.get("country"), lat=_float(r.get("lat")),
            lon=_float(r.get("lon")), geonameid=r.get("geonameid"),
            disputed=bool(r.get("disputed", False)), kind="known", admin1=r.get("admin1"),
        ))
        for term in r.get("terms") or [r["name"]]:
            table.add(term, entry, r.get("label", "GPE"), bool(r.get("ruler", False)))
    # The demo world's places are invented names no model knows: all get ruler patterns.
    for r in demo_world().get("places", []):
        if not isinstance(r, dict) or not r.get("name"):
            continue
        entry = PlaceEntry(name=r["name"], country=r.get("country"), kind="known")
        words = set(r["name"].lower().split())
        label = "FAC" if words & _FACILITY_WORDS else "LOC" if words & _LAND_WORDS else "GPE"
        table.add(r["name"], entry, label, True)
    return table


@dataclass(frozen=True)
class CountryWords:
    names: dict[str, PlaceEntry]  # folded name/alias -> country entry
    acronyms: dict[str, PlaceEntry]  # exact-case acronym alias -> country entry
    demonyms: dict[str, str]  # folded demonym -> country code
    capitals: dict[str, str]  # folded national capital -> country code (context only)


@lru_cache(maxsize=1)
def country_words() -> CountryWords:
    gi = load_index()
    extra: dict[str, Any] = _read_json(DATA_DIR / "countries.json")
    by_code = dict(gi.iso3)
    for iso3, spec in extra.items():
        if iso3 in by_code and isinstance(spec, dict) and spec.get("name"):
            by_code[iso3] = replace(by_code[iso3], name=spec["name"])
    names = {fold(e.name): e for e in by_code.values()}
    names.update({k: by_code[e.country] for k, e in gi.countries.items() if e.country})
    acronyms: dict[str, PlaceEntry] = {}
    demonyms: dict[str, str] = {}
    capitals = dict(gi.capitals)

    def add_aliases(code: str, aliases: Iterable[str]) -> None:
        for alias in aliases:
            if is_acronym(alias):
                acronyms[acronym_key(alias)] = by_code[code]
            else:
                names[fold(alias)] = by_code[code]

    for iso3, spec in extra.items():
        if iso3 in by_code and isinstance(spec, dict):
            add_aliases(iso3, spec.get("aliases", ()))
            demonyms.update({fold(d): iso3 for d in spec.get("demonyms", ())})
    # Demo-world countries (invented codes, no coordinates); a capital listed among
    # the aliases is a city, so it only counts as context.
    for a in demo_world().get("actors", []):
        if not isinstance(a, dict) or a.get("type") != "COUNTRY" or not a.get("country"):
            continue
        code = a["country"]
        by_code[code] = PlaceEntry(name=a["name"], country=code, kind="country")
        capital = a.get("capital")
        add_aliases(code, [a["name"], *(x for x in a.get("aliases", ()) if x != capital)])
        demonyms.update({fold(d): code for d in a.get("demonyms", ())})
        if capital:
            capitals[fold(capital)] = code
    return CountryWords(names, acronyms, demonyms, capitals)


def _read_lines(path: Path) -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    words = (line.split("#", 1)[0].strip() for line in lines)
    return frozenset(fold(w) for w in words if w)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Never a place from the GeoNames layer ("May")."""
    return _read_lines(DATA_DIR / "stoplist.txt")


@lru_cache(maxsize=1)
def not_place_heads() -> frozenset[str]:
    """Last words that make an unknown entity an event or a body ("... Dialogue")."""
    return _read_lines(DATA_DIR / "not_place_heads.txt")


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Names a PERSON tag keeps even when GeoNames has a town of that name."""
    names = set(_read_lines(DATA_DIR / "person_names.txt"))
    # The demo world's people: their surnames are invented and must stay people.
    for a in demo_world().get("actors", []):
        if isinstance(a, dict) and a.get("type") == "PERSON":
            for n in [a.get("name", ""), *a.get("aliases", ())]:
                names.add(fold(n))
                names.update(fold(w) for w in str(n).split()[-1:])
    names.discard("")
    return frozenset(names)
