"""Indirect quotes: a cue verb outside quotes and what it reports (see ``stage.py``).

Besides verbs of saying, the cue may be a verb of belief ("believes (that) ..."), of
evidence ("the survey found that ...", "leaked cables suggest ..."), of intention with an
infinitive ("vowed to block ..."), or a verb with its preposition ("called for ...");
kinds in ``data/quotes/cues.txt``. The source is the cue's subject: an actor, a resolved
pronoun, a source noun, a pronoun for a group ("Those polled said", "Many believe"), or
any other noun phrase ("61 percent said") unless what it reports is an open question. A negated or modal cue ("will not say that ...") reports
nothing unless what it leaves open is a question ("did not say which sites were hit"); a
negated belief or intention is still held ("do not think the subsidy will return").

What is reported may also be an object: of a verb of saying, believing or showing ("noted
the testimony", "the poll showed a sharp drop"; not an addressee, "told reporters"), or a
lone name ("endorsed Marlow"). A verb outside the lexicon is a cue when the parse shows a
subject and a that-clause ("Marlow figures that ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.quotes.assemble import make_quote
from chronicler.nlp.quotes.context import QuoteContext, is_unreal
from chronicler.nlp.quotes.cues import DIRECT_KINDS, INDIRECT_KINDS, load_cues
from chronicler.nlp.quotes.frames import (
    BELIEF,
    PASSIVE_KINDS,
    asked_question,
    belief_adjective,
    passive_complement,
    passive_report,
    seeming,
    stance_phrase,
)
from chronicler.nlp.quotes.subjects import DATELINE, cue_subject
from chronicler.records import Quote, Speaker

_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB", "IN"})  # which, who, whose, how, whether
_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "it"})
# nouns whose that-clause is reported content: "reiterated its stance that ..."
_STANCE_NOUNS = frozenset({"stance", "position", "view", "claim", "assertion", "belief",
                           "warning", "demand", "assurance", "promise", "pledge", "threat",
                           "allegation", "accusation", "charge", "argument", "insistence"})
# a clause opened by these is the writer's, not the reporter's: "she said the army would
# decide, although officials later said no decision had been taken"
_CONCESSIVE = frozenset({"although", "though", "whereas"})
_WRITER_MARKS = _CONCESSIVE | {"while"}
def _nominal(subj: Token) -> bool:
    """A noun phrase that can be a source: not a pronoun we could not resolve, not a
    relative or expletive word."""
    return subj.pos_ in ("PROPN", "NOUN", "NUM") or (subj.pos_ == "ADJ" and subj.dep_.startswith("nsubj")) \
        or subj.lower_ in _QUANTIFIED


# pronouns that stand for a group of sources: "Those polled said", "Many believe", "Others
# argued", "Some have suggested"
_QUANTIFIED = frozenset({"those", "many", "some", "others", "most", "several", "few", "both"})


# ---------------------------------------------------------------- indirect
def _complement(cue: Token, kinds: frozenset[str], lo: int, hi: int) -> list[Token]:
    """What the cue reports: its clause, else (directives) object + infinitive, else
    (characterising verbs) object + "as/of/for" phrase. Only children within the
    characters [lo, hi) count: a heading glued on by the parser is not a complement."""
    children = [c for c in cue.children if lo <= c.idx < hi]
    comps = [c for c in children if c.dep_ == "ccomp"]
    if not comps and kinds & _CLAUSE_KINDS:
        # "said after the debate he would not accept ...", parsed as an adverbial
        # clause: one with a subject of its own and no subordinator is the complement
        comps = [c for c in children if c.dep_ == "advcl" and c.i > cue.i
                 and c.tag_ not in ("VBG", "VBN")
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                 and not any(g.dep_ == "mark" for g in c.children)]
    if not comps and cue.pos_ == "ADJ":
        comps = [p for p in [stance_phrase(cue)] if p is not None and lo <= p.idx < hi]
    if not comps and cue.dep_ == "parataxis" and lo <= cue.head.idx < hi:
        return [cue.head]  # "The attack, she said, had clear links ...": the whole clause
    if not comps:
        # "reiterated its stance that it would not escalate": the noun's that-clause
        for c in children:
            if c.dep_ == "dobj" and c.lemma_.lower() in _STANCE_NOUNS:
                comps = [g for g in c.children if g.dep_ in ("acl", "ccomp")
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
                if comps and any(g.dep_ == "poss" and g.pos_ != "PRON" for g in c.children):
                    # "critics rejected Marlow's assertion that ...": the clause is
                    # Marlow's (a noun report); what the critics reject is the assertion
                    comps = [c]
    if not comps:
        # "argued in a memo that the plan would fail", parsed with the clause as a
        # relative clause of "memo": a clause opened by the conjunction "that" (the
        # relative pronoun would be its subject or object) is the cue's complement
        # -- unless the noun is itself somebody's report ("described as 'regrettable'
        # Merovia's claim that there had been no mediation": the clause is Merovia's).
        comps = [g for c in children if c.dep_ == "prep" and c.i > cue.i and c.lower_ != "as"
                 for o in c.children if o.dep_ == "pobj" and not _owned_report(o)
                 for g in o.children if g.dep_ in ("relcl", "acl") and _that_clause(g)]
    if not comps and "directive" in kinds:
        # "urged both sides to ...": an addressee and an infinitive; "asked not to be
        # named" has no addressee and reports nothing
        comps = [c for c in children if c.dep_ in ("xcomp", "dobj", "dative")
                 # "called on Kramer to stop ...": the addressee after the particle
                 or c.dep_ == "prep" and c.i > cue.i
                 and (cue.lemma_.lower(), c.lower_) in load_cues().phrasal]
        if not {"xcomp"} < {c.dep_ for c in comps}:
            comps = []
    if not comps and "topic" in kinds:
        # "called for increased spending", "talked about the economy": the object of
        # the cue's preposition
        preps = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in _TOPIC_PREPS]
        # "spoke to CNN about the subject": the preposition of the cue ("speak about"),
        # not the first one
        own = [c for c in preps if (cue.lemma_.lower(), c.lower_) in load_cues().phrasal]
        comps = [o for c in own + preps for o in c.children if o.dep_ in ("pobj", "pcomp")][:1]
        if comps:
            # "referred to Rubio as “a bright leader”": the "as" phrase is what is said
            comps += [c for c in children if c.dep_ == "prep" and c.lower_ == "as"
                      and c.i > comps[0].i]
    if not comps and "intent" in kinds:
        comps = [c for c in children if c.dep_ == "xcomp"]  # "vowed to bring back jobs"
    if not comps and kinds & _CLAUSE_KINDS:
        # "lamented hosting the refugees", "is considering raising the fee": a gerund
        comps = [c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i]
    if not comps and "characterize" in kinds:
        obj = [c for c in children if c.dep_ == "dobj"]
        if obj and obj[0].lower_ in _REFLEXIVES and not any(
                c.dep_ == "prep" and c.lower_ == "as" for c in children):
            obj = []  # "a group calling itself the Valley Front" names itself, says nothing
        if obj:
            more = [c for c in children
                    if (c.dep_ == "prep" and c.lower_ in ("as", "of", "for")
                        or c.dep_ in ("oprd", "xcomp", "ccomp")) and c.i > obj[0].i]
            # "denied it" reports nothing; "called it “disqualifying”" does
            comps = obj + more if (more or obj[0].pos_ != "PRON"
                                   or obj[0].lower_ in _PERSON_OBJECTS) \
                and obj[0].tag_ not in ("WP", "WDT") else []  # not "what he called “...”"
    if not comps and kinds & PASSIVE_KINDS:
        comps = passive_complement(cue, children)
    if not comps and kinds & _OBJECT_KINDS and cue.lemma_.lower() not in _NO_CONTENT_OBJECT:
        # "noted the testimony", "predicted an overwhelming victory", "the poll showed a
        # 54% approval rating": what is said, believed or shown is the object (not the
        # addressee of "told reporters"), with its "as"/"at" phrase or predicate
        obj = [c for c in children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")
               and c.i > cue.i and not _bare_participle(cue)]
        if obj:
            comps = obj + [c for c in children if c.i > obj[0].i and (
                c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and (
                    c.lower_ in ("as", "at")
                    # "polls show Clinton with a lead": what is shown is the pair
                    or c.lower_ == "with" and "evidence" in kinds))]
    return comps



def _bare_participle(v: Token) -> bool:
    """"Pakistan's reported losses": a participle with no auxiliary and no subject
    modifies a noun; it reports nothing."""
    if v.i > 0 and v.doc[v.i - 1].tag_ == "POS":
        return True  # the parser took the owner for a subject
    return v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                                       for c in v.children)


# kinds whose object is what is reported; verbs whose object is the one addressed ("told
# reporters"), or whose object reading is not a report in news ("found the bodies",
# "charged him", "the attack claimed 26 lives", "maintained a tough stance", "added a
# clause", "believed him")
_OBJECT_KINDS = frozenset({"speech", "belief", "evidence", "relay"})
_CLAUSE_KINDS = frozenset({"speech", "belief", "evidence"})
_NO_CONTENT_OBJECT = frozenset({
    "tell", "ask", "inform", "brief", "assure", "warn", "remind", "notify", "address", "urge",
    "thank", "reassure", "answer", "quote", "call", "contact", "email", "text", "phone",
    "interview", "meet",
    "find", "charge", "claim", "maintain", "observe", "add", "say", "believe", "think", "know",
    "project", "suggest", "pledge", "assess", "feel", "hold", "keep", "see", "hear"})
_TOPIC_PREPS = frozenset({"about", "to", "on", "for", "against", "of", "at", "with"})


_REPORT_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "assertion",
                           "suggestion", "insinuation", "contention", "narrative", "rumour",
                           "rumor", "notion", "belief", "view", "position", "argument"})


def _owned_report(noun: Token) -> bool:
    """A noun that reports somebody's words itself: a claim-type noun, or any noun with
    an owner ("Merovia's statement"). Its that-clause is its own content."""
    return noun.lemma_.lower() in _REPORT_NOUNS or any(ch.dep_ == "poss" for ch in noun.children)


def _that_clause(v: Token) -> bool:
    """A clause with its own subject opened by the conjunction "that"."""
    kids = list(v.children)
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in kids) \
        and any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids)


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
        if t.dep_ == "conj" and t.head.i != cue.i and t.tag_ == cue.tag_ \
                and t.tag_ in ("VBD", "VBZ") and ctx.kinds[j] & INDIRECT_KINDS \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            # "said he would order a review and warned against hackers": the second
            # verb of saying, in the cue's tense and with no subject of its own, is the
            # speaker's next act, not part of the first report
            k = t.left_edge.i - 1
            while k > lo and (doc[k].dep_ == "cc" or doc[k].is_punct):
                k -= 1
            return k
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


_PARSED = frozenset({"speech"})
# verbs with a that-clause that report no one's words or thoughts: "made sure that",
# "it means that", "so that"
_NOT_CUES = frozenset({"be", "have", "do", "make", "mean", "ensure", "require", "need", "get",
                       "take", "give", "seem", "appear", "happen", "turn", "prove", "provide",
                       "add", "matter", "help", "let", "cause", "keep", "see"})


def _parsed_cue(t: Token) -> frozenset[str]:
    """A verb outside the lexicon is a cue when the parse shows it reporting: a subject
    and a that-clause with a subject of its own ("Gowdy figures that ...", "Rubio
    envisioned that ...")."""
    if t.pos_ != "VERB" or t.lemma_.lower() in _NOT_CUES \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return frozenset()
    for c in t.children:
        if c.dep_ == "ccomp" and c.i > t.i and _that_clause(c):
            return _PARSED
    return frozenset()


# what a source thinks or wants is held all the same when negated: "Democrats don't think
# she can win" is their belief (that she cannot); "will not say that ..." reports nothing
_ATTITUDES = frozenset({"belief", "intent"})


def _negated_only(cue: Token) -> bool:
    """Negated, with no modal: "did not expect", not "would not want"."""
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)


