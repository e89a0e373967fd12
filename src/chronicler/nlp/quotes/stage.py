"""Quotes with their speakers: direct, indirect and "according to" (stage chronicler.quotes.v1).

``extract_quotes(doc, mentions, actors, article_id)`` is the pure core; the stage reads
the actors stage's ``mentions`` and ``actors`` and assigns ``quotes``.

The unit is one Quote per act of attribution (``UNIT``): the quoted pieces below are
found one by one, then a speaker going on after "he said." with no cue of their own
continues the same Quote, and a quoted phrase inside a reported clause is that clause's
content (``assemble.fold_partial_quotes``). ``unit="quote"`` keeps every piece apart.

Direct quotes (``direct=True``, kind ``direct``): each quoted segment found by
``quote_marks`` is one Quote whose span and text are the words inside the marks (a
trailing comma is left out), with two exceptions that follow the gold convention
(eval/README.md): a sentence quoted in two parts around its attribution ("“We will
respond,” he said, “at a time of our choosing.”") is one Quote from the first word of
the first part to the last word of the second, the attribution and inner marks
included; so is a quote running over paragraphs. The speaker comes from, in this order:

1. the cue verb that governs the quote in the parse: through a clause (ccomp, xcomp,
   oprd), an "as" phrase ("dismissed the claims as “baseless”", "what he called “any
   sign of desperation”"), or a short object phrase ("would welcome help from
   “friendly countries”"); a parenthetical cue on the quote's clause ("The attack, she
   said, had “clear links ...”"); the quoted predicate's own subject ("Abara “strongly
   condemned” the attack"). Cues that did not happen ("must explain", "will not say")
   are passed over;
2. a cue clause right next to the quote, with only its own words and punctuation
   between ("“...,” Dar said", "said Ishaq Dar", "Dar clarified, “...", "According to
   the embassy, '...'"); this also links the second part of a split sentence to its cue;
3. "according to X" elsewhere in the sentence;
4. the other pieces of the same multi-paragraph quote;
5. for quotes that read as sentences (three words or more, capitalised): the previous
   attributed quote in the same paragraph; the last quote of the previous paragraph when
   this paragraph is the quote alone (a speaker goes on talking); a cue with a speaker
   in the sentence before (in the paragraph, or ending the previous one with a colon).

A quote with a cue but no speaker we can name (an unresolved "he", a passive "was
described as “...”") is kept with speaker None; one with neither cue nor speaker only
when it reads as a full sentence of eight words or more. Never a Quote: short quoted
terms with no cue ("so-called “terror camps”": see ``scare_quotes``), titles and names
("the film “Border”", “Operation Sindoor”), and quotes in headlines unless the headline
names the speaker with a colon ("‘We will respond’: Dar").

Indirect quotes (``direct=False``, kind ``indirect``): a cue verb outside quotes with a
clausal complement ("said (that) ...", "told reporters that ...", "reiterated its stance
that ...", "urged X to ..."), or, for characterising verbs, an object ("denied the
allegations", "dismissed the claims as ..."), whose speaker is grounded: an actor, a
resolved pronoun, or a source noun such as "officials" (an unresolved he/she/they gives
speaker None). The span is the clause without "that" or a final period; it ends before
a trailing participle of saying, which is a report of its own with the same speaker
("Pakistan will not “beg” for talks | , stating that ..."), before a clause of the
writer's ("even as", "although"), and before a second that-clause that is all quote.
Not emitted when the whole clause is inside quote marks (the direct quote is the
report), or when the cue sits inside another indirect quote ("Dar recalled that India
had denied ...": Dar's report only) unless in a clause of the writer's ("..., although
officials later said ...").

Datelines ("VARSK, March 12 (CPA) —") are never speakers and never reported words.

"According to X" (``direct=False``, kind ``according_to``): speaker X, whatever it is
("officials", "ongoing analysis" keep their text as the name); the span is the rest of
the sentence. When the attributed words are a direct quote, the direct quote takes X as
its speaker instead. A report inside that span ("ads that oppose both candidates,
according to filings") is X's, not one of its own.

Per attribution (``UNIT``), a reported clause with a quoted phrase in it is direct when
three quarters of its words or more are inside the marks (words, not letters: "called it
a “starting point for talks”" is the writer's sentence), and a paragraph that is a quote
alone, after a paragraph ending with the same speaker's quote, continues that quote.

Quote ids are ``content_id("quote", article_id, start, end)``.

Modules: ``quote_marks`` (marks -> segments, text only), ``cues`` (cue lexicon from
``data/quotes/cues.txt`` and ``sources.txt``), ``subjects`` (cue -> speaker token),
``speakers`` (speaker token -> Speaker), ``quote_context``
(per-article lookups), ``direct_quotes`` (the direct-quote rules above), this module
(indirect and according-to quotes, assembly, the stage, and a demo:
``chronicler debug quotes "text"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Doc

from chronicler.nlp.quotes.assemble import fold_partial_quotes, make_quote
from chronicler.nlp.quotes.context import QuoteContext, according_name
from chronicler.nlp.quotes.cues import load_cues
from chronicler.nlp.quotes.direct import Direct, direct_pass
from chronicler.nlp.quotes.frames import finding_reports
from chronicler.nlp.quotes.indirect import indirect_quotes
from chronicler.nlp.quotes.marks import QuoteSegment, find_quote_segments
from chronicler.nlp.quotes.nouns import noun_reports
from chronicler.nlp.quotes.speakers import SpeakerResolver
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Actor, Mention, Quote

__all__ = ["extract_quotes", "scare_quotes", "STAGE"]

_SCARE_MAX_WORDS = 4
Unit = Literal["quote", "attribution"]
# What the pipeline exports: one Quote per act of attribution (PolNeAR's unit, and what an
# analyst counts: "Dar said X" once, with all its quoted pieces as content, not a clause
# plus a copy of each quoted phrase in it). "quote" (one per quoted piece) stays for
# comparison: ``python -m eval.polnear quotes CACHE --unit quote``.
UNIT: Unit = "attribution"


# ---------------------------------------------------------------- according to
def _according_quotes(ctx: QuoteContext, article_id: str) -> list[Quote]:
    out = []
    for head, obj in ctx.according:
        if ctx.para_of(head.idx) in ctx.headline_paras:
            continue
        sent = head.sent
        plo, phi = ctx.paras[ctx.para_of(head.idx)]  # a sentence never leaves its paragraph
        p_lo = head.i
        p_hi = max(head.right_edge.i, obj.right_edge.i)
        before = [t for t in ctx.toks[sent.start:p_lo]
                  if not (t.is_punct or t.is_space) and t.idx >= plo]
        after = [t for t in ctx.toks[p_hi + 1:sent.end]
                 if not (t.is_punct or t.is_space) and t.idx < phi]
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
        out.append(make_quote(ctx.text, article_id, s, e, False, according_name(ctx, head),
                          speaker, "according_to"))
    return out


# ---------------------------------------------------------------- assembly
_SENTENCE_END = re.compile(r"[.!?\n]")


def _direct_spans(ctx: QuoteContext, ds: list[Direct], by_attribution: bool = False
                  ) -> list[tuple[Direct, int, int]]:
    """One span per quote: the pieces of a quote running over paragraphs, and a sentence
    quoted in two parts around its attribution ("“We will respond,” Dar said, “at a
    time of our choosing.”"), become one span from the first piece to the last; the
    marks and the attribution between them are part of it."""
    out: list[tuple[Direct, int, int]] = []
    for d in ds:
        if out:
            prev, s, e = out[-1]
            if prev.seg.chain == d.seg.chain or _interrupted(ctx, prev, d) \
                    or (by_attribution and _goes_on(prev, d)):
                out[-1] = (prev, s, d.seg.end)
                continue
        out.append((d, d.seg.start, d.seg.end))
    return out


def _goes_on(a: Direct, b: Direct) -> bool:
    """The speaker goes on in the same paragraph with no cue of their own: "“We will
    respond,” Dar said. “Pakistan will not beg.”" is one report (PolNeAR's convention:
    one attribution, its content in pieces around the cue)."""
    if a.speaker != b.speaker:
        return False
    if b.how == "next paragraph":
        return a.seg.para == b.seg.para - 1
    if a.seg.para != b.seg.para:
        return False
    return b.how == "same paragraph" or (b.cue_at is not None and b.cue_at == a.cue_at)


def _interrupted(ctx: QuoteContext, a: Direct, b: Direct) -> bool:
    if a.seg.close_at is None or a.speaker != b.speaker or a.cue != b.cue:
        return False
    if b.cue_at is None or not a.seg.close_at < b.cue_at < b.seg.open_at:
        return False  # the attribution must stand between the parts
    between = ctx.text[a.seg.close_at + 1:b.seg.open_at]
    first = next((ch for ch in ctx.text[b.seg.start:b.seg.end] if ch.isalpha()), "")
    return (len(between) <= 60 and not _SENTENCE_END.search(between)
            and not _SENTENCE_END.search(ctx.text[a.seg.end - 1]) and first.islower())


def _outside(quotes: list[Quote], hosts: list[Quote]) -> list[Quote]:
    """``quotes`` less those inside a host's span: "The group is spending money on ads
    that oppose both candidates, according to filings" is one report, the filings';
    "oppose" inside it reports nothing of its own."""
    return [q for q in quotes
            if not any(h.span[0] <= q.span[0] and q.span[1] <= h.span[1] for h in hosts)]


def _prepare(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor]
             ) -> tuple[QuoteContext, list[Direct]]:
    resolver = SpeakerResolver(doc, mentions, actors)
    segs = find_quote_segments(resolver.text)
    ctx = QuoteContext(doc, resolver.text, segs, resolver, load_cues())
    return ctx, direct_pass(ctx, segs)


def extract_quotes(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor],
                   article_id: str, unit: Unit = UNIT) -> list[Quote]:
    """Direct, indirect and according-to quotes of one parsed article, in text order.

    ``unit`` "quote" gives every quoted piece its own Quote (the own gold sets'
    convention); "attribution" gives one Quote per act of attribution (PolNeAR's): a
    speaker going on after "he said." continues the same Quote, and a quoted phrase
    inside a reported clause folds into the clause (``assemble.fold_partial_quotes``)."""
    ctx, ds = _prepare(doc, mentions, actors)
    by_attribution = unit == "attribution"
    directs = [make_quote(ctx.text, article_id, s, e, True, d.cue, d.speaker, "direct")
               for d, s, e in _direct_spans(ctx, [d for d in ds if d.emit], by_attribution)]
    according = _according_quotes(ctx, article_id) + finding_reports(ctx, article_id)
    reported = _outside(indirect_quotes(ctx, article_id), according) + according
    reported += noun_reports(ctx, article_id)
    quotes = fold_partial_quotes(ctx, directs, reported) if by_attribution \
        else directs + reported
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
def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    return {"quotes": extract_quotes(doc, state.mentions, state.actors,
                                     ctx.article_id)}


STAGE = Stage(
    name="chronicler.quotes.v1",
    requires=("token.dep", "token.head", "doc.sents", "token.lemma", "mentions", "actors"),
    assigns=("quotes",),
    run=_run,
    doc="direct, indirect and according-to quotes with speakers resolved to actors",
)
