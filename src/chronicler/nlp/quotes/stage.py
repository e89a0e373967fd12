"""Quotes with their speakers: direct, indirect and "according to" (stage chronicler.quotes.v1).

``extract_quotes(doc, mentions, actors, article_id)`` is the pure core; the stage reads
the actors stage's ``mentions`` and ``actors`` and assigns ``quotes``.

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
its speaker instead.

Quote ids are ``content_id("quote", article_id, start, end)``.

Modules: ``quote_marks`` (marks -> segments, text only), ``speakers`` (cue lexicon from
``data/quotes/cues.txt`` and ``sources.txt``; subject -> Speaker), ``quote_context``
(per-article lookups), ``direct_quotes`` (the direct-quote rules above), this module
(indirect and according-to quotes, assembly, the stage, and a demo:
``python -m chronicler.nlp.quotes.stage "text"``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from chronicler.nlp.quotes.context import QuoteContext, according_name, is_unreal
from chronicler.nlp.quotes.direct import Direct, direct_pass
from chronicler.nlp.quotes.marks import QuoteSegment, find_quote_segments
from chronicler.nlp.quotes.speakers import (
    DATELINE,
    DIRECT_KINDS,
    INDIRECT_KINDS,
    SpeakerResolver,
    cue_subject,
    load_cues,
)
from chronicler.nlp.stages import ArticleContext, Stage, State, register
from chronicler.records import Actor, Mention, Quote, Speaker, content_id

__all__ = ["extract_quotes", "scare_quotes", "STAGE"]

_STRIP_TAIL = ",;: \n\t"
_PERSONAL = frozenset({"he", "she", "they"})
# nouns whose that-clause is reported content: "reiterated its stance that ..."
_STANCE_NOUNS = frozenset({"stance", "position", "view", "claim", "assertion", "belief",
                           "warning", "demand", "assurance", "promise", "pledge", "threat",
                           "allegation", "accusation", "charge", "argument", "insistence"})
# a clause opened by these is the writer's, not the reporter's: "she said the army would
# decide, although officials later said no decision had been taken"
_CONCESSIVE = frozenset({"although", "though", "whereas"})
_WRITER_MARKS = _CONCESSIVE | {"while"}
_SCARE_MAX_WORDS = 4


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
        out.append(_quote(ctx.text, article_id, s, e, False, according_name(ctx, head),
                          speaker, "according_to"))
    return out


# ---------------------------------------------------------------- indirect
def _complement(cue: Token, kinds: frozenset[str], lo: int, hi: int) -> list[Token]:
    """What the cue reports: its clause, else (directives) object + infinitive, else
    (characterising verbs) object + "as/of/for" phrase. Only children within the
    characters [lo, hi) count: a heading glued on by the parser is not a complement."""
    children = [c for c in cue.children if lo <= c.idx < hi]
    comps = [c for c in children if c.dep_ == "ccomp"]
    if not comps and cue.dep_ == "parataxis" and lo <= cue.head.idx < hi:
        return [cue.head]  # "The attack, she said, had clear links ...": the whole clause
    if not comps:
        # "reiterated its stance that it would not escalate": the noun's that-clause
        for c in children:
            if c.dep_ == "dobj" and c.lemma_.lower() in _STANCE_NOUNS:
                comps = [g for g in c.children if g.dep_ in ("acl", "ccomp")
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
    if not comps and "directive" in kinds:
        # "urged both sides to ...": an addressee and an infinitive; "asked not to be
        # named" has no addressee and reports nothing
        comps = [c for c in children if c.dep_ in ("xcomp", "dobj", "dative")]
        if not {"xcomp"} < {c.dep_ for c in comps}:
            comps = []
    if not comps and "characterize" in kinds:
        obj = [c for c in children if c.dep_ == "dobj" and c.pos_ not in ("PRON",)]
        if obj:
            comps = obj + [c for c in children
                           if (c.dep_ == "prep" and c.lower_ in ("as", "of", "for")
                               or c.dep_ in ("oprd", "xcomp")) and c.i > obj[0].i]
    return comps


def _stray_subject(cue: Token, comps: list[Token]) -> list[Token]:
    """"Officials said the four attackers, ..., were being hunted", parsed with "the
    four attackers" as the object of "said": an object between the cue and a clause
    that lacks a subject is that clause's subject."""
    clause = [c for c in comps if c.dep_ == "ccomp" and c.i > cue.i]
    if len(clause) != 1 or any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                               for g in clause[0].children):
        return []
    return [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause[0].i]


