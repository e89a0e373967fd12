"""Candidates from the field dictionaries: a verb the project's own patterns leave
uncoded, coded by PETRARCH2's CAMEO verb dictionary and PLOVER's crosswalk.

One rule decides when both could fire: the project's patterns (``data/events``) are
tried first; only in a sentence where none of their candidates makes an event (none
started, or each was dropped by the coder's filters) is the dictionary asked, and
only for the sentence's main verb (with the verbs conjoined to it or in its open
complement: "has declined to resign"; or what it reports: "Zambia extradited ..., an
official said"), not a gerund, outside direct quotes, and never for a report cue or an
intent verb, which the project reads otherwise. It fills what they lack:
"declined to resign", "banned ... from participating", "extradited", "indicted".
A dictionary event is kept only when it happened (not negated or hypothetical),
someone with a country took part (or a group named by its kind, in a place with one), a directed type (SUPPORT, REQUEST, AID, ...) names
a recipient with a country, and its subject is no said thing ("the comments
validated ...") (``dictionary_event_ok``).

The candidate's rule records where it came from (``pattern = "cameo.<code>.<source>"``,
source ``pattern``, ``verb`` or ``family``; the CAMEO root in ``cameo``) and the
crosswalk's mode when the type has that mode. Bare verbs of the PATTERN_ONLY list
("take", "hold", "give") code only through a phrase pattern ("held talks").
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from spacy.tokens import Span, Token

from chronicler.nlp.events.candidates import Candidate, event_heads, rule_matches, scope_words
from chronicler.nlp.events.dict_actors import (
    ABROAD_WORDS,
    HOME_ACTING,
    HOME_SECTORS,
    UNADDRESSED,
    against_own_state,
    domestic_recipient,
    object_country,
    observers,
    own_act_countries,
    place_sides,
    placed_people,
    sentence_countries,
    sole_country,
)
from chronicler.nlp.events.dictionaries import FieldDictionaries, load_field_dictionaries
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.intent import COOPERATIVE, INTENT_WORDS, is_intent, to_infinitive
from chronicler.nlp.events.modes import clause_tokens
from chronicler.nlp.events.patterns import POS_KINDS, Lexicon, TriggerRule
from chronicler.nlp.events.permissions import withheld_permission
from chronicler.nlp.events.tree import STEPS, children_ix, kids, less_d, subtree_ix, tree_of
from chronicler.nlp.events.verbmatch import VerbCode, match_verb
from chronicler.records import EventActor

# Verbs whose CAMEO family codes them but that, on their own, say too little to be an
# event in news prose: "said", "added", "told" are statements (CAMEO 01, no PLOVER type
# anyway); these carry a type only through a pattern (their family code is ignored).
PATTERN_ONLY = frozenset({"be", "have", "do", "make", "take", "go", "come", "get", "give",
                          "put", "set", "keep", "hold", "bring", "turn", "run", "move",
                          "leave"})  # ("plan to leave the party": no visit)


# verbs whose infinitive is the act they report: "managed to", "tried to", "failed to"
IMPLICATIVES = frozenset({"manage", "try", "attempt", "fail", "strive", "struggle", "seek"})
# verbs of going on with an act ("pressed ahead with", "pushed on with"): the act is what
# they go on with
PRESSING_ON = frozenset({"press", "push", "forge", "go", "move", "plough", "plow"})


# Intent verbs that are themselves PLOVER events (a promise is AGREE, a vow to strike is
# THREATEN): the dictionary codes them; other intent verbs ("want", "plan") it does not.
COMMITMENTS = frozenset({"promise", "pledge", "vow", "swear", "threaten", "offer"})
# verbs of denial: a refusal that answers an accuser
DENIALS = frozenset({"deny", "refute", "rebut", "dismiss", "disown", "repudiate"})
# what a promise of reform changes at home (CAMEO 034x, 035x: "pledged to restore a
# multiparty parliament", "said it would revise import quotas"): an intent addressed to
# no one is then its own country's (a promise of talks or help has someone abroad)
REFORMS = frozenset({"constitution", "parliament", "cabinet", "election", "referendum",
                     "reform", "multiparty", "democracy", "quota", "subsidy", "ban",
                     "curfew", "emergency", "resign", "amnesty", "prisoner", "censorship"})
# rebels named by no country fight where they are ("Chechen rebels kidnapped engineers
# near Grozny": Russia's); militants, gunmen or terrorists may have come from anywhere
INSURGENTS = frozenset({"rebel", "rebels", "guerrilla", "guerrillas", "insurgent",
                        "insurgents", "separatist", "separatists"})
# what a refusal may be made in spite of: the one who presses is whom it answers
PRESSES = frozenset({"pressure", "ultimatum", "demand", "call", "appeal", "plea", "request",
                     "warning", "threat", "opposition", "objection"})


def insurgent(a: EventActor) -> bool:
    """A rebel group named by no country (``INSURGENTS``)?"""
    return a.sector == "REB" and a.name.rsplit(None, 1)[-1].lower() in INSURGENTS


def defied_owners(verb: Token) -> list[Token]:
    """Who made the pressure, ultimatum or call a refusal is "despite" ("refused to step
    down despite an African Union ultimatum", "despite pressure from the United States"):
    its owner, its modifier naming someone, or its "from"."""
    out: list[Token] = []
    for h in [verb, *(x for x in kids(verb) if x.dep_ == "xcomp")]:
        for p in kids(h):
            if p.dep_ == "prep" and p.lower_ == "despite":
                for o in kids(p):
                    if o.dep_ == "pobj" and o.lemma_.lower() in PRESSES:
                        out += [m for m in kids(o) if m.dep_ in ("poss", "compound", "amod")
                                and m.ent_type_] + [y for x in kids(o) if x.dep_ == "prep"
                                                    and x.lower_ in ("from", "by")
                                                    for y in kids(x) if y.dep_ == "pobj"]
    return out


@lru_cache(maxsize=1)
def _fields() -> FieldDictionaries:
    return load_field_dictionaries()


def dictionary_code(tok: Token, fd: FieldDictionaries | None = None) -> VerbCode | None:
    """The dictionary's coding of a verb token, or None."""
    if tok.pos_ != "VERB":
        return None
    fd = fd or _fields()
    got = match_verb(tok, fd.verbs, fd.crosswalk)
    if got is None or got.back:
        return None  # "[:173]": the object acting back; the roles would need swapping
    lemma = tok.lemma_.lower()
    if got.pattern_line == 0 and lemma in PATTERN_ONLY:
        return None
    if lemma in IMPLICATIVES or lemma in ASPECTUAL:
        if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in kids(tok)):
            return None  # "managed to lock down endorsements" (HEAD's "* TO", 030), "began
            # pulling its guns back from ..." (LAUNCH's "* &WEAPON (FROM ^)"): the act is
            # the infinitive's or the gerund's
    elif lemma in PRESSING_ON:
        below = kids(tok)
        if any(c.dep_ in ("advmod", "prt") and c.lower_ in ("ahead", "on", "forward")
               for c in below) and any(c.dep_ == "prep" and c.lower_ == "with" for c in below):
            return None  # "pressed ahead with the ethnic cleansing of ..." (PUSH's "*
            # AHEAD", 170): the act is what it goes on with
    return got


