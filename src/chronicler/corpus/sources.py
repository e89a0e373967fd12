"""Independent sources: one outlet key per outlet, one count for events and claims.

An outlet appears under several names in one corpus: "VARSK, March 11 (CPA) —" gives
"CPA", the metadata of another article says "Continental Press Agency"; a URL gives
"dawn.com", a byline "Dawn". The **key** of a name is what counting compares:

1. ``normalise``: accents stripped, case folded, "&" read as "and", dots and apostrophes
   dropped ("A.P." = "AP"), other punctuation a space ("France-Presse" = "France
   Presse"), a leading "the" dropped, a trailing "news agency" dropped ("Xinhua News
   Agency" = "Xinhua"), and "agency" after a single non-generic word ("Anadolu Agency" =
   "Anadolu"). A bare domain keeps its dots and loses "www." and a trailing ".com"
   ("www.dawn.com" = "dawn"), unless what remains is a generic word ("news.com").
2. the alias file ``data/outlets.toml`` maps normalised names to the normalised
   canonical name ("AP" and "The Associated Press" to "associated press").
3. per corpus (``outlet_keys``): an all-caps acronym of 2-6 letters the alias file does
   not know takes the key of the one other name of the corpus with those initials
   ("KO" = "The Kaldoria Observer" when no other outlet there is "K... O...").

Keys are fixpoints (``outlet_key(k) == k`` for any key ``k``), so a counter may be
handed names or keys. ``count_independent`` is the one rule behind ``n_sources`` of
merged events and of claim groups: wire copies collapse onto their original (their
duplicate group), the group's source is the original's outlet (else the first member's
that has one, in id order), the groups then count once per outlet key, and a group with
no known outlet is a source of its own. The outlet *name* shown to users is unchanged:
only counting uses keys.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from chronicler.text.fold import fold

ALIAS_FILE = "data/outlets.toml"

_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DROP = re.compile(r"['’‘`.]")  # "A.P." -> "ap", "Reuters'" -> "reuters"
_SPACE = re.compile(r"[\W_]+")
# Words that name no outlet on their own: "news.com" keeps its ".com", "Press Agency"
# keeps its "agency".
_GENERIC = frozenset(
    "the of and news press media tv television radio agency agencies wire service daily "
    "weekly times post online world international national".split())
_STOPWORDS = frozenset("the of and for in on at de la le du des".split())
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")


def normalise(name: str) -> str:
    """The alias-free key of an outlet name ("" when nothing is left); idempotent."""
    s, prev = _normalise_once(name), name
    for _ in range(8):  # "www.m.x.org", "The The Times": repeat until nothing changes
        if s == prev:
            break
        s, prev = _normalise_once(s), s
    return s


def _normalise_once(name: str) -> str:
    s = fold(name)
    s = s.rstrip(".") if _HOST.fullmatch(s.rstrip(".")) else s
    if _HOST.fullmatch(s):  # a bare domain: "www.dawn.com"
        for p in _HOST_PREFIXES:
            if s.startswith(p) and s.count(".") > 1:
                s = s[len(p):]
                break
        if s.endswith(".com") and s[:-4] not in _GENERIC:
            s = s[:-4]
        return s
    s = _DROP.sub("", s.replace("&", " and "))
    toks = _SPACE.sub(" ", s).split()
    while len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    if len(toks) > 2 and toks[-2:] == ["news", "agency"]:
        toks = toks[:-2]
    elif len(toks) == 2 and toks[1] == "agency" and toks[0] not in _GENERIC:
        toks = toks[:1]
    return " ".join(toks)


def parse_aliases(text: str) -> dict[str, str]:
    """{normalised name or alias: key} from the TOML of ``data/outlets.toml``.

    Raises ``ValueError`` when one name would belong to two outlets."""
    raw = tomllib.loads(text)
    out: dict[str, str] = {}
    for entry in raw.get("outlet", []):
        key = normalise(entry["name"])
        if not key:
            raise ValueError(f"outlet {entry['name']!r}: an empty name")
        # The name maps to its own key; were it another outlet's alias too, keys would
        # not be fixpoints: any name or alias met twice is an error.
        for alias in [entry["name"], *entry.get("aliases", [])]:
            n = normalise(alias)
            if n and out.setdefault(n, key) != key:
                raise ValueError(f"outlet alias {alias!r} names both {out[n]!r} and {key!r}")
    return out


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """The packaged alias table (``data/outlets.toml``), read once."""
    return parse_aliases(
        resources.files("chronicler").joinpath(ALIAS_FILE).read_text("utf-8"))


@lru_cache(maxsize=4096)
def outlet_key(name: str | None) -> str | None:
    """The key of one outlet name (no corpus context), or None for no name."""
    if not name:
        return None
    n = normalise(name)
    return aliases().get(n, n) or None


def _initials(name: str) -> set[str]:
    """Initials a name can be abbreviated to: of every word ("TOI" for "Times of India")
    and of its content words ("PTI" for "Press Trust of India")."""
    if _HOST.fullmatch(name.strip().casefold()):
        return set()
    toks = normalise(name).split()
    if len(toks) < 2:
        return set()
    content = [t for t in toks if t not in _STOPWORDS]
    return {"".join(t[0] for t in ws) for ws in (toks, content) if len(ws) >= 2}


def outlet_keys(names: Iterable[str | None]) -> dict[str, str]:
    """{name: key} for every outlet name seen in one corpus (None and blanks left out).

    An all-caps acronym (2-6 letters, dots allowed) that the alias file does not resolve
    takes the key of the one other name of the corpus whose initials it spells; with
    two or more such names (of different keys) it is left alone."""
    uniq = sorted({n for n in names if n and n.strip()})
    keys = {n: k for n in uniq if (k := outlet_key(n))}
    by_initials: dict[str, set[str]] = {}
    for n, k in keys.items():
        for ini in _initials(n):
            by_initials.setdefault(ini, set()).add(k)
    for n, k in keys.items():
        if not _ACRONYM.fullmatch(n.strip()) or k != normalise(n):
            continue  # not an acronym, or the alias file already says what it is
        found = by_initials.get(k.replace(" ", ""), set()) - {k}
        if len(found) == 1:
            keys[n] = found.pop()
    return keys


def count_independent(article_ids: Iterable[str], dup_key_of: Mapping[str, str | None],
                      outlet_of: Mapping[str, str | None]) -> int:
    """Independent sources among ``article_ids``.

    ``dup_key_of``: article id -> its duplicate group (the original's id; missing or
    None: the article itself). ``outlet_of``: article id -> outlet name or key (missing
    or None: unknown). Articles may be absent from both: an absent original still names
    the source of its copies when ``outlet_of`` knows it."""
    groups: dict[str, list[str]] = {}
    for aid in sorted(set(article_ids)):
        groups.setdefault(dup_key_of.get(aid) or aid, []).append(aid)
    units: set[tuple[str, str]] = set()
    for key, members in groups.items():
        # The original's outlet names the source; a copy's only when it is unknown.
        outlet = next((k for m in (key, *members) if (k := outlet_key(outlet_of.get(m)))),
                      None)
        units.add(("outlet", outlet) if outlet else ("article", key))
    return len(units)
