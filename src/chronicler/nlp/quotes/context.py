"""Per-article lookups shared by the quote passes, built once per document.

Token and paragraph lookups, which tokens sit inside quote marks, the cue kind of every
token, "according to" phrases, and headline paragraphs. See ``quotes.py`` for the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import numpy as np
from spacy.attrs import IDX, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from chronicler.nlp.quotes.cues import CueLexicon
from chronicler.nlp.quotes.marks import QuoteSegment, is_headline_like, paragraph_spans
from chronicler.nlp.quotes.speakers import SpeakerResolver
from chronicler.nlp.quotes.subjects import cue_subject
from chronicler.records import Speaker

_WORD = re.compile(r"\w+")

_NO_KINDS: frozenset[str] = frozenset()


class QuoteContext:
    """Per-article lookups shared by the passes (built once per document)."""

    def __init__(self, doc: Doc, text: str, segs: Sequence[QuoteSegment],
                 resolver: SpeakerResolver, lex: CueLexicon) -> None:
        self.doc, self.text, self.resolver, self.lex = doc, text, resolver, lex
        # spaCy builds a Token object on every access: build them once per document
        self.toks: list[Token] = list(doc)
        self.tok_starts: list[int] = doc.to_array(IDX).tolist()
        self.paras = paragraph_spans(text)
        self.para_starts = [p[0] for p in self.paras]
        self.in_quote = bytearray(len(doc))  # tokens inside any segment, marks included
        for s in segs:
            lo, hi = s.outer
            for i in range(self.tok_at(lo), self.tok_at(max(lo, hi - 1)) + 1):
                self.in_quote[i] = 1
        self.segs = segs
        self.direct_chars = sorted((s.start, s.end) for s in segs)
        # cue kinds of every token, looked up once; only verbs can be cues, and the
        # POS array finds them without touching the other tokens
        self.kinds: list[frozenset[str]] = [_NO_KINDS] * len(self.toks)
        for i in np.flatnonzero(doc.to_array(POS) == VERB).tolist():
            self.kinds[i] = lex.kinds(self.toks[i])
        self.according = according_phrases(self)
        self.headline_paras = {i for i, (lo, hi) in enumerate(self.paras)
                               if is_headline_like(text, lo, hi)}

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sent_of(self, tok: int) -> int:
        return self.resolver.sentence_of(self.tok_starts[tok])

    def speaker_of(self, cue: Token) -> Speaker | None:
        """The cue's speaker; None when there is no subject or it is a pronoun we could
        not resolve (a Speaker named "he" would tell a reader nothing)."""
        subj = cue_subject(cue, self.lex, self.text)
        if subj is None:
            return None
        r = self.resolver.resolve(subj)
        return None if not r.grounded and subj.pos_ == "PRON" else r.speaker

    def quoted_word_share(self, s: int, e: int) -> float:
        """Share of the words of [s, e) that lie inside direct quotes: what "mostly
        quoted" means for a reader ("called it a “starting point for talks”" is 5
        quoted words of 7, not the writer's paraphrase; "it" weighs as a word, not as
        two letters)."""
        words = [s + m.start() for m in _WORD.finditer(self.text[s:e])]
        if not words:
            return 0.0
        starts = [qs for qs, _ in self.direct_chars]
        inside = 0
        for w in words:  # segments do not nest: the last one starting at or before w
            k = bisect.bisect_right(starts, w) - 1
            inside += k >= 0 and w < self.direct_chars[k][1]
        return inside / len(words)

    def quoted_share(self, s: int, e: int) -> float:
        """Share of the non-space characters of [s, e) that lie inside direct quotes."""
        total = sum(1 for ch in self.text[s:e] if not ch.isspace())
        if not total:
            return 0.0
        inside = 0
        for qs, qe in self.direct_chars:
            lo, hi = max(s, qs), min(e, qe)
            if lo < hi:
                inside += sum(1 for ch in self.text[lo:hi] if not ch.isspace())
        return inside / total


def is_unreal(cue: Token) -> bool:
    """A speech act that is wished, demanded or denied rather than reported: "must
    explain", "will not say", "did not deny"."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in cue.children)


def according_phrases(ctx: QuoteContext) -> list[tuple[Token, Token]]:
    """(head token of the phrase, the source's head token) for "according to X"."""
    doc = ctx.toks
    firsts = {ph[0] for ph in ctx.lex.phrases}
    out = []
    for t in doc:
        if t.lower_ not in firsts or ctx.in_quote[t.i]:
            continue
        for ph in ctx.lex.phrases:
            n = len(ph)
            if t.i + n > len(doc) or t.lower_ != ph[0]:
                continue
            if any(doc[t.i + j].lower_ != ph[j] for j in range(1, n)):
                continue
            last = doc[t.i + n - 1]
            obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
            if obj is not None:
                out.append((t, obj))
                break
    return out


def according_name(ctx: QuoteContext, head: Token) -> str:
    """The cue string of the phrase starting at ``head``: "according to"."""
    doc = ctx.toks
    for ph in ctx.lex.phrases:  # longest first
        if head.i + len(ph) <= len(doc) and all(
                doc[head.i + j].lower_ == w for j, w in enumerate(ph)):
            return " ".join(ph)
    return head.lower_
