"""PLOVER event coding: patterns as data, the per-article stage, cross-article merge,
dyad timelines and PLOVER-style export.

    patterns.py    read data/events/*.toml (one file per PLOVER type) into a Lexicon
    roles.py       actor and recipient from the dependency parse, resolved to mentions
    modes.py       PLOVER mode and score; negated, future, hypothetical, historical; reports
    operations.py  named military operations ("Operation Sindoor")
    coder.py       the stage ``chronicler.events.v1``: sentences -> Event records
    merge.py       one event per real-world event across articles (n_articles, n_sources)
    timeline.py    daily event counts and scores per directed country pair
    plover.py      an Event as a PLOVER-style JSON object

Importing ``chronicler.events.coder`` registers the stage.
"""
