"""The subject of a cue: the token that speaks, found from the parse.

The subject of the cue verb (``nsubj``; the ``agent`` of a passive). A participle with no
subject of its own ("..., dismissing the claims as ...") takes the subject of the nearest
cue verb above it ("India denied ..."), else of the verb it hangs on; one hung on a noun
speaks with that noun when it says something ("ledgers showing that ...", "signs calling
X a liar") unless a comma sets it off ("..., declaring that ...": the clause's subject);
"Asked whether ..., he said" does not make the one asked an asker. Parse slips are repaired: a dateline is
never the subject ("VARSK: Merovia ... denied"), nor is a heading glued onto the
paragraph; a finite cue left with no subject takes the noun right before it ("... and
Foreign Minister Ishaq Dar disclosed"), or after a quote the name between the quote and
the cue, or right after it ("“...,” asked Mr. Dar"); of two subjects the nearer one (a
quote's first word parsed as one); "In Dover, Delaware, Dar said" is Dar, not Delaware.

``speakers`` turns the token into a ``Speaker``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from chronicler.nlp.quotes.cues import DIRECT_KINDS, INDIRECT_KINDS, CueLexicon, load_sources

_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "VARSK, March 12 (CPA) —", "Bhubaneswar, June 5, 2025:", "VARSK:", "NEW DELHI —"
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*(?=,\s*" + _MONTH + r"))"
    r"(?:,\s*" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:,\s*[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)*(?=\s*(?:\(|[—–]| - )))?"  # "RANGOON, Burma -"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*[—–:]| -)\s*")


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
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and (
            _can_speak(tok.head) or tok.head.pos_ == "NOUN" and _says_something(tok)):
        # "a super PAC backing Marlow": the PAC backs him; "ledgers showing that he was
        # paid", "signs calling Marlow a liar": any noun says what its clause says
        return _comma_participle_subject(tok, text) or tok.head
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


def _comma_participle_subject(tok: Token, text: str) -> Token | None:
    """"Marlow called for a vote, and then a second vote, declaring that ...": a
    participle after a comma hung on the nearest noun is the clause's, and speaks with
    the subject of the clause's verb."""
    if tok.left_edge.i == 0 or tok.doc[tok.left_edge.i - 1].text != ",":
        return None
    v = tok.head
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    subj = own_subject(v, text)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def _says_something(verb: Token) -> bool:
    """A clause ("showing that ...") or an object with what is said of it ("calling
    Marlow a liar", "mocking Marlow as a novice"), not an object alone ("worrying
    policy makers")."""
    deps = {c.dep_ for c in verb.children}
    return "ccomp" in deps or "dobj" in deps and (
        "oprd" in deps or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children))


def _can_speak(noun: Token) -> bool:
    """A name or a source noun ("a super PAC", "officials"), not a message ("a
    statement calling for ...", "emails asking about ..."), which relays someone else."""
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or noun.lemma_.lower() in load_sources()
