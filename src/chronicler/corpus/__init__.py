"""Cross-article stages: functions of the whole store, run after the per-article stages.

    years.py       lend a year to articles that state none (``published_inferred``)
    unionfind.py   the one union-find (roots are the smallest key: order-independent)
    duplicates.py  exact and near-duplicate groups (MinHash + LSH)
    sources.py     one outlet key per outlet; independent-source counting
    events.py      one event per real-world event across articles (n_articles, n_sources)
    places.py      when two places an event is reported at are one (the merge's place rules)
    wording.py     when two mentions' sentences tell one happening (the merge's wording rule)
    replies.py     an undated reply takes the date of the event it answers (before the merge)
    embed.py       sentence embeddings of claim texts (installed MiniLM), cached in the store
    onnx_embed.py  the embedding model on ONNX Runtime (exported once; same vectors, fast load)
    blocking.py    which claims are ever compared: blocks, candidate and viable pairs
    pairs.py       index pairs as sorted int64 keys (8 bytes a pair, not a tuple)
    align.py       claims aligned across articles: corroborated / contested
    linkage.py     average linkage on running summaries; the leader pass; the time budget
    increment.py   the alignment's memory: re-pair only changed claims, re-link what they touch
    stories.py     coverage stories: articles about one happening, by similarity and anchors
    crises.py      crises (all articles about one conflict) and happenings from merged events
    framing.py     how outlets name the same referent; voice, tone and hedge shares
    compare.py     the comparison step (align + stories + framing) over a store

A cross-article stage never calls a per-article stage: it reads what those stored.
"""
