"""Read models: what the CLI, the REST API, the web UI and the Python API show.

    query.py     the read API in one namespace (``from chronicler.views import query as Q``)
    base.py      filters, paging, WHERE fragments, the record shapes
    items.py     articles, events, quotes, claims, actors: list and detail views
    stories.py   a story with its events, claims, quotes by side, framing and timeline
    search.py    words or "quoted phrases" in articles, quotes and claims
    timeline.py  dyad timelines: daily counts and summed PLOVER scores per country pair,
                 conflict and cooperation apart
    validate.py  filter values checked and normalised (PLOVER types, countries by code
                 or name), unknown ones refused with the nearest allowed value
    ids.py       record ids by unique prefix, as git takes commit ids
    terminal.py  the CLI's tables: columns per kind, cut text, dates at their precision
    profile.py   per-story voices and hedge shares

Views read the store; they never write it.
"""
