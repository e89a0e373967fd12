"""Read models: what the CLI, the REST API, the web UI and the Python API show.

    query.py     filters, paging and one record shape per kind over the store
    timeline.py  dyad timelines: daily counts and summed PLOVER scores per country pair
    tone.py      per-story voices, tone by outlet and hedge share

Views read the store; they never write it.
"""
