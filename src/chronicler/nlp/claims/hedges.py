"""Hedges, denials and the assertions a sentence reports: the cue logic of the claims
stage, kept apart from the sentence loop so it can be tested and extended alone.

Cue words live in ``data/claims/cues.toml``. Everything here reads a parsed sentence
(a spaCy ``Span``) and never calls the model.

* ``hedge_of``: asserted, reported, alleged, speculative or denied.
* ``denial_trigger``: the token that makes a sentence a denial, if any. "deny",
  "dismiss", "refute" deny unless their object is a refusal object ("denied visas");
  "reject" denies only a claim ("rejected the allegations", "rejected X as baseless"),
  never a proposal ("rejected third-party mediation" is an act of refusal); a predicate
  word ("called it 'propaganda'", "baseless") denies what it is said of.
* ``reported_assertions``: somebody else's assertion named inside a sentence
  ("Pakistan's claims of Indian strikes on ...", "claims that its missiles had struck
  ...", "despite Trump's repeated claims of credit for the deal"): its content span and
  who made it, so the stage can emit the asserted side of a denial as its own claim.
* ``denied_target``: the span of what a denial denies; ``is_anaphoric`` says when that
  is only a pointer ("the accusations", "it", "such allegations") to be resolved to a
  nearby claim.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

HEDGES = ("asserted", "reported", "alleged", "speculative", "denied")
_DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those", "such", "its", "their",
                             "his", "her", "both"})
_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them", "they", "all"})
_CLAIM_VERBS = frozenset({"claim", "allege"})


@dataclass(frozen=True)
class Cues:
    denial_verbs: frozenset[str]
    reject_verbs: frozenset[str]
    refusal_objects: frozenset[str]
    predicates: re.Pattern[str]
    predicate_exceptions: re.Pattern[str]
    claim_nouns: frozenset[str]
    alleged: re.Pattern[str]
    alleged_exceptions: re.Pattern[str]
    speculative: re.Pattern[str]
    unnamed: re.Pattern[str]
    unnamed_heads: frozenset[str]
    accusation: re.Pattern[str]
    causal: re.Pattern[str]
    greetings: tuple[str, ...]
    furniture: tuple[str, ...]
    appeal_lemmas: frozenset[str]
    opinion_lemmas: frozenset[str]
    opinion_phrases: re.Pattern[str]
    modals: frozenset[str]
    speech_lemmas: frozenset[str]


def phrase_re(words: list[str]) -> re.Pattern[str]:
    """Whole-word alternation, longest first so "could have" wins over "could"."""
    ws = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ws) + r")(?![\w-])")


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = tomllib.loads(
        resources.files("chronicler").joinpath("data/claims/cues.toml").read_text("utf-8"))
    d, sk = raw["denial"], raw["skip"]
    return Cues(
        denial_verbs=frozenset(d["verbs"]),
        reject_verbs=frozenset(d["reject_verbs"]),
        refusal_objects=frozenset(d["refusal_objects"]),
        predicates=phrase_re(d["predicates"]),
        predicate_exceptions=phrase_re(d["predicate_exceptions"]),
        claim_nouns=frozenset(raw["claim_nouns"]["nouns"]),
        alleged=phrase_re(raw["hedge"]["alleged"]),
        alleged_exceptions=re.compile("|".join(raw["hedge"]["alleged_exceptions"])),
        speculative=phrase_re(raw["hedge"]["speculative"]),
        unnamed=phrase_re(raw["unnamed"]["phrases"]),
        unnamed_heads=frozenset(raw["unnamed"]["heads"]),
        accusation=phrase_re(raw["kinds"]["accusation"]),
        causal=phrase_re(raw["kinds"]["causal"]),
        greetings=tuple(sk["greetings"]),
        furniture=tuple(sk["furniture"]),
        appeal_lemmas=frozenset(sk["appeal_lemmas"]),
        opinion_lemmas=frozenset(sk["opinion_lemmas"]),
        opinion_phrases=phrase_re(sk["opinion_phrases"]),
        modals=frozenset(sk["modals"]),
        speech_lemmas=frozenset(sk["speech_lemmas"]),
    )


# ------------------------------------------------------------------ denials
def _objects(t: Token) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")]


def _is_claim_noun(t: Token, c: Cues) -> bool:
    return t.lemma_.lower() in c.claim_nouns and t.pos_ in ("NOUN", "PROPN")


def _has_as_predicate(t: Token, c: Cues) -> bool:
    """"rejected X as baseless": an ``as`` phrase whose words are a denial predicate."""
    for ch in t.children:
        if ch.dep_ == "prep" and ch.lower_ == "as":
            words = " ".join(x.lower_ for x in ch.subtree)
            if c.predicates.search(words):
                return True
    return False


def _predicate_match(text_low: str, c: Cues) -> bool:
    masked = c.predicate_exceptions.sub(" ", text_low)
    return c.predicates.search(masked) is not None


def denial_trigger(sent: Span, c: Cues | None = None) -> Token | None:
    """The token that makes ``sent`` a denial (a verb, or the first word of a denial
    predicate), or None."""
    c = c or cues()
    for t in sent:
        lem = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if lem in c.denial_verbs:
            if t.dep_ in ("amod", "acl") or any(ch.dep_ == "auxpass" for ch in t.children) \
                    and not any(ch.dep_ == "agent" for ch in t.children):
                continue  # "the denied report", "was denied": no one here denies
            objs = _objects(t)
            if objs and all(o.lower_ in c.refusal_objects or o.lemma_ in c.refusal_objects
                            for o in objs):
                continue
            return t
        if lem in c.reject_verbs:
            objs = _objects(t)
            if _has_as_predicate(t, c) or any(
                    _is_claim_noun(o, c) or any(_is_claim_noun(x, c) for x in o.subtree)
                    for o in objs):
                return t
            if any(ch.dep_ == "ccomp" for ch in t.children):  # "rejected that ..."
                return t
    low = sent.text.lower()
    if _predicate_match(low, c):
        masked = c.predicate_exceptions.sub(lambda x: " " * len(x.group()), low)
        for m in c.predicates.finditer(masked):
            at = sent.start_char + m.start()
            tok = next((t for t in sent if t.idx >= at), None)
            # A predicate word used as a verb calls nothing false: "the onus lies with
            # New Delhi" is not "lies", "it fakes nothing" is not "fake".
            if tok is None or (tok.pos_ in ("VERB", "AUX") and " " not in m.group().strip()):
                continue
            return tok
    return None


def denied_target(trigger: Token, sent: Span) -> tuple[int, int] | None:
    """Character span of what the denial denies: the clause or object of the denial
    verb ("denied that X", "dismissed X as ..."), the subject a predicate is said of
    ("X is baseless"), the object of "called"/"described" ("called it propaganda"), or
    the reported clause a predicate sits in ("said that Kaldoria had 'nothing to do
    with' the incident")."""
    t = trigger
    if t.pos_ in ("VERB", "AUX"):
        for ch in t.children:
            if ch.dep_ in ("ccomp", "dobj", "obj", "xcomp") and ch.i != t.i:
                return trim_proposition(_subtree(ch, sent))
        for ch in t.children:
            if ch.dep_ == "nsubjpass":
                return trim_proposition(_subtree(ch, sent))
    clause = governing_verb(t)
    if clause is not None and clause.dep_ == "ccomp" and \
            clause.lemma_ not in ("call", "describe", "dismiss", "term", "brand"):
        return trim_proposition(_subtree(clause, sent))
    # predicate word: the object of the verb it complements ("called it 'propaganda'",
    # "dismissed the reports as 'completely false'") or the subject of its copula
    head = t
    for _ in range(4):
        if head.head is head:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            objs = [ch for ch in head.children if ch.dep_ in ("dobj", "obj") and ch.i != t.i
                    and not (ch.i <= t.i <= ch.right_edge.i)]
            if objs:
                return trim_proposition(_subtree(objs[0], sent))
            subj = [ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass")
                    and head.lemma_ == "be"]
            if subj:
                return trim_proposition(_subtree(subj[0], sent))
            break
    return None


def _subtree(t: Token, sent: Span) -> list[Token]:
    return [x for x in t.subtree if sent.start <= x.i < sent.end]


def governing_verb(t: Token) -> Token | None:
    """The verb a denial predicate hangs from ("called it 'propaganda'": called)."""
    head = t
    for _ in range(5):
        if head.pos_ in ("VERB", "AUX") and head is not t:
            return head
        if head.head is head:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
    return None


def is_anaphoric(span_text: str) -> bool:
    """A target that only points back: a pronoun, or a short noun phrase headed by a
    claim noun with a determiner ("the accusations", "such allegations", "the charge")."""
    words = re.findall(r"[\w'-]+", span_text.lower())
    if not words:
        return True
    if len(words) == 1 and words[0] in _PRONOUNS:
        return True
    c = cues()
    head = words[-1].rstrip("s")
    return (len(words) <= 4 and words[0] in _DEMONSTRATIVES
            and (head in c.claim_nouns or words[-1] in c.claim_nouns
                 or head in ("finding", "story", "stories", "reports", "figure")))


# ---------------------------------------------------------- reported assertions
@dataclass(frozen=True)
class ReportedAssertion:
    """"Pakistan's claims of X": ``content`` is X's span, ``holder`` the token of who
    claims it (None when the sentence does not say)."""

    noun: Token
    content: tuple[int, int]
    holder: Token | None


def reported_assertions(sent: Span, c: Cues | None = None) -> list[ReportedAssertion]:
    c = c or cues()
    out: list[ReportedAssertion] = []
    for t in sent:
        if not _is_claim_noun(t, c) or t.lemma_.lower() == "report" and t.tag_ == "NN" and \
                not any(ch.lower_ in ("that", "of") for ch in t.children):
            continue
        content = _claim_content(t, sent)
        if content is None:
            continue
        out.append(ReportedAssertion(noun=t, content=content, holder=_holder(t)))
    # "With Trump claiming that US intervention averted ...": a claim verb inside a
    # clause of someone else's sentence (a main-clause "X claimed that" is the
    # sentence's own claim, asserted by X).
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in _CLAIM_VERBS and t.dep_ in (
                "advcl", "pcomp", "acl", "conj") and t.head.lemma_ not in _CLAIM_VERBS:
            comp = [ch for ch in t.children if ch.dep_ == "ccomp"]
            subj = [ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")]
            span = trim_proposition(_subtree(comp[0], sent)) if comp else None
            if span is not None:
                out.append(ReportedAssertion(noun=t, content=span,
                                             holder=subj[0] if subj else None))
    return out


def _claim_content(noun: Token, sent: Span) -> tuple[int, int] | None:
    """"claims that X" -> X; "claims of X (for Y)" -> "X (for Y)"; a trailing
    participial clause (", dismissing the allegations ...") is not part of it."""
    start: int | None = None
    for ch in noun.children:
        if ch.dep_ in ("acl", "ccomp", "relcl") and any(
                x.lower_ == "that" and x.dep_ == "mark" for x in ch.children):
            mark = next(x for x in ch.children if x.lower_ == "that" and x.dep_ == "mark")
            start = mark.i + 1
            break
        if ch.dep_ == "prep" and ch.lower_ in ("of", "about"):
            objs = [x for x in ch.children if x.dep_ in ("pobj", "pcomp")]
            if objs:
                start = objs[0].left_edge.i
                break
        if ch.dep_ in ("acl", "xcomp") and ch.tag_ in ("VB", "VBN") and any(
                x.lower_ == "to" for x in ch.children):  # "claims to have struck X"
            start = ch.left_edge.i
            break
    if start is None:
        return None
    end = min(noun.right_edge.i, sent.end - 1)
    for t in sent.doc[start:end + 1]:
        if t.i > start and t.is_punct and t.text in ",;:—–(" and t.i + 1 <= end and (
                sent.doc[t.i + 1].tag_ in ("VBG", "VBN") or sent.doc[t.i + 1].lower_
                in ("and", "but", "while", "which", "who", "insisting", "saying")):
            end = t.i - 1
            break
    return trim_proposition(sent.doc[start:end + 1])


def trim_proposition(span: Span | list[Token], c: Cues | None = None
                     ) -> tuple[int, int] | None:
    """The character span of a proposition without what the denial wraps around it:
    a leading "that", a trailing "as 'baseless'" or "is baseless", a participial
    clause after a comma (", saying ..."), quote marks and punctuation at the ends."""
    c = c or cues()
    toks = list(span)
    while toks and (toks[0].lower_ == "that" or toks[0].is_punct or toks[0].is_space
                    or toks[0].is_quote):
        toks.pop(0)
    for k, t in enumerate(toks):
        if k == 0:
            continue
        rest = " ".join(x.lower_ for x in toks[k:k + 6])
        if t.lower_ in ("as", "is", "are", "was", "were", "be") and (
                _predicate_match(" ".join(x.lower_ for x in toks[k + 1:k + 6]), c)
                or rest.startswith(("as propaganda", "as a lie"))):
            toks = toks[:k]
            break
        if t.text in (",", ";", "—", "–") and k + 1 < len(toks) and (
                toks[k + 1].tag_ == "VBG" or toks[k + 1].lower_ in ("saying", "adding",
                                                                    "insisting", "while")):
            toks = toks[:k]
            break
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].is_quote):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _holder(noun: Token) -> Token | None:
    """Who makes the claim: a possessor ("Pakistan's claims", "Trump's repeated
    claims") or the agent of "made by" ("allegations made by Pakistani officials")."""
    for ch in noun.children:
        if ch.dep_ == "poss":
            return ch
    for ch in noun.children:
        if ch.dep_ == "acl":
            for g in ch.children:
                if g.dep_ == "agent":
                    objs = [x for x in g.children if x.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None


# ------------------------------------------------------------------ hedges
def hedge_of(sent_low: str, attribution: str, denial: bool, c: Cues | None = None) -> str:
    c = c or cues()
    if denial:
        return "denied"
    if is_alleged(sent_low, c):
        return "alleged"
    if c.speculative.search(sent_low):
        return "speculative"
    return "reported" if attribution in ("reported", "unnamed") else "asserted"


def is_alleged(low: str, c: Cues | None = None) -> bool:
    c = c or cues()
    masked = c.alleged_exceptions.sub(" ", c.predicate_exceptions.sub(" ", low))
    return c.alleged.search(masked) is not None


def unnamed_phrase(sent_low: str, c: Cues | None = None) -> str | None:
    c = c or cues()
    m = c.unnamed.search(sent_low)
    return m.group(0) if m else None


def is_unnamed_name(name: str, c: Cues | None = None) -> bool:
    """"Merovian officials", "a government source", "Reports": a speaker that names
    nobody in particular."""
    c = c or cues()
    words = re.findall(r"[\w'-]+", name.lower())
    return bool(words) and words[-1] in c.unnamed_heads
