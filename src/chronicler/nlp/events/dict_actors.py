"""Event arguments the article's mentions leave without a country, completed from the
Phoenix dictionaries ("Ivory Coast rebels" -> CIV REB, "President Abdelaziz
Bouteflika" -> DZA GOV on the article's date, "the Arab League" -> IGO), and the
recipient PLOVER gives a domestic event; and the word of a phrase that names who (a
counting head stands for what it counts: "hundreds of Angolan rebels" -> rebels; a
stance modifier names no one's country: "an anti-Syria journalist"; "both sides" names
the two sides of the dyad).

Both are fallbacks: a country the actors stage found is never replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from spacy.tokens import Span, Token

from chronicler.nlp.actors.dictionary import default_dictionary
from chronicler.nlp.actors.phoenix import split_code
from chronicler.nlp.actors.phoenix_lookup import INTERNATIONAL, SECTORS, phoenix_actor
from chronicler.nlp.events.dictionaries import load_field_dictionaries
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.tree import STEPS, _Seen, children_ix, kids, subtree, subtree_ix, tree_of
from chronicler.records import EventActor, Mention, Place

NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})
# Heads that only count or group the people an "of" phrase names ("hundreds of Angolan
# rebels", "a group of gunmen", "52 members of the banned movement"): the phrase is who.
PARTITIVE = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions",
                       "dozen", "dozens", "score", "scores", "ten", "tens", "number",
                       "group", "band", "handful", "contingent", "couple", "batch",
                       "majority", "minority", "rest", "remnant", "member", "some", "many",
                       "several", "most", "all", "both", "few", "none", "one"})


def partitive_core(tok: Token) -> Token:
    """The noun a counting or grouping head stands for ("[dozens] of Kenyan police" ->
    police, "[two] of the soldiers" -> soldiers); ``tok`` itself otherwise, and for a
    named head ("the Group of Eight") or one the NER made part of a name."""
    tree = tree_of(tok.doc)  # (by index: read for each argument resolved)
    for _ in STEPS[2]:
        i = tok.i
        if tok.ent_type_ not in ("", "CARDINAL", "QUANTITY") or not (
                tree.lemmas[i] in PARTITIVE or tree.lowers[i] in PARTITIVE
                or tree.poss[i] == "NUM"):
            return tok
        inner = [o for p in kids(tok) if p.dep_ == "prep" and p.lower_ == "of"
                 for o in kids(p) if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
        if not inner:
            return tok
        tok = inner[0]
    return tok


def against_or_for(t: Token) -> bool:
    """"anti-Syria", "pro-Iranian": a modifier naming whom someone is for or against."""
    if t.lower_.startswith(("anti-", "pro-")):
        return True
    d = t.doc
    return t.i >= 2 and d[t.i - 1].text == "-" and d[t.i - 2].lower_ in ("anti", "pro")


NUMERIC_ENTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})


def swallowed_country(tok: Token) -> EventActor | None:
    """A country the tagger swallowed into an amount ("gave [Bangladesh 30 million
    dollars]"), so that no mention of it was made; None for any other token."""
    if tree_of(tok.doc).poss[tok.i] != "PROPN" or tok.ent_type_ not in NUMERIC_ENTS:
        return None
    d = default_dictionary()
    code = d.country_code(tok.text)
    return None if code is None else EventActor(name=d.country_names.get(code, tok.text),
                                                country=code, sector=None)


# An aid body named by its kind ("international relief agencies", "humanitarian
# organisations"): PLOVER codes aid agencies and charities as NGO actors
# when no country is named for them (a country's own agency is its country's, found
# before this); the kind's modifier says it is one ("Merovian agencies" are not).
AID_BODIES = frozenset({"agency", "organisation", "organization", "charity", "group",
                        "ngo", "staff", "mission"})  # ("aid workers": civilians)
AID_KINDS = frozenset({"international", "aid", "relief", "humanitarian", "charitable"})


