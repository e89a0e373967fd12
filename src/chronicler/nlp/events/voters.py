"""Two of ``acts.no_act``'s tests that read a whole sentence or a verb's ancestry: a
preference of voters or one a poll measures (``polled``), and what a leader tells his
own people to do (``own_people``). They read the document's parse by index
(``tree.tree_of``): each was a walk over the sentence's or the ancestors' Token
objects for every candidate the coder's filters let through."""

from __future__ import annotations

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.tree import STEPS, _Seen, children_ix, sent_range, subtree_at, tree_of

# a population measured, not an organisation acting: who "backs" a candidate in a poll
POLLS = frozenset({"poll", "survey", "pollster", "respondent"})
# a vote's count: the dictionary's verbs in "tied Clinton in the caucuses" are standings
CONTESTS = frozenset({"caucus", "caucuses", "primary", "primaries", "ballot", "nomination"})
# what a referendum decides: voters who reject or back one act (CAMEO 127, 057)
MEASURES = frozenset({"plan", "proposal", "treaty", "constitution", "referendum", "accord",
                      "agreement", "deal", "amendment", "charter", "settlement"})
VOTERS = frozenset({
    "voter", "caucusgoer", "caucus-goer", "electorate", "respondent", "woman", "man",
    "white", "black", "hispanic", "latino", "latina", "moderate", "liberal",
    "conservative", "suburbanite", "evangelical", "independent", "millennial", "those",
    "majority", "plurality", "half", "third", "quarter", "three-quarters", "two-thirds",
    "percent", "%", "decider"})


def polled(c: Candidate) -> bool:
    """Is this support (or rejection) a preference of voters, or one a poll measures
    ("older women turned out to support Clinton", "voters are rejecting him", "was
    backed by most women", "exit polls indicated that Trump was strongly supported")?
    A poll's sentence also makes a standing of any verb the CAMEO dictionary codes
    ("leads Clinton in the poll")."""
    support = c.spec.type == "SUPPORT" or c.rule.id.startswith("support.")
    cameo = c.rule.id.startswith("cameo.")
    if not support and not cameo and c.spec.type != "REJECT":
        return False
    return _polled(c, support, cameo)


def _polled(c: Candidate, support: bool, cameo: bool) -> bool:
    """``polled``'s reading of the sentence (a function of its own: its comprehensions
    made the lists they read cells on every call of the first test)."""
    t = c.trigger
    tree = tree_of(t.doc)
    lemmas, lowers, poss, deps, up = tree.lemmas, tree.lowers, tree.poss, tree.deps, tree.heads
    start, end = sent_range(t)  # (the parser's sentence)
    if not POLLS.isdisjoint(lemmas[start:end]) or (
            not support and cameo and any(poss[x] == "NOUN" and lemmas[x] in CONTESTS
                                          for x in range(start, end))):
        return True  # (any dictionary verb: "Sanders leads Clinton in NBC poll")
    if not support and c.spec.type != "REJECT":
        return False  # (voters rejecting a candidate: a preference too)
    if tree.tags[t.i] == "VBD" and any(deps[o] == "dobj" and lemmas[o] in MEASURES
                                       for o in children_ix(tree, t.i)):
        return False  # (voters who rejected a plan or a constitution: a referendum's
        # act; "two-thirds of voters support his plan" is a view polled)
    h = t.i
    for _ in STEPS[4]:  # the subject of "support", or of the verb it completes
        for ch in children_ix(tree, h):
            if deps[ch] == "nsubj":
                who = [ch]
            elif deps[ch] == "agent":
                who = [o for o in children_ix(tree, ch) if deps[o] == "pobj"]
            else:
                continue  # (a passive's subject is the one supported)
            if any(lemmas[x] in VOTERS or lowers[x] in VOTERS or (
                    lowers[x] == "in" and poss[up[x]] == "NUM")
                   for w in who for x in subtree_at(tree, w)):
                return True
        if deps[h] not in ("xcomp", "conj", "advcl", "acomp") or up[h] == h:
            break
        h = up[h]
    return False


# the other side, though possessed: "asked his Indian counterpart to resume talks"
COUNTERPARTS = frozenset({"counterpart", "rival", "opponent", "adversary", "enemy", "host",
                          "guest", "neighbour", "neighbor", "foe"})
OWN = frozenset({"his", "her", "their", "its", "our", "my"})
# the directive verbs of ``request.directive`` (not "order": a state ordering its own
# troops out decides a withdrawal, which is an event)
DIRECTIVES = frozenset({"ask", "tell", "instruct", "direct", "press", "push", "advise",
                        "invite", "call"})


def own_people(c: Candidate) -> bool:
    """"told his advisers to find a way", "asked her staff to prepare a bill": what a
    leader tells his own people to do is the leader's own business, no request of
    anyone (as a command to one's own forces is, ``coder``); nor is what they are told
    to do an event ("a bill on Iran sanctions")."""
    t = c.trigger
    tree = tree_of(t.doc)
    i = t.i
    if c.rule.id.startswith("request.directive") and _to_own(tree, i):
        return True
    lemmas, up = tree.lemmas, tree.heads
    a = i
    for _ in range(len(up)):  # (spaCy's ``ancestors``: the heads up to the root)
        if up[a] == a:
            break
        a = up[a]
        if lemmas[a] in DIRECTIVES and _to_own(tree, a) and _told_to(tree, a, i):
            return True
    return False


def _told_to(tree: _Seen, a: int, i: int) -> bool:
    """Does token ``i`` sit in the "xcomp" of token ``a`` (what one is told to do)?"""
    deps = tree.deps
    return any(deps[x] == "xcomp" and i in subtree_at(tree, x) for x in children_ix(tree, a))


def _to_own(tree: _Seen, v: int) -> bool:
    """Is the object of token ``v`` the subject's own people ("his advisers")?"""
    deps, lemmas, lowers = tree.deps, tree.lemmas, tree.lowers
    return any(deps[o] == "dobj" and lemmas[o] not in COUNTERPARTS and any(
        deps[p] == "poss" and lowers[p] in OWN for p in children_ix(tree, o))
        for o in children_ix(tree, v))
