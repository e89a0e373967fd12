"""What a sentence tells that is no event of its own: a wish about someone else ("wants
Turkey to close its borders"), a kind of people described by a relative clause or a
participle ("people who attack my family", "a super PAC backing him"), what a rule
undone allowed or banned ("repealed a law that allowed police to detain"), a force verb
that hits no one ("shot himself", "crisis strikes Paris", "executed the plan",
"targeting voters", "engage with the North"), a seizure of nothing ("captured the
mood", "withheld his endorsement"), a view shared ("agreed with him") and a meeting or
a speech of one ("the cabinet met"). The coder drops such candidates (``coder._kept``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.events.acts import NOT_TAKEN
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.roles import subjects
from chronicler.nlp.events.tree import STEPS, children_ix, kids, subtree, tree_of
from chronicler.nlp.events.verbal import MEDIA
from chronicler.nlp.events.walks import child_with

# verbs of wishing: what someone wants another to do has not happened (asking and
# telling are REQUEST events, ``request.directive``, which absorb what they ask)
WISHES = frozenset({"want", "expect", "hope", "wish", "prefer", "need", "like", "desire"})


def wished(c: Candidate) -> bool:
    """Is the event the infinitive of a wish about someone else ("wants Turkey to close
    its borders", "expects Merovia to withdraw")? One's own wish ("wants to hold
    talks") is an intent, read by ``intent``."""
    tree = tree_of(c.trigger.doc)  # (by index: read for every candidate let through)
    deps, up = tree.deps, tree.heads
    for head in (c.trigger, *c.heads):
        h = head.i
        if deps[h] not in ("xcomp", "ccomp") or tree.lemmas[up[h]] not in WISHES:
            continue
        below = children_ix(tree, h)  # (no generators: they made cells of the lists)
        if not child_with(deps, below, "aux", tree.lowers, ("to",)):
            continue
        if "nsubj" in map(deps.__getitem__, below) or "dobj" in map(
                deps.__getitem__, children_ix(tree, up[h])):
            return True
    return False


# rules, and verbs that undo them: what an undone rule allowed, ordered or banned ("revoked
# a decree that allowed it to close newspapers") is what is no longer done, not an act
RULES = frozenset({"law", "decree", "ordinance", "regulation", "rule", "act", "bill",
                   "order", "measure", "legislation", "provision", "edict", "directive",
                   "policy", "ban"})
UNDOING = frozenset({"revoke", "repeal", "rescind", "annul", "scrap", "abolish", "overturn",
                     "lift", "cancel", "reverse", "withdraw", "suspend"})


def described(c: Candidate, ix: ArticleIndex) -> bool:
    """Does a clause describe the event instead of telling it happened: a kind of people
    (``generic_relative``) or what a rule undone allowed (``undone_rule``)?"""
    return generic_relative(c, ix) or undone_rule(c)


def undone_rule(c: Candidate) -> bool:
    """Is the event what a rule undone allows, orders or bans: in a clause on a rule
    (``RULES``) that a verb of ``UNDOING`` takes as its object ("repealed a law that
    allowed police to detain suspects", "lifted a decree banning rallies")?"""
    tree = tree_of(c.trigger.doc)  # (by index)
    deps, up, lemmas = tree.deps, tree.heads, tree.lemmas
    for head in (c.trigger, *c.heads):
        h = head.i
        for _ in STEPS[4]:  # (the clause's verb, through infinitives and conjuncts)
            if deps[h] in ("relcl", "acl"):
                n = up[h]
                if lemmas[n] in RULES and deps[n] in ("dobj", "nsubjpass") and \
                        lemmas[up[n]] in UNDOING:
                    return True
                break
            if deps[h] not in ("xcomp", "ccomp", "conj") or up[h] == h:
                break
            h = up[h]
    return False


# heads of a relative clause that say "whoever does it": the clause describes a kind of
# people, not an event ("I do not support people who attack my family")
GENERIC_HEADS = frozenset({"people", "someone", "somebody", "anyone", "anybody", "everyone",
                           "everybody", "those", "one", "ones", "others", "person",
                           "persons", "individuals", "whoever", "nobody", "no one"})


DETERMINERS = frozenset({"det", "poss", "nummod"})


def generic_relative(c: Candidate, ix: ArticleIndex) -> bool:
    """Is the event told in a relative clause or a participle of a generic head ("people
    who attack ...", "interest groups that support her", "those seeking her help"): a
    head from ``GENERIC_HEADS`` or with "any", "every" or "no", or a bare plural that names no actor or agent ("gunmen
    who attacked" are someone), with no date or place of the event's own? Support told
    by a participle is an allegiance, whoever holds it ("a super PAC backing the
    governor", "hackers backing the regime"), not an act."""
    if c.time_attached or c.place is not None:
        return False
    tree = tree_of(c.trigger.doc)  # (by index)
    deps, tags, up = tree.deps, tree.tags, tree.heads
    for head in (c.trigger, *c.heads):
        h = head.i
        while deps[h] == "conj" and up[h] != h:
            h = up[h]  # ("people who sign up or ask for help": the clause's first verb)
        participle = deps[h] == "acl" and tags[h] == "VBG" and tree.lemmas[up[h]] not in MEDIA
        # (what a statement or a speech did is said: "a statement apologizing to X")
        if participle and c.spec.type == "SUPPORT":
            return True
        if deps[h] != "relcl" and not participle:
            continue
        n = up[h]
        if tree.lowers[n] in GENERIC_HEADS or child_with(
                deps, children_ix(tree, n), "det", tree.lowers, ("any", "every", "no")):
            return True  # ("any company that asks ...", "every state that attacks": a kind)
        if tags[n] in ("NNS", "NNPS") and DETERMINERS.isdisjoint(
                map(deps.__getitem__, children_ix(tree, n))):
            a = ix.resolver.resolve(tree.toks[n])
            return a is None or not (a.country or a.sector)  # ("gunmen who": someone)
    return False


# what "strikes" or "hits" when no one does
MISFORTUNES = frozenset({"crisis", "disaster", "tragedy", "catastrophe", "recession",
                         "pandemic", "epidemic", "storm", "hurricane", "earthquake", "flood",
                         "drought", "famine", "misfortune", "calamity", "scandal", "panic",
                         "inflation", "depression", "lightning", "cyclone", "typhoon",
                         "tsunami", "landslide", "wildfire", "tornado", "blizzard",
                         "heatwave", "avalanche", "quake", "monsoon", "virus"})
# whom campaigns and companies "target"
AUDIENCES = frozenset({"voter", "consumer", "audience", "customer", "reader", "viewer",
                       "donor", "demographic", "market", "electorate", "constituency",
                       "shopper", "buyer", "listener", "subscriber"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves",
                        "yourself", "yourselves", "oneself"})
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "whom", "who", "he",
                               "she", "they", "i", "we"})


