"""Quotes with their speakers: direct, indirect and "according to" (stage chronicler.quotes.v1).

``extract_quotes(doc, mentions, actors, article_id)`` is the pure core; the stage reads
the actors stage's ``mentions`` and ``actors`` and assigns ``quotes``.

Direct quotes (``direct=True``, kind ``direct``): each contiguous quoted segment found by
``quote_marks`` is one Quote whose span and text are the words inside the marks (a
trailing comma is left out). A quote split around its cue ("“We will respond,” he said,
“at a time of our choosing.”") gives two Quotes with the same speaker and cue; so does a
quote running over paragraphs (one Quote per paragraph piece). The speaker comes from,
in this order:

1. the cue verb that governs the quote in the parse, through a clause (ccomp, xcomp,
   oprd) or an "as" phrase ("dismissed the claims as 'baseless'", "what he called
   'any sign of desperation'", "stating that 'it takes two to tango'");
2. a cue clause right next to the quote, with only punctuation between
   ("“...,” Dar said", "said Ishaq Dar", "Dar clarified, “...", "According to the
   embassy, '...'"); this also links the second half of a split quote to its cue;
3. "according to X" elsewhere in the sentence;
4. the other pieces of the same multi-paragraph quote;
5. for quotes that read as sentences (three words or more, capitalised): the previous
   attributed quote in the same paragraph; the last quote of the previous paragraph when
   this paragraph is the quote alone (a speaker goes on talking); a cue verb with a
   speaker in the previous sentence of the paragraph ("Dar was blunt. He ... “...”").

A quote with no speaker is kept only when it reads as a full sentence of eight words or
more (speaker None). Never a Quote: short quoted terms with no cue ("so-called “terror
camps”": see ``scare_quotes``), titles and names ("the film “Border”", “Operation
Sindoor”), and quotes in headlines unless the headline names the speaker with a colon
("‘We will respond’: Dar").

Indirect quotes (``direct=False``, kind ``indirect``): a cue verb outside quotes with a
clausal complement ("said (that) ...", "told reporters that ...", "urged X to ..."), or,
for characterising verbs, an object ("denied the allegations", "dismissed the claims as
..."), whose speaker is grounded (an actor, a resolved pronoun, or a source noun such as
"officials"). The span is the complement, without "that". Not emitted when a direct
quote covers most of it, or when the cue itself sits inside another indirect quote
("Dar recalled that India had denied ...": Dar's report only).

"According to X" (``direct=False``, kind ``according_to``): speaker X, whatever it is
("officials", "ongoing analysis" keep their text as the name); the span is the rest of
the sentence. When the attributed words are a direct quote, the direct quote takes X as
its speaker instead.

Quote ids are ``content_id("quote", article_id, start, end)``.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronicler.nlp.quote_marks import (
    QuoteSegment,
    find_quote_segments,
    is_headline_like,
    paragraph_spans,
    word_count,
)
from chronicler.nlp.speakers import (
    DIRECT_KINDS,
    INDIRECT_KINDS,
    CueLexicon,
    SpeakerResolver,
    cue_subject,
    load_cues,
)
from chronicler.nlp.stages import ArticleContext, Stage, State, register
from chronicler.records import Actor, Mention, Quote, Speaker, content_id

__all__ = ["extract_quotes", "scare_quotes", "STAGE"]

_CLAUSE_EDGES = frozenset({"ccomp", "parataxis", "xcomp", "oprd"})
# a quote that is (part of) the cue's object phrase itself: "He said “no”"
_OBJECT_PATH = frozenset({"dobj", "attr", "acomp", "oprd", "conj", "cc", "amod", "compound",
                          "appos", "det", "nummod"})
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?"
                       r"(?:\s+\([^)]*\))?\s*[—–:-]+\s*")
_BETWEEN_PUNCT = frozenset(",:;—–-\"“”'‘’«»„")
_MAX_BETWEEN = 15
_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by",
                          "with", "de", "e", "-"})
_LAST_WORD = re.compile(r"([\w-]+)[\s,:]*$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_COLON_AFTER = re.compile(r"[\s,]*:\s*")
_COLON_BEFORE = re.compile(r":\s*$")
_STRIP_TAIL = ",;: \n\t"
_MIN_SPEAKERLESS_WORDS = 8
_SCARE_MAX_WORDS = 4


@dataclass
class _Direct:
    """A quoted segment on its way to becoming a Quote (or not)."""

    seg: QuoteSegment
    first: int  # token index range of the words inside the marks
    last: int
    open_tok: int
    close_tok: int | None
    words: int
    full: bool  # reads as a sentence: may inherit a speaker from context
    name_like: bool  # "Operation Sindoor": a name in quote marks
    title: bool  # after "the film", "so-called", "titled" ...
    headline: bool
    cue: str | None = None
    speaker: Speaker | None = None
    how: str = ""  # which rule attributed it: governs, adjacent, according, ...
    emit: bool = False


class _Ctx:
    """Per-article lookups shared by the passes (built once per document)."""

    def __init__(self, doc: Doc, text: str, segs: Sequence[QuoteSegment],
                 resolver: SpeakerResolver, lex: CueLexicon) -> None:
        self.doc, self.text, self.resolver, self.lex = doc, text, resolver, lex
        self.tok_starts = [t.idx for t in doc]
        self.paras = paragraph_spans(text)
        self.para_starts = [p[0] for p in self.paras]
        self.in_quote = bytearray(len(doc))  # tokens inside any segment, marks included
        for s in segs:
            lo, hi = s.outer
            for i in range(self.tok_at(lo), self.tok_at(max(lo, hi - 1)) + 1):
                self.in_quote[i] = 1
        self.segs = segs
        self.direct_chars = sorted((s.start, s.end) for s in segs)
        # cue kinds of every token, looked up once (most tokens are not verbs: empty)
        self.kinds = [lex.kinds(t) for t in doc]
        self.according = _according_phrases(self)
        self.headline_paras = {i for i, (lo, hi) in enumerate(self.paras)
                               if is_headline_like(text, lo, hi)}

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sent_of(self, tok: int) -> int:
        return self.resolver.sentence_of(self.doc[tok].idx)

    def speaker_of(self, cue: Token) -> Speaker | None:
        subj = cue_subject(cue, self.lex, self.text)
        return self.resolver.resolve(subj).speaker if subj is not None else None

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


# ---------------------------------------------------------------- segment facts
def _name_like(q: str) -> bool:
    words = q.strip(" ,.;:!?…").split()
    if not 2 <= len(words) <= 6 or _SENTENCE_INSIDE.search(q):
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha()
               for w in words)


def _is_full(q: str, words: int) -> bool:
    first = next((ch for ch in q if ch.isalpha()), "")
    return words >= 3 and first.isupper()


def _make_direct(ctx: _Ctx, seg: QuoteSegment) -> _Direct:
    q = seg.text(ctx.text)
    words = word_count(q)
    plo, phi = ctx.paras[seg.para]
    before = ctx.text[plo:seg.open_at]
    m = _LAST_WORD.search(before)
    title = m is not None and ctx.lex.is_title_word(m.group(1)) \
        and not before.rstrip().endswith(",")
    close_tok = ctx.tok_at(seg.close_at) if seg.close_at is not None else None
    return _Direct(
        seg=seg, first=ctx.tok_at(seg.start), last=ctx.tok_at(seg.end - 1),
        open_tok=ctx.tok_at(seg.open_at), close_tok=close_tok, words=words,
        full=_is_full(q, words) and not _name_like(q), name_like=_name_like(q), title=title,
        headline=seg.para in ctx.headline_paras,
    )


# ---------------------------------------------------------------- attribution rules
def _governing_cue(ctx: _Ctx, d: _Direct) -> Token | None:
    """Rule 1: walk up the parse from the quote to the first cue verb above it."""
    doc = ctx.doc
    for i in range(d.first, d.last + 1):
        t = doc[i]
        if t.is_punct or t.is_space or d.first <= t.head.i <= d.last and t.head.i != t.i:
            continue
        deps: list[str] = []
        via_as = False
        cur = t
        for _ in range(12):
            if cur.head.i == cur.i:
                break
            deps.append(cur.dep_)
            via_as |= cur.dep_ == "prep" and cur.lower_ == "as"
            cur = cur.head
            if ctx.in_quote[cur.i]:
                continue
            if ctx.kinds[cur.i] & DIRECT_KINDS and not _unreal(cur) and (
                    via_as or _CLAUSE_EDGES.intersection(deps)
                    or _OBJECT_PATH.issuperset(deps)):
                return cur
            # a cue whose object merely contains the quote ("welcome help from “...”")
            # is not its source, nor is one that did not happen ("she said the
            # government must explain “...”"); a speech verb higher up may be
    return None


def _unreal(cue: Token) -> bool:
    """A speech act that is wished, demanded or denied rather than reported: "must
    explain", "will not say", "did not deny"."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in cue.children)