_OWN: dict[int, frozenset[str]] = {}


def _own_words(lex: Lexicon) -> frozenset[str]:
    """Lemmas the project's own data reads as something else than an event: report,
    accusation and denial cues, and intent verbs ("want", "plan")."""
    got = _OWN.get(id(lex))
    if got is None:
        got = lex.report_cues | lex.accuse_cues | lex.deny_cues | (
            lex.future_governors - COMMITMENTS)
        _OWN.clear()
        _OWN[id(lex)] = got
    return got


@lru_cache(maxsize=4096)
def _rule(type_: str, code: str, mode: str | None, lemma: str, source: str) -> TriggerRule:
    return TriggerRule(id=f"cameo.{code}.{source}", type=type_, pos=POS_KINDS["verb"],
                       lemmas=frozenset({lemma}), mode=mode, cameo=code[:2],
                       exclude_conditional=True)


def dictionary_rule(tok: Token, lex: Lexicon, sent: Span) -> TriggerRule | None:
    """A trigger rule for ``tok`` from the dictionary, when it codes a PLOVER type the
    lexicon knows."""
    got = dictionary_code(tok)
    if got is None:
        return None
    spec = lex.types.get(got.plover.type)
    if spec is None:
        return None
    mode = got.plover.mode if got.plover.mode in spec.modes else None
    return _rule(spec.type, got.code, mode, tok.lemma_.lower(), got.source)


