"""Force words used for words: "attacked her rival over the emails", "blasted the plan",
"his attacks on a former aide", "killed the bill"; and a politician's rally, which is
no protest.

Political reporting uses the vocabulary of force for criticism far more often than for
force. An ASSAULT candidate is read as words when nothing about it is physical (no
casualty count, no named operation) and

* what it is aimed at is a thing said or decided, not someone or somewhere: its object
  or "at"/"on" object (for a verb) or its "on"/"against" object (for a noun) is a plan,
  a bill, a record, a remark ... (``ABSTRACT``); or
* someone who is no armed group, force or state as a whole attacks "over" or "about" a
  topic ("the senator attacked the governor over the budget"), "for" a reason ("for
  accepting donations", "for her vote"), or "as" something ("as a fraud"); or
* a named person attacks a named person (or, for the noun, a person's "attacks on" a
  person) at no place the sentence names: neither of them armed, in a state's forces
  or in an armed group; or
* someone who is no armed group and no state as a whole attacks in a medium of words
  ("in early-morning tweets", "in a speech", "during the debate"), or goes on to say
  what the attack was ("attacked the senator, calling him a fraud", "..., saying he
  had offended voters"), at or on no one armed and no state as a whole; or
* a medium of words attacks ("a campaign ad attacked", "ads attacking the senator"),
  the attacks are "negative", "personal" or "political", they are aimed at one's
  rivals or critics, a party or a legislator attacks over a topic, or no one named
  attacks a named person at no place with no weapon ("his attacks on Trump").

The attack words that are criticism become ACCUSE/disapprove (CAMEO 111, "criticize or
denounce"); the words that end a thing ("killed the bill", "shot down the proposal",
"struck down a law") become REJECT. Measured on 84 real articles of a national election campaign (PolNeAR
dev), where every "attack" between two candidates had been coded as force.

The CAMEO dictionary's own force verbs ("beat", "fight", "hammer", "surround", "go back
to war") code force between people with no arms anywhere (``unarmed_force``): "Clinton
beat Sanders in the caucuses" is a vote, "hammered Bush throughout the campaign" words.
Such a dictionary ASSAULT is kept only when a side is armed or a state as a whole, or
the sentence names a weapon, a wound or a casualty count.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronicler.nlp.events.attach import has_count
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.dict_actors import STATE, partitive_core
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.patterns import TriggerRule, TypeSpec
from chronicler.nlp.events.protests import people
from chronicler.nlp.events.roles import conjuncts, subjects
from chronicler.nlp.events.tree import _Seen, children_ix, kids, sent_range, subtree, tree_of
from chronicler.records import EventActor

# the attack words that also mean criticism; "kill" and "shoot" only end things
CRITICISE = frozenset({"attack", "blast", "slam", "hit", "target", "lambast", "assail",
                       "fire", "pound"})
END = frozenset({"kill", "shoot", "torpedo", "sink", "strike"})  # ("struck down the law")
# things said, decided or held: what words attack and votes kill (not "post",
# "position" or "campaign", which troops attack too)
ABSTRACT = frozenset({
    "comment", "remark", "statement", "speech", "word", "claim", "argument", "rhetoric",
    "narrative", "tweet", "ad", "advertisement", "message", "interview",
    "plan", "policy", "proposal", "provision", "bill", "law", "legislation", "measure",
    "reform", "rule", "regulation", "program", "programme", "agenda", "platform",
    "budget", "tax", "code", "deal", "agreement", "decision", "order", "record",
    "stance", "view", "idea", "character", "judgment", "judgement",
    "temperament", "credibility", "integrity", "handling", "response", "approach",
    "strategy", "vision", "leadership", "candidacy", "nomination",
    "performance", "motion", "amendment", "initiative", "notion",
    "theory", "report", "book", "article", "column", "editorial", "movie", "film",
    "influence", "system", "establishment", "corruption", "inequality", "greed", "values",
    "democracy", "freedom", "liberty", "vote", "choice", "conduct", "fitness",
    "honesty", "competence", "qualification", "experience", "health",
})
TOPIC_PREPS = frozenset({"over", "about"})
# force words that in news prose mean criticism first, a state's too ("India slams
# Pakistan", "Pakistan blasts India for ..."): words unless a side is armed
WORDS_FIRST = frozenset({"blast", "slam", "lambast", "assail"})
# where words are said: an attack "in a tweet", "during the debate", "on television"
MEDIA = frozenset({"tweet", "post", "speech", "interview", "statement", "ad",
                   "advertisement", "commercial", "editorial", "column", "op-ed", "letter",
                   "debate", "remark", "comment", "video", "book", "memoir", "podcast",
                   "broadcast", "television", "tv", "radio", "show", "press", "email",
                   "message", "testimony", "hearing", "address", "briefing", "conference",
                   "essay", "article", "blog", "facebook", "twitter", "mailer", "flyer",
                   "leaflet", "pamphlet", "billboard", "paper"})
MEDIA_PREPS = frozenset({"in", "on", "during", "via", "through"})
# what makes an attack words whoever makes it: how it is said ("scathing attacks")
SAID_MODS = frozenset({"personal", "verbal", "rhetorical", "scathing", "blistering",
                       "withering", "stinging", "negative", "partisan", "political",
                       "written"})
# whom a contest's words attack: its other contenders (no armed side, no place named)
CONTENDERS = frozenset({"rival", "opponent", "critic", "detractor", "challenger",
                        "competitor"})
# what an attacker goes on to do when the attack was words: "..., calling him a fraud"
SAYING = frozenset({"say", "call", "accuse", "describe", "label", "brand", "dub", "argue",
                    "claim", "charge", "suggest", "insist", "write", "tweet", "question",
                    "mock", "deride", "ridicule", "compare", "liken"})
ARMED = frozenset({"MIL", "COP", "SPY", "REB", "IMG", "INS", "UAF", "CRM"})
# sectors that are never armed: parties, legislators, elites
POLITICAL = frozenset({"PTY", "LEG", "ELI"})


def _aimed_at(c: Candidate) -> list[Token]:
    """The words the force is aimed at: a verb's object or passive subject, a noun's
    "on"/"against" object."""
    t = c.trigger
    if c.nominal:
        objs = [o for p in kids(t) if p.dep_ == "prep" and p.lower_ in ("on", "against")
                for o in kids(p) if o.dep_ == "pobj"]
    else:
        objs = [o for o in kids(t) if o.dep_ in ("dobj", "nsubjpass")] + [
            o for p in kids(t) if p.dep_ == "prep" and p.lower_ in ("at", "on")
            for o in kids(p) if o.dep_ == "pobj"]  # ("fired back at her remarks")
    return [x for o in objs for x in conjuncts(o)]  # ("his biography and platform")


def _actor_type(ix: ArticleIndex, actor_id: str | None) -> str | None:
    a = ix.resolver.actors.get(actor_id) if actor_id else None
    return getattr(a, "type", None)


def _reason(p: Token) -> bool:
    """"for accepting donations", "for her support of ...": a reason, not a duration."""
    objs = [o for o in kids(p) if o.dep_ in ("pobj", "pcomp")]
    return any(o.tag_ == "VBG" or any(x.dep_ == "poss" for x in kids(o)) for o in objs)


def is_verbal(c: Candidate, ix: ArticleIndex, sent: Span) -> bool:
    """Is this ASSAULT candidate a force word used for words (module docstring)? The
    cheap tests first: most force in crisis news is no attack word, or plainly armed."""
    if c.spec.type != "ASSAULT" or c.trigger.i in ix.op_at:
        return False
    lemma = ix.lemmas[c.trigger.i]
    if lemma in HARM_WORDS:
        return _person_harmed_in_words(c, ix) and not has_count(c, ix, sent)
    if lemma not in CRITICISE | END:
        return False
    return _words_not_force(c, ix, lemma) and not has_count(c, ix, sent)


# harm words that political prose aims at a person or a party ("efforts to wound Trump",
# "either destroy him or embrace him", "will cause damage to the party") as often as
# force does
HARM_WORDS = frozenset({"wound", "destroy", "damage", "cause"})


def _person_harmed_in_words(c: Candidate, ix: ArticleIndex) -> bool:
    """A harm word aimed only at people named by name or a party, by no one armed or a
    state as a whole (a politician in office is a person here), at no place, with no
    weapon or wound named beside it: a campaign's words, not force."""
    def state(a: EventActor) -> bool:
        kind = _actor_type(ix, a.actor_id)
        return a.sector in ARMED or kind == "COUNTRY" or a.sector in STATE and kind != "PERSON"

    return bool(c.recipients) and all(
        _actor_type(ix, r.actor_id) == "PERSON" or r.sector == "PTY"
        for r in c.recipients) and not any(map(state, c.actors)) and c.place is None \
        and not _armed_words(c)