def no_one_hit(c: Candidate, ix: ArticleIndex) -> bool:
    """Is this force verb aimed at no one else: a reflexive object ("shot himself",
    "shooting itself in the foot"), a misfortune as the striker ("crisis strikes
    Paris"), a retort ("shot back that ..."), an audience targeted ("targeting Hispanic
    voters"), an execution of a thing rather than a person ("executed it flawlessly",
    "a campaign executed by ..."), or engaging *with* someone, which is talking ("to
    engage with the North")? Or a seizure that holds no one and nothing
    (``_not_held``)? Or someone fired from a job (``_dismissed``), of any type?"""
    if _dismissed(c, ix):
        return True
    if c.spec.type == "COERCE" and not c.nominal:
        return _not_held(c)
    if c.spec.type != "ASSAULT" or c.nominal:
        return False
    t = c.trigger
    objs = [o for o in kids(t) if o.dep_ in ("dobj", "nsubjpass")]
    if any(o.lower_ in REFLEXIVES for o in objs):
        return True
    lemma = t.lemma_.lower()
    if lemma in ("shoot", "fire", "hit") and any(
            ch.dep_ in ("prt", "advmod") and ch.lower_ == "back" for ch in kids(t)) and any(
            ch.dep_ == "ccomp" for ch in kids(t)):
        return True  # "shot back that the anchor ...": a retort
    if any(x.lemma_.lower() in MISFORTUNES for x in subjects(t)):
        return True  # "crisis strikes Paris", "tragedy struck the town": no one struck
        # (nor killed: "an earthquake struck the region, killing 1,000 people")
    if lemma == "target" and any(o.lemma_.lower() in AUDIENCES for o in objs):
        return True  # "targeted Latino voters through digital ads": campaigning
    if lemma == "execute":
        return bool(objs) and not any(_people(o, ix) for o in objs)
    return lemma == "engage" and any(p.dep_ == "prep" and (p.lower_ == "with" or (
        p.lower_ == "in" and any(o.lemma_.lower() in TALKS for o in kids(p))))
        for p in kids(t))  # ("engage in a back-and-forth", "in talks": words)


