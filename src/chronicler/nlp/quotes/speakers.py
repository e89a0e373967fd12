"""Speakers: who is behind a cue verb, as a ``Speaker`` record.

A speaker is found from the parse and resolved against the actors stage's output:

1. the subject of the cue verb, with the parser's slips repaired (``subjects``, which
   uses the cue lexicon of ``cues``);
2. the subject's core span: its left modifiers ("Pakistan’s Foreign Minister Ishaq
   Dar") and name parts, without appositions, relative clauses or prepositions;
3. the mention covering the head word of that span (the longest overlap among
   several), else one on a name in apposition ("India’s Chief of Defence Staff, General
   Anil Chauhan") or right after a capitalised title ("Leader of the Opposition Katya
   Morrell"), gives the actor: ``Speaker(name=actor.name, actor_id, country, sector)``.
   A country speaking is its government (sector GOV);
4. a mention that covers only a modifier ("Indian officials", "Pakistan’s military")
   gives an unnamed source with that country: ``Speaker(name="Indian officials",
   actor_id=None, country="IND")``;
5. a pronoun with no mention takes the nearest preceding mention in the previous three
   sentences: a PERSON for he/she, a country, organisation or group for it, preferring
   one that is (or owns) a sentence subject;
6. anything else keeps its text as the name, with no actor ("officials", "ongoing
   analysis").

``Resolved.grounded`` says whether the speaker is more than a bare noun phrase: an actor,
a pronoun we resolved, or a source noun ("officials"). Indirect quotes need it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronicler.nlp.quotes.cues import load_sources
from chronicler.records import Actor, Mention, Speaker

# load_sources is re-exported: nlp.events imports it from here
__all__ = ["Resolved", "SpeakerResolver", "core_span", "full_span", "load_sources"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "its"})  # "they" is too often two people
_GROUP_LABELS = frozenset({"GPE", "ORG", "NORP"})
_PERSON_LABELS = frozenset({"PERSON", "SURNAME", "TITLE"})
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_CORE_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "case"})


# ------------------------------------------------------------------ noun phrases
def _core_end(tok: Token) -> Token:
    end = tok
    for c in tok.rights:
        adjacent = c.left_edge.i == end.i + 1
        if c.dep_ in _CORE_RIGHT_DEPS or (c.dep_ == "appos" and adjacent and c.pos_ == "PROPN"):
            end = _core_end(c)
        else:
            break
    return end


def core_span(tok: Token, text: str) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` without its appositions,
    relative clauses and prepositional phrases ("the Pakistani Embassy" of "the
    Pakistani Embassy in Moscow"; "Dr. Amzad Ayub Mirza" of "Dr. Amzad Ayub Mirza, a
    political analyst ...")."""
    start = tok.left_edge.idx
    while start < tok.idx and text[start] in ",;:—–-\"“”'‘’ ":
        start += 1
    end = _core_end(tok)
    return start, end.idx + len(end)


_FULL_RIGHT_DEPS = frozenset({"prep", "acl", "pobj", "agent", "compound", "amod", "nummod",
                              "poss", "case", "det", "npadvmod", "cc", "conj"})
_FULL_MAX_TOKENS = 20


