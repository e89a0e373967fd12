"""Event verbs used in another sense, found by reading the coder's events on real news
outside the crisis (issue 12). The verb is one the dictionaries code, but what it does
here is no act between parties, as its own constituents show:

- an amount that moved: "fees declined to $281 million", "exports declined 4 percent",
  "the prison population exploded" (no refusal, no bomb);
- a document made public or taken down: "released a video", "released a brochure",
  "the name was removed from the signs" (no one freed or expelled);
- a stance moved: "pushed the party to the right" (no demand);
- a phone word with a particle: "dialing back plans" (no call);
- someone taken aside for a word: "pulled the senator aside" (no seizure);
- a trip home: "flew back to Nairobi" (no visit or meeting abroad);
- a press conference or a town hall meeting held (a statement to the press or the
  public, no meeting of parties);
- a question begged: "begged the question of whether ..." (no request);
- an event moved or postponed: "the rally was moved" (no troops moved, nothing refused);
- credit given: "you have to give his supporters credit" (no aid);
- releases "blasted out" (no blast);
- an event hosted or moderated: "hosted his cookout", "moderate the debate" (no one
  received);
- an audience appealed to: "appeal to voters" (won over, nothing asked);
- a fact insisted on: "insisted that it had not sent troops" (no demand).

``acts.no_act`` reads ``other_sense`` with its other tests; each test here reads the
trigger's own constituents only.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.tree import _Seen, children_ix, kids, subtree, tree_of

# what is released or removed when no one is: papers, figures, recordings, names
DOCUMENTS = frozenset({
    "tax", "taxes", "return", "record", "records", "report", "statement", "video",
    "footage", "data", "email", "emails", "list", "result", "results", "transcript",
    "document", "documents", "letter", "details", "information", "figure", "figures",
    "statistic", "statistics", "poll", "book", "album", "film", "song", "photo",
    "photograph", "image", "audio", "recording", "memo", "file", "files", "ad",
    "advertisement", "schedule", "finding", "findings", "guidance", "guideline",
    "guidelines", "text", "plan", "proposal", "budget", "forecast", "estimate", "version",
    "update", "summary", "communique", "communiqué", "tape", "tapes", "picture",
    "pictures", "note", "notes", "study", "analysis", "survey", "account", "propaganda",
    "name", "names", "identity", "identities", "series", "order", "orders", "decree",
    "brochure", "pamphlet", "leaflet", "flyer", "manifesto", "clip", "trailer",
    "newsletter", "podcast", "slate", "post", "tweet", "content", "sign"})
PUBLISHING = frozenset({"release", "remove", "delete"})

# verbs of an amount that changes ("fees declined to $281 million")
AMOUNT_VERBS = frozenset({"decline", "fall", "drop", "rise", "grow", "climb", "slip",
                          "plunge", "jump", "increase", "decrease", "surge", "sink", "slide",
                          "explode", "soar", "skyrocket", "balloon", "mushroom"})
# what is an amount as a subject: "the prison population has exploded"
QUANTITIES = frozenset({"population", "number", "cost", "costs", "price", "prices", "debt",
                        "deficit", "spending", "rate", "rates", "figure", "total", "sales",
                        "enrollment", "enrolment", "membership", "budget", "traffic",
                        "demand", "inflation", "unemployment", "value", "share", "turnout"})
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

# where a stance is pushed: "pushed the party to the right", "drove the country to the brink"
DIRECTIONS = frozenset({"left", "right", "center", "centre", "brink", "edge", "margins",
                        "sidelines", "forefront", "fore", "background", "extreme", "extremes"})

# who is taken aside (not "brushed aside the criticism", a rejection)
TAKING = frozenset({"pull", "take", "draw", "call", "usher", "tug", "grab"})

# what a campaign or a legislature schedules, and moves or puts off
SCHEDULED = frozenset({"event", "rally", "debate", "speech", "fundraiser", "concert",
                       "ceremony", "appearance", "hearing", "vote", "primary", "election",
                       "date", "dinner", "gala", "parade", "launch"})
RESCHEDULING = frozenset({"move", "postpone", "reschedule", "delay", "relocate", "push"})

# what a host or a moderator runs when no one is received: "hosted his cookout", "will
# host events in two counties", "moderate the second debate" (a summit or talks hosted
# still are a meeting; so is a dinner, given for someone)
HOSTED = SCHEDULED - {"dinner", "hearing"} | frozenset({
    "cookout", "barbecue", "picnic", "party", "race", "show", "podcast", "program",
    "programme", "panel", "discussion", "session", "telethon", "events", "debates"})
HOSTING = frozenset({"host", "co-host", "cohost", "moderate", "co-moderate"})

# whom a message "appeals to": an audience won over, not asked ("appeal to more voters";
# "appealed to the UN for help" and "appealed to Kaldoria to withdraw" ask)
APPEALED_TO = frozenset({"voter", "voters", "population", "base", "audience", "audiences",
                       "electorate", "demographic", "demographics", "moderate", "moderates",
                       "independent", "independents", "conservative", "conservatives",
                       "liberal", "liberals", "millennial", "millennials", "suburbanite",
                       "suburbanites", "swing", "constituency", "constituencies"})

# verbs of a journey: "flew back to Nairobi" (PETRARCH codes "fly to" as an intent to
# meet, CAMEO 036, which a trip home is not)
JOURNEYS = frozenset({"fly", "travel", "head", "drive", "sail", "jet", "hurry", "rush"})


def other_sense(c: Candidate) -> bool:
    """Is the candidate's trigger used in another sense than the event's (module
    docstring)?"""
    t = c.trigger
    if _press_event(t):
        return True
    if t.lemma_.lower() not in _LEMMAS:  # (each test below reads its lemma first)
        return False
    return _amount_moved(t) or _published(t) or _moved_to(t) or _cut_back(t) \
        or _taken_aside(t) or _trip_home(t) or _begged_question(t) \
        or _rescheduled(t) or _credit_given(t) or _sent_out(t) or _hosted_event(t) \
        or _won_over(t) or _insisted_fact(t)


def _amount_moved(t: Token) -> bool:
    """"fees declined to $281 million", "exports fell by 20 percent", "exports declined
    4 percent": an amount that moved, no refusal or attack."""
    if t.lemma_.lower() not in AMOUNT_VERBS:
        return False
    if any(p.dep_ == "nsubj" and p.lemma_.lower() in QUANTITIES
           for p in kids(t.head if t.dep_ == "conj" else t)):
        return True  # "the population exploded", "the number ... stood at 9 and fell"
    for p in kids(t):
        if p.dep_ == "prep" and p.lower_ in ("to", "by", "from") and any(
                x.like_num or x.ent_type_ in AMOUNTS for x in subtree(p)):
            return True
        # the amount as the verb's own measure ("declined 4 percent", "rose $3 billion"),
        # not a count of what is refused ("declined two offers": "offers" is no amount)
        if p.dep_ in ("npadvmod", "dobj") and p.ent_type_ in AMOUNTS and not (
                p.ent_type_ == "CARDINAL" and p.like_num):
            return True
    return False


