"""One event per clause, and intents coded as intents (PLOVER).

* **Intents.** A cooperative act only promised, offered or agreed to ("will provide
  food aid", "agreed to resign") is AGREE (CAMEO 03, "express intent to cooperate"); a
  hostile act only announced or sworn ("would tighten the blockade") is THREATEN; one
  refused ("declined to resign", "would not pull back") is REJECT. An agreed ceasefire
  stays RETREAT (ONTOLOGY.md); any other act refused or failed stays with its own type,
  negated ("declined to send troops"); a hypothetical is dropped before this.
* **Subordinate events.** An event in a clause that only serves another event of the
  same sentence (a purpose "to disperse", a participle "setting fire", a relative
  clause "which were caused by", a prepositional complement "of violating") is part
  of that event, not an event of its own, unless it has a subject of its own or is
  reported speech. PLOVER codes one event per such clause chain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from chronicler.nlp.actors.resolve import STATE_SECTORS as STATE
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.dict_actors import domestic_recipient
from chronicler.nlp.events.modes import PROMISING, REFUSAL, REFUSED
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.permissions import not_permitted, withheld_permission
from chronicler.nlp.events.tree import STEPS, children_ix, kids, subtree, tree_of
from chronicler.records import EventActor

COOPERATIVE = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# verbs and adjectives whose open complement is an intent, not an act
INTENT_WORDS = frozenset({"agree", "promise", "pledge", "offer", "vow", "swear", "prepare",
                          "prepared", "ready", "willing", "commit", "undertake", "decide",
                          "plan", "intend", "threaten", "resolve", "determined",
                          "willingness", "readiness"})
# an agreed or accepted ceasefire is the ceasefire (RETREAT); one offered is an intent
AGREED = frozenset({"agree", "accept"})
OFFERS = frozenset({"offer"})
HELP = frozenset({"help", "aid", "assistance", "support", "troops", "backing", "assist", "soldiers",
                  "forces", "money", "loan", "funds", "hand", "extradite", "cooperate", "cooperation"})
ASKING = frozenset({"investigation", "probe", "inquiry", "talk", "talks", "mediation",
                    "mediate", "dialogue", "negotiate", "negotiation", "meet", "meeting"})


def _offers_help(t: Token) -> bool:
    """An offer of help, troops or money (not of talks or an inquiry)."""
    words = {x.lemma_.lower() for x in subtree(t)} | {x.lower_ for x in subtree(t)}
    return bool(words & HELP) and not words & ASKING
SWORN = frozenset({"vow", "swear", "threaten", "pledge", "promise", "resolve", "determined"})
# a readiness to use force declared is a warning (CAMEO 13); one to send troops may be an
# offer of peacekeepers as well as a threat, and keeps its type
READINESS = frozenset({"prepared", "ready", "willing"})
READY_NOUNS = frozenset({"readiness", "willingness"})
SUBORDINATE = frozenset({"advcl", "acl", "xcomp", "pcomp"})
PATH_OK = SUBORDINATE | {"prep", "pobj", "conj", "dobj"}

ARMED = frozenset({"MIL", "REB"})


def military_surrender(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A yielding the dictionary codes (CAMEO 080, "surrendered", "gave in") done by an
    armed force or rebels is CAMEO 0874, "retreat or surrender militarily": RETREAT
    (disarm) by the crosswalk, not a political concession."""
    for c in cands:
        if c.spec.type == "CONCEDE" and (c.rule.id.startswith("cameo.080.") or c.rule.id in
                                         ("concede.give-in", "concede.accede")) and c.actors \
                and all(a.sector in ARMED for a in c.actors):
            spec = lex.types["RETREAT"]
            c.spec, c.modes = spec, (["disarm"] if "disarm" in spec.modes else [])
            c.contexts = set(spec.contexts) | c.contexts
    return cands


