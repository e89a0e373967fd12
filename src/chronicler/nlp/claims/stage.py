"""Per-article claims (stage ``chronicler.claims.v1``): check-worthy factual
propositions, who asserts them and how.

One claim per check-worthy sentence: an actor doing something, a number, an
accusation, a causal attribution or a denial. Questions, greetings, page furniture,
headlines, plain appeals ("X urged restraint") and the writer's opinions are skipped.

Who asserts it (``asserted_by`` + ``attribution``), first that applies:

1. a denial or accusation asserts what its **subject** says: "India denied ...",
   "Munir and Sharif accused India of ..." (reported; unnamed for "Indian officials");
2. the **speaker of the quote** the sentence sits in (direct or reported; a speaker
   who names nobody, "officials said", is unnamed);
3. an **unnamed source** phrase ("according to ongoing analysis", "reports say");
4. else the **outlet** itself.

A sentence can also carry somebody else's assertion ("Pakistan's claims of Indian
strikes on Attock", "despite Trump's repeated claims of credit for the deal"): that
becomes a claim of its own, alleged by its holder. A denial is linked both ways
(``contested_by``) to what it denies when that is in the same article: an assertion
named in the same sentence, or, for a pointer ("dismissed the accusations", "called it
propaganda"), the nearest alleged claim or accusation within three sentences.
Alignment across articles (``chronicler.corpus.align``) does the rest.

Ids: ``content_id("claim", article_id, str(start), str(end))`` of the claim text's span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from chronicler.nlp.actors.resolve import STATE_SECTORS as ACTOR_STATE_SECTORS
from chronicler.nlp.claims import hedges
from chronicler.nlp.claims.hedges import cues
from chronicler.nlp.claims.sentences import (
    _LABELLING,
    _LINK_AHEAD,
    _LINK_BACK,
    _PERSONAL,
    _accusation_verb,
    _affirmed,
    _asserter_from,
    _background,
    _find_quote,
    _first_person_speaker,
    _kind,
    _mention_at,
    _negated,
    _no_such_thing,
    _np_text,
    _overlap,
    _quote_asserter,
    _skip,
    _subject,
    _trimmed,
    _within,
)
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import (
    Actor,
    Asserter,
    Claim,
    ClaimEvidence,
    Count,
    Event,
    Mention,
    Place,
    Quote,
    content_id,
)

STAGE_NAME = "chronicler.claims.v1"
UNNAMED = "unnamed sources"  # who holds an assertion a sentence names without its holder
@dataclass
class _Sent:
    """What the stage knows about one check-worthy sentence while building claims."""

    index: int
    sent: Span
    claim: Claim
    pointer: bool = False  # a denial whose object only points at a claim nearby
    held: bool = False  # somebody's assertion named inside the sentence
    linked: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ the stage
class _Builder:
    def __init__(self, doc: Doc, ctx: ArticleContext, mentions: Sequence[Mention],
                 quotes: Sequence[Quote], counts: Sequence[Count], places: Sequence[Place],
                 actors: Sequence[Actor], events: Sequence[Event] = ()) -> None:
        self.doc, self.ctx, self.c = doc, ctx, cues()
        self.text = doc.text  # Doc.text joins every token: build it once
        self.mentions, self.quotes, self.counts, self.places = mentions, quotes, counts, places
        self.names = {a.id: a.name for a in actors}
        self.events = [e for e in events if e.evidence]
        self.claims: list[Claim] = []
        self.sents: list[_Sent] = []

    def entities(self, span: tuple[int, int]) -> list[str]:
        out = {m.country for m in self.mentions if m.country and _overlap(span, m.span)}
        out |= {p.country for p in self.places if p.country and _overlap(span, p.span)}
        return sorted(out)

    def numbers(self, span: tuple[int, int]) -> list[float]:
        return sorted({n.number for n in self.counts if _overlap(span, n.span)})

    def make(self, span: tuple[int, int], ev_span: tuple[int, int], asserter: Asserter | None,
             attribution: str, hedge: str, kind: str, polarity: str,
             quote_id: str | None = None, target: str | None = None) -> Claim:
        aid, text = self.ctx.article_id, self.text
        return Claim(
            id=content_id("claim", aid, str(span[0]), str(span[1])),
            text=text[span[0]:span[1]], asserted_by=asserter,
            attribution=attribution,  # type: ignore[arg-type]
            hedge=hedge,  # type: ignore[arg-type]
            article_ids=[aid], kind=kind, polarity=polarity,  # type: ignore[arg-type]
            entities=self.entities(ev_span), numbers=self.numbers(span),
            quote_id=quote_id, target_text=target,
            evidence=[ClaimEvidence(article_id=aid, outlet=self.ctx.outlet,
                                    text=text[ev_span[0]:ev_span[1]], span=ev_span,
                                    asserted_by=asserter, hedge=hedge)])

    def sentence(self, i: int, sent: Span) -> None:
        c = self.c
        if _skip(sent, self.ctx, c):
            return
        span = _trimmed(sent)
        low = self.text[span[0]:span[1]].lower()
        ms = [m for m in self.mentions if _overlap(span, m.span)]
        q = _find_quote(span, self.quotes)
        speaker = _first_person_speaker(sent, q)
        # "A truce took hold that evening": an event between known sides is worth
        # checking, named in the sentence or not (its entities stay the named ones: a
        # denial meets it through them, and the event's sides are the coder's guess)
        sides = {x.country for e in self.events if _overlap(span, e.evidence[0].span)
                 and not (e.negated or e.hypothetical or e.future)
                 for x in (*e.actor, *e.recipient) if x.country} if not ms else set()
        trig = hedges.denial_trigger(sent, c)
        kind = _kind(sent, low, len(ms) + (speaker is not None) + len(sides),
                     len(self.numbers(span)), trig is not None, c)
        reported = hedges.reported_assertions(sent, c)
        if kind is None and not reported:
            return
        asserter, attribution = self._asserter(sent, low, q, trig, kind)
        own: Claim | None = None
        if kind is not None:
            denial = trig is not None or kind == "denial"
            hedge = hedges.hedge_of(low, attribution, denial, c)
            negated = not denial and _negated(sent)
            polarity = "neg" if denial or negated else "pos"
            target, pointer = self._target(trig, sent, reported)
            own = self.make(span, span, asserter, attribution, hedge, kind, polarity,
                            q.id if q else None, target)
            if speaker is not None and speaker not in own.entities:
                own.entities = sorted({*own.entities, speaker})
            self.claims.append(own)
            self.sents.append(_Sent(i, sent, own, pointer=pointer))
            if polarity == "pos":
                self.clause_claims(sent, span, own)
            elif trig is not None:
                self.insisted_claims(sent, span, trig, own)
        denier = own.asserted_by if own is not None and own.hedge == "denied" else None
        for ra in reported:
            held = self._reported_claim(ra, span, own, (asserter, attribution))
            if held is None:
                continue
            if denier is not None:  # "its" in X's claim is X; else the denier
                held.text = resolve_denier(held.text, held.asserted_by
                                           if held.asserted_by and held.asserted_by.country
                                           else denier)
                if own is not None and own.target_text == self.text[
                        ra.content[0]:ra.content[1]]:
                    own.target_text = held.text
            self.sents.append(_Sent(i, sent, held, held=True))
            if own is not None and own.hedge == "denied" and not _same_side(
                    own.asserted_by, held.asserted_by):
                own.contested_by.append(held.id)
                held.contested_by.append(own.id)

    def clause_claims(self, sent: Span, span: tuple[int, int], own: Claim) -> None:
        """A sentence with figures of two propositions, one of them in a relative clause
        ("India struck nine camps in Operation Sindoor, which answered the attack that
        claimed 26 lives"): the noun phrase with that clause becomes a claim of its own
        ("the attack that claimed 26 lives", same asserter and hedge), and the
        sentence's claim keeps only the figures outside it, so each figure meets the
        other reports of its own proposition. The innermost such phrase is taken.

        The sentence's only figure splits off the same way when its phrase is
        background, in an adjunct rather than an argument of the main verb ("X's tone
        softened after the strikes, launched in response to the attack that killed 26",
        "India launched the operation as a response to the attack that claimed 26
        lives"): the figure is the attack's, not the main clause's. A phrase a verb
        acts on ("struck the depots that held 40 tanks", "condemned the attack, in which
        24 died") stays in its sentence, and so does one in somebody's reported words
        ("... the attack that killed 31," the general said): whose figure it is, the
        speaker's or the writer's gloss, the sentence does not say."""
        figs = [n for n in self.counts if _overlap(span, n.span)]
        if not figs:
            return
        single = len({n.number for n in figs}) == 1 and own.attribution == "outlet"
        found: list[tuple[tuple[int, int], frozenset[float]]] = []
        for t in sent:
            if t.dep_ != "relcl" or t.head.pos_ not in ("NOUN", "PROPN"):
                continue
            head = t.head
            np = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
            rel = (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
            inside = frozenset(n.number for n in figs if rel[0] <= n.span[0]
                               and n.span[1] <= rel[1])
            outside = {n.number for n in figs if not _overlap(np, n.span)}
            if not inside or inside & outside or np[0] <= span[0]:
                continue
            if outside or single and _background(head):
                found.append((np, inside))
        found.sort(key=lambda x: (x[0][1] - x[0][0], x[0]))
        kept: list[tuple[tuple[int, int], frozenset[float]]] = []
        for np, inside in found:
            if not any(k[0][0] >= np[0] and k[0][1] <= np[1] and k[1] == inside
                       for k in kept):
                kept.append((np, inside))
        ev = own.evidence[0]
        for np, _inside in kept:
            self.claims.append(self.make(np, np, ev.asserted_by, own.attribution, ev.hedge,
                                         "number", "pos", own.quote_id))
        if kept:
            own.numbers = sorted({n.number for n in figs
                                  if not any(_overlap(np, n.span) for np, _ in kept)})
            if not own.numbers and own.kind == "number":
                own.kind = "action"  # its figure is the phrase's

    def insisted_claims(self, sent: Span, span: tuple[int, int], trig: Token,
                        own: Claim) -> None:
        """What a denier asserts instead, in a participle after the denial ("denied that
        any third country mediated, saying the fighting stopped after direct talks", "dismissed
        the accusations, insisting that only militant sites were hit"): a claim of its
        own, by the denier. The parser may hang the participle inside the denied clause;
        it counts when it follows the denial word. Hung on a verb above the denial ("X
        recalled that India had denied ..., emphasizing that ..."), it is that verb's
        subject's."""
        c = self.c
        for t in sent:
            if not (t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > trig.i
                    and t.lemma_ in c.speech_lemmas):
                continue
            who: tuple[Asserter | None, str] = (own.asserted_by, own.attribution)
            if not _within(t, trig):
                if not any(a.i == t.head.i for a in trig.ancestors):
                    continue
                subj = _subject(t.head)
                found = _asserter_from(subj, self.mentions, self.names, c) if subj else None
                if found is None:
                    continue
                who = found
            comp = [ch for ch in t.children if ch.dep_ == "ccomp"]
            toks = list(comp[0].subtree) if comp else []
            # ", despite X's claims ...", ", although ...": an aside, not what is said
            cut = next((k for k, x in enumerate(toks[:-1]) if x.text == "," and
                        toks[k + 1].pos_ in ("ADP", "SCONJ")), len(toks))
            got = hedges.trim_proposition(toks[:cut]) if toks else None
            if got is None or len(self.text[got[0]:got[1]].split()) < 4:
                continue
            low = self.text[got[0]:got[1]].lower()
            hedge = hedges.hedge_of(low, who[1], False, c)
            polarity = "neg" if any(ch.dep_ == "neg" for ch in comp[0].children) else "pos"
            self.claims.append(self.make(got, span, who[0], who[1], hedge, "action",
                                         polarity, own.quote_id))

    def _asserter(self, sent: Span, low: str, q: Quote | None, trig: Token | None,
                  kind: str | None) -> tuple[Asserter | None, str]:
        c = self.c
        verb: Token | None = None
        if trig is not None and trig.pos_ in ("VERB", "AUX"):
            verb = trig
        elif trig is not None:  # "X called it 'propaganda'": the labelling verb's subject
            gov = hedges.governing_verb(trig)
            verb = gov if gov is not None and gov.lemma_ in _LABELLING else None
        elif kind == "accusation":
            verb = _accusation_verb(sent, c)
        subj = _subject(verb) if verb is not None else None
        # A passive denial ("X is contradicted by ...") and "the claim was false" have
        # what is denied as subject; a first-person subject in a quote is its speaker.
        if subj is not None and subj.dep_ != "nsubjpass" and subj.lemma_.lower() \
                not in c.claim_nouns and not (q is not None and subj.lower_ in _PERSONAL):
            found = _asserter_from(subj, self.mentions, self.names, c)
            if found is not None:
                return found
        if q is not None:
            return _quote_asserter(q, c)
        phrase = hedges.unnamed_phrase(low, c)
        if phrase is not None:
            root_subj = _subject(sent.root)
            if root_subj is not None and hedges.is_unnamed_name(_np_text(root_subj), c):
                m = _mention_at(root_subj, self.mentions)
                return Asserter(name=_np_text(root_subj), country=m.country if m else None), \
                    "unnamed"
            return Asserter(name=phrase, country=None), "unnamed"
        return Asserter(name=self.ctx.outlet or "the outlet", country=None), "outlet"

    def _target(self, trig: Token | None, sent: Span,
                reported: list[hedges.ReportedAssertion]) -> tuple[str | None, bool]:
        """What a denial denies, and whether that is only a pointer to resolve."""
        if trig is None:
            verb = _no_such_thing(sent)
            if verb is not None:  # "there was no mediation" denies mediation
                lo, hi = verb.left_edge, verb.right_edge
                return _affirmed(sent, (lo.idx, hi.idx + len(hi.text))), False
            return None, False
        text = self.text
        span = hedges.denied_target(trig, sent)
        # "denied claims that X": X, the assertion inside the denied object, is denied
        inside = [ra for ra in reported if span is not None
                  and span[0] <= ra.noun.idx < span[1]]
        if inside or (span is None and reported):
            s, e = (inside or reported)[0].content
            return text[s:e], False
        if span is None:
            return None, True
        target = text[span[0]:span[1]].strip(" \"'“”‘’")
        root = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        pointer = hedges.is_anaphoric(target) or (
            root is not None and root.root.lemma_.lower() in self.c.claim_nouns)
        if pointer and reported:  # "Responding to Pakistan's claims of X, ... dismissed
            s, e = reported[0].content  # the accusations": the claims named beside it
            return text[s:e], False
        return target, pointer

    def _reported_claim(self, ra: hedges.ReportedAssertion, sent_span: tuple[int, int],
                        own: Claim | None, sentence_asserter: tuple[Asserter | None, str]
                        ) -> Claim | None:
        s, e = ra.content
        if len(self.text[s:e].split()) < 3:
            return None
        who: tuple[Asserter | None, str] | None = None
        if ra.holder is not None:
            who = _asserter_from(ra.holder, self.mentions, self.names, self.c)
        elif ra.noun.pos_ == "VERB":  # "He went on to say ..., claiming that X": the
            head = ra.noun                # subject up the verb chain, else the speaker
            for _ in range(3):
                if head.head is head:
                    break
                head = head.head
                subj = _subject(head)
                if subj is not None:
                    who = _asserter_from(subj, self.mentions, self.names, self.c)
                    break
            if who is None and sentence_asserter[1] != "outlet":
                who = sentence_asserter
        # "denied claims that X", nobody named as making them: unnamed sources, never
        # the outlet that reports the denial
        asserter, attribution = who if who else (Asserter(name=UNNAMED), "unnamed")
        low = self.text[s:e].lower()
        kind = "accusation" if self.c.accusation.search(low) else (
            "number" if self.numbers((s, e)) else "action")
        claim = self.make((s, e), sent_span, asserter, attribution, "alleged", kind, "pos")
        if own is not None and claim.id == own.id:
            return None
        self.claims.append(claim)
        return claim

    def link_pointers(self) -> None:
        """A denial that only points ("dismissed the accusations", "called it
        propaganda") denies the nearest alleged claim or accusation around it."""
        for k, s in enumerate(self.sents):
            if not s.pointer or s.claim.contested_by:
                continue
            cands = [(abs(o.index - s.index) + (0 if o.index < s.index else 0.5)
                      - (0.1 if o.held else 0)
                      + (0 if o.claim.hedge == "alleged" or o.claim.kind == "accusation"
                         else 0.7), o)
                     for o in self.sents[max(0, k - 8): k + 8] if o is not s
                     and -_LINK_BACK <= o.index - s.index <= _LINK_AHEAD
                     and o.claim.polarity == "pos"
                     and not _same_side(o.claim.asserted_by, s.claim.asserted_by)
                     and (abs(o.index - s.index) <= 1
                          or _shares(o.claim.entities, s.claim.entities))]
            if cands:
                other = min(cands, key=lambda x: x[0])[1].claim
                s.claim.contested_by.append(other.id)
                other.contested_by.append(s.claim.id)
                s.claim.target_text = s.claim.target_text or other.text


# Sectors that speak for their state (ONTOLOGY.md; the actors' own set, paramilitaries
# included): two of these of one country are one side; an analyst, an opposition leader
# or a rebel of that country is not its side.
STATE_SECTORS = ACTOR_STATE_SECTORS


def _speaks_for_state(a: Asserter) -> bool:
    """A state voice: an official sector, or the country itself ("Pakistan said")."""
    if a.sector:
        return a.sector in STATE_SECTORS
    return bool(a.country) and _country_names().get(a.country or "", "").casefold() == \
        a.name.casefold()


def _same_side(a: Asserter | None, b: Asserter | None) -> bool:
    """Both asserters are known and are the same speaker, or both speak for the same
    state: a denial never answers its own side. A citizen who dismisses his government's
    accusation is answering it."""
    if a is None or b is None:
        return False
    if a.actor_id and a.actor_id == b.actor_id or a.name.casefold() == b.name.casefold():
        return True
    return bool(a.country and a.country == b.country
                and _speaks_for_state(a) and _speaks_for_state(b))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from chronicler.nlp.places.data import country_words

    return {e.country: e.name for e in country_words().names.values()
            if e.country and e.kind == "country"}


_LEADING_PRONOUN = re.compile(r"^(it|its|they|their)\b", re.I)


def resolve_denier(content: str, denier: Asserter | None) -> str:
    """"denied claims that its missiles had struck ...": in what a denial denies, a
    leading "it"/"its"/"they"/"their" is the claim's holder when the sentence names
    one ("Kaldoria's claim that its forces ..."), else the denier ("India's missiles had
    struck ..."); the name lets the proposition meet its other wordings elsewhere."""
    if denier is None or not denier.country:
        return content
    name = _country_names().get(denier.country)
    m = _LEADING_PRONOUN.match(content)
    if not name or not m or len(content.split()) < 3:
        return content
    word = m.group(1).lower()
    return (f"{name}'s" if word in ("its", "their") else name) + content[m.end():]


def _shares(a: Sequence[str], b: Sequence[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def extract_claims(doc: Doc, ctx: ArticleContext, mentions: Sequence[Mention] = (),
                   quotes: Sequence[Quote] = (), counts: Sequence[Count] = (),
                   places: Sequence[Place] = (), actors: Sequence[Actor] = (),
                   events: Sequence[Event] = ()) -> list[Claim]:
    b = _Builder(doc, ctx, mentions, quotes, counts, places, actors, events)
    for i, sent in enumerate(doc.sents):
        b.sentence(i, sent)
    b.link_pointers()
    seen: set[str] = set()
    out = []
    for cl in sorted(b.claims, key=lambda x: (x.evidence[0].span, x.id)):
        if cl.id not in seen:
            seen.add(cl.id)
            cl.contested_by = sorted(set(cl.contested_by))
            out.append(cl)
    return out


def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    return {"claims": extract_claims(doc, ctx, state.mentions,
                                     state.quotes, state.counts,
                                     state.places, state.actors, state.events)}


STAGE = Stage(
    name=STAGE_NAME,
    requires=("mentions", "actors", "quotes", "counts", "places", "events", "doc.sents",
              "token.dep", "token.lemma"),
    assigns=("claims",),
    run=_run,
    load=_country_names,
    doc="Check-worthy claims per sentence, with asserter, attribution, hedge and denials.",
)
