"""Reports outside the frame of a verb with its clause (see ``indirect.py``).

A stance adjective with a clause or an object phrase reports what the copula's subject
believes or feels ("Marlow is confident that ...", "voters are wary of the plan"); a
passive cue reports its subject with what is said of it ("the mayor is accused of taking
bribes", "the plan was widely seen as a concession"), by no one named unless the agent is;
a bare "asked" reports its question ("Asked who leads the party, ..."); "X seems (appears)
to ..." is an impression of no one named, the subject with its infinitive; a clause
opened by "in" a poll or a report is that document's finding ("In the latest poll, X
leads").
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.quotes.assemble import make_quote
from chronicler.nlp.quotes.context import QuoteContext
from chronicler.records import Quote

PASSIVE_KINDS = frozenset({"characterize", "belief"})


def passive_complement(cue: Token, children: list[Token]) -> list[Token]:
    """"The mayor is accused of taking bribes", "the plan was widely seen as a concession",
    "many delegates were deemed ineligible": a passive cue reports its subject with
    what is said of it (an as/of/for phrase, a predicate)."""
    if not any(c.dep_ == "auxpass" for c in children):
        return []
    subj = [c for c in children if c.dep_ == "nsubjpass"]
    more = [c for c in children if c.i > cue.i and (
        c.dep_ == "prep" and c.lower_ in ("as", "of", "for") or c.dep_ in ("oprd", "xcomp"))]
    return subj[:1] + more if subj and more else []


def passive_report(cue: Token) -> bool:
    """``cue`` is a passive verb with a subject ("X was accused")."""
    return any(c.dep_ == "auxpass" for c in cue.children) \
        and any(c.dep_ == "nsubjpass" for c in cue.children)


# adjectives of certainty and stance whose that-clause is a belief of the copula's subject:
# "Marlow is confident that the bill will pass", "officials remain worried the truce fails"
_BELIEF_ADJECTIVES = frozenset({
    "confident", "sure", "certain", "convinced", "hopeful", "optimistic", "pessimistic",
    "skeptical", "sceptical", "worried", "concerned", "afraid", "fearful", "adamant",
    "doubtful", "insistent", "positive", "aware", "unaware", "unsure", "uncertain",
    "satisfied", "disappointed", "angry", "upset", "frustrated", "pleased", "glad",
    "happy", "proud", "sorry", "surprised", "alarmed", "nervous", "anxious", "determined",
    "eager", "keen", "firm", "clear", "emphatic", "unequivocal"})
BELIEF = frozenset({"belief"})


# and adjectives of stance whose object phrase is what the subject thinks or feels about:
# "Marlow is proud of the bill", "voters are wary of the plan", "she was sympathetic to
# the argument"
_STANCE_ADJECTIVES = _BELIEF_ADJECTIVES | {
    "wary", "sympathetic", "passionate", "appreciative", "critical", "supportive", "fond",
    "enthusiastic", "hostile", "dismissive", "suspicious", "grateful", "thankful",
    "ashamed", "excited", "comfortable", "uncomfortable", "receptive", "resistant",
    "vocal", "outspoken", "right", "wrong", "sick", "tired", "unhappy", "furious",
    "mistrustful", "distrustful", "impressed", "irritated", "outraged", "unified", "united",
    "divided", "aghast", "appalled", "disgusted", "troubled", "encouraged", "dismayed"}
_STANCE_PREPS = frozenset({"of", "about", "on", "in", "to", "with", "over"})
# adjectives of intention whose infinitive is what the subject means to do: "Marlow is
# eager to settle", "the party was reluctant to back him"
_INTENT_ADJECTIVES = frozenset({"eager", "keen", "determined", "reluctant", "willing",
                                "unwilling", "anxious", "desperate", "loath", "hesitant"})


def stance_phrase(t: Token) -> Token | None:
    """The object phrase of a stance adjective ("proud of the bill"), or the infinitive
    of one of intention ("eager to settle"), if any."""
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS \
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return c
        if c.dep_ == "xcomp" and t.lemma_.lower() in _INTENT_ADJECTIVES \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def belief_adjective(t: Token) -> Token | None:
    """The subject of "X is/remains/seems <adjective> that ..." (or "<adjective> of/about
    ..."), None when ``t`` is no such adjective (the clause must be its own, with a
    subject)."""
    if t.dep_ != "acomp" or t.pos_ != "ADJ" \
            or t.lemma_.lower() not in _STANCE_ADJECTIVES | _INTENT_ADJECTIVES:
        return None
    if not any(c.dep_ == "ccomp" and c.i > t.i
               and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
               for c in t.children) \
            and stance_phrase(t) is None:
        return None
    return next((c for c in t.head.children if c.dep_ == "nsubj" and c.i < t.i), None)


_QUESTION_OPENERS = frozenset({"who", "whom", "whose", "what", "which", "why", "how", "when",
                               "where", "whether", "if", "about"})


def asked_question(ctx: QuoteContext, t: Token) -> tuple[int, int] | None:
    """(first, last token) of the question in "Asked on radio who leads the party, X
    said ...", "when asked if taxes would rise": a bare participle "asked" (no subject:
    the asker is not named) reports its question, from the first question word or
    "about" in its phrase to the phrase's end."""
    if t.lower_ != "asked" or t.tag_ != "VBN" or t.dep_ not in ("advcl", "ROOT") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in t.children):
        return None
    plo, phi = ctx.paras[ctx.para_of(t.idx)]
    hi = min(t.right_edge.i, ctx.tok_at(phi - 1))
    first = next((x for x in ctx.toks[t.i + 1:hi + 1]
                  if x.lower_ in _QUESTION_OPENERS and not ctx.in_quote[x.i]), None)
    if first is None or first.i - t.i > 8:
        return None
    while hi > first.i and (ctx.toks[hi].is_punct or ctx.toks[hi].is_space):
        hi -= 1
    return first.i, hi


