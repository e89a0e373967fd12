"""The walks of the parse the event coder reads by index (``events.walks``, the report
and auxiliary climbs of ``events.modes``, a rule's own tests in ``events.candidates``,
the attachment climb of ``events.attach``) and the document's cached reads
(``tree.tree_of``'s heads, ``modes.clause_ix`` once per heads) agree with the same
walks over spaCy's tokens, as they read them before, on parsed sentences."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Doc, Span, Token

from chronicler.nlp.events.attach import attached_to
from chronicler.nlp.events.candidates import (
    GENERIC_MODIFIERS,
    event_heads,
    rule_matches,
    scope_words,
)
from chronicler.nlp.events.modes import (
    PROMISING,
    REFUSED,
    REPORT_CLIMB,
    Aux,
    Report,
    _noun_cue_speakers,
    auxiliary,
    clause_ix,
    find_report,
)
from chronicler.nlp.events.patterns import Lexicon, TriggerRule, load_lexicon
from chronicler.nlp.events.roles import (
    children,
    conjuncts,
    is_passive,
    prep_objects,
    subjects,
)
from chronicler.nlp.events.tree import kids, tree_of

TEXTS = (
    "Kaldoria offered to host talks with Merovia and said it would withdraw troops that "
    "had crossed the border, but Merovia's willingness to hold talks with Kaldoria and "
    "Norvane was in doubt after its forces shelled two villages near Varsk on Tuesday.",
    "According to officials in Tirvan, the strikes on the airbase and the depot were "
    "carried out by Merovian jets, the ministry said, and no civilians were hurt.",
    "Pakistan claims India struck a mosque, but India denied that its missiles hit any "
    "civilian target and vowed it would not strike again unless attacked.",
    "If the talks fail, Kaldoria will not lift the blockade; officials asked whether "
    "Merovia had agreed to a ceasefire with the rebels in the town of Resk.",
    "The army had never used such force against protesters, who were killed in Resk "
    "by police loyal to the president, the report said.",
)


def _has_no_by_tokens(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in kids(tok))


def _conjuncts_by_tokens(tok: Token) -> list[Token]:
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            out.append(c)
            stack += [g for g in c.children if g.dep_ == "conj"]
    return out


def _prep_objects_by_tokens(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [x for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for o in p.children if o.dep_ in ("pobj", "pcomp")
            for x in _conjuncts_by_tokens(o)]


def _attached_by_tokens(tok: Token, event_heads: set[int], limit: int = 6) -> bool:
    t = tok
    for _ in range(limit):
        if t.i in event_heads:
            return True
        if t.head.i == t.i:
            return False
        if t.i != tok.i and t.pos_ in ("VERB", "AUX") and t.i not in event_heads:
            return False
        t = t.head
    return t.i in event_heads


def _report_by_tokens(top: Token, lex: Lexicon, others: set[int] | frozenset[int] = frozenset()
                ) -> Report | None:
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


def _aux_by_tokens(heads: Sequence[Token], trigger: Token, lex: Lexicon,
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
            elif dep in ("nsubj", "nsubjpass", "dobj") and _has_no_by_tokens(c):
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
        if h.head.lower_ == "to" and h.head.head.lemma_.lower() in lex.future_governors:
            future = True
    if nominal:
        if _has_no_by_tokens(trigger):
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


def _rule_by_tokens(rule: TriggerRule, tok: Token, sent: Span, heads: list[Token],
                 cache: dict[tuple[str, int, tuple[int, ...]], set[str]] | None = None) -> bool:
    cache = {} if cache is None else cache

    def words(scope: str) -> set[str]:
        key = (scope, tok.i, tuple(h.i for h in heads))
        if key not in cache:
            cache[key] = scope_words(scope, tok, heads, sent)
        return cache[key]

    if tok.pos_ not in rule.pos:
        return False
    if not rule.nominal and tok.dep_ in ("amod", "compound", "nmod", "npadvmod"):
        return False  # an adjectival participle: "Pakistan-backed groups", "terror-linked"
    if tok.tag_ in ("VBG", "VB") and tok.dep_ in ("csubj", "csubjpass", "nsubj"):
        return False  # "targeting civilians is unacceptable": no event, a principle
    if rule.nominal and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # a noun modifying a noun: "ceasefire talks", "operations chiefs"
    if not rule.nominal and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
            c.dep_ == "det" for c in kids(tok)):
        return False  # a participle used as a noun: "visited the injured"
    if rule.nominal and not rule.standalone and any(
            c.dep_ in ("amod", "det") and c.lower_ in GENERIC_MODIFIERS for c in kids(tok)):
        return False  # "future attacks", "any attack": no event that happened
    if rule.particle:
        parts = {c.lower_ for c in kids(tok) if c.dep_ in ("prt", "advmod", "prep")}
        if not parts & rule.particle:
            return False
    if rule.unless_head and tok.head.i != tok.i:
        # the head word, and above a preposition the word it hangs on, up to the first
        # verb ("dismissed the claim as [propaganda]")
        hs: set[str] = set()
        h = tok.head
        for _ in range(4):
            hs |= {h.lemma_.lower(), h.lower_}
            if h.pos_ in ("VERB", "AUX") or h.head.i == h.i or not (
                    h.pos_ in ("ADP", "SCONJ") or h.dep_ in ("pobj", "dobj", "prep")):
                break
            h = h.head
        if hs & rule.unless_head:
            return False
    if rule.requires and not words(rule.requires_scope) & rule.requires:
        return False
    if rule.also_requires and not words(rule.also_scope or rule.requires_scope) & rule.also_requires:
        return False
    if rule.unless and words(rule.unless_scope) & rule.unless:
        return False
    return True


@pytest.fixture(scope="module")
def docs(analyzer) -> list[Doc]:  # type: ignore[no-untyped-def]
    return [analyzer.nlp(t) for t in TEXTS]


def _ix(toks: list[Token] | tuple[Token, ...]) -> list[int]:
    return [t.i for t in toks]


def test_walks_as_by_tokens(docs: list[Doc]) -> None:
    for doc in docs:
        tree = tree_of(doc)
        assert tree.heads == [t.head.i for t in doc]
        for t in doc:
            assert _ix(conjuncts(t)) == _ix(_conjuncts_by_tokens(t))
            assert _ix(children(t, ("prep", "nsubj"))) == [
                c.i for c in t.children if c.dep_ in ("prep", "nsubj")]
            assert is_passive(t) == any(c.dep_ in ("auxpass", "nsubjpass")
                                        for c in t.children)
            for preps in (("on", "against", "with"), ("by",), ("of", "in", "to")):
                assert _ix(prep_objects(t, preps)) == _ix(_prep_objects_by_tokens(t, preps))
            for heads in ({t.i}, {t.head.i}, {t.i, t.head.head.i}):
                for u in doc:
                    assert attached_to(u, heads, t) == _attached_by_tokens(u, heads)
                    assert attached_to(u, heads, t, limit=5) == \
                        _attached_by_tokens(u, heads, limit=5)


def _same_report(a: Report | None, b: Report | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.cue.i, _ix(a.speakers), a.denied, a.accuses, a.past) == \
        (b.cue.i, _ix(b.speakers), b.denied, b.accuses, b.past)


def test_report_and_auxiliary_as_by_tokens(docs: list[Doc]) -> None:
    lex = load_lexicon()
    for doc in docs:
        for t in doc:
            for heads in ([t], [t, t.head]):
                for others in (frozenset(), frozenset({t.head.i})):
                    got = find_report(heads[-1], lex, others)
                    assert _same_report(got, _report_by_tokens(heads[-1], lex, others))
                for rep in (None, find_report(heads[-1], lex)):
                    assert auxiliary(heads, t, lex, rep) == _aux_by_tokens(heads, t, lex, rep)


def test_rule_tests_as_by_tokens(docs: list[Doc]) -> None:
    lex = load_lexicon()
    rules = sorted({r for rs in lex.by_lemma.values() for r in rs}, key=lambda r: r.id)
    for doc in docs:
        sent = doc[:]
        for t in doc:
            for nominal in (False, True):
                heads = event_heads(t, lex, nominal)[0]
                for rule in rules:
                    assert rule_matches(rule, t, sent, heads) == \
                        _rule_by_tokens(rule, t, sent, heads), (rule.id, t.text)


def test_clause_once_per_document(docs: list[Doc]) -> None:
    doc = docs[0]
    for t in doc:
        heads = [t, t.head] if t.head.i != t.i else [t]
        got = clause_ix(heads)
        assert clause_ix(heads) is got  # (kept for the document)
    kept = dict(tree_of(doc).clauses)
    assert kept
    tree_of(docs[1])  # another document: nothing kept from the first
    assert tree_of(doc).clauses == {}  # (read again: made again, the same)
    for key, want in kept.items():
        heads = [doc[key]] if isinstance(key, int) else [doc[k] for k in key]
        assert clause_ix(heads) == want
