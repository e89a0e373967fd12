"""Per-article understanding on top of a spaCy parse.

    model.py     load the spaCy package named in Settings (+ our entity ruler)
    stages.py    Stage records, the registry, and the fail-fast requirement check
    analyzer.py  parse + run every stage over a batch -> Analysis records
    actors.py    actors with country and sector, titles, appositives, coreference
    timex.py     date expressions -> ISO dates with precision
    places.py    toponyms -> gazetteer entries; one referent for contested names
    counts.py    "killed 26 civilians" -> number, object, verb, precision
    quotes.py    direct, indirect and "according to" quotes with speakers

Stage modules are pure functions of (doc, context, state); storage and the API
never import spaCy.
"""