def dictionary_candidates(sent: Span, ix: ArticleIndex,
                          taken: frozenset[int] | set[int] = frozenset()) -> list[Candidate]:
    """Candidates from the dictionary for a sentence the lexicon's patterns left
    uncoded (``taken``: tokens a pattern of the lexicon already decided about): its main verb (and verbs conjoined to it or in its open complement), not
    in a direct quote, not a word the project's own patterns or cues decide about."""
    out: list[Candidate] = []
    tree = tree_of(ix.doc)  # (the parse by index)
    verbs, forms = _fields().verbs.verbs, _fields().verbs.forms
    own_words = _own_words(ix.lex)
    for i in _known_at(ix, sent.start, sent.end):
        if i in taken or i in ix.op_at or i < ix.dateline_end or i in ix.time_at or \
                i in ix.resolver.quote_speaker:
            continue  # (a direct quote is rhetoric the project's own patterns read)
        if ix.lemmas[i] not in verbs and ix.lowers[i] not in verbs and \
                ix.lowers[i] not in forms and less_d(ix.lowers[i]) not in verbs:
            continue  # (the last: a past the tagger cut short, ``verbmatch.entries_of``)
        if ix.lemmas[i] in own_words or ix.lowers[i] in own_words:
            continue  # a word the project's patterns or cues know: they decide
        tok = tree.toks[i]
        gerund = tree.tags[i] == "VBG"
        if (gerund and not _progressive(tok) and not _aspectual(tok)) or \
                not _main_verb(tok, ix.lex):
            continue  # a subordinate or reported verb: too often not an event of its own
        rule = dictionary_rule(tok, ix.lex, sent)
        if rule is None or _object_vetoed(rule, tok, sent, ix.lex) or _electioneering(tok):
            continue
        if gerund and not rule.id.endswith(".pattern") and not _aspectual(tok):
            continue  # a progressive only through a phrase ("is providing intelligence
            # to"), not the bare verb ("farmers are asking what ...")
        heads, light = event_heads(tok, ix.lex, False)
        if not rule_matches(rule, tok, sent, heads):
            continue
        out.append(Candidate(rule=rule, spec=ix.lex.types[rule.type], trigger=tok,
                             heads=heads, light=light))
    return out + _readiness(sent, ix, taken, out)


# adjectives of readiness: "is ready to open a new chapter of cooperation with X" says
# an intent to cooperate (CAMEO 030) as "offered to" and "pledged to" do in the
# dictionary's OFFER and PLEDGE, when nothing codes the act offered
READY = frozenset({"ready", "prepared", "willing"})


def _readiness(sent: Span, ix: ArticleIndex, taken: frozenset[int] | set[int],
               coded: list[Candidate]) -> list[Candidate]:
    if READY.isdisjoint(ix.lemmas[sent.start:sent.end]):
        return []  # (most sentences: no Python step per word)
    tree = tree_of(ix.doc)
    out: list[Candidate] = []
    for i in range(sent.start, sent.end):
        if ix.lemmas[i] not in READY or tree.deps[i] != "acomp" or i in taken:
            continue
        acts = [c for c in children_ix(tree, i) if tree.deps[c] == "xcomp"
                and tree.poss[c] == "VERB" and to_infinitive(tree.toks[c])]
        tok = tree.toks[i]
        if not acts or not _main_verb(tok, ix.lex):
            continue
        inside = {x for a in acts for x in subtree_ix(tree.toks[a])}  # (cached by index)
        if inside & ({c.trigger.i for c in coded if c.spec.type not in COOPERATIVE} |
                     set(taken)):
            continue  # (a hostile act offered is a threat, ``intent``, and a pattern
            # decided about the act; a cooperative one is this intent: ``intent`` keeps
            # one AGREE of the two, even when the act names no one it is done to)
        rule = _rule("AGREE", "030", None, ix.lemmas[i], "family")
        heads, light = event_heads(tok, ix.lex, False)
        out.append(Candidate(rule=rule, spec=ix.lex.types["AGREE"], trigger=tok,
                             heads=heads, light=light))
    return out


def _known_at(ix: ArticleIndex, start: int, end: int) -> list[int] | range:
    """The tokens in [start, end) whose lemma or form may be one the verb dictionary
    knows (``dictionary_candidates`` tests each again), ascending: found by ``map``
    over the sentence's words, with no Python step per word."""
    lemma_known, form_known = _known_words()
    if form_known is None:
        return range(start, end)
    at = range(start, end)
    hit = set(compress(at, map(lemma_known.__contains__, ix.lemmas[start:end])))
    hit.update(compress(at, map(form_known.__contains__, ix.lowers[start:end])))
    return sorted(hit)


