"""The cross-article step: stories, aligned claims and framing over the whole store.

    chronicler debug compare --db news.duckdb
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from chronicler.config import Settings
from chronicler.corpus import increment
from chronicler.corpus.align import (
    CONTEST_THRESHOLD,
    LINK_THRESHOLD,
    AlignStats,
    ArticleInfo,
    align,
)
from chronicler.corpus.crises import (
    CrisisDoc,
    crisis_groups,
    crisis_story,
    happenings,
    main_dyad,
    named_countries,
)
from chronicler.corpus.embed import Embedder, load_embedder, release_models, text_key
from chronicler.corpus.framing import framing_records
from chronicler.corpus.linkage import DAY, said_keys
from chronicler.corpus.stories import StoryDoc, build_stories
from chronicler.records import Claim, Event, Story
from chronicler.store import Store
from chronicler.store.parts import lean

ALL_STORY = "all"

log = logging.getLogger("chronicler.corpus")


def _article_info(store: Store) -> dict[str, ArticleInfo]:
    """Per article: outlet *key* (``chronicler.corpus.sources.outlet_keys`` over the whole
    store, so "CPA" and "Continental Press Agency" are one source), duplicate group and
    date. Only source counting reads ``ArticleInfo.outlet``; names shown come from the
    articles themselves."""
    from chronicler.corpus.sources import outlet_keys

    rows = store.conn.execute(
        "SELECT id, outlet, coalesce(dup_group, id), published FROM articles").fetchall()
    keys = outlet_keys(r[1] for r in rows)
    return {r[0]: ArticleInfo(outlet=keys.get(r[1]) if r[1] else None, dup_key=r[2],
                              published=r[3]) for r in rows}


def _anchors(store: Store) -> tuple[dict[str, set[str]], dict[str, Counter[str]]]:
    """Per article: its specific anchors (named people, organisations and places;
    country codes, capitals and demonyms are shared by nearly every article of one
    conflict) and how often it names each country."""
    anchors: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    # The few columns read, not whole records: every mention and place of the store.
    order = " ORDER BY article_id, span[1], span[2]"  # Store.per_article's order
    for aid, label, actor_id, country in store.conn.execute(
            "SELECT article_id, label, actor_id, country FROM mentions" + order).fetchall():
        if label not in ("GPE", "NORP"):
            anchors[aid].add(actor_id)
        if country:
            countries[aid][country] += 1
    names = {c.casefold() for c in _country_names()}
    for aid, name in store.conn.execute("SELECT article_id, name FROM places" + order).fetchall():
        if name.casefold() not in names:
            anchors[aid].add("place:" + name)
    return anchors, countries


def _story_docs(store: Store, info: dict[str, ArticleInfo],
                anchors: dict[str, set[str]]) -> list[StoryDoc]:
    return [StoryDoc(id=a.id, title=a.title or "", lead=a.text[:600], published=a.published,
                     outlet=a.outlet, anchors=frozenset(anchors[a.id]),
                     dup_key=info[a.id].dup_key if a.id in info else a.id)
            for a in store.articles()]


def _levels(store: Store, info: dict[str, ArticleInfo], anchors: dict[str, set[str]],
            countries: dict[str, Counter[str]], coverage: list[Story],
            events: list[Event]) -> list[Story]:
    """Crises over the articles, happenings from the merged events, and each story of
    the event level tied to the crisis that holds most of its articles."""
    from chronicler.nlp.claims.stage import _country_names as code_names

    names = code_names()
    # Each article's own events, not the merged ones: a merge that pulls a mention into
    # an operation's event must not make its article part of that operation's crisis.
    ops: dict[str, set[str]] = defaultdict(set)
    sides: dict[str, set[frozenset[str]]] = defaultdict(set)
    for e in store.json_records("article_events"):
        if e.negated:
            continue
        for aid in e.article_ids:
            if e.operation:
                ops[aid].add(e.operation)
            involved = frozenset(a.country for a in (*e.actor, *e.recipient) if a.country)
            if len(involved) >= 2 and not (e.hypothetical or e.future):
                sides[aid].add(involved)
    docs = [CrisisDoc(id=a.id, title=a.title or "", published=a.published, outlet=a.outlet,
                      dyad=main_dyad(countries[a.id]), operations=frozenset(ops[a.id]),
                      named=named_countries(countries[a.id]),
                      sides=frozenset(sides[a.id]),
                      anchors=frozenset(anchors[a.id]),
                      dup_key=info[a.id].dup_key if a.id in info else a.id)
            for a in store.articles()]
    crises = [crisis_story(g, names) for g in crisis_groups(docs)]
    crisis_of = {aid: c.id for c in crises for aid in c.article_ids}
    seen = {tuple(s.article_ids) for s in coverage}
    published = {aid: i.published for aid, i in info.items()}
    extra = [h for h in happenings(events, names, published)
             if tuple(h.article_ids) not in seen]
    out = []
    for s in [*coverage, *extra]:
        votes = Counter(crisis_of[a] for a in s.article_ids if a in crisis_of)
        parent = min(votes, key=lambda c: (-votes[c], c)) if votes else None
        update: dict[str, object] = {"parent_id": parent}
        if s.basis == "events" and parent is not None:
            # A happening is part of one crisis: an article of another crisis came in
            # through a mention merged on a date alone ("3 killed on Sunday") and does
            # not report this happening.
            update["article_ids"] = [a for a in s.article_ids if crisis_of.get(a) == parent]
        out.append(s.model_copy(update=update))
    return crises + out


def _country_names() -> set[str]:
    from chronicler.nlp.claims.stage import _country_names as names

    return set(names().values())


def _read_events(store: Store) -> list[Event]:
    """The merged events, read once for the whole step."""
    try:
        events = list(store.json_records("events"))
        lean(events)
        return events
    except Exception:  # noqa: BLE001 - the events table may not exist in older stores
        return []


def _events_by_article(events: list[Event]) -> dict[str, set[str]]:
    """Merged event ids per article (from evidence and article ids), built once: a
    lookup per story re-read every event and made this step O(stories x events)."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for aid in {*e.article_ids, *(ev.article_id for ev in e.evidence)}:
            out[aid].add(e.id)
    return out


