"""The per-article index the coder reads: sentences cut at line breaks, TimeExprs,
places, counts and operations by token, the resolver of arguments, the main dyad and
the dateline ("VARSK, April 2 (CPA) — "), built once per article so that coding a
sentence is set lookups."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import getitem, itemgetter
from typing import TypeVar

import numpy as np
from spacy.attrs import LEMMA, ORTH, POS, SENT_START, SPACY
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from chronicler.nlp.actors.titles import headline_ranges
from chronicler.nlp.events.operations import OperationMention, find_operations
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.roles import ArgResolver
from chronicler.nlp.events.tree import (
    columns,
    line_breaks,
    sentence_of,
    share_words,
    token_span,
    token_spans,
    tree_of,
)
from chronicler.nlp.stages import ArticleContext, State
from chronicler.records import Actor, Count, EventActor, Mention, Place, Speaker, TimeExpr

# "last week", "earlier this week": no day an event can be dated to
VAGUE_WEEK = re.compile(r"\b(?:last|this|next|past|earlier this|later this)\s+week\b", re.I)
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'\u2019 /-]{1,30}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([^)]{1,30}\))?\s*[\u2014\u2013:-]\s")

# two words run together at a case change: "tensionIndia", "policyIndia"
GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]")


_Spanned = TypeVar("_Spanned", tuple[TimeExpr, int, int], tuple[Place, int, int])


# ------------------------------------------------------------------ article index
@dataclass
class ArticleIndex:
    """What the coder looks up per sentence, built once per article."""

    doc: Doc
    text: str  # doc.text, once (spaCy rebuilds it on every access)
    lemmas: list[str]  # lower-case lemma of each token
    lowers: list[str]  # lower-case form of each token
    ctx: ArticleContext
    lex: Lexicon
    sents: list[Span]
    sent_starts: list[int]
    para_starts: list[int]
    times: list[tuple[TimeExpr, int, int]]  # (time, first token, last token)
    time_at: dict[int, TimeExpr]
    places: list[tuple[Place, int, int]]
    counts: list[tuple[Count, int, int]]
    operations: list[OperationMention]
    op_at: dict[int, tuple[str, str | None]]
    resolver: ArgResolver
    dyad: tuple[str, ...]
    country_places: set[int] = field(default_factory=set)  # place tokens naming a country
    seg_starts: list[int] = field(default_factory=list)
    last_operation: tuple[str | None, EventActor] | None = None  # "the operation" later
    # ACCUSE events so far: (segment index, trigger index, actors, event id)
    accusations: list[tuple[int, int, list[EventActor], str]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # REJECT id -> the ACCUSE it answers
    # who said what, for rejections: (segment, token, the claimant)
    claimants: list[tuple[int, int, EventActor]] = field(default_factory=list)
    dateline_end: int = 0  # tokens before this index are the dateline ("VARSK, April 2 —")
    # the countries each sentence names, (start, end) -> codes (dict_candidates, once)
    sentence_countries: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # each sentence's places as ``attach`` reads them, (start, end) -> rows (once)
    place_rows: dict[tuple[int, int], list[tuple[Place, int, range, int, int, bool, bool]]] = \
        field(default_factory=dict)

    def __post_init__(self) -> None:
        self.seg_starts = [s.start for s in self.sents]
        self._sentence_words: dict[int, set[str]] = {}
        # (``times_in``, ``places_in``, ``day_before``: once per sentence, where each of
        # its candidates looped over the article's)
        self._times_in: dict[tuple[int, int], list[tuple[TimeExpr, int, int]]] = {}
        self._places_in: dict[tuple[int, int], list[tuple[Place, int, int]]] = {}
        self._day_before: dict[tuple[int, int], TimeExpr | None] = {}
        self._trigger_words: list[int] | None = None
        self._parse_words: dict[int, set[str]] = {}

    def trigger_words(self, start: int, end: int) -> list[int]:
        """The tokens in [start, end) whose lemma or form starts a pattern, or that are
        in an operation's name, ascending (the article's found once, by ``map``: a
        sentence's words were tested one by one)."""
        got = self._trigger_words
        if got is None:
            # (as a mask over the tokens, a byte each: a set of indices made them a
            # number each)
            known = self.lex.by_lemma.__contains__
            hit = np.frombuffer(bytes(map(known, self.lemmas)), np.bool_) | np.frombuffer(
                bytes(map(known, self.lowers)), np.bool_)
            hit[list(self.op_at)] = True
            got = self._trigger_words = np.flatnonzero(hit).tolist()
        return got[bisect.bisect_left(got, start):bisect.bisect_left(got, end)]

    def times_in(self, start: int, end: int) -> list[tuple[TimeExpr, int, int]]:
        """``times`` wholly inside tokens [start, end), in their order (shared: callers
        never change it)."""
        got = self._times_in.get((start, end))
        if got is None:
            got = self._times_in[start, end] = _inside(self.times, start, end)
        return got

    def places_in(self, start: int, end: int) -> list[tuple[Place, int, int]]:
        """``places`` wholly inside tokens [start, end), in their order (shared)."""
        got = self._places_in.get((start, end))
        if got is None:
            got = self._places_in[start, end] = _inside(self.places, start, end)
        return got

    def day_before(self, start_char: int, end_char: int) -> TimeExpr | None:
        """The last of ``times`` (in their order) of day precision that starts in
        [start_char, end_char), or None."""
        key = (start_char, end_char)
        if key in self._day_before:
            return self._day_before[key]
        best: TimeExpr | None = None
        for t, _a, _b in self.times:
            if start_char <= t.span[0] < end_char and t.precision == "day":
                best = t
        self._day_before[key] = best
        return best

    def sentence_words(self, k: int) -> set[str]:
        """The lemmas and forms of segment ``k`` (once per segment: a mode read on the
        sentence)."""
        got = self._sentence_words.get(k)
        if got is None:
            s = self.sents[k]
            got = self._sentence_words[k] = set(self.lemmas[s.start:s.end]) | set(
                self.lowers[s.start:s.end])
        return got

    def parse_words(self, i: int) -> set[str] | None:
        """The lemmas and forms of the parser's sentence of token ``i`` (once per
        sentence), which holds every word of the token's parse tree (None where it may
        not: ``tree.sentence_of``)."""
        span = sentence_of(tree_of(self.doc), i)
        if span is None:
            return None
        got = self._parse_words.get(span[0])
        if got is None:
            a, b = span
            got = self._parse_words[a] = set(self.lemmas[a:b])
            got.update(self.lowers[a:b])
        return got

    def segment_of(self, i: int) -> tuple[int, int] | None:
        """Token range of the segment holding token ``i``."""
        k = bisect.bisect_right(self.seg_starts, i) - 1
        if k < 0:
            return None
        return self.sents[k].start, self.sents[k].end

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def paragraph_start(self, char: int) -> int:
        i = bisect.bisect_right(self.para_starts, char) - 1
        return self.para_starts[i] if i >= 0 else 0


