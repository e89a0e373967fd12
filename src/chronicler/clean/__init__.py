"""Cleaning: a ``RawDoc`` in, an ``Article`` out (pure, no I/O).

    article.py   page residue, paragraphs, article assembly (``build_article``), language
    metadata.py  publication date, byline, outlet and title from plain text

Cleaning sits above ``ingest`` and below the per-article stages (``nlp``).
"""