def _words_not_force(c: Candidate, ix: ArticleIndex, lemma: str) -> bool:
    aimed = _aimed_at(c)
    if any(o.lemma_.lower() in ABSTRACT and o.i not in ix.resolver.mention_at for o in aimed):
        return True
    if _by_medium(c.trigger) and not _armed_words(c):
        return True  # "a campaign ad attacked the senator", "his tweets' attacks on her"
    if lemma in END:
        return False  # ("shot the guard" is force; only an abstract object is a vote)
    types = [_actor_type(ix, a.actor_id) for a in c.actors]
    if any(a.sector in ARMED for a in c.actors):
        return False  # (militants, troops, police)
    if "COUNTRY" not in types and not any(
            r.sector in ARMED or _actor_type(ix, r.actor_id) == "COUNTRY"
            for r in c.recipients) and c.place is None and not _armed_words(c) and (
                _in_words(c.trigger) or _saying(c.trigger)):
        return True  # "the Times attacked him, saying ...", "attacked her in a speech"
    if c.actors and all(t == "PERSON" for t in types) and _saying(c.trigger) and \
            c.place is None and not _armed_words(c):
        return True  # "Trump targeted Mexico, calling its migrants 'rapists'": a person's
        # attack on a state, told as what he called it
    if c.nominal and lemma == "fire" and c.trigger.head.lower_ == "under" and any(
            p.dep_ == "prep" and p.lower_ in ("for", "over", "about") and p.i > c.trigger.i
            for p in subtree(c.trigger.head.head)):  # (on "came", or on its "from" too)
        return True  # "under fire for the policing failures": criticised (the fire of
        # troops comes "from" someone)
    if lemma in WORDS_FIRST and not _armed_words(c) and not any(
            r.sector in ARMED for r in c.recipients) and (_topic(c, ix) or any(
                o.i in ix.resolver.mention_at and o.ent_type_ in ("GPE", "PERSON", "ORG")
                for o in aimed)):
        return True  # "Pakistan blasts India for spreading propaganda": a headline's
        # criticism, by a state too, unless an armed side, a weapon or a wound is named
    if c.nominal and any(m.dep_ == "amod" and m.lemma_.lower() in SAID_MODS
                         for m in kids(c.trigger)) and not _armed_words(c) and not any(
                             r.sector in ARMED for r in c.recipients):
        return True  # "scathing attacks on the mayor", "personal attacks"
    if (any(o.lemma_.lower() in CONTENDERS and o.i not in ix.resolver.mention_at
            for o in aimed) or any(s.lemma_.lower() in CONTENDERS | {"candidate"}
                                   for s in subjects(c.trigger))) \
            and not _armed_words(c) and c.place is None:
        return True  # "stepped up his attacks against his rivals", "the candidates
        # attacked each other": a contest's words
    if not c.actors and c.recipients and all(
            _actor_type(ix, r.actor_id) == "PERSON" for r in c.recipients) and \
            c.place is None and not _armed_words(c) and (
                c.nominal or c.trigger.dep_ in ("pcomp", "pobj") or _topic(c, ix)):
        return True  # "reboots his attacks on Trump", "ideas for attacking Trump",
        # "attacked Obama for being soft": by no one named, on a person, unarmed
    if c.actors and all(a.sector in POLITICAL for a in c.actors) and _topic(c, ix) and \
            not _armed_words(c):
        return True  # "the party attacked the government for surrendering": a party's or
        # a legislator's words, given a reason or a topic
    if not c.actors or "PERSON" not in types:
        return False  # (a state or group acting as a whole)
    if _topic(c, ix):
        return True
    # a person attacking people, not a country or a place ("the president attacked
    # the country" is the state's force): words, unless a place or a weapon is named
    return c.place is None and not any(
        _actor_type(ix, r.actor_id) == "COUNTRY" or r.sector in ARMED for r in c.recipients
    ) and not any(o.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for o in aimed) and all(
        t == "PERSON" for t in types) and not _armed_words(c)


