"""Date, place and size of a candidate event (rules in ``coder``'s docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter, itemgetter

from spacy.tokens import Span, Token

from chronicler.nlp.events.candidates import Candidate
from chronicler.nlp.events.index import ArticleIndex
from chronicler.nlp.events.tree import STEPS, _Seen, children_ix, subtree_ix, tree_of
from chronicler.records import Place, Size, TimeExpr

KILL_VERBS = frozenset({"kill", "claim", "die", "martyr", "slay", "perish", "lose", "murder",
                        "massacre", "shoot", "gun", "leave"})
DEAD_WORDS = frozenset({"dead", "death", "deaths", "killed", "lives", "life", "bodies",
                        "fatalities", "martyrs", "martyred", "casualties", "toll"})
HURT_VERBS = frozenset({"injure", "wound", "hurt", "maim"})
HURT_WORDS = frozenset({"injured", "wounded", "injuries", "hurt"})
VICTIM_CVL = frozenset({"civilian", "civilians", "tourist", "tourists", "people", "person",
                        "villager", "villagers", "resident", "residents", "pilgrim",
                        "pilgrims", "children", "women", "lives", "visitors"})

# ------------------------------------------------------------------ date, place, size
def _heads_of(c: Candidate) -> set[int]:
    """The indices of the candidate's heads and merged tokens (by ``map``: no
    comprehension made per candidate)."""
    heads = set(map(_INDEX, c.heads))
    if c.extra:
        heads.update(map(_INDEX, c.extra))
    return heads


_INDEX = attrgetter("i")


def attached_to(tok: Token, event_heads: set[int], trigger: Token, limit: int = 6) -> bool:
    """Does ``tok`` hang on the event (through nouns and prepositions only)?"""
    return _attached(tree_of(tok.doc), tok.i, event_heads, limit)


def _attached(tree: _Seen, i: int, event_heads: set[int], limit: int = 6) -> bool:
    """``attached_to`` of token ``i``, climbing by index (``tree.tree_of``: a Token
    object per step was most of the cost of dating and placing a candidate)."""
    up, poss = tree.heads, tree.poss
    t = i
    for _ in STEPS[limit] if limit < len(STEPS) else range(limit):  # (made once)
        if t in event_heads:
            return True
        if up[t] == t:
            return False
        if t != i and poss[t] in ("VERB", "AUX") and t not in event_heads:
            return False
        t = up[t]
    return t in event_heads


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
WHEN = frozenset({"when", "as", "while"})


def attach_date(c: Candidate, ix: ArticleIndex, sent_i: int) -> None:
    sent = ix.sents[sent_i]
    times = ix.times_in(sent.start, sent.end)
    if times:  # (most sentences have no date: no step for the candidate's heads)
        if _dated(c, ix, times):
            return
    # A verb event (or a noun carried by a verb) with no date of its own takes the
    # nearest day-precision date of an earlier sentence of its paragraph. A bare noun
    # reference ("after the Pahalgam attack") takes none: the narrative's date is not its.
    if c.nominal and c.light is None:
        return
    c.time = ix.day_before(ix.paragraph_start(c.trigger.idx), sent.start_char)


def _dated(c: Candidate, ix: ArticleIndex, times: list[tuple[TimeExpr, int, int]]) -> bool:
    """Gives the candidate the first of ``times`` (its sentence's) attached to it; did
    one attach?"""
    heads = _heads_of(c)
    # "Six weeks ago today, gunmen walked out ... and killed 24": a conjoined verb with
    # no subject of its own shares the first conjunct's date
    # (by index, ``tree.tree_of``)
    tree = tree_of(ix.doc)
    deps, poss, up, below, at = tree.deps, tree.poss, tree.heads, tree.below, tree.first_below
    for h in list(c.heads):
        x = h.i
        # (``isdisjoint`` over ``map``: generators made the lists they read cells)
        while deps[x] == "conj" and poss[up[x]] in ("VERB", "AUX") and SUBJECTS.isdisjoint(
                map(deps.__getitem__, below[at[x]:at[x + 1]])):
            x = up[x]
            heads.add(x)
        if deps[x] == "advcl" and not WHEN.isdisjoint(
                map(ix.lowers.__getitem__, below[at[x]:at[x + 1]])):
            heads.add(up[x])  # "On Tuesday, when the terrorists opened fire, he was ..."
    sub = set(subtree_ix(c.trigger)) if c.nominal else set()
    for t, a, b in times:
        if a in sub or _attached(tree, a, heads) or _attached(tree, b, heads):
            c.time, c.time_attached = t, True
            return True
    return False


def attach_place(c: Candidate, ix: ArticleIndex, sent: Span) -> None:
    """A place attached to the event by in/at/near (a town before a country), else one
    inside a noun trigger ("the Pahalgam attack"); never one of its actors."""
    rows = _place_rows(ix, sent.start, sent.end)
    if not rows:
        return  # (most sentences: no place, no step for the candidate's heads)
    heads = _heads_of(c)
    tree = tree_of(ix.doc)  # (by index, ``tree.tree_of``)
    up, deps = tree.heads, tree.deps
    t = c.trigger.i
    # (the tests of children by functions: comprehensions here made the lists they
    # read cells on every call)
    if deps[t] == "advcl" and tree.tags[t] == "VBG" and not _with_child(
            tree, t, ("nsubj", "mark")):
        heads.add(up[t])  # "a bomb exploded in Resk, killing 12": where it went off
    sub = set(subtree_ix(c.trigger)) if c.nominal else set()
    ranked: list[tuple[int, int, Place]] = []
    # (set tests rather than ``any`` over a generator: read for each place and candidate)
    arg_tokens = c.arg_tokens
    for p, a, words, root, prep, inside_dep, is_country in rows:
        if not arg_tokens.isdisjoint(words):
            continue
        attached = prep >= 0 and _attached(tree, prep, heads, limit=5)
        inside = inside_dep and a in sub and up[root] == t
        # "In Resk, where 13 civilians were killed": the place the clause is about
        if not (attached or inside or _where_clause(tree, c.heads, root)):
            continue
        rank = 0 if attached or inside else 1
        ranked.append((rank + (2 if is_country else 0), a, p))
    if ranked:
        c.place = min(ranked, key=_RANK_AT)[2]  # (the first least, as a stable sort's)


_RANK_AT = itemgetter(0, 1)
# the dependencies by which a place inside a noun trigger hangs on it
_INSIDE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nsubj"})
_PlaceRow = tuple[Place, int, range, int, int, bool, bool]


def _place_rows(ix: ArticleIndex, start: int, end: int) -> list[_PlaceRow]:
    """The places of sentence [start, end) with what ``attach_place`` reads of each
    whatever the candidate, once per sentence (each of its candidates found them
    again): the place, its first token, its tokens, its root, the location
    preposition it hangs from (-1 for none), whether its root's dependency may put it
    inside a noun trigger, whether it names a country."""
    got = ix.place_rows.get((start, end))
    if got is not None:
        return got
    tree = tree_of(ix.doc)
    up, deps, lowers = tree.heads, tree.deps, ix.lowers
    location_preps, country_places = ix.lex.location_preps, ix.country_places
    got = ix.place_rows[start, end] = []
    for p, a, b in ix.places_in(start, end):
        words = range(a, b + 1)  # (made once: a range costs more than its few reads)
        root = a  # (by index, as ``_attached``)
        for i in words:
            if up[i] < a or up[i] > b:
                root = i
                break
        prep = up[root] if deps[root] == "pobj" else -1
        if prep >= 0 and lowers[prep] == "of" and deps[up[prep]] == "pobj":
            prep = up[up[prep]]  # "in the town of Resk"
        if prep >= 0 and lowers[prep] not in location_preps:
            prep = -1
        got.append((p, a, words, root, prep, deps[root] in _INSIDE_DEPS,
                    not country_places.isdisjoint(words)))
    return got


def _with_child(tree: _Seen, i: int, deps: tuple[str, ...]) -> bool:
    """Has token ``i`` a child with one of ``deps``?"""
    labels = tree.deps
    return any(labels[x] in deps for x in children_ix(tree, i))


def _where_clause(tree: _Seen, heads: Sequence[Token], root: int) -> bool:
    """Is one of ``heads`` a "where" clause on token ``root`` ("In Resk, where ...")?"""
    deps, up, lowers = tree.deps, tree.heads, tree.lowers
    for h in heads:  # (loops: generators made the lists they read cells per call)
        if deps[h.i] == "relcl" and up[h.i] == root and "where" in map(
                lowers.__getitem__, children_ix(tree, h.i)):
            return True
    return False


def attach_size(cands: Sequence[Candidate], ix: ArticleIndex, sent: Span) -> None:
    assaults = [c for c in cands if c.spec.type == "ASSAULT"]
    if not assaults:
        return
    for cnt, a, _b in ix.counts:
        if a < sent.start or a >= sent.end:
            continue
        obj = cnt.object.lower().split()
        verb = (cnt.verb or "").lower()
        dead = verb in KILL_VERBS and (verb != "claim" or "lives" in obj) or \
            bool(DEAD_WORDS & set(obj))
        hurt = verb in HURT_VERBS or bool(HURT_WORDS & set(obj))
        if verb in ("shoot", "gun", "leave") and not (set(obj) & VICTIM_CVL | DEAD_WORDS):
            dead = False
        if not (dead or hurt):
            continue
        target = min(assaults, key=lambda c: abs(c.trigger.i - a))
        n = int(cnt.number)
        size = target.size or Size()
        if hurt and not dead:
            size = size.model_copy(update={"injured": max(size.injured or 0, n)})
        else:
            size = size.model_copy(update={"dead": max(size.dead or 0, n)})
        target.size = size


def has_count(c: Candidate, ix: ArticleIndex, sent: Span) -> bool:
    sub = set(subtree_ix(c.trigger))
    return any(a in sub for _cnt, a, _b in ix.counts if sent.start <= a < sent.end)


