"""Named military operations: "Operation Sindoor", "Bunyan-um-Marsoos".

``find_operations`` finds them in an article's text: the names and aliases listed in
``data/events/_operations.toml`` (with the country that runs each one), and any
"Operation X" written with a capitalised name (owner unknown). The coder links them
to the ASSAULT events they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronicler.nlp.events.patterns import Lexicon, Operation

# "Operation Sindoor", "Operation “Bunyan Marsoos”", "Operation Iron Lantern"
_GENERIC = re.compile(
    r"\bOperation\s+[\"“‘']?((?:[A-Z][\w’'-]*)(?:[\s-]+(?:(?:um|ul|e|al|of|the)[\s-]+)?"
    r"[A-Z][\w’'-]*){0,3})")
# Words after "Operation" that make it no name ("Operation Commander", "Operation Was").
_NOT_NAMES = frozenset({"was", "is", "has", "had", "and", "the", "in", "on", "of", "commander",
                        "chief", "room", "center", "centre", "director", "directorate"})


@dataclass(frozen=True)
class OperationMention:
    start: int
    end: int
    name: str  # canonical
    country: str | None


@lru_cache(maxsize=8)
def _alias_re(ops: tuple[Operation, ...]
              ) -> tuple[re.Pattern[str], dict[str, Operation], tuple[str, ...]]:
    """The aliases' pattern, the operation of each normalised form, and the first word of
    each form in lower case: a text holding none of them names no listed operation, and
    is not scanned (the pattern tried at every position cost a quarter of the index)."""
    by_form: dict[str, Operation] = {}
    for op in ops:
        for form in (op.name, *op.aliases):
            by_form[_norm(form)] = op
    forms = sorted({f for op in ops for f in (op.name, *op.aliases)}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]*")
                   for f in forms)
    firsts = tuple(sorted({_first_word(f) for f in forms}))
    return (re.compile(rf"(?<![\w-])(?:Operation\s+)?[\"“‘']?(?:{alt})(?![\w-])", re.I),
            by_form, firsts)


_FIRST_WORD = re.compile(r"[^\W_]+")


def _first_word(form: str) -> str:
    """The first word of an alias as any match of it holds it, in lower case ("" when
    it starts with no word: then every text is scanned)."""
    m = _FIRST_WORD.match(re.sub(r"^operation\s+", "", form, flags=re.I).lstrip("\"“‘'"))
    return m.group().lower() if m else ""


def _norm(s: str) -> str:
    s = re.sub(r"^operation\s+", "", s.strip().lower())
    return re.sub(r"[\s\-\"“”‘’']+", "", s)


def find_operations(text: str, lex: Lexicon) -> list[OperationMention]:
    """Every operation named in ``text``, in order, with canonical names."""
    found: list[OperationMention] = []
    taken: list[tuple[int, int]] = []
    rx, by_form, firsts = _alias_re(lex.operations) if lex.operations else (None, {}, ())
    low = text.lower() if firsts else ""
    if rx is not None and any(w in low for w in firsts):
        for m in rx.finditer(text):
            op = by_form.get(_norm(m.group(0)))
            if op is None:
                continue
            found.append(OperationMention(m.start(), m.end(), op.name, op.country))
            taken.append((m.start(), m.end()))
    for m in _GENERIC.finditer(text) if "Operation" in text else ():
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        name = m.group(1).strip(" -’'")
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        found.append(OperationMention(m.start(), m.end(), f"Operation {name}", None))
    found.sort(key=lambda o: o.start)
    return found
