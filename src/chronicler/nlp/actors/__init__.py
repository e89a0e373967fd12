"""The actors stage ``chronicler.actors.v1``: who is named, with country and sector.

    dictionary.py  actor dictionaries (data/actors, demo actors, user files)
    titles.py      office titles ("Foreign Minister Ishaq Dar") and sector words
    spans.py       actor mention spans from entities, titles and appositives
    resolve.py     a mention -> an actor (dictionary, demonyms, titles)
    regions.py     regions inside a country (US states) as evidence of it: "(R-Tenn.)"
    coref.py       in-article coreference: names, titles and pronouns
    phoenix.py     Phoenix (PETRARCH2) actor and agent dictionaries as word-tuple lookups
    phoenix_lookup.py  Phoenix actors and agents for a noun phrase of a parsed sentence
    peoples.py         names Phoenix's country entries list, and peoples' words ("Ivorian")
    stage.py       the stage: mentions and actors of an article
"""
