"""The actors stage ``chronicler.actors.v1``: who is named, with country and sector.

    dictionary.py  actor dictionaries (data/actors, demo actors, user files)
    titles.py      office titles ("Foreign Minister Ishaq Dar") and sector words
    spans.py       actor mention spans from entities, titles and appositives
    resolve.py     a mention -> an actor (dictionary, demonyms, titles)
    coref.py       in-article coreference: names, titles and pronouns
    stage.py       the stage: mentions and actors of an article
"""
