"""What the sentence leaves implicit, filled after the parse found the arguments
(``arguments``): the article's dyad, the reporter's own forces, and the place of an
attack (whom it hit when no one is named, the people of the place)."""

from __future__ import annotations

from chronicler.nlp.events.attach import VICTIM_CVL
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.dict_actors import ABROAD, observers
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.modes import clause_tokens, lemma_set
from chronicler.nlp.events.parties import STATE_SECTORS, countries
from chronicler.nlp.events.tree import STEPS, kids, subtree
from chronicler.nlp.places.toponyms import resolve_place
from chronicler.records import EventActor, Place


def infer_from_dyad(c: Candidate, ix: ArticleIndex) -> None:
    """Dyad rules of the module docstring, applied after the parse found what it could."""
    res = ix.resolver
    dyad = ix.dyad
    if c.between and not c.actors:
        c.actors = list(c.between)
    if c.reciprocal or (c.spec.type == "RETREAT" and not c.actors
                        and "ceasefire" in c.modes):
        if len(dyad) == 2:
            both = list(c.between) if len(c.between) >= 2 else \
                [res.country_actor(dyad[0], "GOV"), res.country_actor(dyad[1], "GOV")]
            known = countries(c.actors)
            c.actors = c.actors + [a for a in both if a.country not in known]
            if c.spec.type == "ASSAULT":
                c.recipients = [a for a in both]
    rep = c.reported_by.country if c.reported_by is not None else None
    if rep and c.report is not None and rep in observers(c.report.speakers, res.mention_at):
        rep = None  # ("police arrested ..., a Polish rights group said": not its police)
    if rep and c.actors and not countries(c.actors) and all(
            a.sector in STATE_SECTORS for a in c.actors):
        # "Halvik said the armed forces had destroyed ...": the speaker's own forces
        c.actors = [a.model_copy(update={"country": rep}) for a in c.actors]
    acts = countries(c.actors)
    recs = countries(c.recipients)
    if c.spec.infer_actor and not acts:
        code = None
        if c.reported_by is not None and c.reported_by.country and \
                c.reported_by.country not in recs:
            code = c.reported_by.country  # the speaker announcing or reporting it
        elif len(dyad) == 2 and len(recs & set(dyad)) == 1:
            code = dyad[1] if dyad[0] in recs else dyad[0]
        if code is not None:
            if c.actors:  # "the armed forces", said Kaldorian officials: theirs
                c.actors = [a.model_copy(update={"country": code}) for a in c.actors]
            else:
                c.actors = [res.country_actor(code, "GOV")]
        acts = countries(c.actors)
    if c.spec.infer_recipient and not recs and len(dyad) == 2 and len(acts) == 1 \
            and acts <= set(dyad):
        other = dyad[1] if dyad[0] in acts else dyad[0]
        if c.report is None or other not in observers(c.report.speakers, res.mention_at):
            c.recipients = [res.country_actor(other)]  # (not a diplomatic source's)
    if c.spec.type == "ASSAULT":
        # "the Pahalgam terror attack that claimed 26 lives": militants against the
        # civilians of the place it happened in
        mods = lemma_set([x for x in kids(c.trigger) if x.dep_ in ("compound", "amod")])
        if not c.actors and mods & ix.lex.terror_words:
            c.actors = [EventActor(name="militants", sector="REB")]
        own = lemma_set(clause_tokens([c.trigger, *c.heads[1:]]) + [
            x for r in kids(c.trigger) if r.dep_ == "relcl" for x in subtree(r)])
        if c.place is not None and c.place.country:
            if not c.recipients and own & VICTIM_CVL:
                c.recipients = [EventActor(name="civilians", country=c.place.country,
                                           sector="CVL")]
            elif not c.recipients and c.actors and _in_own_clause(c, ix) and \
                    _placed_alone(c.place):
                # "gunmen attacked a police station in Kandahar": no one named is hit,
                # the place is (PLOVER codes an attack by where it falls)
                c.recipients = [res.country_actor(c.place.country)]
            elif c.recipients and not countries(c.recipients):
                # "killing 12 people" in Baghdad, "three policemen" in Peshawar, "the
                # mayor of a town in Guerrero": the people, police or officials of the
                # place ("Russian advisers" keep theirs; a force or an armed group is
                # not placed by where: it may be abroad)
                c.recipients = [r.model_copy(update={
                    "country": c.place.country, "sector": r.sector or "CVL"})
                    if _victims(r) or r.sector and r.sector not in ABROAD else r
                    for r in c.recipients]
    # (a bare country acting keeps no sector: Phoenix's convention, roles.of_mention)


# links that leave a clause: a place past one is where something else happened
CLAUSE_LINKS = frozenset({"ccomp", "advcl", "conj", "relcl", "xcomp", "acl", "parataxis"})


def _in_own_clause(c: Candidate, ix: ArticleIndex) -> bool:
    """Is the event's place named in the trigger's own clause (its phrases, not a
    clause hung on it: "claimed the attacks in Paris, and messages suggested a plot in
    the United States" places no attack in the United States)?"""
    own = {c.trigger.i, *(h.i for h in c.heads)}
    for p, a, _b in ix.places:
        if p is not c.place:
            continue
        t = ix.doc[a]
        for _ in STEPS[8]:
            if t.i in own:
                return True
            if t.dep_ in CLAUSE_LINKS or t.head.i == t.i:
                return False
            t = t.head
    return False


def _placed_alone(place: Place) -> bool:
    """Does the place's country hold without the article's context (the gazetteer's
    choice for the name alone)? In an American story "Paris" is Paris, Texas, by
    context; a recipient is not read off such a guess."""
    alone = resolve_place(place.text)
    return alone is not None and alone.country == place.country


def _victims(r: EventActor) -> bool:
    """Generic people hit ("12 people", "civilians", "three tourists"), not a force, a
    group or someone named."""
    words = r.name.lower().split()
    return bool(words) and words[-1] in VICTIM_CVL and r.sector in (None, "CVL")
