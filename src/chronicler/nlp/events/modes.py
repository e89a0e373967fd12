"""Modes: the PLOVER mode of an event (aerial, ceasefire, meet, ...) with its score, and
the auxiliary modes PLOVER records beside it: negated, future, hypothetical,
historical. Also who reports an event ("Pakistan claims India struck ...").

Auxiliary modes are read from the clause heads of the event (the trigger, and the
light verb that carries a noun trigger):

* **negated**: a ``neg`` child ("did not strike"), "never", "no" on the noun or on
  its subject/object ("No sites were hit"), "without", "has yet to"; or a denial cue
  above the event ("India denied that its missiles struck ...": the denier says it
  did not happen);
* **future**: will/shall, "going to", an infinitive under vow/plan/threaten/prepare/
  propose/likely… ("vowed to hit back"), "future"/"imminent" on the noun, or "would"
  under a past-tense report cue (reported future: "said it would expel");
* **hypothetical**: an "if/unless/whether" clause holding the event, a condition by
  inversion ("Had Pakistan attacked first"), could/might/may/should, "would" outside
  reported speech, "is unlikely to", "any" on the noun ("any attack");
* **question**: a reported question ("asked whether ...") or a direct yes/no question
  ("Did the minister meet the envoy?"): the coder drops the event;
* **historical**: past perfect outside reported speech ("India had suspended the
  treaty"); the coder also marks events dated more than 30 days before publication.

The PLOVER mode is the rule's fixed mode, else the type's modes whose words occur in
the event's clause (the trigger's own modifiers first), else the type's default. The
score is the first mode's score (ONTOLOGY.md), else the type's; the CAMEO root is the
first mode's, else the rule's, else the type's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from spacy.tokens import Doc, Token

from chronicler.nlp.events.patterns import Lexicon, TriggerRule, TypeSpec
from chronicler.nlp.events.roles import children, subjects
from chronicler.nlp.events.tree import STEPS, _Seen, children_ix, kids, tree_of, words_of
from chronicler.nlp.events.walks import child_with

_INDEX = attrgetter("i")  # (a token's index, by ``map``)
CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
REPORT_CLIMB = frozenset({"ccomp", "conj", "advcl", "xcomp", "pcomp", "pobj", "prep", "acl",
                          "parataxis", "dobj", "nsubjpass", "attr", "oprd", "nsubj", "acomp",
                          "csubj"})


def infinitive(tok: Token) -> bool:
    """"to host", "to stop": a verb with the infinitive marker."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))


def clause_tokens(heads: Sequence[Token]) -> list[Token]:
    """Tokens of the heads' clauses: their subtrees without embedded clauses (a
    conjoined verb counts as a clause of its own)."""
    if not heads:
        return []
    toks = tree_of(heads[0].doc).toks
    return [toks[i] for i in clause_ix(heads)]


def clause_ix(heads: Sequence[Token]) -> list[int]:
    """``clause_tokens`` by index, in its order, once per document and heads (shared:
    callers never change it). (Read by index from the document's parse,
    ``tree.tree_of``: a Token object per word read was most of its cost.)"""
    if not heads:
        return []
    doc = heads[0].doc
    tree = tree_of(doc)
    key = heads[0].i if len(heads) == 1 else tuple(map(_INDEX, heads))
    got = tree.clauses.get(key)
    if got is not None:
        return got
    lowers = words_of(doc)[1]
    deps, poss, tags, below, at = tree.deps, tree.poss, tree.tags, tree.below, tree.first_below
    seen: set[int] = set()
    out: list[int] = []
    for h in heads:
        stack = [h.i]
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            out.append(t)
            for c in below[at[t]:at[t + 1]]:
                dep = deps[c]
                if dep == "advcl" and tags[c] == "VB" and _to_aux(
                        deps, lowers, below[at[c]:at[c + 1]]):
                    stack.append(c)  # "offered to host talks": a purpose infinitive
                    continue  # (``infinitive``)
                if dep in CLAUSAL or (dep == "conj" and poss[c] in ("VERB", "AUX")):
                    continue
                stack.append(c)
    tree.clauses[key] = out
    return out