def _cue_candidates(ctx: _Ctx) -> list[tuple[Token, str]]:
    """Cue verbs (and "according to" heads, kind ``according``) outside quotes."""
    out = []
    for t in ctx.doc:
        if ctx.in_quote[t.i]:
            continue
        if ctx.kinds[t.i] & DIRECT_KINDS:
            out.append((t, "verb"))
    out += [(head, "according") for head, _ in ctx.according]
    out.sort(key=lambda c: c[0].i)
    return out


def _adjacent(ctx: _Ctx, d: _Direct, cue: Token) -> int | None:
    """Rule 2: number of tokens between the quote and cue's clause, if only the cue's
    own words (its subject, an adverb, an object) and punctuation stand between them."""
    doc = ctx.doc
    if d.close_tok is not None and cue.i > d.close_tok:
        between = range(d.close_tok + 1, cue.i)
    elif cue.i < d.open_tok:
        between = range(cue.i + 1, d.open_tok)
    else:
        return None
    if len(between) > _MAX_BETWEEN:
        return None
    lo, hi = cue.left_edge.i, cue.right_edge.i
    for j in between:
        t = doc[j]
        if "\n" in t.text or ctx.in_quote[j]:
            return None
        if t.is_punct and t.text not in _BETWEEN_PUNCT:
            return None  # a full stop between: another sentence
        if not (t.is_punct or lo <= j <= hi):
            return None
    edge = d.close_tok if cue.i > d.open_tok else d.open_tok
    if ctx.sent_of(cue.i) != ctx.sent_of(edge if edge is not None else d.open_tok) \
            and any(c.dep_ == "ccomp" and not ctx.in_quote[c.i] for c in cue.children):
        return None  # "“...” He said that ...": a new statement, not a tag
    return len(between)


