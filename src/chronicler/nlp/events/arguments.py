"""Arguments of a candidate: actors and recipients from the parse (``roles`` has the
constructions); ``inference`` then fills what the sentence leaves implicit."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.dict_actors import agent_sector, reciprocal_phrase
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.intent import to_infinitive
from chronicler.nlp.events.modes import clause_ix, phrase_ix, words_at
from chronicler.nlp.events.modifiers import noun_modifiers
from chronicler.nlp.events.parties import (
    a_state,
    claimant,
    countries,
    dealings_partners,
    for_to,
    for_whom,
    force_noun,
    known_person,
    named_party,
    names_someone,
    promised_parties,
    same_actor,
    state_act_places,
)
from chronicler.nlp.events.roles import (
    ARMS,
    LIGHT_NOUNS,
    PRONOUNS,
    Arg,
    agents,
    children,
    conjuncts,
    is_passive,
    prep_objects,
    subjects,
    word_before,
)
from chronicler.nlp.events.tree import children_ix, kids, subtree, tree_of
from chronicler.nlp.events.walks import with_objects

EXTRA_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with",), "COOPERATE": ("with",), "REJECT": ("with",), "AGREE": ("with", "to"),
    "REQUEST": ("with", "to", "for"), "SANCTION": ("to", "for"), "SUPPORT": ("to", "for", "with", "behind"),
    "AID": ("to", "for"), "ACCUSE": ("on",)}
NOUN_EXTRA_PREPS: dict[str, tuple[tuple[str, ...], ...]] = {  # in order of preference
    "ASSAULT": (("of", "for", "to"),), "COERCE": (("of", "for", "to"),),
    "SANCTION": (("to", "with", "for"), ("of",)),
    "SUPPORT": (("of", "for", "to"),), "AID": (("of", "for", "to"),),
    # ("lodged a protest with India": the one it is lodged with)
    "ACCUSE": (("against",), ("with",)),
    # "held talks with Chad", "an agreement with Niger": the other party
    "CONSULT": (("with",),), "COOPERATE": (("with",),), "AGREE": (("with",),)}
# nouns of coming into someone's ground, whose "of" names who came, not whom it hit
MOVERS = frozenset({"incursion", "intrusion", "infiltration", "encroachment", "transgression"})
# nouns whose owner, with no "of", is who undergoes them ("Kennedy's assassination")
UNDERGONE = frozenset({"assassination", "abduction", "kidnapping", "arrest", "detention",
                       "killing", "execution"})
STANCES = frozenset({"oppose"})  # participles of a stance with "to" ("is opposed to")
# light verbs of a third party that brings about what the sides agree ("brokered a truce")
BROKERING = frozenset({"broker", "mediate", "facilitate", "host", "convene", "sponsor"})
# force both sides use: whom one side clashes "with" is the other (not "fought with")
CLASHING = frozenset({"clash", "skirmish", "battle", "scuffle", "grapple"})
YIELDING = frozenset({"surrender", "yield", "capitulate", "succumb"})  # "to" the other side
# verbs whose object weapon is what is fired, wherever it goes ("fired two missiles into
# the sea", "launched rockets"), not whom it hits ("shot down a jet")
LAUNCHING = frozenset({"fire", "launch", "lob", "test-fire"})
# verbs whose object is one's own dead ("to avenge the deaths of its civilians")
AVENGING = frozenset({"avenge", "revenge"})
# verbs that answer a request noun they carry ("accepted the proposal")
ANSWERING = frozenset({"accept", "reject", "welcome", "refuse", "rebuff", "spurn",
                       "dismiss", "ignore", "consider", "study", "heed", "decline"})
# A light verb's own prepositional target ("launched strikes on X"; "took place at X": where)
LIGHT_TARGET_PREPS = frozenset({"on", "against", "targeting", "upon"})
# ... and those of a rule's own: displeasure voiced "with" or "at" someone's act
LIGHT_EXTRA = {"accuse.displeasure": frozenset({"with", "at"})}
LIGHT_OR_TO = LIGHT_TARGET_PREPS | {"to"}  # (the object's own target: "gave aid to X")
# What a denial rejects when it rejects an accusation: the REJECT answers the accuser.
CLAIM_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "insinuation",
                         "suggestion", "report", "assertion", "narrative", "propaganda"})
# ------------------------------------------------------------------ arguments
# verbs that answer something someone asked, proposed or holds, and those things
RESPONSES = frozenset({"SUPPORT", "REJECT", "CONCEDE", "AGREE"})
# prepositions of what a grievance or an inquiry is about
ABOUT_PREPS = ("over", "about", "into", "at", "on")
OWNED_THINGS = frozenset({"demand", "call", "request", "appeal", "pressure", "ultimatum",
                          "proposal", "offer", "plan", "plea", "right", "policy", "decision",
                          "position", "stance", "initiative", "bid", "invitation",
                          "condition", "terms"})
SAID_AGAINST = CLAIM_NOUNS | {"criticism", "remark", "statement", "comment"}  # (whose: "from")


def fill_arguments(c: Candidate, ix: ArticleIndex) -> bool:
    """Fill actors and recipients; True when the parse named any argument.

    Each role has groups of candidate tokens in order of preference (``roles`` module
    docstring); the first group that resolves to someone wins. A recipient that is the
    actor itself ("closed its airspace to Merovian airlines") is skipped."""
    lex, res = ix.lex, ix.resolver
    tok = c.trigger
    t = c.spec.type
    # (by index; a reciprocal phrase's last word tested first, with no call per word)
    tree, lemma, lows, ends = tree_of(ix.doc), ix.lemmas[tok.i], ix.lowers, lex.reciprocal_ends
    actor_groups: list[list[Token]] = []
    recip_groups: list[list[Token]] = []
    verb: Token | None = None
    if tree.poss[tok.i] == "ADJ":
        h = c.heads[-1]
        actor_groups.append(subjects(h) if h.i != tok.i else [])
        recip_groups.append(with_objects(tok, clause_ix([tok])))
    elif not c.nominal:
        verb = tok
        passive = is_passive(verb)
        if passive and lemma in STANCES and prep_objects(verb, ("to",)):
            # "Turkey is opposed to Swedish mediation": a stance, not a passive; its
            # holder is the subject (which the parser may also hang on "is")
            actor_groups.append(children(verb, ("nsubjpass", "nsubj")) + [
                x for a in children(verb, ("auxpass",)) for x in children(a, ("nsubj",))])
            recip_groups.append(prep_objects(verb, ("to",)))  # what it is opposed to
        elif passive and t == "MOBILIZE" and not agents(verb):
            # "police across Britain were placed on alert": who is made ready acts
            actor_groups.append(children(verb, ("nsubjpass",)))
        elif passive:
            actor_groups.append(agents(verb))
            if t in ("COOPERATE", "SANCTION", "COERCE"):
                # "was extradited from Mexico to the United States", "were expelled
                # from Kenya": with no agent, the state it is sent from sends it, and
                # the state it is sent to receives it (before the one sent)
                actor_groups.append([o for o in prep_objects(verb, ("from",)) if a_state(o, res)])
                recip_groups.append([o for o in prep_objects(verb, ("to",)) if a_state(o, res)])
            recip_groups.append([x for s in children(verb, ("nsubjpass",))
                                 for x in conjuncts(s)])
        elif tree.deps[tok.i] == "acl" and tree.tags[tok.i] == "VBN" and not children(verb, ("nsubj",)):
            # "the 24 people killed at ...": the noun is the one it happened to
            actor_groups.append(agents(verb))
            recip_groups.append(conjuncts(verb.head))
        else:
            actor_groups.append([x for x in subjects(verb) if not (
                t == "ASSAULT" and force_noun(x, lex))])  # ("the Mumbai attacks killed
            # 166 people": the attacks are the event, their place no attacker)
            if t == "REQUEST" and lemma == "call":  # ("called on X", not "On CNN, she called")
                recip_groups.append([o for o in prep_objects(tok, ("on", "upon")) if o.i > tok.i])
            recip_groups.append(dealings_partners(verb, res))  # (the object's other side)
            # (a dative "to" as the parser labels it: "providing photographs to Macedonia")
            fired_at = t == "ASSAULT" and (lemma in LAUNCHING or bool(
                prep_objects(verb, lex.target_preps)))  # (or fired anywhere: "into the sea")
            sent_to = t in ("AID", "MOBILIZE") and bool(prep_objects(verb, ("to", "into")))
            recip_groups.append([x for o in children(verb, ("dobj", "dative"))
                                 for y in ((o,) if tree.poss[o.i] != "ADP" else
                                           children(o, ("pobj",)))
                                 for x in conjuncts(y)
                                 if not ((t in ("AID", "MOBILIZE", "RETREAT") or fired_at)
                                         and ix.lemmas[x.i] in ARMS)
                                 and not (sent_to and o.dep_ == "dobj")
                                 and lemma not in AVENGING])
            # (what is supplied or fired is no one: "sold jets to India", "fired rockets
            # at the motorcade", not "shot down a jet"; nor whom a transfer sends: they go
            # to X in "contributed troops to X")
        recip_groups.append([o for o in prep_objects(verb, _verb_preps(lex.target_preps, t) | (
            {"with"} if t == "ASSAULT" and lemma in CLASHING else
            {"to"} if t == "CONCEDE" and lemma in YIELDING else set())) if not (
                lows[tree.heads[o.i]] == "on" and o.head.is_sent_start)])  # ("On CNN": a frame)
        # "imposed sanctions on the Taliban", "gave aid to Ivory Coast": the object's own
        # target, when it names someone ("violence against civilians" names no one)
        recip_groups.append([o for d in children(verb, ("dobj",))
                             for o in prep_objects(d, LIGHT_OR_TO)
                             if o.i in res.mention_tokens or any(
                                 x.i in res.mention_tokens for x in o.lefts)])
        if t == "AID":
            # "sent two planes carrying relief supplies to the flood-hit region of X",
            # "contributed troops to a force for X": the target phrase deeper in the
            # object or its "to" (the cargo's, a place's country, whom a force is for), first
            objs, tos = children(verb, ("dobj",)), prep_objects(verb, ("to",))
            recip_groups.insert(0, [o for d in objs + tos for x in subtree(d)
                                 if x.dep_ == "prep" and x.lower_ in ("to", "for")
                                 and (x.head.i != d.i or d in tos or x.lower_ == "for")
                                 for o in children(x, ("pobj",)) if names_someone(o, res)])
            # "helped Mozambique clear the mines": whom it helps does what help is for
            recip_groups.append([x for ch in kids(verb) if ch.dep_ in ("ccomp", "xcomp")
                                 for x in children(ch, ("nsubj",))])
        if t in ("COOPERATE", "RETREAT"):
            # "extradited the suspect to France", "returned the ship to Iran": the state
            # it is handed to (not "released it to the Post", "linked it to a group"),
            # before what or whom it hands over ("handed over three militants to
            # Malaysian authorities": Malaysia receives them)
            recip_groups.insert(0, [o for o in prep_objects(verb, ("to",)) if a_state(o, res)])
        if t == "RETREAT":  # "pulled back from the border area with Peru": the other side
            recip_groups.append([w for o in prep_objects(verb, ("from",)) + [
                                     o for a in children(verb, ("advmod", "prt"))
                                     for o in prep_objects(a, ("from",))]  # ("back from")
                                 for x in subtree(o) if x.dep_ == "prep" and x.lower_ == "with"
                                 for w in children(x, ("pobj",)) if a_state(w, res)])

        def people(o: Token) -> bool:  # (people, not "of involvement"; "the Chinese
            # crackdown", "the Chinese coast guard": a country's)
            return tree.poss[o.i] == "PROPN" or o.i in res.mention_tokens or bool(
                res.sector_noun(o)) or bool(agent_sector(o)) or any(
                    m.dep_ in ("amod", "poss", "compound") and m.i in res.mention_tokens
                    for m in kids(o))

        if t in RESPONSES:
            # "conceded to demands from the rebels", "rejected Iran's proposal",
            # "defended the right of the troops to ...": whose demand, proposal, right
            recip_groups.append([o for d in children(verb, ("dobj",)) + prep_objects(
                                     verb, ("to",)) if d.lemma_.lower() in OWNED_THINGS
                                 for o in children(d, ("poss",)) + prep_objects(
                                     d, ("from", "by")) + [
                                     o for o in prep_objects(d, ("of",)) if people(o)]])
            # "rejected criticism from X", "remarks by X": who said it (not its "of")
            recip_groups.append([o for d in children(verb, ("dobj",)) if d.lemma_.lower()
                                 in SAID_AGAINST for o in prep_objects(d, ("from", "by"))])
        if t == "ACCUSE":
            # "investigated the welfare of 2,000 Libyans", "criticised the conduct of the
            # Kaldorian police": whose conduct or lot an object that names no one is
            recip_groups.append([o for d in children(verb, ("dobj",))
                                 if d.i not in res.mention_tokens and not d.ent_type_
                                 for o in prep_objects(d, ("of", "by")) if people(o)])
            # "voiced displeasure over China's decision", "looked into reports that
            # Eritrean troops had crossed": whose act the grievance or inquiry is about
            about = [o for x in [verb, *children(verb, ("dobj",))]
                     for o in prep_objects(x, ABOUT_PREPS)]
            owners = [w for o in about for w in children(o, ("poss",))
                      if people(w) and w.pos_ != "PRON"]  # ("complained about his mic")
            recip_groups.append(owners or [x for o in about for ch in kids(o)
                                           if ch.dep_ in ("acl", "ccomp") for x in subjects(ch)])
            recip_groups.append(state_act_places(verb, res))  # ("the execution ... in X")
        if t in RESPONSES | {"ACCUSE"} and children(verb, ("dobj",)):
            # "denounced abuses by Egyptian police", "rejected mediation by the US": the
            # parser hangs the object's "by" on the active verb; who did the thing is
            # whom the verb answers (not "by phone", "by force": no one, a means)
            recip_groups.append([o for o in prep_objects(verb, ("by",)) if people(o) and not (
                o.tag_ == "NN" and not any(m.dep_ in ("det", "amod", "compound", "poss")
                                           for m in kids(o)))])
        if t in ("SANCTION", "ACCUSE", "REQUEST", "PROTEST"):
            # "declared [X] persona non grata", "said [the US] must mediate", "protested that [X] ..."
            recip_groups.append([x for ch in children_ix(tree, tok.i) if tree.deps[ch] in (
                                 "ccomp", "xcomp", "oprd") or (tree.deps[ch] == "advcl" and any(
                                     tree.deps[m] == "mark" and lows[m] == "for"
                                     for m in children_ix(tree, ch)))  # "pushed for X to"
                                 for x in children(tree.toks[ch], ("nsubj",))])
        if t in ("CONCEDE", "COERCE"):
            # "allowed the opposition leader to hold a rally", "forced the villagers to
            # leave": the one let or made to act, the subject of the verb's infinitive
            recip_groups.append([x for ch in kids(verb) if ch.dep_ in ("ccomp", "xcomp")
                                 and to_infinitive(ch) for x in children(ch, ("nsubj",))])
        if t in ("AGREE", "THREATEN", "REJECT", "REQUEST"):  # (an offer is a REQUEST here)
            recip_groups.extend(promised_parties(verb, res))
        if t in ("REQUEST", "CONSULT"):
            # "offered to mediate between the government and the rebels": the sides (an
            # infinitive the parser hangs as advcl too: "offered on Tuesday to mediate")
            recip_groups.append([o for x in kids(verb) if x.dep_ == "xcomp" or (
                x.dep_ == "advcl" and to_infinitive(x)) for o in prep_objects(x, ("between",))])
        if t in ("CONSULT", "COOPERATE", "REQUEST", "REJECT", "CONCEDE", "SANCTION"):
            # "offered to hold talks with India", "suspended talks with the rebels"
            recip_groups.append(with_objects(verb, clause_ix([verb]), ("NOUN", "VERB")))
        if t == "SUPPORT":  # "deepened its cooperation with Togo": the object's partner
            recip_groups.append([o for d in children(verb, ("dobj",)) for o in prep_objects(d, ("with",))])
    else:
        own = [p for ch in kids(tok) if ch.dep_ == "poss" for p in conjuncts(ch)]
        if lemma in UNDERGONE and not prep_objects(tok, ("of",)):
            recip_groups.append(own)
            own = []
        mods, against = noun_modifiers(tok, ix)  # ("Pakistani strikes", "anti-India rallies")
        own += mods + prep_objects(tok, ("by",))
        recip_groups.append(against)
        if tree.deps[tok.i] == "pobj" and lows[tree.heads[tok.i]] == "of" and \
                ix.lemmas[tree.heads[tree.heads[tok.i]]] in LIGHT_NOUNS:
            own += prep_objects(tok.head.head, ("by",))  # "a series of attacks ... by X"
        if t in ("ASSAULT", "REQUEST"):
            own += prep_objects(tok, ("from",))  # ("a ceasefire proposal from the US")
        mover = lemma in MOVERS
        if mover:  # "the incursion of a Chinese submarine [into its waters]": who came in
            own += prep_objects(tok, ("of",))
        actor_groups.append(own + claimant(tok))  # (+ "claimed responsibility for [it]")
        if c.light is None and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and (
                t == "PROTEST" and tok.head.lower_ == "on" or
                t == "MOBILIZE" and tok.head.lower_ in ("in", "as")):
            # "workers went on strike", "bombers flew over X in a show of force": who did
            actor_groups.append(subjects(tok.head.head))
        if tok.dep_ == "pobj" and tok.head.lower_ == "under" and \
                tok.head.head.lemma_.lower() in ("come", "be", "remain", "fall"):
            recip_groups.append(subjects(tok.head.head))  # "the army came under attack"
            actor_groups.append(prep_objects(tok.head.head, ("by",)))  # ("... by X")
        recip_groups.append(prep_objects(tok, lex.target_preps | ({"into"} if mover else set())))
        if t in ("REQUEST", "SUPPORT", "AID"):
            # "a reminder to Bolivia that it must ...", "offered an apology to China", "a
            # loan of $5m to Chad": whom it is addressed to (else who is to act, below)
            recip_groups.append(prep_objects(tok, ("to",)) + [
                o for x in prep_objects(tok, ("of",)) for o in prep_objects(x, ("to",))] + (
                prep_objects(c.light, ("to",)) + [
                    o for d in children(c.light, ("dative",)) for o in children(d, ("pobj",))]
                if c.light is not None else []))
        if t == "REQUEST":
            recip_groups.append([x for h in (tok, *([c.light] if c.light else []))
                                 for ch in kids(h) if ch.dep_ in ("acl", "ccomp")
                                 for x in children(ch, ("nsubj",))])
            # "its demand for Merovia to withdraw", "renewed its call for Merovia to
            # withdraw" (the clause on the verb): who is to act
            carried = [*kids(tok), *(kids(tok.head) if tok.dep_ == "dobj" else ())]
            recip_groups.append([o for o in prep_objects(tok, ("for",)) if any(
                ch.dep_ in ("acl", "advcl") and to_infinitive(ch) for ch in carried)] + [
                x for ch in carried if ch.dep_ in ("advcl", "acl") and for_to(ch)
                for x in for_whom(ch)])
        # "closure of [Kaldorian airspace] to [Merovian airlines]": "to" before "of"
        for noun_preps in NOUN_EXTRA_PREPS.get(t, ()):
            recip_groups.append(prep_objects(tok, tuple(p for p in noun_preps
                                                        if not (mover and p == "of"))))
        if t in ("CONSULT", "COOPERATE", "REQUEST", "REJECT"):
            recip_groups.append(with_objects(tok, phrase_ix(tok), ("NOUN", "VERB")))
            # ("offer of talks with")
        if t == "CONSULT":  # "a visit to Russia", "played host to his Thai counterpart"
            recip_groups.append([o for h in (tok, *([c.light] if c.light else []))
                                 for o in prep_objects(h, ("to",)) if named_party(o, res)])
        light = c.light
        if light is not None:
            if is_passive(light):
                actor_groups.append(agents(light))
            elif not (t == "REQUEST" and light.lemma_.lower() in ANSWERING) and \
                    light.lemma_.lower() not in BROKERING:
                # (who accepts or rejects a proposal did not make it)
                actor_groups.append([x for x in subjects(light) if x.i != tok.i])
            recip_groups.append(prep_objects(light, LIGHT_TARGET_PREPS | (
                {"to"} if t == "SANCTION" else LIGHT_EXTRA.get(c.rule.id, set()))))
        # "Operation Sindoor" with no one launching it, or "Operation Sindoor — a mission
        # launched ...": its owner
        near = [tok, *kids(tok)]
        if tok.dep_ == "appos":  # "India's Operation Sindoor — a mission launched ..."
            j = tok.left_edge.i - 1
            while j > 0 and (ix.doc[j].is_punct or ix.doc[j].is_space):
                j -= 1
            near += [tok.head, ix.doc[j]]
        actor_groups.append([x for x in near if x.i in ix.op_at and ix.op_at[x.i][1]][:1])
        if t == "ASSAULT":  # "attacks on three airbases by Indian missiles" (by misattached)
            actor_groups.append([o for p in kids(tok) if p.dep_ == "prep"
                                 for x in kids(p) if x.dep_ == "pobj"
                                 for o in prep_objects(x, ("by",))])
    if t == "CONSULT" and verb is not None and verb.lemma_.lower() in BROKERING:
        # "brokered a ceasefire between India and Pakistan": the sides it mediates
        recip_groups.insert(0, [o for d in children(verb, ("dobj",))
                                for o in prep_objects(d, ("between",))])
    if t == "PROTEST":
        # "a hunger strike to demand the resignation of the Tunisian president",
        # "marched in the capital calling for ...": whom the protest's purpose names
        recip_groups.append([x for h in {tok.i: tok, **{x.i: x for x in c.heads}}.values()
                             for ch in kids(h) if ch.dep_ in ("advcl", "xcomp", "acl")
                             and (ch.tag_ == "VBG" or to_infinitive(ch))
                             for x in subtree(ch) if x.i in res.mention_tokens][:1])
    if t == "ACCUSE":  # "the allegation that Kaldoria fosters terrorism"
        recip_groups.append([x for ch in kids(tok) if ch.dep_ in ("ccomp", "acl")
                             and ch.pos_ in ("VERB", "AUX") for x in subjects(ch)])
    if t == "ASSAULT":  # an attack "in Afghanistan" with no other target: that country
        recip_groups.append([o for h in c.heads for o in prep_objects(h, ("in", "inside", "into"))
                             if o.i in ix.country_places])
    # "between India and Pakistan"
    between = prep_objects(tok, ("between",))
    if c.light is not None:
        between += prep_objects(c.light, ("between",))
    for o in between:
        if lows[o.i] in ends and reciprocal_phrase(o, lex):
            c.reciprocal = True
            continue
        a = res.resolve(o)
        if a is not None and a.country:
            c.between.append(a)
    lo, hi = ix.segment_of(c.trigger.i) or (0, len(ix.doc))
    lo = max(lo, ix.dateline_end)

    def usable(x: Token) -> bool:
        return lo <= x.i < hi

    # The parser makes the dateline the subject ("Tirvan, March 12 — Kaldoria on
    # Wednesday rejected": Kaldoria an apposition of Tirvan): its appositive stands in.
    def past_dateline(group: list[Token]) -> list[Token]:
        out: list[Token] = []
        for x in group:
            if x.i < ix.dateline_end:
                out += [y for a in kids(x) if a.dep_ == "appos" and a.i >= ix.dateline_end
                        for y in conjuncts(a)]
            else:
                out.append(x)
        return out

    if ix.dateline_end:  # (else each group as it is: none is changed below)
        actor_groups = list(map(past_dateline, actor_groups))
        recip_groups = list(map(past_dateline, recip_groups))

    # "both sides" as the subject, or "reciprocal"/"exchange": both sides did it; "urged
    # both countries": both are recipients
    if any(lows[x.i] in ends and usable(x) and reciprocal_phrase(x, lex)
           for g in actor_groups[:1] for x in g):
        c.reciprocal = True
    if not words_at(ix.doc, [tok.i, *children_ix(tree, tok.i), *(
            [c.light.i] if c.light else [])]).isdisjoint(lex.reciprocal):
        c.reciprocal = True
    both_recipients = any(lows[x.i] in ends and usable(x) and reciprocal_phrase(x, lex)
                          for g in recip_groups for x in g)
    explicit = False
    for group in actor_groups:
        found = list(res.resolve_all(x for x in group if usable(x) and not (
            lows[x.i] in ends and reciprocal_phrase(x, lex))))
        if found:
            c.actors = [a.actor for a in found]
            c.arg_tokens.update(a.token for a in found)
            explicit = True
            break
    carrier = verb if verb is not None else c.light
    if not c.actors and carrier is not None and tree.poss[carrier.i] in ("VERB", "AUX"):
        w = word_before(carrier)
        if w is not None and usable(w):
            a = res.resolve(w)
            if a is not None:
                c.actors = [a]
                c.arg_tokens.add(w.i)
                explicit = True
    acts = countries(c.actors)
    pronoun_actor = bool(c.arg_tokens) and all(
        lows[i] in PRONOUNS for i in c.arg_tokens)
    # "rejected any suggestion of [X]'s involvement", "welcome help from [the UN]"
    descend = t not in ("REJECT", "ACCUSE", "SUPPORT")
    for group in recip_groups:
        found = []
        for x in group:
            if not usable(x) or lows[x.i] in ends and reciprocal_phrase(x, lex) \
                    or lows[x.i] == "behalf":  # ("spoke on Trump's behalf": for him)
                continue
            a = res.resolve(x, descend=descend)
            if a is None or any(same_actor(a, b) for b in c.actors):
                continue
            if a.country and a.country in acts and not c.reciprocal and not (
                    a.sector and a.sector not in {b.sector for b in c.actors}
                    and not any(p.dep_ == "poss" for p in kids(x))) and not (
                    known_person(res, a) and all(known_person(res, b) for b in c.actors)):
                # (another sector of the same country is someone else: the Sudanese
                # government accusing Darfur rebels; so is another named person: the
                # governor accusing the senator)
                if pronoun_actor and x.i in res.mention_tokens and x.lower_ not in PRONOUNS:
                    # "It also condemned Merovia's suspension": the name beats the pronoun
                    c.actors, acts = [], set()
                else:
                    continue  # "closed its airspace": the actor's own
            if x.i in res.place_at and x.i not in res.mention_tokens and \
                    x.head.lower_ in ("at", "in", "near", "across", "along"):
                continue  # "killed at Sellin Meadow": where, not whom
            found.append(Arg(a, x.i))
        if found:
            # (one country once: "apologized to X for its abuses" names X twice)
            named = {a.actor.country for a in found if a.actor.actor_id}
            found = [a for a in found if a.actor.actor_id or a.actor.country not in named]
            c.recipients = [a.actor for a in found]
            c.arg_tokens.update(a.token for a in found)
            explicit = True
            break
    if t == "ACCUSE" and not c.recipients and c.actors and len(ix.dyad) == 2:
        # "called the strikes an act of war": the accused is whoever struck, the other side
        objs = [x for g in recip_groups[:2] for x in g]
        if any(lex.rules_for(x.lemma_.lower()) and any(r.type == "ASSAULT" and r.nominal
                                                       for r in lex.rules_for(x.lemma_.lower()))
               for x in objs) and len(acts & set(ix.dyad)) == 1:
            other = ix.dyad[1] if ix.dyad[0] in acts else ix.dyad[0]
            c.recipients = [res.country_actor(other)]
            explicit = True
    if t == "REJECT":
        objs = [x for g in recip_groups[:2] for x in g] + [
            x for ch in kids(tok) if ch.dep_ == "ccomp" for x in [ch]] + (
            [tok.head] if tok.dep_ == "relcl" else [])  # ("a claim New Delhi rejected")
        c.rejects_claim = c.rule.id.startswith("reject.verdict") or any(  # (not "rejected
            x.lemma_.lower() in CLAIM_NOUNS or x.dep_ == "ccomp" and  # opposition calls",
            x.lemma_.lower() not in OWNED_THINGS for x in objs)  # "calls" parsed a verb)
        if c.rejects_claim and not c.recipients:
            # "Asked about Kaldorian claims that ..., Velic dismissed the reports": the
            # claimant named in the sentence
            for x in ix.doc[lo:hi]:
                if x.lemma_.lower() in CLAIM_NOUNS and usable(x):
                    for m in kids(x):
                        if m.dep_ in ("poss", "amod", "compound") and m.i in res.mention_tokens:
                            a = res.resolve(m)
                            if a is not None and a.country and a.country not in acts:
                                c.recipients = [a]
                                break
                if c.recipients:
                    break
    if both_recipients and not c.recipients and len(ix.dyad) == 2:
        c.recipients = [res.country_actor(ix.dyad[0], "GOV"),
                        res.country_actor(ix.dyad[1], "GOV")]
        c.recipients = [r for r in c.recipients if r.country not in acts] or c.recipients
        explicit = True
    return explicit or bool(c.between) or c.reciprocal


@cache
def _verb_preps(target_preps: frozenset[str], t: str) -> frozenset[str]:
    """The prepositions whose object a verb of type ``t`` targets (once per type; a
    demand or talks "at" a body are made there: "demanded at the UN that ...")."""
    at = target_preps - {"at"} if t in ("REQUEST", "CONSULT") else target_preps
    return at | frozenset(EXTRA_PREPS.get(t, ()))
