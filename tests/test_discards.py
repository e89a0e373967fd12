"""PETRARCH2's discard list: the loader on its format, and the coder skipping what it
marks (sports and entertainment are no events). Sentences written for these tests."""

from __future__ import annotations

import pytest

from chronicler.nlp.events.cameo import DictionaryError
from chronicler.nlp.events.discards import load_discards, parse_discards
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
