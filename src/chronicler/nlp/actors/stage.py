"""Actors: every PERSON, ORG, GPE and NORP mention resolved to an actor with a PLOVER
country and sector, plus the title and pronoun mentions that corefer with them.

    chronicler debug actors "Pakistan's Deputy Prime Minister Ishaq Dar said ..."

How a mention finds its actor, in order:

1. **The dictionary** (``actor_dict``; data in ``chronicler/data/actors``): named
   people, organisations, parties, armed groups, IGOs. Its names are also EntityRuler
   patterns, so the NER tags them right ("Lashkar-e-Taiba" is no PERSON, "Dar" alone is
   one). An ambiguous alias ("Congress") goes to the dictionary the article talks
   about most, then to the article's main country, then to the country it mentions
   most.
2. **Countries, demonyms and capitals**: country_converter names and regexes, a small
   demonym file, GeoNames' capitals. A country or demonym is a mention of the
   country actor (sector from the noun it goes with: "Indian troops" -> MIL); a
   capital is the country's government ("New Delhi said" -> IND GOV), except where
   it is a location ("a meeting in Washington"). A word of a longer name is no
   country ("Cook Political Report", "New Jersey Generals": a region's name is its
   country's), and a state that shares a country's name ("Georgia") is the state
   where the article reads so (``regions``). An unknown organisation takes the
   country its name names (``ArticleView.name_country``), else Phoenix's code for
   the whole name ("Joint Chiefs of Staff"); a UN organ named bare ("the General
   Assembly") in a story that names the UN is the UN's.
3. **Titles and appositives** for people the dictionary does not know: "India's Chief
   of Defence Staff, General Anil Chauhan" -> IND MIL; "Syed Tariq Fatemi, Special
   Assistant to the Prime Minister" -> GOV, country from the article when the text
   names none; a legislator's party-state tag or home state ("Sen. X (R-Tenn.)",
   "Senator Y of Kentucky", "Ohio Rep. Z") gives the state's country. A titled person
   with no country takes the article's main country (the one its country names, its
   known actors (the dictionary's and Phoenix's) and its regions (US states) name most
   together: a national politics story that names its own country only through its
   politicians and states is about that country, not the foreign one it names often);
   an untitled unknown person gets no country.
4. **Coreference** (``coref``): surnames, "the minister", he/she/they.

Places that are not countries or capitals are not actors (the places stage has them);
nor are title-case headline words the NER mistook for names ("India Reaches").
Country actors carry no sector of their own; each mention carries its context's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from chronicler.nlp.actors.coref import Cluster, name_words
from chronicler.nlp.actors.dictionary import (
    Dictionary,
    actor_id,
    default_dictionary,
    entity_patterns,
    merge_actors,
)
from chronicler.nlp.actors.phoenix import split_code
from chronicler.nlp.actors.phoenix_lookup import SECTORS
from chronicler.nlp.actors.resolve import Resolver
from chronicler.nlp.actors.spans import _city_names, build_view
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Actor, Mention


# ----------------------------------------------------------------------- records
def _finish(cl: Cluster, context: str | None, day: date | None = None) -> None:
    """An unknown person's sector is their title's; their country the one the text
    gives, else the one Phoenix's office holders give on the article's date ("President
    Reagan", "Abdelaziz Bouteflika"), else (only if titled) the article's main country."""
    if cl.type == "PERSON" and cl.entry is None:
        known = None if cl.title_country else phoenix_person(cl, day)
        cl.sector = cl.title_sector or (known[1] if known else None)
        cl.country = cl.title_country or (known[0] if known else None) or (
            context if cl.title_sector else None)


def phoenix_person(cl: Cluster, day: date | None) -> tuple[str, str | None] | None:
    """The country and sector of a person Phoenix lists, by full name (two words at least) or by
    title and surname ("president reagan"): its code on ``day``. One dictionary lookup
    per phrase, once per person of the article."""
    from chronicler.nlp.events.dictionaries import load_field_dictionaries

    words = tuple(w for w in name_words(cl.name) if w)
    tries: list[tuple[str, ...]] = [words] if len(words) >= 2 else []
    for t in sorted(cl.titles):
        tw = tuple(t.split())
        tries += [tw + words, tw + (cl.surname,)] if cl.surname else [tw + words]
    fd = load_field_dictionaries()
    found = [fd.actors.entries[i] for key in tries if (i := fd.actors.phrases.get(key)) is not None]
    # the code on the day; for a name the text gives no title, else its one country on
    # any day: a former leader is still a national ("Boris Yeltsin" in 2003 is RUS),
    # while a titled one's role is what the title says ("Secretary-General Ban": IGO)
    for nationality in (False,) if cl.titles else (False, True):
        for entry in found:
            code, sector = split_code(entry.code_on(day, nationality))
            if len(code) == 3:
                return code, (sector if sector in SECTORS else None)
    return None


def extract_actors(doc: Doc, ctx: ArticleContext,
                   d: Dictionary | None = None) -> tuple[list[Actor], list[Mention]]:
    """Actors (one per referent, first-mention order) and their mentions (text order)."""
    d = d or default_dictionary()
    v = build_view(doc, d)
    r = Resolver(v, ctx.published)
    r.run()
    drafts = sorted(r.drafts, key=lambda x: (x.start, x.end, x.cluster.ref))
    ids: dict[str, str] = {}
    actors: list[Actor] = []
    for dr in drafts:
        cl = dr.cluster
        if cl.ref in ids:
            continue
        _finish(cl, v.context, ctx.published)
        ids[cl.ref] = actor_id(cl.name, cl.type, cl.country)
        actors.append(Actor(id=ids[cl.ref], name=cl.name, type=cl.type,  # type: ignore[arg-type]
                            country=cl.country, sector=cl.sector,
                            aliases=sorted(set(cl.surfaces) - {cl.name})))
    mentions: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for dr in drafts:
        key = (dr.start, dr.end, dr.cluster.ref)
        if key in seen:
            continue
        seen.add(key)
        span = doc[dr.start:dr.end]
        mentions.append(Mention(
            article_id=ctx.article_id, actor_id=ids[dr.cluster.ref], text=span.text,
            span=(span.start_char, span.end_char), label=dr.label, country=dr.cluster.country,
            sector=dr.sector if dr.sector is not None else dr.cluster.sector,
            sentence=v.sent_of[dr.start]))
    return merge_actors(actors), ethnic_residence(doc, mentions)


NOT_COUNTRIES = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "ISM", "MNC", "INT"})


