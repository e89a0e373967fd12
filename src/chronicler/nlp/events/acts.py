"""Event words that report no act, found by reading the coder's events on real news
outside the crisis (issue 12): a capability ("the ability to strike", "any chance of
threatening"); a question ("asked whether ..."); words of force or control used for
other things ("seizing upon a report", "capture the greatness of", "occupies a position
of power", "captured in the record system"); a phone word for naming ("called him an
outstanding leader"); a candidate's own campaign suspended; an opinion
agreed on ("all agreed Pence won the debate"); words offered ("offered his
congratulations"); a standing ("are tied in the state"), a vote defended, money
accepted, a family visited, a plan "met with relief"; a directive to one's own people
("told his advisers to find a way"); how things "ended up"; a topic one side discussed ("discussed the threat
in a speech"); and what voters or poll respondents favour ("women backed Clinton",
"three-quarters support a ban", "polls show ... more likely to support"), a preference
measured, not anyone's act; and an event verb used in another sense (``senses``: an
amount that moved, a document released). The coder drops such candidates
(``coder._kept``); each test reads the trigger's own constituents and governors.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.actors.peoples import listed_country
from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.intent import to_infinitive
from chronicler.nlp.events.senses import other_sense
from chronicler.nlp.events.tree import STEPS, _Seen, children_ix, kids, subtree, tree_of
from chronicler.nlp.events.voters import own_people, polled

# what someone could do: the act in its complement has not happened
CAPABILITY = frozenset({"capability", "capacity", "ability", "chance", "means", "power",
                        "potential", "wherewithal", "possibility", "option", "able",
                        "capable", "unable", "incapable"})
QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "who", "which",
                            "where", "whom"})
ASKING = frozenset({"ask", "inquire", "enquire", "wonder", "query", "question"})
# what one asks someone for with no "for": "asked Syria's help", "asked permission"
ASKED_FOR = frozenset({"help", "aid", "assistance", "support", "backing", "permission",
                       "protection", "intervention", "mediation", "extradition", "release",
                       "return", "withdrawal", "explanation", "clarification", "apology",
                       "forgiveness", "approval", "consent", "cooperation", "asylum",
                       "guarantee", "guarantees", "loan", "money", "troops", "investigation"})
# what is seized or captured when nothing is taken from anyone
NOT_TAKEN = frozenset({
    "imagination", "attention", "mood", "spirit", "essence", "greatness", "moment",
    "momentum", "headline", "headlines", "nomination", "vote", "votes", "share", "title",
    "championship", "heart", "hearts", "zeitgeist", "feeling", "sense", "opportunity",
    "initiative", "limelight", "spotlight", "support", "backing", "endorsement"})
# an office held: "occupies the office", "one of the top positions of power" (not the
# posts and positions troops occupy)
OFFICES = frozenset({"office", "role", "job", "presidency", "chair", "seat"})
POWER = frozenset({"power", "authority", "influence", "responsibility", "leadership",
                   "trust"})
# where records are "captured"
STORES = frozenset({"system", "record", "records", "database", "archive", "server", "file",
                    "files", "log", "logs", "account", "accounts", "memory", "footage"})
SEIZING = frozenset({"seize", "capture", "occupy", "grab", "catch"})
# a candidate's own campaign: "suspended his presidential campaign in February"
CAMPAIGNS = frozenset({"campaign", "candidacy", "bid", "run", "tour"})
ELECTORAL = frozenset({"presidential", "reelection", "re-election", "election", "senate",
                       "congressional", "primary", "gubernatorial", "mayoral", "political",
                       "own", "leadership", "campaign"})


def no_act(c: Candidate) -> bool:
    """Does the candidate's trigger report no act (module docstring)?"""
    t = c.trigger
    if tree_of(t.doc).lemmas[t.i] not in _GATED:  # (by far the most triggers)
        return _potential(c) or _asked(c) or _own_campaign(t) or polled(c) or \
            own_people(c) or _troops_pledged(c) or other_sense(c)
    return (_potential(c) or _question(t) or _asked(c) or other_sense(c)
            or _not_taken(t) or _own_campaign(t) or _opinion(t)
            or polled(c) or _naming(c) or _offered_words(c)
            or own_people(c) or _rallying(c) or _standing(c) or _said_defended(c)
            or _money_accepted(c) or _family_visit(c) or _met_with(c) or _ended_up(t)
            or _topic_discussed(c) or _no_comment(c)
            or _natural_threat(c) or _troops_pledged(c))


