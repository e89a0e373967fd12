"""Direct quotes: attribute each quoted segment to a speaker, or decide it is no quote.

The rules, in order, are listed in ``quotes.py``'s docstring; ``direct_pass`` applies
them to every segment of an article and marks which ones become Quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from chronicler.nlp.quotes.context import QuoteContext, according_name, is_unreal
from chronicler.nlp.quotes.cues import DIRECT_KINDS
from chronicler.nlp.quotes.marks import QuoteSegment, word_count
from chronicler.nlp.quotes.subjects import cue_subject, own_subject
from chronicler.records import Speaker

_CLAUSE_EDGES = frozenset({"ccomp", "parataxis", "xcomp", "oprd"})
# a quote that is (part of) the cue's object phrase itself: "He said “no”"
_OBJECT_PATH = frozenset({"dobj", "attr", "acomp", "oprd", "conj", "cc", "amod", "compound",
                          "appos", "det", "nummod"})
_BETWEEN_PUNCT = frozenset(",:;—–-\"“”'‘’«»„")
_MAX_BETWEEN = 15
_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by",
                          "with", "de", "e", "-"})
_LAST_WORD = re.compile(r"([\w-]+)[\s,:]*$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_COLON_AFTER = re.compile(r"[\s,]*:\s*")
_COLON_BEFORE = re.compile(r":\s*$")
MIN_SPEAKERLESS_WORDS = 8


@dataclass
class Direct:
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
    cue_at: int | None = None  # character offset of the cue word, where it was found
    speaker: Speaker | None = None
    how: str = ""  # which rule attributed it: governs, adjacent, according, ...
    emit: bool = False


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


def _make_direct(ctx: QuoteContext, seg: QuoteSegment) -> Direct:
    q = seg.text(ctx.text)
    words = word_count(q)
    plo, phi = ctx.paras[seg.para]
    before = ctx.text[plo:seg.open_at]
    m = _LAST_WORD.search(before)
    title = m is not None and ctx.lex.is_title_word(m.group(1)) \
        and not before.rstrip().endswith(",")
    close_tok = ctx.tok_at(seg.close_at) if seg.close_at is not None else None
    return Direct(
        seg=seg, first=ctx.tok_at(seg.start), last=ctx.tok_at(seg.end - 1),
        open_tok=ctx.tok_at(seg.open_at), close_tok=close_tok, words=words,
        full=_is_full(q, words) and not _name_like(q), name_like=_name_like(q), title=title,
        headline=seg.para in ctx.headline_paras,
    )


# ---------------------------------------------------------------- attribution rules
def _governing_cue(ctx: QuoteContext, d: Direct) -> Token | None:
    """Rule 1: walk up the parse from the quote to the first cue verb above it."""
    doc = ctx.toks
    for i in range(d.first, d.last + 1):
        t = doc[i]
        if t.is_punct or t.is_space or d.first <= t.head.i <= d.last and t.head.i != t.i:
            continue
        if ctx.kinds[t.i] & DIRECT_KINDS:
            # a quoted predicate: Abara “strongly condemned” the attack
            subj = own_subject(t, ctx.text)
            if subj is not None and not ctx.in_quote[subj.i]:
                return t
        deps: list[str] = []
        via_as = False
        cur = t
        for _ in range(12):
            tag = _parenthetical_cue(ctx, cur, d)
            if tag is not None:
                return tag
            if cur.head.i == cur.i:
                break
            deps.append(cur.dep_)
            via_as |= cur.dep_ == "prep" and cur.lower_ == "as"
            cur = cur.head
            if ctx.in_quote[cur.i]:
                continue
            if ctx.kinds[cur.i] & DIRECT_KINDS and not is_unreal(cur) \
                    and _same_or_colon_paragraph(ctx, cur, d) \
                    and not _full_stop_between(ctx, cur.i, d) and (
                    via_as or _CLAUSE_EDGES.intersection(deps)
                    or _OBJECT_PATH.issuperset(deps)
                    or (len(deps) <= 4 and deps[-1] in _OBJECT_PATH
                        and _OBJECT_PATH.union(("prep", "pobj")).issuperset(deps))):
                return cur
            # not a cue far above the quote through adjuncts ("confirmed the initiation
            # of strikes ... by Indian “air-to-surface missiles”"), nor one that did not
            # happen ("she said the government must explain “...”"); a speech verb
            # higher up may be
    return None


def _parenthetical_cue(ctx: QuoteContext, tok: Token, d: Direct) -> Token | None:
    """"The attack, she said, had “clear links ...”": a cue hanging off the clause as a
    parenthetical (parataxis) speaks for the whole clause."""
    if ctx.in_quote[tok.i] and not d.first <= tok.i <= d.last:
        return None  # a clause inside another quote
    for c in tok.children:
        if c.dep_ == "parataxis" and not ctx.in_quote[c.i] and ctx.kinds[c.i] & DIRECT_KINDS \
                and not is_unreal(c) and _same_or_colon_paragraph(ctx, c, d) \
                and not _full_stop_between(ctx, c.i, d):
            return c
    return None


def _full_stop_between(ctx: QuoteContext, cue: int, d: Direct) -> bool:
    """A sentence end outside quotes between the cue and the quote: the parser joined
    two sentences ("... as 'false'. “We will respond,” he said")."""
    lo, hi = (cue + 1, d.open_tok) if cue < d.open_tok else (d.last + 1, cue)
    return any(not ctx.in_quote[j] and ctx.toks[j].text in (".", "!", "?")
               for j in range(lo, hi))


def _same_or_colon_paragraph(ctx: QuoteContext, cue: Token, d: Direct) -> bool:
    """A parse that joins paragraphs is trusted only after a colon ("Dar said:")."""
    para = ctx.para_of(cue.idx)
    return para == d.seg.para or ctx.text[ctx.paras[para][1] - 1] == ":"


def _cue_candidates(ctx: QuoteContext) -> list[tuple[Token, str]]:
    """Cue verbs (and "according to" heads, kind ``according``) outside quotes."""
    out = []
    for t in ctx.toks:
        if ctx.in_quote[t.i]:
            continue
        if ctx.kinds[t.i] & DIRECT_KINDS:
            out.append((t, "verb"))
    out += [(head, "according") for head, _ in ctx.according]
    out.sort(key=lambda c: c[0].i)
    return out


def _adjacent(ctx: QuoteContext, d: Direct, cue: Token) -> int | None:
    """Rule 2: number of tokens between the quote and cue's clause, if only the cue's
    own words (its subject, an adverb, an object) and punctuation stand between them."""
    doc = ctx.toks
    if d.close_tok is not None and cue.i > d.close_tok:
        between = range(d.close_tok + 1, cue.i)
    elif cue.i < d.open_tok:
        between = range(cue.i + 1, d.open_tok)
        if between and doc[d.open_tok - 1].text not in ",:—–":
            return None  # "Dar said: “...", not "welcome help from “..."
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


def _open_tag(ctx: QuoteContext, d: Direct) -> Token | None:
    """A speech verb outside the lexicon, found by its place: "“...,” Dar snapped.",
    "“...,” quipped the senator.", "Dar countered: “...”". The quote ends on a comma
    (or ?/!) right before the tag clause, or a colon ends the tag clause right before
    the quote; the verb has a subject outside the quote and nothing after it but a few
    words ("on Twitter"); no object."""
    doc = ctx.toks
    after = d.close_tok + 1 if d.close_tok is not None else len(doc)
    if after < len(doc) and (ctx.text[d.seg.end - 1:d.seg.end] in (",", "?", "!")
                             or doc[after].text == ","):
        cands = [t for t in doc[after:after + 6] if t.pos_ == "VERB"]
    elif d.open_tok > 1 and doc[d.open_tok - 1].text == ":":
        cands = [doc[d.open_tok - 2]] if doc[d.open_tok - 2].pos_ == "VERB" else []
    else:
        return None
    for v in cands[:1]:
        if ctx.in_quote[v.i] or any(c.dep_ in ("dobj", "ccomp", "xcomp") and not ctx.in_quote[c.i]
                                    for c in v.children):
            return None
        subj = next((c for c in v.children if c.dep_ == "nsubj" and not ctx.in_quote[c.i]), None)
        right = [t for t in v.subtree if t.i > v.i and not t.is_punct]
        if subj is not None and len(right) <= 4 and _adjacent(ctx, d, v) is not None:
            return v
    return None


def _attribute(ctx: QuoteContext, d: Direct, cands: list[tuple[Token, str]],
               according: dict[int, Token]) -> None:
    cue = _governing_cue(ctx, d)
    if cue is not None:
        d.cue, d.speaker, d.how = ctx.lex.cue_name(cue), ctx.speaker_of(cue), "governs"
        d.cue_at = cue.idx
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
    if best is None:
        tag = _open_tag(ctx, d)
        if tag is not None:
            best = (0, tag, "verb")
    if best is not None:
        _, tok, kind = best
        d.cue_at = tok.idx
        if kind == "according":
            d.cue, d.how = according_name(ctx, tok), "adjacent"
            d.speaker = ctx.resolver.resolve(according[tok.i]).speaker
        else:
            d.cue, d.speaker, d.how = ctx.lex.cue_name(tok), ctx.speaker_of(tok), "adjacent"
        return
    sent = ctx.sent_of(d.first)
    for head_i, obj in according.items():
        if ctx.sent_of(head_i) == sent:  # rule 3
            d.cue, d.how = according_name(ctx, ctx.toks[head_i]), "according"
            d.speaker = ctx.resolver.resolve(obj).speaker
            return
    _after_colon(ctx, d)
    if d.speaker is None and d.cue is None:
        _dash_name(ctx, d)


# "“...” ― Carla Sanchez", "“...” — Marlow, 45": a name after a dash closing the quote
_DASH_NAME = re.compile(r"[ \t]*[―—–][ \t]*((?:[A-Z][\w.'’-]*[ \t]?){1,5})[ \t]*(?=[.,\n]|$)")


def _dash_name(ctx: QuoteContext, d: Direct) -> None:
    """The pull-quote convention: a quote followed by a dash and a name (ending the
    sentence or the paragraph) is that person's. Only capitalised words count as the
    name, and it must be a name the parser sees (a proper noun)."""
    m = _DASH_NAME.match(ctx.text, d.seg.outer[1])
    if m is None:
        return
    s = m.start(1)
    span = ctx.doc.char_span(s, s + len(m.group(1).rstrip()), alignment_mode="contract")
    if span is None or not len(span) or span.root.pos_ != "PROPN":
        return
    r = ctx.resolver.resolve(span.root)
    d.speaker, d.cue, d.how, d.cue_at = r.speaker, "―", "dash", s


def _after_colon(ctx: QuoteContext, d: Direct) -> None:
    """A quote right after a colon belongs to what stands before it: a name ("Carl
    Bialik: “...”"), or the clause's speaker ("Mahaney agreed: “...”", "Amar said that
    a bargain was possible: “...”"), whatever the verb."""
    doc = ctx.toks
    colon = d.open_tok - 1
    if colon < 1 or doc[colon].text != ":" or ctx.in_quote[colon - 1] \
            or ctx.para_of(doc[colon].idx) != d.seg.para:
        return
    name = doc[colon - 1]
    if name.pos_ == "PROPN" and name.dep_ not in ("pobj", "dobj"):
        r = ctx.resolver.resolve(name)
        if r.grounded or name.ent_type_ in ("PERSON", "ORG"):
            d.speaker, d.cue, d.how, d.cue_at = r.speaker, ":", "colon", doc[colon].idx
        return
    start = ctx.resolver.sents[ctx.sent_of(colon)].start
    for j in range(colon - 1, max(start, colon - 40) - 1, -1):
        t = doc[j]
        if t.pos_ != "VERB" or ctx.in_quote[j] or is_unreal(t):
            continue
        subj = cue_subject(t, ctx.lex, ctx.text)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            sp = ctx.speaker_of(t)
            if sp is not None:
                d.speaker, d.how, d.cue_at = sp, "colon", t.idx
                d.cue = ctx.lex.cue_name(t)
            return


def _headline_speaker(ctx: QuoteContext, d: Direct) -> None:
    """Headline convention: "‘We will respond’: Dar" or "Dar: ‘We will respond’"."""
    plo, phi = ctx.paras[d.seg.para]
    after_at = d.seg.outer[1]
    m = _COLON_AFTER.match(ctx.text, after_at, phi)
    if m and m.group().strip(" ,") == ":":
        for t in ctx.toks[ctx.tok_at(m.end()):ctx.tok_at(phi - 1) + 1]:
            if ctx.kinds[t.i] & DIRECT_KINDS:
                d.speaker = ctx.speaker_of(t)
                d.cue = ctx.lex.cue_name(t)
                break
        if d.speaker is None:
            t = ctx.toks[ctx.tok_at(m.end())]
            if t.pos_ in ("PROPN", "NOUN"):
                while t.head.i != t.i and t.dep_ in ("compound", "poss", "case") \
                        and t.head.i > t.i:
                    t = t.head
                d.speaker = ctx.resolver.resolve(t).speaker
    elif _COLON_BEFORE.search(ctx.text[plo:d.seg.open_at]):
        colon = ctx.tok_at(ctx.text.rindex(":", plo, d.seg.open_at))
        if colon > 0 and ctx.toks[colon - 1].pos_ in ("PROPN", "NOUN"):
            d.speaker = ctx.resolver.resolve(ctx.toks[colon - 1]).speaker
    if d.speaker is not None:
        d.how = "headline"


def _inherit(ctx: QuoteContext, ds: list[Direct]) -> None:
    """Rules 4 and 5: chains, the speaker going on talking, the previous sentence."""
    by_chain: dict[int, Direct] = {}
    for d in ds:
        if d.speaker is not None and d.seg.chain not in by_chain:
            by_chain[d.seg.chain] = d
    last: Direct | None = None  # last attributed quote so far
    for k, d in enumerate(ds):
        src = by_chain.get(d.seg.chain)
        if d.speaker is None and src is not None:
            d.speaker, d.cue, d.how = src.speaker, src.cue, "chain"
        if d.speaker is None and d.cue is None and d.full and not d.headline and not d.title:
            # (a quote whose cue names no one we know, "he said", keeps speaker None)
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
            by_chain.setdefault(d.seg.chain, d)


def _quote_alone(ctx: QuoteContext, ds: list[Direct], para: int) -> bool:
    lo, hi = ctx.paras[para]
    chars = list(ctx.text[lo:hi])
    for d in ds:
        if d.seg.para == para:
            s, e = d.seg.outer
            for i in range(max(s, lo), min(e, hi)):
                chars[i - lo] = " "
    return not any(ch.isalnum() for ch in chars)


def _previous_sentence(ctx: QuoteContext, d: Direct) -> None:
    """The last cue with a grounded speaker in the sentence before the quote, in its
    paragraph, or in the previous paragraph when that one ends with a colon ("In a
    statement, the ministry said:" / "“...”")."""
    para = d.seg.para
    plo, _ = ctx.paras[para]
    sent_start = ctx.resolver.sents[ctx.sent_of(d.first)].start_char
    if sent_start > plo:
        lo_char, hi_char = plo, sent_start
    elif para > 0 and ctx.text[ctx.paras[para - 1][1] - 1] == ":":
        lo_char, hi_char = ctx.paras[para - 1]
    else:
        return
    prev = ctx.resolver.sents[ctx.sent_of(ctx.tok_at(hi_char - 1))]
    for t in reversed(prev):
        if not lo_char <= t.idx < hi_char or ctx.in_quote[t.i] \
                or not ctx.kinds[t.i] & DIRECT_KINDS:
            continue
        subj = cue_subject(t, ctx.lex, ctx.text)
        if subj is None:
            continue
        r = ctx.resolver.resolve(subj)
        if r.grounded:
            d.speaker, d.cue, d.how = r.speaker, ctx.lex.cue_name(t), "previous sentence"
            return


def _decide(d: Direct) -> bool:
    if d.title:
        return False
    if d.headline:
        return d.how == "headline"
    if d.name_like and d.how not in ("adjacent", "headline"):
        return False
    if d.speaker is not None or d.cue is not None:
        return True  # a cue says these are someone's words, even if we cannot say whose
    return d.full and d.words >= MIN_SPEAKERLESS_WORDS


def direct_pass(ctx: QuoteContext, segs: Sequence[QuoteSegment]) -> list[Direct]:
    """Attribute every segment (rules 1-5 of ``quotes.py``) and decide which are Quotes."""
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