_SEEMING = frozenset({"seem", "appear"})


def seeming(ctx: QuoteContext, t: Token) -> tuple[int, int] | None:
    """(first, last token) of "the plan seems to be failing", "voters appear to be moving
    away": an impression attributed to no one named, the subject with its infinitive."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in _SEEMING or ctx.in_quote[t.i]:
        return None
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    comp = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i), None)
    if subj is None or comp is None or subj.lower_ in ("it", "you") \
            or subj.tag_ in ("WP", "WDT") \
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children):
        # ("the offer appears aimed at reducing pressure" is the writer's reading)
        return None
    plo, phi = ctx.paras[ctx.para_of(t.idx)]
    lo, hi = subj.left_edge.i, comp.right_edge.i
    if ctx.toks[lo].idx < plo or ctx.toks[hi].idx >= phi:
        return None
    while hi > lo and (ctx.toks[hi].is_punct or ctx.toks[hi].is_space):
        hi -= 1
    return lo, hi


# documents whose findings a clause reports when it opens "in" one: "In the latest poll,
# Marlow leads by five points"
_FINDINGS = frozenset({"poll", "survey", "study", "report", "analysis", "average", "tally",
                       "count", "estimate", "data", "figure", "census", "filing", "record"})


def finding_reports(ctx: QuoteContext, article_id: str) -> list[Quote]:
    """"In a phone survey taken last week, most renters backed the levy": the clause
    is the poll's finding (the clause less the "in" phrase), the poll its source. Not
    when the clause's verb is a cue of its own ("In a report, the ministry said ...":
    the ministry's report)."""
    out = []
    for t in ctx.toks:
        if t.lower_ != "in" or t.dep_ != "prep" or ctx.in_quote[t.i]:
            continue
        head = t.head
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _FINDINGS or head.pos_ not in ("VERB", "AUX") \
                or ctx.kinds[head.i] or head.dep_ not in ("ROOT", "conj"):
            continue
        plo, phi = ctx.paras[ctx.para_of(t.idx)]
        if ctx.para_of(t.idx) in ctx.headline_paras:
            continue
        if t.i > head.i:
            continue  # "X trails in the polls" is the writer's summary
        lo, hi = t.right_edge.i + 1, head.right_edge.i
        lo, hi = max(lo, ctx.tok_at(plo)), min(hi, ctx.tok_at(phi - 1))
        while lo <= hi and (ctx.toks[lo].is_punct or ctx.toks[lo].is_space):
            lo += 1
        while hi >= lo and (ctx.toks[hi].is_punct or ctx.toks[hi].is_space):
            hi -= 1
        if hi - lo < 2:
            continue
        s, e = ctx.toks[lo].idx, ctx.toks[hi].idx + len(ctx.toks[hi])
        if ctx.quoted_share(s, e) >= 0.5:
            continue
        out.append(make_quote(ctx.text, article_id, s, e, False, "in",
                              ctx.resolver.resolve(obj).speaker, "according_to"))
    return out