def _closes_inner_quote(ctx: QuoteContext, start: int, tok: Token) -> bool:
    """A closing mark ending the span whose opening mark is inside it stays:
    'India struck so-called “terror camps”', not '... “terror camps'."""
    if len(tok.text) != 1 or tok.text not in "”’\"'»":
        return False
    return any(start <= s.open_at and s.close_at == tok.idx for s in ctx.segs)


def _clause_end(ctx: QuoteContext, cue: Token, lo: int, hi: int) -> int:
    """Where the reported clause [lo, hi] really ends. It stops before
    * a participle of saying that trails it ("Pakistan will not beg for talks, stating
      that ..."): a report of its own, with the same speaker;
    * a clause of the writer's ("..., even as he acknowledged ...", "although ...");
    * a second that-clause that is all quote ("New Delhi was responsible and that
      “it takes two to tango.”"): the direct quote reports it;
    * a sentence end the tokenizer glued to a word ("the return of PoK. External ...").
    """
    doc = ctx.toks
    for j in range(max(lo, cue.i) + 1, hi + 1):
        t = doc[j]
        if t.dep_ == "advcl" and (
                (t.tag_ == "VBG" and ctx.kinds[j] & INDIRECT_KINDS
                 and _nearest_cue_above(ctx, t) == cue.i)
                or _opens_writers_clause(t)):
            return max(lo, t.left_edge.i - 1)
        if t.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
            s, e = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
            if ctx.quoted_share(s, e) >= 0.7:
                k = t.left_edge.i - 1
                while k > lo and (doc[k].dep_ == "cc" or doc[k].is_punct):
                    k -= 1
                return k
        if _glued_stop(t) and j < hi and doc[j + 1].text[:1].isupper():
            return j
    return hi


_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt",
                            "prof", "rev", "st", "sr", "jr", "no", "vol", "gov", "sen", "rep"})


def _glued_stop(t: Token) -> int:
    """1 when ``t`` ends with a full stop the tokenizer left on it ("PoK.") and it is
    not an abbreviation ("Dr.", "S.", "U.S.")."""
    w = t.text
    return int(len(w) > 2 and w.endswith(".") and "." not in w[:-1]
               and w[:-1].lower() not in _ABBREVIATIONS)


def _opens_writers_clause(t: Token, marks: frozenset[str] = _CONCESSIVE) -> bool:
    """A clause opened by "although", "though", "whereas" or "even as" (or, with
    ``marks``, others) is the writer's, not the reported speaker's. ("while" is often
    the speaker's own time clause, so it only counts for reports nested in reports.)"""
    for m in t.children:
        if m.dep_ != "mark":
            continue
        if m.lower_ in marks:
            return True
        if m.lower_ == "as" and m.i > 0 and m.doc[m.i - 1].lower_ == "even":
            return True
    return False


