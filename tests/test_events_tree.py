"""The parse reads of ``events.tree`` agree with spaCy's own (children, subtree,
``char_span(..., alignment_mode="expand")``), on made-up sentences."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronicler.nlp.events.tree import kids, subtree_of, token_span

_NLP = spacy.blank("en")


def _doc() -> Doc:
    words = ["Varsk", "said", "troops", "shelled", "two", "villages", ".", "\n\n",
             "Talks", "resume", "today", "."]
    spaces = [True, True, True, True, True, False, False, False, True, True, False, False]
    heads = [1, 1, 3, 1, 5, 3, 1, 6, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "nummod", "dobj", "punct", "dep",
            "nsubj", "ROOT", "npadvmod", "punct"]
    return Doc(_NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def test_children_and_subtree_as_spacy() -> None:
    doc = _doc()
    for tok in doc:
        assert [t.i for t in kids(tok)] == [t.i for t in tok.children]
        assert [t.i for t in subtree_of(tok)] == [t.i for t in tok.subtree]
    other = _doc()  # a new document: nothing kept from the last one
    assert kids(other[1])[0].doc is other


def test_token_span_as_char_span() -> None:
    doc = _doc()
    n = len(doc.text)
    for a in range(-1, n + 2):
        for b in range(a, n + 2):
            sp = doc.char_span(a, b, alignment_mode="expand") if a >= 0 else None
            want = None if sp is None else (sp.start, sp.end)
            got = token_span(doc, a, b) if a >= 0 else None
            assert got == want, (a, b, doc.text[max(a, 0):b])