# what one engages "in" that is no fighting
# (by lemma; "back" of "back-and-forth", which the parser splits)
TALKS = frozenset({"debate", "dialogue", "dialog", "discussion", "talk", "talks",
                   "conversation", "negotiation", "back", "back-and-forth", "exchange",
                   "argument", "diplomacy", "consultation", "speculation"})
# where shots go: "fired on the crowd", "fired at them" (a person fired at is shot at)
AIMED = frozenset({"at", "on", "upon", "into", "toward", "towards", "across", "over"})
PERSONAL_POSS = frozenset({"his", "her", "their", "my", "your", "our"})


def _dismissed(c: Candidate, ix: ArticleIndex) -> bool:
    """"The governor fired her chief of staff", "he was fired for taking time off", "his
    firing was improper", "the firing of the director": a person fired is dismissed
    (PETRARCH codes "fire" as force, and "fired for" as criticism); one fires *at* or
    *on* people, and fires shots, rockets or guns."""
    t = c.trigger
    if t.lemma_.lower() not in ("fire", "firing") or any(
            p.dep_ == "prep" and p.lower_ in AIMED for p in kids(t)):
        return False
    if not c.nominal:
        return any(o.dep_ in ("dobj", "nsubjpass") and _people(o, ix) for o in kids(t))
    of = [o for p in kids(t) if p.dep_ == "prep" and p.lower_ == "of"
          for o in kids(p) if o.dep_ == "pobj"]
    if of:  # "the firing of the director" (not "the firing of rockets")
        return any(_people(o, ix) for o in of)
    # "his firing", "Comey's firing" (not "Israel's firing", a state's)
    return any(p.dep_ == "poss" and (p.lower_ in PERSONAL_POSS or p.ent_type_ == "PERSON")
               for p in kids(t))


def _people(o: Token, ix: ArticleIndex) -> bool:
    """Does ``o`` name people: a person or group named, a pronoun for people, a count
    ("executed 12"), or a noun the actors read as someone ("prisoners", "rebels")?"""
    if o.ent_type_ in ("PERSON", "NORP", "CARDINAL") or o.lower_ in PERSONAL_PRONOUNS \
            or any(ch.dep_ == "nummod" for ch in kids(o)) or o.pos_ == "NUM":
        return True
    a = ix.resolver.resolve(o)
    return a is not None and bool(a.sector or a.actor_id) or o.lemma_.lower() in PEOPLE


# people a state executes that the actor dictionaries give no sector
PEOPLE = frozenset({"man", "men", "woman", "women", "person", "people", "prisoner",
                    "inmate", "convict", "hostage", "captive", "dissident", "activist",
                    "spy", "suspect", "journalist", "civilian", "child", "teenager",
                    "worker", "member", "leader", "official", "officer", "soldier",
                    "citizen", "national", "offender", "murderer", "criminal", "smuggler",
                    "trafficker", "deserter", "collaborator", "informer", "opponent"})


# what is "captured" or "withheld" without force: a mood, a vote, a picture; an
# endorsement, a comment, a document
# (``acts.NOT_TAKEN`` is the list of what is seized without force, which ``no_act``
# reads for every seizing verb; the words a capture takes in elections and moods add to it)
CAUGHT = NOT_TAKEN | {"allegiance", "seat", "majority", "image", "delegate", "primary", "lead",
                      "frustration", "anger", "enthusiasm", "win", "wins", "victory",
                      "victories", "senate", "house", "presidency", "governorship",
                      "legislature", "congress", "chamber"}
KEPT_BACK = frozenset({"endorsement", "support", "judgment", "judgement", "comment", "vote",
                       "approval", "consent", "name", "identity", "detail", "document",
                       "email", "record", "information", "praise", "applause"})
# who "captures" a moment: a camera, not a captor
RECORDERS = frozenset({"photographer", "camera", "video", "footage", "photo", "photograph",
                       "picture", "film", "image", "moment", "poll", "survey", "documentary"})


def _not_held(c: Candidate) -> bool:
    """"captured the allegiance of younger voters", "a photographer captured the scene",
    "withholding his endorsement": no one seized, nothing taken by force."""
    t = c.trigger
    lemma = t.lemma_.lower()
    objs = [o.lemma_.lower() for o in kids(t) if o.dep_ in ("dobj", "nsubjpass")]
    if lemma == "capture":
        return any(o in CAUGHT for o in objs) or any(
            ch.dep_ == "nsubj" and ch.lemma_.lower() in RECORDERS for ch in kids(t))
    return lemma == "withhold" and any(o in KEPT_BACK for o in objs)


