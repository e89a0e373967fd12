"""PLOVER event coding, the per-article stage ``chronicler.events.v1``.

    patterns.py    read data/events/*.toml (one file per PLOVER type) into a Lexicon
    operations.py  named military operations ("Operation Sindoor")
    index.py       what the coder looks up, built once per article (sentences, dates, ...)
    candidates.py  trigger candidates: tokens that start a pattern and pass its constraints
    roles.py       actor and recipient tokens from the dependency parse, resolved to actors
    tree.py        per-token reads kept per article: lower-case words; char offsets -> tokens
    walks.py       the smallest walks of the parse: children by label, conjuncts, prep objects
    arguments.py   argument assembly per construction
    inference.py   what the sentence leaves implicit: the dyad rules, an attack's place
    parties.py     who a phrase names: a state handed to, someone named, X of "for X to";
                   a state measure's government
    modes.py       PLOVER mode and score; negated, future, hypothetical, historical; reports
    attach.py      date, place and size of an event
    reports.py     reporters, accusing claims, "we" in reported speech, rejection links
    dictionaries.py   the vendored field dictionaries (data/dictionaries), compiled and cached
    cameo.py          PETRARCH2's CAMEO verb dictionary and PLOVER's crosswalk, parsed
    verbmatch.py      CAMEO verb patterns matched on the dependency parse
    dict_candidates.py  candidates from the field dictionaries for verbs our patterns miss
    dict_actors.py    arguments left without a country, completed from Phoenix; counting heads
    intent.py         one event per clause; promises and offers coded as intents
    permissions.py    a permission withheld ("would not allow"): a refusal
    verbal.py         force words used for words ("attacked her rival over ...")
    scope.py          wishes about others and kinds of people: no events of their own
    acts.py           event words that report no act: capabilities, questions, papers
    voters.py         no act either: voters' preferences, polls; a leader's own people told
    senses.py         event verbs used in another sense: amounts, papers, trips, interviews
    modifiers.py      an event noun's modifiers: who did it ("Pakistani strikes"), whom it
                      is against ("anti-India rallies")
    protests.py       a state's diplomatic protest (ACCUSE) and people's street protest
    bombings.py       a bomb that went off: its target is where it went off
    discards.py       PETRARCH2's discard list: sports, entertainment, not to code
    assemble.py    candidates of a sentence into events: complements absorbed, merging
    coder.py       the stage: sentences -> Event records

The cross-article merge is ``chronicler.corpus.events``; timelines are
``chronicler.views.timeline``; the PLOVER export is ``chronicler.outputs.plover``.
"""
