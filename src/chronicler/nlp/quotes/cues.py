"""The cue lexicon: cue words with their kinds, and the nouns that head an unnamed source.

The lexicon lives in ``data/quotes/cues.txt`` (verbs and phrases with their kind) and
``data/quotes/sources.txt`` (nouns that can head an unnamed source: "officials"); both load
once. A cue verb's kinds say what it may attribute: a direct quote (``DIRECT_KINDS``) or
an indirect one (``INDIRECT_KINDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

# kinds that may attribute a direct quote / that may give an indirect quote
DIRECT_KINDS = frozenset({"speech", "directive", "characterize", "direct"})
INDIRECT_KINDS = frozenset({"speech", "directive", "characterize", "relay", "belief", "evidence",
                            "intent", "topic"})

_SPLIT = re.compile(r"\t+| {2,}")


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