def _to_aux(deps: list[str], lowers: list[str], kids: list[int]) -> bool:
    """Is one of ``kids`` the "to" of an infinitive? (Its own function: a generator in
    ``clause_ix`` made the lists it reads cells on every call, a cached one too.)"""
    return any(deps[a] == "aux" and lowers[a] == "to" for a in kids)


def _marks(deps: list[str], lowers: list[str], ks: list[int]) -> list[str]:
    """The marks among ``ks`` ("if", "whether"), in order."""
    return [lowers[c] for c in ks if deps[c] == "mark"]


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PHRASE_CUT = frozenset({"relcl", "appos", "parataxis", "advcl", "ccomp", "csubj"})


def phrase_tokens(tok: Token) -> list[Token]:
    """A noun's phrase with its infinitive and participle complements ("willingness to
    hold talks with India") but without relative clauses and appositions."""
    toks = tree_of(tok.doc).toks
    return [toks[i] for i in phrase_ix(tok)]


def phrase_ix(tok: Token) -> list[int]:
    """``phrase_tokens`` by index, in its order."""
    tree = tree_of(tok.doc)
    deps, below, at = tree.deps, tree.below, tree.first_below
    out: list[int] = []
    stack = [tok.i]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in below[at[t]:at[t + 1]]:  # (a loop: a comprehension per word made)
            if deps[c] not in PHRASE_CUT:
                stack.append(c)
    return out


def lemma_set(toks: Sequence[Token]) -> set[str]:
    """The lower-case lemmas and forms of ``toks``."""
    if not toks:
        return set()
    return words_at(toks[0].doc, list(map(_INDEX, toks)))


def words_at(doc: Doc, ix: Sequence[int]) -> set[str]:
    """``lemma_set`` of the tokens at ``ix``."""
    lemmas, lowers = words_of(doc)
    out = set(map(lemmas.__getitem__, ix))
    out.update(map(lowers.__getitem__, ix))
    return out


# ------------------------------------------------------------------ PLOVER mode
def plover_modes(spec: TypeSpec, rule: TriggerRule, trigger: Token,
                 clause: set[str], sentence: set[str], subtree: set[str]) -> list[str]:
    if rule.mode is not None:
        found = [rule.mode]
    else:
        tree = tree_of(trigger.doc)  # (by index: read for every candidate)
        deps = tree.deps
        # (loops, read for every candidate: comprehensions made ``own`` and the rest
        # cells on every call)
        at = [trigger.i]
        for c in children_ix(tree, trigger.i):
            if deps[c] in ("compound", "amod", "nmod", "prt"):
                at.append(c)
        own = words_at(trigger.doc, at)
        # (``isdisjoint``: a test, with no set made per mode)
        found = []
        for m in spec.modes.values():
            if not m.words.isdisjoint(own):
                found.append(m.name)
        scopes = {"clause": clause, "sentence": sentence, "subtree": subtree,
                  "children": own, "object": clause, "around": clause}
        more = []
        for m in spec.modes.values():
            if m.name not in found and not m.words.isdisjoint(scopes.get(m.scope, clause)):
                more.append(m.name)
        found += more
    if not found and spec.mode_default is not None:
        found = [spec.mode_default]
    return found


def score_of(spec: TypeSpec, modes: Sequence[str]) -> float:
    for m in modes:
        if m in spec.modes:
            return spec.modes[m].score
    return spec.score


def cameo_of(spec: TypeSpec, rule: TriggerRule, modes: Sequence[str]) -> str:
    for m in modes:
        ms = spec.modes.get(m)
        if ms is not None and ms.cameo:
            return ms.cameo
    return rule.cameo or spec.cameo


# ------------------------------------------------------------------ reports
@dataclass(frozen=True)
class Report:
    """The cue that reports an event, and its speaker token(s)."""

    cue: Token
    speakers: tuple[Token, ...]
    denied: bool  # a denial cue on the way up
    accuses: bool  # the speaking cue accuses ("claims", "alleged")
    past: bool  # the cue is in the past tense: "would" under it is a reported future