def _gated() -> frozenset[str]:
    """The trigger lemmas some test of ``no_act`` needs (each of the others is false
    for a trigger of any other lemma, and is not asked): a test added to ``no_act``
    that reads the trigger's lemma first adds its lemmas here."""
    return ASKING | SEIZING | STANDINGS | frozenset({
        "agree", "call", "offer", "extend", "rally", "demonstrate", "defend", "protect",
        "accept", "visit", "meet", "end", "discuss", "debate", "refuse", "decline",
        "threaten"})


# a force troops are sent to that is no enemy: a peacekeeping or multinational mission
JOINED_FORCES = frozenset({"peacekeeping", "union", "nations", "un", "multinational",
                           "international", "african", "joint", "coalition", "mission"})


def _troops_pledged(c: Candidate) -> bool:
    """"pledged to send troops to the African Union force": a contribution (the sending
    is coded as the intent it is), no threat of force."""
    if c.rule.id != "threaten.warn":
        return False
    return any(x.dep_ == "xcomp" and x.lemma_.lower() in ("send", "contribute", "deploy",
                                                          "dispatch", "provide")
               and any(p.dep_ == "prep" and p.lower_ == "to" and any(
                   w.lower_ in JOINED_FORCES for o in kids(p) for w in subtree(o))
                   for p in kids(x))
               for x in kids(c.trigger))


HAZARDS = frozenset({"disease", "illness", "virus", "cancer", "epidemic", "pandemic",
                     "storm", "flood", "drought", "fire", "wildfire", "hurricane", "cyclone",
                     "typhoon", "climate", "debt", "inflation", "recession", "famine",
                     "poverty", "shortage", "pollution", "heat", "erosion"})


def _natural_threat(c: Candidate) -> bool:
    """What threatens with no one behind it ("a disease threatening the elderly", "floods
    threaten the harvest"): a hazard (``HAZARDS``), no threat by any side."""
    t = c.trigger
    if c.spec.type != "THREATEN" or t.lemma_.lower() != "threaten":
        return False
    doers = [s for s in kids(t) if s.dep_ == "nsubj"] + ([t.head] if t.dep_ in (
        "acl", "relcl") else [])
    return any(d.lemma_.lower() in HAZARDS for d in doers)


# what a refusal to comment declines ("declined to say"): CAMEO 011, not coded by PLOVER
COMMENTING = frozenset({"comment", "elaborate", "specify", "say", "disclose", "reveal",
                        "speculate", "identify", "detail"})
# answering: a refusal to answer questions declines comment; to answer a demand rejects it
ANSWERING = frozenset({"respond", "answer", "reply"})
QUESTIONS = frozenset({"question", "query", "inquiry", "enquiry"})  # (not a request:
# "refused to reply to a request from X" rejects it)


def _no_comment(c: Candidate) -> bool:
    """"declined to comment", "refused to respond to questions": no refusal of anyone
    (the refusing verb's own infinitive; "refused to respond to a demand" rejects it)."""
    t = c.trigger
    if c.spec.type != "REJECT" or t.lemma_.lower() not in ("refuse", "decline"):
        return False
    for ch in kids(t):
        if ch.dep_ != "xcomp":
            continue
        low = ch.lemma_.lower()
        if low in COMMENTING:
            return True
        if low in ANSWERING:  # what is answered: its object, or its preposition's
            objs = [x for x in kids(ch) if x.dep_ == "dobj"] + [
                o for x in kids(ch) if x.dep_ == "prep" for o in kids(x) if o.dep_ == "pobj"]
            return all(o.lemma_.lower() in QUESTIONS for o in objs)
    return False


