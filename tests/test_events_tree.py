"""The reads of ``events.tree`` and ``events.index`` agree with spaCy's own (lower-case
lemma and form, ``char_span(..., alignment_mode="expand")``, the text, children and
subtrees, labels), on made-up sentences; the clauses and phrases ``events.modes`` reads
by index agree with the same walks over spaCy's tokens, on a parsed one."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from chronicler.nlp.events import index
from chronicler.nlp.events.modes import (
    CLAUSAL,
    PHRASE_CUT,
    clause_ix,
    clause_tokens,
    lemma_set,
    phrase_ix,
    phrase_tokens,
)
from chronicler.nlp.events.tree import (
    children_ix,
    kids,
    line_breaks,
    sent_range,
    sentence_of,
    subtree,
    token_span,
    token_spans,
    tree_of,
    words_of,
)

_NLP = spacy.blank("en")


def _doc() -> Doc:
    words = ["Varsk", "said", "troops", "shelled", "two", "villages", ".", "\n\n",
             "Talks", "resume", "today", "."]
    spaces = [True, True, True, True, True, False, False, False, True, True, False, False]
    heads = [1, 1, 3, 1, 5, 3, 1, 6, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "nummod", "dobj", "punct", "dep",
            "nsubj", "ROOT", "npadvmod", "punct"]
    return Doc(_NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def test_words_as_spacy() -> None:
    doc = _doc()
    lemmas, lowers = words_of(doc)
    assert lemmas == [t.lemma_.lower() for t in doc]
    assert lowers == [t.lower_ for t in doc] and "varsk" in lowers
    other = _doc()  # a new document: nothing kept from the last one
    other[0].lemma_ = "Merovia"
    assert words_of(other)[0][0] == "merovia"


def test_token_span_as_char_span() -> None:
    doc = _doc()
    n = len(doc.text)
    for a in range(-1, n + 2):
        for b in range(a, n + 2):
            sp = doc.char_span(a, b, alignment_mode="expand") if a >= 0 else None
            want = None if sp is None else (sp.start, sp.end)
            got = token_span(doc, a, b) if a >= 0 else None
            assert got == want, (a, b, doc.text[max(a, 0):b])


def test_token_spans_as_token_span() -> None:
    doc = _doc()
    n = len(doc.text)
    pairs = [(a, b) for a in range(n + 2) for b in range(a, n + 2)]
    assert token_spans(doc, pairs) == [token_span(doc, a, b) for a, b in pairs]
    assert token_spans(_NLP(""), [(0, 0), (0, 3)]) == [None, None]


def test_token_columns_as_spacy(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    doc[3].lemma_ = "Shell"
    want = (doc.text, [t.lemma_.lower() for t in doc], [t.lower_ for t in doc],
            [t.pos_ in ("VERB", "AUX") for t in doc], [False] * len(doc))
    kinds = [index.SPACE * t.is_space | index.PUNCT * t.is_punct |
             index.BREAK * (t.is_space and "\n" in t.text) for t in doc]
    got = index.token_columns(doc)
    assert got[:5] == want and got[5].tolist() == kinds
    monkeypatch.setattr(index, "_TABLE_MAX", 3)  # new tables on each document
    got = index.token_columns(doc)
    assert got[:5] == want and got[5].tolist() == kinds
    glued = Doc(_NLP.vocab, words=["tensionIndia", "policy"], spaces=[True, False])
    assert index.token_columns(glued)[0] == "tensionIndia policy"
    assert index.token_columns(glued)[4] == [True, False]


def _crossing() -> Doc:
    """A parse with crossing arcs ("A hearing is scheduled today on the issue": "on"
    hangs on "hearing" across "is scheduled today")."""
    words = ["A", "hearing", "is", "scheduled", "today", "on", "the", "issue", "."]
    heads = [1, 3, 3, 3, 3, 1, 7, 5, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "npadvmod", "prep", "det", "pobj",
            "punct"]
    return Doc(_NLP.vocab, words=words, heads=heads, deps=deps)


def test_sentence_of_as_sents() -> None:
    for doc in (_doc(), _crossing(), _NLP("")):
        tree = tree_of(doc)
        assert [sentence_of(tree, t.i) for t in doc] == [sent_range(t) for t in doc] == \
            [(t.sent.start, t.sent.end) for t in doc]


def test_kids_as_children() -> None:
    for doc in (_doc(), _crossing(), _doc()):  # (a new document each time)
        assert [[c.i for c in kids(t)] for t in doc] == \
            [[c.i for c in t.children] for t in doc]
    doc = _crossing()
    assert [c.text for c in kids(doc[1])] == ["A", "on"]  # (its right child past its head)


def test_tree_as_spacy() -> None:
    for doc in (_doc(), _crossing()):
        assert [[x.i for x in subtree(t)] for t in doc] == \
            [[x.i for x in t.subtree] for t in doc]
        tree = tree_of(doc)
        assert (tree.deps, tree.poss, tree.tags) == ([t.dep_ for t in doc], [t.pos_ for t in doc],
                                                     [t.tag_ for t in doc])
        assert [children_ix(tree, t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
        assert tree.toks == list(doc)
    assert [x.text for x in subtree(_crossing()[1])] == ["A", "hearing", "on", "the", "issue"]
    empty = tree_of(_NLP(""))  # (no tokens, no children)
    assert (empty.toks, empty.below, empty.first_below) == ([], [], [0])


def _clause_by_tokens(heads: list[Token]) -> list[int]:
    """``clause_tokens`` as it read spaCy's tokens, before it read the lists."""
    seen: set[int] = set()
    out: list[int] = []
    for h in heads:
        stack = [h]
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            out.append(t.i)
            for c in t.children:
                if c.dep_ == "advcl" and c.tag_ == "VB" and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    stack.append(c)
                    continue
                if c.dep_ in CLAUSAL or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                    continue
                stack.append(c)
    return out


def _phrase_by_tokens(tok: Token) -> list[int]:
    out: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack += [c for c in t.children if c.dep_ not in PHRASE_CUT]
    return out


def test_clauses_and_phrases_as_by_tokens(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(
        "Kaldoria offered to host talks with Merovia and said it would withdraw troops "
        "that had crossed the border, but Merovia's willingness to hold talks was in "
        "doubt after its forces shelled two villages near Varsk on Tuesday.")
    for t in doc:
        heads = [t, t.head] if t.head.i != t.i else [t]
        assert clause_ix(heads) == _clause_by_tokens(heads)
        assert [x.i for x in clause_tokens(heads)] == clause_ix(heads)
        assert phrase_ix(t) == _phrase_by_tokens(t)
        assert [x.i for x in phrase_tokens(t)] == phrase_ix(t)
        assert lemma_set(list(t.subtree)) == {x.lemma_.lower() for x in t.subtree} | {
            x.lower_ for x in t.subtree}


def test_line_breaks_as_tokens() -> None:
    doc = _doc()
    assert line_breaks(doc) == [i for i, t in enumerate(doc)
                                if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]
    assert line_breaks(doc) == [7] and line_breaks(_crossing()) == []