def relation(e: Event) -> str:
    """What an event says happened between whom, negation aside: "ASSAULT:IND>PAK"."""
    def side(xs: list[Any]) -> str:
        return ",".join(sorted({x.country for x in xs if x.country}))
    return f"{e.type}:{side(e.actor)}>{side(e.recipient)}"


def _tie_to_events(claims: list[Claim], events: list[Event]) -> None:
    """Each claim gets the merged events its sentence reports, and their relations."""
    at: dict[str, list[tuple[int, int, Event]]] = defaultdict(list)
    for e in events:
        for ev in e.evidence:
            at[ev.article_id].append((ev.span[0], ev.span[1], e))
    for c in claims:
        hits: dict[str, Event] = {}
        for ce in c.evidence:
            for s, t, e in at.get(ce.article_id, ()):
                if s < ce.span[1] and ce.span[0] < t:
                    hits[e.id] = e
        c.event_ids = sorted(hits)
        # Only relations with both sides known say what a claim is about.
        c.propositions = sorted({relation(e) for e in hits.values()
                                 if any(a.country for a in e.actor)
                                 and any(r.country for r in e.recipient)})


# "two officers", "two wars": the smallest figures are in too many sentences to tell
# one proposition from another.
MIN_COUNT_KEY = 3


def _head(obj: str) -> str:
    """The head word of a counted object, plural folded: "Merovian jets" -> "jet"."""
    words = obj.casefold().split()
    w = words[-1] if words else ""
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _sense(verb: str | None) -> str:
    from chronicler.nlp.events.attach import HURT_VERBS, KILL_VERBS

    v = (verb or "").casefold()
    return "dead" if v in KILL_VERBS else "hurt" if v in HURT_VERBS else "-"


def count_keys(claims: list[Claim], counts: list[Any]) -> dict[str, set[tuple[object, ...]]]:
    """Per claim id: the things its sentence counts, as (figure, head word of what is
    counted, dead/hurt/other): "at least four attackers emerged" and "the four attackers
    crossed" count one thing; "3 killed" and "3 injured" do not. Two claims that count
    one thing report one proposition once their wording is close enough
    (``linkage.event_keys``). Only the counts inside a claim's own text span."""
    at = _by_article(counts)
    out: dict[str, set[tuple[object, ...]]] = {}
    for c in claims:
        keys: set[tuple[object, ...]] = set()
        for aid, start, end in _own_span(c):
            for n in at.get(aid, ()):
                if start <= n.span[0] and n.span[1] <= end and n.number in c.numbers \
                        and n.number >= MIN_COUNT_KEY and _head(n.object):
                    keys.add(("count", n.number, _head(n.object), _sense(n.verb)))
        if keys:
            out[c.id] = keys
    return out