@lru_cache(maxsize=1)
def _known_words() -> tuple[frozenset[str], frozenset[str] | None]:
    """The verb dictionary's verbs, and every form ``dictionary_candidates`` reads as
    one: a verb, a form it lists, or a past whose ``less_d`` is a verb ("staged" for
    "stage"). (None for the forms if "" were a verb: ``less_d`` of any word not ending
    in "ed".)"""
    verbs, forms = _fields().verbs.verbs, _fields().verbs.forms
    if "" in verbs:
        return frozenset(verbs), None
    past = {f"{v}d" for v in verbs if v.endswith("e")}
    return frozenset(verbs), frozenset(verbs.keys() | forms.keys() | past)


# campaigning for someone or for an office is electioneering, no demand (the dictionary's
# CAMPAIGN is in the DEMAND family: "campaigned for the release of the prisoners")
CAMPAIGNING = frozenset({"campaign", "stump", "canvass", "crusade"})
OFFICES = frozenset({"candidate", "nominee", "ticket", "election", "re-election",
                     "reelection", "office", "presidency", "president", "seat", "senate",
                     "congress", "governor", "mayor", "senator", "candidacy", "vote"})


def _electioneering(tok: Token) -> bool:
    """"campaigned for Clinton", "stumped for the governor", "campaigned for a Senate
    seat": support for a candidate or a run for office."""
    if tok.lemma_.lower() not in CAMPAIGNING:
        return False
    return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in OFFICES
               for p in kids(tok) if p.dep_ == "prep" and p.lower_ in ("for", "on")
               for o in kids(p) if o.dep_ == "pobj")


def _object_vetoed(rule: TriggerRule, tok: Token, sent: Span, lex: Lexicon) -> bool:
    """Does a pattern of the project's own for this verb and type veto what the verb is
    done to ("agreed with the analysis" shares a view, agrees to no act)? Its object's
    vetoes are a decision the dictionary does not overturn; its vetoes on the wider
    clause are cruder ("workers" for a labour strike) and leave the dictionary free
    ("kidnapped two aid workers")."""
    rules = [r for lemma in rule.lemmas for r in lex.rules_for(lemma) if r.type == rule.type
             and not r.nominal and r.unless and r.unless_scope == "object"]
    return bool(rules) and any(scope_words("object", tok, [tok], sent) & r.unless
                               for r in rules)


# Types whose event is done to someone: the dictionary, which reads words and not who
# did what to whom, codes them only with a recipient the sentence names (PETRARCH codes
# nothing without a target): "congratulated the troops", "remained committed to the
# ceasefire", "cut short a visit" are no SUPPORT or SANCTION of anyone. (Force and
# coercion are not here: inside a country PLOVER gives them that country as recipient.)
DIRECTED = frozenset({"SUPPORT", "REQUEST", "AID", "SANCTION", "ACCUSE", "COOPERATE",
                      "CONSULT", "THREATEN"})


def dictionary_event_ok(c: Candidate, named_recipient: bool = True) -> bool:
    """A dictionary event is emitted only when it happened (not negated, hypothetical
    or future), someone with a country took part ("the guns had fallen silent" codes
    nothing; a group named by its kind in a place with a country counts:
    ``dict_actors.placed_people``) and, for a directed type, the sentence names its recipient. A verb coded
    only by its family's code (no pattern of the family matched, the verb has no code of
    its own) needs the target PETRARCH needs to code anything: a recipient the parse
    named that is someone (an actor, or a group with a sector: "allowed the opposition
    party to ...") or has a country ("reimposed blockades in X"; ``named_recipient``:
    before the article's dyad or the sentence lent one), not a thing alone ("the charity
    has struggled to raise money"). A promise or an announced act, coded as an intent,
    needs none. (A thing in a country still passes: "bought a farm in X".) Read on 84
    news articles of a national election campaign, 2 of 23 such events were events:
    buying property came out as COOPERATE, harming a candidate's standing as ASSAULT,
    carrying out an opinion poll as COOPERATE."""
    if not c.rule.id.startswith("cameo."):
        return True
    aux = c.aux
    # (a permission withheld, negated and maybe "would", is a refusal: ``intent``)
    if not (aux.negated and withheld_permission(c)):
        if aux.negated or aux.hypothetical:
            return False
        if aux.future and not is_intent(c):
            return False  # (an announced act is an intent: AGREE or THREATEN, ``intent``)
    if c.spec.type in DIRECTED and not named_recipient:
        return False
    if c.rule.id.endswith(".family") and not (
            named_recipient or any(r.actor_id or r.sector for r in c.recipients) or
            c.trigger.lemma_.lower() in COMMITMENTS or is_intent(c) or
            placed_people(c.spec.type, c.actors, c.place)):
        return False  # (a commitment or an announced act, coded as an intent, names
        # what is promised, not always to whom)
    if any(_said_thing(s) for s in kids(c.trigger) if s.dep_ == "nsubj"):
        return False  # "the comments validated the claims": words, not an actor, act
    return any(a.country for a in (*c.actors, *c.recipients)) or \
        placed_people(c.spec.type, c.actors, c.place)


