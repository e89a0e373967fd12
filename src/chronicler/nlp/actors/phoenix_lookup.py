"""Phoenix actors and agents for a noun phrase of a parsed sentence.

    phoenix_actor(tok, fd, day) -> PhoenixHit(country, sector, name) | None
    phoenix_name("Pacific Command")  -> ("USA", "MIL")  (a whole name, its default code)

The words of the phrase headed by ``tok`` (its left modifiers and the head: "Ivory
Coast rebels", "President Abdelaziz Bouteflika", "the Kenyan police") are looked up as
word tuples, longest first: an actor phrase gives the country (and the office
holder's sector on ``day``: Bouteflika is DZA ELI before April 1999, DZA GOV after), an
agent phrase ending at the head gives the sector ("police" COP, "rebels" REB,
"demonstrators" OPP); "Kenyan police" is KEN COP. A bare country is its code with no
sector (Phoenix's convention). Agents coded ``NGO~`` / ``IGO~`` ("human rights body")
make an organisation of that kind when no country is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from chronicler.nlp.actors.peoples import (
    INTERNATIONAL,
    NO_COUNTRY,
    SECTORS,
    listed_country,
    listed_entry,
)
from chronicler.nlp.actors.phoenix import PhoenixActors, PhoenixAgents, split_code
from chronicler.nlp.events.tree import tree_of
from chronicler.text.fold import strip_accents

SKIP_DEPS = frozenset({"det", "punct", "case", "predet", "cc", "prep"})


@dataclass(frozen=True)
class PhoenixHit:
    country: str | None
    sector: str | None
    name: str


def _plain(s: str) -> str:
    return strip_accents(s)


def phrase_tokens(tok: Token) -> list[Token]:
    """The head, its left modifiers and, for a name, the whole named entity ("the
    Organization of African Unity", "President Abdelaziz Bouteflika"), without
    determiners and punctuation."""
    toks = tree_of(tok.doc).toks
    return [toks[i] for i in _phrase_ix(tok)]


def _phrase_ix(tok: Token) -> list[int]:
    """``phrase_tokens`` by index (read from the event coder's lists of the parse,
    ``tree.tree_of``: a Token object and a form string per word was most of its
    cost)."""
    end, ent_start = tok.i, tok.i + 1
    tree = tree_of(tok.doc)
    toks, deps = tree.toks, tree.deps
    if tok.ent_type_:  # the entity's bounds from the IOB tags (doc.ents is rebuilt per call)
        ent_start = tok.i
        while ent_start > 0 and toks[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while end + 1 < len(toks) and toks[end + 1].ent_iob_ == "I":
            end += 1
    # (punctuation never: the files write "KURDISTAN_WORKERS_PARTY" for "Workers' Party"
    # and split hyphens as blanks)
    first = tok.left_edge.i
    lows = tree.lowers[first:end + 1]
    # (never "anti-Syria" or "pro-Iranian": whom someone is against or for)
    stance = _stance(toks, first, lows) if "anti" in lows or "pro" in lows else set()
    out = []  # (a loop: a comprehension made its reads cells on every call)
    for i, low in zip(range(first, end + 1), lows, strict=True):
        if i == tok.i or (i not in stance and not low.startswith(("anti-", "pro-"))
                          and not toks[i].is_punct and low not in ("'s", "'", "the") and (
                i >= ent_start or deps[i] not in SKIP_DEPS)):
            out.append(i)
    return out


def _stance(toks: list[Token], first: int, lows: list[str]) -> set[int]:
    """The tokens of "anti-Syria", "pro-Iranian" in ``lows`` (from token ``first``)."""
    return {first + k for j, low in enumerate(lows)
            if low in ("anti", "pro") and j + 2 < len(lows) and toks[first + j + 1].text == "-"
            for k in (j, j + 1, j + 2)}


def _place_word(t: Token) -> bool:
    """A one-word phrase counts only as a place or people's name ("Kenyan", "Nairobi")
    or a name standing alone ("Hamas")."""
    if not t.text[:1].isupper():
        return False
    if t.ent_type_ in ("GPE", "NORP", "LOC"):
        return True
    if t.pos_ == "ADJ" and t.dep_ in ("amod", "compound"):
        return True  # a people's adjective inside a name the NER made ("Bosnian Serbs")
    return t.ent_type_ != "" and t.ent_iob_ == "B" and (
        t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")


def phoenix_actor(tok: Token, actors: PhoenixActors, agents: PhoenixAgents,
                  day: date | None) -> PhoenixHit | None:
    at = _phrase_ix(tok)
    if not at:
        return None
    tree = tree_of(tok.doc)  # (``map``: no comprehension made, nor ``tree`` a cell)
    toks = list(map(tree.toks.__getitem__, at))
    words = list(map(_plain, map(tree.lowers.__getitem__, at)))
    lemmas = list(map(_plain, map(tree.lemmas.__getitem__, at)))
    n = len(words)
    country = sector = None
    name = ""
    # the longest actor phrase anywhere in the phrase
    found = None
    for size in range(min(n, actors.max_len), 0, -1):
        for s in range(0, n - size + 1):
            key = tuple(words[s:s + size])
            i = actors.phrases.get(key)
            if i is None:
                continue
            if size == 1 and not _place_word(toks[s]):
                continue  # "Organization", "forces": a word that also names something
            if toks[s].ent_iob_ == "I" and tree.poss[toks[s].i - 1] != "DET" and \
                    tree.toks[toks[s].i - 1].is_alpha:
                continue  # inside a name that starts before it: "South American" is no
                # American, "New Mexico" no Mexico (but "the Aum Shinrikyo", "anti-India")
            found = (i, s, size)
            break
        if found:
            break
    if found is None:  # a person by two of his three names ("President Laurent Kabila")
        found = next(((i, s, 2) for s in range(n - 1) if toks[s].ent_type_ == "PERSON" and
                      toks[s + 1].ent_type_ == "PERSON" and
                      (i := actors.short.get((words[s], words[s + 1]))) is not None), None)
    if found is not None:
        i, s, size = found
        # (out of office on the day, a person keeps the one country of his dated codes:
        # "PLO chairman Yasser Arafat" after his dates is still PSE, with no sector)
        c, sec = split_code(actors.entries[i].code_on(day, nationality=True))
        country = c if c and c not in NO_COUNTRY else None
        sector = sec if sec in SECTORS else None
        name = " ".join(t.text for t in toks[s:s + size])
    # the agent: the longest phrase ending at the head (forms or lemmas)
    for size in range(min(n, agents.max_len), 0, -1):
        ag = agents.phrases.get(tuple(words[n - size:])) or \
            agents.phrases.get(tuple(lemmas[n - size:]))
        if ag is not None:
            if ag.sector and (sector is None or found is None or found[1] + found[2] < n):
                sector = ag.sector if ag.sector in SECTORS else sector
            if ag.prefix and country is None:
                country = ag.prefix
            break
    if country is None and sector is None:
        return None
    if country in INTERNATIONAL and country != "IGO" and country in ("UNO", "EUR"):
        country = "IGO"
    return PhoenixHit(country=country, sector=sector,
                      name=name or " ".join(t.text for t in toks))


def phoenix_name(text: str) -> tuple[str, str | None] | None:
    """(country, sector) of a name Phoenix lists whole, by its default code, else the
    one country of its dated codes ("Hillary Clinton" USA, "Barack Obama" USA,
    "Pacific Command" USA MIL, "Security Council" IGO); None for a name of one word
    (too often a word of another name) or with no country."""
    from chronicler.nlp.actors.dictionary import norm

    entry = listed_entry(norm(text).replace(",", " ").replace("'", " "), 2)
    if entry is None:
        return None
    code, sector = split_code(entry.code_on(None, nationality=True))  # "Barack Obama"
    if len(code) != 3 or code in NO_COUNTRY:
        return None
    if code in ("UNO", "EUR"):
        code = "IGO"
    return code, (sector if sector in SECTORS else None)


def phoenix_place(text: str) -> str | None:
    """The country whose Phoenix entry lists ``text`` among its names ("Darfur" SDN,
    "Dagestan" RUS, "Helmand" AFG: the dictionary's regions and towns of a country), or
    None: not listed, listed by dated codes only (a disputed "Crimea"), or a person."""
    from chronicler.nlp.actors.dictionary import norm

    return listed_country(norm(text))
