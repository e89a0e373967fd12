"""Outputs: files a user takes away.

    export.py       every record kind as JSONL / CSV / Parquet (the export contract)
    tables.py       typed tables of the records: Arrow schema (Parquet), flat rows (CSV,
                    pandas DataFrames)
    plover.py       an Event as a PLOVER-style JSON object (``export -f plover``)
    report.py       a story dossier as Markdown and self-contained HTML
"""
