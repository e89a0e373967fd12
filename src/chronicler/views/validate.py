"""Filter values checked against what they may be, before any query runs.

A filter that matches nothing because of a typo (``--type assault``, ``country=India``,
``--status contestd``) is worse than an error: it answers "nothing happened". So every
value is matched case-insensitively against its vocabulary and either normalised
(``assault`` -> ``ASSAULT``, ``India`` -> ``IND``) or refused with the nearest allowed
value (:class:`InvalidValue`: the CLI exits 2, the REST API answers 422).

Vocabularies: PLOVER types and modes (the event pattern files), claim status and kind,
quote kind, actor type; countries are ISO 3166 alpha-3 codes, PLOVER's non-state codes,
any code already in the store (the demo's fictional MRV), or a country name
(country-converter's names and regular expressions, and the store's country actors).
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from chronicler.store import Store
from chronicler.views.base import Filters, InvalidValue
from chronicler.views.ids import resolve

PLOVER_NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
CLAIM_STATUS = ("single", "corroborated", "contested")
CLAIM_KINDS = ("action", "number", "accusation", "causal", "denial")
QUOTE_KINDS = ("direct", "indirect", "according_to")
ACTOR_TYPES = ("PERSON", "ORG", "COUNTRY", "GROUP")
FRAMING_KINDS = ("place", "actor", "label", "term")
FORMATS = ("jsonl", "csv", "parquet", "plover")


def nearest(value: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``value`` (case-insensitive), or None if none is close."""
    by_low = {c.lower(): c for c in choices}
    hit = difflib.get_close_matches(value.lower(), list(by_low), n=1, cutoff=0.6)
    return by_low[hit[0]] if hit else None


def one_of(param: str, value: str | None, allowed: Sequence[str]) -> str | None:
    """``value`` as spelled in ``allowed`` (case-insensitive), else InvalidValue."""
    if value is None:
        return None
    v = value.strip()
    for a in allowed:
        if a.lower() == v.lower():
            return a
    raise InvalidValue(param, value, allowed, nearest(v, allowed))


# ------------------------------------------------------------------------ PLOVER
@lru_cache(maxsize=1)
def plover_modes() -> dict[str, tuple[str, ...]]:
    """PLOVER type -> its modes, from the event pattern files."""
    from chronicler.nlp.events.patterns import PLOVER_TYPES, load_lexicon

    types = load_lexicon().types
    return {t: tuple(sorted(types[t].modes)) if t in types else () for t in PLOVER_TYPES}


def plover_types() -> tuple[str, ...]:
    return tuple(plover_modes())


def all_modes() -> tuple[str, ...]:
    return tuple(sorted({m for ms in plover_modes().values() for m in ms}))


# ------------------------------------------------------------------------ countries
@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """(ISO3 codes, lower-cased name -> ISO3, [(regex, ISO3)]) from country-converter's
    own table (read directly: its converter class takes a second to build and prints
    a warning for every unknown name)."""
    path = resources.files("country_converter") / "country_data.tsv"
    codes: set[str] = set()
    names: dict[str, str] = {}
    regexes: list[tuple[re.Pattern[str], str]] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            iso3 = (row.get("ISO3") or "").strip()
            if not iso3:
                continue
            codes.add(iso3)
            for col in ("name_short", "name_official"):
                if row.get(col):
                    names[row[col].strip().lower()] = iso3
            if row.get("regex"):
                regexes.append((re.compile(row["regex"], re.IGNORECASE), iso3))
    return frozenset(codes), names, regexes


def _store_countries(store: Store) -> tuple[set[str], dict[str, str]]:
    """Codes in the store, and its country actors' names and aliases -> code."""
    codes = {r[0] for r in store.conn.execute(
        "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL").fetchall()}
    names: dict[str, str] = {}
    for name, aliases, code in store.conn.execute(
            "SELECT name, aliases, country FROM actors WHERE type = 'COUNTRY' "
            "AND country IS NOT NULL").fetchall():
        for n in [name, *(aliases or [])]:
            names.setdefault(n.lower(), code)
    return codes, names


def country(store: Store | None, value: str | None, param: str = "country") -> str | None:
    """An ISO3 / PLOVER code for a code or a name, case-insensitively ("india",
    "India", "ind" -> IND); InvalidValue with the nearest code or name otherwise."""
    if value is None:
        return None
    v = value.strip()
    up = v.upper()
    codes, names = _store_countries(store) if store is not None else (set(), {})
    if up in codes or up in PLOVER_NON_STATE:
        return up
    if v.lower() in names:
        return names[v.lower()]
    iso, iso_names, regexes = _countries()
    if up in iso:
        return up
    if v.lower() in iso_names:
        return iso_names[v.lower()]
    if len(v) > 3:
        hits = {code for rx, code in regexes if rx.search(v)}
        if len(hits) == 1:
            return hits.pop()
    shown = {n for n, in store.conn.execute(
        "SELECT name FROM actors WHERE type = 'COUNTRY'").fetchall()} if store else set()
    choices = sorted(codes | set(PLOVER_NON_STATE) | set(iso)) + sorted(
        shown | set(_iso_names().values()))
    return _refuse_country(param, value, choices)


def country_name(store: Store | None, code: str | None) -> str:
    """A country's name for display ("IND" -> "India"; the store's own country actor
    first, so the demo's MRV reads "Merovia"); the code itself when unknown."""
    if not code:
        return ""
    if store is not None:
        row = store.conn.execute(
            "SELECT name FROM actors WHERE type = 'COUNTRY' AND country = ? "
            "ORDER BY length(name), name LIMIT 1", [code]).fetchone()
        if row:
            return str(row[0])
    return _iso_names().get(code, code)


@lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as f:
        return {r["ISO3"]: r["name_short"] for r in csv.DictReader(f, delimiter="\t")
                if r.get("ISO3") and r.get("name_short")}


def _refuse_country(param: str, value: str, choices: list[str]) -> str:
    best = nearest(value, choices)
    raise InvalidValue(param, value, (), best,
                       hint="an ISO 3166 alpha-3 code such as IND, or a country name")


# ------------------------------------------------------------------------ filters
def _type_vocab(kind: str) -> Sequence[str] | None:
    return {"event": plover_types(), "article": plover_types(), "timeline": plover_types(),
            "quote": QUOTE_KINDS, "claim": CLAIM_KINDS, "actor": ACTOR_TYPES,
            "framing": FRAMING_KINDS}.get(kind)


def filters(store: Store, kind: str, f: Filters | None) -> Filters:
    """``f`` with every value checked and normalised for a list of ``kind``; ids are
    resolved from unique prefixes (:func:`chronicler.views.ids.resolve`)."""
    f = f or Filters()
    changes: dict[str, Any] = {}
    if f.country is not None:
        changes["country"] = country(store, f.country)
    if f.type is not None:
        vocab = _type_vocab(kind)
        if vocab:
            changes["type"] = one_of("type", f.type, vocab)
    if f.status is not None:
        changes["status"] = one_of("status", f.status, CLAIM_STATUS)
    for name, k in (("story", "story"), ("article", "article"), ("actor", "actor")):
        val = getattr(f, name)
        if val is not None:
            changes[name] = resolve(store, k, val, param=name)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InvalidValue("from", f.date_from.isoformat(),
                           hint=f"after to={f.date_to.isoformat()}")
    return replace(f, **changes) if changes else f