def _topic(c: Candidate, ix: ArticleIndex) -> bool:
    """Does the attack say what it is about or take its target as something ("attacked
    the governor over the budget", "for accepting ...", "attacked her opponent as a
    fraud")?"""
    for p in kids(c.trigger):
        if p.dep_ == "prep" and (p.lower_ in TOPIC_PREPS and not any(
                _temporal(o, ix) for o in kids(p)) or p.lower_ == "for" and _reason(p)):
            return True
        if p.dep_ == "prep" and p.lower_ == "as" or p.dep_ == "oprd":
            return True
    return False


def _in_words(t: Token) -> bool:
    """Is the attack made in a medium of words ("in early-morning tweets", "during the
    debate")?"""
    if any(p.dep_ == "prep" and p.lower_ in MEDIA_PREPS and any(
            o.dep_ == "pobj" and o.lemma_.lower() in MEDIA for o in kids(p))
            for p in kids(t)):
        return True
    # further down: "attacks on her, including Friday's tweets", "in a series of tweets"
    return any(o.dep_ == "pobj" and o.lemma_.lower() in MEDIA and o.head.head.i != t.i and (
        o.head.lower_ in ("in", "including", "via", "through") or o.head.lower_ == "of"
        and o.head.head.dep_ == "pobj" and o.head.head.head.lower_ in ("in", "including"))
        for o in subtree(t))


