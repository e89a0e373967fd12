"""Outputs: files a user takes away.

    export.py       every record kind as JSONL / CSV / Parquet (the export contract)
    plover.py       an Event as a PLOVER-style JSON object (``export -f plover``)
    report.py       a story dossier as Markdown and self-contained HTML
"""
