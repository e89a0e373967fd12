"""When two mentions' sentences tell one happening: the event merge's wording rule.

A weak anchor (a country pair neither mention dates, a pair of one country with itself,
a date both state without a pair of two countries) ties every happening of a type that
shares it: in news of one country, "Senator A attacked the tax bill" and "the governor
attacked the press" share the pair and the month. ``chronicler.corpus.events`` accepts
such an anchor only when the two sentences also share their wording
(``same_wording``): at least ``MIN_SHARED`` content words, and at least ``SHARE`` of
the shorter sentence's. Content words (``content_words``) are the words of three or
more letters, and numbers, that are neither function words, reporting verbs nor names
of days and months (a date is compared as a date), nor names of countries or their
peoples (the sides are compared as countries). A wire copy or a paraphrase of one
report passes ("the minister called the strikes an act of war" twice); two happenings
that only share a prominent name and a trigger do not.

Pure functions over strings; the country words come from the places data.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_SHARED = 3
SHARE = 0.5

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("""
a an the of in on at to for from by with and or but nor as is are was were be been being
am has have had having do does did done that this these those it its itself their theirs
them they he him his she her hers we us our you your i me my who whom whose which what
when where why how not no yes all any both each either neither every some such other
another more most much many few less least own same so than then there here too very
can could may might must shall should will would about above after again against before
below between during into onto over under until upon within without through across
along among around because while if else also just only even still yet now ever never
said says say saying told tells tell according added adding noted stated statement
one two three first last next new like well back out off down
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
tonight morning afternoon evening night day days week weeks month months year years
january february march april june july august september october november december
""".split())


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    from chronicler.nlp.places.data import country_words

    cw = country_words()
    return frozenset(w for k in (*cw.names, *cw.demonyms) for w in k.split())


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that can tell one happening from another (module docstring)."""
    countries = _country_words()
    out = set()
    for w in _WORD.findall(text.casefold()):
        if (len(w) >= 3 or w.isdigit()) and w not in _STOP and w not in countries:
            out.add(w)
    return frozenset(out)


def same_wording(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sentences' content words (``content_words``) tell one happening?"""
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= SHARE * min(len(a), len(b))
