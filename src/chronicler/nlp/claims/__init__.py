"""The claims stage ``chronicler.claims.v1``: check-worthy claims with who asserts them.

    hedges.py     hedge, attribution and denial cues (data/claims/cues.toml)
    sentences.py  one sentence read: asserter, negation, denial, kind, check-worthiness
    stage.py      the stage: Claim records (kind, hedge, polarity, asserter)
"""