# nouns for what was said or written: as a subject they make a verb a description of
# words ("his remarks confirmed ..."), not an act the dictionary may code
SAID_THINGS = frozenset({"comment", "remark", "statement", "report", "word", "speech",
                         "claim", "letter", "article", "interview", "tone", "message",
                         "declaration", "document", "note", "post", "tweet"})


def _said_thing(t: Token) -> bool:
    return t.pos_ == "NOUN" and t.lemma_.lower() in SAID_THINGS


# verbs of a phase of the act their gerund names ("began demobilising its fighters")
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep"})


def _aspectual(tok: Token) -> bool:
    """"began demobilising", "started pumping gas": the gerund is the act."""
    tree = tree_of(tok.doc)  # (by index)
    return tree.deps[tok.i] == "xcomp" and tree.lemmas[tree.heads[tok.i]] in ASPECTUAL


def _progressive(tok: Token) -> bool:
    """"is providing", "has been holding": a progressive verb form, not a gerund."""
    tree = tree_of(tok.doc)  # (by index)
    return any(tree.deps[ch] == "aux" and tree.lemmas[ch] == "be"
               for ch in children_ix(tree, tok.i))


def main_clause(c: Candidate, lex: Lexicon) -> bool:
    """Is the event at the sentence's main verb: its trigger, or the verb that carries
    its noun ("launched strikes")?"""
    return any(h.pos_ in ("VERB", "AUX") and _main_verb(h, lex) for h in (c.trigger, *c.heads))


def _main_verb(tok: Token, lex: Lexicon) -> bool:
    """The sentence's main verb, a verb conjoined to it, its open complement chain
    ("has refused to commit", "declined to resign"), or what the main verb reports
    ("Zambia extradited ..., an official said")."""
    tree = tree_of(tok.doc)  # (by index: read for each verb the dictionary knows)
    deps, lemmas, up = tree.deps, tree.lemmas, tree.heads
    t = tok.i
    for _ in STEPS[5]:
        if deps[t] == "ROOT":
            return True
        reported = deps[t] == "ccomp" and lemmas[up[t]] in lex.report_cues
        # "have sworn to fight", "decided to allow": an intent's infinitive the parser
        # hangs as an adverbial clause
        intended = deps[t] == "advcl" and lemmas[up[t]] in INTENT_WORDS and \
            to_infinitive(tree.toks[t])
        # "is prepared to contribute troops", "stands ready to": the adjective of intent
        # a copula carries, whose open complement the act is
        ready = deps[t] == "acomp" and lemmas[t] in INTENT_WORDS
        if not reported and not intended and not ready and deps[t] not in ("conj", "xcomp") or \
                tree.poss[up[t]] not in ("VERB", "AUX", "ADJ"):
            return False
        t = up[t]
    return False