def _inside(xs: list[_Spanned], start: int, end: int) -> list[_Spanned]:
    """The items of ``xs`` (thing, first token, last token) wholly inside tokens [start,
    end) (a function of its own: its comprehension made ``start`` and ``end`` cells on
    every read, a cached one too; a loop: no function made per call)."""
    out = []
    for x in xs:
        if start <= x[1] and x[2] < end:
            out.append(x)
    return out


def token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """First and last token (inclusive) a character span covers, None for none."""
    return _inclusive(token_span(doc, span[0], span[1]))


def token_ranges(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """``token_range`` of each span, in one pass."""
    return [_inclusive(got) for got in token_spans(doc, spans)]


def _inclusive(got: tuple[int, int] | None) -> tuple[int, int] | None:
    return None if got is None or got[1] <= got[0] else (got[0], got[1] - 1)


# The second state must be named at least twice and at least this share as often as
# the first for the article to be about the two (a short text, whose first state is
# named three times or fewer, needs no more): a story on one country's own politics that
# names a foreign state in passing has no main dyad (else "Don't blame the president"
# was coded as an accusation by the one foreign state the article mentions once).
DYAD_SHARE = 0.1
SHORT = 3


def main_dyad(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The two states the article's mentions name most (ties: first mentioned), when
    the second is named enough (``DYAD_SHARE``, ``SHORT``); else the first alone (no
    dyad)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        c = m.country
        if c and len(c) == 3 and c.isupper() and c not in NON_STATE:
            counts[c] += 1
            first.setdefault(c, m.span[0])
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    if len(ranked) >= 2 and counts[ranked[0]] > SHORT and (
            counts[ranked[1]] < 2 or counts[ranked[1]] < DYAD_SHARE * counts[ranked[0]]):
        return tuple(ranked[:1])
    return tuple(ranked[:2])


def segments(doc: Doc, kinds: np.ndarray) -> list[Span]:
    """The parser's sentences, cut again at line breaks: a headline or subheading the
    parser glued to the next sentence is a sentence of its own. (Read from token
    columns and each token's kind, ``token_columns``'s: a Token object per word cost a
    fifth of the index.)"""
    breaks = line_breaks(doc)  # (the space tokens holding one: kept for the coder too)
    # words before each token: a segment of spaces and punctuation has none of its own
    words = np.concatenate(([0], np.cumsum((kinds & (SPACE | PUNCT)) == 0))).tolist()
    bounds: list[tuple[int, int]] = []  # (a Span made only for a segment kept)
    for start, end in _sentence_bounds(doc, columns(doc, (SENT_START,))[:, 0]):
        for i in breaks[bisect.bisect_left(breaks, start):bisect.bisect_left(breaks, end)]:
            if i > start:
                bounds.append((start, i))
            start = i + 1
        if start < end:
            bounds.append((start, end))
    # (``Span`` itself: ``doc[a:b]`` reads the slice in Python first, twice the cost)
    return [Span(doc, a, b) for a, b in bounds if words[b] != words[a]]


def _sentence_bounds(doc: Doc, marks: np.ndarray) -> list[tuple[int, int]]:
    """The (start, end) of each of ``doc.sents``, read from the sentence-start column
    as spaCy reads its marks (token 0 and each other marked 1 start one), with no Span
    made per sentence; by ``doc.sents`` itself where a hook makes the sentences or none
    are marked (it raises)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    n = len(doc)
    if not n:
        return []
    starts = [0, *(np.flatnonzero(marks[1:] == 1) + 1).tolist()]
    return list(zip(starts, [*starts[1:], n], strict=True))


# per vocabulary entry, once per vocabulary (a word's attributes are its vocabulary's): a
# lemma's lower-case form; a form's (by its ORTH id) text, without and with its space,
# lower-case form, run-together test, and kind (``SPACE``, ``PUNCT``, ``BREAK`` bits).
# Reading them token by token from spaCy cost a fifth of the index (and a word's own
# attributes are the costly columns of ``to_array``); a vocabulary is a few tens of
# thousands of strings. A document's columns are then read through these tables by
# ``map``, with no Python step per token (and a form's five by one lookup): the tables
# are shared by every document, where strings made per token are new objects each time.
_TABLES: tuple[Vocab | None, dict[int, str], dict[int, tuple[str, str, str, bool, int]]] = (
    None, {}, {})
SPACE, PUNCT, BREAK = 1, 2, 4  # (is_space, is_punct, a space that holds a newline)
_VERBAL = frozenset({VERB, AUX})
_LOWER, _GLUED, _KIND = itemgetter(2), itemgetter(3), itemgetter(4)  # (a form's fields)
# (a server reads new names and numbers for ever: the tables start again past this size)
_TABLE_MAX = 500_000


def token_columns(doc: Doc) -> tuple[str, list[str], list[str], list[bool], list[bool],
                                     np.ndarray]:
    """The text (``doc.text`` builds a Token object per token, twice the cost of this
    whole function), and each token's lower-case lemma and form, whether it is a verb
    or auxiliary, whether it holds tags run together (``GLUED``), and its kind."""
    # (by column: a list per token row would be a thousand objects for the collector)
    lemmas, orths, pos, spacy = columns(doc, (LEMMA, ORTH, POS, SPACY)).T.tolist()
    global _TABLES
    vocab, low, forms = _TABLES
    if vocab is not doc.vocab or len(forms) > _TABLE_MAX:  # (new tables: a thread
        vocab, low, forms = _TABLES = (doc.vocab, {}, {})  # reading the old keeps them)
    # (each read tries the tables first and fills them only on a miss: a document's
    # words are nearly all in them, and a set of its strings to find the new ones cost
    # as much as the reads)
    try:
        got = list(map(forms.__getitem__, orths))
    except KeyError:
        for x in set(orths).difference(forms):
            lex = vocab[x]
            word = lex.orth_
            forms[x] = (word, word + " ", lex.lower_, GLUED.search(word) is not None,
                        SPACE * lex.is_space | PUNCT * lex.is_punct |
                        BREAK * (lex.is_space and "\n" in word))
        got = list(map(forms.__getitem__, orths))
    # (``operator.getitem``: the slot wrapper ``tuple.__getitem__`` cost twice as much)
    text = "".join(map(getitem, got, spacy))  # type: ignore[arg-type]  # (0, 1: str)
    # (a field at a time by ``itemgetter``: ``zip(*got)`` made an iterator per token)
    return (text, _read(low, lemmas, doc, str.lower), list(map(_LOWER, got)),
            list(map(_VERBAL.__contains__, pos)), list(map(_GLUED, got)),
            np.fromiter(map(_KIND, got), np.int8, count=len(got)))


def _read(table: dict[int, str], ids: list[int], doc: Doc,
          how: Callable[[str], str]) -> list[str]:
    """``table``'s string of each id, the missing ones read from the vocabulary (and
    made ``how`` says) first."""
    try:
        return list(map(table.__getitem__, ids))
    except KeyError:
        strings = doc.vocab.strings
        for x in set(ids).difference(table):
            table[x] = how(strings[x])
        return list(map(table.__getitem__, ids))


def build_index(doc: Doc, ctx: ArticleContext, state: State, lex: Lexicon) -> ArticleIndex:
    text, lemmas, lowers, verbal, glued, kinds = token_columns(doc)
    share_words(doc, lemmas, lowers, np.flatnonzero(kinds & BREAK).tolist())
    # Subheadings ("India Denies Strikes on Civilian Targets") restate the paragraph
    # below them in a title-case parse the model gets wrong; they code nothing.
    heads = headline_ranges(text)
    # A fragment with no verb at all (a tag list, a caption, a byline) reports nothing;
    # nor does a scraped tag list whose tags ran together ("tensionIndia foreign
    # policyIndia military"), where the tagger finds verbs in the joins.
    sents = [s for s in segments(doc, kinds)
             if not (heads and any(a <= s.start_char and s.end_char <= b + 1 for a, b in heads))
             and any(verbal[s.start:s.end]) and sum(glued[s.start:s.end]) < 3]
    para_starts = [0]
    at = text.find("\n")
    while at >= 0:
        para_starts.append(at + 1)
        at = text.find("\n", at + 1)
    times, time_at = [], {}
    for t, r in zip(state.times, token_ranges(doc, [t.span for t in state.times]),
                    strict=True):
        if r is not None and t.date is not None and not VAGUE_WEEK.search(t.text):
            times.append((t, r[0], r[1]))
            for i in range(r[0], r[1] + 1):
                time_at[i] = t
    places = []
    for p, r in zip(state.places, token_ranges(doc, [p.span for p in state.places]),
                    strict=True):
        if r is not None:
            places.append((p, r[0], r[1]))
    counts = []
    for c, r in zip(state.counts, token_ranges(doc, [c.span for c in state.counts]),
                    strict=True):
        if r is not None:
            counts.append((c, r[0], r[1]))
    ops = find_operations(text, lex)
    op_at: dict[int, tuple[str, str | None]] = {}
    for o in ops:
        r = token_range(doc, (o.start, o.end))
        if r is not None:
            for i in range(r[0], r[1] + 1):
                op_at[i] = (o.name, o.country)
    mentions: list[Mention] = state.mentions
    actors: list[Actor] = state.actors
    # Optional: the quotes stage, when it ran before us. "we" in a direct quote is the
    # speaker's side, and an event quoted is reported by the speaker.
    quote_speaker: dict[int, Speaker] = {}  # any quote: who reports what it holds
    direct_speaker: dict[int, Speaker] = {}  # direct quotes: whose "we" and "they"
    said = [(q.span, q.speaker, q.kind == "direct") for q in state.quotes
            if q.speaker is not None]
    ranges = token_ranges(doc, [x[0] for x in said])
    # (the first quote over a token is its: the quotes from the last, each one's tokens
    # written over the later ones'; the maps are read by token only, in no order)
    for (_, sp, direct), r in zip(reversed(said), reversed(ranges), strict=True):
        if r is not None:
            inside = dict.fromkeys(range(r[0], r[1] + 1), sp)
            quote_speaker.update(inside)
            if direct:
                direct_speaker.update(inside)
    resolver = ArgResolver(doc, mentions, actors, [p for p, _, _ in places], lex, op_at,
                           direct_speaker, text=text)
    resolver.any_quote_speaker = quote_speaker
    country_ids = {a.id for a in actors if a.type == "COUNTRY"}
    country_places: set[int] = set()
    named = [m.span for m in mentions if m.actor_id in country_ids]
    for r in token_ranges(doc, named):
        if r is not None:
            country_places.update(range(r[0], r[1] + 1))
    dl = DATELINE.match(text)
    dateline_end = 0
    if dl is not None:
        sp = token_span(doc, 0, dl.end())
        dateline_end = sp[1] if sp is not None else 0
    times = [x for x in times if x[1] >= dateline_end]
    resolver.dateline_end = dateline_end
    resolver.day = ctx.published
    return ArticleIndex(doc=doc, text=text, lemmas=lemmas, lowers=lowers, ctx=ctx, lex=lex,
                        sents=sents, dateline_end=dateline_end,
                        sent_starts=[s.start_char for s in sents], para_starts=para_starts,
                        times=times, time_at=time_at, places=places, counts=counts,
                        operations=ops, op_at=op_at, resolver=resolver,
                        dyad=main_dyad(mentions), country_places=country_places)


