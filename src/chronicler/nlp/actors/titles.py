"""Titles, appositives and other context the actors stage reads around a name.

    left_title      "Pakistan's Deputy Prime Minister | Ishaq Dar"       -> GOV, PAK
    right_title     "Sergey Lavrov, | the Russian Foreign Minister,"     -> GOV, RUS
    leading_title   a span that swallowed its title: "Field Marshal Asim Munir"
    head_sector     the noun a country word goes with: "Indian | troops" -> MIL
    headline_ranges title-case lines ("India Reaches Out Globally"), where the NER
                    makes entities of capitalised verbs

The walks are linear over tokens rather than over the dependency tree on purpose:
en_core_web_sm attaches long title chains unreliably, while the left edge of a title
chain (a verb, a determiner, punctuation) is easy to see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from chronicler.nlp.actors.dictionary import Dictionary

# Words that may sit inside a title chain without being titles themselves.
MODIFIERS = frozenset({"former", "ex", "then", "acting", "senior", "top", "interim", "caretaker",
                       "newly", "appointed", "outgoing", "incoming", "current", "serving",
                       "retired", "deputy", "assistant", "additional", "joint", "principal"})
FORMER = frozenset({"former", "ex", "retired", "outgoing"})
CONNECT = frozenset({"of", "and", "for", "the", "&", "to"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_APPOSITIVE_STOP = frozenset({",", ";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c",
                              "\u201d", "who", "which", "that", "whose", "said", "says"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
# Generic titles that take the sector of the organisation in the chain:
# "BJP leader" -> PTY, "ISI chief" -> SPY, "TTP commander" -> REB ("Congress MP" stays LEG).
AFFILIATION_TITLES = frozenset({"leader", "chief", "head", "chairman", "chairperson",
                                "president", "spokesperson", "spokesman", "spokeswoman",
                                "commander", "founder", "member", "director",
                                "director general", "secretary", "secretary general",
                                "general secretary", "official"})
# Person nouns that take the sector of a modifier: "military officials" -> MIL.
GENERIC_HEADS = frozenset({"official", "officials", "sources", "source", "spokesperson",
                           "spokesman", "personnel", "leaders", "leadership", "establishment",
                           "authorities", "officers", "chiefs"})


@dataclass
class TitleInfo:
    """What a title chain or appositive says about the person it goes with."""

    titles: list[str] = field(default_factory=list)  # nearest to the name last
    sector: str | None = None
    country: str | None = None
    former: bool = False
    title_tokens: set[int] = field(default_factory=set)  # tokens read as this one's titles
    consumed: set[int] = field(default_factory=set)  # entity starts swallowed by a title
    chain: set[int] = field(default_factory=set)  # every token of the chain / appositive


def _word(t: Token) -> str:
    return t.lower_.rstrip(".")


def find_titles(doc: Doc, idxs: list[int], d: Dictionary) -> list[tuple[str, list[int]]]:
    """Greedy longest-first title matches over the tokens ``idxs`` (in order);
    hyphens, dots and possessives are skipped so "Secretary-General" = "secretary
    general" and "Lt. Gen." = "lt gen"."""
    words = [(i, _word(doc[i])) for i in idxs
             if doc[i].text not in ("-", ".") and doc[i].text not in POSSESSIVE]
    out: list[tuple[str, list[int]]] = []
    p = 0
    while p < len(words):
        for n in range(min(d.max_title_len, len(words) - p), 0, -1):
            key = tuple(w for _, w in words[p:p + n])
            if key in d.titles:
                out.append((" ".join(key), [i for i, _ in words[p:p + n]]))
                p += n
                break
        else:
            p += 1
    return out