def _by_medium(t: Token) -> bool:
    """Is the attacker a medium of words ("the ad attacked", "a tweet that targeted",
    "the editorial's attacks on")? A relative clause's "that" stands for its noun."""
    subj = [x for x in kids(t) if x.dep_ in ("nsubj", "poss")]
    if t.dep_ == "relcl":
        subj = [t.head if x.tag_ in ("WDT", "WP") else x for x in subj]
    elif t.dep_ == "acl" and t.tag_ == "VBG":
        subj.append(t.head)  # ("ads attacking the senator")
    return any(x.lemma_.lower() in MEDIA for x in subj)


def _saying(t: Token) -> bool:
    """Does the attacker go on to say what the attack was ("attacked the senator,
    calling him a fraud", "..., saying he had offended voters")?"""
    return any(ch.dep_ in ("advcl", "conj") and ch.tag_ == "VBG"
               and ch.lemma_.lower() in SAYING for ch in kids(t))


def unarmed_force(c: Candidate, ix: ArticleIndex, sent: Span) -> bool:
    """Is this an ASSAULT only the CAMEO dictionary codes, between sides none of which
    is armed or a state, with no weapon, wound or count (module docstring)?"""
    if c.spec.type != "ASSAULT" or not c.rule.id.startswith("cameo."):
        return False
    sides = [*c.actors, *c.recipients]
    if any(a.sector in ARMED or _actor_type(ix, a.actor_id) == "COUNTRY" or (
            a.country and not a.sector and not a.actor_id
            and a.name in (a.country, ix.resolver.country_names.get(a.country)))
            for a in sides):
        return False  # (a state acting as a whole: "Russia fought ...")
    return not _armed_words(c) and not has_count(c, ix, sent)


