"""PETRARCH2's discard list (``Phoenix.discards.txt``): sentences and stories not to code.

The field's coders learned that sports, entertainment and anniversaries produce events
that never happened: "India beat Pakistan by six wickets in the Asia Cup final" is an
ASSAULT to a verb dictionary. PETRARCH skips a sentence that contains a phrase of the
list, and a whole story that contains a phrase marked ``+``. Format (``dictionaries.rst``,
"Discard List"): one phrase per line, ``#`` starts a comment; a phrase matches where a
word starts (PETRARCH prefixes it with a blank), case aside; a phrase ending in ``_``
must also end at a word's end, any other is a stem ("CHAMPION" matches "championship").

chronicler applies the list as PETRARCH does with one difference, documented in
``data/dictionaries/README.md``: its first block, the bare years 1914-2013 and phrases such as
"YEARS AGO" (PETRARCH's way of skipping chronologies), is not applied, because the coder
keeps such events and flags them ``historical`` (a four-digit year in "the 1971 war" is
how crisis news recalls the past, and "two weeks ago" is often last week's news).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from chronicler.nlp.events.cameo import DictionaryError

FILE = "Phoenix.discards.txt"
# the block the coder's own ``historical`` flag handles (see the module docstring)
CHRONOLOGY = re.compile(r"^(1[89]\d\d|20\d\d|(\w+ )?(DAYS|WEEKS|MONTHS|YEARS) (LATER|AGO))$")


_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
# The characters ``\s`` matches (``str.isspace``), listed: a class of plain characters
# is one table lookup per character of the search's scan for a place a phrase may
# start, where ``\s`` is a category test at each (tests/test_events_discards.py checks
# the list against ``\s``)
BLANKS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_BEFORE = "[" + re.escape(BLANKS) + "\"'(\\[“‘]"  # (where a phrase may start)


@dataclass(frozen=True)
class Discards:
    """Phrases indexed by the first three letters of their first word: a text is read
    word by word with one dict lookup each (a regular expression of 450 alternatives
    tried at every position cost a tenth of the event coder's time). Where to read is
    found first by one expression over the text (``_where``): most sentences have no
    phrase of the list, and the expression says so with no step per word."""

    index: dict[str, tuple[tuple[str, bool, bool], ...]]  # key -> (phrase, whole, story)
    skipped: tuple[str, ...] = ()  # chronology phrases not applied
    story_keys: frozenset[str] = frozenset()  # keys of the story phrases

    def __post_init__(self) -> None:
        object.__setattr__(self, "_where", {story: _where(self.index, story)
                                            for story in (False, True)})

    def _find(self, text: str, story_only: bool) -> str | None:
        low = text.lower()
        first, later = self._where[story_only]  # type: ignore[attr-defined]
        at_start = first.match(low) is not None
        if not at_start and later.search(low) is None:
            return None  # (the expressions read a run of blanks as the list's one)
        low = _SPACE.sub(" ", low)
        keys = self.story_keys if story_only else self.index
        start = 0 if at_start else _next(later, low, 0)
        while start >= 0:
            m = _WORD.match(low, start)
            if m is not None and m.group()[:3] in keys:
                found = self._at(text, low, start, m.group()[:3], story_only)
                if found is not None:
                    return found
            start = _next(later, low, start)
        return None

    def _at(self, text: str, low: str, start: int, key: str, story_only: bool) -> str | None:
        """The phrase of ``key`` that starts at ``start``, or None."""
        if start and not low[start - 1].isspace() and low[start - 1] not in "\"'([“‘":
            return None  # PETRARCH matches where a blank (or an opening mark) precedes
        for phrase, whole, story in self.index.get(key, ()):
            if story_only and not story:
                continue
            if low.startswith(phrase, start) and not (
                    whole and start + len(phrase) < len(low)
                    and (low[start + len(phrase)].isalnum()
                         or low[start + len(phrase)] == "_")):
                return text_span(text, low, start, len(phrase))
        return None

    def story_discarded(self, text: str) -> str | None:
        """The ``+`` phrase that discards the whole text, or None."""
        return self._find(text, story_only=True)

    def sentence_discarded(self, text: str) -> str | None:
        """The phrase that discards this sentence, or None (a story phrase does too)."""
        return self._find(text, story_only=False)


def _next(later: re.Pattern[str], low: str, pos: int) -> int:
    """The next place past ``pos`` where a phrase may start, or -1."""
    hit = later.search(low, pos)
    return -1 if hit is None else hit.start() + 1


def _where(index: dict[str, tuple[tuple[str, bool, bool], ...]], story_only: bool
           ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where one of the phrases (the story phrases: ``story_only``) may start: at the
    text's start (the first expression, matched there), or after a blank or an opening
    mark (the second, searched). A phrase matches as ``Discards._at`` reads it: its
    words there, then no letter if it must end at a word's end; and a first word of
    fewer than three letters that is the whole phrase is a whole word (the list is
    keyed by a word's first three letters). Phrases share their beginnings (one
    alternative per letter), so a place costs a few comparisons. A blank in a phrase
    is any run of blanks: the text need not be normalised to learn that it has none."""
    tree: dict[str, Any] = {}
    for phrases in index.values():
        for phrase, whole, story in phrases:
            run = _WORD.match(phrase)
            if run is None or (story_only and not story):
                continue  # (a phrase not starting with a word is never read)
            node = tree
            for ch in phrase:
                node = node.setdefault(ch, {})
            # (a phrase "any" ends here whatever follows; "word" only at a word's end)
            kind = "word" if whole or (run.group() == phrase and len(phrase) < 3) else "any"
            node[""] = "any" if "any" in (kind, node.get("")) else "word"

    def expr(node: dict[str, Any]) -> str:
        if node.get("") == "any":
            return ""  # (a phrase ends here, whatever follows)
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + expr(sub)
                for ch, sub in sorted(node.items()) if ch]
        if node.get("") == "word":
            alts.append(r"(?!\w)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    if not tree:
        never = re.compile(r"(?!)")
        return never, never
    body = expr(tree)
    return re.compile(body), re.compile(_BEFORE + body)


def text_span(text: str, low: str, start: int, n: int) -> str:
    """The matched words as the text writes them (case kept), when the whitespace
    normalisation left offsets alone; else the phrase as the list writes it."""
    return text[start:start + n] if low == text.lower() else low[start:start + n]


def parse_discards(lines: list[str], path: str = FILE) -> Discards:
    """The list's phrases; a ``+`` with no phrase is a ``DictionaryError`` (file, line)."""
    sentence: list[tuple[str, bool]] = []
    story: list[tuple[str, bool]] = []
    skipped: list[str] = []
    for n, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        whole_story = text.startswith("+")
        phrase = text.lstrip("+").strip()
        if not phrase:
            raise DictionaryError(path, n, "a story discard with no phrase", raw)
        if not whole_story and CHRONOLOGY.match(phrase.upper()):
            skipped.append(phrase)
            continue
        whole = phrase.endswith("_")
        words = " ".join(phrase.rstrip("_").replace("_", " ").split())
        (story if whole_story else sentence).append((words, whole))
    index: dict[str, list[tuple[str, bool, bool]]] = {}
    for group, is_story in ((sentence, False), (story, True)):
        for phrase, whole in group:
            low = phrase.lower()
            first = _WORD.match(low)
            key = first.group()[:3] if first else low[:3]
            index.setdefault(key, []).append((low, whole, is_story))
    # longer phrases first, so the match reported is the most specific
    return Discards(index={k: tuple(sorted(v, key=lambda x: -len(x[0])))
                           for k, v in index.items()}, skipped=tuple(skipped),
                    story_keys=frozenset(k for k, v in index.items() if any(x[2] for x in v)))


@lru_cache(maxsize=1)
def load_discards() -> Discards:
    """The package's vendored list (about 500 phrases; parsed in a few milliseconds)."""
    root = resources.files("chronicler").joinpath("data/dictionaries")
    text = root.joinpath(FILE).read_bytes().decode("utf-8", errors="replace")
    return parse_discards(text.splitlines())
