"""Per-story comparison of coverage as plain dicts: whom each story lets speak, and how
much of each outlet's claims it hedges.

    chronicler debug profile --db DB [STORY_ID]

The measures themselves live in ``chronicler.corpus.framing`` (``voice_share``,
``hedge_share``); this module picks a story's records from the store. (A sentence
sentiment score per outlet was tried and dropped: lexicon sentiment on war reporting
measures the topic, not the outlet.) Wire copies count once (only articles that are not a copy are read), so a
reprinted agency story does not double its speakers' voice.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from chronicler.corpus.framing import hedge_share, voice_share
from chronicler.store import Store

MAIN_ACTORS = 4  # the countries mentioned most in the story


def story_profile(store: Store, story_id: str) -> dict[str, Any]:
    """``{story_id, main_actors, voice: {by_country, by_actor}, hedges: {outlet: {hedge:
    share}}}``; empty measures for an unknown story."""
    found = store.json_records("stories", "id = ?", [story_id])
    if not found:
        return {"story_id": story_id, "main_actors": [], "voice": {}, "hedges": {}}
    articles = [a for a in store.articles(ids=found[0].article_ids) if a.duplicate_of is None]
    ids = [a.id for a in articles]
    mentions = store.per_article("mentions", ids)
    counts = Counter(m.country for m in mentions if m.country)
    main = [c for c, _ in counts.most_common(MAIN_ACTORS)]
    quotes = store.per_article("quotes", ids)
    claims = store.json_records("article_claims", "article_id IN (SELECT unnest(?))", [ids])
    return {"story_id": story_id, "main_actors": main, "voice": voice_share(quotes),
            "hedges": hedge_share(claims)}