def _published(t: Token) -> bool:
    """"release his taxes", "released a video", "the names were removed from the list": a
    document made public or taken down, no one freed or expelled."""
    return t.lemma_.lower() in PUBLISHING and any(
        o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in DOCUMENTS
        for o in kids(t))


def _moved_to(t: Token) -> bool:
    """"The opposition has pushed the government to the right": a stance moved, no demand
    made."""
    return t.lemma_.lower() in ("push", "pull", "drive", "nudge", "shift", "move") and any(
        p.dep_ == "prep" and p.lower_ == "to" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in DIRECTIONS for o in kids(p))
        for p in kids(t))


def _cut_back(t: Token) -> bool:
    """"dialing back plans": a phone word with a particle is no call."""
    return t.lemma_.lower() == "dial" and any(
        ch.dep_ in ("prt", "advmod") and ch.lower_ in ("back", "down", "up")
        for ch in kids(t))


def _taken_aside(t: Token) -> bool:
    """"pulled the senator aside", "took him aside after the meeting": a private word,
    no one seized."""
    return t.lemma_.lower() in TAKING and any(
        ch.dep_ in ("prt", "advmod") and ch.lower_ == "aside" for ch in kids(t))


def _trip_home(t: Token) -> bool:
    """"flew back to Nairobi on the presidential jet", "headed home": a journey back, no
    visit (one "flew to Moscow for talks" still is)."""
    return t.lemma_.lower() in JOURNEYS and any(
        ch.dep_ in ("prt", "advmod") and ch.lower_ in ("back", "home") for ch in kids(t))