def _topic_discussed(c: Candidate) -> bool:
    """"The president discussed the Merovian threat in a speech": one side speaking of a
    topic meets no one (a CONSULT needs someone discussed with, or sides that discuss
    it together: "Kaldoria and Merovia discussed the dispute")."""
    t = c.trigger
    if c.spec.type != "CONSULT" or t.lemma_.lower() not in ("discuss", "debate"):
        return False  # (the type and the verb first: most candidates are neither)
    near = [*kids(t), *(x for o in kids(t) if o.dep_ == "dobj" for x in kids(o)),
            *(x for p in kids(t) if p.dep_ == "prep" for o in kids(p) if o.dep_ == "pobj"
              for x in kids(o))]  # ("by telephone with the king")
    # the subject, or the governing verb's when the parse gives none ("leaders gathered
    # to discuss": several who meet)
    subj = [ch for v in (t, t.head) if v is t or t.dep_ in ("xcomp", "advcl")
            for ch in kids(v) if ch.dep_ == "nsubj"][:1]
    return not any(ch.dep_ == "prep" and ch.lower_ in ("with", "between") for ch in near) \
        and not any(any(g.dep_ == "conj" for g in kids(s)) or s.tag_ in ("NNS", "NNPS")
                    for s in subj)


def _ended_up(t: Token) -> bool:
    """"ended up buying its rival", "the worry ended up being ...": how things turned
    out, no ending of anything."""
    return t.lemma_.lower() == "end" and any(ch.dep_ == "prt" and ch.lower_ == "up"
                                            for ch in kids(t))


def _potential(c: Candidate) -> bool:
    """"the capability to threaten its neighbours", "any chance of threatening", "able
    to strike": the act is what someone could do."""
    tree = tree_of(c.trigger.doc)  # (by index: read for every candidate let through)
    deps, lemmas, lowers, up = tree.deps, tree.lemmas, tree.lowers, tree.heads
    for head in (c.trigger, *c.heads):
        h = head.i
        for _ in STEPS[3]:  # ("able to deliver warheads by firing missiles": the means too)
            g = up[h]
            if deps[h] in ("acl", "xcomp") and lemmas[g] in CAPABILITY and \
                    to_infinitive(tree.toks[h]):
                return True
            if deps[h] in ("pcomp", "pobj") and lowers[g] == "of" and \
                    lemmas[up[g]] in CAPABILITY:
                return True
            if not (deps[h] == "pcomp" and lowers[g] in ("by", "through")):
                break
            h = up[g]
    return False


def _question(t: Token) -> bool:
    """"asked whether the story would hurt him", "asked about the emails", "asked the
    candidate" (for nothing, to do nothing): a question."""
    if t.lemma_.lower() not in ASKING:
        return False
    if t.lemma_.lower() == "ask" and not any(
            ch.dep_ in ("xcomp", "ccomp") or ch.dep_ == "prep" and ch.lower_ == "for"
            or ch.dep_ == "dobj" and ch.lemma_.lower() in ASKED_FOR for ch in kids(t)):
        return True  # "HuffPost asked the candidate ...": asking someone, not for anything
    return any(ch.dep_ == "prep" and ch.lower_ == "about" or ch.dep_ == "ccomp"
               and _wh_clause(ch) for ch in kids(t))


def _wh_clause(v: Token) -> bool:
    """Is the clause of ``v`` opened by "whether", "if" or a question word (its own, or
    its first word's: "how high the wall would be")?"""
    return any(x.lower_ in QUESTION_WORDS and x.i < v.i and x.dep_ in (
        "mark", "advmod", "nsubj", "dobj", "attr", "nsubjpass") for x in kids(v)) or (
            v.left_edge.lower_ in QUESTION_WORDS - {"if"} and v.left_edge.i < v.i)


def _asked(c: Candidate) -> bool:
    """"asked how the president could sanction Russia": what a question asks about has
    not happened."""
    tree = tree_of(c.trigger.doc)  # (by index)
    return any(tree.deps[h.i] == "ccomp" and tree.lemmas[tree.heads[h.i]] in ASKING
               and _wh_clause(h) for h in (c.trigger, *c.heads))


