from __future__ import annotations

from datetime import date

from chronicler.corpus.years import infer_corpus_years


def test_corpus_year_lent_to_yearless_articles():
    rows = [("dated", date(2025, 6, 5), None), ("jul", None, "--07-25"),
            ("may", None, "--05-10"), ("none", None, None), ("jan", None, "--01-03")]
    got = infer_corpus_years(rows)
    assert got == {"jul": date(2025, 7, 25), "may": date(2025, 5, 10), "jan": date(2025, 1, 3)}
    assert infer_corpus_years([("x", None, "--05-10")]) == {}