def _attribute(ctx: _Ctx, d: _Direct, cands: list[tuple[Token, str]],
               according: dict[int, Token]) -> None:
    cue = _governing_cue(ctx, d)
    if cue is not None:
        d.cue, d.speaker, d.how = ctx.lex.cue_name(cue), ctx.speaker_of(cue), "governs"
        return
    lo_sent = ctx.sent_of(d.open_tok) - 1
    hi_sent = ctx.sent_of(d.close_tok if d.close_tok is not None else d.last) + 1
    best: tuple[int, Token, str] | None = None
    for tok, kind in cands:
        if not lo_sent <= ctx.sent_of(tok.i) <= hi_sent:
            continue
        n = _adjacent(ctx, d, tok)
        if n is not None and (best is None or n < best[0]):
            best = (n, tok, kind)
    if best is not None:
        _, tok, kind = best
        if kind == "according":
            d.cue, d.how = _according_name(ctx, tok), "adjacent"
            d.speaker = ctx.resolver.resolve(according[tok.i]).speaker
        else:
            d.cue, d.speaker, d.how = ctx.lex.cue_name(tok), ctx.speaker_of(tok), "adjacent"
        return
    sent = ctx.sent_of(d.first)
    for head_i, obj in according.items():
        if ctx.sent_of(head_i) == sent:  # rule 3
            d.cue, d.how = _according_name(ctx, ctx.doc[head_i]), "according"
            d.speaker = ctx.resolver.resolve(obj).speaker
            return


