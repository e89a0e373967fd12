"""Modes: the PLOVER mode of an event (aerial, ceasefire, meet, ...) with its score, and
the auxiliary modes PLOVER records beside it: negated, future, hypothetical,
historical. Also who reports an event ("Pakistan claims India struck ...").

Auxiliary modes are read from the clause heads of the event (the trigger, and the
light verb that carries a noun trigger):

* **negated**: a ``neg`` child ("did not strike"), "never", "no" on the noun or on
  its subject/object ("No sites were hit"), "without"; or a denial cue above the
  event ("India denied that its missiles struck ...": the denier says it did not
  happen);
* **future**: will/shall, "going to", an infinitive under vow/plan/threaten/prepare…
  ("vowed to hit back"), "future"/"imminent" on the noun, or "would" under a
  past-tense report cue (reported future: "said it would expel");
* **hypothetical**: an "if/unless/whether" clause holding the event, could/might/
  may/should, "would" outside reported speech, "any" on the noun ("any attack");
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

from spacy.tokens import Doc, Token

from chronicler.nlp.events.patterns import Lexicon, TriggerRule, TypeSpec
from chronicler.nlp.events.roles import children, subjects
from chronicler.nlp.events.tree import kids, tree_of, words_of

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
    """``clause_tokens`` by index, in its order. (Read by index from the document's
    parse, ``tree.tree_of``: a Token object per word read was most of its cost.)"""
    if not heads:
        return []
    doc = heads[0].doc
    lowers = words_of(doc)[1]
    tree = tree_of(doc)
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
                if dep == "advcl" and tags[c] == "VB" and any(
                        deps[a] == "aux" and lowers[a] == "to" for a in below[at[c]:at[c + 1]]):
                    stack.append(c)  # "offered to host talks": a purpose infinitive
                    continue  # (``infinitive``)
                if dep in CLAUSAL or (dep == "conj" and poss[c] in ("VERB", "AUX")):
                    continue
                stack.append(c)
    return out


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
        stack += [c for c in below[at[t]:at[t + 1]] if deps[c] not in PHRASE_CUT]
    return out


def lemma_set(toks: Sequence[Token]) -> set[str]:
    """The lower-case lemmas and forms of ``toks``."""
    if not toks:
        return set()
    return words_at(toks[0].doc, [t.i for t in toks])


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
        own = lemma_set([trigger, *[c for c in kids(trigger)
                                    if c.dep_ in ("compound", "amod", "nmod", "prt")]])
        found = [m.name for m in spec.modes.values() if m.words & own]
        scopes = {"clause": clause, "sentence": sentence, "subtree": subtree,
                  "children": own, "object": clause, "around": clause}
        found += [m.name for m in spec.modes.values()
                  if m.name not in found and m.words & scopes.get(m.scope, clause)]
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
    ceasefire]]" denies the mediation, not the ceasefire."""
    t = top
    denied = False
    through = False
    first_cue: Token | None = None
    for _ in range(8):
        for c in kids(t):
            dep = c.dep_
            if dep == "parataxis" and c.lemma_.lower() in lex.report_cues:
                sp = subjects(c)
                if sp:
                    return Report(c, tuple(sp), denied or c.lemma_.lower() in lex.deny_cues,
                                  c.lemma_.lower() in lex.accuse_cues, c.tag_ == "VBD")
            if dep == "prep" and c.lower_ == "according":
                objs = [o for p in kids(c) for o in kids(p) if o.dep_ == "pobj"] + \
                    [o for o in kids(c) if o.dep_ == "pobj"]
                if objs:
                    return Report(c, tuple(objs), denied, False, False)
        if t.head.i == t.i or t.dep_ not in REPORT_CLIMB:
            break
        h = t.head
        lemma = h.lemma_.lower()
        if lemma in lex.report_cues and t.dep_ in ("ccomp", "parataxis", "xcomp", "acl",
                                                    "prep", "pcomp", "advcl", "dobj",
                                                    "conj") \
                and not (t.dep_ in ("advcl", "conj") and h.pos_ in ("VERB", "AUX")) \
                and not (t.dep_ == "dobj" and h.pos_ in ("VERB", "AUX")
                         and t.lemma_.lower() not in lex.report_cues):
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
        t = h
        if t.i in others:
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


def _has_no(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in kids(tok))


