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
* **Dates.** The TimeExpr attached to the event (on the trigger or its light verb, in
  a noun trigger: "the April 22 attack"; a conjoined verb or "when" clause shares its
  governor's); else, for a verb or a noun a verb carries, the nearest day-precision one
  of an earlier sentence of the paragraph; else None (never the publication date).
* **Main dyad.** The two states the article's mentions name most. A ceasefire or a
  reciprocal event with no named parties has both as actors ("between X and Y"
  names them); an ASSAULT, SANCTION or THREATEN by one side with no named target has
  the other as recipient; a SANCTION, MOBILIZE, THREATEN, ACCUSE or REJECT with no
  actor has the speaker who reports it ("attaches were declared persona non grata,
  Merovia said"), else the other side of its recipient. An unnamed state actor ("the
  armed forces") reported by a country's speaker is that country's.
* **Bare nouns.** A noun trigger with no argument, date, place, count or light verb
  ("the attack", again) codes nothing; nor does a bare plural that names no country
  ("attacks on tourists have been rare"), nor an event awaited ("ahead of a visit").
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
* **Complements and merging.** See ``assemble``: what a REQUEST, AGREE ... asks or
  agrees to is part of it; candidates of one type and dyad in one clause are one event.
* **Historical.** Past perfect outside reported speech, or a date 30+ days before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from chronicler.nlp.events.acts import no_act
from chronicler.nlp.events.arguments import fill_arguments
from chronicler.nlp.events.assemble import (
    BY_TRIGGER,
    VOICED,
    absorbed,
    agreements,
    into_doers,
    main_purpose,
    merge_into,
)
from chronicler.nlp.events.attach import attach_date, attach_place, attach_size, has_count
from chronicler.nlp.events.bombings import bomb_target
from chronicler.nlp.events.candidates import Candidate, find_candidates, time_background, upcoming
from chronicler.nlp.events.dict_actors import UNADDRESSED
from chronicler.nlp.events.dict_candidates import (
    dictionary_candidates,
    dictionary_event_ok,
    fill_countries,
)
from chronicler.nlp.events.discards import Discards, load_discards
from chronicler.nlp.events.index import ArticleIndex, build_index
from chronicler.nlp.events.inference import infer_from_dyad
from chronicler.nlp.events.intent import (
    conceded_agreements,
    demand_ok,
    drop_stopped,
    drop_subordinate,
    identified,
    military_surrender,
    offer_addressees,
    retype_intents,
)
from chronicler.nlp.events.modes import (
    auxiliary,
    cameo_of,
    clause_ix,
    phrase_ix,
    plover_modes,
    score_of,
    words_at,
)
from chronicler.nlp.events.parties import STATE_SECTORS, countries, state_actor, state_measure
from chronicler.nlp.events.patterns import Lexicon, load_lexicon
from chronicler.nlp.events.protests import diplomatic_protest
from chronicler.nlp.events.reports import (
    accuse_from_cue,
    first_person,
    link_rejections,
    note_claimants,
    resolve_report,
)
from chronicler.nlp.events.roles import children
from chronicler.nlp.events.scope import described, met_alone, no_one_hit, shared_view, wished
from chronicler.nlp.events.tree import STEPS, kids, subtree_ix, tree_of
from chronicler.nlp.events.verbal import (
    as_expulsion,
    as_protest,
    as_support,
    as_words,
    crowd_act,
    expelled_people,
    is_verbal,
    politicians_rally,
    rallied_behind,
    state_protest,
    unarmed_force,
)
from chronicler.nlp.stages import ArticleContext, Result, Stage, State
from chronicler.records import Event, Evidence, Location, content_id

STAGE_NAME = "chronicler.events.v1"
# The stages the coder reads, in order (quotes is optional: "we" in a direct quote is the
# speaker's side); tests, the demo and eval/events.py run exactly these.
PIPELINE = ("chronicler.actors.v1", "chronicler.timex.v1", "chronicler.places.v1",
            "chronicler.counts.v1", "chronicler.quotes.v1", STAGE_NAME)
HISTORICAL_DAYS = 30
# prepositions whose object is the background of what a sentence reports, not an event
BACKGROUND = frozenset({"amid", "amidst", "despite"})
# types two sides do together: coordinated actors of two countries are each other's party
MUTUAL = frozenset({"CONSULT", "COOPERATE"})
# ... and force two sides use on each other ("Armenian and Azerbaijani forces clashed")
MUTUAL_FORCE = frozenset({"clash", "fight", "battle", "skirmish"})
TRADED = frozenset({"trade", "exchange"})  # ("traded accusations": each side's at the other)
JOINTLY = frozenset({"cooperate.joint", "cooperate.tariffs"})  # (done together: each other's)


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
    triggers = set(map(BY_TRIGGER, cands))
    tree = tree_of(ix.doc)  # (the labels by index: each read of a Token's is a lookup)
    kept: list[Candidate] = []
    for c in cands:
        explicit = _arguments(c, ix, sent_i)
        if not explicit and _bare(c, ix, sent) and not _may_retype(c):
            continue  # a bare anaphor (below), known before its modes and report
        clause_words = _modes(c, ix, sent_i, triggers)
        # "attacked her rival over the emails" is criticism; "donors rallied around his
        # rivals" is support: the candidate again, as that type (``_may_retype`` names
        # what these can retype)
        retyped = as_words(c, ix) if is_verbal(c, ix, sent) else \
            as_support(c, ix) if rallied_behind(c) else \
            as_words(c, ix, "state-protest") if state_protest(c, ix) else \
            as_protest(c, ix, crowd) if (crowd := crowd_act(c)) else \
            as_expulsion(c, ix) if expelled_people(c) else None
        if retyped is not None:
            c = retyped
            explicit = _arguments(c, ix, sent_i)
            clause_words = _modes(c, ix, sent_i, triggers)
        if politicians_rally(c, ix):
            continue  # "Trump's rally in Phoenix": a campaign event
        if not explicit and _bare(c, ix, sent):
            continue  # a bare anaphor: "the attack" again
        if c.nominal and c.light is None and c.trigger.tag_ in ("NNS", "NNPS") and not any(
                ch.dep_ in ("det", "poss", "nummod") for ch in kids(c.trigger)) and \
                not countries(c.actors) and not countries(c.recipients) and \
                not c.time_attached and c.place is None:
            continue  # a bare plural with no one named: "attacks on tourists have been rare"
        if not c.actors and not c.between and any(map(time_background, (c.trigger, *c.heads))):
            continue  # "following the invasions of X", "after he was implicated": when
            # the sentence's event happened, by no one it names, is no event of its own
        if c.nominal and upcoming(c.trigger):
            continue  # "ahead of a visit by X": awaited, not done
        if unarmed_force(c, ix, sent):
            continue  # the dictionary's "beat", "hammered" between unarmed people
        if c.rule.requires_object_actor and not c.recipients:
            continue  # "supporting terrorism" is no SUPPORT event
        if c.rule.exclude_conditional and c.aux.hypothetical:
            continue
        if c.aux.question:
            continue  # "Asked whether Norvane had offered to mediate": a question
        # (sides of two countries doing it together name each other: "Kaldorian and
        # Merovian negotiators met", a CONSULT or COOPERATE of both)
        traded = c.spec.type == "ACCUSE" and c.light is not None and \
            c.light.lemma_.lower() in TRADED and len(countries(c.actors)) > 1
        named_recipient = traded or any(r.country for r in c.recipients) or (
            (c.spec.type in MUTUAL or c.spec.type == "ASSAULT"
             and c.trigger.lemma_.lower() in MUTUAL_FORCE) and len(countries(c.actors)) > 1)
        infer_from_dyad(c, ix)
        if c.spec.needs_mode_or_recipient and not c.rule.requires and not c.modes \
                and not c.recipients and not any(
                    ch.dep_ in ("xcomp", "ccomp", "dobj") for ch in kids(c.trigger)):
            continue
        if c.spec.needs_participant and not c.actors and not c.recipients:
            continue
        if c.spec.needs_recipient and not c.recipients and "investigate" not in c.modes \
                and not ((c.rule.id in JOINTLY or traded) and named_recipient):
            continue  # (an investigation needs none: PLOVER codes "all investigations")
        if not dictionary_event_ok(c, named_recipient) or not demand_ok(c):
            continue
        # (the tests of the trigger's own words last: none reads what the dyad filled,
        # and few candidates are left by now)
        if any(tree.deps[h.i] in ("pobj", "pcomp") and tree.lowers[tree.heads[h.i]]
               in BACKGROUND for h in (c.trigger, *c.heads)):
            continue  # "amid intensifying hostilities between the two": a circumstance
        if wished(c) or shared_view(c) or met_alone(c):
            continue  # "Russia wants Turkey to close its borders": a wish, not an act;
            # "voters agreed with him": a view; "the cabinet met": no one consulted
        if described(c, ix):
            continue  # "people who attack my wife", "groups that support her": a kind;
            # "repealed a law that allowed police to detain": no longer done
        if no_one_hit(c, ix):
            continue  # "shot himself", "executed the plan", "engage with the North"
        if no_act(c):
            continue  # "the capability to threaten", "asked whether", "release his taxes"
        fill_countries(c, ix, sent)  # after the filters: a guess lets no event through
        state_measure(c, ix.resolver)  # ("a curfew was imposed on X": X's government)
        if c.rule.id.startswith("request.directive") and c.recipients and all(
                r.country in countries(c.actors) for r in c.recipients):
            continue  # "the army chief told commanders to respond": a command at home
        c.contexts = set(c.spec.contexts) | set(c.rule.contexts)
        for w in clause_words & lex.contexts.keys():  # (the few words that have one)
            c.contexts.update(lex.contexts[w])
        if c.spec.type == "ASSAULT" and c.trigger.i in ix.op_at:
            c.operation = ix.op_at[c.trigger.i][0]
        kept.append(c)
    return kept


def _arguments(c: Candidate, ix: ArticleIndex, sent_i: int) -> bool:
    """Arguments, date and place of a candidate (they read the trigger, its heads and
    the argument tokens only): whether the parse named an argument."""
    explicit = fill_arguments(c, ix)
    attach_date(c, ix, sent_i)
    attach_place(c, ix, ix.sents[sent_i])
    return explicit


def _modes(c: Candidate, ix: ArticleIndex, sent_i: int, triggers: set[int]) -> set[str]:
    """Modes, report and auxiliaries of a candidate (after ``_arguments``: the report's
    "we" fills an argument the parse left empty): the words of its clause."""
    # the words that pick a mode: the noun's own phrase, or the verb's clause
    doc = ix.doc
    clause_words = words_at(doc, phrase_ix(c.trigger) if c.nominal else clause_ix(c.heads))
    scopes: set[str] = set()  # (a loop: a comprehension is a function made per call)
    if c.rule.mode is None:
        for m in c.spec.modes.values():
            scopes.add(m.scope)
    sub_words = words_at(doc, subtree_ix(c.trigger)) if "subtree" in scopes else set()
    sent_words = ix.sentence_words(sent_i) if "sentence" in scopes else set()
    c.modes = plover_modes(c.spec, c.rule, c.trigger, clause_words, sent_words, sub_words)
    resolve_report(c, ix, triggers)
    first_person(c, ix)
    c.aux = auxiliary(c.heads, c.trigger, ix.lex, c.report)
    return clause_words


def _bare(c: Candidate, ix: ArticleIndex, sent: Span) -> bool:
    """A noun trigger with no light verb, date, place or count of its own (with no
    argument the parse named, a bare anaphor: "the attack" again)."""
    return c.nominal and not c.rule.standalone and c.light is None \
        and not c.time_attached and c.place is None and not has_count(c, ix, sent)


def _may_retype(c: Candidate) -> bool:
    """Could ``_kept`` read this candidate as another type? ``is_verbal`` retypes only
    an ASSAULT, ``rallied_behind`` a PROTEST, ``state_protest`` the rule
    "protest.against", ``crowd_act`` a verb (never a bare noun) (a retyping added to
    ``_kept`` must be named here; ``expelled_people`` reads a phrase, never bare)."""
    return c.spec.type in ("ASSAULT", "PROTEST") or c.rule.id == "protest.against"


def _sentence_events(sent_i: int, ix: ArticleIndex,
                     discards: Discards | None = None) -> list[Candidate]:
    """The project's patterns decide first; only when none of their candidates makes an
    event (none there, or each dropped: "surrendered ... following a government
    offensive" where "offensive" is a bare reference) are the field dictionaries asked,
    for the verbs the patterns did not start from. A sentence with no candidate at all
    codes and notes nothing; only one with a candidate is read against ``discards``
    (PETRARCH's discard list)."""
    sent = ix.sents[sent_i]
    cands = find_candidates(sent, ix)
    if not cands:
        extra = dictionary_candidates(sent, ix, set())
        if not extra or _discarded(sent, ix, discards):
            return []
        got = _coded(extra, sent_i, ix)
        cands = extra
    elif _discarded(sent, ix, discards):
        return []
    else:
        got = _coded(cands, sent_i, ix)
        if not got:
            extra = dictionary_candidates(sent, ix, {c.trigger.i for c in cands})
            got = _coded(extra, sent_i, ix) if extra else []
        elif all(_embedded(c) for c in got):
            # the patterns coded only what sits in a phrase or clause of a noun ("halted
            # aid ... in line with efforts to end the fighting"): the main verb's phrase
            # pattern or own code ("has forgiven X ..., ahead of a visit by"), or a crowd's
            # riot ("rioters demanding ... torched"), with both sides named, first
            extra = dictionary_candidates(sent, ix, {c.trigger.i for c in cands})
            main = [c for c in (_coded(extra, sent_i, ix) if extra else [])
                    if countries(c.actors) and countries(c.recipients) and
                    c.rule.id.endswith((".pattern", ".verb", ".crowd-riot"))]
            if main:
                got = main
        elif all(map(main_purpose, got)):  # (only the main verb's purpose: "blockaded the
            # parliament to demand ...": a protest there says what it asks, ``absorbed``)
            # (a verb's own code too, when a crowd's makes it a protest: "protesters
            # occupied the airports to demand ...")
            extra = dictionary_candidates(sent, ix, {c.trigger.i for c in cands})
            main = [c for c in (_coded(extra, sent_i, ix) if extra else [])
                    if c.rule.id.endswith(".pattern") or c.spec.type == "PROTEST"]
            if any(c.spec.type == "PROTEST" for c in main):
                got = main + [c for c in got if c.spec.type not in VOICED]
    # (the claimants and links once per sentence, after the choice)
    note_claimants(sent, ix, sent_i)
    link_rejections(got, ix, sent_i)
    return got


def _discarded(sent: Span, ix: ArticleIndex, discards: Discards | None) -> bool:
    """Does the discard list drop this sentence ("... beat Pakistan by six wickets")?"""
    return discards is not None and \
        discards.sentence_discarded(ix.text[sent.start_char:sent.end_char]) is not None


EMBEDDING = frozenset({"prep", "relcl", "acl"})


def _embedded(c: Candidate) -> bool:
    """Is the event inside a prepositional phrase, a relative clause or a noun's clause
    (its trigger's or light verb's chain up to the root passes through one)?"""
    tree = tree_of(c.trigger.doc)  # (by index)
    t = (c.light or c.trigger).i
    for _ in STEPS[12]:
        if tree.heads[t] == t:
            return False
        if tree.deps[t] in EMBEDDING:
            return True
        t = tree.heads[t]
    return False


def _coded(cands: list[Candidate], sent_i: int, ix: ArticleIndex) -> list[Candidate]:
    sent = ix.sents[sent_i]
    lex = ix.lex
    kept = _kept(cands, sent_i, ix)
    into_doers(kept)  # ("an inquiry into the shelling ... by X": into X)
    kept = [c for c in kept if not absorbed(c, kept)]
    kept = agreements(kept, ix)
    was = {id(c): c.spec.type for c in kept}
    kept = drop_subordinate(conceded_agreements(
        diplomatic_protest(military_surrender(retype_intents(drop_stopped(kept), lex), lex),
                           lex, lambda a: state_actor(a, ix.resolver)), lex))
    for c in kept:
        if c.spec.type != was.get(id(c), c.spec.type) and c.spec.type in UNADDRESSED \
                and not c.recipients:
            fill_countries(c, ix, sent)  # "declined to resign": a refusal made by
            # retyping is read for its addressee as one is ("at home", none named)
    kept = offer_addressees(kept, ix.resolver.resolve)
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
    kept.sort(key=BY_TRIGGER)
    merged: list[Candidate] = []
    for c in kept:
        if not any(merge_into(m, c) for m in merged):
            merged.append(c)
    attach_size(merged, ix, sent)
    ops_here: list[tuple[str, str | None]] | None = None
    for c in merged:
        if c.spec.type == "ASSAULT":
            if ops_here is None:
                ops_here = [(n, code) for i, (n, code) in sorted(ix.op_at.items())
                            if sent.start <= i < sent.end]
            _finish_assault(c, ix, ops_here)
    merged = list(filter(identified, merged))
    merged.sort(key=BY_TRIGGER)
    return merged


def _finish_assault(c: Candidate, ix: ArticleIndex, ops_here: list[tuple[str, str | None]]
                    ) -> None:
    """Operation link, victims' country, "the operation" as an actor, a bomb's target."""
    bomb_target(c, ix)
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
    if c.place is not None and (code := c.place.country):
        # the people hit at a place are that place's (the Pahalgam victims: IND civilians;
        # not the state's people there); no one named, the place's ("a police station")
        c.recipients = [r if r.country or r.sector in STATE_SECTORS else r.model_copy(
            update={"country": code}) for r in c.recipients] or (
            [ix.resolver.country_actor(code)] if c.actors and not c.nominal and
            code not in countries(c.actors) else [])  # (a verb's doer: not "the attacks")
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
    discards = load_discards()
    story_off = discards.story_discarded(f"{ctx.title or ''}\n{ix.text}")
    for i, sent in enumerate([] if story_off else ix.sents):
        # (sports, entertainment, disasters: PETRARCH's discard list, read for the
        # sentences that have a candidate)
        for c in _sentence_events(i, ix, discards):
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