def _nearest_cue_above(ctx: QuoteContext, tok: Token) -> int | None:
    """The participle is the outer speaker's only if no other cue stands between
    ("India rejected mediation, characterizing ..." inside Dar's report is India's)."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if ctx.kinds[t.i] & (INDIRECT_KINDS | DIRECT_KINDS):
            return t.i
    return None


def _writers_clause(cue: Token) -> bool:
    """Whether ``cue`` sits in a concessive clause (see ``_WRITER_MARKS``)."""
    t = cue
    for _ in range(6):
        if t.dep_ == "advcl" and _opens_writers_clause(t, _WRITER_MARKS):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _report_span(ctx: QuoteContext, cue: Token, kinds: frozenset[str]
                 ) -> tuple[int, int, int, int] | None:
    """(first token, last token, start char, end char) of what ``cue`` reports."""
    doc = ctx.toks
    # a parse that runs over a paragraph break (a heading glued to the next paragraph)
    # is cut back to the cue's paragraph, and a complement after its verb starts after it
    plo, phi = ctx.paras[ctx.para_of(cue.idx)]
    comps = _complement(cue, kinds, plo, phi)
    if not comps:
        return None
    comps += _stray_subject(cue, comps)
    lo = max(min(c.left_edge.i for c in comps), ctx.tok_at(plo))
    hi = min(max(c.right_edge.i for c in comps), ctx.tok_at(phi - 1))
    if all(c.i > cue.i for c in comps):
        lo = max(lo, cue.i + 1)
    hi = _clause_end(ctx, cue, lo, hi)
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                        or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) \
            and not _closes_inner_quote(ctx, doc[lo].idx, doc[hi]):
        hi -= 1
    if sum(1 for x in doc[lo:hi + 1] if not x.is_punct) < 2:
        return None
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi]) - _glued_stop(doc[hi])
    m = DATELINE.match(ctx.text, s, e)
    if m and s == plo:  # "VARSK, March 11 (CPA) — Gunmen opened fire ..., officials said."
        lo = ctx.tok_at(m.end())
        s = doc[lo].idx
    return lo, hi, s, e


def _indirect_quotes(ctx: QuoteContext, article_id: str) -> list[Quote]:
    found: list[tuple[Token, int, int, int, int, Speaker | None]] = []
    for t in ctx.toks:
        kinds = ctx.kinds[t.i] & INDIRECT_KINDS
        if not kinds or ctx.in_quote[t.i] or is_unreal(t):
            continue
        if ctx.para_of(t.idx) in ctx.headline_paras:
            continue  # "India Denies Strikes on Civilian Targets" is a heading
        span = _report_span(ctx, t, kinds)
        if span is None:
            continue
        lo, hi, s, e = span
        if ctx.quoted_share(s, e) >= 0.95:
            continue  # the clause is all quote: the direct quote is the report
        subj = cue_subject(t, ctx.lex, ctx.text)
        if subj is None:
            continue
        r = ctx.resolver.resolve(subj)
        if r.grounded:
            found.append((t, lo, hi, s, e, r.speaker))
        elif subj.lower_ in _PERSONAL:  # someone is reporting; we cannot say who
            found.append((t, lo, hi, s, e, None))
    out = []
    for t, _, _, s, e, speaker in found:
        if any(o.i != t.i and lo2 <= t.i <= hi2 for o, lo2, hi2, *_ in found) \
                and not _writers_clause(t):
            continue  # a report inside someone's report belongs to the outer speaker
        out.append(_quote(ctx.text, article_id, s, e, False, ctx.lex.cue_name(t), speaker,
                          "indirect"))
    return out


# ---------------------------------------------------------------- assembly
_SENTENCE_END = re.compile(r"[.!?\n]")


def _direct_spans(ctx: QuoteContext, ds: list[Direct]) -> list[tuple[Direct, int, int]]:
    """One span per quote: the pieces of a quote running over paragraphs, and a sentence
    quoted in two parts around its attribution ("“We will respond,” Dar said, “at a
    time of our choosing.”"), become one span from the first piece to the last; the
    marks and the attribution between them are part of it."""
    out: list[tuple[Direct, int, int]] = []
    for d in ds:
        if out:
            prev, s, e = out[-1]
            if prev.seg.chain == d.seg.chain or _interrupted(ctx, prev, d):
                out[-1] = (prev, s, d.seg.end)
                continue
        out.append((d, d.seg.start, d.seg.end))
    return out


def _interrupted(ctx: QuoteContext, a: Direct, b: Direct) -> bool:
    if a.seg.close_at is None or a.speaker != b.speaker or a.cue != b.cue:
        return False
    if b.cue_at is None or not a.seg.close_at < b.cue_at < b.seg.open_at:
        return False  # the attribution must stand between the parts
    between = ctx.text[a.seg.close_at + 1:b.seg.open_at]
    first = next((ch for ch in ctx.text[b.seg.start:b.seg.end] if ch.isalpha()), "")
    return (len(between) <= 60 and not _SENTENCE_END.search(between)
            and not _SENTENCE_END.search(ctx.text[a.seg.end - 1]) and first.islower())


def _quote(text: str, article_id: str, s: int, e: int, direct: bool, cue: str | None,
           speaker: Speaker | None, kind: str) -> Quote:
    while e > s and text[e - 1] in _STRIP_TAIL:
        e -= 1
    return Quote(id=content_id("quote", article_id, str(s), str(e)), article_id=article_id,
                 text=text[s:e], direct=direct, cue=cue, speaker=speaker, span=(s, e),
                 kind=kind)  # type: ignore[arg-type]


def _prepare(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor]
             ) -> tuple[QuoteContext, list[Direct]]:
    resolver = SpeakerResolver(doc, mentions, actors)
    segs = find_quote_segments(resolver.text)
    ctx = QuoteContext(doc, resolver.text, segs, resolver, load_cues())
    return ctx, direct_pass(ctx, segs)


def extract_quotes(doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor],
                   article_id: str) -> list[Quote]:
    """Direct, indirect and according-to quotes of one parsed article, in text order."""
    ctx, ds = _prepare(doc, mentions, actors)
    quotes = [_quote(ctx.text, article_id, s, e, True, d.cue, d.speaker, "direct")
              for d, s, e in _direct_spans(ctx, [d for d in ds if d.emit])]
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
    """``python -m chronicler.nlp.quotes.stage "text"``: parse, run the actors stage when it is
    installed (else take the model's named entities as mentions) and print the quotes."""
    from chronicler.config import Settings
    from chronicler.nlp.model import load_spacy

    mentions: list[Mention] = []
    actors: list[Actor] = []
    try:
        from chronicler.nlp.actors import stage as actors_stage  # noqa: F401
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
