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

from chronicler.nlp.events.cameo import DictionaryError

FILE = "Phoenix.discards.txt"
# the block the coder's own ``historical`` flag handles (see the module docstring)
CHRONOLOGY = re.compile(r"^(1[89]\d\d|20\d\d|(\w+ )?(DAYS|WEEKS|MONTHS|YEARS) (LATER|AGO))$")


@dataclass(frozen=True)
class Discards:
    sentence: re.Pattern[str] | None  # any phrase: the sentence is not coded
    story: re.Pattern[str] | None  # a ``+`` phrase: the story is not coded
    skipped: tuple[str, ...] = ()  # chronology phrases not applied

    def story_discarded(self, text: str) -> str | None:
        """The ``+`` phrase that discards the whole text, or None."""
        m = self.story.search(text) if self.story is not None else None
        return m.group(1).strip() if m else None

    def sentence_discarded(self, text: str) -> str | None:
        """The phrase that discards this sentence, or None."""
        m = self.sentence.search(text) if self.sentence is not None else None
        return m.group(1).strip() if m else None


def _pattern(phrases: list[tuple[str, bool]]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alts = sorted({re.escape(p) + (r"(?![\w])" if whole else "") for p, whole in phrases},
                  key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s\"'(\[“‘]))(" + "|".join(alts) + ")", re.IGNORECASE)


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
    # a story discard also discards any sentence that has it
    return Discards(sentence=_pattern(sentence + story), story=_pattern(story),
                    skipped=tuple(skipped))


@lru_cache(maxsize=1)
def load_discards() -> Discards:
    """The package's vendored list (about 500 phrases; parsed in a few milliseconds)."""
    root = resources.files("chronicler").joinpath("data/dictionaries")
    text = root.joinpath(FILE).read_bytes().decode("utf-8", errors="replace")
    return parse_discards(text.splitlines())