def _noun_cue_speakers(cue: Token) -> list[Token]:
    for c in kids(cue):
        if c.dep_ == "poss":
            return [c]
    by = [o for p in kids(cue) if p.dep_ in ("prep", "agent") and p.lower_ == "by"
          for o in kids(p) if o.dep_ == "pobj"]
    if by:
        return by
    return [c for c in kids(cue) if c.dep_ in ("amod", "compound") and c.pos_ in
            ("PROPN", "ADJ")]


def find_report(top: Token, lex: Lexicon, others: set[int] | frozenset[int] = frozenset()
                ) -> Report | None:
    """The nearest report cue above ``top`` that has a speaker: a verb whose clausal
    complement holds the event ("Pakistan claims [India struck ...]"), a noun of
    saying ("Pakistan's claims of [Indian strikes]"), a parenthetical ("..., officials
    said"), or "according to X". A denial on the way up negates the event unless the
    way passes another event (``others``: its trigger tokens): "denied [mediating [the
    ceasefire]]" denies the mediation, not the ceasefire. (The climb reads the
    document's parse by index, ``tree.tree_of``: a Token object and a label string per
    word passed were most of its cost.)"""
    tree = tree_of(top.doc)
    lemmas, lowers = words_of(top.doc)
    toks, deps, poss, up, below, at = (tree.toks, tree.deps, tree.poss, tree.heads,
                                       tree.below, tree.first_below)
    t = top.i
    denied = False
    through = False
    first_cue: Token | None = None
    for _ in STEPS[8]:
        for ci in below[at[t]:at[t + 1]]:
            dep = deps[ci]
            if dep == "parataxis" and lemmas[ci] in lex.report_cues:
                c = toks[ci]
                sp = subjects(c)
                if sp:
                    return Report(c, tuple(sp), denied or lemmas[ci] in lex.deny_cues,
                                  lemmas[ci] in lex.accuse_cues, c.tag_ == "VBD")
            if dep == "prep" and lowers[ci] == "according":
                c = toks[ci]
                objs = [o for p in kids(c) for o in kids(p) if o.dep_ == "pobj"] + \
                    [o for o in kids(c) if o.dep_ == "pobj"]
                if objs:
                    return Report(c, tuple(objs), denied, False, False)
        hi, t_dep = up[t], deps[t]
        if hi == t or t_dep not in REPORT_CLIMB:
            break
        lemma = lemmas[hi]
        if lemma in lex.report_cues and t_dep in ("ccomp", "parataxis", "xcomp", "acl",
                                                  "prep", "pcomp", "advcl", "dobj",
                                                  "conj") \
                and not (t_dep in ("advcl", "conj") and poss[hi] in ("VERB", "AUX")) \
                and not (t_dep == "dobj" and poss[hi] in ("VERB", "AUX")
                         and lemmas[t] not in lex.report_cues):
            h = toks[hi]
            is_deny = lemma in lex.deny_cues
            denied = denied or (is_deny and not through)
            first_cue = first_cue or h
            if h.pos_ in ("VERB", "AUX"):
                sp = subjects(h)
            else:
                sp = _noun_cue_speakers(h)
                g = h.head
                if h.dep_ == "dobj" and g.lemma_.lower() in lex.deny_cues and not through:
                    # "Velic rejected Kaldoria's claim that its forces had hit ...": the
                    # denier speaks last; the event is denied
                    gs = subjects(g)
                    if gs:
                        return Report(g, tuple(gs), True, False, g.tag_ == "VBD")
            if sp:
                return Report(h, tuple(sp), denied, lemma in lex.accuse_cues,
                              h.tag_ == "VBD" or any(a.tag_ == "VBD" for a in
                                                     children(h, ("aux",))))
        t = hi
        if t in others:
            through = True
    return None


# ------------------------------------------------------------------ auxiliary modes
@dataclass(frozen=True)
class Aux:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    past_perfect: bool = False
    question: bool = False  # "asked whether X had ...": reported question, no event


def _has_no(tree: _Seen, lowers: list[str], i: int) -> bool:
    """Has token ``i`` a "no"/"neither" determiner?"""
    at, deps = tree.first_below, tree.deps
    for c in tree.below[at[i]:at[i + 1]]:  # (a loop: no generator made per read)
        if deps[c] == "det" and lowers[c] in ("no", "neither"):
            return True
    return False