def to_infinitive(t: Token) -> bool:
    """Does ``t`` take "to" (an infinitive: "sworn to fight")? (By index.)"""
    tree = tree_of(t.doc)
    deps, lowers = tree.deps, tree.lowers
    for c in children_ix(tree, t.i):  # (a loop: no generator made per call)
        if deps[c] == "aux" and lowers[c] == "to":
            return True
    return False


def first_conjunct(t: Token) -> Token:
    """The first of the verbs ``t`` is conjoined to ("would cut spending and overhaul the
    tax system": the second act shares the first's governor). (By index.)"""
    tree = tree_of(t.doc)
    deps, poss, up = tree.deps, tree.poss, tree.heads
    i = t.i
    while deps[i] == "conj" and poss[up[i]] in ("VERB", "AUX") and up[i] != i:
        i = up[i]
    return t if i == t.i else tree.toks[i]


def _governor_words(c: Candidate) -> set[str]:
    """The lemmas (and forms: the small model lemmatizes "hopes" as "hop") of the words
    whose complement the trigger (or its light verb) is. (By index.)"""
    tree = tree_of(c.trigger.doc)
    deps, up, lemmas, lowers = tree.deps, tree.heads, tree.lemmas, tree.lowers
    out: set[str] = set()
    for h in (c.trigger, *c.heads):
        t = first_conjunct(h).i
        for _ in STEPS[3]:
            if deps[t] not in ("xcomp", "ccomp", "aux", "prep", "pcomp", "pobj") and not (
                    deps[t] == "advcl" and to_infinitive(tree.toks[t])) or up[t] == t:
                break  # ("have sworn to fight": an infinitive the parser hangs as advcl)
            t = up[t]
            out.add(lemmas[t])
            out.add(lowers[t])
    return out


def announced_force(c: Candidate) -> bool:
    """A hostile act a dictionary verb codes, announced with a future modal ("NATO said
    it would tighten the blockade", "will expel the envoys"): the announcement is the
    event, a THREATEN (CAMEO 13). The project's own force patterns keep "will retaliate"
    as a future ASSAULT (ONTOLOGY.md); the dictionary, which cannot tell a plan from a
    prediction, codes the threat."""
    return c.rule.id.startswith("cameo.") and c.aux.future and _modal_future(c.trigger)


def conditional_force(c: Candidate) -> bool:
    """A hostile act announced on a condition ("said it would retaliate if NATO deployed
    missiles", "will strike unless the troops withdraw"): a threat (CAMEO 13), where
    "will retaliate" alone stays a future act."""
    return c.aux.future and _modal_future(c.trigger) and any(
        ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                   for m in kids(ch)) for ch in kids(c.trigger))


# the THREATEN mode an announced or sworn act of each hostile type carries
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict",
               "SANCTION": "relations"}


def threat_modes(c: Candidate, old_type: str) -> list[str]:
    """The THREATEN mode of a retyped hostile act: a mode word of the act's own clause
    ("expel" -> expel, "arrest" -> arrest), else the act's type's (force -> violence)."""
    spec = c.spec
    words = {x.lemma_.lower() for x in subtree(c.trigger)} | {c.trigger.lemma_.lower()}
    for name, m in spec.modes.items():
        if m.words & words:
            return [name]
    mode = THREAT_MODE.get(old_type)
    return [mode] if mode is not None and mode in spec.modes else []


def is_intent(c: Candidate) -> bool:
    """Promised, offered, agreed to, sworn: an intent word governs the act (or, for a
    cooperative act, a wish: "hopes to sign"); or a cooperative act only announced for
    the future ("will provide food aid", "said it
    would allow the return of the inspectors"): CAMEO 03, an intent to cooperate. (A
    hostile act with a bare "will" or "would" keeps its own type with ``future`` set:
    the project codes "Pakistan will retaliate" as a future ASSAULT.)"""
    if c.nominal:
        return False
    words = _governor_words(c)
    return bool(words & INTENT_WORDS) or (
        c.spec.type in COOPERATIVE and bool(words & COOPERATIVE_WISHES)) or (
        c.aux.future and c.spec.type in ANNOUNCED and _modal_future(c.trigger)) or (
        c.spec.type in HOSTILE and (announced_force(c) or conditional_force(c)))


