"""Faster drivers for two spaCy components, with exactly their annotations.

``attribute_ruler``: an indexed matcher (~3.5x faster). ``lemmatizer`` (rule mode):
the per-token loop driven by arrays (see :func:`speed_up_lemmatizer`).

The English pipelines' ``attribute_ruler`` (tag -> POS/morph mappings and a few lemma
exceptions, ~180 pattern groups) spends most of its time in spaCy's generic
``Matcher``, which tries every pattern at every token: on this project's 2-core machine
that is ~17 % of the whole parse. Its patterns are fixed-length token patterns on a few
attributes, so they can be indexed by their first token's value and checked on integer
arrays instead.

:func:`speed_up` swaps in the indexed matcher only when every pattern uses forms it
implements (see ``_compile``); otherwise the ruler is left exactly as spaCy made it.
The annotations are still set by spaCy's own ``AttributeRuler.set_annotations``, from
matches sorted as spaCy sorts them, so later rules keep precedence. A test compares
POS, tag, morph and lemma with the original ruler on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_ATTRS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]

Test = Callable[[int, Any], bool]  # (value hash, string table) -> bool


class Unsupported(Exception):
    """A pattern form this matcher does not implement: keep spaCy's."""


@dataclass(frozen=True)
class _Pattern:
    key: int  # the AttributeRuler's attribute-set index (its matcher key is str(key))
    match_id: int
    tests: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test) pairs


def _test(attr: str, value: Any, strings: Any) -> Test:
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        want = int(value)
        return lambda v, _s: int(v) == want
    if isinstance(value, str):
        h = strings.add(value)
        return lambda v, _s: v == h
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(
                isinstance(a, str) for a in arg):
            hs = frozenset(strings.add(a) for a in arg)
            if op == "IN":
                return lambda v, _s: v in hs
            return lambda v, _s: v not in hs
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v, s: rx.search(s[v]) is not None
    raise Unsupported(f"{attr} {value!r}")


def _compile(ruler: Any) -> list[_Pattern]:
    strings = ruler.vocab.strings
    out: list[_Pattern] = []
    for key, group in enumerate(ruler.patterns):
        match_id = strings.add(str(key))
        for pat in group["patterns"]:
            if not pat or not isinstance(pat, list):
                raise Unsupported(repr(pat))
            tests = []
            for tok in pat:
                if not isinstance(tok, dict) or not tok or not set(tok) <= set(_ATTRS):
                    raise Unsupported(repr(tok))  # OP, other attributes, ...
                tests.append(tuple((_ATTRS[a], _test(a, v, strings)) for a, v in tok.items()))
            out.append(_Pattern(key=key, match_id=match_id, tests=tuple(tests)))
    return out


_CACHE_MAX = 200_000


class IndexedMatcher:
    """``AttributeRuler.match`` for the compiled patterns: (key, match_id, start, end)
    tuples sorted as spaCy sorts them.

    A token's first-token tests depend only on its (lower, tag, dep, is_space) values,
    so their outcome is computed once per distinct value tuple and cached: a run of
    articles has a few tens of thousands of them against hundreds of thousands of
    tokens. Longer patterns whose first token passes are then checked in place."""

    def __init__(self, ruler: Any) -> None:
        self.patterns = _compile(ruler)
        self.strings = ruler.vocab.strings
        self._first: dict[tuple[int, ...],
                          tuple[list[tuple[int, int]], list[_Pattern]]] = {}

    def _first_token(self, sig: tuple[int, ...]
                     ) -> tuple[list[tuple[int, int]], list[_Pattern]]:
        got = self._first.get(sig)
        if got is None:
            single: list[tuple[int, int]] = []
            longer: list[_Pattern] = []
            for p in self.patterns:
                if all(t(sig[col], self.strings) for col, t in p.tests[0]):
                    if len(p.tests) == 1:
                        single.append((p.key, p.match_id))
                    else:
                        longer.append(p)
            if len(self._first) >= _CACHE_MAX:
                self._first.clear()
            got = self._first[sig] = (single, longer)
        return got

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows = list(map(tuple, np.asarray(doc.to_array(_ARRAY_ATTRS),
                                          dtype=np.uint64).tolist()))
        n, strings, first = len(rows), self.strings, self._first_token
        found: list[tuple[int, int, int, int]] = []
        for i, row in enumerate(rows):
            single, longer = first(row)
            for key, mid in single:
                found.append((key, mid, i, i + 1))
            for p in longer:
                end = i + len(p.tests)
                if end <= n and all(t(rows[j][col], strings)
                                    for j, toks in zip(range(i + 1, end), p.tests[1:],
                                                       strict=True)
                                    for col, t in toks):
                    found.append((p.key, p.match_id, i, end))
        return sorted(set(found))


def speed_up(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the indexed matcher; False (and nothing
    changed) when the pipeline has none or uses a pattern form not implemented here."""
    if name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(name)
    if not hasattr(ruler, "set_annotations") or not hasattr(ruler, "patterns"):
        return False
    try:
        matcher = IndexedMatcher(ruler)
    except Unsupported:
        return False
    # AttributeRuler.__call__ calls self.match(doc) and then its own set_annotations.
    ruler.match = matcher
    return True


class ArrayLemmatizer:
    """Replaces ``Lemmatizer.__call__`` in rule mode. spaCy's loop touches every token
    (a Token object, three property reads, a cache lookup, a string write); the lemma
    depends only on (orth, pos, morph), which is spaCy's own cache key, so this reads
    those as one array, looks each distinct key up once (through spaCy's
    ``lemmatize``, which fills the same cache) and writes the column back."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._hash: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not len(doc):
            return doc
        cols = np.asarray(doc.to_array([ORTH, POS, MORPH, LEMMA]), dtype=np.uint64)
        rows = cols.tolist()
        out = cols[:, 3].copy()
        known, strings = self._hash, self.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lem.overwrite:
                continue
            key = (orth, pos, morph)
            h = known.get(key)
            if h is None:
                h = known[key] = strings.add(lem.lemmatize(doc[i])[0])
                if len(known) >= _CACHE_MAX:
                    known.clear()
            out[i] = h
        doc.from_array([LEMMA], out.reshape(-1, 1))  # type: ignore[arg-type]
        return doc


def speed_up_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Drive a rule-mode lemmatizer from arrays; False (nothing changed) otherwise."""
    if name not in nlp.pipe_names:
        return False
    lem: Any = nlp.get_pipe(name)
    if getattr(lem, "mode", None) != "rule" or not hasattr(lem, "lemmatize"):
        return False
    if getattr(lem, "_validated", True) is False:
        lem._validate_tables()  # what spaCy's __call__ does first
    fast = ArrayLemmatizer(lem)
    # Language.pipe hands batches to the component's pipe() (an ordinary method, so the
    # instance's wins); nlp(text) still goes through spaCy's own __call__: same lemmas.
    lem.pipe = lambda stream, *, batch_size=128: (fast(d) for d in stream)
    return True