# words that make an attack by a person physical: a weapon, a wound, the police
WEAPONS = frozenset({"knife", "gun", "rifle", "pistol", "bomb", "machete", "axe", "weapon",
                     "stab", "stabbing", "punch", "beat", "club", "bat", "acid", "car",
                     "vehicle", "truck", "explosive", "grenade", "injure", "wound", "kill",
                     "police", "arrest", "hospital", "injury", "bleed", "charge", "missile",
                     "rocket", "drone", "artillery", "airstrike", "shoot", "shooting",
                     "gunman", "gunfire", "bullet", "blast", "explosion", "assassinate",
                     "assassination", "sniper", "bomber", "attacker", "assailant"})


def _armed_words(c: Candidate) -> bool:
    """Does the sentence name a weapon or a wound, other than the trigger itself ("beat"
    is the dictionary's verb for winning too; "blasts X for spreading propaganda" is
    words, the noun "blast" a bomb's)?"""
    (start, end), but = sent_range(c.trigger), c.trigger.i  # (the parser's sentence)
    lemmas = tree_of(c.trigger.doc).lemmas
    return any(lemmas[t] in WEAPONS for t in range(start, end) if t != but)


def _temporal(t: Token, ix: ArticleIndex) -> bool:
    """"over the weekend", "over three days": a time, not a topic."""
    return t.i in ix.time_at or t.ent_type_ in ("DATE", "TIME") or any(
        x.ent_type_ in ("DATE", "TIME") for x in subtree(t))


def as_words(c: Candidate, ix: ArticleIndex, name: str = "verbal-force") -> Candidate:
    """The candidate as the verbal event it is: ACCUSE/disapprove, or REJECT for a
    word that ends a thing. Arguments are found again by the caller."""
    end = c.trigger.lemma_.lower() in END
    spec = ix.lex.types["REJECT" if end else "ACCUSE"]
    mode = None if end or "disapprove" not in spec.modes else "disapprove"
    return _retyped(c, spec, TriggerRule(
        id=f"{spec.type.lower()}.{name}", type=spec.type, pos=c.rule.pos,
        lemmas=c.rule.lemmas, mode=mode, cameo=None))


def state_protest(c: Candidate, ix: ArticleIndex) -> bool:
    """"Kaldoria protested against the move": a state (a country, its government or
    an official) protesting against something makes a diplomatic protest, which
    ONTOLOGY.md codes ACCUSE/disapprove; people protesting against it protest."""
    if c.rule.id != "protest.against" or not c.actors or any(map(people, subjects(c.trigger))):
        return False  # ("thousands of Kenyans protested against ...": its people)
    return all(a.sector in STATE or (a.country and a.sector is None
                                     and _actor_type(ix, a.actor_id) == "COUNTRY")
               for a in c.actors)


def _retyped(c: Candidate, spec: TypeSpec, rule: TriggerRule) -> Candidate:
    """``c``'s trigger, heads, date, place and size under another type and rule, its
    arguments and modes left for the caller to find again."""
    return Candidate(rule=rule, spec=spec, trigger=c.trigger, heads=c.heads, light=c.light,
                     time=c.time, time_attached=c.time_attached, place=c.place,
                     size=c.size, extra=c.extra)


CAMPAIGN = frozenset({"campaign", "election", "electoral", "reelection", "re-election",
                      "victory", "fundraising", "primary"})