def ethnic_residence(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A people named as an ethnic group ("ethnic Albanians", "ethnic Turks") is coded by
    the country it lives in, Phoenix's convention: the nearest country other than the
    demonym's that its sentence names, a place name first ("ethnic Albanians in south
    Serbia" SRB), else a demonym ("the Serbian government rejected demands by ethnic
    Albanians" SRB); unchanged when it names no other. A people named after the place
    it lives in ("Kosovo Albanians") is of that place's country. The mention changes, not
    the country actor it names."""
    out: list[Mention] = []
    places = {m.span[1]: m for m in mentions if m.label == "GPE" and m.country
              and len(m.country) == 3 and m.country not in NOT_COUNTRIES}
    for m in mentions:
        home = places.get(m.span[0] - 1) if m.label == "NORP" and m.country else None
        if home is not None and home.country != m.country and home.sentence == m.sentence \
                and doc.text[home.span[1]:m.span[0]] == " ":
            m = m.model_copy(update={"country": home.country})
        elif m.label == "NORP" and m.country:
            span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            if span is not None and (span[0].lower_ == "ethnic" or span.start > 0
                                     and doc[span.start - 1].lower_ == "ethnic"):
                near = [(o.label != "GPE", abs(o.span[0] - m.span[0]), o.span[0], o.country)
                        for o in mentions if o.sentence == m.sentence and o is not m
                        and o.label in ("GPE", "NORP") and o.country
                        and o.country != m.country and len(o.country) == 3
                        and o.country not in NOT_COUNTRIES]
                if near:
                    m = m.model_copy(update={"country": min(near)[3]})
        out.append(m)
    return out


def actor_patterns() -> list[dict[str, Any]]:
    return entity_patterns(default_dictionary())


def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    actors, mentions = extract_actors(doc, ctx)
    return {"actors": actors, "mentions": mentions}


STAGE = Stage(
    name="chronicler.actors.v1",
    # lemma: speech verbs ("he said"); tag: verbs and proper nouns around titles.
    requires=("doc.ents", "token.dep", "token.head", "doc.sents", "token.lemma", "token.tag",
              "token.ent_type"),
    assigns=("actors", "mentions"),
    run=_run,
    patterns=actor_patterns,
    load=_city_names,
    doc=__doc__ or "",
)