def _info(doc: Doc, idxs: list[int], d: Dictionary, ent_at: Mapping[int, tuple[int, int]],
          tok_country: Mapping[int, str], tok_sector: Mapping[int, str], *,
          nearest_first: bool) -> TitleInfo | None:
    found = find_titles(doc, idxs, d)
    if not found:
        return None
    # The chosen title: nearest the name for a chain before it, first for an appositive.
    order = list(reversed(found)) if nearest_first else found
    chosen = next(((t, ix) for t, ix in order if d.titles.get(tuple(t.split()))), order[0])
    # Every title of a chain is the person's ("Deputy Prime Minister and Foreign
    # Minister"); an appositive's later titles are often someone else's ("Special
    # Assistant to the Prime Minister").
    info = TitleInfo(titles=[t for t, _ in found] if nearest_first else [chosen[0]],
                     chain=set(idxs))
    info.sector = d.titles.get(tuple(chosen[0].split()))
    # A chain's titles are all read here ("the army chief, General X" makes no
    # separate "the army chief" mention); an appositive keeps its later titles free.
    info.title_tokens = ({i for _, ix in found for i in ix} if nearest_first
                         else set(chosen[1]))
    first = min(chosen[1])
    info.former = any(_word(doc[i]) in FORMER for i in idxs if i < first)
    if info.former and info.sector:
        info.sector = "ELI"  # CAMEO: former officials are elites
    in_title = {i for _, ix in found for i in ix}
    for i in idxs:
        span = ent_at.get(i)
        if span and i == span[0] and any(k in in_title for k in range(*span)):
            info.consumed.add(span[0])  # "External Affairs" inside a title is no actor
    scan = [i for i in sorted(idxs, reverse=nearest_first)
            if ent_at.get(i, (i,))[0] not in info.consumed]
    # a consumed span's country word still places the title ("British Defence Secretary")
    info.country = next((tok_country[i] for i in scan if i in tok_country), None) or next(
        (tok_country[i] for i in sorted(idxs, reverse=nearest_first) if i in tok_country),
        None)
    org_sector = next((tok_sector[i] for i in scan if i in tok_sector), None)
    if org_sector and not info.former and (info.sector is None
                                           or chosen[0] in AFFILIATION_TITLES):
        info.sector = org_sector
    return info


def left_title(doc: Doc, start: int, sent_start: int, ent_at: Mapping[int, tuple[int, int]],
               person_at: Mapping[int, int], tok_country: Mapping[int, str],
               tok_sector: Mapping[int, str], d: Dictionary) -> TitleInfo | None:
    """The title chain written before the name that starts at token ``start``."""
    taken: list[int] = []
    bridged = False
    j = start - 1
    while j >= sent_start and start - j <= 16:
        t = doc[j]
        if j in person_at:
            break
        span = ent_at.get(j)
        if span is not None:
            taken.extend(range(span[0], span[1]))
            j = span[0] - 1
            continue
        w = _word(t)
        prev = _word(doc[j - 1]) if j - 1 >= sent_start else ""
        if (w in d.title_vocab or w in MODIFIERS or w in CONNECT or t.text in POSSESSIVE
                or t.text == "-" or (t.text == "." and prev in d.title_vocab)):
            taken.append(j)
        elif t.text == "," and taken and not bridged and prev in d.title_vocab \
                and prev not in CONNECT:
            bridged = True  # "India's Chief of Defence Staff, General Anil Chauhan"
            taken.append(j)
        else:
            break
        j -= 1
    idxs = sorted(taken)
    while idxs and (_word(doc[idxs[0]]) in CONNECT or doc[idxs[0]].text in (",", "-", ".")
                    or doc[idxs[0]].text in POSSESSIVE):
        idxs.pop(0)
    if not idxs:
        return None
    return _info(doc, idxs, d, ent_at, tok_country, tok_sector, nearest_first=True)


def right_title(doc: Doc, end: int, sent_end: int, ent_at: Mapping[int, tuple[int, int]],
                person_at: Mapping[int, int], tok_country: Mapping[int, str],
                tok_sector: Mapping[int, str], d: Dictionary) -> TitleInfo | None:
    """An appositive after the name: "X, the spokesperson of the Ministry of External
    Affairs" -> the title must come within the first few words."""
    if end >= sent_end - 1 or doc[end].text != ",":
        return None
    idxs: list[int] = []
    k = end + 1
    while k < sent_end and len(idxs) < 14:
        t = doc[k]
        if t.lower_ in _APPOSITIVE_STOP or k in person_at:
            break
        if t.text == "." and not (idxs and _word(doc[k - 1]) in d.title_vocab):
            break
        if (t.tag_.startswith("VB") or t.tag_ == "MD") and t.tag_ != "VBN":  # a verb
            break
        idxs.append(k)
        k += 1
    lead = [i for i in idxs[:6] if _word(doc[i]) not in _DETERMINERS and i not in tok_country]
    found = find_titles(doc, idxs, d)
    if not found or not lead or min(found[0][1]) > lead[0] + 2:
        return None
    return _info(doc, idxs, d, ent_at, tok_country, tok_sector, nearest_first=False)


