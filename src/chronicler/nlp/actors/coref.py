"""In-article coreference for the actors stage: names, titles and pronouns.

Deliberately simple, deterministic rules (no model), in the order the stage applies
them:

1. **Names.** A person name whose words are all among the words of a person already
   met in the article is that person ("Dar" after "Ishaq Dar", "Mirza" after
   "Dr. Amzad Ayub Mirza"); among several, one whose surname it is, then the most
   recent. Otherwise the dictionary ("Dar" before the full name). Otherwise a later
   full name in the article that contains it (headline "Dar says ...").
2. **Titles.** "the minister", "the army chief", "the Prime Minister": the most
   recent person whose title matches (a one-word title matches any title ending
   with it: "the minister" -> a "foreign minister"); else a dictionary description
   ("the army chief" in the demo world); else the one dictionary person holding
   exactly that title in the country named last before it in the sentence, or else
   in the article's main country ("Social media in Pakistan ... the Prime
   Minister's calls" -> Shehbaz Sharif).
3. **Pronouns.** he / she (subjects of any verb, and his / her before a noun) and
   they / it (subjects of speech verbs only: "it is clear" and "they say" are too
   often not about an actor): the nearest compatible actor in the same sentence
   before the pronoun or in the two before; within a sentence, for she/her a person
   known to be a woman wins; then the subject of the main verb (or its possessor:
   "Dr. Mirza's comments were made ..."), then another subject, then the latest. "they" may also stand for two or more people joined
   by "and" ("Asim Munir and Shehbaz Sharif ..., where they accused India").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from chronicler.nlp.actors.dictionary import Dictionary, Entry, norm
from chronicler.nlp.actors.titles import MODIFIERS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class Cluster:
    """One actor of this article, while the stage is still collecting evidence."""

    ref: str  # provisional key within the article
    type: str  # PERSON | ORG | COUNTRY | GROUP
    name: str
    country: str | None = None
    sector: str | None = None
    entry: Entry | None = None
    titles: set[str] = field(default_factory=set)
    title_sector: str | None = None  # from the text (unknown people)
    title_country: str | None = None
    tokens: set[str] = field(default_factory=set)  # name words, normalised
    surname: str = ""
    gender: str | None = None
    surfaces: dict[str, None] = field(default_factory=dict)  # ordered set


@dataclass
class Draft:
    """A mention before it becomes a record: token span, cluster, label."""

    start: int
    end: int
    cluster: Cluster
    label: str
    sector: str | None = None  # mention-level sector ("Indian troops": MIL)
    headline: bool = False


def name_words(text: str) -> list[str]:
    return [w for w in norm(text).replace(",", " ").split() if w]


# ---------------------------------------------------------------------- 1. names
def match_person(words: Sequence[str], clusters: Iterable[Cluster],
                 recency: dict[str, int]) -> Cluster | None:
    """The person already in the article whose name words include all of ``words``;
    a surname match beats a given-name match, then the most recent."""
    if not words:
        return None
    best: tuple[tuple[bool, int], Cluster] | None = None
    for c in clusters:
        if c.type != "PERSON" or not set(words) <= c.tokens:
            continue
        score = (words[-1] == c.surname, recency.get(c.ref, -1))
        if best is None or score > best[0]:
            best = (score, c)
    return best[1] if best else None


# --------------------------------------------------------------------- 2. titles
def title_matches(title: str, held: Iterable[str]) -> bool:
    """"minister" matches "foreign minister"; "prime minister" does not match
    "deputy prime minister" (a different person)."""
    words = title.split()
    for h in held:
        if h == title or (len(words) == 1 and h.split()[-1] == title):
            return True
    return False


@dataclass(frozen=True)
class TitleHit:
    start: int  # token span of "the ... minister"
    end: int
    title: str | None  # a lexicon title
    descriptor: tuple[int, ...] = ()  # dictionary entries described ("the army chief")


def find_title_phrases(doc: Doc, d: Dictionary, blocked: set[int]) -> list[TitleHit]:
    """"the [Pakistani|former] <title>" not followed by a name: candidates for title
    coreference. ``blocked`` tokens (titles already read before a name, entities)
    are skipped."""
    exclude = set(d.coref.get("title_coref_exclude", ()))
    hits: list[TitleHit] = []
    n = len(doc)
    i = 0
    while i < n - 1:
        if doc[i].lower_ != "the" or i in blocked:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 3 and (doc[j].lower_ in MODIFIERS or doc[j].ent_type_ == "NORP"):
            j += 1
        hit = _longest_title(doc, i, j, d, exclude, blocked)
        if hit is not None:
            hits.append(hit)
            i = hit.end
        else:
            i += 1
    return hits


def _longest_title(doc: Doc, the: int, j: int, d: Dictionary, exclude: set[str],
                   blocked: set[int]) -> TitleHit | None:
    n = len(doc)
    words: list[str] = []
    k = j
    while k < n and len(words) < max(d.max_title_len, 4):
        if doc[k].text == "-":
            k += 1
            continue
        if k in blocked or not doc[k].is_alpha:
            break
        words.append(doc[k].lower_)
        k += 1
    ends = []  # token end for each word count
    k = j
    for _ in words:
        while doc[k].text == "-":
            k += 1
        k += 1
        ends.append(k)
    for m in range(len(words), 0, -1):
        key = tuple(words[:m])
        end = ends[m - 1]
        if end < n and doc[end].text[:1].isupper() and doc[end].tag_ in ("NNP", "NNPS"):
            continue  # "the Prime Minister Shehbaz Sharif": a title before a name
        desc = d.descriptors.get(("the", *key)) or d.descriptors.get(key)
        title = " ".join(key)
        if key in d.titles and d.titles[key] and title not in exclude:
            return TitleHit(the, end, title, tuple(desc or ()))
        if desc:
            return TitleHit(the, end, None, tuple(desc))
    return None


# ------------------------------------------------------------------- 3. pronouns
@dataclass(frozen=True)
class PronounSpec:
    types: frozenset[str]
    gender: str | None


def pronoun_spec(doc: Doc, i: int, d: Dictionary) -> PronounSpec | None:
    """What the pronoun at ``i`` may stand for, or None if it is not one we resolve."""
    t = doc[i]
    low = t.lower_
    pron = d.coref["pronouns"].get(low)
    if pron and t.dep_ in SUBJECT_DEPS:
        if pron.get("anywhere") or t.head.lemma_.lower() in d.speech_verbs:
            return PronounSpec(frozenset(pron["types"]), pron.get("gender"))
        return None
    poss = d.coref["possessives"].get(low)
    if poss and t.dep_ == "poss":
        return PronounSpec(frozenset(poss["types"]), poss.get("gender"))
    return None


def _subject_rank(doc: Doc, dr: Draft) -> int:
    """2: subject (or its possessor) of the sentence's main verb; 1: of another verb;
    0: anything else."""
    tok = doc[dr.start:dr.end].root
    if tok.dep_ in ("poss", "compound") and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if tok.head.dep_ == "ROOT" else 1


def _compatible(c: Cluster, spec: PronounSpec) -> bool:
    if c.type not in spec.types:
        return False
    return not (c.type == "PERSON" and spec.gender and c.gender and c.gender != spec.gender)


def _groups(doc: Doc, drafts: Sequence[Draft]) -> list[list[Draft]]:
    """People joined by "and" in one phrase ("Asim Munir and Shehbaz Sharif")."""
    by_root = {doc[dr.start:dr.end].root.i: dr for dr in drafts
               if dr.cluster.type == "PERSON" and dr.label != "PRON"}
    groups: dict[int, list[Draft]] = {}
    for i, dr in by_root.items():
        tok = doc[i]
        if tok.dep_ == "conj" and tok.head.i in by_root:
            first = tok.head.i
            while doc[first].dep_ == "conj" and doc[first].head.i in by_root:
                first = doc[first].head.i
            groups.setdefault(first, [by_root[first]]).append(dr)
    return [sorted(g, key=lambda x: x.start) for g in groups.values()]


def resolve_pronouns(doc: Doc, drafts: list[Draft], sent_of: Sequence[int],
                     d: Dictionary) -> list[Draft]:
    """PRON drafts for resolvable pronouns; each may refer to earlier PRON drafts."""
    ordered = sorted(drafts, key=lambda x: x.start)
    subj = {id(dr): _subject_rank(doc, dr) for dr in ordered}
    groups = _groups(doc, ordered)
    out: list[Draft] = []
    pool = list(ordered)
    plural: set[int] = set()  # PRON drafts of a "they" that stands for several people
    for t in doc:
        if t.lower_ not in d.pronoun_words:
            continue
        spec = pronoun_spec(doc, t.i, d)
        if spec is None:
            continue
        s = sent_of[t.i]
        chosen: list[Draft] = []
        for back in range(3):
            cands: list[tuple[bool, int, int, list[Draft]]] = []
            for dr in pool:
                if sent_of[dr.start] != s - back or dr.start >= t.i or id(dr) in plural:
                    continue
                if _compatible(dr.cluster, spec):
                    # Dictionaries mark women (the demo world marks only them) far
                    # more reliably than men, so only "she" prefers a known gender.
                    exact = spec.gender == "female" and dr.cluster.gender == "female"
                    cands.append((exact, subj[id(dr)], dr.start, [dr]))
            if "PERSONS" in spec.types:
                for g in groups:
                    if sent_of[g[0].start] == s - back and g[-1].start < t.i:
                        cands.append((False, subj[id(g[0])], g[-1].start, g))
            if cands:
                chosen = max(cands, key=lambda c: (c[0], c[1], c[2]))[3]
                break
        for ref in chosen:
            pd = Draft(t.i, t.i + 1, ref.cluster, "PRON")
            subj[id(pd)] = _subject_rank(doc, pd)
            if len(chosen) > 1:
                plural.add(id(pd))
            out.append(pd)
            pool.append(pd)
    return out


__all__ = ["Cluster", "Draft", "PronounSpec", "TitleHit", "find_title_phrases",
           "match_person", "name_words", "pronoun_spec", "resolve_pronouns",
           "title_matches"]
