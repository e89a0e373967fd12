"""Framing: how outlets name the same thing, whom they let speak, how much they hedge.

``framing_records`` builds Framing records (place names and label families used by
different sources; scare quotes mark the variants an outlet distances itself from);
``voice_share`` and ``hedge_share`` return plain dicts.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from chronicler.records import (
    Article,
    Claim,
    Framing,
    FramingVariant,
    Place,
    Quote,
)

_SCARE_RE = re.compile(r"[\"“‘']([^\"“”‘’'\n]{2,60}?)[\"”’']")
_SCARE_MAX_WORDS = 4


@lru_cache(maxsize=1)
def label_families() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    raw = tomllib.loads(
        resources.files("chronicler").joinpath("data/framing/labels.toml").read_text("utf-8"))
    out = []
    for fam in raw["label"]:
        terms = tuple(sorted({t.lower() for t in fam["terms"]}, key=len, reverse=True))
        pat = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.I)
        out.append((fam["referent"], terms, pat))
    return out


UNKNOWN_OUTLET = "unknown outlet"


def _variants(hits: Iterable[tuple[str, str, str | None, bool]]) -> list[FramingVariant]:
    """hits: (term, article_id, outlet, scare_quoted). Terms differing only in case
    (a dateline "VARSK") are one variant, written the way most articles write it."""
    by_key: dict[str, list[tuple[str, str, str | None, bool]]] = defaultdict(list)
    for h in hits:
        by_key[h[0].lower()].append(h)
    out = []
    for rows in by_key.values():
        term = Counter(r[0] for r in rows).most_common(1)[0][0]
        out.append(FramingVariant(
            term=term, article_ids=sorted({r[1] for r in rows}),
            # An article with no known outlet still speaks: say so rather than leave the
            # list empty.
            outlets=sorted({r[2] or UNKNOWN_OUTLET for r in rows}), count=len(rows),
            scare_quoted=any(r[3] for r in rows)))
    return sorted(out, key=lambda v: (-v.count, v.term))


def scare_quoted_terms(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int, str]]:
    """1–4 word spans in quote marks that no Quote record covers: the outlet's own
    distancing ('terror camps'), not a speaker's words."""
    out = []
    for m in _SCARE_RE.finditer(text):
        term = m.group(1).strip()
        if not term or len(term.split()) > _SCARE_MAX_WORDS or not term[0].isalpha():
            continue
        s, e = m.start(1), m.end(1)
        if m.group(0)[0] == "'" and s > 1 and text[s - 2].isalpha():
            continue  # an apostrophe ("Kaldoria's"), not a quote mark
        if any(q.span[0] <= s and e <= q.span[1] for q in quotes):
            continue
        out.append((s, e, term))
    return out


def framing_records(story_id: str, articles: Sequence[Article], places: Sequence[Place],
                    quotes: Sequence[Quote]) -> list[Framing]:
    arts = {a.id: a for a in articles}
    outlet = {a.id: a.outlet for a in articles}
    out: list[Framing] = []
    by_ref: dict[str, list[tuple[str, str, str | None, bool]]] = defaultdict(list)
    for p in places:
        if p.article_id in arts:
            by_ref[p.name].append((p.text, p.article_id, outlet.get(p.article_id), False))
    scare: dict[str, list[tuple[str, str, str | None, bool]]] = defaultdict(list)
    q_by_art: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        q_by_art[q.article_id].append(q)
    for a in articles:
        for _s, _e, term in scare_quoted_terms(a.text, q_by_art[a.id]):
            scare[term.lower()].append((term, a.id, a.outlet, True))
    for ref, hits in sorted(by_ref.items()):
        if _real_variants(hits):
            out.append(Framing(story_id=story_id, referent=ref, variants=_variants(hits),
                               kind="place"))
    for ref, _terms, pat in label_families():
        hits = []
        for a in articles:
            for m in pat.finditer(a.text):
                quoted = m.group(0).lower() in scare
                hits.append((m.group(0).lower(), a.id, a.outlet, quoted))
        if _real_variants(hits):
            out.append(Framing(story_id=story_id, referent=ref, variants=_variants(hits),
                               kind="label"))
    # A scare-quoted term is the outlet's distance from a word, shown on the label
    # variants above (``scare_quoted``); alone it names no referent, so it is not a
    # framing record of its own.
    return out


def _real_variants(hits: Iterable[tuple[str, str, str | None, bool]]) -> bool:
    """Framing needs one referent named differently by different sources: at least two
    terms (case aside), whose users are not one and the same set of sources (a source
    is an outlet, or an article whose outlet is unknown)."""
    by_term: dict[str, set[str]] = defaultdict(set)
    for term, article_id, outlet, _quoted in hits:
        by_term[term.lower()].add(outlet or f"article:{article_id}")
    sources = list(by_term.values())
    return len(sources) >= 2 and len(set().union(*sources)) >= 2 and \
        not all(s == sources[0] for s in sources)


# ------------------------------------------------------------------ shares
def voice_share(quotes: Sequence[Quote]) -> dict[str, dict[str, float]]:
    """Share of quotes by speaker country and by speaker (actor id or name)."""
    by_country: Counter[str] = Counter()
    by_actor: Counter[str] = Counter()
    for q in quotes:
        sp = q.speaker
        by_country[(sp.country if sp else None) or "unknown"] += 1
        by_actor[(sp.name if sp else None) or "unknown"] += 1
    n = sum(by_country.values()) or 1
    return {"by_country": {k: v / n for k, v in sorted(by_country.items())},
            "by_actor": {k: v / n for k, v in by_actor.most_common()}}


def hedge_share(claims: Sequence[Claim]) -> dict[str, dict[str, float]]:
    """Per outlet, the share of its claims by hedge (asserted, reported, alleged, ...)."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        for e in c.evidence:
            by[e.outlet or "unknown"][e.hedge] += 1
    return {o: {h: n / sum(cnt.values()) for h, n in sorted(cnt.items())}
            for o, cnt in sorted(by.items())}