def _press_event(t: Token) -> bool:
    """"held a press conference", "her last news conference was held", "a town hall
    meeting": a statement to the press or the public (the trigger or its object a
    conference or briefing of the press, or a meeting of a town hall)."""
    tree = tree_of(t.doc)  # (by index: read for every candidate of a statement)
    deps = tree.deps  # (loops: generators made the lists they read cells on every call)
    if _press_word(tree, t.i):
        return True
    for o in children_ix(tree, t.i):
        if deps[o] in ("dobj", "nsubjpass") and _press_word(tree, o):
            return True
    return False


def _press_word(tree: _Seen, o: int) -> bool:
    """Is token ``o`` a conference or briefing of the press, or a town hall meeting?"""
    deps, lemmas, lows = tree.deps, tree.lemmas, tree.lowers
    if lemmas[o] in ("conference", "briefing", "availability"):
        for m in children_ix(tree, o):
            if deps[m] in ("compound", "amod") and lows[m] in ("press", "news"):
                return True
    if lemmas[o] in ("meeting", "forum"):
        for m in children_ix(tree, o):
            if deps[m] == "compound" and lows[m] == "hall":
                return True
    return False


def _begged_question(t: Token) -> bool:
    """"begged the question of whether ...": an idiom, no plea."""
    return t.lemma_.lower() == "beg" and any(
        o.dep_ == "dobj" and o.lemma_.lower() == "question" for o in kids(t))


def _rescheduled(t: Token) -> bool:
    """"Biden's event was moved", "postponed the rally": an event rescheduled, no troops
    moved and nothing refused."""
    return t.lemma_.lower() in RESCHEDULING and any(
        o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in SCHEDULED for o in kids(t))


def _credit_given(t: Token) -> bool:
    """"give his supporters credit", "gave her credit for the deal": praise, no aid."""
    return t.lemma_.lower() == "give" and any(
        o.dep_ in ("dobj", "dative") and o.lemma_.lower() in ("credit", "kudos", "props")
        for o in kids(t))


def _sent_out(t: Token) -> bool:
    """"blasted out a barrage of news releases": sent out, no blast."""
    return t.lemma_.lower() == "blast" and any(
        ch.dep_ in ("prt", "advmod") and ch.lower_ == "out" for ch in kids(t))


def _hosted_event(t: Token) -> bool:
    """"hosted his holiday cookout", "will host events", "moderate the debate": an
    event run, no one received or mediated."""
    return t.lemma_.lower() in HOSTING and any(
        o.dep_ in ("dobj", "nsubjpass") and (o.lemma_.lower() in HOSTED or o.lower_ in HOSTED)
        for o in kids(t))


def _won_over(t: Token) -> bool:
    """"so as to appeal to more voters": an audience won over, nothing asked
    (no infinitive, clause or "for" says what would be)."""
    if t.lemma_.lower() != "appeal" or any(
            ch.dep_ in ("xcomp", "ccomp") or ch.dep_ == "prep" and ch.lower_ == "for"
            for ch in kids(t)):
        return False
    return any(p.dep_ == "prep" and p.lower_ == "to" and any(
        o.dep_ == "pobj" and (o.lower_ in APPEALED_TO or o.lemma_.lower() in APPEALED_TO)
        for o in kids(p)) for p in kids(t))


def _insisted_fact(t: Token) -> bool:
    """"insisted that it had not sent troops": a fact insisted on, nothing demanded (a
    demand puts the verb in its bare form: "insisted that France send troops", "that
    Pakistan should join")."""
    if t.lemma_.lower() != "insist":
        return False
    return not any(v.dep_ == "ccomp" and _bare_form(v) and all(
        a.lower_ in ("should", "must") for a in kids(v) if a.dep_ == "aux") for v in kids(t))


def _bare_form(v: Token) -> bool:
    """A verb in its bare form: tagged so, or a present form with a singular noun as its
    subject ("that France send": the tagger reads it as a plural's present)."""
    return v.tag_ == "VB" or v.tag_ == "VBP" and any(
        s.dep_ == "nsubj" and s.tag_ in ("NN", "NNP") for s in kids(v))


# the trigger lemmas the tests of ``other_sense`` after ``_press_event`` read first (a test
# added there adds its lemmas here)
_LEMMAS = AMOUNT_VERBS | PUBLISHING | TAKING | JOURNEYS | RESCHEDULING | frozenset({
    "push", "pull", "drive", "nudge", "shift", "move", "dial", "beg", "give", "blast",
    "appeal", "insist"}) | HOSTING
