"""The quotes stage ``chronicler.quotes.v1``: direct, indirect and "according to" quotes.

    marks.py     quotation-mark pairing
    direct.py    direct quotes and their cue verbs
    context.py   what surrounds a quote (paragraph, previous speaker)
    cues.py      the cue lexicon: cue words and their kinds, source nouns
    subjects.py  the subject of a cue verb, with the parser's slips repaired
    speakers.py  the speaker of a quote: noun-phrase spans, mentions, titles, pronouns
    assemble.py  an article's quotes put together: partial quotes fold into their report
    nouns.py     noun-headed reports ("Obama's claim that ..."), when someone holds them
    indirect.py  reported speech: cues, sources and complements
    frames.py    reports outside a verb with its clause: stance adjectives, passives
    stage.py     the stage: Quote records with speakers
"""
