"""Shared text helpers, used by every layer above: no spaCy, no store.

    fold.py   one key fold: accents stripped, case folded
    dates.py  one month-name grammar for explicit dates
"""
