"""The query layer: the read functions that the CLI, the REST API and the web pages share.

Every function takes a :class:`~chronicler.store.Store`, typed :class:`Filters` and
``limit``/``offset``, and returns plain dicts in the export contract's shape (the same
``kind``-tagged dicts :mod:`chronicler.outputs.export` writes), so what a page shows is exactly
what ``/api/...`` returns and what ``chronicler export`` writes.

    list_articles  get_article     articles, one with its analysis and highlights' data
    list_events    get_event       merged events (per-article events until merging runs)
    list_quotes
    list_claims    get_claim       aligned claims (per-article claims until alignment runs)
    event_detail                   an event with its evidence grouped by outlet
    list_stories   get_story       a story with its events, claims by status (contested
                                   ones side by side), quotes by speaker and side,
                                   framing, and its dyad timeline
    list_framing                   each outlet's terms for a story's places and actors
    list_actors    get_actor       an actor with mentions, quotes and events
    timeline       timeline_frame  per-day events and summed scores for a country pair,
                                   conflict and cooperation apart (a page; a DataFrame)
    search                         words or "quoted phrases" in articles, quotes, claims
    resolve                        a record id from a unique prefix (as git does)
    country                        a country code from a code or a name ("India": IND)

Filter values are checked (:mod:`chronicler.views.validate`): an unknown value raises
``InvalidValue`` naming the nearest allowed one.

SQL here is written only as fragments handed to the store with bound parameters: user
text is never part of a statement. Search tokens go through ``ILIKE ? ESCAPE '\\'`` with
``%``, ``_`` and ``\\`` escaped, so ``multi-agent``, ``%``, ``'``, ``--`` or ``OR 1=1``
are matched as the characters they are.
"""

from __future__ import annotations

from chronicler.errors import NotFound
from chronicler.views.base import (
    DEFAULT_LIMIT,
    DETAIL_CAP,
    MAX_LIMIT,
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKENS,
    Filters,
    Page,
    SearchKind,
    article_record,
    claims_table,
    clamp,
    events_table,
)
from chronicler.views.ids import AmbiguousId, resolve
from chronicler.views.items import (
    article_summaries,
    event_detail,
    get_actor,
    get_article,
    get_claim,
    get_event,
    list_actors,
    list_articles,
    list_claims,
    list_events,
    list_quotes,
)
from chronicler.views.search import (
    counts,
    like_pattern,
    outlets,
    search,
    snippet,
    tokens,
)
from chronicler.views.stories import (
    claim_sides,
    framing_table,
    get_story,
    group_quotes,
    list_framing,
    list_stories,
    story_days,
)
from chronicler.views.timeline import (
    DIRECTED_DEFAULT,
    dyad_days,
    main_dyad,
    timeline,
    timeline_frame,
)
from chronicler.views.validate import InvalidValue, country, country_name

__all__ = [
    "AmbiguousId",
    "DIRECTED_DEFAULT",
    "InvalidValue",
    "claim_sides",
    "country",
    "country_name",
    "event_detail",
    "list_framing",
    "resolve",
    "timeline_frame",
    "DEFAULT_LIMIT",
    "DETAIL_CAP",
    "Filters",
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TOKENS",
    "NotFound",
    "Page",
    "SearchKind",
    "article_record",
    "article_summaries",
    "claims_table",
    "clamp",
    "counts",
    "dyad_days",
    "events_table",
    "framing_table",
    "get_actor",
    "get_article",
    "get_claim",
    "get_event",
    "get_story",
    "group_quotes",
    "like_pattern",
    "list_actors",
    "list_articles",
    "list_claims",
    "list_events",
    "list_quotes",
    "list_stories",
    "main_dyad",
    "outlets",
    "search",
    "snippet",
    "story_days",
    "timeline",
    "tokens",
]
