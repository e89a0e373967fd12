"""A bomb that went off (issue 12): "a bomb exploded outside the embassy", "a roadside bomb
went off near a convoy". Whoever set it is rarely named; what it hit is where it went
off, named by a preposition of place ("outside", "near", "at", "in") or, failing a
target with a country, the country of the place (PLOVER's recipient of an attack inside
a country); who planted it, when the bomb's own phrase names him ("a bomb planted by
militants"), set it off. The verb's rules are ``assault.explosion`` and
``assault.explosion-phrasal``."""

from __future__ import annotations

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.tree import kids

EXPLOSION_RULES = frozenset({"assault.explosion", "assault.explosion-phrasal"})
# the prepositions that place a bomb at its target ("outside the embassy", "near a convoy")
SITE_PREPS = ("outside", "near", "at", "inside", "in", "by", "on")
# weapons left to go off: the subject of the verb of what they did ("a bomb planted by
# militants killed two policemen")
WEAPONS = frozenset({"bomb", "mine", "landmine", "device", "explosive", "grenade",
                     "booby-trap", "charge"})


def bomb_target(c: Candidate, ix: ArticleIndex) -> None:
    """Give an attack by a bomb or another weapon left to go off its planter when a phrase
    of the weapon names one ("a bomb planted by militants", "a mine laid by rebels killed
    five"), and a bomb that went off, with no recipient with a country, the target its
    place names, else the place's country."""
    if c.spec.type != "ASSAULT":
        return
    res = ix.resolver
    bombs = [s for s in kids(c.trigger) if s.dep_ == "nsubj" and (
        c.rule.id in EXPLOSION_RULES or s.lemma_.lower() in WEAPONS)]
    if not c.actors:
        c.actors = [got for s in bombs for a in kids(s) if a.dep_ == "acl"
                    for ag in kids(a) if ag.dep_ == "agent" for o in kids(ag)
                    if o.dep_ == "pobj" and (got := res.resolve(o)) is not None][:1]
    if c.rule.id not in EXPLOSION_RULES or any(r.country for r in c.recipients):
        return
    for p in kids(c.trigger):
        if p.dep_ != "prep" or p.lower_ not in SITE_PREPS:
            continue
        for o in kids(p):
            got = res.resolve(o) if o.dep_ == "pobj" else None
            if got is not None and got.country:
                c.recipients = [got]
                return
    if c.place is not None and c.place.country:
        c.recipients = [res.country_actor(c.place.country)]
