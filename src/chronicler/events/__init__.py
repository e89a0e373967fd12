"""PLOVER event coding: patterns as data, the per-article stage, cross-article merge,
dyad timelines and PLOVER-style export.

    patterns.py    read data/events/*.toml (one file per PLOVER type) into a Lexicon
    operations.py  named military operations ("Operation Sindoor")
    index.py       what the coder looks up, built once per article (sentences, dates, ...)
    candidates.py  trigger candidates: tokens that start a pattern and pass its constraints
    roles.py       actor and recipient tokens from the dependency parse, resolved to actors
    arguments.py   argument assembly per construction, then the dyad rules
    modes.py       PLOVER mode and score; negated, future, hypothetical, historical; reports
    attach.py      date, place and size of an event
    reports.py     reporters, accusing claims, "we" in reported speech, rejection links
    coder.py       the stage ``chronicler.events.v1``: sentences -> Event records
    merge.py       one event per real-world event across articles (n_articles, n_sources)
    timeline.py    daily event counts and scores per directed country pair
    plover.py      an Event as a PLOVER-style JSON object

Importing ``chronicler.events.coder`` registers the stage.
"""