def fill_countries(c: Candidate, ix: ArticleIndex, sent: Span) -> None:
    """Countries the parse left out: the sentence's only country for arguments without
    one, then PLOVER's recipient of a domestic event (``dict_actors``)."""
    res = ix.resolver
    named = ix.sentence_countries.get((sent.start, sent.end))
    if named is None:
        named = ix.sentence_countries[sent.start, sent.end] = sentence_countries(
            sent, res.mention_at, res.place_at)
    if c.report is not None and (seen := observers(c.report.speakers, res.mention_at)):
        named = [x for x in named if x not in seen]
    if len(named) > 1 and not any(r.country for r in c.recipients) and (
            inner := own_act_countries([c.trigger, *c.heads], sent, res.mention_at, res.place_at)):
        named = [x for x in named if x not in inner]
    persons = frozenset(a.actor_id for a in c.actors if a.actor_id and getattr(
        res.actors.get(a.actor_id), "type", None) == "PERSON")
    protest = c.spec.type == "PROTEST"
    if protest and c.place is not None and c.place.country and \
            not any(a.country for a in c.actors):
        # "thousands protested in Karachi against the strikes": the crowd of the place
        # (a crowd the verb names; "a rally in Charleston" names none: no protest)
        crowd = not c.nominal and any(x.dep_ == "nsubj" and x.pos_ != "PRON"
                                      for x in kids(c.trigger))
        c.actors = [a.model_copy(update={"country": c.place.country}) for a in c.actors] or (
            [EventActor(name="protesters", country=c.place.country, sector="CVL")]
            if crowd else [])
    if c.place is not None and c.place.country:  # (at the place of their act, not the
        # country of whom they act on: "a tribunal investigated crimes by Chadian militias")
        c.actors = [a.model_copy(update={"country": c.place.country}) if not a.country
                    and not a.actor_id and (a.sector in HOME_ACTING or insurgent(a)) else a
                    for a in c.actors]
    guess = named
    if c.spec.type in UNADDRESSED | {"REQUEST"} and len(named) == 1 and not any(
            a.country or a.sector in HOME_SECTORS for a in c.actors) and object_country(
            c.heads, set(), res.mention_at, res.place_at, countries_only=True) == named[0]:
        guess = []  # ("a bishop urged sanctions against Zimbabwe": the words are
        # about the country, not said from it; rebels and the opposition stay at home)
    c.actors = sole_country(c.actors, guess or (  # (a protest: the country it is against)
        sorted({r.country for r in c.recipients if r.country}) if protest else []),
        persons, anyone=protest)
    if c.rule.id.startswith("cameo.") and c.place is not None and \
            placed_people(c.spec.type, c.actors, c.place):  # ("rioters clashed with
        # police in Nairobi": the place's, the dictionary's event kept for it)
        c.actors, c.recipients = place_sides(c.actors, c.recipients, c.place)
    if c.spec.type == "CONSULT" and "visit" in c.modes and c.place is not None and \
            c.place.country and not any(r.country for r in c.recipients) and \
            c.place.country not in {a.country for a in c.actors}:
        c.recipients = [res.country_actor(c.place.country)]  # a visit's host: where
        return  # ("landed in Dhaka for talks")
    if protest and not any(r.country for r in c.recipients) and len(home := {
            a.country for a in c.actors if a.country}) == 1 and against_own_state(c.heads):
        c.recipients = [res.country_actor(home.pop(), "GOV")]  # (the protesters' own:
        return  # "marched against the government's decision to resume U.S. imports")
    if c.reciprocal or c.rejects_claim or len({a.country for a in c.actors}) > 1:
        return  # both sides act, or a denial answering an accuser found later
    if c.spec.type == "REJECT" and not any(r.country for r in c.recipients) and (
            defied := [a for t in defied_owners(c.trigger) if (a := res.resolve(t)) is not None
                       and a.country and a.country not in {x.country for x in c.actors}]):
        c.recipients = defied[:1]  # "refused to step down despite an AU ultimatum"
        return
    # (whom force hit: the place rules of the coder; an investigation's object names its
    # country, noun or verb: "an inquiry into abuses in X")
    if not any(r.country for r in c.recipients) and (
            not c.nominal or "investigate" in c.modes) and c.spec.type != "ASSAULT":
        acts = {a.country for a in c.actors if a.country}
        code = object_country(c.heads, acts, res.mention_at, res.place_at)
        if code is not None:
            c.recipients = [r.model_copy(update={"country": code}) for r in c.recipients
                            if r.sector] or [res.country_actor(code)]
            return
    # (the clause is read only where it can decide: an unaddressed refusal or accusation)
    # (a denial answers an accuser, named or not: "denied violating the ceasefire" is
    # no refusal at home)
    elsewhere = not c.recipients and c.spec.type in UNADDRESSED and (
        c.trigger.lemma_.lower() in DENIALS or any(
            x.lower_ in ABROAD_WORDS for x in clause_tokens([c.trigger, *c.heads])))
    got = domestic_recipient(c.spec.type, c.actors, c.recipients, named, ix.dyad, elsewhere)
    if got is None and c.spec.type == "AGREE" and not c.recipients and (
            c.rule.id == "agree.reform" or any(x.lemma_.lower() in REFORMS
                                               for x in clause_tokens([c.trigger, *c.heads]))):
        # a promise of reform that names no one is made at home, as a refusal that
        # names no one is (``dict_actors.UNADDRESSED``), whatever else the sentence names
        got = domestic_recipient("REJECT", c.actors, c.recipients, (), ix.dyad)
    if got is not None:
        c.recipients = got

