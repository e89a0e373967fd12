"""Reading one sentence for the claims stage: who asserts it, whether it is negated or
denied, what kind of claim it makes, and whether it is worth checking at all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from chronicler.nlp.claims import hedges
from chronicler.nlp.claims.hedges import Cues
from chronicler.nlp.quotes.marks import is_headline_like
from chronicler.nlp.stages import ArticleContext
from chronicler.records import (
    Asserter,
    Mention,
    Quote,
)
from chronicler.text.dates import MONTHS

_MIN_TOKENS = 5
_SHORT_QUOTE_WORDS = 4  # shorter direct quotes colour a sentence; they are not its source
_LINK_BACK, _LINK_AHEAD = 3, 2  # sentences searched for what a pointer denial denies
_LABELLING = frozenset({"call", "describe", "dismiss", "term", "brand", "label", "reject",
                        "denounce", "deride", "characterise", "characterize"})
_ACCUSING = frozenset({"accuse", "blame", "charge", "allege", "implicate", "hold"})
_PERSONAL = frozenset({"i", "we", "he", "she", "they", "it", "you"})
_NEG_WORDS = frozenset({"no", "not", "n't", "never", "none", "nobody", "nothing"})
# "There was no response/comment": silence, not a denial of anything.
_NOT_DENIED = frozenset({"response", "comment", "reaction", "word", "statement", "mention",
                         "indication", "confirmation", "sign", "answer", "reply", "news",
                         "information", "update", "immediate"})
_MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might",
                     "must"})
_MONTHS = "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True))
# "VARSK, April 2 (CPA) — ", "Bhubaneswar, June 5, 2025: ", "TIRVAN (KNB) – "
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})"
    rf"(?:,\s*(?:{_MONTHS})\.? \d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"(?:\s*\([A-Z][A-Za-z]{1,10}\))?\s*[—–:-]\s+")


# ------------------------------------------------------------------ helpers
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _trimmed(sent: Span) -> tuple[int, int]:
    """The sentence's span without surrounding space and a leading dateline."""
    raw = sent.text
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    end = sent.start_char + len(raw.rstrip())
    head = raw.strip()
    m = _DATELINE.match(head)
    if m and (m.group(0).split(",")[0].split(" (")[0].isupper() or "," in m.group(0)
              or "(" in m.group(0)):
        start += m.end()
    return start, end


def _is_headline(sent: Span, ctx: ArticleContext) -> bool:
    text = sent.text.strip()
    if ctx.title and text.rstrip(".") == ctx.title.strip().rstrip("."):
        return True
    return is_headline_like(text, 0, len(text))


def _skip(sent: Span, ctx: ArticleContext, c: Cues) -> bool:
    text = sent.text.strip()
    if len(sent) < _MIN_TOKENS or text.rstrip("\"'”’ ").endswith("?"):
        return True
    low = text.lower().lstrip("\"'“‘(")
    if low.startswith(c.greetings) or text.lower().startswith(c.furniture):
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True
    return _is_headline(sent, ctx)


# Cues of noun-headed reports ("Merovia's claim that ..."): their content is a clause
# inside the sentence, never the source of the whole sentence.
_REPORT_NOUN_CUES = frozenset({"claim", "allegation", "accusation", "charge", "assertion",
                               "suggestion", "insinuation", "contention", "report",
                               "narrative"})


def _find_quote(span: tuple[int, int], quotes: Sequence[Quote]) -> Quote | None:
    """The quote this sentence is asserted in: the one covering most of it, ignoring
    short partial quotes ("a cowardly act of war") that only colour the sentence."""
    best, best_ov = None, 0
    for q in quotes:
        if q.direct and len(q.text.split()) <= _SHORT_QUOTE_WORDS:
            continue
        if not q.direct and (q.cue or "").lower() in _REPORT_NOUN_CUES:
            # "She described as 'regrettable' Merovia's claim that ...": the noun's
            # content is reported inside the sentence, whose source is its own subject.
            continue
        ov = _overlap(span, q.span)
        if ov >= 0.3 * (span[1] - span[0]) and ov > best_ov:
            best, best_ov = q, ov
    return best