def _named_object(comps: list[Token]) -> bool:
    """A lone object that names someone: "endorsed Clinton", "criticized him"."""
    return len(comps) == 1 and comps[0].dep_ == "dobj" and (
        comps[0].pos_ == "PROPN" or comps[0].lower_ in _PERSON_OBJECTS)


_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


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
    if kinds & _CLAUSE_KINDS and any(c.dep_ == "ccomp" for c in comps):
        # "said the claim smacked of hypocrisy, because Democrats had ...": the reason
        # the parser hung on the cue is the speaker's, part of what is said
        last = max(c.right_edge.i for c in comps)
        comps += [c for c in cue.children if c.dep_ == "advcl" and c.i > last
                  and any(g.dep_ == "mark" and g.lower_ in ("because", "since")
                          for g in c.children)]
    lo = max(min(c.left_edge.i for c in comps), ctx.tok_at(plo))
    hi = min(max(c.right_edge.i for c in comps), ctx.tok_at(phi - 1))
    if all(c.i > cue.i for c in comps):
        lo = max(lo, cue.i + 1)
    for c in comps:
        if c.dep_ == "advcl" and c.i > cue.i and c.left_edge.i == lo:
            # the misread complement starts at its subject: "said after the convention
            # he would ...": the time phrase is the saying's
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                lo = subj.left_edge.i
    hi = _clause_end(ctx, cue, lo, hi)
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                        or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")
                        or (doc[lo].dep_ == "prep" and doc[lo].head.i == cue.i)):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) \
            and not _closes_inner_quote(ctx, doc[lo].idx, doc[hi]):
        hi -= 1
    if sum(1 for x in doc[lo:hi + 1] if not x.is_punct) < 2 and not _named_object(comps):
        return None  # one word is content only as a named object ("endorsed Clinton")
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi]) - _glued_stop(doc[hi])
    m = DATELINE.match(ctx.text, s, e)
    if m and s == plo:  # "VARSK, March 11 (CPA) — Gunmen opened fire ..., officials said."
        lo = ctx.tok_at(m.end())
        s = doc[lo].idx
    return lo, hi, s, e