def _not_taken(t: Token) -> bool:
    """"seizing upon a report", "capture the essential greatness", "occupies one of the
    top positions of power": nothing is taken from anyone."""
    lemma = t.lemma_.lower()
    if lemma not in SEIZING:
        return False
    if lemma == "seize" and any(  # (not "seized farms on Saturday": a date; nor what
            # was seized "on the grounds that ...": the idiom's "on" follows the verb)
            ch.dep_ in ("prep", "prt") and ch.lower_ in ("upon", "on") and ch.i == t.i + 1
            and not any(o.ent_type_ in ("DATE", "TIME") for o in kids(ch))
            for ch in kids(t)):
        return True
    objs = [o for o in kids(t) if o.dep_ in ("dobj", "nsubjpass")]
    # ("one of the top positions": the counted noun)
    objs += [x for o in objs if o.pos_ == "NUM" or o.lower_ == "one"
             for p in kids(o) if p.dep_ == "prep" and p.lower_ == "of"
             for x in kids(p) if x.dep_ == "pobj"]
    if any(o.lemma_.lower() in NOT_TAKEN for o in objs):
        return True
    if lemma == "capture" and any(p.dep_ == "prep" and p.lower_ == "in" and any(
            x.lemma_.lower() in STORES for x in subtree(p)) for p in kids(t)):
        return True  # "the messages were captured in the department's record system"
    return lemma == "occupy" and any(
        o.lemma_.lower() in OFFICES or any(
            p.dep_ == "prep" and p.lower_ == "of" and any(
                x.lemma_.lower() in POWER for x in kids(p)) for p in kids(o))
        for o in objs)


def _own_campaign(t: Token) -> bool:
    """"suspended his presidential campaign": a candidate's own, no sanction."""
    tree = tree_of(t.doc)  # (by index: read for every candidate let through)
    deps, lemmas = tree.deps, tree.lemmas
    for o in children_ix(tree, t.i):
        if deps[o] not in ("dobj", "nsubjpass") or lemmas[o] not in CAMPAIGNS:
            continue
        if _electoral(tree, o):
            return True
    return False


def _electoral(tree: _Seen, o: int) -> bool:
    """Is campaign word ``o`` an electoral one or a person's own? (A function of its own:
    its comprehensions made the lists they read cells on every call of the caller.)"""
    deps, lemmas, lowers = tree.deps, tree.lemmas, tree.lowers
    below = children_ix(tree, o)
    mods = {lemmas[m] for m in below if deps[m] in ("amod", "compound")}
    mine = any(deps[p] == "poss" and lowers[p] in ("his", "her", "their")
               for p in below)  # (a person's: not "its military campaign")
    state = any(deps[p] == "poss" and listed_country(lowers[p]) for p in below)
    return bool(mods & ELECTORAL) or lemmas[o] == "candidacy" and not state or (
        mine and lemmas[o] == "campaign" and not mods)  # (a state's candidacy for a seat
    # is a diplomatic bid: "backed Uruguay's candidacy", CAMEO 032)


def _opinion(t: Token) -> bool:
    """"all agreed Pence won the debate": agreeing on what happened is an opinion (an
    agreement is on what will be done: "agreed that their countries should
    cooperate")."""
    if t.lemma_.lower() != "agree":
        return False
    for ch in kids(t):
        if ch.dep_ == "ccomp" and ch.tag_ == "VBD" and not any(
                a.dep_ in ("aux", "auxpass") for a in kids(ch)):
            return True
    return False


def _naming(c: Candidate) -> bool:
    """"calling Mexican border-crossers 'rapists'", "called Mr. Yanukovych, ..., an
    outstanding leader", "a group called Ginbot 7", "we are called in the Bible to
    obey": calling someone something, or being called to do it, is no phone call."""
    t = c.trigger
    if c.spec.type != "CONSULT" or t.lemma_.lower() != "call" or c.nominal:
        return False
    if t.dep_ == "acl" and t.tag_ == "VBN":
        return True  # "a group of exiles called Ginbot 7"
    for o in kids(t):
        if o.dep_ == "dobj" and (any(x.dep_ == "appos" for x in kids(o)) or any(
                x.is_quote for x in subtree(o))):
            return True
    return any(o.dep_ == "nsubjpass" for o in kids(t)) and any(
        x.dep_ in ("xcomp", "advcl") and to_infinitive(x) for x in kids(t))


# what is offered when nothing is: words ("offered his congratulations", "a caveat")
WORDS_OFFERED = frozenset({
    "congratulation", "congratulations", "condolence", "condolences", "caveat", "apology",
    "explanation", "opinion", "thought", "thoughts", "prayer", "prayers", "praise",
    "reaction", "comment", "remark", "answer", "response", "assessment", "view",
    "approach", "defense", "defence", "detail", "details", "argument", "critique",
    "rebuttal", "take", "perspective", "insight", "advice", "suggestion", "glimpse",
    "hint", "excuse", "tribute", "thanks", "greeting", "greetings", "wish", "wishes",
    "message", "messages", "vision", "idea", "ideas", "contrast", "evaluation",
    "appraisal", "overview", "reflection", "reflections", "anecdote", "story", "joke",
    "quip", "account", "summary", "analysis", "preview", "prediction", "forecast"})


