"""Average linkage over claim clusters, kept as running summaries.

Merging two clusters needs the mean similarity of all their cross pairs and that every
cross pair is compatible. Both are read from summaries instead of the pairs:

* the mean of the dot products of unit vectors is the dot product of the clusters'
  vector sums divided by the sizes (exact), corrected for the pairs that report one
  merged event with one figure (their similarity counts as ``PROPOSITION_SIM``; such
  pairs are found through an index of (event, figure) keys, so only they are visited);
* compatibility depends on a few fields (polarity, figures, entities, the asserter's
  country, propositions), so a cluster keeps the distinct signatures of its members and
  two clusters are compared signature by signature: a thousand copies of one templated
  brief are one signature.

``leader`` handles blocks too large to compare pair by pair (more than ``MAX_BLOCK``
claims sharing one entity set): each claim joins the cluster of the block whose centroid
is closest, if close enough and compatible, else starts one; the cost is claims times
clusters, not claims squared. A ``Budget`` stops linking when its time is spent: the
claims not yet linked stay single, and the run says so.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from chronicler.corpus.unionfind import UnionFind
from chronicler.records import Claim

PROPOSITION_SIM = 1.0
PROPOSITION_FLOOR = 0.45

PropKey = tuple[object, ...]
DAY = "day"  # an ``extra`` key that is no proposition key: a day the claim names
ExtraKeys = Mapping[str, Iterable[PropKey]]

Sig = tuple[str, tuple[float, ...], tuple[str, ...], str | None, tuple[str, ...], bool,
            tuple[int, ...]]

_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")")


def is_figure_phrase(c: Claim) -> bool:
    """A claim the claims stage cut from its sentence as a noun phrase whose relative
    clause carries a figure ("the attack that killed 26 civilians"): its text is its
    evidence and ends no sentence. What it asserts is the figure."""
    return bool(c.numbers) and bool(c.evidence) and c.evidence[0].text == c.text \
        and not c.text.rstrip().endswith(_SENTENCE_END)


def signature(c: Claim, extra: ExtraKeys | None = None) -> Sig:
    """The fields compatibility reads; ``extra`` may give the claim's days (``DAY``
    keys: the days its own words name, ``chronicler.corpus.compare.day_keys``)."""
    who = c.asserted_by.country if c.asserted_by is not None else None
    days = tuple(sorted({k[1] for k in (extra.get(c.id, ()) if extra else ())
                         if k[0] == DAY and isinstance(k[1], int)}))
    return (c.polarity, tuple(sorted(set(c.numbers))), tuple(sorted(set(c.entities))),
            who or None, tuple(sorted(set(c.propositions))), is_figure_phrase(c), days)


def sig_compatible(a: Sig, b: Sig) -> bool:
    """May two claims with these signatures be one proposition (align.compatible)? A
    figure phrase ("the attack that killed 26") is one only with a claim that gives
    one of its figures: "the attack was planned abroad" is about the attack too, and
    short phrases about one attack are close in wording whatever they say of it."""
    pa, na, ea, wa, ra, fa, da = a
    pb, nb, eb, wb, rb, fb, db = b
    if wa and wb and wa != wb:
        return False
    if da and db and not set(da) & set(db):
        return False  # "spoke to both ministers on Tuesday" / "... again on Thursday"
    if not (ea or eb or na or nb or ra or rb):
        return False  # "there were no casualties": true of any incident, says which none
    if ra and rb and not set(ra) & set(rb):
        return False
    if (fa and not nb) or (fb and not na):
        return False
    return (pa == pb and (not na or not nb or bool(set(na) & set(nb)))
            and (not ea or not eb or bool(set(ea) & set(eb))))


# A quoted phrase of at least this many words that two claims both carry is the
# speaker's own words reported twice: one statement, however the rest is worded.
QUOTE_MIN_WORDS = 3
# An opening curly quote to its closing one, or a pair of straight ones: never the words
# between one quote's end and the next one's start ('”beg” for talks, saying “').
_QUOTED = re.compile(r"“([^“”]{1,200})”|\"([^\"“”]{1,200})\"")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _quoted(text: str) -> list[list[str]]:
    if '"' not in text and "“" not in text:  # most claims quote nothing: no regex pass
        return []
    return [_WORD.findall((m.group(1) or m.group(2) or "").casefold())
            for m in _QUOTED.finditer(text)]


def quoted_phrases(text: str) -> set[str]:
    """The phrases a claim quotes (in straight or curly double quotes), of at least
    ``QUOTE_MIN_WORDS`` words, lower-cased with punctuation dropped."""
    return {" ".join(w) for w in _quoted(text) if len(w) >= QUOTE_MIN_WORDS}


# A word or two a report quotes from its speaker ("Pakistan will not “beg” for talks")
# names what the speaker said when it is no longer than this and not only small words.
SAID_MAX_WORDS = 4
_SMALL = frozenset("""a an the of in on at to for from by with and or but as is are was
were be been it its this that these those we i you he she they our their his her not no
will would can could""".split())


def _speaker(c: Claim) -> str | None:
    a = c.asserted_by
    return a.name.casefold() if a is not None and c.attribution != "outlet" else None


def said_keys(claims: Sequence[Claim]) -> dict[str, set[PropKey]]:
    """Per claim id: ("said", speaker, words) when a report quotes a few words of its
    speaker ("the minister said Pakistan will not “beg” for talks") and another
    article quotes the same speaker directly with those words in the quote ("We are
    open to dialogue but will not beg for it"): the same statement, reported twice."""
    frags: dict[str, dict[tuple[str, ...], list[Claim]]] = defaultdict(dict)
    for c in claims:
        who = _speaker(c)
        if who is None:
            continue
        for words in _quoted(c.text):
            if 0 < len(words) <= SAID_MAX_WORDS and not set(words) <= _SMALL:
                frags[who].setdefault(tuple(words), []).append(c)
    out: dict[str, set[PropKey]] = defaultdict(set)
    for d in claims:
        who = _speaker(d)
        if who is None or d.attribution != "direct" or who not in frags:
            continue
        text = " " + " ".join(_WORD.findall(d.text.casefold())) + " "
        for frag, reports in frags[who].items():
            if " " + " ".join(frag) + " " not in text:
                continue
            others = [r for r in reports if not set(r.article_ids) & set(d.article_ids)]
            key = ("said", who, " ".join(frag))
            for r in others:
                out[r.id].add(key)
            if others:
                out[d.id].add(key)
    return dict(out)




def event_keys(c: Claim, extra: ExtraKeys | None = None) -> set[PropKey]:
    """What makes two claims one proposition by construction (each key shared is
    enough, once the wording is ``PROPOSITION_FLOOR`` close): one merged event with one
    figure ("26 killed" in the attack), one quoted phrase ("anywhere, at any level"), or
    the keys ``extra`` gives the claim's id (one counted thing: "four attackers",
    ``chronicler.corpus.compare.count_keys``)."""
    out: set[PropKey] = {("event", e, n) for e in c.event_ids for n in c.numbers}
    out |= {("quote", q) for q in quoted_phrases(c.text)}
    if extra:
        out |= {k for k in extra.get(c.id, ()) if k[0] != DAY}
    return out


@dataclass
class Budget:
    """Seconds to spend on linking; ``spent`` once they are gone."""

    seconds: float | None
    start: float = field(default_factory=time.perf_counter)
    truncated: bool = False

    def spent(self) -> bool:
        if self.seconds is not None and time.perf_counter() - self.start > self.seconds:
            self.truncated = True
        return self.truncated


class Linkage:
    def __init__(self, claims: Sequence[Claim], vecs: np.ndarray,
                 extra: ExtraKeys | None = None) -> None:
        self.claims, self.vecs = claims, vecs
        self.uf: UnionFind[int] = UnionFind(range(len(claims)))
        self.size = dict.fromkeys(range(len(claims)), 1)
        self.sums = {i: vecs[i].astype(np.float64) for i in range(len(claims))}
        self.sigs: dict[int, set[Sig]] = {i: {signature(c, extra)}
                                            for i, c in enumerate(claims)}
        self.keys: dict[int, dict[PropKey, list[int]]] = {}
        for i, c in enumerate(claims):
            ks = event_keys(c, extra)
            if ks:
                self.keys[i] = {k: [i] for k in ks}

    def compatible(self, ri: int, rj: int) -> bool:
        return all(sig_compatible(a, b) for a in self.sigs[ri] for b in self.sigs[rj])

    def mean_sim(self, ri: int, rj: int) -> float:
        n = self.size[ri] * self.size[rj]
        total = float(self.sums[ri] @ self.sums[rj])
        ki, kj = self.keys.get(ri, {}), self.keys.get(rj, {})
        if ki and kj:
            pairs = {(x, y) for k in ki.keys() & kj.keys() for x in ki[k] for y in kj[k]}
            for x, y in pairs:
                cos = float(self.vecs[x] @ self.vecs[y])
                if cos >= PROPOSITION_FLOOR:
                    total += PROPOSITION_SIM - cos
        return total / n

    def merge(self, i: int, j: int, threshold: float) -> bool:
        """Join the clusters of ``i`` and ``j`` if they pass both tests."""
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj or not self.compatible(ri, rj) or self.mean_sim(ri, rj) < threshold:
            return False
        self.uf.union(ri, rj)
        root, other = (ri, rj) if self.uf.find(ri) == ri else (rj, ri)
        self.size[root] += self.size.pop(other)
        self.sums[root] = self.sums[root] + self.sums.pop(other)
        self.sigs[root] |= self.sigs.pop(other)
        ko = self.keys.pop(other, {})
        if ko:
            mine = self.keys.setdefault(root, {})
            for k, xs in ko.items():
                mine.setdefault(k, []).extend(xs)
        return True

    def link(self, links: Iterable[tuple[int, int, float]], threshold: float,
             budget: Budget) -> None:
        """Average linkage over the links, most similar first (they come sorted)."""
        for n, (i, j, _sim) in enumerate(links):
            if n % 512 == 0 and budget.spent():
                return
            self.merge(i, j, threshold)

    def leader(self, members: Sequence[int], threshold: float, budget: Budget) -> None:
        """One pass over a block too large for pairs (module docstring). Clusters are
        looked up by figure first: a claim with figures can only join a cluster that
        shares one or has none, which keeps the candidates few in corpora of templated
        briefs that differ by their numbers."""
        by_num: dict[float | None, set[int]] = defaultdict(set)
        everyone: set[int] = set()
        for n, i in enumerate(sorted(members)):
            if n % 256 == 0 and budget.spent():
                return
            ri = self.uf.find(i)
            nums = set(self.claims[i].numbers)
            if nums:
                cand = set(by_num[None]).union(*(by_num[x] for x in nums))
            else:
                cand = everyone
            live = sorted({self.uf.find(r) for r in cand} - {ri})
            joined = None
            if live:
                cent = np.stack([self.sums[r] / self.size[r] for r in live])
                for k in np.argsort(-(cent @ self.vecs[i]))[:8]:  # the closest few
                    if self.merge(ri, live[int(k)], threshold):
                        joined = self.uf.find(ri)
                        break
            root = joined if joined is not None else ri
            everyone.add(root)
            for x in (nums or {None}):  # type: ignore[arg-type]
                by_num[x].add(root)

    def components(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.claims)):
            out[self.uf.find(i)].append(i)
        return out
