"""Candidates of one sentence assembled into events: what belongs to another, what merges.

* **Complements.** What a REQUEST, THREATEN, AGREE or RETREAT asks, threatens, agrees
  to or stops ("urged both sides to de-escalate", "agreed to stop shooting") is part of
  that event, not an event of its own; agreeing to a ceasefire is the RETREAT, not an
  AGREE, and a negated AGREE is a REJECT.
* **Merging in a sentence.** Candidates of one type are one event when their triggers
  are joined by at most four arcs outside relative, complement and parenthetical
  clauses, their actor and recipient countries do not conflict, and their negation,
  reporter, attached date, place and operation agree ("opened fire ..., killing 24").
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from spacy.tokens import Token

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.modes import Aux, infinitive, lemma_set
from chronicler.nlp.events.parties import countries
from chronicler.nlp.events.tree import children_ix, kids, subtree, tree_of

# what talks are about is their topic, not an event ("talks on a ceasefire")
# candidates in the order of their triggers (a sort key read in C: a lambda was a call of
# Python per candidate)
BY_TRIGGER = attrgetter("trigger.i")
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# rules that say what their word means where others of another type fire on it too
DECIDING = ("mobilize.test", "protest.strike-verb", "agree.reform", "cooperate.tariffs")
INQUIRY_PREPS = TOPIC_PREPS | {"into", "of", "for"}  # ("investigated for massacres")
NO_MERGE_PATH = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos", "csubj"})


def linked(a: Candidate, b: Candidate) -> bool:
    """Are the two triggers parts of one clause: joined in the tree by at most four arcs,
    none of which enters a relative, complement or parenthetical clause ("launched
    Operation Sindoor ... in response to the attack that claimed 26 lives": two)? (The
    chains read the document's parse by index, ``tree.tree_of``.)"""
    tree = tree_of(a.trigger.doc)
    deps, poss, up = tree.deps, tree.poss, tree.heads

    def chain(t: int) -> list[int]:
        out = [t]
        while up[out[-1]] != out[-1] and len(out) < 12:
            out.append(up[out[-1]])
        return out
    ends = (a.trigger.i, b.trigger.i)
    chain_b = chain(b.trigger.i)
    best: int | None = None
    for ta in [a.trigger, *a.heads, *a.extra]:
        chain_a = chain(ta.i)
        for k, x in enumerate(chain_b):
            if x in chain_a:
                j = chain_a.index(x)
                # "the attack that killed 26": a relative clause on the event itself
                path = [p for p in chain_a[:j] + chain_b[:k]
                        if not (deps[p] == "relcl" and up[p] in ends)]
                if any(deps[p] in NO_MERGE_PATH for p in path):
                    break
                # "27 civilians were killed and [that] it had shot down four jets": two
                # clauses with subjects of their own are two events
                if any(deps[p] == "conj" and poss[p] in ("VERB", "AUX") and any(
                        poss[s] != "NUM" for s in children_ix(tree, p)
                        if deps[s] in ("nsubj", "nsubjpass")) for p in path):
                    break  # ("24 killed and 44 injured": one event, the subject elided)
                n = j + k
                best = n if best is None else min(best, n)
                break
    return best is not None and best <= 4


def merge_into(a: Candidate, b: Candidate) -> bool:
    """Merge ``b`` into ``a`` when they are one event (same type, sentence, dyad)."""
    if a.spec.type != b.spec.type or a.aux.negated != b.aux.negated:
        return False
    if not linked(a, b):
        return False
    ra = a.reported_by.name if a.reported_by else None
    rb = b.reported_by.name if b.reported_by else None
    if ra != rb:
        return False
    for x, y in ((countries(a.actors), countries(b.actors)),
                 (countries(a.recipients), countries(b.recipients))):
        if x and y and x != y:
            return False
    if a.actors and b.actors and not countries(a.actors) and not countries(b.actors) \
            and {x.name for x in a.actors} != {x.name for x in b.actors}:
        return False
    if a.time_attached and b.time_attached and a.time and b.time and \
            a.time.date != b.time.date:
        return False
    if a.place is not None and b.place is not None and a.place.name != b.place.name:
        return False
    if a.operation and b.operation and a.operation != b.operation:
        return False
    # the participants that name a country win ("60 terrorists were killed when Merovian
    # forces struck camps in Kaldoria": the camps' country, not the terrorists)
    if not countries(a.actors) and countries(b.actors):
        a.actors = b.actors
    a.actors = a.actors or b.actors
    if not countries(a.recipients) and countries(b.recipients):
        a.recipients = b.recipients
    a.recipients = a.recipients or b.recipients
    a.arg_tokens |= b.arg_tokens
    a.modes += [m for m in b.modes if m not in a.modes]
    a.extra += [b.trigger, *b.heads]
    if b.time_attached and not a.time_attached:
        a.time, a.time_attached = b.time, True
    a.time = a.time or b.time
    a.place = a.place or b.place
    a.operation = a.operation or b.operation
    a.contexts |= b.contexts
    a.between = a.between or b.between
    a.reciprocal = a.reciprocal or b.reciprocal
    a.aux = Aux(negated=a.aux.negated, future=a.aux.future and b.aux.future,
                hypothetical=a.aux.hypothetical and b.aux.hypothetical,
                past_perfect=a.aux.past_perfect and b.aux.past_perfect)
    return True


VOICED = frozenset({"ACCUSE", "REQUEST", "PROTEST"})  # what a protest is held to say


def main_purpose(c: Candidate) -> bool:
    """Is the event the purpose of the sentence's main verb, an infinitive ("blockaded
    the building to demand ...", which the parser may hang as the verb's complement) or
    a participle ("..., demanding ...")? (The main verb is coded only where the
    dictionary makes it a protest: ``coder``.)"""
    t = c.light or c.trigger
    return t.dep_ in ("advcl", "xcomp") and t.head.dep_ == "ROOT" and (
        infinitive(t) or t.tag_ == "VBG")


def _purpose_of(o: Candidate, c: Candidate) -> bool:
    """Is ``c`` in the purpose of ``o``'s verb, an infinitive ("marched to denounce")
    or a participle ("marched, demanding")?"""
    carriers = [o.trigger, *o.heads, *([o.light] if o.light is not None else [])]
    if o.trigger.dep_ == "pobj" and o.trigger.head.head.pos_ == "VERB":
        carriers.append(o.trigger.head.head)  # ("went on hunger strike to protest")
    return any(ch.dep_ in ("advcl", "xcomp") and (infinitive(ch) or ch.tag_ == "VBG") and
               c.trigger.i in {x.i for x in subtree(ch)}
               for h in carriers for ch in kids(h))


def _looked_into(o: Candidate, c: Candidate) -> bool:
    """Is noun event ``c`` what investigation ``o`` looks into ("an inquiry into the
    raid", "were investigated for massacres")?"""
    return c.nominal and "investigate" in o.modes and \
        c.trigger.dep_ == "pobj" and c.trigger.head.lower_ in INQUIRY_PREPS and \
        c.trigger.head.head.i in (o.trigger.i, *(h.i for h in o.heads))


def into_doers(cands: Sequence[Candidate]) -> None:
    """An investigation into an act whose doer is named is into that doer ("ordered an
    inquiry into the shelling of a UN compound by its own artillery": whose shelling,
    not whose compound): the doer is its recipient."""
    for o in cands:
        if "investigate" in o.modes and o.nominal:  # (a passive verb's "by" hung on
            # what it looks into is the investigator: ``walks.agents``)
            for c in cands:
                if c is not o and _looked_into(o, c) and countries(c.actors) and any(
                        x.lower_ == "by" and any(k.i in c.arg_tokens for k in kids(x))
                        for x in subtree(c.trigger)):  # (a doer named, not inferred)
                    o.recipients = list(c.actors)
                    break


def absorbed(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """Is ``c`` the content of a REQUEST/THREATEN/AGREE in the same sentence, or the
    topic of talks ("renewed negotiations on a troop pullback") or of an investigation
    ("opened an inquiry into the raid": the raid is what is looked into, told before)?"""
    for o in cands:
        if o is not c and o.nominal and c.nominal and c.trigger.dep_ == "pobj" and (
                o.spec.type == "CONSULT" and c.trigger.head.lower_ in TOPIC_PREPS) and \
                c.trigger.head.head.i in (o.trigger.i, *(h.i for h in o.heads)):
            return True
        if o is not c and _looked_into(o, c):
            return True
        if o is not c and _rejected_or_asked(o, c):
            return True
        if o is not c and o.trigger.i == c.trigger.i and o.rule.id.startswith(DECIDING) \
                and not c.rule.id.startswith(DECIDING):
            return True  # "test-fired a missile", "miners struck for pay", "would scrap
            # its quotas": one event, the test, the strike or the promise
        if o is not c and o.spec.type == "REJECT" and not o.nominal and any(
                ch.dep_ == "xcomp" and c.trigger.i in {x.i for x in subtree(ch)}
                for ch in kids(o.trigger)):
            return True  # "refused to launch strikes", "declined to open an inquiry":
            # what is refused did not happen
        if o is not c and o.rule.id.startswith("assault.repress") and c.spec.type == \
                "PROTEST" and c.nominal and o.trigger.i in (c.trigger.head.i, *(
                    h.i for h in c.heads)):
            return True  # "police broke up the demonstration": what was put down
        if o is not c and o.rule.id == "threaten.or-face" and c.trigger.i in {
                x.i for x in subtree(o.trigger.head if o.trigger.dep_ == "conj" else o.trigger)}:
            return True  # "gave them ten days to withdraw or face air strikes": what is
            # asked and what is faced are the ultimatum's, neither done
        if o is not c and o.spec.type == "PROTEST" and c.spec.type in VOICED \
                and _purpose_of(o, c):
            return True  # "went on hunger strike to protest their conditions": the
            # protest's purpose, no second event
        if o is c or not o.spec.absorbs_complement:
            continue
        for ch in kids(o.trigger):
            if ch.dep_ in ("xcomp", "ccomp") or (ch.dep_ == "acl" and o.nominal) or \
                    (ch.dep_ == "advcl" and infinitive(ch)) or \
                    (ch.dep_ == "prep" and ch.lower_ in ("for",) and
                     o.spec.type == "REQUEST") or (ch.dep_ == "prep" and ch.lower_ == "with"
                                                  and o.spec.type == "THREATEN"):
                sub = {x.i for x in subtree(ch)}
                if c.trigger.i in sub:
                    return True
        if o.light is not None:
            for ch in kids(o.light):
                if ch.dep_ in ("xcomp", "ccomp") and c.trigger.i in {x.i for x in subtree(ch)}:
                    return True
    return False


# what is refused or asked for, named as the verb's object: "rejected a UN appeal for
# deploying troops", "declined to answer a request from the EU"
CONTENT_OF = frozenset({"REJECT", "REQUEST"})
CONTENT_TYPES = frozenset({"REQUEST", "AGREE", "MOBILIZE", "RETREAT", "CONCEDE", "AID",
                           "COOPERATE", "CONSULT", "SUPPORT", "THREATEN"})  # ("rejected
# the ultimatum": the refusal answers it)


def _rejected_or_asked(o: Candidate, c: Candidate) -> bool:
    """Is ``c`` (a request, offer or act of cooperation or force posture) part of what
    the verb ``o`` rejects or asks for: inside its object, or its open complement's?"""
    if o.nominal or o.spec.type not in CONTENT_OF or c.spec.type not in CONTENT_TYPES:
        return False
    tops = [o.trigger, *(x for x in kids(o.trigger) if x.dep_ == "xcomp")]
    for top in tops:
        for ch in kids(top):
            if ch.dep_ in ("dobj", "prep", "ccomp") and c.trigger.i in {x.i for x in subtree(ch)}:
                return True  # (ccomp: "rejected opposition calls ...", "calls" a verb)
    return False


def _in_relative(top: Token, t: Token) -> bool:
    """Is ``t`` inside a relative clause below ``top`` ("agreed to let in peacekeepers,
    who oversee a ceasefire": the ceasefire is no part of what was agreed)?"""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl"):
            return True
        t = t.head
    return False


def agreements(cands: list[Candidate], ix: ArticleIndex) -> list[Candidate]:
    """Agreeing to a ceasefire is the ceasefire (RETREAT), not an AGREE; not agreeing
    ("would not accept any mediation") is a REJECT."""
    out: list[Candidate] = []
    for c in cands:
        if c.spec.type == "AGREE":
            sub = {x.i for x in subtree(c.trigger)}
            if any(o.spec.type == "RETREAT" and o.trigger.i in sub and "ceasefire" in o.modes
                   and not _in_relative(c.trigger, o.trigger) for o in cands):
                continue  # (agreeing to open borders or pull back is the AGREE: the
                # intent, CAMEO 03; only an agreed ceasefire is the ceasefire itself)
            if c.aux.negated:
                spec = ix.lex.types["REJECT"]
                words = lemma_set(list(subtree(c.trigger)))
                modes = [m.name for m in spec.modes.values() if m.words & words][:1]
                c = Candidate(rule=c.rule, spec=spec, trigger=c.trigger, heads=c.heads,
                              light=c.light, actors=c.actors, recipients=c.recipients,
                              arg_tokens=c.arg_tokens, modes=modes,
                              aux=Aux(future=c.aux.future, hypothetical=c.aux.hypothetical),
                              report=c.report, reported_by=c.reported_by, time=c.time,
                              time_attached=c.time_attached, place=c.place,
                              contexts=set(spec.contexts))
        out.append(c)
    return out