def leading_title(doc: Doc, start: int, end: int, d: Dictionary) -> tuple[int, list[str]]:
    """(number of title tokens, titles) at the start of a span that swallowed its
    title ("Field Marshal Asim Munir" tagged as one ORG); (0, []) if none or if
    nothing capitalised is left for a name."""
    idxs = list(range(start, end))
    n, titles = 0, []
    while n < len(idxs):
        rest = idxs[n:]
        found = find_titles(doc, rest, d)
        if not found or found[0][1][0] != rest[0]:
            break
        titles.append(found[0][0])
        n = idxs.index(found[0][1][-1]) + 1
        while n < len(idxs) and doc[idxs[n]].text in (".", "-"):
            n += 1
    if n == 0 or n >= len(idxs) or not doc[idxs[n]].text[:1].isupper():
        return 0, []
    return n, titles


def titled_names(doc: Doc, d: Dictionary, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER missed after a capitalised title ("Field Marshal Tahir Rehman"):
    1-3 capitalised proper nouns that are no title or organisation words (so
    "General Assembly" is no name). ``taken`` tokens (entities, headlines) are skipped."""
    out: list[tuple[int, int]] = []
    n, i = len(doc), 0
    while i < n:
        if i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        idxs: list[int] = []
        k = i
        while k < n and len(idxs) < d.max_title_len + 2 and k not in taken:
            if doc[k].text not in (".", "-"):
                if not doc[k].text[:1].isupper():
                    break
                idxs.append(k)
            k += 1
        found = find_titles(doc, idxs, d)
        if not found or found[0][1][0] != i or not d.titles.get(tuple(found[0][0].split())):
            i += 1
            continue
        j = found[0][1][-1] + 1
        while j < n and doc[j].text in (".", "-"):
            j += 1
        k = j
        while (k < n and k - j < 3 and k not in taken and doc[k].tag_ in ("NNP", "NNPS")
               and doc[k].is_title and _word(doc[k]) not in d.sector_words
               and _word(doc[k]) not in d.title_vocab):
            k += 1
        if k > j:
            out.append((j, k))
        i = max(k, i + 1)
    return out


def head_sector(doc: Doc, start: int, end: int, d: Dictionary) -> str | None:
    """Sector from the noun a country word modifies: "Indian troops" -> MIL,
    "Pakistan's military" -> MIL, "Indian military officials" -> MIL,
    "Pakistani strikes" -> None."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod") or head.i < end:
        return None
    if head.i - end > 3:
        return None
    sector = d.sector_words.get(head.lower_)
    if head.lower_ in GENERIC_HEADS or sector is None:
        for t in doc[end:head.i]:
            s = d.sector_words.get(t.lower_)
            if s and t.dep_ in ("amod", "compound") and t.head.i == head.i:
                return s
    return sector


_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "but", "with",
                    "at", "by", "from", "as", "amid", "after", "over", "into", "is", "are",
                    "vs", "via", "its", "their", "his", "her", "if", "not", "be"})


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case lines: short, no closing punctuation, most
    words capitalised ("Pakistan Seeks Dialogue Post-Operation Sindoor")."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        s = line.strip()
        if not s or s[-1] in '.!?:;"\u201d\u2019)' or len(s) > 160:
            continue
        words = [w for w in _WORD.findall(s) if w.lower() not in _SMALL]
        if len(words) < 2 or len(words) > 20:
            continue
        caps = sum(1 for w in words if w[0].isupper())
        if caps / len(words) >= 0.75:
            out.append((start, start + len(line)))
    return out


__all__ = ["TitleInfo", "find_titles", "head_sector", "headline_ranges", "leading_title",
           "left_title", "right_title", "titled_names"]