# verbs of refusing ("declined to resign": the refusal is the event, ``intent``), and
# those whose open complement did not happen ("refused to", "failed to")
REFUSAL = frozenset({"refuse", "decline"})
REFUSED = REFUSAL | {"fail"}
# what one holds back from ("refrained from", "abstained from", "stopped short of")
REFRAINING = frozenset({"refrain", "abstain", "desist", "short"})
# verbs of promising: "would" in the clause they govern is the promise's future ("pledged
# that elections would be held"), as in reported speech, not a hypothetical
PROMISING = frozenset({"promise", "pledge", "vow", "swear", "assure", "guarantee",
                       "undertake", "commit"})


def auxiliary(heads: Sequence[Token], trigger: Token, lex: Lexicon,
              report: Report | None) -> Aux:
    negated = future = hypothetical = past_perfect = False
    backshift = report is not None and report.past
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    # a conjoined verb shares its first conjunct's auxiliaries ("would review ... and
    # suspend"); its modal is the first conjunct's
    scan = list(heads)
    for h in heads:
        x = h
        while x.dep_ == "conj" and x.head.pos_ in ("VERB", "AUX") and x.head.i != x.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(x)):
            x = x.head
            scan.append(x)
    for h in scan:
        for c in kids(h):
            low, dep = c.lower_, c.dep_
            if dep == "neg" or (dep == "advmod" and low == "never"):
                nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
                if nxt is None or nxt.lower_ not in ("just", "only", "merely", "simply"):
                    negated = True  # ("did not just kill": no denial)
            elif dep in ("nsubj", "nsubjpass", "dobj") and _has_no(c):
                negated = True
            elif dep == "aux":
                if low in lex.future_aux:
                    future = True
                elif low == "would":
                    if backshift or h.dep_ == "ccomp" and \
                            h.head.lemma_.lower() in PROMISING:
                        future = True
                    else:
                        hypothetical = True
                elif low in lex.hypothetical_aux:
                    hypothetical = True
                elif c.lemma_.lower() == "have" and c.tag_ == "VBD" and h.tag_ == "VBN" \
                        and (h.i == trigger.i or h.lemma_.lower() not in lex.report_cues):
                    past_perfect = True
        if h.dep_ == "xcomp" and h.head.lemma_.lower() in lex.future_governors:
            future = True
        if nominal and h.dep_ == "xcomp" and h.head.lemma_.lower() in REFUSED:
            negated = True  # "declined to open an inquiry": it was not opened (a verb
            # refused, "declined to resign", is the refusal: ``intent.retype_intents``)
        if h.dep_ in ("pcomp", "pobj") and h.head.lower_ == "without":
            negated = True
        if h.dep_ in ("pcomp", "pobj") and h.head.lower_ in ("from", "of") and \
                h.head.head.lemma_.lower() in REFRAINING or \
                h.dep_ == "xcomp" and h.head.lemma_.lower() == "avoid":
            negated = True  # "refrained from attacking", "stopped short of accusing",
            # "avoided criticizing": it was not done
        if h.head.lower_ == "to" and h.head.head.lemma_.lower() in lex.future_governors:
            future = True
    if nominal:
        if _has_no(trigger):
            negated = True
        for c in kids(trigger):
            low = c.lemma_.lower()
            if c.dep_ in ("amod", "compound") and low in lex.future_mods:
                future = True
            if c.dep_ == "det" and low in lex.hypothetical_dets:
                hypothetical = True
    # a conditional clause holding the event, at any depth below the sentence root
    t = heads[-1]
    question = False
    for _ in range(6):
        marks = [c.lower_ for c in kids(t) if c.dep_ == "mark"]
        if any(m in lex.hypothetical_marks for m in marks):
            hypothetical = True
            question = "whether" in marks
            break
        if t.head.i == t.i or t.dep_ not in ("xcomp", "conj", "ccomp", "pcomp", "pobj",
                                             "prep", "dobj", "acl", "advcl", "acomp"):
            break
        if t.dep_ == "advcl" and not any(c.dep_ == "mark" for c in kids(t)):
            break
        t = t.head
    if report is not None and report.denied:
        negated = True
    if past_perfect and backshift:
        past_perfect = False
    return Aux(negated=negated, future=future, hypothetical=hypothetical,
               past_perfect=past_perfect, question=question)
