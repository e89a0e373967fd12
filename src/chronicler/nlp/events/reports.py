"""Who says what: the reporter of each event, the accusation a claim makes, "we" in
reported speech, and which rejection answers which accusation (rules in ``coder``'s
docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from spacy.tokens import Span

from chronicler.nlp.events.arguments import CLAIM_NOUNS
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.modes import find_report
from chronicler.nlp.events.parties import countries
from chronicler.nlp.events.patterns import TriggerRule
from chronicler.nlp.events.tree import STEPS, children_ix, kids, tree_of
from chronicler.nlp.quotes.speakers import load_sources
from chronicler.records import EventActor, content_id

# Reported events whose reporter a later rejection answers ("Selvan has said the Air
# Force shot down four jets. Velic dismissed the claim as propaganda").
HOSTILE_ACCOUNTS = frozenset({"ASSAULT", "ACCUSE", "THREATEN", "SANCTION", "COERCE"})


def resolve_report(c: Candidate, ix: ArticleIndex, triggers: set[int]) -> None:
    top = c.heads[-1]
    rep = find_report(top, ix.lex, triggers.difference(map(_INDEX, c.heads)))
    if rep is None:
        sp = ix.resolver.any_quote_speaker.get(c.trigger.i)
        if sp is not None:
            c.reported_by = EventActor(name=sp.name, country=sp.country, sector=sp.sector,
                                       actor_id=sp.actor_id)
        return
    c.report = rep
    for s in rep.speakers:
        a = ix.resolver.resolve(s)
        if a is not None:
            if a.sector is None and a.country:
                a = a.model_copy(update={"sector": "GOV"})
            c.reported_by = a
            return
        if s.lemma_.lower() in load_sources() or s.lower_ in load_sources():
            # "police said", "witnesses said": an unnamed source, kept by name
            c.reported_by = EventActor(name=ix.resolver.name_of(s))
            return


_INDEX = attrgetter("i")  # (a token's index, by ``map``)
THIRD_PERSON = frozenset({"he", "she", "it", "they"})


def _own_pronoun_subject(c: Candidate) -> bool:
    """The event's clause (or the clause its open complement hangs from: "he is
    ready to lift") has a he/she/it/they subject, inside what its reporter says."""
    t = (c.light or c.trigger).i
    tree = tree_of(c.trigger.doc)  # (by index)
    deps, lowers, up = tree.deps, tree.lowers, tree.heads
    for _ in STEPS[3]:
        if any(deps[ch] in ("nsubj", "nsubjpass") and lowers[ch] in THIRD_PERSON
               for ch in children_ix(tree, t)):
            return True
        if deps[t] not in ("xcomp", "acomp") or up[t] == t:
            return False
        t = up[t]
    return False


def first_person(c: Candidate, ix: ArticleIndex) -> None:
    """"Kaldoria had 'called us and asked us to stop', Halvik said": with no quote to
    tell whose "us", the reporter's side."""
    rep = c.reported_by
    if rep is None or not rep.country:
        return
    if not c.actors and _own_pronoun_subject(c):
        # "the president said he is prepared to lift the curfew": the speaker himself
        c.actors = [rep]
        return
    side = ix.resolver.country_actor(rep.country, "GOV")
    tree = tree_of(ix.doc)
    for h in (c.trigger, c.light):
        if h is None:
            continue
        for ch in children_ix(tree, h.i):  # (by index)
            if ix.lowers[ch] in ("we", "us") and tree.toks[ch].text != "US":  # (not the
                # United States)
                if tree.deps[ch] in ("nsubj", "nsubjpass") and not c.actors:
                    c.actors = [side]
                elif tree.deps[ch] in ("dobj", "dative") and not c.recipients:
                    c.recipients = [side]


def accuse_from_cue(c: Candidate, ix: ArticleIndex, made: dict[int, Candidate]) -> None:
    """"Pakistan claims India struck ...": the claim is an ACCUSE (allege) by Pakistan."""
    rep = c.report
    if rep is None or not rep.accuses or c.reported_by is None or rep.denied:
        return
    if c.spec.score >= 0:
        return  # claiming someone made peace accuses no one
    accused = [a for a in c.actors if a.country and a.country != c.reported_by.country]
    if not accused or not c.reported_by.country:
        return
    prev = made.get(rep.cue.i)
    if prev is not None:
        known = countries(prev.recipients)
        prev.recipients += [a for a in accused if a.country not in known]
        return
    spec = ix.lex.types["ACCUSE"]
    rule = TriggerRule(id="accuse.report-cue", type="ACCUSE", pos=frozenset({rep.cue.pos_}),
                       lemmas=frozenset({rep.cue.lemma_.lower()}), mode="allege")
    acc = Candidate(rule=rule, spec=spec, trigger=rep.cue, heads=[rep.cue], light=None,
                    actors=[c.reported_by], recipients=list(accused), modes=["allege"])
    made[rep.cue.i] = acc


def event_id(c: Candidate, ix: ArticleIndex) -> str:
    return content_id("event", ix.ctx.article_id, c.spec.type, str(c.trigger.idx))


def link_rejections(cands: Sequence[Candidate], ix: ArticleIndex, sent_i: int) -> None:
    """"Indian officials dismissed the accusations": the REJECT answers the nearest
    accusation before it (this sentence or the three before); its recipient is the
    accuser, and ``ix.links`` records which ACCUSE it rejects. With no accusation
    before it, the recipient is whoever made the claim it rejects: a claimant named
    with a claim noun ("Kaldoria's claim"), else the last other party whose account was
    reported ("Selvan has said the Air Force shot down ...")."""
    for c in sorted(cands, key=lambda c: c.trigger.i):
        if c.spec.type == "ACCUSE":
            ix.accusations.append((sent_i, c.trigger.i, c.actors, event_id(c, ix)))
        elif c.spec.type == "REJECT" and c.rejects_claim:
            own = countries(c.actors)
            prior = [a for a in ix.accusations if sent_i - 3 <= a[0] <= sent_i
                     and a[1] < c.trigger.i and not (countries(a[2]) & own)]
            if prior:
                _s, _t, accusers, acc_id = prior[-1]
                ix.links[event_id(c, ix)] = acc_id
                if not c.recipients:
                    c.recipients = [a.model_copy() for a in accusers]
            if not c.recipients:
                said = [r for s, t, r in ix.claimants if sent_i - 3 <= s <= sent_i
                        and (t < c.trigger.i or s == sent_i) and r.country not in own]
                if said:
                    c.recipients = [said[-1].model_copy()]
        # a hostile account: whoever it names as the victim may reject it later (in
        # word order: "said it had shot down five jets, a claim New Delhi rejected")
        if c.reported_by is not None and c.reported_by.country and \
                c.spec.type in HOSTILE_ACCOUNTS:
            ix.claimants.append((sent_i, c.trigger.i, c.reported_by))


def note_claimants(sent: Span, ix: ArticleIndex, sent_i: int) -> None:
    """Claim nouns with a named claimant ("Kaldoria's claim", "Merovian claims")."""
    if CLAIM_NOUNS.isdisjoint(ix.lemmas[sent.start:sent.end]):
        return  # (most sentences: no step per word)
    for i in range(sent.start, sent.end):
        if ix.lemmas[i] in CLAIM_NOUNS:
            x = ix.doc[i]
            for m in kids(x):
                if m.dep_ in ("poss", "amod", "compound") and m.i in ix.resolver.mention_tokens:
                    a = ix.resolver.resolve(m)
                    if a is not None and a.country:
                        ix.claimants.append((sent_i, x.i, a))