def politicians_rally(c: Candidate, ix: ArticleIndex) -> bool:
    """"Trump's rally in Phoenix", "held a campaign rally": a rally a named person
    holds, or a campaign's, is a campaign event, not a PROTEST (a crowd's rally is one;
    so is a rally of a person's supporters, whose possessor is the supporters'). Read
    on the trigger, or on the object of the verb that holds it ("held a ... rally")."""
    if c.spec.type != "PROTEST":
        return False
    t = c.trigger
    rallies = [t] if c.nominal else [o for o in kids(t) if o.dep_ == "dobj"]
    for r in rallies:
        if r.lemma_.lower() != "rally":
            continue
        mods = [ch for ch in kids(r) if ch.dep_ in ("poss", "compound", "amod")]
        if any(m.lemma_.lower() in CAMPAIGN for m in mods) or any(
                _actor_type(ix, getattr(ix.resolver.resolve(m), "actor_id", None))
                == "PERSON" for m in mods if m.dep_ != "amod"):
            return True
    return False


def rallied_behind(c: Candidate) -> bool:
    """"Donors rallied around his rivals", "rallied behind the president": support
    (CAMEO 053, rally support on behalf of), not a protest."""
    return c.spec.type == "PROTEST" and not c.nominal and c.trigger.lemma_.lower() == \
        "rally" and any(ch.dep_ == "prep" and (ch.lower_ in ("around", "behind", "to") or
                                                ch.lower_ == "for" and _for_someone(ch))
                        for ch in kids(c.trigger))


# who a rally "for" someone is for: a candidate ("rallied for the senator"), not a cause
# ("rallied for the release of the prisoners" is a protest)
CANDIDATES = frozenset({"candidate", "nominee", "senator", "governor", "president", "mayor",
                        "congressman", "congresswoman", "challenger", "incumbent"})


def _for_someone(prep: Token) -> bool:
    """Is the object of "for" a person: a name, a candidate's title, or someone "who"?"""
    return any(o.dep_ == "pobj" and (o.ent_type_ == "PERSON" or o.lemma_.lower() in CANDIDATES
                                     or any(r.dep_ == "relcl" and any(
                                         s.dep_ == "nsubj" and s.tag_ == "WP" for s in kids(r))
                                            for r in kids(o)))
               for o in kids(prep))


def as_support(c: Candidate, ix: ArticleIndex) -> Candidate:
    """A rally behind someone as the SUPPORT it is; arguments are found again."""
    return _retyped(c, ix.lex.types["SUPPORT"], TriggerRule(
        id="support.rally-behind", type="SUPPORT", pos=c.rule.pos, lemmas=c.rule.lemmas,
        cameo="05"))


# people named as protesting: their force is a riot, their demand a protest, their
# blockade or occupation an obstruction (PLOVER PROTEST riot / demo / obstruct; CAMEO
# 145, 141x, 144x: "rioters set cars on fire", "protesters demanded the resignation of
# the president", "protesters occupied the airport"); a mob or gunmen are no protest
CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
CROWD_ACTS = {"ASSAULT": "riot", "REQUEST": "demo", "COERCE": "obstruct"}
# verbs of a crowd's physical assault on a place, whatever the dictionary's pattern for
# their object says ("stormed government buildings" matches ATTACK's "* GOVERNMENT", a
# verbal attack): a riot
STORMING = frozenset({"storm", "ransack", "torch", "loot", "overrun", "besiege"})


def crowd_act(c: Candidate) -> str | None:
    """The protest mode of a crowd's force or demand (``CROWDS``), or None: a verb
    whose subject is protesters."""
    lemma = c.trigger.lemma_.lower()
    if c.nominal or lemma == "target" or c.spec.type not in CROWD_ACTS and not (
            c.spec.type == "ACCUSE" and lemma in STORMING):
        return None  # ("protesters are targeting the candidate": their aim, no riot)
    tree = tree_of(c.trigger.doc)  # (by index: read for every verb candidate)
    # (loops: comprehensions made ``c`` and ``tree`` cells on every call)
    deps, subj = tree.deps, []
    for h in (c.trigger, *c.heads):
        for x in children_ix(tree, h.i):
            if deps[x] == "nsubj":
                subj.append(partitive_core(tree.toks[x]).i)  # ("hundreds of rioters")
    if not subj:
        return None
    for x in subj:
        if not (tree.lemmas[x] in CROWDS or tree.lowers[x].rstrip("s") in CROWDS
                or _demanding(tree, x) or _clash_with_police(c, tree, x)):
            return None
    return CROWD_ACTS.get(c.spec.type, "riot")


