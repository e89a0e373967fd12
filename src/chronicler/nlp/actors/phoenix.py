"""Phoenix (PETRARCH2) actor and agent dictionaries, parsed into word-tuple lookups.

Actor files (``Phoenix.Countries.actors.txt``, ``.International.``, ``.MilNonState.``):
records of a primary phrase, ``+`` synonym lines and tab-indented date restrictions
(spaces here)::

    ABDELAZIZ_BOUTEFLIKA_  # CountryInfo.txt
        [DZAELI 550101-000101]
        [DZAGOV >990427]
        [DZAELI]

A code on the primary line (``KENYA_ [KEN]``) is the default; ``[CODE <DATE]``,
``[CODE >DATE]`` and ``[CODE DATE-DATE]`` hold before, after and between dates (bounds
included; YYMMDD years up to 25 are 20YY, as the files were written in 2014). The
International file also writes restrictions on the primary line itself.

A primary line that follows a code-less record's phrase lines directly (no blank or
comment line, no code between) joins that record: the files list many people's name
variants so, without the ``+`` ("BORIS_YELTSIN_", "BORIS_N._YELTSIN", ... then the
dates), and read as the format says each would be a record with a null code. A
code-less record followed by a blank line or nothing stays a null of its own.

Agents (``Phoenix.agents.txt``): ``PHRASE {PLURAL} [~SECTOR]`` (``{}``: no plural; no
braces: the regular plural); ``[NGO~]`` puts an organisation code before the actor's
country; ``!PERSON! = MAN, MEN`` defines a substitution used as ``POLICE!PERSON!``.

Phrases are matched as consecutive lower-case words (``_`` and blanks alike; hyphens
split, as spaCy splits "Ki-moon"). A code is read as country (first three letters) and
sector (the next three): ``DZAGOV`` -> DZA/GOV, ``IGOUNOREFHCR`` -> IGO/UNO.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from chronicler.nlp.events.cameo import DictionaryError, plurals

Words = tuple[str, ...]
# (code, first day, last day): None bounds are open
Restriction = tuple[str, date | None, date | None]


@dataclass(frozen=True)
class ActorEntry:
    name: str
    default: str  # "" when none
    restrictions: tuple[Restriction, ...]

    def code_on(self, day: date | None, nationality: bool = False) -> str:
        """The code that holds on ``day``: the default when none does or no date. With
        ``nationality`` and no default either, the one country every dated code names,
        without a sector (Gerald Ford after his dates is still USA, no longer GOV)."""
        if day is not None:
            for code, lo, hi in self.restrictions:
                if (lo is None or lo <= day) and (hi is None or day <= hi):
                    return code
        if self.default:
            return self.default
        open_ = [c for c, lo, hi in self.restrictions if lo is None and hi is None]
        if open_ or not nationality:
            return open_[0] if open_ else ""
        countries = {c[:3] for c, _, _ in self.restrictions if c}
        return countries.pop() if len(countries) == 1 else ""


@dataclass(frozen=True)
class PhoenixActors:
    phrases: dict[Words, int]  # words -> entry index
    entries: tuple[ActorEntry, ...]
    max_len: int
    # an office holder of three names by his first and last ("Laurent Kabila" for
    # LAURENT_DESIRE_KABILA), when no other record gives the same two: asked only of a
    # person's name that nothing else places (``phoenix_lookup``)
    short: dict[Words, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Agent:
    sector: str  # "COP"; "" for an organisation prefix
    prefix: str  # "NGO" for [NGO~], else ""


@dataclass(frozen=True)
class PhoenixAgents:
    phrases: dict[Words, Agent]
    max_len: int


def words_of(phrase: str) -> Words:
    s = phrase.strip().strip("_").lower().replace("_", " ").replace("-", " ")
    return tuple(w for w in s.split() if w)


# CAMEO's prefixes of a religion name no country (Phoenix codes Aum Shinrikyo
# "BUDREB", the World Hindu Council "HINRAD"), nor does "KKL", an editor's initials
# typed into some codes: such a group is placed by its sentence, as a transnational one
# ("INTREB") is. (A region's prefix, "MEAREB" or "SAFREB", stays in the code, as CAMEO
# codes regions; ``peoples.NO_COUNTRY`` reads it as no country, as PLOVER does.)
NO_COUNTRY_PREFIXES = frozenset({"BUD", "HIN", "MOS", "BAH", "KKL"})
# a country code Phoenix misspells: UNITA's "ANGREB" is Angola's (ISO and CAMEO: AGO)
MISSPELT = {"ANG": "AGO"}


def split_code(code: str) -> tuple[str, str]:
    """``DZAGOV`` -> ("DZA", "GOV"); ``IGOUNOREFHCR`` -> ("IGO", "UNO"); ``ELI`` ->
    ("", "ELI") for a bare sector (an elite of no country); ``BUDREB`` -> ("", "REB")
    (a religion is no country, ``NO_COUNTRY_PREFIXES``)."""
    code = code.strip().upper()
    if len(code) == 3 and code in ("ELI", "GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED"):
        return "", code
    country = MISSPELT.get(code[:3], code[:3])
    return ("" if country in NO_COUNTRY_PREFIXES else country), code[3:6]


def parse_date(s: str, path: str, n: int, text: str) -> date:
    s = s.strip()
    try:
        if len(s) == 6:
            yy = int(s[:2])
            return date(2000 + yy if yy <= 25 else 1900 + yy, int(s[2:4]), int(s[4:6]))
        if len(s) == 8:
            return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        pass
    raise DictionaryError(path, n, f"bad date {s!r} (YYMMDD or YYYYMMDD)", text)


_RESTR = re.compile(r"\[([^\]]*)\]")


def parse_restriction(body: str, path: str, n: int, text: str) -> Restriction:
    """``DZAGOV >990427`` -> ("DZAGOV", 1999-04-27, None)."""
    parts = body.split(None, 1)
    if not parts:
        raise DictionaryError(path, n, "empty [] code", text)
    code = parts[0]
    if code == "---":
        code = ""
    elif not re.fullmatch(r"[A-Z0-9]{3,15}", code):
        raise DictionaryError(path, n, f"bad actor code {code!r}", text)
    if len(parts) == 1:
        return code, None, None
    rng = parts[1].replace(" ", "")
    if rng.startswith("<"):
        return code, None, parse_date(rng[1:], path, n, text)
    if rng.startswith(">"):
        return code, parse_date(rng[1:], path, n, text), None
    if "-" in rng:
        a, b = rng.split("-", 1)
        lo, hi = parse_date(a, path, n, text), parse_date(b, path, n, text)
        return code, lo, hi
    raise DictionaryError(path, n, f"bad date restriction {parts[1]!r}", text)


def _abbreviated(w: Words) -> bool:
    """Does the phrase end in its own initials in brackets ("... front (milf)"; not a
    country told apart, "national front (greece)")?"""
    if len(w) < 3 or w[-1][:1] != "(" or w[-1][-1:] != ")":
        return False
    initials = "".join(x[0] for x in w[:-1] if x not in ("of", "the", "and", "for"))
    return w[-1][1:-1] in (initials, "".join(x[0] for x in w[:-1]))


# Phoenix spells names the American way; news copy from elsewhere writes "Organisation
# of American States", "Ministry of Defence": each name is listed in both spellings
BRITISH = {"organization": "organisation", "defense": "defence", "labor": "labour",
           "center": "centre", "program": "programme"}


def parse_actors(lines: Iterable[str], path: str,
                 errors: list[DictionaryError] | None = None) -> PhoenixActors:
    """One or more actor files (call once per file and ``merge_actors``)."""
    entries: list[ActorEntry] = []
    phrases: dict[Words, int] = {}
    short: dict[Words, set[int]] = {}
    names: list[Words] = []
    default = ""
    restr: list[Restriction] = []
    run = False  # the previous line was a code-less primary phrase

    def close() -> None:
        nonlocal names, default, restr
        if names:
            idx = len(entries)
            entries.append(ActorEntry(name=" ".join(names[0]), default=default,
                                      restrictions=tuple(restr)))
            for w in names:
                phrases.setdefault(w, idx)  # the first record of a phrase wins
                if _abbreviated(w):
                    # "MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_" is also the name written
                    # without its abbreviation (whose own later record, IMG, loses)
                    phrases.setdefault(w[:-1], idx)
            for w in names:  # (after every own phrase: a variant never displaces one)
                if any(x in BRITISH for x in w):
                    phrases.setdefault(tuple(BRITISH.get(x, x) for x in w), idx)
            if not default and restr and len(names[0]) == 3:  # (``PhoenixActors.short``)
                short.setdefault((names[0][0], names[0][2]), set()).add(idx)
        names, default, restr = [], "", []

    for n, raw in enumerate(lines, 1):
        try:
            body = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
            if not body.strip():
                run = False
                continue
            if body[0] in "\t " and body.strip().startswith("["):
                run = False
                if not names:
                    raise DictionaryError(path, n, "a date restriction outside a record", raw)
                for m in _RESTR.finditer(body):
                    restr.append(parse_restriction(m.group(1), path, n, raw))
                continue
            s = body.strip()
            syn = s.startswith("+")
            if syn:
                s = s[1:]
            first = _RESTR.search(s)
            phrase = s[:first.start()] if first else s
            if "[" in phrase or "]" in phrase or not words_of(phrase):
                raise DictionaryError(path, n, "an actor line is 'PHRASE [CODE]'", raw)
            if not syn and not (run and not default and not restr):
                close()
            run = first is None and (run or not syn)
            names.append(words_of(phrase))
            for k, mm in enumerate(_RESTR.finditer(s)):
                r = parse_restriction(mm.group(1), path, n, raw)
                if k == 0 and r[1] is None and r[2] is None and not syn:
                    default = r[0]
                else:
                    restr.append(r)
        except DictionaryError as e:
            if errors is None:
                raise
            errors.append(e)
    close()
    return PhoenixActors(phrases=phrases, entries=tuple(entries),
                         max_len=max((len(w) for w in phrases), default=0),
                         short={w: min(ids) for w, ids in short.items()
                                if len(ids) == 1 and w not in phrases})


def merge_actors(parts: Iterable[PhoenixActors]) -> PhoenixActors:
    """Several actor files as one lookup (earlier files win a shared phrase)."""
    entries: list[ActorEntry] = []
    phrases: dict[Words, int] = {}
    short: dict[Words, int] = {}
    for p in parts:
        off = len(entries)
        entries += p.entries
        for w, i in p.phrases.items():
            phrases.setdefault(w, i + off)
        for w, i in p.short.items():
            short.setdefault(w, i + off)
    return PhoenixActors(phrases=phrases, entries=tuple(entries),
                         max_len=max((len(w) for w in phrases), default=0),
                         short={w: i for w, i in short.items() if w not in phrases})


_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*"
                    r"\[(?P<code>[^\]}]*)[\]}]\s*$")


def parse_agents(lines: Iterable[str], path: str,
                 errors: list[DictionaryError] | None = None) -> PhoenixAgents:
    subs: dict[str, list[str]] = {}
    phrases: dict[Words, Agent] = {}
    for n, raw in enumerate(lines, 1):
        try:
            s = raw.split("#", 1)[0].strip()
            if not s or s.startswith("<!--"):
                continue
            if s.startswith("!") and "=" in s:
                key, vals = s.split("=", 1)
                subs[key.strip()] = [v.strip() for v in vals.split(",") if v.strip()]
                continue
            m = _AGENT.match(s)
            if m is None:
                raise DictionaryError(path, n, "an agent line is 'PHRASE {PLURAL} [~CODE]'",
                                      raw)
            code = m.group("code").strip()
            if code.startswith("~"):
                agent = Agent(sector=code[1:4], prefix="")
            elif code.endswith("~"):
                agent = Agent(sector="", prefix=code[:3])
            else:
                raise DictionaryError(path, n, f"an agent code has a '~': {code!r}", raw)
            phrase = m.group("phrase").strip()
            forms = [phrase]
            for token, alts in subs.items():
                if token in phrase:
                    forms = [phrase.replace(token, v) for v in alts]
                    break
            plural = m.group("plural")
            for f in forms:
                w = words_of(f)
                if not w:
                    raise DictionaryError(path, n, "an agent without words", raw)
                phrases.setdefault(w, agent)
                if plural is None and "!" not in phrase:
                    for p in plurals(w[-1]):
                        phrases.setdefault(w[:-1] + (p,), agent)
            for p in (plural or "").split():
                if words_of(p):
                    phrases.setdefault(words_of(p), agent)
        except DictionaryError as e:
            if errors is None:
                raise
            errors.append(e)
    for w, agent in list(phrases.items()):  # ("defence minister": ``BRITISH``)
        if any(x in BRITISH for x in w):
            phrases.setdefault(tuple(BRITISH.get(x, x) for x in w), agent)
    return PhoenixAgents(phrases=phrases, max_len=max((len(w) for w in phrases), default=0))