def _headline_speaker(ctx: _Ctx, d: _Direct) -> None:
    """Headline convention: "‘We will respond’: Dar" or "Dar: ‘We will respond’"."""
    plo, phi = ctx.paras[d.seg.para]
    after_at = d.seg.outer[1]
    m = _COLON_AFTER.match(ctx.text, after_at, phi)
    if m and m.group().strip(" ,") == ":":
        for t in ctx.doc[ctx.tok_at(m.end()):ctx.tok_at(phi - 1) + 1]:
            if ctx.kinds[t.i] & DIRECT_KINDS:
                d.speaker = ctx.speaker_of(t)
                d.cue = ctx.lex.cue_name(t)
                break
        if d.speaker is None:
            t = ctx.doc[ctx.tok_at(m.end())]
            if t.pos_ in ("PROPN", "NOUN"):
                while t.head.i != t.i and t.dep_ in ("compound", "poss", "case") \
                        and t.head.i > t.i:
                    t = t.head
                d.speaker = ctx.resolver.resolve(t).speaker
    elif _COLON_BEFORE.search(ctx.text[plo:d.seg.open_at]):
        colon = ctx.tok_at(ctx.text.rindex(":", plo, d.seg.open_at))
        if colon > 0 and ctx.doc[colon - 1].pos_ in ("PROPN", "NOUN"):
            d.speaker = ctx.resolver.resolve(ctx.doc[colon - 1]).speaker
    if d.speaker is not None:
        d.how = "headline"


def _inherit(ctx: _Ctx, ds: list[_Direct]) -> None:
    """Rules 4 and 5: chains, the speaker going on talking, the previous sentence."""
    by_chain: dict[int, _Direct] = {}
    for d in ds:
        if d.speaker is not None and d.seg.chain not in by_chain:
            by_chain[d.seg.chain] = d
    last: _Direct | None = None  # last attributed quote so far
    for k, d in enumerate(ds):
        src = by_chain.get(d.seg.chain)
        if d.speaker is None and src is not None:
            d.speaker, d.cue, d.how = src.speaker, src.cue, "chain"
        if d.speaker is None and d.full and not d.headline and not d.title:
            if last is not None and last.seg.para == d.seg.para:
                d.speaker, d.cue, d.how = last.speaker, last.cue, "same paragraph"
            elif (last is not None and last.seg.para == d.seg.para - 1
                  and _quote_alone(ctx, ds, d.seg.para)
                  and all(x.seg.para != last.seg.para for x in ds[ds.index(last) + 1:k])):
                d.speaker, d.cue, d.how = last.speaker, last.cue, "next paragraph"
            else:
                _previous_sentence(ctx, d)
        if d.speaker is not None and not d.title:
            last = d


def _quote_alone(ctx: _Ctx, ds: list[_Direct], para: int) -> bool:
    lo, hi = ctx.paras[para]
    chars = list(ctx.text[lo:hi])
    for d in ds:
        if d.seg.para == para:
            s, e = d.seg.outer
            for i in range(max(s, lo), min(e, hi)):
                chars[i - lo] = " "
    return not any(ch.isalnum() for ch in chars)