def _offered_words(c: Candidate) -> bool:
    """"offered his congratulations to his rivals", "offered a caveat": the CAMEO
    family code of "offer" (intent to cooperate) for words offered."""
    t = c.trigger
    return c.rule.id.startswith("cameo.") and t.lemma_.lower() in ("offer", "extend") and any(
        o.dep_ == "dobj" and o.lemma_.lower() in WORDS_OFFERED for o in kids(t))


def _rallying(c: Candidate) -> bool:
    """"rallying a coalition against ...", "rallying grassroots support", "he's
    demonstrated that ...": gathering or showing something, no protest ("rallied
    Democrats around Clinton" is the SUPPORT of ``verbal.rallied_behind``)."""
    t = c.trigger
    return c.spec.type == "PROTEST" and t.lemma_.lower() in ("rally", "demonstrate") and any(
        ch.dep_ in ("dobj", "ccomp") for ch in kids(t))


# the dictionary's verbs for standings in a race or a market: "are tied in the state",
# "China has overtaken Russia as its biggest lender"
STANDINGS = frozenset({"tie", "trail", "lead", "overtake", "outpace", "outpoll",
                       "outspend", "outraise"})


def _standing(c: Candidate) -> bool:
    """A standing the dictionary codes only by the verb's family ("are tied in Ohio")."""
    return c.rule.id.startswith("cameo.") and c.rule.id.endswith(".family") and \
        c.trigger.lemma_.lower() in STANDINGS


# what is defended in words: "defended his vote", "defends her record"
DEFENDED = frozenset({"vote", "record", "decision", "position", "comment", "remark",
                      "statement", "policy", "stance", "plan", "choice", "action",
                      "actions", "conduct", "claim", "view", "views", "remarks",
                      "comments", "tweet", "tweets", "handling", "response"})


def _said_defended(c: Candidate) -> bool:
    """"Sanders defended his vote": a defence in words, no protection (the CAMEO family
    code of "defend", provide military protection)."""
    t = c.trigger
    return c.rule.id.startswith("cameo.") and t.lemma_.lower() in ("defend", "protect") \
        and any(o.dep_ == "dobj" and o.lemma_.lower() in DEFENDED for o in kids(t))


MONEY = frozenset({"donation", "contribution", "fee", "money", "million", "billion",
                   "dollar", "gift", "check", "payment", "bribe", "cash", "fund", "funds",
                   "salary", "loan"})


def _money_accepted(c: Candidate) -> bool:
    """"has accepted millions in campaign donations": money taken, no agreement."""
    t = c.trigger
    return c.spec.type == "AGREE" and t.lemma_.lower() == "accept" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in MONEY for o in kids(t))


KIN = frozenset({"sister", "brother", "mother", "father", "parent", "parents", "family",
                 "relative", "relatives", "friend", "friends", "son", "daughter", "wife",
                 "husband", "grandmother", "grandfather", "aunt", "uncle", "cousin",
                 "child", "children", "grandchildren", "girlfriend", "boyfriend"})


def _family_visit(c: Candidate) -> bool:
    """"had been visiting her sister in Paris": a private visit, no CONSULT."""
    t = c.trigger
    return c.spec.type == "CONSULT" and t.lemma_.lower() == "visit" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in KIN for o in kids(t))


# how a thing is received: "was met with relief", "met with scepticism"
REACTIONS = frozenset({"relief", "skepticism", "scepticism", "criticism", "derision",
                       "silence", "applause", "outrage", "approval", "disbelief", "laughter",
                       "cheer", "cheers", "boo", "boos", "praise", "suspicion", "hostility",
                       "enthusiasm", "dismay", "alarm", "resistance", "opposition",
                       "indifference", "concern", "anger", "protest", "protests"})


def _met_with(c: Candidate) -> bool:
    """"the promise was met with relief among the allies": a reception, no meeting."""
    t = c.trigger
    return c.spec.type == "CONSULT" and t.lemma_.lower() == "meet" and any(
        p.dep_ == "prep" and p.lower_ == "with" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in REACTIONS for o in kids(p))
        for p in kids(t))


_GATED = _gated()  # (after the word lists it joins)
