"""Permissions withheld: "did not let", "would not allow" a UN team into a camp is a
refusal made when it is said (CAMEO 12, REJECT), as "refused to let" is; the dictionary
filters (``dict_candidates``) let it through and ``intent.retype_intents`` retypes it."""

from __future__ import annotations

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.tree import kids

PERMITTING = frozenset({"allow", "let", "permit", "admit"})
# the subordinators of a condition: "would not allow X unless Y" is a hypothesis
CONDITIONS = frozenset({"if", "unless", "whether", "provided"})
# modals of ability and duty: "cannot allow X to win" is a stance, not a refusal
STANCE_MODALS = frozenset({"can", "ca", "could", "must", "should", "may", "might"})


def withheld_permission(c: Candidate) -> bool:
    """Is the event a negated verb of permission, on no condition ("would not allow": its
    "would" is a refusal, not a hypothesis), withheld from someone named ("would not
    allow anyone to threaten us" is a warning)?"""
    v = c.trigger
    if c.nominal or not c.aux.negated or v.lemma_.lower() not in PERMITTING:
        return False
    below = kids(v)
    if not any(ch.dep_ == "neg" for ch in below):
        return False  # ("neither government has allowed ...": no one refused)
    if any(ch.dep_ == "aux" and ch.lower_ in STANCE_MODALS for ch in below) or any(
            ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS
                                       for m in kids(ch)) for ch in below):
        return False
    # whom it is withheld from: its object, or the subject of what it would let happen
    whom = [ch for ch in below if ch.dep_ in ("dobj", "dative")] + [
        s for ch in below if ch.dep_ in ("ccomp", "xcomp") for s in kids(ch) if s.dep_ == "nsubj"]
    return bool(whom) and whom[0].pos_ in ("PROPN", "NOUN")


def not_permitted(c: Candidate) -> bool:
    """Is the event what a negated verb of permission does not let happen ("will not let
    UN envoys visit the camp", "would not allow anyone to threaten us")? Not done."""
    for h in (c.trigger, *c.heads):
        if h.dep_ in ("ccomp", "xcomp") and h.head.lemma_.lower() in PERMITTING and any(
                ch.dep_ == "neg" for ch in kids(h.head)):
            return True
    return False
