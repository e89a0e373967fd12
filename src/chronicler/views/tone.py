"""Per-story comparison of coverage as plain dicts, for the UI and the report: whom each
story lets speak, the tone each outlet takes toward the main actors, and how much of
each outlet's claims it hedges.

    python -m chronicler.views.tone DB [STORY_ID]

The measures themselves live in ``chronicler.corpus.framing`` (``voice_share``,
``tone_by_outlet``, ``hedge_share``); this module picks a story's records from the
store. Wire copies count once (only articles that are not a copy are read), so a
reprinted agency story does not double its speakers' voice.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from chronicler.corpus.framing import hedge_share, tone_by_outlet, voice_share
from chronicler.store import Store

MAIN_ACTORS = 4  # the countries mentioned most in the story


def story_profile(store: Store, story_id: str) -> dict[str, Any]:
    """``{story_id, main_actors, voice: {by_country, by_actor}, tone: {outlet: {country:
    mean VADER compound}}, hedges: {outlet: {hedge: share}}}``; empty measures for an
    unknown story."""
    found = store.json_records("stories", "id = ?", [story_id])
    if not found:
        return {"story_id": story_id, "main_actors": [], "voice": {}, "tone": {},
                "hedges": {}}
    articles = [a for a in store.articles(ids=found[0].article_ids) if a.duplicate_of is None]
    ids = [a.id for a in articles]
    mentions = store.per_article("mentions", ids)
    counts = Counter(m.country for m in mentions if m.country)
    main = [c for c, _ in counts.most_common(MAIN_ACTORS)]
    quotes = store.per_article("quotes", ids)
    claims = store.json_records("article_claims", "article_id IN (SELECT unnest(?))", [ids])
    return {"story_id": story_id, "main_actors": main, "voice": voice_share(quotes),
            "tone": tone_by_outlet(articles, mentions, main), "hedges": hedge_share(claims)}


def main(argv: list[str]) -> None:
    from chronicler.store import open_store

    with open_store(argv[0], read_only=True) as store:
        sid = argv[1] if len(argv) > 1 else max(
            store.json_records("stories"), key=lambda s: len(s.article_ids)).id
        print(json.dumps(story_profile(store, sid), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