def aid_body(tree: _Seen, i: int) -> str | None:
    """"NGO" when token ``i`` names an aid body by its kind, else None."""
    if tree.lemmas[i] not in AID_BODIES:
        return None
    deps, lowers = tree.deps, tree.lowers
    kinds = [m for m in children_ix(tree, i) if deps[m] in ("amod", "compound")]
    return "NGO" if any(lowers[m] in AID_KINDS for m in kinds) else None


# "Troops loyal to President X", "militias allied with the government": armed men named
# by whom they serve fight for that side's country (their own sector stays theirs).
LOYALTY = frozenset({"loyal", "allied", "faithful"})


def patrons(tok: Token) -> list[Token]:
    """Whom the people ``tok`` names are loyal to: the objects of "to"/"with" under a
    loyalty word that modifies ``tok`` ("gunmen loyal to the former president")."""
    tree = tree_of(tok.doc)  # (by index)
    deps, lowers = tree.deps, tree.lowers
    for m in children_ix(tree, tok.i):  # (first a loop: most words have no such word)
        if deps[m] in ("amod", "acl") and lowers[m] in LOYALTY:
            return _loyal_to(tree, tok.i)
    return []


def _loyal_to(tree: _Seen, i: int) -> list[Token]:
    """``patrons`` of token ``i`` (its own function: the variables its comprehension
    reads were cells on every call)."""
    deps, lowers = tree.deps, tree.lowers
    return [tree.toks[o] for m in children_ix(tree, i)
            if deps[m] in ("amod", "acl") and lowers[m] in LOYALTY
            for p in children_ix(tree, m) if deps[p] == "prep" and lowers[p] in ("to", "with")
            for o in children_ix(tree, p) if deps[o] == "pobj"]


RECIPROCAL_HEADS = frozenset({"side", "country", "nation", "neighbour", "neighbor", "army",
                              "military", "government", "rival", "adversary", "foe"})


def reciprocal_phrase(tok: Token, lex: Lexicon) -> bool:
    """"both sides", "each other", "the two nuclear-armed neighbours" headed by ``tok``."""
    if tok.lower_ not in lex.reciprocal_ends:
        return False  # cheap test first: the phrase's last word
    if tok.lemma_.lower() in RECIPROCAL_HEADS and tok.tag_ in ("NNS", "NNPS") and any(
            c.lower_ in ("two", "both") for c in kids(tok)
            if c.dep_ in ("nummod", "det", "predet", "preconj", "amod")):
        return True
    words = " ".join(t.lower_ for t in subtree(tok) if t.dep_ != "punct")
    return any(words == " ".join(p) or words.endswith(" " + " ".join(p))
               for p in lex.reciprocal_phrases)


def agent_sector(tok: Token) -> str | None:
    """The Phoenix agent sector of a common noun ("demonstrators" OPP, "police" COP)."""
    if tok.pos_ != "NOUN":
        return None
    ag = load_field_dictionaries().agents.phrases
    got = ag.get((tok.lower_,)) or ag.get((tok.lemma_.lower(),))
    return got.sector if got is not None and got.sector in SECTORS else None


def person_country(tok: Token, day: date | None) -> str | None:
    """The country Phoenix gives the person named by ``tok``'s whole entity (two words
    at least: "Bill Clinton", never a surname alone)."""
    ent = entity_of(tok)
    tree = tree_of(tok.doc)  # (by index: ``doc[i]`` makes a Token object per read)
    if ent is None or len(ent) == 1:  # (a last word the model left out or tagged apart:
        # "[Ahmad Tejan] Kabbah" is one name)
        prev = entity_of(tree.toks[tok.i - 1]) if tok.i and tree.deps[tok.i - 1] == "compound" \
            else None
        if prev is not None and tree.toks[tok.i - 1].ent_type_ == "PERSON" and prev.end == tok.i:
            ent = Span(tok.doc, prev.start, tok.i + 1)
        elif ent is None:
            return None
    fd = load_field_dictionaries()
    # with the title the parse hangs before the name ("President Reagan", which Phoenix
    # lists as a phrase of its own), else the name itself
    start = ent.start
    while start > 0 and tree.deps[start - 1] == "compound" and \
            tree.heads[start - 1] in range(ent.start, ent.end) and \
            tree.toks[start - 1].text[:1].isupper():
        start -= 1
    tries = [Span(tok.doc, start, ent.end)] if start < ent.start else []  # (no slice read)
    if len(ent) >= 2:
        tries.append(ent)
    i = next((j for sp in tries if (j := fd.actors.phrases.get(tuple(_plain_words(sp))))
              is not None), None)
    if i is None:  # (by two of three names only in office on the day: "Laurent Kabila")
        i = fd.actors.short.get(tuple(_plain_words(ent)))
        if i is None or day is None or not any(
                (lo or hi) and (lo is None or lo <= day) and (hi is None or day <= hi)
                for _, lo, hi in fd.actors.entries[i].restrictions):
            return None
    code = split_code(fd.actors.entries[i].code_on(day, nationality=True))[0]
    return code if len(code) == 3 and code not in ("IGO", "NGO", "IMG") else None


