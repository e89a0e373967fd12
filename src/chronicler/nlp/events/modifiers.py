"""The modifiers of an event noun that name its sides: "the Pakistani strikes", "India's
attack" name who acted; "an anti-India protest", "anti-government rallies" name whom the
protest is against (issue 12: the modifier after "anti" was read as the protesters,
and "anti" and its hyphen as two more of them); a participle names its organisers ("a
general strike called by opposition parties")."""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.tree import kids

MODIFIERS = frozenset({"amod", "compound", "nmod"})


def noun_modifiers(tok: Token, ix: ArticleIndex) -> tuple[list[Token], list[Token]]:
    """The modifiers of the event noun ``tok`` that name someone: those who did it ("the
    Pakistani strikes") and those it is against ("an anti-India protest"). A town or a
    city is where it happened ("the Mumbai attacks"), not who did it (a capital's mention
    that is its government is: "a Moscow offensive"). Possessives are the caller's."""
    res = ix.resolver
    own: list[Token] = []
    against: list[Token] = []
    for ch in kids(tok):
        if ch.dep_ not in MODIFIERS or ch.i not in res.mention_tokens:
            continue
        if _anti(ch):
            continue  # ("anti" and its hyphen: the word against whoever follows)
        if ch.i >= 2 and _anti(ch.doc[ch.i - 1]) and _anti(ch.doc[ch.i - 2]):
            against.append(ch)  # "anti-India": India is whom it is against
        elif ch.dep_ == "amod" or ch.i not in res.place_at or (
                ch.i in ix.country_places
                and not any(m.sector == "GOV" for m in res.mention_at.get(ch.i, ()))):
            own.append(ch)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in SEEKING:
        own = []  # ("rallied African support for X": whose support is sought, not who seeks)
    own += organisers(tok)
    return own, against


# verbs that seek or gather someone's support: its modifier is whom it is sought from
SEEKING = frozenset({"rally", "drum", "mobilize", "mobilise", "seek", "win", "garner",
                     "enlist", "muster", "solicit", "canvass", "court"})


# the verbs of an event's organisers: "a general strike called by opposition parties", "the
# march led by students" (not "the attack condemned by Kenya": who judges is no doer)
ORGANISING = frozenset({"call", "organise", "organize", "lead", "stage", "launch", "mount",
                        "conduct", "plan", "order", "spearhead", "carry"})


def organisers(tok: Token) -> list[Token]:
    """Who the event noun ``tok``'s participle says organised it ("called by X")."""
    return [o for a in kids(tok) if a.dep_ == "acl" and a.tag_ == "VBN"
            and a.lemma_.lower() in ORGANISING for ag in kids(a) if ag.dep_ == "agent"
            for o in kids(ag) if o.dep_ == "pobj"]


def _anti(t: Token) -> bool:
    """Is ``t`` the prefix "anti" or the hyphen after it?"""
    return t.lower_ in ("anti", "-") and (t.lower_ == "anti" or (
        t.i > 0 and t.doc[t.i - 1].lower_ == "anti"))