def _by_article(records: Iterable[Any]) -> dict[str, list[Any]]:
    at: dict[str, list[Any]] = defaultdict(list)
    for r in records:
        at[r.article_id].append(r)
    return at


def _own_span(c: Claim) -> list[tuple[str, int, int]]:
    """The claim's own text inside its first evidence sentence (a clause claim is
    shorter than its sentence), as (article id, start, end); none without evidence."""
    out = []
    for ev in c.evidence[:1]:
        at = ev.text.find(c.text)
        start, end = ((ev.span[0] + at, ev.span[0] + at + len(c.text)) if at >= 0
                      else ev.span)
        out.append((ev.article_id, start, end))
    return out


OPENING_WORDS = 4  # a claim whose first words name an event is about that event
_WORDS = re.compile(r"[a-z][a-z-]+")


def named_keys(claims: list[Claim], events: list[Event]) -> dict[str, set[tuple[object, ...]]]:
    """Per claim id: ("named", event) when the claim opens by naming a merged event its
    sentence reports, in the words of the event's mode ("A truce took hold that
    evening", "the ceasefire came after direct talks": the RETREAT ceasefire's
    words are ceasefire, truce, cessation, ...). Such claims are about the event
    itself, not about something that happened around it, and two of them are one
    proposition once their wording is close enough (``linkage.event_keys``)."""
    from chronicler.nlp.events.patterns import load_lexicon

    types = load_lexicon().types
    words: dict[str, set[str]] = {}
    for e in events:
        spec = types.get(e.type)
        w = {e.trigger.casefold()} if e.trigger else set()
        if spec is not None:
            w |= {x for m in e.mode if m in spec.modes for x in spec.modes[m].words}
        words[e.id] = w
    out: dict[str, set[tuple[object, ...]]] = {}
    for c in claims:
        opening = {_head(w) for w in _WORDS.findall(c.text.casefold())[:OPENING_WORDS]}
        keys: set[tuple[object, ...]] = {("named", e) for e in c.event_ids
                                         if opening & words.get(e, set())}
        if keys:
            out[c.id] = keys
    return out


MAX_RANGE_DAYS = 31  # a range of days ("from March 14 to March 16") names each of them


def day_keys(claims: list[Claim], times: list[Any]) -> dict[str, set[tuple[object, ...]]]:
    """Per claim id: the days its own words name at day precision (``linkage.DAY``
    keys, as ordinals): two claims that each name days, and no day in common, are not
    one proposition ("spoke to both ministers on Tuesday" / "spoke again on Thursday")."""
    at = _by_article(t for t in times if t.date is not None and t.precision == "day")
    out: dict[str, set[tuple[object, ...]]] = {}
    for c in claims:
        keys: set[tuple[object, ...]] = set()
        for aid, start, end in _own_span(c):
            for t in at.get(aid, ()):
                if start <= t.span[0] and t.span[1] <= end:
                    last = t.end_date if t.end_date and t.end_date >= t.date else t.date
                    n = min((last - t.date).days, MAX_RANGE_DAYS)
                    keys |= {(DAY, t.date.toordinal() + k) for k in range(n + 1)}
        if keys:
            out[c.id] = keys
    return out


def _claims_in(claim_at: dict[str, list[tuple[int, int, str]]], article_id: str,
               span: tuple[int, int]) -> set[str]:
    """Claim groups with evidence inside this sentence of this article."""
    s, e = span
    return {gid for cs, ce, gid in claim_at.get(article_id, ()) if cs < e and s < ce}