def full_span(tok: Token, text: str) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` with its prepositional and
    participle phrases ("a report published by the inspector general"), but not its
    relative clauses, appositions or anything after a comma; at most 20 tokens. A trailing
adjective phrase counts ("a person familiar with the plan")."""
    start, end = core_span(tok, text)
    last = tok.i
    for c in tok.rights:
        if c.dep_ not in ("prep", "acl", "amod") or c.i != last + 1 and tok.doc[last + 1].is_punct \
                or c.dep_ == "acl" and c.tag_ == "VBG":  # "a PAC backing X" is the PAC
            break
        sub = list(c.subtree)
        # a phrase runs up to a comma: "a report from the Orvan Group, released ..." ends
        # at "Group", "an analysis by Civitas, a research firm," at "Civitas"
        cut = next((k for k, t in enumerate(sub) if t.is_punct and t.text in ",;:()—–"),
                   len(sub))
        sub = sub[:cut]
        if not sub or sub[0].i != c.i \
                or any(t.dep_ in ("relcl", "ccomp", "advcl") for t in sub) \
                or sub[-1].i - tok.left_edge.i >= _FULL_MAX_TOKENS:
            break
        last = sub[-1].i
        if cut < len(list(c.subtree)):
            break
    if last > tok.i:
        end = max(end, tok.doc[last].idx + len(tok.doc[last]))
    return start, end


_MEMBERS_MAX_TOKENS = 16


def _named_members(tok: Token) -> int:
    """End of a phrase after a comma that names who a group source is: "others,
    including Sen. Ana Ruiz", "the envoys, led by deputy minister Tomas Varga";
    0 when there is none (or it is long, or names no one)."""
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "including" or c.dep_ == "acl" and c.tag_ == "VBN" \
                and any(g.dep_ == "agent" for g in c.children):
            sub = list(c.subtree)
            if c.i > 0 and tok.doc[c.i - 1].text == "," \
                    and len(sub) <= _MEMBERS_MAX_TOKENS and any(t.pos_ == "PROPN" for t in sub):
                while sub and (sub[-1].is_punct or sub[-1].is_space):
                    sub.pop()
                if sub:
                    return sub[-1].idx + len(sub[-1])
        if c.i > tok.i and c.dep_ not in ("prep", "acl", "punct", "amod", "compound"):
            break
    return 0


# ------------------------------------------------------------------ resolution
@dataclass(frozen=True)
class Resolved:
    speaker: Speaker
    grounded: bool


class SpeakerResolver:
    """Resolves speaker tokens against one article's mentions and actors."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], actors: Sequence[Actor]):
        self.doc = doc
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.span[0], -m.span[1]))
        self.actors = {a.id: a for a in actors}
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.sources = load_sources()

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def _speaker(self, m: Mention) -> Speaker:
        a = self.actors.get(m.actor_id)
        name = a.name if a is not None else m.text
        country = m.country or (a.country if a else None)
        sector = m.sector or (a.sector if a else None)
        if sector is None and (m.label == "GPE" or (a is not None and a.type == "COUNTRY")):
            sector = "GOV"  # a country that speaks is its government
        return Speaker(name=name, actor_id=m.actor_id, country=country, sector=sector)

    def _overlapping(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.span[0] < e and m.span[1] > s]

    def resolve(self, tok: Token) -> Resolved:
        s, e = core_span(tok, self.text)
        hs, he = tok.idx, tok.idx + len(tok)
        over = self._overlapping(s, e)
        on_head = [m for m in over if m.span[0] < he and m.span[1] > hs]
        if not on_head:
            # "India’s Chief of Defence Staff, General Anil Chauhan": the name in apposition
            for c in tok.rights:
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    cs, ce = c.idx, c.idx + len(c)
                    on_head = [m for m in self.mentions if m.span[0] < ce and m.span[1] > cs]
                    if on_head:
                        s, e = core_span(c, self.text)
                        break
        if not on_head:
            on_head = self._titled_person(tok)
        if on_head:
            best = max(on_head, key=lambda m: min(e, m.span[1]) - max(s, m.span[0]))
            sp = self._speaker(best)
            if best.label == "NORP":
                # "a New Hampshire Democrat" is one person, not the party; "Mexicans say"
                # are people, not the country: keep the phrase (and the actor link)
                text = _LEADING_DET.sub("", self.text[s:e]).strip()
                sp = sp.model_copy(update={"name": text or sp.name})
            return Resolved(sp, True)
        text = _LEADING_DET.sub("", self.text[s:e]).strip() or tok.text
        low = tok.lower_
        if tok.pos_ != "PRON" or tok.lower_ in ("those", "some", "many", "others", "most"):
            # the full noun phrase names the source: "a spokeswoman for the ministry", "a
            # report published by the inspector general", not "spokeswoman", "report"
            fs, fe = full_span(tok, self.text)
            fe = max(fe, _named_members(tok))
            text = _LEADING_DET.sub("", self.text[fs:fe]).strip() or text
            inner = [m for m in self._overlapping(e, fe) if m.span[0] >= e]
            if inner and not over and tok.lemma_.lower() in self.sources:
                sp = self._speaker(inner[0])  # the ministry's spokeswoman speaks for it
                return Resolved(sp.model_copy(update={"name": text}), True)
        if low in _PERSON_PRONOUNS or low in _GROUP_PRONOUNS:
            m = self._antecedent(hs, person=low in _PERSON_PRONOUNS)
            if m is not None:
                return Resolved(self._speaker(m), True)
            # "he" names no one: the quote keeps its cue but gets no speaker
            return Resolved(Speaker(name=text), False)
        if over:  # a mention on a modifier only: an unnamed source of that country
            mod = max(over, key=lambda m: min(e, m.span[1]) - max(s, m.span[0]))
            sp = self._speaker(mod)
            return Resolved(Speaker(name=text, country=sp.country,
                                    sector=sp.sector if tok.lemma_.lower() in self.sources
                                    else None), True)
        return Resolved(Speaker(name=text), tok.lemma_.lower() in self.sources)

    def _titled_person(self, tok: Token) -> list[Mention]:
        """"Leader of the Opposition Katya Morrell", parsed with the title as head and
        the name inside its "of" phrase: the person named right after a capitalised
        title (only capitalised words and of/the/for between them)."""
        if not tok.text[:1].isupper():
            return []
        end = tok.right_edge.idx + len(tok.right_edge)
        for m in self.mentions:
            if not tok.idx < m.span[0] < end or not self._is_person(m):
                continue
            between = self.text[tok.idx + len(tok):m.span[0]].split()
            if all(w[:1].isupper() or w in ("of", "the", "for") for w in between):
                return [m]
            return []
        return []

    def _antecedent(self, before: int, *, person: bool) -> Mention | None:
        """Nearest preceding mention of the right kind within the previous 3 sentences;
        in earlier sentences a subject ("Dr. Mirza's comments were made ...") beats a
        mention buried in a phrase ("... following remarks by Shehbaz Sharif")."""
        here = self.sentence_of(before)
        lo = self.sent_starts[max(0, here - 3)]
        cands = [m for m in self.mentions
                 if lo <= m.span[0] < before and self._is_person(m) == person
                 and (person or m.label in _GROUP_LABELS or m.actor_id in self.actors)]
        if not cands:
            return None
        same = [m for m in cands if self.sentence_of(m.span[0]) == here]
        if same:
            return same[-1]
        for m in reversed(cands):
            if self._is_subject(m):
                return m
        return cands[-1]

    def _is_person(self, m: Mention) -> bool:
        a = self.actors.get(m.actor_id)
        return a.type == "PERSON" if a is not None else m.label in _PERSON_LABELS

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        while t.dep_ in ("poss", "compound", "appos") and t.head.i != t.i:
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass")
