"""Names Phoenix's country entries list, and peoples' words.

    listed_entry("darfur", 1)   -> the Phoenix actor entry listing the name, or None
    listed_country("darfur")    -> "SDN"  (a region or town of one country)
    people_country("moroccans") -> "MAR"  (a people's word the country names miss)

Kept apart from ``phoenix_lookup`` (which reads parsed phrases) so that the actors'
dictionary can ask for a people's word without importing the phrase reader.
"""

from __future__ import annotations

import re

from chronicler.nlp.actors.phoenix import ActorEntry, split_code

# Phoenix's second three letters that are PLOVER sectors; others (UNO, MUS ...) are not
SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "PTY", "OPP", "CVL",
                     "ELI", "BUS", "MED", "EDU", "REL", "LAB", "AGR", "CRM", "REF", "JRN",
                     "PRM", "UAF", "HLH", "NGO", "IGO", "ENV", "DEV", "HRI", "SOC"})
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"})
# Phoenix's prefixes that name no country: INT, a transnational group ("INTREB"), and
# the regions some armed groups are filed under (WAF: the Revolutionary United Front,
# CFR: the Lord's Resistance Army, MEA, SAS, ...), which no PLOVER record codes; the
# event coder then places the group by its sentence ("Islamic Salvation Front" in Algeria)
NO_COUNTRY = frozenset({"INT", "MEA", "SAS", "SEA", "EAF", "WAF", "SAF", "NAF", "CFR", "LAM",
                        "SAM", "ASA", "AFR", "EEU", "WEU", "CAS", "EIN"})


def listed_entry(normed: str, min_words: int) -> ActorEntry | None:
    """The Phoenix actor entry listing the words of ``normed`` (a leading "the" dropped)
    as a name, when they are at least ``min_words``."""
    from chronicler.nlp.events.dictionaries import load_field_dictionaries

    words = tuple(w for w in normed.split() if w)
    if words[:1] == ("the",):
        words = words[1:]
    if len(words) < min_words:
        return None
    actors = load_field_dictionaries().actors
    i = actors.phrases.get(words)
    return None if i is None else actors.entries[i]


def listed_country(normed: str) -> str | None:
    """The country whose Phoenix entry lists ``normed`` (lower case, normalised) as a
    name: None when not listed, listed by dated codes only (a disputed "Crimea"), an
    international body, or a person."""
    entry = listed_entry(normed, 1)
    if entry is None:
        return None
    code, sector = split_code(entry.code_on(None))
    if len(code) != 3 or code in INTERNATIONAL or code in NO_COUNTRY or sector in SECTORS:
        return None
    return code


# the endings of a people's word, singular or plural ("Moroccan", "Togolese", "Swazi",
# "Burkinabe", "Moroccans")
PEOPLE_WORD = re.compile(r"(?:an|ese|ish|i|ine|er|ot|be|ic)s?$")


def people_country(normed: str) -> str | None:
    """The country of a people's word (``normed``, lower case) that country_converter's
    names miss: the places stage's demonyms ("South Koreans" KOR, "Ivorian" CIV), else
    the country whose Phoenix entry lists the word or its singular ("Burkinabe" BFA,
    "Togolese" TGO); None for a word with no people's ending or that names a place
    (Phoenix lists a country's cities among its names: "Benghazi" is no people)."""
    from chronicler.nlp.places.data import country_words, load_index

    got = country_words().demonyms.get(normed)
    if got is not None or PEOPLE_WORD.search(normed) is None:
        return got
    places = load_index()
    for w in (normed, normed[:-1]) if normed.endswith("s") else (normed,):
        if w not in places.primary and w not in places.alternate:
            got = listed_country(w)
            if got is not None:
                return got
    return None