# a wish to cooperate is an intent to (CAMEO 03): "hopes to sign an agreement"; a wish to
# strike is not a threat
COOPERATIVE_WISHES = frozenset({"hope", "hopes", "hoped", "hoping", "want", "wish", "seek", "aim"})

# cooperative acts whose announcement is the intent (a meeting announced: a CONSULT to come)
ANNOUNCED = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"})


def _modal_future(t: Token) -> bool:
    """"will provide", "would allow": the future modal on the verb itself (not "would
    like to cooperate", a wish)."""
    return any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll", "shall")
               for ch in kids(t))


def retype_intents(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Promised cooperation -> AGREE, announced force -> THREATEN (module docstring)."""
    out: list[Candidate] = []
    for c in cands:
        t = c.spec.type
        if t == "REQUEST" and c.trigger.lemma_.lower() in (
                READY_NOUNS if c.nominal else OFFERS) and \
                "meet" not in c.modes and not c.aux.negated and _offers_help(c.trigger):
            # "offered its troops to help", "its readiness to cooperate with X": intents to
            # cooperate (033, 030); an offer of talks or an inquiry is REQUEST (ONTOLOGY.md)
            c.spec, c.modes = lex.types["AGREE"], []
            c.contexts = set(c.spec.contexts) | c.contexts
            out.append(c)
            continue
        if t in ("RETREAT", "CONCEDE") and withheld_permission(c):
            # "would not let a UN team in": a permission withheld is a refusal (12)
            c.spec, c.modes = lex.types["REJECT"], []
            c.aux = replace(c.aux, negated=False, future=False, hypothetical=False)
            out.append(c)
            continue
        if t in COOPERATIVE and not c.nominal and c.aux.negated and c.aux.future and c.actors:
            # "said it would not pull its troops back", "will not release them": an act
            # refused for the future is a refusal (CAMEO 12), made when it is said
            c.spec, c.modes = lex.types["REJECT"], []
            c.aux = replace(c.aux, negated=False, future=False)
            out.append(c)
            continue
        gov = _governor_words(c)  # (read once: the branches below all ask it)
        if t in COOPERATIVE | {"AGREE"} and not c.nominal and gov & REFUSAL \
                and not c.aux.negated:
            # "declined to resign", "refused to extradite": the refusal is the event
            if any(o is not c and o.spec.type == "REJECT" and c.trigger.i in
                   {x.i for x in subtree(o.trigger)} for o in cands):
                continue
            c.spec, c.modes = lex.types["REJECT"], []
            out.append(c)
            continue
        if t != "REJECT" and not c.aux.negated and (_refused(c, gov) or not_permitted(c)):
            # "declined to condemn", "failed to agree": an act refused or failed not done
            c.aux = replace(c.aux, negated=True)
        if t == "RETREAT" and "ceasefire" in c.modes and not c.aux.negated and \
                _noun_of_intent(c.trigger):
            # "signals willingness to halt hostilities if X reciprocates": a ceasefire
            # offered, not made (an intent to cooperate, AGREE), by the side offering
            c.spec, c.modes = lex.types["AGREE"], []
            c.contexts = set(c.spec.contexts) | c.contexts
            out.append(c)
            continue
        if c.aux.negated or c.aux.hypothetical or not is_intent(c):
            out.append(c)
            continue
        if (t in COOPERATIVE or "investigate" in c.modes and gov & INTENT_WORDS) and not (
                t == "RETREAT" and "ceasefire" in c.modes and not (gov & INTENT_WORDS) - AGREED):
            new = "AGREE"  # (also an inquiry offered or promised: "offered to investigate")
        elif t in HOSTILE and (gov & SWORN or announced_force(c) or conditional_force(c) or (
                t != "MOBILIZE" and gov & READINESS)):
            new = "THREATEN"
        else:
            out.append(c)
            continue
        if any(o is not c and o.spec.type == new and c.trigger.i in
               {x.i for x in subtree(o.trigger)} for o in cands):
            continue  # "agreed to resign": the AGREE is there already
        c.spec = lex.types[new]
        c.modes = threat_modes(c, old_type=t) if new == "THREATEN" else []
        c.contexts = set(c.spec.contexts) | c.contexts
        out.append(c)
    return out


# what says an act was not done: refused, failed, unwilling (and ``modes.REFUSED``)
NOT_DONE = REFUSED | {"unwilling", "reluctant", "refusal", "failure", "unwillingness",
                      "reluctance"}


def _refused(c: Candidate, gov: set[str]) -> bool:
    """Is the act the complement of a refusal or a failure ("declined to condemn", "is
    unwilling to send troops"), or a noun whose light verb is ("declined to affirm his
    support"; not "declined to condemn the attack": the attack was made)? (``gov``: the
    candidate's ``_governor_words``)"""
    if gov & NOT_DONE:
        return True
    v = c.light
    return c.nominal and v is not None and c.trigger.head.i == v.i and \
        v.dep_ in ("xcomp", "acl") and v.head.lemma_.lower() in NOT_DONE


def _noun_of_intent(t: Token) -> bool:
    """"willingness [to halt]", "an offer [to pause]": the infinitive of a noun of
    intent."""
    return t.dep_ == "acl" and to_infinitive(t) and t.head.pos_ == "NOUN" and \
        t.head.lemma_.lower() in INTENT_NOUNS


INTENT_NOUNS = frozenset({"willingness", "readiness", "offer", "proposal", "promise",
                          "pledge", "commitment", "plan", "decision", "intention", "bid"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "once"})


def condition_parties(c: Candidate) -> list[Token]:
    """The subjects of the conditions the act is offered on ("halt hostilities [if India
    reciprocates]"): the other side, whom the offer addresses."""
    return [s for ch in kids(c.trigger) if ch.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in kids(ch))
            for s in kids(ch) if s.dep_ in ("nsubj", "nsubjpass")]


def promisees(c: Candidate) -> list[Token]:
    """Whom the act was promised to: the object of the promising verb that governs it
    ("promised the IMF that it would cut spending", "pledged to student leaders that
    ..."), not of the act itself."""
    for h in (c.trigger, *c.heads):
        t = first_conjunct(h)
        if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in PROMISING:
            v = t.head
            return [o for o in kids(v) if o.dep_ in ("dative", "dobj") and o.pos_ in
                    ("NOUN", "PROPN") and o.i < t.i] + [
                o for p in kids(v) if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                and p.i < t.i for o in kids(p) if o.dep_ == "pobj"]
    return []


def offer_addressees(cands: list[Candidate],
                     resolve: Callable[[Token], EventActor | None]) -> list[Candidate]:
    """An intent offered on a condition of another side ("ready to stop if X stops") is
    addressed to that side: X is its recipient, and no actor of its own (a ceasefire's
    two sides were both taken as actors before it was found to be only offered). An act
    promised to someone named is addressed to them, unless the act names its own."""
    for c in cands:
        if c.spec.type != "AGREE" or c.aux.negated:
            continue
        if all(r.name == r.country for r in c.recipients):  # (none, or a guess at home)
            told = [a for a in map(resolve, promisees(c)) if a is not None and a.country]
            if told:
                c.recipients = told
        parties = [a for a in map(resolve, condition_parties(c)) if a is not None and a.country]
        codes = {a.country for a in parties}
        own = [a for a in c.actors if a.country not in codes]
        if not parties or not own:
            continue
        c.actors = own
        if not any(r.country for r in c.recipients):
            c.recipients = parties
    return cands


def _path(a: Token, b: Token) -> list[Token] | None:
    """The tokens from ``b`` up to (not including) its ancestor ``a``, or None."""
    path: list[Token] = []
    t = b
    for _ in STEPS[12]:
        if t.i == a.i:
            return path
        if t.head.i == t.i:
            return None
        path.append(t)
        t = t.head
    return None


def _serving(t: Token) -> bool:
    """A verb form that serves another clause: "to disperse", "setting fire", "of
    violating" (not a participle naming a done act: "conducted by")."""
    return tree_of(t.doc).tags[t.i] == "VBG" or to_infinitive(t)


def _reporter(c: Candidate) -> str | None:
    return c.reported_by.name if c.reported_by is not None else None


def _cue(c: Candidate) -> int | None:
    return c.report.cue.i if c.report is not None else None


# rules of giving in: a participle of one on an agreement makes the agreement a concession
YIELDING = frozenset({"concede.accede", "concede.give-in", "concede.bow-to-crowd"})


def conceded_agreements(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Bowing to pressure, X agreed to Y", "X agreed to Y, meeting a key demand of Z",
    "X bowed to the demands and agreed to Y": the agreement is the concession (CAMEO
    083x; PLOVER's records code CONCEDE), one event with the agreement's arguments; the
    participle or the conjoined verb is no event of its own."""
    yields = [c for c in cands if c.rule.id in YIELDING]
    if not yields:
        return cands
    spent: set[int] = set()
    for o in cands:
        mine = [y for y in yields if y.trigger.tag_ == "VBG" and y.trigger.dep_ in (
            "advcl", "acl", "xcomp") and _on(y.trigger.head, o.trigger) or (
            o.trigger.dep_ == "conj" and o.trigger.head.i == y.trigger.i)]
        if o.spec.type == "AGREE" and not o.nominal and mine:
            o.spec, o.modes = lex.types["CONCEDE"], []
            o.contexts = set(o.spec.contexts) | o.contexts
            spent.update(id(y) for y in mine)
            if not any(r.country for r in o.recipients):
                # to whom it gives in ("pressure from the Commonwealth"), else its own
                # people (a concession at home, PLOVER)
                o.recipients = [r for y in mine for r in y.recipients if r.country] or \
                    domestic_recipient("CONCEDE", o.actors, o.recipients, ()) or o.recipients
    return [c for c in cands if id(c) not in spent]


def _on(t: Token, verb: Token) -> bool:
    """Is ``t`` the verb, or its open complement ("agreed to restore ..., yielding")?"""
    return t.i == verb.i or (t.dep_ == "xcomp" and t.head.i == verb.i)


def drop_subordinate(cands: list[Candidate]) -> list[Candidate]:
    """Events serving another event of the sentence (module docstring) are dropped."""
    keep: list[Candidate] = []
    for c in cands:
        if c.nominal or not _serving(c.trigger) or any(
                    ch.dep_ in ("nsubj", "nsubjpass") for ch in kids(c.trigger)) and not \
                any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c.trigger)):
            # (a subject of its own makes an act of its own, except in "for X to ...")
            keep.append(c)
            continue
        served = False
        for o in cands:
            if o is c or o.spec.type == c.spec.type or o.trigger.i == c.trigger.i:
                continue
            own_cue = _cue(c) is None and (_cue(o) is None or _cue(o) in {h.i for h in o.heads})
            if (_reporter(c) != _reporter(o) or _cue(c) != _cue(o)) and not own_cue:
                continue  # (what someone else reports: an event of its own; not what
                # the event's own verb carries: "repeated its demand for X to ...")
            for top in (o.trigger, *o.heads):
                p = _path(top, c.trigger)
                if p and all(x.dep_ in PATH_OK for x in p) and \
                        any(x.dep_ in SUBORDINATE for x in p):
                    served = True
                    break
            if served:
                break
        if not served:
            keep.append(c)
    return keep


def demand_ok(c: Candidate) -> bool:
    """A demand read from "X said Y must ..." (``request.must``) names a Y of another
    country than X's, or a state Y that a non-state X of its country addresses."""
    if c.rule.id != "request.must":
        return True
    acts = {a.country for a in c.actors if a.country}
    recs = {r.country for r in c.recipients if r.country}
    if not recs:
        # "the rebels said the government must ...": a state no one names is the armed
        # group's own (its country is filled in after the filters); an opposition
        # politician's "the government must explain" is domestic debate
        return bool(acts) and any(a.sector in REBELS for a in c.actors) and all(
            r.sector in STATE for r in c.recipients) and bool(c.recipients)
    if not recs <= acts:
        return True
    # one country: rebels or the opposition demanding of their government ("the rebels
    # announced that the president must agree to reforms"), not a state of itself
    return any(a.sector and a.sector not in STATE for a in c.actors) and \
        any(r.sector in STATE for r in c.recipients)


REBELS = frozenset({"REB", "INS", "SEP", "UAF"})

# "willingness to pause military operations", "lifted the ban" (a concession), and as nouns
# "the lifting of the embargo": the object of a stopping verb is what would stop, not an act
STOP_WORDS = frozenset({"pause", "halt", "stop", "end", "cease", "suspend", "avoid",
                        "prevent", "de-escalate", "deescalate", "curb", "forestall",
                        "lift", "ease", "relax", "rescind", "revoke", "remove"})
STOP_NOUNS = frozenset({"end", "halt", "cessation", "suspension", "lifting", "easing",
                        "relaxation", "removal", "repeal", "revocation"})
GIVEN_UP = frozenset({"drop", "abandon", "relinquish", "renounce", "waive", "shelve", "forgo"})


def drop_stopped(cands: list[Candidate]) -> list[Candidate]:
    """A hostile noun event that is the object of a stopping verb or noun is no event,
    nor a demand given up ("dropped its demand that ...": concede.drop-demand); nor is
    what an offer coded in the sentence offers (``offered``)."""
    kept = [c for c in cands if not (c.nominal and c.spec.type in HOSTILE and (
        c.trigger.dep_ in ("dobj", "nsubjpass") and c.trigger.head.lemma_.lower() in
        STOP_WORDS or c.trigger.dep_ == "pobj" and c.trigger.head.lower_ in ("of", "to")
        and c.trigger.head.head.lemma_.lower() in STOP_NOUNS) or c.nominal and c.spec.type ==
        "REQUEST" and c.trigger.dep_ == "dobj" and c.trigger.head.lemma_.lower() in GIVEN_UP)]
    return [c for c in kept if not offered(c, kept)]


# nouns of what is offered or planned, not done (a willingness signalled: ``retype_intents``)
OFFERED = frozenset({"offer", "proposal", "plan", "promise", "pledge", "invitation"})
ANSWERS = frozenset({"REJECT", "AGREE", "CONCEDE", "SUPPORT"})


def offered(c: Candidate, cands: list[Candidate]) -> bool:
    """"turned down a Syrian offer [to resume peace talks]", "accepted the plan to
    withdraw": the act is the content of an offer the verb of another event of the
    sentence answers, not an event of its own."""
    for h in (c.trigger, *c.heads):
        if not to_infinitive(h):
            continue
        if h.dep_ == "acl":
            noun = h.head
        elif h.dep_ == "advcl":  # (the parser's slip: the infinitive right after the
            # verb's object noun hung on the verb)
            first = subtree(h)[0].i
            noun = next((d for d in kids(h.head) if d.dep_ == "dobj" and d.i == first - 1),
                        h)
        else:
            continue
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in OFFERED:
            return any(o is not c and o.spec.type in ANSWERS and not o.nominal and
                       noun.head.i == o.trigger.i for o in cands)
    return False


def identified(c: Candidate) -> bool:
    """An event is emitted only when it is identified: an actor or a recipient with a
    country or a sector, or a named place with a size ("the Pahalgam attack" mentioned
    again at a press conference in Islamabad codes nothing)."""
    for a in (*c.actors, *c.recipients):  # (a loop: no generator made per call)
        if a.country or a.sector:
            return True
    return c.place is not None and c.size is not None