def _open_question(first: Token, cue: Token) -> bool:
    """"assess whether ...", "asked if ...": the reported clause itself is opened by
    whether/if; "warned that if he did not withdraw, harm would come" is a conditional
    inside a statement."""
    return first.lower_ in ("whether", "if") and first.dep_ == "mark" \
        and first.head.dep_ in ("ccomp", "xcomp", "dobj", "pcomp") and first.head.head.i == cue.i

def indirect_quotes(ctx: QuoteContext, article_id: str) -> list[Quote]:
    found: list[tuple[Token, int, int, int, int, Speaker | None]] = []
    for t in ctx.toks:
        q = None if ctx.in_quote[t.i] else asked_question(ctx, t)
        if q is not None:
            lo, hi = q
            found.append((t, lo, hi, ctx.toks[lo].idx,
                          ctx.toks[hi].idx + len(ctx.toks[hi]), None))
            continue
        q = seeming(ctx, t)
        if q is not None and ctx.para_of(t.idx) not in ctx.headline_paras:
            lo, hi = q
            found.append((t, lo, hi, ctx.toks[lo].idx,
                          ctx.toks[hi].idx + len(ctx.toks[hi]), None))
            continue
        adj_subj = belief_adjective(t)
        kinds = BELIEF if adj_subj is not None else \
            ctx.kinds[t.i] & INDIRECT_KINDS or _parsed_cue(t)
        if not kinds or ctx.in_quote[t.i]:
            continue
        if ctx.para_of(t.idx) in ctx.headline_paras:
            continue  # "India Denies Strikes on Civilian Targets" is a heading
        span = _report_span(ctx, t, kinds)
        if span is None:
            continue
        lo, hi, s, e = span
        verb = t.head if adj_subj is not None else t
        if verb.head.lower_ == "without" \
                or is_unreal(verb) and ctx.toks[lo].tag_ not in _WH_TAGS \
                and not (_negated_only(verb) and (kinds <= _ATTITUDES or not any(
                    c.dep_ == "ccomp" for c in t.children))):
            continue  # "will not say that the talks failed" reports no claim; "did not
            # say which sites were hit" is a report (of a refusal), and says nothing false;
            # so is "did not reveal the terms" (what was not said is named, with no clause
            # to take for a claim), but not "would welcome help": a wish
        subj = adj_subj if adj_subj is not None else cue_subject(t, ctx.lex, ctx.text)
        if subj is None:
            if adj_subj is None and passive_report(t):
                found.append((t, lo, hi, s, e, None))  # "X is accused of ...": by no one named
            continue
        if lo < subj.left_edge.i <= hi and subj.head.dep_ != "agent":
            # "“...,” Ohio delegate Tom Baxter, wearing a red hat, said": the speaker
            # the parser hung on the quoted clause is not part of what is said
            hi = subj.left_edge.i - 1
            while hi > lo and (ctx.toks[hi].is_punct or ctx.toks[hi].is_space) \
                    and not _closes_inner_quote(ctx, ctx.toks[lo].idx, ctx.toks[hi]):
                hi -= 1
            e = ctx.toks[hi].idx + len(ctx.toks[hi])
        if ctx.quoted_share(s, e) >= 0.95:
            continue  # the clause is all quote: the direct quote is the report
        r = ctx.resolver.resolve(subj)
        if r.grounded or (_nominal(subj) and not _open_question(ctx.toks[lo], t)):
            # any noun phrase can be a source ("61 percent said", "the survey found",
            # "the four contenders agreed"), but an open question is not what a bare noun
            # phrase reports: "as both nations assess whether ..." is the writer's
            found.append((t, lo, hi, s, e, r.speaker))
        elif subj.lower_ in _PERSONAL:  # someone is reporting; we cannot say who
            found.append((t, lo, hi, s, e, None))
    out = []
    for t, _, _, s, e, speaker in found:
        if any(o.i != t.i and lo2 <= t.i <= hi2 for o, lo2, hi2, *_ in found) \
                and not _writers_clause(t):
            continue  # a report inside someone's report belongs to the outer speaker
        out.append(make_quote(ctx.text, article_id, s, e, False, ctx.lex.cue_name(t), speaker,
                          "indirect"))
    return out
