"""Who a phrase names, for the argument rules (``arguments``): a state something is
handed to, someone or a place's people named in a phrase, and X of "for X to ..."."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from chronicler.nlp.actors.phoenix_lookup import INTERNATIONAL
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.intent import to_infinitive
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.roles import ArgResolver, children, prep_objects, subjects
from chronicler.nlp.events.tree import kids, subtree
from chronicler.records import EventActor

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG"})


def same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id and a.sector == b.sector
    return (a.name, a.country) == (b.name, b.country)


def known_person(res: ArgResolver, a: EventActor) -> bool:
    """Is ``a`` a person the actors stage knows by name?"""
    return getattr(res.actors.get(a.actor_id or ""), "type", None) == "PERSON"


def countries(actors: Sequence[EventActor]) -> set[str]:
    out: set[str] = set()  # (a loop: a comprehension is a function made per call)
    for a in actors:
        if a.country:
            out.add(a.country)
    return out


def a_state(o: Token, res: ArgResolver) -> bool:
    """Does ``o`` name a state: a country, or its government, forces or police (not a
    person: "served as counsel to Senator X")?"""
    a = res.resolve(o)
    if a is None or not a.country or a.country in INTERNATIONAL:
        return False
    kind = getattr(res.actors.get(a.actor_id), "type", None) if a.actor_id else None
    return kind == "COUNTRY" or a.sector in STATE_SECTORS and kind != "PERSON"


def state_actor(a: EventActor, res: ArgResolver) -> bool:
    """Is ``a`` a state speaking as one: a country named as such or its government (not
    a person of it, its forces or its people)?"""
    if not a.country or a.country in INTERNATIONAL:
        return False
    if not a.actor_id:  # (a country the resolver names by its code: no sector)
        return a.sector in (None, "GOV")
    kind = getattr(res.actors.get(a.actor_id), "type", None)
    return kind == "COUNTRY" or a.sector == "GOV" and kind != "PERSON"


def for_to(v: Token) -> bool:
    """Is ``v`` the verb of a "for X to ..." clause (its mark "for", its aux "to")?"""
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(v)) and \
        to_infinitive(v)


def for_whom(v: Token) -> list[Token]:
    """X of a "for X to ..." clause: its subject, or the object the parser gave "for"."""
    return children(v, ("nsubj",)) or [o for m in kids(v) if m.dep_ == "mark"
                                         for o in children(m, ("pobj",))]


def names_someone(o: Token, res: ArgResolver) -> bool:
    """Does the phrase headed by ``o`` name an actor or a place's people ("Merovia",
    "the Kaldorian capital", "the flood-hit region of Merovia")?"""
    return o.i in res.mention_tokens or any(x.i in res.mention_tokens for x in o.lefts) or \
        any(x.i in res.mention_tokens or x.i in res.place_at
            for x in prep_objects(o, ("of", "in")))


# nouns of dealings between sides, whose "with" names the other side ("broke off
# UN-sponsored talks with the Turkish Cypriots": they, not the talks' sponsor)
DEALINGS = frozenset({"talk", "talks", "negotiation", "relation", "tie", "contact",
                      "dialogue", "cooperation", "agreement", "accord", "treaty", "deal",
                      "pact"})


def dealings_partners(verb: Token, res: ArgResolver) -> list[Token]:
    """Whom the verb's object of dealings is "with", when that names someone."""
    return [o for d in children(verb, ("dobj",)) if d.lemma_.lower() in DEALINGS
            for o in prep_objects(d, ("with",)) if names_someone(o, res)]


def named_party(o: Token, res: ArgResolver) -> bool:
    """A mention, or a noun a mention modifies ("his Thai counterpart"; not a province,
    nor "Trump Tower", whose compound names a person)."""
    return o.i in res.mention_tokens or any(
        m.dep_ in ("amod", "poss") and m.i in res.mention_tokens for m in o.lefts)


def force_noun(x: Token, lex: Lexicon) -> bool:
    """Is ``x`` a noun the patterns code as force ("attacks", "the bombing")?"""
    return x.pos_ == "NOUN" and any(r.type == "ASSAULT" and r.nominal
                                    for r in lex.rules_for(x.lemma_.lower()))