def run_compare(store: Store, settings: Settings | None = None) -> dict[str, Any]:
    """Recompute stories, aligned claims and framing; returns counts."""
    settings = settings or Settings.from_env()
    embed = Embedder(settings.embedding_model, store=store,
                     runtime=settings.embedding_runtime)
    info = _article_info(store)
    anchors, countries = _anchors(store)
    stories = build_stories(_story_docs(store, info, anchors), embed)
    # The stories' long texts grew the embedding runtime's buffers more than the claims'
    # short ones need, more so the more batches: the model goes, and the alignment loads
    # it again (~0.3 s) when it has texts to embed, with buffers sized for them.
    if load_embedder.cache_info().currsize:
        release_models()
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    info = {k: ArticleInfo(v.outlet, v.dup_key, v.published, story_of.get(k))
            for k, v in info.items()}

    per_article: list[Claim] = store.json_records("article_claims")
    lean(per_article)  # held through the alignment, its peak
    events = _read_events(store)
    _tie_to_events(per_article, events)
    stats = AlignStats()
    extra = count_keys(per_article, list(store.per_article("counts")))
    for more in (said_keys(per_article), named_keys(per_article, events),
                 day_keys(per_article, list(store.per_article("times")))):
        for cid, keys in more.items():
            extra.setdefault(cid, set()).update(keys)
    days = {e.id: e.date for e in events if e.date is not None and not e.date_reported
            and e.date_precision == "day"}
    memo = increment.load(store, increment.config(
        f"{settings.embedding_model}:{settings.embedding_runtime}", LINK_THRESHOLD,
        CONTEST_THRESHOLD))
    groups, member_of = align(per_article, info, embed, stats=stats,
                              budget_s=settings.align_budget_s, extra=extra, event_dates=days,
                              memo=memo)
    # The last embedding is done: the model and its runtime's buffers (ONNX Runtime keeps
    # its arena for the life of the session) go before the comparison's largest write.
    # Its name is taken first: asked for after, it loaded the model again for the write.
    model_name = embed.name
    release_models()
    if stats.truncated:
        log.warning("claim alignment stopped after %.0f s (CHRONICLER_ALIGN_BUDGET_S): "
                    "claims not yet linked are left single", settings.align_budget_s)
    for g in groups:
        g.story_id = story_of.get(g.article_ids[0]) if g.article_ids else None
    for c in per_article:
        c.group_id = member_of.get(c.id)
        c.story_id = story_of.get(c.article_ids[0]) if c.article_ids else None

    claims_by_story: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        if g.story_id:
            claims_by_story[g.story_id].append(g.id)
    events_of = _events_by_article(events)
    final_stories: list[Story] = []
    for s in stories:
        final_stories.append(s.model_copy(update={
            "claim_ids": sorted(claims_by_story.get(s.id, [])),
            "event_ids": sorted({e for a in s.article_ids for e in events_of.get(a, ())})}))
    final_stories = _levels(store, info, anchors, countries, final_stories, events)
    claims_of_article: dict[str, set[str]] = defaultdict(set)
    claim_at: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for g in groups:
        for aid in g.article_ids:
            claims_of_article[aid].add(g.id)
        for ev in g.evidence:
            claim_at[ev.article_id].append((ev.span[0], ev.span[1], g.id))
    evidence_of = {e.id: e.evidence for e in events}
    for i, s in enumerate(final_stories):
        upd: dict[str, Any] = {}
        if s.level == "crisis":
            upd["claim_ids"] = sorted({c for a in s.article_ids
                                       for c in claims_of_article.get(a, ())})
            upd["event_ids"] = sorted({e for a in s.article_ids for e in events_of.get(a, ())})
        elif s.basis == "events":
            # A happening's claims: those made in its events' evidence sentences.
            upd["claim_ids"] = sorted({c for e in s.event_ids for ev in evidence_of.get(e, ())
                                       for c in _claims_in(claim_at, ev.article_id, ev.span)})
        if upd:
            final_stories[i] = s.model_copy(update=upd)

    # Framing is a comparison across outlets: over one story it is too thin on a small
    # corpus, so one corpus-wide record set ("all") plus one per multi-outlet story.
    articles = store.articles()
    places = store.per_article("places")
    quotes = store.per_article("quotes")
    framing = framing_records(ALL_STORY, articles, places, quotes)
    for s in final_stories:
        if len(s.outlets) < 2 or s.basis != "coverage":
            continue
        ids = set(s.article_ids)
        framing += framing_records(s.id, [a for a in articles if a.id in ids],
                                   [p for p in places if p.article_id in ids],
                                   [q for q in quotes if q.article_id in ids])

    with store.transaction():
        # An incremental alignment reads few vectors: the others stay while their claim
        # does (the next run that links it again reads them back, not re-embeds them).
        store.prune_vectors(model_name, embed.used | {
            text_key(t) for c in per_article for t in (c.text, c.target_text) if t})
        store.replace_all("article_claims", per_article)
        store.replace_all("claims", groups)
        store.replace_all("stories", final_stories)
        store.replace_all("framing", framing)
        increment.save(store, memo)
    status: dict[str, int] = defaultdict(int)
    for g in groups:
        status[g.status] += 1
    return {"article_claims": len(per_article), "claims": len(groups),
            "stories": len(final_stories), "framing": len(framing), "status": dict(status),
            "alignment_truncated": stats.truncated, "leader_blocks": stats.leader_blocks,
            "claims_relinked": memo.redone,
            "texts_embedded": embed.encoded, "texts_from_cache": len(embed.used) - embed.encoded}
