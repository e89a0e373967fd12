"""The bundled demo corpus: original fiction about a crisis between two invented states.

Nothing here is real news. ``FACTS.md`` is the annotators' fact sheet (countries, people,
timeline, contested claims, wire-copy groups); ``actors.json`` is its machine-readable
actor list. The corpus covers every input format chronicler reads: ``.txt``, ``.html``,
``.jsonl``, an RSS 2.0 feed (``.xml``), an Atom feed (``.atom``) and a CC-NEWS-style
``.warc.gz`` (rebuilt from ``warc_src/`` by ``python -m tests.fixtures.build_warc``).
"""

from __future__ import annotations

from pathlib import Path

DEMO_DIR: Path = Path(__file__).resolve().parent
CORPUS_DIR: Path = DEMO_DIR / "corpus"
FACTS_PATH: Path = DEMO_DIR / "FACTS.md"
ACTORS_PATH: Path = DEMO_DIR / "actors.json"

_SUFFIXES = (".txt", ".html", ".jsonl", ".xml", ".atom", ".warc.gz")


def corpus_paths() -> list[Path]:
    """Every corpus file, sorted by name (one file may hold several articles)."""
    return sorted(
        p for p in CORPUS_DIR.iterdir() if p.is_file() and p.name.endswith(_SUFFIXES)
    )


__all__ = ["ACTORS_PATH", "CORPUS_DIR", "DEMO_DIR", "FACTS_PATH", "corpus_paths"]