def _mention_at(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The mention covering ``tok`` or, failing that, the first one in its subtree."""
    lo, hi = tok.idx, tok.idx + len(tok.text)
    for m in mentions:
        if m.span[0] <= lo and hi <= m.span[1]:
            return m
    left, right = tok.left_edge, tok.right_edge
    span = (left.idx, right.idx + len(right.text))
    inside = [m for m in mentions if _overlap(span, m.span)]
    return inside[0] if inside else None


def _subject(verb: Token) -> Token | None:
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            return ch
    # "..., Indian officials dismissed" parsed under a conjunct or xcomp: walk up once
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        for ch in verb.head.children:
            if ch.dep_ == "nsubj":
                return ch
    return None


def _np_text(tok: Token) -> str:
    """The noun phrase of ``tok`` without appositions, participial or relative clauses
    ("A Merovian defence official, speaking on condition of anonymity" -> "A Merovian
    defence official")."""
    drop: set[int] = set()
    for ch in tok.children:
        if ch.dep_ in ("appos", "acl", "relcl", "punct") or ch.dep_ == "prep" and ch.i > tok.i \
                and ch.lower_ not in ("of",):
            drop.update(x.i for x in ch.subtree)
    toks = [t for t in tok.subtree if t.i not in drop and not t.is_punct]
    return " ".join(t.text for t in toks) if toks else tok.text


def _asserter_from(tok: Token, mentions: Sequence[Mention],
                   names: dict[str, str], c: Cues) -> tuple[Asserter, str] | None:
    """An asserter for the subject/holder token: an actor mention (reported) or an
    anonymous group ("Indian officials": unnamed); None for pronouns without a
    mention."""
    m = _mention_at(tok, mentions)
    phrase = _np_text(tok)
    if hedges.is_unnamed_name(tok.text, c) or hedges.is_unnamed_name(phrase, c):
        return Asserter(name=phrase, country=m.country if m else None), "unnamed"
    if m is None:
        return None
    return (Asserter(name=names.get(m.actor_id, m.text), country=m.country,
                     actor_id=m.actor_id, sector=m.sector), "reported")


def _quote_asserter(q: Quote, c: Cues) -> tuple[Asserter | None, str]:
    sp = q.speaker
    if sp is None:
        return None, "unnamed"
    who = Asserter(name=sp.name, country=sp.country, actor_id=sp.actor_id, sector=sp.sector)
    if sp.actor_id is None and hedges.is_unnamed_name(sp.name, c):
        return who, "unnamed"
    if q.kind == "according_to" and hedges.is_unnamed_name(sp.name, c):
        return who, "unnamed"
    return who, "direct" if q.direct else "reported"


def _negated(sent: Span) -> bool:
    """A factual negation of the main clause: "X did not strike Y", "Not one
    installation was on the list", "There was no mediation". A negated modal ("we
    cannot compel") is a stance, not a fact."""
    root = sent.root
    if any(ch.lower_ in _MODALS for ch in root.children if ch.dep_ == "aux"):
        return False
    if any(t.dep_ == "neg" for t in root.children):
        return True
    # "Not one Kaldorian installation was ...", "No civilians were ...", "There was no X"
    args = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")]
    return any(t.lower_ in _NEG_WORDS for s in args for t in s.subtree if t.i <= s.i)


def _affirmed(sent: Span, span: tuple[int, int]) -> str:
    """The sentence with its negation words dropped ("There was no mediation" ->
    "There was mediation"): what a negated claim contradicts, for alignment."""
    words = [t.text_with_ws for t in sent if span[0] <= t.idx < span[1]
             and not (t.lower_ in _NEG_WORDS and t.dep_ in ("neg", "det", "advmod", "nsubj"))]
    return "".join(words).strip()


def _kind(sent: Span, low: str, n_mentions: int, n_counts: int, denial: bool,
          c: Cues) -> str | None:
    """The claim kind, or None when the sentence is not a factual proposition."""
    if denial or _no_such_thing(sent) is not None:
        return "denial"
    if c.accusation.search(low) and n_mentions:
        return "accusation"
    root = sent.root
    if n_counts:
        return "number"
    if c.opinion_phrases.search(low):
        return None  # "it is evident that ...": the writer's judgement
    if root.lemma_ in c.appeal_lemmas or root.lemma_ in c.opinion_lemmas:
        return None  # "X urged restraint", "this reflects ...": nothing to check
    if any(t.lower_ in c.modals and t.head.i == root.i for t in sent):
        return None  # "both sides must ...": a recommendation
    if c.causal.search(low) and n_mentions:
        return "causal"
    actions = [t for t in sent if t.pos_ == "VERB" and t.lemma_ not in c.speech_lemmas
               and t.lemma_ not in c.appeal_lemmas and t.lemma_ not in c.opinion_lemmas]
    # "Kaldoria says the complex is a seminary" (an identity with a noun attribute),
    # "Qorvan said that Norvane had been in contact with both sides" (a reported state)
    identities = [t for t in sent if t.lemma_ == "be" and t.dep_ in ("ccomp", "ROOT")
                  and any(ch.dep_ == "attr" and (ch.pos_ in ("NOUN", "PROPN") or any(
                      x.dep_ == "det" for x in ch.children))
                      or ch.dep_ == "prep" and t.dep_ == "ccomp" for ch in t.children)]
    if n_mentions and (actions or identities):
        return "action"
    return None


def _no_such_thing(sent: Span) -> Token | None:
    """"There was no mediation", "there had been 'no mediation' by any third party": an
    existential negated in the past or present (not "there will be no ..."); returns
    its verb."""
    for t in sent:
        if t.lemma_ == "be" and any(ch.dep_ == "expl" for ch in t.children) and not any(
                ch.lower_ in _MODALS for ch in t.children if ch.dep_ == "aux"):
            attrs = [ch for ch in t.children if ch.dep_ in ("attr", "nsubj", "dobj")
                     and ch.lemma_.lower() not in _NOT_DENIED]
            if any(x.lower_ == "no" and x.dep_ == "det" for a in attrs for x in a.children):
                return t
    return None


def _accusation_verb(sent: Span, c: Cues) -> Token | None:
    """The verb whose subject accuses ("accused", "blamed"); in "X fosters terrorism"
    the subject is the accused, so that verb is not one."""
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in _ACCUSING:
            return t
    return None


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "dative", "oprd"})


