"""PETRARCH2's discard list: the loader on its format, and the coder skipping what it
marks (sports and entertainment are no events). Sentences written for these tests."""

from __future__ import annotations

import re
import sys

import pytest

from chronicler.nlp.events.cameo import DictionaryError
from chronicler.nlp.events.discards import BLANKS, load_discards, parse_discards
from tests.eventcode import code

LIST = """# comment line
1950
YEARS AGO
CHAMPION
GROUP A_
+GRAND PRIX   # a comment after the phrase
SPOT KICK
"""


def test_loader_reads_phrases_stems_whole_words_and_story_marks() -> None:
    d = parse_discards(LIST.splitlines())
    assert d.sentence_discarded("He won the championship on Sunday.") == "champion"
    assert d.sentence_discarded("Group A teams met.") == "Group A"
    assert d.sentence_discarded("Group Alpha met.") is None  # "_": a whole word
    assert d.sentence_discarded("A spot kick decided it.") == "spot kick"
    assert d.sentence_discarded("The autochampion ran.") is None  # starts at a word
    assert d.story_discarded("Before the Grand Prix, ...") == "Grand Prix"
    assert d.story_discarded("He won the championship.") is None  # not a "+" phrase
    assert d.sentence_discarded("The Grand Prix was held.") == "Grand Prix"
    # the chronology block is the coder's ``historical`` flag's job
    assert d.skipped == ("1950", "YEARS AGO")
    assert d.sentence_discarded("The 1950 war began years ago.") is None


def test_blanks_are_what_backslash_s_matches() -> None:
    """The listed blanks a phrase may follow are exactly ``\\s``'s characters."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert BLANKS == "".join(re.findall(r"\s", every)) == "".join(
        filter(str.isspace, every))
    d = parse_discards(LIST.splitlines())
    for blank in BLANKS:
        assert d.sentence_discarded(f"He won the{blank}championship.") == "champion"


def test_loader_names_file_and_line_of_a_bad_line() -> None:
    with pytest.raises(DictionaryError, match=r"Phoenix.discards.txt:3: .*story discard"):
        parse_discards(["CRICKET", "# x", "+   # nothing"])


def test_the_vendored_list_loads() -> None:
    d = load_discards()
    assert d.sentence_discarded("They lost in the hockey final.") == "hockey"
    assert d.story_discarded("Crowds watched the Super Bowl.") == "Super Bowl"


@pytest.mark.parametrize("text", [
    "India beat Pakistan by six wickets in Dubai on Sunday.",
    "Pakistan crushed India in the hockey semi-final on Monday.",
])
def test_sports_sentences_code_nothing(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(analyzer, text) == []


def test_a_story_discard_silences_the_story(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Merovia attacked Kaldorian border posts on Monday. Fans gathered for the "
            "Super Bowl in the capital.")
    assert code(analyzer, text) == []
    assert [e.type for e in code(analyzer, text.split(" Fans")[0])] == ["ASSAULT"]


def test_a_past_war_is_not_discarded(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Merovia attacked Kaldoria in 1971, killing 40 soldiers.")
    assert [e.type for e in got] == ["ASSAULT"] and got[0].historical


def _word_by_word(d, text: str, story_only: bool) -> str | None:  # type: ignore[no-untyped-def]
    """The list read as PETRARCH reads it, every word looked up (the reference the
    expressions of ``Discards`` only make faster)."""
    import re
    low = re.sub(r"\s+", " ", text.lower())
    keys = d.story_keys if story_only else d.index
    for m in re.finditer(r"\w+", low):
        start = m.start()
        if m.group()[:3] not in keys or (
                start and not low[start - 1].isspace() and low[start - 1] not in "\"'([“‘"):
            continue
        for phrase, whole, story in d.index[m.group()[:3]]:
            end = start + len(phrase)
            if (story or not story_only) and low.startswith(phrase, start) and not (
                    whole and end < len(low) and (low[end].isalnum() or low[end] == "_")):
                return low[start:end]
    return None


def test_the_expressions_find_what_a_word_by_word_reading_finds() -> None:
    d = parse_discards(["CHAMPION", "GROUP A_", "+GRAND PRIX", "FJ", "AT BAT", "U.S. OPEN",
                        "AB_", "'X Y", "+GO_", "ZZ TOP_"])
    words = ["the", "champion", "championship", "autochampion", "group", "a", "alpha",
             "grand", "prix", "fj", "fjord", "at", "bat", "u.s.", "open", "ab", "abc", "'x",
             "x", "y", "go", "gone", "zz", "top", "topper", "(", '"', "“", "-", "_"]
    blanks = ["", " ", " ", "  ", "\n", " \t", "\u00a0"]
    texts = [" ".join(words), "Fjord fj.", "at bat", "at batting", "at\n\nbat", "(Group A)",
             "group a_b", "\u00a0Grand  Prix", "GO", "going", "x 'x y", ""]
    for k in range(600):  # made-up word runs, each word after a different blank
        texts.append("".join(words[(k * 7 + j * 11) % len(words)] + blanks[(k + j) % 7]
                             for j in range(1 + k % 9)))
    for text in texts:
        for story_only in (False, True):
            want = _word_by_word(d, text, story_only)
            got = d._find(text, story_only)
            assert (got is None) == (want is None), (text, story_only)
            assert got is None or got.lower() == want or " ".join(got.lower().split()) == want