# people who are no force of their own: their clash with the police is a riot
CIVILIANS = frozenset({"student", "worker", "youth", "villager", "resident", "farmer",
                       "supporter", "fan", "shopkeeper", "trader", "teacher", "miner"})
POLICE = frozenset({"police", "policeman", "policemen", "security"})


def _demanding(tree: _Seen, x: int) -> bool:
    """"students demanding the resignation of the president": people described by their
    demand are demonstrators."""
    return tree.poss[x] == "NOUN" and any(
        tree.deps[a] == "acl" and tree.lemmas[a] in ("demand", "protest", "chant")
        for a in children_ix(tree, x))


def _clash_with_police(c: Candidate, tree: _Seen, x: int) -> bool:
    """"villagers clashed with police": a riot (not troops clashing with rebels)."""
    return tree.lemmas[c.trigger.i] == "clash" and tree.lemmas[x] in CIVILIANS and any(
        tree.lowers[p] == "with" and any(tree.lemmas[o] in POLICE or any(
            tree.lemmas[m] in POLICE for m in children_ix(tree, o)) for o in
            children_ix(tree, p)) for p in children_ix(tree, c.trigger.i))


def as_protest(c: Candidate, ix: ArticleIndex, mode: str) -> Candidate:
    """A crowd's force or demand as the PROTEST it is; arguments are found again."""
    return _retyped(c, ix.lex.types["PROTEST"], TriggerRule(
        id=f"protest.crowd-{mode}", type="PROTEST", pos=c.rule.pos, lemmas=c.rule.lemmas,
        mode=mode, cameo="14"))


# a people driven out (CAMEO 201, "engage in mass expulsion": ASSAULT in PLOVER's
# crosswalk), not envoys, monitors or aid staff sent away (SANCTION, expel)
PEOPLE = frozenset({"workers", "families", "refugees", "residents", "migrants", "villagers",
                    "civilians", "minorities", "immigrants", "nationals", "settlers",
                    "tribesmen", "people", "inhabitants", "peasants", "farmers", "miners",
                    "diggers", "traders", "labourers", "laborers", "squatters", "herders",
                    "nomads", "fishermen", "prospectors"})
OFFICIAL = frozenset({"aid", "relief", "humanitarian", "diplomat", "diplomats", "envoy",
                      "envoys", "ambassador", "staff", "observer", "observers", "monitor",
                      "monitors", "inspector", "inspectors", "peacekeeper", "peacekeepers",
                      "agency", "agencies", "journalist", "journalists", "correspondent"})


def expelled_people(c: Candidate) -> bool:
    """"expelled thousands of Palestinian workers", "the mass expulsion of migrants": the
    people expelled are the object of the verb, or the noun's own phrase."""
    t = c.trigger
    if c.spec.type != "SANCTION" or t.lemma_.lower() not in ("expel", "expulsion"):
        return False
    if c.nominal:
        words = {x.lower_ for x in subtree(t)}
        return bool(words & (PEOPLE | {"mass"})) and words.isdisjoint(OFFICIAL)
    words = {x.lower_ for o in kids(t) if o.dep_ == "dobj" for x in subtree(o)}
    return bool(words & PEOPLE) and words.isdisjoint(OFFICIAL)


def as_expulsion(c: Candidate, ix: ArticleIndex) -> Candidate:
    """A people expelled as the ASSAULT it is; arguments are found again."""
    return _retyped(c, ix.lex.types["ASSAULT"], TriggerRule(
        id="assault.expulsion", type="ASSAULT", pos=c.rule.pos, lemmas=c.rule.lemmas,
        mode="targeted", cameo="201"))