# verbs of refusing ("declined to resign": the refusal is the event, ``intent``), and
# those whose open complement did not happen ("refused to", "failed to")
REFUSAL = frozenset({"refuse", "decline"})
REFUSED = REFUSAL | {"fail"}
# what one holds back from ("refrained from", "abstained from", "stopped short of")
REFRAINING = frozenset({"refrain", "abstain", "desist", "short"})
# what says an event is improbable ("is unlikely to attack"): no more than supposed
DOUBTED = frozenset({"unlikely", "improbable"})
# verbs of promising: "would" in the clause they govern is the promise's future ("pledged
# that elections would be held"), as in reported speech, not a hypothetical
PROMISING = frozenset({"promise", "pledge", "vow", "swear", "assure", "guarantee",
                       "undertake", "commit"})


def auxiliary(heads: Sequence[Token], trigger: Token, lex: Lexicon,
              report: Report | None) -> Aux:
    # (read by index from the document's parse, ``tree.tree_of``, as ``find_report``)
    tree = tree_of(trigger.doc)
    lemmas, lowers = words_of(trigger.doc)
    deps, poss, tags, up, below, at = (tree.deps, tree.poss, tree.tags, tree.heads,
                                       tree.below, tree.first_below)
    negated = future = hypothetical = past_perfect = False
    backshift = report is not None and report.past
    nominal = poss[trigger.i] in ("NOUN", "PROPN")
    # a conjoined verb shares its first conjunct's auxiliaries ("would review ... and
    # suspend"); its modal is the first conjunct's
    scan = list(map(_INDEX, heads))
    for x in scan[:]:
        while deps[x] == "conj" and poss[up[x]] in ("VERB", "AUX") and up[x] != x and \
                SUBJECTS.isdisjoint(map(deps.__getitem__, below[at[x]:at[x + 1]])):
            x = up[x]
            scan.append(x)
    n = len(lowers)
    for h in scan:
        for c in below[at[h]:at[h + 1]]:
            low, dep = lowers[c], deps[c]
            if dep == "neg" or (dep == "advmod" and low == "never"):
                if c + 1 >= n or lowers[c + 1] not in ("just", "only", "merely", "simply"):
                    negated = True  # ("did not just kill": no denial)
            elif dep in ("nsubj", "nsubjpass", "dobj") and _has_no(tree, lowers, c):
                negated = True
            elif dep == "aux":
                if low in lex.future_aux:
                    future = True
                elif low == "would":
                    if backshift or deps[h] == "ccomp" and lemmas[up[h]] in PROMISING:
                        future = True
                    else:
                        hypothetical = True
                elif low in lex.hypothetical_aux:
                    hypothetical = True
                elif lemmas[c] == "have" and tags[c] == "VBD" and tags[h] == "VBN" \
                        and (h == trigger.i or lemmas[h] not in lex.report_cues):
                    past_perfect = True
        g = up[h]
        if deps[h] == "xcomp" and lemmas[g] in lex.future_governors:
            future = True
        if deps[h] == "xcomp" and lemmas[g] in DOUBTED:
            hypothetical = True  # "is unlikely to attack"
        if deps[h] == "xcomp" and lemmas[g] in ("have", "be") and child_with(
                deps, below[at[g]:at[g + 1]], "advmod", lowers, ("yet",)):
            negated = True  # "has yet to hand over", "is yet to respond": not done
        if nominal and deps[h] == "xcomp" and lemmas[g] in REFUSED:
            negated = True  # "declined to open an inquiry": it was not opened (a verb
            # refused, "declined to resign", is the refusal: ``intent.retype_intents``)
        if deps[h] in ("pcomp", "pobj") and lowers[g] == "without":
            negated = True
        if deps[h] in ("pcomp", "pobj") and lowers[g] in ("from", "of") and \
                lemmas[up[g]] in REFRAINING or \
                deps[h] == "xcomp" and lemmas[g] == "avoid":
            negated = True  # "refrained from attacking", "stopped short of accusing",
            # "avoided criticizing": it was not done
        if lowers[g] == "to" and lemmas[up[g]] in lex.future_governors:
            future = True
    if nominal:
        ti = trigger.i
        if _has_no(tree, lowers, ti):
            negated = True
        for c in below[at[ti]:at[ti + 1]]:
            low = lemmas[c]
            if deps[c] in ("amod", "compound") and low in lex.future_mods:
                future = True
            if deps[c] == "det" and low in lex.hypothetical_dets:
                hypothetical = True
    # a conditional clause holding the event, at any depth below the sentence root
    t = heads[-1].i
    question = False
    for _ in STEPS[6]:
        ks = below[at[t]:at[t + 1]]  # (most clauses have no mark: no list made for them)
        marks = _marks(deps, lowers, ks) if "mark" in map(deps.__getitem__, ks) else []
        if not lex.hypothetical_marks.isdisjoint(marks):
            hypothetical = True
            question = "whether" in marks
            break
        if up[t] == t or deps[t] not in ("xcomp", "conj", "ccomp", "pcomp", "pobj",
                                         "prep", "dobj", "acl", "advcl", "acomp"):
            break
        if deps[t] == "advcl" and not marks:
            if _inverted(tree, lowers, t):
                hypothetical = True  # "Had Pakistan attacked first, ...": a condition
            break
        t = up[t]
    if not question:
        for h in _asked_up(tree, scan):
            if _asks(tree, lowers, h):
                question = True
                break
    if report is not None and report.denied:
        negated = True
    if past_perfect and backshift:
        past_perfect = False
    return _aux(negated, future, hypothetical, past_perfect, question)


WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _asked_up(tree: _Seen, scan: list[int]) -> list[int]:
    """The clause verbs and those whose open or reported clause holds them: a question
    asks what is under it ("Is India preparing to strike?")."""
    out = []
    for h in scan:
        for _ in STEPS[4]:
            out.append(h)
            if tree.deps[h] not in ("xcomp", "ccomp", "conj") or tree.heads[h] == h:
                break
            h = tree.heads[h]
    return out


def _inverted(tree: _Seen, lowers: list[str], h: int) -> bool:
    """Is clause ``h`` a condition by inversion ("Had Pakistan attacked first", "Were
    India to strike", "Should talks fail"): "had", "were" or "should" before its
    subject?"""
    kids_h = children_ix(tree, h)
    subj = next((c for c in kids_h if tree.deps[c] in ("nsubj", "nsubjpass")), None)
    return subj is not None and (h < subj and lowers[h] == "were" or any(
        tree.deps[c] in ("aux", "auxpass") and c < subj
        and lowers[c] in ("had", "were", "should") for c in kids_h))


def _asks(tree: _Seen, lowers: list[str], h: int) -> bool:
    """Is the clause of verb ``h`` a direct yes/no question ("Did the minister meet the
    envoy?", "Has Russia agreed?"): an auxiliary before its subject, no question word
    before it, and a question mark ending it? It asks whether the event happened. (A
    question word asks about an event it takes as given: "Why did the army arrest
    him?" says it did.)"""
    deps, tags, below, at = tree.deps, tree.tags, tree.below, tree.first_below
    kids_h = below[at[h]:at[h + 1]]
    # (plain loops, no generator per test: read for each clause verb of each candidate)
    for subj in kids_h:
        if deps[subj] in ("nsubj", "nsubjpass", "expl"):
            break
    else:
        return False
    for c in kids_h:
        if c < subj and deps[c] in ("aux", "auxpass"):
            break
    else:
        return False
    for c in kids_h:
        if c < subj and (tags[c] in WH_TAGS or not WH_TAGS.isdisjoint(
                map(tags.__getitem__, below[at[c]:at[c + 1]]))):
            return False
    for j in range(h + 1, len(lowers)):  # (the clause's end: its sentence's mark)
        if lowers[j] in ("?", ".", "!", ";"):
            return lowers[j] == "?"
    return False


@cache  # (frozen: 32 of them at most, shared)
def _aux(negated: bool, future: bool, hypothetical: bool, past_perfect: bool,
         question: bool) -> Aux:
    return Aux(negated=negated, future=future, hypothetical=hypothetical,
               past_perfect=past_perfect, question=question)