# verbs of agreeing: agreeing *with* someone, and nothing more, shares a view
AGREEING = frozenset({"agree", "concur"})
# what a view is on ("agreed with him on the issue"), not a thing agreed
TOPICS = frozenset({"issue", "question", "matter", "point", "subject", "topic", "need",
                    "importance", "substance"})


def shared_view(c: Candidate) -> bool:
    """Is this AGREE a view shared ("many voters agreed with him", "the association
    agrees with the governor"): agreeing with someone, to do nothing, on nothing, and
    no one agreeing together? CAMEO codes it as a statement (019), PLOVER not at all."""
    t = c.trigger
    if c.spec.type != "AGREE" or c.nominal or t.lemma_.lower() not in AGREEING:
        return False
    preps = {p.lower_ for p in kids(t) if p.dep_ == "prep" and not (
        p.lower_ in ("on", "about") and any(o.lemma_.lower() in TOPICS for o in kids(p)))}
    if "with" not in preps or preps & {"on", "to", "upon", "over"}:
        return False  # (agreed "with X on a ceasefire plan" agrees to something)
    return not any(ch.dep_ in ("xcomp", "ccomp", "dobj", "advcl") for ch in kids(t))


# what names a news outlet spoken to ("spoke to Geo News", "speaking to CNN")
NEWS_WORDS = frozenset({"news", "television", "tv", "radio", "channel", "network", "newspaper",
                        "times", "post", "daily", "journal", "magazine", "agency", "press",
                        "media", "reporter", "reporters", "journalist", "journalists"})
NEWS_SECTORS = frozenset({"JRN", "MED"})
# outlets named by their initials alone, whose name has none of the words above (the actor
# dictionaries give some of them no media sector: MSNBC, Fox, NBC, ABC, CBS)
BROADCASTERS = frozenset({"cnn", "bbc", "msnbc", "fox", "nbc", "abc", "cbs", "reuters", "ap",
                          "afp"})


def _to_the_media(c: Candidate) -> bool:
    """Is everyone the trigger speaks "to" (or "with") a news outlet or its reporters:
    the recipients' sector, or the words of the phrase?"""
    if c.recipients:
        return all(r.sector in NEWS_SECTORS for r in c.recipients)
    objs = [o for p in kids(c.trigger) if p.dep_ == "prep" and p.lower_ in ("to", "with")
            for o in kids(p) if o.dep_ == "pobj"]
    return bool(objs) and all(any(w.lower_ in NEWS_WORDS for w in subtree(o)) or (
        o.ent_type_ == "ORG" and o.lower_ in BROADCASTERS)
                              for o in objs)


def met_alone(c: Candidate) -> bool:
    """Is this a meeting of one body or one person with no one ("the security committee
    is expected to meet", "the cabinet met on Sunday"): "meet" or "speak" with a single subject
    in the singular, no one met and no counterpart "with" it? A consultation has two
    sides ("the two leaders met", "met with X", "X and Y will meet")."""
    t = c.trigger
    if c.spec.type != "CONSULT" or c.nominal or t.lemma_.lower() not in (
            "meet", "convene", "confer", "speak", "talk"):
        return False  # ("Thiel is scheduled to speak on Thursday": a speech)
    talk = t.lemma_.lower() in ("speak", "talk")
    if talk and _to_the_media(c):
        return True  # "speaking to CNN", "spoke to Geo News": an interview
    if c.recipients:
        return False
    if any(ch.dep_ in ("dobj", "prep", "prt") and (ch.lower_ not in (
            "in", "at", "on", "for", "during", "after", "before", "since", "until", "to")
            or talk and ch.lower_ == "to") for ch in kids(t)):
        return False  # ("met with", "met up", "met the envoy", "spoke to": someone met)
    subj = [x for x in kids(t) if x.dep_ in ("nsubj", "nsubjpass")]
    if not subj and talk and t.dep_ == "acl":
        return True  # "the opportunity to speak at the event": a speech
    if not subj:  # (an infinitive's: "is expected to meet")
        up = t.head if t.dep_ == "xcomp" else None
        subj = [x for x in kids(up) if x.dep_ in ("nsubj", "nsubjpass")] if up is not None else []
    return len(subj) == 1 and subj[0].tag_ in ("NN", "NNP") and not any(
        ch.dep_ == "conj" for ch in kids(subj[0]))
