"""Reports headed by a noun: "Trump's claim that ...", "criticism of the deal by X",
"her support for the bill", "questions about his health".

The noun (kind ``noun`` in ``data/quotes/cues.txt``) is the cue; what is reported is
its that-clause, else the object of its preposition; the source is its possessor
("Trump's claim"), else the object of "by" or "from" ("criticism from Democrats"), else
the subject of the verb it is the object of ("Sanders voiced concern about ..."). With
no source it is no report ("fears of a wider war" is the writer's). The own gold sets
treat noun-headed reports as regions to ignore; PolNeAR annotates them.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.quotes.assemble import make_quote
from chronicler.nlp.quotes.context import QuoteContext
from chronicler.records import Quote

_CONTENT_PREPS = frozenset({"of", "for", "about", "on", "to", "against", "over", "with"})
_SOURCE_PREPS = frozenset({"by", "from", "among"})
_MIN_WORDS = 2
_VOICING = frozenset({"voice", "express", "raise", "share", "air", "reiterate", "repeat",
                      "renew", "make", "issue", "offer", "lodge", "file", "level", "register",
                      "signal", "state", "restate", "press", "push", "stress", "have"})


def _content(noun: Token) -> list[Token]:
    kids = list(noun.children)
    for c in kids:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return [c]  # "the claim that he won"
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs  # "support for the bill"
    return []


def _source(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPS:
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _VOICING:
        # "Sanders voiced concern about ...": the one who voiced it ("the ceasefire eased
        # fears of ..." holds no fear)
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def noun_reports(ctx: QuoteContext, article_id: str) -> list[Quote]:
    nouns = ctx.lex.nouns
    out = []
    for t in ctx.toks:
        if t.pos_ != "NOUN" or ctx.in_quote[t.i] or t.lemma_.lower() not in nouns:
            continue
        if ctx.para_of(t.idx) in ctx.headline_paras:
            continue
        comps = _content(t)
        if not comps:
            continue
        plo, phi = ctx.paras[ctx.para_of(t.idx)]
        toks = [x for c in comps for x in c.subtree
                if plo <= x.idx < phi and not (x.dep_ == "mark" and x.lower_ == "that")]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        if sum(1 for x in toks if not x.is_punct) < _MIN_WORDS:
            continue
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        if ctx.quoted_share(s, e) >= 0.95:
            continue
        src = _source(t)
        speaker = None
        if src is not None:
            r = ctx.resolver.resolve(src)
            speaker = r.speaker if src.pos_ != "PRON" or r.grounded else None
        if speaker is None:
            continue  # "fears of a wider war": an attitude nobody is said to hold
        out.append(make_quote(ctx.text, article_id, s, e, False, t.lemma_.lower(), speaker,
                              "indirect"))
    return out
