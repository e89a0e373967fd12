"""Cue words and speakers: who is behind a cue verb, as a ``Speaker`` record.

The cue lexicon lives in ``data/quotes/cues.txt`` (verbs and phrases with their kind)
and ``data/quotes/sources.txt`` (nouns that can head an unnamed source); both load once.

A speaker is found from the parse and resolved against the actors stage's output:

1. the subject of the cue verb (``nsubj``; the ``agent`` of a passive). A participle
   with no subject of its own ("..., dismissing the claims as ...") takes the subject
   of the nearest cue verb above it ("India denied ..."), else of the verb it hangs on;
   "Asked whether ..., he said" does not make the one asked an asker. Parse slips are
   repaired: a dateline is never the subject ("VARSK: Merovia ... denied"), nor is a
   heading glued onto the paragraph; a finite cue left with no subject takes the noun
   right before it ("... and Foreign Minister Ishaq Dar disclosed"), or after a quote
   the name between the quote and the cue, or right after it ("“...,” asked Mr. Dar");
   of two subjects the nearer one (a quote's first word parsed as one); "In Dover,
   Delaware, Dar said" is Dar, not Delaware;
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
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from chronicler.records import Actor, Mention, Speaker

# kinds that may attribute a direct quote / that may give an indirect quote
DIRECT_KINDS = frozenset({"speech", "directive", "characterize", "direct"})
INDIRECT_KINDS = frozenset({"speech", "directive", "characterize", "relay", "belief", "evidence",
                            "intent", "topic"})

_SPLIT = re.compile(r"\t+| {2,}")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "its"})  # "they" is too often two people
_GROUP_LABELS = frozenset({"GPE", "ORG", "NORP"})
_PERSON_LABELS = frozenset({"PERSON", "SURNAME", "TITLE"})
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
_CORE_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "case"})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "VARSK, March 12 (CPA) —", "Bhubaneswar, June 5, 2025:", "VARSK:", "NEW DELHI —"
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?=,\s*" + _MONTH + r"))"
    r"(?:,\s*" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:,\s*[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)*(?=\s*(?:\(|[—–]| - )))?"  # "RANGOON, Burma -"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*[—–:]| -)\s*")


@dataclass(frozen=True)
class CueLexicon:
    words: dict[str, frozenset[str]]  # lemma -> kinds
    phrasal: dict[tuple[str, str], frozenset[str]]  # (lemma, particle) -> kinds
    phrases: tuple[tuple[str, ...], ...]  # "according to" and friends, lower-case words
    titles: frozenset[str]  # words after which a quote is a title or a name
    nouns: frozenset[str] = frozenset()  # nouns that head a report ("claim", "criticism")

    def kinds(self, tok: Token) -> frozenset[str]:
        """Kinds of ``tok`` as a cue verb; empty for nouns and modifiers ("the said
        agreement", "repeated calls for peace")."""
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            return frozenset()
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in ("prt", "prep"):  # "point out", "call for", "talk about"
                k = self.phrasal.get((lemma, child.lower_))
                if k:
                    return k | self.words.get(lemma, frozenset())
        return self.words.get(lemma) or self.words.get(tok.lower_) \
            or self.words.get(_stem(tok), frozenset())

    def cue_name(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        if lemma not in self.words and _stem(tok) in self.words:
            lemma = _stem(tok)
        for child in tok.children:
            if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in self.phrasal:
                return f"{lemma} {child.lower_}"
        return lemma if lemma in self.words else tok.lower_

    def is_title_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.titles or (w.endswith("s") and w[:-1] in self.titles)


def _stem(tok: Token) -> str:
    """The lemma the lemmatizer missed for a regular form ("hopes" -> "hop"): the
    word less its inflection, kept only where the lexicon knows it."""
    w = tok.lower_
    if tok.tag_ == "VBZ" and w.endswith("s"):
        return w[:-1]
    if tok.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        return w[:-1]
    if tok.tag_ == "VBG" and w.endswith("ing"):
        return w[:-3] + "e"
    return w


def _data_lines(name: str) -> list[str]:
    raw = resources.files("chronicler").joinpath(f"data/quotes/{name}").read_text("utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    words: dict[str, set[str]] = {}
    phrasal: dict[tuple[str, str], set[str]] = {}
    phrases: list[tuple[str, ...]] = []
    titles: set[str] = set()
    nouns: set[str] = set()
    for ln in _data_lines("cues.txt"):
        parts = _SPLIT.split(ln)
        if len(parts) != 2:
            raise ValueError(f"data/quotes/cues.txt: bad line {ln!r} (want: cue<TAB>kind)")
        cue, kind = parts[0].lower(), parts[1].strip()
        if kind == "title":
            titles.add(cue)
        elif kind == "noun":
            nouns.add(cue)
        elif kind == "according":
            phrases.append(tuple(cue.split()))
        elif " " in cue:
            lemma, particle = cue.split(None, 1)
            phrasal.setdefault((lemma, particle), set()).add(kind)
        else:
            words.setdefault(cue, set()).add(kind)
    return CueLexicon(
        words={k: frozenset(v) for k, v in words.items()},
        phrasal={k: frozenset(v) for k, v in phrasal.items()},
        phrases=tuple(sorted(phrases, key=len, reverse=True)),
        titles=frozenset(titles),
        nouns=frozenset(nouns),
    )


@lru_cache(maxsize=1)
def load_sources() -> frozenset[str]:
    return frozenset(ln.lower() for ln in _data_lines("sources.txt"))


# ------------------------------------------------------------------ the subject
def dateline_span(text: str, at: int) -> tuple[int, int] | None:
    """The dateline opening the paragraph around ``at`` ("VARSK, March 12 (CPA) —",
    "Bhubaneswar, June 5, 2025:", "VARSK:"), if there is one."""
    start = text.rfind("\n", 0, at) + 1
    m = DATELINE.match(text, start)
    return m.span() if m else None


def own_subject(tok: Token, text: str) -> Token | None:
    """The subject of ``tok`` itself (the agent of a passive), outside any dateline."""
    passive = False
    dateline = dateline_span(text, tok.idx)
    # two subjects ("“Anybody who attacks him ...,” said Sunshine", the quote's first
    # word parsed as one): the one nearest the cue
    for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
        if c.dep_ == "nsubj":
            if dateline is None or not dateline[0] <= c.idx < dateline[1]:
                return _place_tail(c)
            # "VARSK: Defence Minister Ana Velic ... said", parsed with VARSK as the
            # subject: the highest noun of its subtree after the dateline
            after = _highest_noun(c, dateline[1], tok.idx)
            if after is not None:
                return after
        elif c.dep_ == "auxpass":
            passive = True
    if passive:
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if tok.lemma_.lower() == "quote":  # "Dar was quoted as saying"
            for c in tok.children:
                if c.dep_ == "nsubjpass":
                    return c
    return None


def _place_tail(subj: Token) -> Token:
    """"In Dover, Delaware, Kramer said ...", parsed with the state as the subject and
    the speaker as its conjunct: a name joined to the subject by a comma alone (no
    "and", "or") right after it, where the subject ends a place after a comma, is the
    subject."""
    if subj.pos_ != "PROPN" or subj.i == 0 or subj.doc[subj.i - 1].text != "," \
            or any(c.dep_ == "cc" for c in subj.children):
        return subj
    for c in subj.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > subj.i \
                and subj.doc[c.left_edge.i - 1].text == ",":
            return c
    return subj


def _same_paragraph(subj: Token, cue: Token, text: str) -> Token | None:
    """A subject parsed across a paragraph break (a subheading glued to the next
    paragraph: "Criticism of ...\n\nIn a contrasting viewpoint, Dr. Mirza, ..., has
    dismissed") is replaced by the highest noun of its subtree in the cue's paragraph."""
    lo, hi = sorted((subj.idx, cue.idx))
    if "\n" not in text[lo:hi]:
        return subj
    return _highest_noun(subj, text.rfind("\n", 0, cue.idx) + 1, cue.idx)


def _highest_noun(subj: Token, lo: int, hi: int) -> Token | None:
    """The noun of ``subj``'s subtree closest to its root among those at [lo, hi)."""
    best: tuple[int, Token] | None = None
    for t in subj.subtree:
        if lo <= t.idx < hi and t.pos_ in ("PROPN", "NOUN", "PRON"):
            depth = sum(1 for _ in t.ancestors)
            if best is None or depth < best[0]:
                best = (depth, t)
    return best[1] if best is not None else None


def _word_before(tok: Token) -> Token | None:
    """A finite cue the parser left without a subject ("Pakistan’s Deputy Prime Minister
    and Foreign Minister Ishaq Dar disclosed", where Dar hangs off an earlier noun):
    the noun right before it, past auxiliaries and adverbs, is its subject."""
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or (
        tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
    if not finite:  # (a VBN with no auxiliary is a past tense the tagger missed)
        return None
    j = tok.i - 1
    while j >= 0 and tok.doc[j].pos_ in ("AUX", "ADV", "PART"):
        j -= 1
    if j < 0:
        return None
    t = tok.doc[j]
    if t.text == "," and j > 0:
        # "..., Senator Harry Reid, the minority leader, said": the name before its
        # apposition, which the parser hung on an earlier phrase
        t = tok.doc[j - 1]
        while t.dep_ == "appos" and t.head.i < t.i:
            t = t.head
        if t.pos_ != "PROPN" or any(x.pos_ in ("VERB", "AUX")
                                    for x in tok.doc[t.i + 1:tok.i]):
            return None
    return t if t.pos_ in ("PROPN", "NOUN", "PRON") and "\n" not in t.whitespace_ else None


def cue_subject(tok: Token, lex: CueLexicon, text: str, depth: int = 0) -> Token | None:
    """The speaker token of cue ``tok`` (see the module docstring, step 1); ``text`` is
    ``doc.text``, passed in because spaCy rebuilds it on every access."""
    subj = own_subject(tok, text)
    if subj is not None:
        if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return tok.head  # "Dar, who said ...": the relative pronoun stands for Dar
        return _same_paragraph(subj, tok, text)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _can_speak(tok.head):
        return tok.head  # "a super PAC backing Marlow": the PAC backs him
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "PROPN" \
            and _introduces_quote(tok):
        return tok.head  # "Romney, the nominee, tweeted in response: “...”" (a past tense
        # the tagger took for a participle: it opens a quote, it does not describe Romney)
    if depth > 3 or tok.dep_ not in _CLIMB_DEPS:
        if tok.dep_ not in ("ROOT", "parataxis"):
            return None
        return _word_before(tok) or _inverted_speaker(tok)
    if tok.tag_ == "VBN" and tok.dep_ == "advcl":
        return None  # "Asked whether ..., he said": the one asked is not the asker
    if tok.dep_ == "xcomp":  # "Trump was prompted to say": the one prompted says it
        passive = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive
    # a participle or infinitive borrows the subject of the speech act above it
    anc = tok.head
    while True:
        if lex.kinds(anc) & (DIRECT_KINDS | INDIRECT_KINDS):
            found = cue_subject(anc, lex, text, depth + 1)
            if found is not None:
                return found
        if anc.head.i == anc.i:
            break
        anc = anc.head
    head = tok.head
    for _ in range(3):  # "went so far as to say": past the adverbs to the verb
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.i != tok.i and head.pos_ in ("VERB", "AUX"):
        return cue_subject(head, lex, text, depth + 1)
    return None


def _introduces_quote(tok: Token) -> bool:
    """The word after ``tok``'s phrase is a colon or an opening quotation mark."""
    end = max(t.i for t in tok.subtree)
    if any(c.dep_ == "agent" for c in tok.children) or end + 1 >= len(tok.doc):
        return False
    return tok.doc[end + 1].text in (":", "“", "``", "''", '"')


_INVERTED_REACH = 40  # tokens back to the closing mark: bounded on a 10,000-word sentence
_CLOSING = frozenset({"”", "’", "'", "''", '"', "»"})


def _inverted_speaker(tok: Token) -> Token | None:
    """A cue after a quote with no subject of its own, the speaker parsed elsewhere:
    "“...,” asked Mr. Baxter" (the name as the object), "“...,” Ohio delegate Tom Baxter,
    wearing a red hat, said" (the name hung on the quote's clause). The name is the
    noun between the closing mark and the cue (or right after the cue), outside any
    participle or relative clause."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].is_punct and doc[j].text not in _CLOSING:
        j -= 1
    lo = j
    while lo >= max(0, tok.i - _INVERTED_REACH) and doc[lo].text not in _CLOSING \
            and doc[lo].sent == tok.sent:
        lo -= 1
    if lo < 0 or doc[lo].text not in _CLOSING:
        return None
    if lo == j:  # the cue right after the quote: "“...,” asked Mr. Baxter"
        return next((c for c in tok.rights if c.dep_ == "dobj" and c.pos_ == "PROPN"
                     and c.left_edge.i == tok.i + 1), None)
    for t in doc[lo + 1:tok.i]:
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("npadvmod", "nsubj", "dobj", "appos") \
                and not any(a.dep_ in ("advcl", "acl", "relcl", "prep")
                            for a in t.ancestors if lo < a.i < tok.i):
            return t
    return None


def _can_speak(noun: Token) -> bool:
    """A name or a source noun ("a super PAC", "officials"), not a message ("a
    statement calling for ...", "emails asking about ..."), which relays someone else."""
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or noun.lemma_.lower() in load_sources()


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
        if any(t.is_punct and t.text in ",;:()—–" for t in sub) \
                or any(t.dep_ in ("relcl", "ccomp", "advcl") for t in sub) \
                or sub[-1].i - tok.left_edge.i >= _FULL_MAX_TOKENS:
            break
        last = sub[-1].i
    if last > tok.i:
        end = max(end, tok.doc[last].idx + len(tok.doc[last]))
    return start, end


_MEMBERS_MAX_TOKENS = 16


def _named_members(tok: Token) -> int:
    """End of a phrase after a comma that names who a group source is: "others,
    including Sen. Jeff Merkley", "the aides, led by campaign manager Terry Sullivan";
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
