"""Per-article claims: check-worthy factual propositions, who asserts them and how.

One claim per check-worthy sentence: an actor doing something, a number, an
accusation, a causal attribution or a denial. Questions, greetings, plain appeals and
sentences without a verb are skipped. The asserter is the speaker of the quote the
sentence sits in, an unnamed source ("officials said"), or else the outlet.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from chronicler.nlp.stages import ArticleContext, Stage, State
from chronicler.records import Asserter, Claim, ClaimEvidence, Count, Mention, Quote, content_id

STAGE_NAME = "chronicler.claims.v1"
_MIN_TOKENS = 5
_SHORT_QUOTE_WORDS = 4  # shorter direct quotes are partial/scare quotes, not the source


@dataclass(frozen=True)
class Cues:
    hedge: dict[str, re.Pattern[str]]
    unnamed: re.Pattern[str]
    accusation: re.Pattern[str]
    causal: re.Pattern[str]
    greetings: tuple[str, ...]
    appeal_lemmas: frozenset[str]
    speech_lemmas: frozenset[str]


def _alt(words: list[str]) -> re.Pattern[str]:
    # Longest first so "could have" wins over "could"; whole words only.
    ws = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ws) + r")\b")


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = tomllib.loads(
        resources.files("chronicler").joinpath("data/claims/cues.toml").read_text("utf-8"))
    return Cues(
        hedge={k: _alt(v) for k, v in raw["hedge"].items()},
        unnamed=_alt(raw["unnamed"]["phrases"]),
        accusation=_alt(raw["kinds"]["accusation"]),
        causal=_alt(raw["kinds"]["causal"]),
        greetings=tuple(raw["skip"]["greetings"]),
        appeal_lemmas=frozenset(raw["skip"]["appeal_lemmas"]),
        speech_lemmas=frozenset(raw["skip"]["speech_lemmas"]),
    )


# ------------------------------------------------------------------ helpers
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _is_headline(sent: Span, ctx: ArticleContext) -> bool:
    text = sent.text.strip()
    if ctx.title and text.rstrip(".") == ctx.title.strip().rstrip("."):
        return True
    # No final punctuation and mostly title-case: a headline or a caption.
    words = [t for t in sent if t.is_alpha]
    if text and text[-1] not in ".!\"'”’)" and words:
        caps = sum(1 for t in words if t.text[:1].isupper())
        return caps / len(words) > 0.6
    return False


def _skip(sent: Span, ctx: ArticleContext, c: Cues) -> bool:
    text = sent.text.strip()
    if len(sent) < _MIN_TOKENS or text.endswith("?") or text.rstrip("\"'”’").endswith("?"):
        return True
    low = text.lower().lstrip("\"'“‘")
    if low.startswith(c.greetings):
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True
    return _is_headline(sent, ctx)


def _find_quote(sent: Span, quotes: list[Quote]) -> Quote | None:
    """The quote this sentence is asserted in: the one covering most of it, ignoring
    short partial quotes ("false flag") that only colour the sentence."""
    span = (sent.start_char, sent.end_char)
    best, best_ov = None, 0
    for q in quotes:
        if q.direct and len(q.text.split()) <= _SHORT_QUOTE_WORDS:
            continue
        ov = _overlap(span, q.span)
        if ov >= 0.3 * (span[1] - span[0]) and ov > best_ov:
            best, best_ov = q, ov
    return best


def _is_unnamed_speaker(q: Quote) -> bool:
    sp = q.speaker
    if sp is None:
        return True
    # "officials", "one senior officer": lower-case common nouns, no actor behind them.
    return sp.actor_id is None and not sp.name[:1].isupper() or sp.name.lower() in (
        "officials", "sources", "reports")


def _hedge(low: str, c: Cues, reported: bool) -> str:
    for h in ("denied", "alleged", "speculative"):
        if c.hedge[h].search(low):
            return h
    return "reported" if reported else "asserted"


def _negated(sent: Span) -> bool:
    root = sent.root
    return any(t.dep_ == "neg" for t in root.children)


def _denied_clause(sent: Span, c: Cues) -> str:
    """What is denied: the clause or object of the denial verb ("denied that X",
    "rejected X as baseless"), else the sentence without its cue."""
    for t in sent:
        if c.hedge["denied"].fullmatch(t.lower_) and t.pos_ == "VERB":
            for ch in t.children:
                if ch.dep_ in ("ccomp", "dobj", "xcomp"):
                    sub = list(ch.subtree)
                    clause = sent.doc[sub[0].i: sub[-1].i + 1].text.strip(" \"'“”‘’")
                    return re.sub(r"^that\s+", "", clause)
    return sent.text.strip()


def _checkworthy(sent: Span, low: str, n_mentions: int, n_counts: int, c: Cues) -> str | None:
    """The claim kind, or None when the sentence is not a factual proposition."""
    if c.hedge["denied"].search(low):
        return "denial"
    if c.accusation.search(low):
        return "accusation"
    if n_counts:
        return "number"
    root = sent.root
    if root.lemma_ in c.appeal_lemmas:
        return None  # "X urged restraint": a plain appeal, nothing to check
    if c.causal.search(low) and n_mentions:
        return "causal"
    actions = [t for t in sent if t.pos_ == "VERB" and t.lemma_ not in c.speech_lemmas
               and t.lemma_ not in c.appeal_lemmas]
    if actions and (n_mentions or c.hedge["speculative"].search(low)):
        return "action"
    return None


def _asserter_for_quote(q: Quote) -> Asserter:
    sp = q.speaker
    assert sp is not None
    return Asserter(name=sp.name, country=sp.country, actor_id=sp.actor_id, sector=sp.sector)


# ------------------------------------------------------------------ stage
def extract_claims(doc: Doc, ctx: ArticleContext, mentions: list[Mention],
                   quotes: list[Quote], counts: list[Count]) -> list[Claim]:
    c = cues()
    out: list[Claim] = []
    for sent in doc.sents:
        if _skip(sent, ctx, c):
            continue
        span = (sent.start_char, sent.end_char)
        ms = [m for m in mentions if _overlap(span, m.span)]
        cs = [n for n in counts if _overlap(span, n.span)]
        low = sent.text.lower()
        kind = _checkworthy(sent, low, len(ms), len(cs), c)
        if kind is None:
            continue
        q = _find_quote(sent, quotes)
        m_un = c.unnamed.search(low)
        if q is not None and not _is_unnamed_speaker(q):
            asserter = _asserter_for_quote(q)
            attribution = "direct" if q.direct else "reported"
        elif m_un is not None or q is not None:
            name = m_un.group(0) if m_un else (q.speaker.name if q and q.speaker else "unnamed")
            country = q.speaker.country if q and q.speaker else None
            asserter = Asserter(name=name, country=country)
            attribution = "unnamed"
        else:
            asserter = Asserter(name=ctx.outlet or "outlet", country=None)
            attribution = "outlet"
        hedge = _hedge(low, c, reported=attribution in ("reported", "unnamed"))
        polarity = "neg" if hedge == "denied" or _negated(sent) else "pos"
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        cid = content_id("claim", ctx.article_id, str(start), str(end))
        out.append(Claim(
            id=cid, text=text, asserted_by=asserter, attribution=attribution, hedge=hedge,
            article_ids=[ctx.article_id], kind=kind, polarity=polarity,
            entities=sorted({m.country for m in ms if m.country}),
            numbers=sorted({n.number for n in cs}),
            quote_id=q.id if q is not None else None,
            target_text=_denied_clause(sent, c) if hedge == "denied" else None,
            evidence=[ClaimEvidence(article_id=ctx.article_id, outlet=ctx.outlet, text=text,
                                    span=(start, end), asserted_by=asserter, hedge=hedge)],
        ))
    return out


def _run(doc: Doc, ctx: ArticleContext, state: State) -> State:
    return {"claims": extract_claims(doc, ctx, state.get("mentions", []),
                                     state.get("quotes", []), state.get("counts", []))}


STAGE = Stage(
    name=STAGE_NAME,
    requires=("mentions", "quotes", "counts", "doc.sents", "token.dep", "token.lemma"),
    assigns=("claims",),
    run=_run,
    doc="Check-worthy claims per sentence, with asserter, attribution and hedge.",
)
