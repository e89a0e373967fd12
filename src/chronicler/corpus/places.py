"""When two places an event is reported at are one: the event merge's place rules.

Pure functions over ``Location`` records (``chronicler.corpus.events`` uses them):

* ``locations_compatible``: one missing, the same name, coordinates at most ``NEAR_KM``
  apart, or one inside the other (``contains``: a country and a place of that country,
  or a region and a part of it its name marks, "Merovian-held Lessara" in "Lessara");
* ``locations_apart``: known to be two places (far apart, or in different countries);
  two names with neither coordinates nor a country are compatible with nothing but not
  known to be apart either (the merge lets a shared death toll tie them);
* ``region_keys`` and ``cell``: index keys under which the merge finds the clusters a
  place could join without comparing it with every cluster.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from chronicler.records import Location

NEAR_KM = 75.0


def km(a: Location, b: Location) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + \
        math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def country_of(loc: Location) -> str | None:
    """The country ``loc`` *is* (its name is the country's name or an alias of it:
    "Kaldoria", "Islamic Republic of Pakistan"), else None (a place in a country)."""
    from chronicler.nlp.places.data import country_words, fold

    entry = country_words().names.get(fold(loc.name))
    if entry is None or not entry.country:
        return None
    return entry.country if loc.country in (None, entry.country) else None


# A part of a region named by a modifier: "Merovian-held Lessara", "Indian-administered
# Kashmir", "northern Lessara" are in Lessara.
_PART = re.compile(r"^(?:[\w'’.]+-(?:held|administered|occupied|controlled|ruled)|"
                   r"(?:north|south|east|west)(?:ern)?|central|upper|lower)\s+", re.I)


def part_of(region: str, place: str) -> bool:
    """``place`` names a part of ``region`` by a modifier (``_PART``)."""
    m = _PART.match(place)
    return m is not None and place[m.end():].casefold() == region.casefold()


def contains(region: Location, place: Location) -> bool:
    """``place`` lies in ``region``: the region is a country and the place is of that
    country ("Bahrun" in "Kaldoria"; a place of no known country, or of another, is not
    in it), or the place is a part of the region by its name ("Merovian-held Lessara"
    in "Lessara"; ``part_of``)."""
    if part_of(region.name, place.name):
        return True
    code = country_of(region)
    return code is not None and place.country == code and country_of(place) is None


def locations_compatible(a: Location | None, b: Location | None) -> bool:
    """One missing, the same name, one inside the other (``contains``: a country's
    centre is no measure of how far its places are), or close enough to be one place
    named two ways."""
    if a is None or b is None or a.name.casefold() == b.name.casefold():
        return True
    if contains(a, b) or contains(b, a):
        return True
    dist = km(a, b)
    return dist is not None and dist <= NEAR_KM


def locations_apart(a: Location | None, b: Location | None) -> bool:
    """Known to be two places: far apart, or in different countries. Two names with
    neither coordinates nor a country to tell ("Sellin Meadow", "Merovian-held
    Lessara") are not known to be apart."""
    if locations_compatible(a, b):
        return False
    assert a is not None and b is not None
    if km(a, b) is not None:
        return True
    return a.country is not None and b.country is not None and a.country != b.country


def cell(loc: Location) -> tuple[int, int]:
    # ~1-degree cells: two places NEAR_KM apart are in the same or a neighbouring cell.
    return int(math.floor(loc.lat or 0.0)), int(math.floor(loc.lon or 0.0))


def region_keys(loc: Location, own: bool) -> set[tuple[object, ...]]:
    """Index keys for containment (``contains``): a cluster is filed under the country
    it is ("country", C) or lies in ("within", C) (``own``); an event looks up the
    clusters at its own country, and, when it names a country, those within it. A
    region and its parts by name share one key ("region", the region's name)."""
    m = _PART.match(loc.name)
    out: set[tuple[object, ...]] = {
        ("region", (loc.name[m.end():] if m else loc.name).casefold())}
    code = country_of(loc)
    if own:
        if code is not None:
            return out | {("country", code)}
        return out | ({("within", loc.country)} if loc.country else set())
    if code is not None:
        return out | {("within", code), ("country", code)}
    return out | ({("country", loc.country)} if loc.country else set())


def most_specific(places: Sequence[Location]) -> list[Location]:
    """The places of ``places`` that contain none of the others ("Merovia" and "Resk":
    Resk), all of them when each contains another."""
    out = [p for p in places if not any(q is not p and contains(p, q) for q in places)]
    return out or list(places)