def _previous_sentence(ctx: _Ctx, d: _Direct) -> None:
    sents = ctx.resolver.sents
    si = ctx.sent_of(d.first)
    if si == 0:
        return
    prev = sents[si - 1]
    if ctx.para_of(prev.start_char) != d.seg.para:
        return
    for t in reversed(prev):
        if not ctx.in_quote[t.i] and ctx.kinds[t.i] & DIRECT_KINDS:
            subj = cue_subject(t, ctx.lex, ctx.text)
            if subj is None:
                continue
            r = ctx.resolver.resolve(subj)
            if r.grounded:
                d.speaker, d.cue, d.how = r.speaker, ctx.lex.cue_name(t), "previous sentence"
                return


def _decide(d: _Direct) -> bool:
    if d.title:
        return False
    if d.headline:
        return d.how == "headline"
    if d.name_like and d.how not in ("adjacent", "headline"):
        return False
    if d.speaker is not None:
        return True
    if d.cue is not None:
        return d.full or d.words >= 3
    return d.full and d.words >= _MIN_SPEAKERLESS_WORDS


def _direct_pass(ctx: _Ctx, segs: Sequence[QuoteSegment]) -> list[_Direct]:
    ds = [_make_direct(ctx, s) for s in segs]
    cands = _cue_candidates(ctx)
    according = {h.i: obj for h, obj in ctx.according}
    for d in ds:
        if d.title:
            continue
        if d.headline:
            _headline_speaker(ctx, d)
        else:
            _attribute(ctx, d, cands, according)
    _inherit(ctx, ds)
    for d in ds:
        d.emit = _decide(d)
    return ds


# ---------------------------------------------------------------- according to
def _according_phrases(ctx: _Ctx) -> list[tuple[Token, Token]]:
    """(head token of the phrase, the source's head token) for "according to X"."""
    doc = ctx.doc
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


def _according_name(ctx: _Ctx, head: Token) -> str:
    for ph in ctx.lex.phrases:
        if head.lower_ == ph[0]:
            n = len(ph)
            if all(ctx.doc[head.i + j].lower_ == ph[j] for j in range(1, n)
                   if head.i + j < len(ctx.doc)):
                return " ".join(ph)
    return head.lower_


def _according_quotes(ctx: _Ctx, article_id: str) -> list[Quote]:
    out = []
    for head, obj in ctx.according:
        if ctx.para_of(head.idx) in ctx.headline_paras:
            continue
        sent = head.sent
        p_lo = head.i
        p_hi = max(head.right_edge.i, obj.right_edge.i)
        before = [t for t in ctx.doc[sent.start:p_lo] if not (t.is_punct or t.is_space)]
        after = [t for t in ctx.doc[p_hi + 1:sent.end] if not (t.is_punct or t.is_space)]
        if not before and after:
            toks = after
        elif before and not after:
            toks = before
        elif before:
            toks = before + after
        else:
            continue
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        if ctx.quoted_share(s, e) >= 0.5:
            continue  # the direct quote carries this attribution
        speaker = ctx.resolver.resolve(obj).speaker
        out.append(_quote(ctx.text, article_id, s, e, False, _according_name(ctx, head),
                          speaker, "according_to"))
    return out


# ---------------------------------------------------------------- indirect
def _complement(cue: Token, kinds: frozenset[str], lo: int, hi: int) -> list[Token]:
    """What the cue reports: its clause, else (directives) object + infinitive, else
    (characterising verbs) object + "as/of/for" phrase. Only children within the
    characters [lo, hi) count: a heading glued on by the parser is not a complement."""
    children = [c for c in cue.children if lo <= c.idx < hi]
    comps = [c for c in children if c.dep_ == "ccomp"]
    if not comps and "directive" in kinds:
        comps = [c for c in children if c.dep_ in ("xcomp", "dobj", "dative")]
        if not any(c.dep_ == "xcomp" for c in comps):
            comps = []
    if not comps and "characterize" in kinds:
        obj = [c for c in children if c.dep_ == "dobj" and c.pos_ not in ("PRON",)]
        if obj:
            comps = obj + [c for c in children
                           if (c.dep_ == "prep" and c.lower_ in ("as", "of", "for")
                               or c.dep_ in ("oprd", "xcomp")) and c.i > obj[0].i]
    return comps


