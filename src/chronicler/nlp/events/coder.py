"""The event coding stage: every sentence's PLOVER events, with evidence.

    chronicler debug events [--json] "India launched Operation Sindoor on May 7."

For each sentence, tokens whose lemma starts a pattern (``data/events/*.toml``) become
candidates; each candidate gets its clause heads (the trigger, and the light verb
that carries a noun trigger), its arguments (``roles``), its modes (``modes``), a
date, a place, a size and an operation; candidates of one type in one sentence that
agree on who did what to whom are one event.

Choices the data does not settle (see also data/events/README.md):

* **Sentences.** The parser's sentences, cut again at line breaks; title-case lines
  (subheadings) and the dateline ("VARSK, April 2 (CPA) — ") code nothing.
* **Dates.** The TimeExpr of the sentence attached to the event (its words hang on
  the trigger or its light verb, or sit inside a noun trigger: "the April 22 attack";
  a conjoined verb without a subject of its own, or a "when" clause, shares its
  governor's); else, for a verb event or a noun carried by a verb, the nearest
  day-precision TimeExpr of an earlier sentence of the same paragraph; else None. A
  bare noun reference ("after the Pahalgam attack") takes no date from the narrative,
  and the publication date is never used silently: an undated event stays undated.
* **Main dyad.** The two states the article's mentions name most. A ceasefire or a
  reciprocal event with no named parties has both as actors ("between X and Y"
  names them); an ASSAULT, SANCTION or THREATEN by one side with no named target has
  the other as recipient; a SANCTION, MOBILIZE, THREATEN, ACCUSE or REJECT with no
  actor has the speaker who reports it ("attaches were declared persona non grata,
  Merovia said"), else the other side of its recipient. An unnamed state actor ("the
  armed forces") reported by a country's speaker is that country's.
* **Bare nouns.** A noun trigger with no argument, date, place, count or light verb
  ("the attack", again) refers to an event already coded and codes nothing; nor does a
  bare plural that names no country ("attacks on tourists have been rare").
* **Reported events.** An event under a report cue gets ``reported_by`` (the cue's
  speaker; inside a quote with no cue, the quote's speaker); a cue that accuses
  ("claims", "alleged") is also an ACCUSE event by the speaker against the reported
  event's actor when that is someone else and the event is hostile; a denial cue
  negates the events it reports, and its speaker becomes ``reported_by``. "We"/"us"
  are the speaker's side.
* **Rejections.** A REJECT of an accusation ("dismissed the accusations", "the claim
  was a lie") answers the nearest ACCUSE before it (``ArticleEvents.links``); its
  recipient is the accuser, else the claimant the sentence names ("Kaldoria's claim"),
  else the last other party whose account was reported.
* **Complements.** What a REQUEST, THREATEN, AGREE or RETREAT asks, threatens, agrees
  to or stops ("urged both sides to de-escalate", "agreed to stop shooting") is part of
  that event, not an event of its own; agreeing to a ceasefire is the RETREAT, not an
  AGREE, and a negated AGREE is a REJECT.
* **Merging in a sentence.** Candidates of one type are one event when their triggers
  are joined by at most four arcs outside relative, complement and parenthetical
  clauses, their actor and recipient countries do not conflict, and their negation,
  reporter, attached date, place and operation agree ("opened fire ..., killing 24").
* **Historical.** Past perfect outside reported speech, or a date more than 30 days
  before publication.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from chronicler.nlp.events.arguments import (
    STATE_SECTORS,
    countries,
    fill_arguments,
    infer_from_dyad,
)
from chronicler.nlp.events.attach import attach_date, attach_place, attach_size, has_count
from chronicler.nlp.events.candidates import Candidate, find_candidates
from chronicler.nlp.events.dict_candidates import (
    dictionary_candidates,
    dictionary_event_ok,
    fill_countries,
)
from chronicler.nlp.events.index import ArticleIndex, build_index
from chronicler.nlp.events.intent import (
    demand_ok,
    drop_stopped,
    drop_subordinate,
    identified,
    military_surrender,
    retype_intents,
)
from chronicler.nlp.events.modes import (
    Aux,
    auxiliary,
    cameo_of,
    clause_tokens,
    infinitive,
    lemma_set,
    phrase_tokens,
    plover_modes,
    score_of,
)
from chronicler.nlp.events.patterns import Lexicon, load_lexicon
from chronicler.nlp.events.reports import (
    accuse_from_cue,
    first_person,
    link_rejections,
    note_claimants,
    resolve_report,
)
from chronicler.nlp.events.roles import children
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Event, EventActor, Evidence, Location, content_id

STAGE_NAME = "chronicler.events.v1"
# The stages the coder reads, in order (quotes is optional: "we" in a direct quote is the
# speaker's side); tests, the demo and eval/events.py run exactly these.
PIPELINE = ("chronicler.actors.v1", "chronicler.timex.v1", "chronicler.places.v1",
            "chronicler.counts.v1", "chronicler.quotes.v1", STAGE_NAME)
HISTORICAL_DAYS = 30
# prepositions whose object is the background of what a sentence reports, not an event
BACKGROUND = frozenset({"amid", "amidst", "despite"})


# ------------------------------------------------------------------ assembly
# what talks are about is their topic, not an event ("talks on a ceasefire")
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
NO_MERGE_PATH = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos", "csubj"})


def _linked(a: Candidate, b: Candidate) -> bool:
    """Are the two triggers parts of one clause: joined in the tree by at most four arcs,
    none of which enters a relative, complement or parenthetical clause ("launched
    Operation Sindoor ... in response to the attack that claimed 26 lives": two)?"""
    def up(t: Token) -> list[Token]:
        out = [t]
        while out[-1].head.i != out[-1].i and len(out) < 12:
            out.append(out[-1].head)
        return out
    starts_a = [a.trigger, *a.heads, *a.extra]
    chain_b = up(b.trigger)
    best: int | None = None
    for ta in starts_a:
        chain_a = up(ta)
        ids_a = [x.i for x in chain_a]
        for k, x in enumerate(chain_b):
            if x.i in ids_a:
                j = ids_a.index(x.i)
                path = chain_a[:j] + chain_b[:k]
                # "the attack that killed 26": a relative clause on the event itself
                path = [p for p in path if not (p.dep_ == "relcl" and
                                                 p.head.i in (a.trigger.i, b.trigger.i))]
                if any(p.dep_ in NO_MERGE_PATH for p in path):
                    break
                # "27 civilians were killed and [that] it had shot down four jets": two
                # clauses with subjects of their own are two events
                if any(p.dep_ == "conj" and p.pos_ in ("VERB", "AUX") and any(
                        s.pos_ != "NUM" for s in children(p, ("nsubj", "nsubjpass")))
                        for p in path):
                    break  # ("24 killed and 44 injured": one event, the subject elided)
                n = j + k
                best = n if best is None else min(best, n)
                break
    return best is not None and best <= 4


def _merge_into(a: Candidate, b: Candidate) -> bool:
    """Merge ``b`` into ``a`` when they are one event (same type, sentence, dyad)."""
    if a.spec.type != b.spec.type or a.aux.negated != b.aux.negated:
        return False
    if not _linked(a, b):
        return False
    ra = a.reported_by.name if a.reported_by else None
    rb = b.reported_by.name if b.reported_by else None
    if ra != rb:
        return False
    for x, y in ((countries(a.actors), countries(b.actors)),
                 (countries(a.recipients), countries(b.recipients))):
        if x and y and x != y:
            return False
    if a.actors and b.actors and not countries(a.actors) and not countries(b.actors) \
            and {x.name for x in a.actors} != {x.name for x in b.actors}:
        return False
    if a.time_attached and b.time_attached and a.time and b.time and \
            a.time.date != b.time.date:
        return False
    if a.place is not None and b.place is not None and a.place.name != b.place.name:
        return False
    if a.operation and b.operation and a.operation != b.operation:
        return False
    # the participants that name a country win ("60 terrorists were killed when Merovian
    # forces struck camps in Kaldoria": the camps' country, not the terrorists)
    if not countries(a.actors) and countries(b.actors):
        a.actors = b.actors
    a.actors = a.actors or b.actors
    if not countries(a.recipients) and countries(b.recipients):
        a.recipients = b.recipients
    a.recipients = a.recipients or b.recipients
    a.arg_tokens |= b.arg_tokens
    a.modes += [m for m in b.modes if m not in a.modes]
    a.extra += [b.trigger, *b.heads]
    if b.time_attached and not a.time_attached:
        a.time, a.time_attached = b.time, True
    a.time = a.time or b.time
    a.place = a.place or b.place
    a.operation = a.operation or b.operation
    a.contexts |= b.contexts
    a.between = a.between or b.between
    a.reciprocal = a.reciprocal or b.reciprocal
    a.aux = Aux(negated=a.aux.negated, future=a.aux.future and b.aux.future,
                hypothetical=a.aux.hypothetical and b.aux.hypothetical,
                past_perfect=a.aux.past_perfect and b.aux.past_perfect)
    return True


def _absorbed(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """Is ``c`` the content of a REQUEST/THREATEN/AGREE in the same sentence, or the
    topic of talks ("renewed negotiations on a troop pullback")?"""
    for o in cands:
        if o is not c and o.spec.type == "CONSULT" and o.nominal and c.nominal and \
                c.trigger.dep_ == "pobj" and c.trigger.head.lower_ in TOPIC_PREPS and \
                c.trigger.head.head.i in (o.trigger.i, *(h.i for h in o.heads)):
            return True
        if o is not c and _rejected_or_asked(o, c):
            return True
        if o is c or not o.spec.absorbs_complement:
            continue
        for ch in o.trigger.children:
            if ch.dep_ in ("xcomp", "ccomp") or (ch.dep_ == "acl" and o.nominal) or \
                    (ch.dep_ == "advcl" and infinitive(ch)) or \
                    (ch.dep_ == "prep" and ch.lower_ in ("for",) and
                     o.spec.type == "REQUEST"):
                sub = {x.i for x in ch.subtree}
                if c.trigger.i in sub:
                    return True
        if o.light is not None:
            for ch in o.light.children:
                if ch.dep_ in ("xcomp", "ccomp") and c.trigger.i in {x.i for x in ch.subtree}:
                    return True
    return False


# what is refused or asked for, named as the verb's object: "rejected a UN appeal for
# deploying troops", "refused to respond to a demand from the US"
CONTENT_OF = frozenset({"REJECT", "REQUEST"})
CONTENT_TYPES = frozenset({"REQUEST", "AGREE", "MOBILIZE", "RETREAT", "CONCEDE", "AID",
                           "COOPERATE", "CONSULT", "SUPPORT"})


def _rejected_or_asked(o: Candidate, c: Candidate) -> bool:
    """Is ``c`` (a request, offer or act of cooperation or force posture) part of what
    the verb ``o`` rejects or asks for: inside its object, or its open complement's?"""
    if o.nominal or o.spec.type not in CONTENT_OF or c.spec.type not in CONTENT_TYPES:
        return False
    tops = [o.trigger, *(x for x in o.trigger.children if x.dep_ == "xcomp")]
    for top in tops:
        for ch in top.children:
            if ch.dep_ in ("dobj", "prep") and c.trigger.i in {x.i for x in ch.subtree}:
                return True
    return False


def _in_relative(top: Token, t: Token) -> bool:
    """Is ``t`` inside a relative clause below ``top`` ("agreed to let in peacekeepers,
    who oversee a ceasefire": the ceasefire is no part of what was agreed)?"""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl"):
            return True
        t = t.head
    return False


def _agreements(cands: list[Candidate], ix: ArticleIndex) -> list[Candidate]:
    """Agreeing to a ceasefire is the ceasefire (RETREAT), not an AGREE; not agreeing
    ("would not accept any mediation") is a REJECT."""
    out: list[Candidate] = []
    for c in cands:
        if c.spec.type == "AGREE":
            sub = {x.i for x in c.trigger.subtree}
            if any(o.spec.type == "RETREAT" and o.trigger.i in sub and "ceasefire" in o.modes
                   and not _in_relative(c.trigger, o.trigger) for o in cands):
                continue  # (agreeing to open borders or pull back is the AGREE: the
                # intent, CAMEO 03; only an agreed ceasefire is the ceasefire itself)
            if c.aux.negated:
                spec = ix.lex.types["REJECT"]
                words = lemma_set(list(c.trigger.subtree))
                modes = [m.name for m in spec.modes.values() if m.words & words][:1]
                c = Candidate(rule=c.rule, spec=spec, trigger=c.trigger, heads=c.heads,
                              light=c.light, actors=c.actors, recipients=c.recipients,
                              arg_tokens=c.arg_tokens, modes=modes,
                              aux=Aux(future=c.aux.future, hypothetical=c.aux.hypothetical),
                              report=c.report, reported_by=c.reported_by, time=c.time,
                              time_attached=c.time_attached, place=c.place,
                              contexts=set(spec.contexts))
        out.append(c)
    return out


def _event(c: Candidate, ix: ArticleIndex, sent: Span) -> Event:
    aid = ix.ctx.article_id
    spec = c.spec
    modes = c.modes
    d: date | None = c.time.date if c.time else None
    precision = c.time.precision if c.time and d else None
    historical = c.aux.past_perfect
    pub = ix.ctx.published
    if d is not None and pub is not None and (pub - d).days > HISTORICAL_DAYS:
        historical = True
    text = ix.text
    loc = None
    if c.place is not None:
        loc = Location(name=c.place.name, country=c.place.country, lat=c.place.lat,
                       lon=c.place.lon)
    start = c.trigger.idx
    return Event(
        id=content_id("event", aid, spec.type, str(start)),
        type=spec.type, mode=list(modes), cameo=cameo_of(spec, c.rule, modes),
        actor=c.actors, recipient=c.recipients, date=d, date_precision=precision,
        location=loc, size=c.size, negated=c.aux.negated, score=score_of(spec, modes),
        evidence=[Evidence(article_id=aid, text=text[sent.start_char:sent.end_char],
                           span=(sent.start_char, sent.end_char))],
        n_articles=1, n_sources=1, contexts=sorted(c.contexts),
        future=c.aux.future, hypothetical=c.aux.hypothetical, historical=historical,
        reported_by=c.reported_by, operation=c.operation,
        trigger=c.trigger.text if c.rule.id != "assault.operation.named"
        else (c.operation or c.trigger.text),
        pattern=c.rule.id, article_ids=[aid],
    )


def _kept(cands: list[Candidate], sent_i: int, ix: ArticleIndex) -> list[Candidate]:
    """The candidates that pass: arguments, modes, date, place, and the filters."""
    sent = ix.sents[sent_i]
    lex = ix.lex
    sent_words = set(ix.lemmas[sent.start:sent.end]) | set(ix.lowers[sent.start:sent.end])
    triggers = {c.trigger.i for c in cands}
    kept: list[Candidate] = []
    for c in cands:
        explicit = fill_arguments(c, ix)
        # the words that pick a mode: the noun's own phrase, or the verb's clause
        clause = phrase_tokens(c.trigger) if c.nominal else clause_tokens(c.heads)
        clause_words = lemma_set(clause)
        subtree = lemma_set(list(c.trigger.subtree)) if any(
            m.scope == "subtree" for m in c.spec.modes.values()) else set()
        c.modes = plover_modes(c.spec, c.rule, c.trigger, clause_words, sent_words, subtree)
        resolve_report(c, ix, triggers)
        first_person(c, ix)
        c.aux = auxiliary(c.heads, c.trigger, lex, c.report)
        attach_date(c, ix, sent_i)
        attach_place(c, ix, sent)
        if c.nominal and not c.rule.standalone and c.light is None and not explicit \
                and not c.time_attached and c.place is None \
                and not has_count(c, ix, sent):
            continue  # a bare anaphor: "the attack" again
        if c.nominal and c.light is None and c.trigger.tag_ in ("NNS", "NNPS") and not any(
                ch.dep_ in ("det", "poss", "nummod") for ch in c.trigger.children) and \
                not countries(c.actors) and not countries(c.recipients) and \
                not c.time_attached and c.place is None:
            continue  # a bare plural with no one named: "attacks on tourists have been rare"
        if any(h.head.lower_ in BACKGROUND and h.dep_ in ("pobj", "pcomp")
               for h in (c.trigger, *c.heads)):
            continue  # "amid intensifying hostilities between the two": a circumstance
        if c.rule.requires_object_actor and not c.recipients:
            continue  # "supporting terrorism" is no SUPPORT event
        if c.rule.exclude_conditional and c.aux.hypothetical:
            continue
        if c.aux.question:
            continue  # "Asked whether Norvane had offered to mediate": a question
        named_recipient = any(r.country for r in c.recipients)
        infer_from_dyad(c, ix)
        if c.spec.needs_mode_or_recipient and not c.rule.requires and not c.modes \
                and not c.recipients and not any(
                    ch.dep_ in ("xcomp", "ccomp", "dobj") for ch in c.trigger.children):
            continue
        if c.spec.needs_participant and not c.actors and not c.recipients:
            continue
        if c.spec.needs_recipient and not c.recipients:
            continue
        if not dictionary_event_ok(c, named_recipient) or not demand_ok(c):
            continue
        fill_countries(c, ix, sent)  # after the filters: a guess lets no event through
        c.contexts = set(c.spec.contexts) | set(c.rule.contexts)
        for w in clause_words:
            c.contexts.update(lex.contexts.get(w, ()))
        if c.spec.type == "ASSAULT" and c.trigger.i in ix.op_at:
            c.operation = ix.op_at[c.trigger.i][0]
        kept.append(c)
    return kept


def _sentence_events(sent_i: int, ix: ArticleIndex) -> list[Candidate]:
    """The project's patterns decide first; only when none of their candidates makes an
    event (none there, or each dropped: "surrendered ... following a government
    offensive" where "offensive" is a bare reference) are the field dictionaries asked,
    for the verbs the patterns did not start from."""
    sent = ix.sents[sent_i]
    cands = find_candidates(sent, ix)
    got = _coded(cands, sent_i, ix) if cands else []
    if not got:
        extra = dictionary_candidates(sent, ix, {c.trigger.i for c in cands})
        got = _coded(extra, sent_i, ix) if extra else []
        cands = cands or extra
    elif all(_embedded(c) for c in got):
        # the patterns coded only what sits in a phrase or clause of a noun ("halted aid
        # ... in line with efforts to end the fighting", "defended the right of the
        # troops to fire"): the main verb's phrase pattern, with both sides named, first
        extra = [c for c in dictionary_candidates(sent, ix, {c.trigger.i for c in cands})
                 if c.rule.id.endswith(".pattern")]
        main = [c for c in (_coded(extra, sent_i, ix) if extra else [])
                if countries(c.actors) and countries(c.recipients)]
        if main:
            got = main
    if cands:  # (the claimants and links once per sentence, after the choice)
        note_claimants(sent, ix, sent_i)
        link_rejections(got, ix, sent_i)
    return got


EMBEDDING = frozenset({"prep", "relcl", "acl"})


def _embedded(c: Candidate) -> bool:
    """Is the event inside a prepositional phrase, a relative clause or a noun's clause
    (its trigger's or light verb's chain up to the root passes through one)?"""
    t = c.light or c.trigger
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.dep_ in EMBEDDING:
            return True
        t = t.head
    return False


def _coded(cands: list[Candidate], sent_i: int, ix: ArticleIndex) -> list[Candidate]:
    sent = ix.sents[sent_i]
    lex = ix.lex
    kept = _kept(cands, sent_i, ix)
    ops_here = [(n, code) for i, (n, code) in sorted(ix.op_at.items())
                if sent.start <= i < sent.end]
    kept = [c for c in kept if not _absorbed(c, kept)]
    kept = _agreements(kept, ix)
    kept = drop_subordinate(military_surrender(retype_intents(drop_stopped(kept), lex), lex))
    made: dict[int, Candidate] = {}
    for c in kept:
        accuse_from_cue(c, ix, made)
    taken = {(c.trigger.i, c.spec.type) for c in kept}
    for i, acc in made.items():
        if (i, "ACCUSE") not in taken:
            acc.aux = auxiliary(acc.heads, acc.trigger, lex, None)
            attach_date(acc, ix, sent_i)
            acc.contexts = set(acc.spec.contexts)
            kept.append(acc)
    kept.sort(key=lambda c: c.trigger.i)
    merged: list[Candidate] = []
    for c in kept:
        if not any(_merge_into(m, c) for m in merged):
            merged.append(c)
    attach_size(merged, ix, sent)
    for c in merged:
        if c.spec.type == "ASSAULT":
            _finish_assault(c, ix, ops_here)
    merged = [c for c in merged if identified(c)]
    merged.sort(key=lambda c: c.trigger.i)
    return merged


def _finish_assault(c: Candidate, ix: ArticleIndex, ops_here: list[tuple[str, str | None]]
                    ) -> None:
    """Operation link, victims' country, and "the operation" as an actor."""
    acts = countries(c.actors)
    recs = countries(c.recipients)
    if c.operation is None:
        for name, code in ops_here:
            if code is not None and code in recs:
                continue  # an operation never targets its own side
            if (code is not None and code in acts) or (not c.actors and code not in recs):
                c.operation = name
                break
    if not c.actors and ix.last_operation is not None and any(
            x.lemma_.lower() in ("operation", "mission", "offensive")
            for h in c.heads for x in children(h, ("nsubj",))):
        last_name, actor = ix.last_operation  # "The operation targeted several sites"
        c.actors = [actor]
        recs = countries(c.recipients)
        c.operation = c.operation or last_name
        acts = countries(c.actors)
        if not recs and len(ix.dyad) == 2 and acts <= set(ix.dyad) and len(acts) == 1:
            other = ix.dyad[1] if ix.dyad[0] in acts else ix.dyad[0]
            c.recipients = [ix.resolver.country_actor(other)]
    if c.place is not None and c.place.country:
        # the people hit at a place are that place's (the Pahalgam victims: IND civilians)
        # (anyone there but the state's people: civilians, a journalist, a cleric)
        c.recipients = [r if r.country or r.sector in STATE_SECTORS else
                        r.model_copy(update={"country": c.place.country})
                        for r in c.recipients]
    is_op = c.operation is not None or c.trigger.lemma_.lower() in ("operation", "mission")
    if is_op and c.actors and countries(c.actors):
        ix.last_operation = (c.operation, c.actors[0])


@dataclass(frozen=True)
class ArticleEvents:
    events: list[Event]
    operations: list[str]  # canonical names, in order of first mention
    links: dict[str, str]  # REJECT event id -> id of the ACCUSE event it answers


def extract_events(doc: Doc, ctx: ArticleContext, state: State,
                   lex: Lexicon | None = None) -> ArticleEvents:
    """PLOVER events of one article, the operations it names, and rejection links."""
    lex = lex or load_lexicon()
    ix = build_index(doc, ctx, state, lex)
    events: list[Event] = []
    for i, sent in enumerate(ix.sents):
        for c in _sentence_events(i, ix):
            events.append(_event(c, ix, sent))
    ops: list[str] = []
    for o in ix.operations:
        if o.name not in ops:
            ops.append(o.name)
    return ArticleEvents(events=events, operations=ops, links=dict(ix.links))


def _run(doc: Doc, ctx: ArticleContext, state: State) -> Result:
    got = extract_events(doc, ctx, state)
    return {"events": got.events, "operations": got.operations, "event_links": got.links}


STAGE = Stage(
    name=STAGE_NAME,
    requires=("token.dep", "token.head", "token.lemma", "doc.sents", "mentions", "actors",
              "times", "places", "counts", "quotes"),
    assigns=("events", "operations", "event_links"),
    run=_run,
    doc="PLOVER events with actors, recipients, modes, dates, places and evidence.",
)


# ------------------------------------------------------------------ demo
def describe(e: Event) -> str:
    """One line for people: type, modes, who -> whom, when, where, flags, trigger."""
    def who(xs: list[EventActor]) -> str:
        return ", ".join(f"{x.name} ({x.country or '?'} {x.sector or '?'})" for x in xs) or "-"
    flags = [f for f in ("negated", "future", "hypothetical", "historical") if getattr(e, f)]
    extra = [f"{e.date.isoformat()} ({e.date_precision})" if e.date else "undated"]
    if e.location:
        extra.append(f"at {e.location.name}")
    if e.size:
        extra.append(f"dead={e.size.dead} injured={e.size.injured}")
    if e.operation:
        extra.append(e.operation)
    if e.reported_by:
        extra.append(f"reported by {e.reported_by.name}")
    return (f"{e.type}{'/' + ','.join(e.mode) if e.mode else ''} [{e.score:+g}, CAMEO "
            f"{e.cameo}] {who(e.actor)} -> {who(e.recipient)}; {'; '.join(extra)}"
            f"{'; ' + ' '.join(flags) if flags else ''}  <{e.trigger}: {e.pattern}>")