# nouns of those who govern where they are: "authorities in Lagos" are Nigeria's, while
# a state's people "in" a capital may be posted there ("diplomats in Varsk")
GOVERNING = frozenset({"authority", "official", "administration", "governor", "mayor",
                       "municipality"})


def governing_here(tok: Token) -> bool:
    """A plain noun of those who govern ("authorities", "officials"), whose "in" names
    the place they govern."""
    return tok.pos_ == "NOUN" and tree_of(tok.doc).lemmas[tok.i] in GOVERNING


def entity_of(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of, from the IOB tags around it (the span of
    ``doc.ents`` holding it, without building every entity of the document)."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc = tok.doc
    toks = tree_of(doc).toks  # (the parse's Token objects: ``doc[i]`` makes one per read)
    start = tok.i
    while start > 0 and toks[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and toks[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end)  # (``doc[start:end]`` reads the slice in Python first)


def _plain_words(ent: Span) -> list[str]:
    return [w for t in ent if not t.is_punct
            for w in t.lower_.replace("-", " ").split()]


def complete(got: EventActor | None, tok: Token, day: date | None, name: Callable[[], str]
             ) -> EventActor | None:
    """``got`` with the Phoenix country (and sector) of the phrase headed by ``tok`` when
    it has no country; a new actor (``name()`` its name, else Phoenix's) when the phrase
    names one the mentions missed."""
    if got is not None and got.country:
        return got
    if tok.pos_ not in NOUNISH:
        return got
    fd = load_field_dictionaries()
    hit = phoenix_actor(tok, fd.actors, fd.agents, day)
    if hit is None:
        return got
    if hit.country is None and got is not None:
        # a transnational group Phoenix knows ("INTREB"): its sector, no country
        return got if got.sector or not hit.sector else got.model_copy(
            update={"sector": hit.sector})
    if got is None:
        if hit.country is None and hit.sector is None:
            return None
        return EventActor(name=name() or hit.name, country=hit.country, sector=hit.sector)
    return got.model_copy(update={"country": hit.country, "sector": got.sector or hit.sector})


# PLOVER: a protest, a curfew, an arrest, a ban inside a country has that country as
# recipient ("Egyptian demonstrators rioted" -> EGY -> EGY); so has a concession that
# names no one abroad (lifting a curfew or a state of emergency, releasing prisoners,
# easing a ban: what a state concedes, it concedes to its own people), and a retreat
# (hostages freed by rebels, guns pulled back, a minister resigning: at home)
DOMESTIC = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT"})
# verbal events are domestic only when a non-state actor addresses its own state
# ("Zimbabwe's opposition demanded ...") or someone named without a country is addressed
# ("ordered the former president to appear"), not when a government speaks of talks
VERBAL_DOMESTIC = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN"})
# ... and a threat, refusal or accusation that names no one at all, when the sentence
# names no other country: PLOVER's records code it at home ("declined to resign despite
# pressure from the anti-corruption commission", "warned it would shut down more
# newspapers": the actor's country on both sides), unless the article is one side's
# against another's ("India refused to engage" answers Pakistan); a request that names
# no one ("open to dialogue") stays unaddressed
UNADDRESSED = frozenset({"REJECT", "ACCUSE", "THREATEN"})
# groups that are at home wherever they are named without a country, whatever is done
# to them: rebels and the opposition ("suspended peace talks with communist rebels")
HOME_SECTORS = frozenset({"REB", "OPP"})
# words that put an unnamed addressee abroad
ABROAD_WORDS = frozenset({"foreign", "international", "outside", "external", "third-party",
                          "overseas"})
STATE = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PRM"})


# Events a group named by its kind ("protesters", "rioters", "police", "soldiers") takes
# part in, in a place the sentence names: PLOVER codes them by that place's country
# ("protesters took to the streets in Caracas" VEN; "rioters clashed with police in
# Nairobi" KEN; "soldiers burned houses in a village in X" hits X's people).
PLACED = frozenset({"PROTEST", "ASSAULT", "COERCE"})
# sectors that can act abroad: their country is not where they act ("soldiers burned
# houses in X" says whose houses, not whose soldiers); the others act at home
ABROAD = frozenset({"MIL", "REB", "UAF", "PRM", "SPY"})
# sectors that act where they are: police, a court, a legislature with no name of its own
# are of the country of the place their act is at ("police arrested 30 in Peshawar")
HOME_ACTING = frozenset({"COP", "JUD", "LEG"})


def placed_people(type_: str, actors: Sequence[EventActor], place: Place | None) -> bool:
    """Does a group named by its kind take part in an event of a PLACED type in a
    place with a country (so the event has a country though no one was named by one)?"""
    return type_ in PLACED and place is not None and bool(place.country) and \
        any(a.sector for a in actors)


def place_sides(actors: list[EventActor], recipients: list[EventActor], place: Place
                ) -> tuple[list[EventActor], list[EventActor]]:
    """The sides of a placed event (``placed_people``) where no one has a country:
    a group that acts at home (police, protesters, a government) is the place's; whom
    the event hit, named or not, are the place's people."""
    code = place.country
    if code is None or any(a.country for a in actors) or any(
            r.country not in (None, code) for r in recipients):
        return actors, recipients  # (a recipient may have the place's country already:
        # an attack hits where it falls, ``inference``)
    actors = [a.model_copy(update={"country": code}) if a.sector and a.sector not in ABROAD
              else a for a in actors]
    recipients = [r if r.country else r.model_copy(update={"country": code})
                  for r in recipients if r.sector or r.country] or \
        [EventActor(name=code, country=code, sector=None)]
    return actors, recipients


def sentence_countries(sent: Span, mention_at: Mapping[int, Sequence[Mention]],
                       place_at: Mapping[int, Place]) -> list[str]:
    """Countries the sentence names (its mentions' and places' countries), in order;
    not an international body's code (Amnesty's NGO is no country its detainees are of)."""
    out: list[str] = []
    for i in range(sent.start, sent.end):  # (indices: no Token object per word)
        if i not in mention_at and i not in place_at:
            continue  # (most words: no call for them)
        c = _country_at(i, mention_at, place_at)
        if c and c not in out and c not in INTERNATIONAL:
            out.append(c)
    return out


# words of a source that observes (a diplomat, the press, an agency or rights group): a
# country named only as one reports is no party
OBSERVING = frozenset({"embassy", "consulate", "diplomat", "diplomats", "diplomatic",
                       "media", "television", "tv", "radio", "newspaper", "daily", "press",
                       "agency", "agencies", "channel", "broadcaster", "group", "watchdog"})


def observers(speakers: Sequence[Token], mention_at: Mapping[int, Sequence[Mention]]
              ) -> set[str]:
    """The countries of a report's speakers when they are a source that observes ("a
    spokesman at the American embassy said", "diplomatic sources in neighbouring Pakistan
    said", "Thai media reported", "a Polish rights group said"), not a state speaking of
    its own ("India said Pakistani troops fired")."""
    if not speakers:
        return set()
    lowers = tree_of(speakers[0].doc).lowers  # (by index: no Token per word)
    at: list[int] = []  # (a loop: a comprehension was a function made per call)
    for s in speakers:
        at += subtree_ix(s)
    if OBSERVING.isdisjoint(map(lowers.__getitem__, at)):
        return set()
    return {m.country for x in at for m in mention_at.get(x, ()) if m.country}


def sole_country(actors: list[EventActor], named: Sequence[str],
                 persons: frozenset[str] = frozenset(), anyone: bool = False
                 ) -> list[EventActor]:
    """Arguments with no country take the sentence's only country ("Shona rebels" or a
    named person of no known country, in a sentence about Zimbabwe; with ``anyone``,
    any protesters: a protest is domestic, PLOVER); with two or more countries named,
    nothing is guessed."""
    if len(named) != 1 or not actors or any(a.country for a in actors):
        return actors
    if not anyone and not all(_named(a.name) or a.actor_id in persons for a in actors):
        return actors  # "gunmen", "the European Community": no one the sentence places
    return [a.model_copy(update={"country": named[0]}) for a in actors]


def _named(name: str) -> bool:
    """A group named by a people or place word ("Shona rebels", "Tamil refugees"): a
    common noun with a capitalised modifier; not a bare noun ("Gunmen", capitalised as
    the sentence's first word) nor an organisation's own name ("European Community"),
    whose country is not where it acts."""
    words = name.split()
    return len(words) >= 2 and words[-1].islower() and any(w[:1].isupper() for w in words)


# the object side of a verb: what is done, refused, promised or asked, and to whom
OBJECT_SIDE = frozenset({"dobj", "dative", "xcomp", "ccomp", "prep", "attr", "oprd",
                         "nsubjpass", "acomp"})
# prepositions that give a cause, a time or a concession, not a party
NOT_PARTY_PREPS = frozenset({"because", "after", "before", "following", "despite", "during",
                             "since", "until", "amid", "by", "according", "as", "like"})


def object_country(heads: Sequence[Token], acts: set[str],
                   mention_at: Mapping[int, Sequence[Mention]],
                   place_at: Mapping[int, Place], countries_only: bool = False) -> str | None:
    """The first country named on the object side of the event's verb (not the actor's):
    "refused to commit to the US-led war" -> USA, "refused to deploy peacekeepers in
    Iraq" -> IRQ, "would not answer a request from the French President" -> FRA (with
    ``countries_only``, only a country named as one: "against Nigeria", not a person)."""
    if not heads:
        return None
    tree = tree_of(heads[0].doc)  # (by index: no Token per word of the object side)
    deps, lowers, toks = tree.deps, tree.lowers, tree.toks
    for h in heads:
        for ch in children_ix(tree, h.i):
            if deps[ch] not in OBJECT_SIDE or ch < h.i and deps[ch] == "prep":
                continue
            if deps[ch] == "prep" and lowers[ch] in NOT_PARTY_PREPS:
                continue
            skip_to = -1
            for x in subtree_ix(toks[ch]):
                if x <= skip_to:
                    continue
                if deps[x] == "prep" and lowers[x] in NOT_PARTY_PREPS:
                    break  # (the rest is a cause or a time: "because of fighting")
                if deps[x] == "relcl" and _own_act(toks[x]):
                    skip_to = toks[x].right_edge.i  # ("arrested protesters who had rallied
                    continue  # against India": whom they acted on is not who they are)
                ms = mention_at.get(x)
                code = next((m.country for m in ms if m.country and (
                    m.label == "GPE" or not countries_only)), None) if ms else None
                if code is None and x in place_at and not countries_only:
                    code = place_at[x].country
                if code and code not in acts and len(code) == 3:
                    return code
    return None


def own_act_countries(heads: Sequence[Token], sent: Span,
                      mention_at: Mapping[int, Sequence[Mention]],
                      place_at: Mapping[int, Place]) -> set[str]:
    """Countries the sentence names only inside what the event's object did ("arrested
    protesters who had rallied against India"): no side of this event."""
    tree = tree_of(sent.doc)  # (by index)
    deps, toks = tree.deps, tree.toks
    spans = [(toks[x].left_edge.i, toks[x].right_edge.i + 1) for h in heads
             for ch in children_ix(tree, h.i) if deps[ch] in OBJECT_SIDE and ch > h.i
             for x in subtree_ix(toks[ch]) if deps[x] == "relcl" and _own_act(toks[x])]
    if not spans:
        return set()
    inside = {c for a, b in spans for c in sentence_countries(
        sent[a - sent.start:b - sent.start], mention_at, place_at)}
    outside = [i for i in range(sent.start, sent.end) if not any(a <= i < b for a, b in spans)]
    return inside - {_country_at(i, mention_at, place_at) for i in outside}


# the state a protest is against when it is against the state's own act ("marched against
# the government's decision to ..."): the protesters' own (PLOVER's domestic protest)
STATE_OWNERS = frozenset({"government", "authority", "administration", "regime",
                          "parliament", "president", "cabinet"})


def against_own_state(heads: Sequence[Token]) -> bool:
    """Is the event against an unnamed state's act: "against"/"over" a noun whose
    possessor is a state word ("the government's decision", "the regime's plan")?"""
    tree = tree_of(heads[0].doc)  # (by index)
    deps, lowers, lemmas = tree.deps, tree.lowers, tree.lemmas
    return any(deps[o] == "pobj" and deps[w] == "poss" and lemmas[w] in STATE_OWNERS
               for h in heads for p in children_ix(tree, h.i)
               if deps[p] == "prep" and lowers[p] in ("against", "over")
               for o in children_ix(tree, p) for w in children_ix(tree, o))


def _country_at(i: int, mention_at: Mapping[int, Sequence[Mention]],
                place_at: Mapping[int, Place]) -> str | None:
    """The country of the mention, else of the place, on token ``i``."""
    c = None
    for m in mention_at.get(i) or ():  # (a loop: read for each word of a sentence)
        if m.country:
            c = m.country
            break
    if c is None and i in place_at:
        c = place_at[i].country
    return c


def _own_act(relcl: Token) -> bool:
    """A relative clause whose subject is its own noun ("protesters who rallied against
    X"): what that noun did, not who made it ("a plan that Norvane proposed")."""
    return any(ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ in ("WP", "WDT")
               for ch in kids(relcl))


def domestic_recipient(type_: str, actors: Sequence[EventActor],
                       recipients: Sequence[EventActor], named: Sequence[str],
                       dyad: Sequence[str] = (), elsewhere: bool = False
                       ) -> list[EventActor] | None:
    """A recipient for an event that has none with a country: the one other country
    the sentence names, else (domestic) the actor's own country; None to keep.
    ``dyad``: the article's two sides, if it has them (an unaddressed refusal by one of
    them answers the other, whom the sentence may not name); ``elsewhere``: the event's
    words say its addressee is foreign ("opposed to any foreign mediation"), or it
    answers someone (a denial answers an accuser)."""
    if any(r.country for r in recipients):
        return None
    unaddressed = not recipients and type_ in UNADDRESSED and not elsewhere and not (
        len(dyad) == 2 and any(a.country in dyad for a in actors))
    home_groups = bool(recipients) and all(r.sector in HOME_SECTORS for r in recipients)
    if type_ not in DOMESTIC and not home_groups and not (type_ in VERBAL_DOMESTIC and (
            any(r.sector for r in recipients) or actors and all(
                a.sector and a.sector not in STATE for a in actors) or unaddressed)):
        return None  # (a government "open to dialogue" addresses no one at home)
    acts = [a.country for a in actors if a.country]
    if not acts:
        return None
    home = [c for c in acts if c not in INTERNATIONAL]  # (a transnational group,
    # "Islamic State attackers", has no home its deeds are domestic to)
    others = [c for c in named if c not in acts]
    code = others[0] if len(others) == 1 else (home[0] if not others and home else None)
    if code is None:
        return None
    keep = [r for r in recipients if r.sector or r.actor_id]  # (a group, or someone named)
    if keep:
        return [r.model_copy(update={"country": code}) for r in keep]
    return [EventActor(name=code, country=code, sector=None)]