def _closes_inner_quote(ctx: _Ctx, start: int, tok: Token) -> bool:
    """A closing mark ending the span whose opening mark is inside it stays:
    'India struck so-called “terror camps”', not '... “terror camps'."""
    if len(tok.text) != 1 or tok.text not in "”’\"'»":
        return False
    return any(start <= s.open_at and s.close_at == tok.idx for s in ctx.segs)


def _indirect_quotes(ctx: _Ctx, article_id: str) -> list[Quote]:
    doc = ctx.doc
    found: list[tuple[Token, int, int, Speaker]] = []
    for t in doc:
        kinds = ctx.kinds[t.i] & INDIRECT_KINDS
        if not kinds or ctx.in_quote[t.i] or _unreal(t):
            continue
        para = ctx.para_of(t.idx)
        if para in ctx.headline_paras:
            continue  # "India Denies Strikes on Civilian Targets" is a heading
        # a parse that runs over a paragraph break (a heading glued to the next
        # paragraph) is cut back to the cue's paragraph, and a complement after its
        # verb starts after it
        plo, phi = ctx.paras[para]
        comps = _complement(t, kinds, plo, phi)
        if not comps:
            continue
        lo = max(min(c.left_edge.i for c in comps), ctx.tok_at(plo))
        hi = min(max(c.right_edge.i for c in comps), ctx.tok_at(phi - 1))
        if all(c.i > t.i for c in comps):
            lo = max(lo, t.i + 1)
        while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                            or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
            lo += 1
        while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) \
                and not _closes_inner_quote(ctx, doc[lo].idx, doc[hi]):
            hi -= 1
        if sum(1 for x in doc[lo:hi + 1] if not x.is_punct) < 2:
            continue
        s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
        m = _DATELINE.match(ctx.text, s, e)
        if m:  # "VARSK, March 11 (CPA) — Gunmen opened fire ..., officials said."
            lo = ctx.tok_at(m.end())
            s = doc[lo].idx
        if ctx.quoted_share(s, e) >= 0.5:
            continue  # the direct quote is the report
        subj = cue_subject(t, ctx.lex, ctx.text)
        if subj is None:
            continue
        r = ctx.resolver.resolve(subj)
        if not r.grounded:
            continue
        found.append((t, lo, hi, r.speaker))
    out = []
    for t, lo, hi, speaker in found:
        if any(o is not t and lo2 <= t.i <= hi2 for o, lo2, hi2, _ in found):
            continue  # a report inside someone's report belongs to the outer speaker
        s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
        out.append(_quote(ctx.text, article_id, s, e, False, ctx.lex.cue_name(t), speaker,
                          "indirect"))
    return out


# ---------------------------------------------------------------- assembly
def _quote(text: str, article_id: str, s: int, e: int, direct: bool, cue: str | None,
           speaker: Speaker | None, kind: str) -> Quote:
    while e > s and text[e - 1] in _STRIP_TAIL:
        e -= 1
    return Quote(id=content_id("quote", article_id, str(s), str(e)), article_id=article_id,
                 text=text[s:e], direct=direct, cue=cue, speaker=speaker, span=(s, e),
                 kind=kind)  # type: ignore[arg-type]


def _prepare(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor]
             ) -> tuple[_Ctx, list[_Direct]]:
    resolver = SpeakerResolver(doc, mentions, actors)
    segs = find_quote_segments(resolver.text)
    ctx = _Ctx(doc, resolver.text, segs, resolver, load_cues())
    return ctx, _direct_pass(ctx, segs)


