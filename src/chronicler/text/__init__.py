"""Shared text helpers, used by every layer above: no spaCy, no store.

    dates.py     the one date grammar: expressions -> calendar dates with a precision
    fold.py      the one key fold: accents stripped, case folded
    terminal.py  text made safe to print on a terminal
"""
