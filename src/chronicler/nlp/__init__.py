"""Per-article stages: one article's parse in, typed records out.

    model.py       load the spaCy package named in Settings (+ our entity ruler)
    fast_attrs.py  faster drivers for two spaCy components, with exactly their output
    stages.py      the stage contract: ArticleState, declared reads/writes, the plan check
    plan.py        the stage plan by name (no spaCy import): selection, required provenance
    analyzer.py    parse + run every stage over a batch -> Analysis records
    actors/        actors with country and sector, titles, appositives, coreference
    timex.py       date expressions -> ISO dates with precision
    places/        toponyms -> gazetteer entries; one referent for contested names
    counts.py      "killed 26 civilians" -> number, object, verb, precision
    quotes/        direct, indirect and "according to" quotes with speakers
    events/        PLOVER events: who did what to whom, when, where
    claims/        check-worthy claims with who asserts them and how firmly

Stages run in that order (``analyzer.ALL_STAGES``); each declares what it reads and
adds, and the analyzer refuses a plan whose reads no earlier stage provides. Stages are
pure functions of (doc, context, state); the store, the cross-article stages and the
interfaces never import spaCy through them.
"""
