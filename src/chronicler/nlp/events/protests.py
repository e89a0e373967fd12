"""A state that protests lodges a diplomatic protest; people protest in the street.

"India protested to Pakistan over ...", "Thailand protested the shelling of its
villages", "the foreign ministry protested that ... had crossed": ACCUSE (disapprove), as
ONTOLOGY.md codes it. "Students protested in Karachi", "thousands of Kenyans protested":
PROTEST, people's dissent. A country's people named by their demonym ("Kenyans",
"thousands of Pakistanis") are its people, not its state, though the actor dictionaries
give them the country's code (issue 12: street protests were coded as diplomatic ones).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.patterns import Lexicon
from chronicler.nlp.events.roles import subjects
from chronicler.nlp.events.tree import kids
from chronicler.records import EventActor

# the counts that make a crowd: "thousands of Kenyans", "hundreds protested"
CROWDS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions",
                    "crowds", "crowd", "throngs"})


def diplomatic_protest(cands: list[Candidate], lex: Lexicon,
                       is_state: Callable[[EventActor], bool]) -> list[Candidate]:
    """PROTEST -> ACCUSE for a state that protests (module docstring): every actor a
    country named as such or its government (``is_state``) and no crowd of its people
    protesting; or anyone protesting "to" another state ("Prime Minister X protested
    to India")."""
    for c in cands:
        if c.spec.type != "PROTEST" or c.nominal or c.trigger.lemma_.lower() != "protest" \
                or not c.actors:
            continue
        home = {a.country for a in c.actors}
        if all(map(is_state, c.actors)) and not any(map(people, subjects(c.trigger))) or any(
                ch.dep_ == "prep" and ch.lower_ == "to" for ch in kids(c.trigger)) and any(
                is_state(r) and r.country not in home for r in c.recipients):
            spec = lex.types["ACCUSE"]
            c.spec, c.modes = spec, (["disapprove"] if "disapprove" in spec.modes else [])
            c.contexts = set(spec.contexts) | c.contexts
    return cands


def people(s: Token) -> bool:
    """Is the subject ``s`` a country's people: a plural demonym ("Kenyans"), or a crowd
    ("thousands of Kenyans", "hundreds")?"""
    return s.lower_ in CROWDS or s.ent_type_ == "CARDINAL" or (
        s.ent_type_ == "NORP" and s.tag_ in ("NNS", "NNPS"))