def extract_quotes(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor],
                   article_id: str) -> list[Quote]:
    """Direct, indirect and according-to quotes of one parsed article, in text order."""
    ctx, ds = _prepare(doc, mentions, actors)
    quotes = [_quote(ctx.text, article_id, d.seg.start, d.seg.end, True, d.cue, d.speaker,
                     "direct") for d in ds if d.emit]
    quotes += _indirect_quotes(ctx, article_id)
    quotes += _according_quotes(ctx, article_id)
    seen: set[tuple[int, int]] = set()
    out = []
    for q in sorted(quotes, key=lambda q: (q.span[0], not q.direct, q.span[1])):
        if q.span not in seen and q.span[1] > q.span[0]:
            seen.add(q.span)
            out.append(q)
    return out


def scare_quotes(doc: Doc) -> list[tuple[int, int]]:
    """Spans of short quoted terms (up to four words) that no one is quoted as saying:
    "so-called “terror camps”", “Operation Sindoor”. Titles after "the film", "titled"
    and the like are left out. For the framing stage."""
    ctx, ds = _prepare(doc, (), ())
    return [(d.seg.start, d.seg.end) for d in ds
            if not d.emit and d.words <= _SCARE_MAX_WORDS and d.how == ""
            and (not d.title or _is_so_called(ctx.text, d.seg))]


def _is_so_called(text: str, seg: QuoteSegment) -> bool:
    return text[max(0, seg.open_at - 12):seg.open_at].rstrip().lower().endswith("so-called")


# ---------------------------------------------------------------- stage
def _run(doc: Doc, ctx: ArticleContext, state: State) -> State:
    return {"quotes": extract_quotes(doc, state.get("mentions", []), state.get("actors", []),
                                     ctx.article_id)}


STAGE = register(Stage(
    name="chronicler.quotes.v1",
    requires=("token.dep", "token.head", "doc.sents", "token.lemma", "mentions", "actors"),
    assigns=("quotes",),
    run=_run,
    doc="direct, indirect and according-to quotes with speakers resolved to actors",
))


def _demo(text: str) -> None:
    """``python -m chronicler.nlp.quotes "text"``: parse, run the actors stage when it is
    installed (else take the model's named entities as mentions) and print the quotes."""
    from chronicler.config import Settings
    from chronicler.nlp.model import load_spacy

    mentions: list[Mention] = []
    actors: list[Actor] = []
    try:
        from chronicler.nlp import actors as actors_stage  # noqa: F401
        from chronicler.nlp.stages import REGISTRY
        st = REGISTRY["chronicler.actors.v1"]
    except (ImportError, KeyError):
        st = None
    pats = st.patterns() if st is not None and st.patterns is not None else []
    nlp = load_spacy(Settings.from_env().spacy_model, patterns=pats)
    doc = nlp(text)
    if st is not None:
        state = st.run(doc, ArticleContext(article_id="demo"), {})
        mentions, actors = state["mentions"], state["actors"]
    else:
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                aid = content_id("actor", ent.text)
                mentions.append(Mention(article_id="demo", actor_id=aid, text=ent.text,
                                        span=(ent.start_char, ent.end_char), label=ent.label_))
                actors.append(Actor(id=aid, name=ent.text,
                                    type="COUNTRY" if ent.label_ == "GPE" else
                                    "PERSON" if ent.label_ == "PERSON" else "ORG"))
    for q in extract_quotes(doc, mentions, actors, "demo"):
        who = q.speaker.name if q.speaker else "?"
        extra = f" [{q.speaker.country or '-'} {q.speaker.sector or '-'}]" if q.speaker else ""
        print(f"{q.kind:12} {who}{extra} ({q.cue}): {q.text}")
    for s, e in scare_quotes(doc):
        print(f"{'scare':12} {text[s:e]}")


if __name__ == "__main__":
    _demo(" ".join(sys.argv[1:]) or "“We will respond,” Pakistan's Foreign Minister "
          "Ishaq Dar said, “at a time of our choosing.”")