# acts only a state does to its own people: whoever condemns one in a country accuses
# that country's state ("condemned the execution of a priest in China"); not a killing
# or an attack, whose place is the victims' (their attacker may be anyone)
STATE_ACTS = frozenset({"execution", "hanging", "arrest", "detention", "imprisonment",
                        "jailing", "sentencing", "sentence", "crackdown", "deportation",
                        "expulsion", "censorship", "ban", "trial", "conviction", "persecution",
                        "repression", "torture", "disappearance"})


def state_act_places(verb: Token, res: ArgResolver) -> list[Token]:
    """The states in whose country a condemned state act was done ("condemned the arrest
    of journalists in Iran" -> Iran)."""
    return [o for d in children(verb, ("dobj",)) if d.lemma_.lower() in STATE_ACTS
            for x in subtree(d) if x.dep_ == "prep" and x.lower_ == "in"
            for o in children(x, ("pobj",)) if a_state(o, res)]


# what is claimed for an act by whoever did it ("claimed responsibility for the attack")
CLAIMED = frozenset({"responsibility", "credit"})
CLAIMING = frozenset({"claim", "take", "accept", "admit", "own"})


def claimant(tok: Token) -> list[Token]:
    """Who claims noun event ``tok`` as its own ("the group claimed responsibility for
    the attack", "took credit for the bombing"): the claiming verb's subject; no one
    when the claim is negated ("did not admit responsibility for the attack")."""
    p = tok.head
    if tok.dep_ != "pobj" or p.lower_ != "for" or p.head.lemma_.lower() not in CLAIMED:
        return []
    v = p.head.head
    if p.head.dep_ != "dobj" or v.lemma_.lower() not in CLAIMING or any(
            ch.dep_ == "neg" for ch in kids(v)):
        return []
    return subjects(v)


def promised_parties(verb: Token, res: ArgResolver) -> list[list[Token]]:
    """Whom an act promised, threatened or refused is for, in order of preference: a
    named party of its target phrase ("promised to continue military aid to Mozambique"),
    then whom the act itself names: its object ("offered to help Danish police"), the
    one it helps do something ("offered to help Estonian police trace ..."), whom a role
    serves ("agreed to act as a go-between for X"). The infinitive may hang as an
    adverbial clause ("offered on Monday to help")."""
    acts = [x for x in kids(verb) if x.dep_ == "xcomp" or (
        x.dep_ == "advcl" and to_infinitive(x))]
    targets = [o for x in acts for d in (x, *children(x, ("dobj",)))
               for o in prep_objects(d, ("to", "on", "against", "with"))
               if o.i in res.mention_tokens]
    named: list[Token] = []
    for x in acts:
        if x.lemma_.lower() in SERVING:  # its object, or whom it helps do something
            named += children(x, ("dobj",))
            named += [s for ch in kids(x) if ch.dep_ in ("ccomp", "xcomp")
                      for s in children(ch, ("nsubj",))]
    named += [w for x in acts for a in prep_objects(x, ("as",)) for w in prep_objects(a, ("for",))]
    return [targets, [o for o in named if names_someone(o, res)]]


# acts done for the one they name: whom an offer or a promise of them is made to (not
# "promised to defeat X", "refused to endorse X": acts on X, not for X)
SERVING = frozenset({"help", "assist", "aid", "support", "train", "protect", "defend",
                     "advise", "equip", "supply", "rescue", "shelter", "back", "reinforce"})


# measures only a state imposes: told with no one imposing them ("a curfew was imposed on
# X", "martial law was declared in X"), PLOVER codes the country's own government
STATE_MEASURES = frozenset({"curfew", "martial-law"})
LIFTED_MEASURES = frozenset({"curfew", "martial", "emergency"})  # (the words, lifted)


def state_measure(c: Candidate, res: ArgResolver) -> None:
    """A curfew or martial law with no actor, or imposed (or lifted) by a government
    named by its kind alone, with no country ("authorities imposed a curfew on the
    Indian city of X", "the curfew in X was relaxed"): the government of the one
    country it is imposed on."""
    if any(a.country or a.actor_id or a.sector != "GOV" for a in c.actors) or not (
            c.spec.type == "COERCE" and not STATE_MEASURES.isdisjoint(c.modes) or
            c.spec.type == "CONCEDE" and any(x.lemma_.lower() in LIFTED_MEASURES
                                             for x in subtree(c.trigger))):
        return
    home = {r.country for r in c.recipients if r.country}
    if len(home) == 1 and not home & INTERNATIONAL:
        code = home.pop()
        c.actors = [a.model_copy(update={"country": code}) for a in c.actors] or \
            [res.country_actor(code, "GOV")]