def _background(head: Token) -> bool:
    """Is the noun ``head`` no argument of a verb (in a prepositional adjunct, "in
    response to the attack that ...", or an apposition)? A subject or object of any
    verb is what that verb says something of ("condemned the attack, in which 24
    died"). Conjuncts and compounds take the place of the word they join."""
    t = head
    while t.dep_ in ("conj", "appos", "compound") and t.head is not t:
        if t.dep_ == "appos":
            return True
        t = t.head
    return not (t.dep_ in _ARGUMENTS and t.head.pos_ in ("VERB", "AUX"))


def _within(t: Token, head: Token) -> bool:
    """Is ``t`` ``head`` or one of its descendants?"""
    return head.left_edge.i <= t.i <= head.right_edge.i and (
        t.i == head.i or any(a.i == head.i for a in t.ancestors))


_FIRST_PERSON = frozenset({"we", "i"})


def _first_person_speaker(sent: Span, q: Quote | None) -> str | None:
    """In a direct quote whose speaker's country is known, a sentence whose subject is
    "we" or "I" ("We are open to talks but will not beg for them") is about the speaker's
    side as much as one that names it: that country, else None."""
    if q is None or not q.direct or q.speaker is None or not q.speaker.country:
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _FIRST_PERSON for t in sent):
        return q.speaker.country
    return None
