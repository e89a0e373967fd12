"""The pattern files: they load, cover every PLOVER type, and fail loudly when wrong."""

from __future__ import annotations

import pytest

from chronicler.errors import ConfigError
from chronicler.nlp.events.operations import find_operations
from chronicler.nlp.events.patterns import PLOVER_TYPES, build_lexicon, data_files, load_lexicon


def test_every_plover_type_has_a_pattern_file() -> None:
    lex = load_lexicon()
    assert set(lex.types) == set(PLOVER_TYPES)
    for spec in lex.types.values():
        assert spec.cameo and spec.quad
        assert all(-10 <= m.score <= 10 for m in spec.modes.values())


def test_triggers_are_indexed_by_lemma() -> None:
    lex = load_lexicon()
    assert {r.type for r in lex.rules_for("strike")} >= {"ASSAULT", "PROTEST"}
    assert {r.type for r in lex.rules_for("ceasefire")} == {"RETREAT"}
    assert lex.rules_for("weather") == ()
    # "say" codes only a demand it reports ("said the US must mediate")
    assert [r.id for r in lex.rules_for("say")] == ["request.must"]


def test_scores_follow_the_ontology() -> None:
    t = load_lexicon().types
    assert t["RETREAT"].modes["ceasefire"].score == 7.5
    assert t["REQUEST"].modes["change"].score == -1
    assert t["REJECT"].modes["meet"].score == -2
    assert t["SANCTION"].modes["expel"].score == -5.5
    assert t["CONSULT"].modes["phone"].score == 1.5
    assert t["ASSAULT"].score == -9 and t["AID"].score == 10


GOOD = 'type = "AID"\nscore = 10\ncameo = "07"\n[[triggers]]\nlemmas = ["donate"]\n'


@pytest.mark.parametrize(("text", "message"), [
    ('type = "HUG"\nscore = 1\n', "not a PLOVER type"),
    (GOOD + 'colour = "red"\n', "unknown key"),
    (GOOD.replace('lemmas = ["donate"]', 'lemmas = ["donate"]\nmode = "x"'), "mode 'x'"),
    (GOOD.replace('lemmas = ["donate"]', 'lemmas = []'), "no lemmas"),
    (GOOD.replace('lemmas = ["donate"]', 'lemmas = ["donate"]\npos = "adverb"'), "pos"),
    (GOOD.replace('lemmas = ["donate"]', 'lemmas = ["donate"]\nrequires_scope = "world"'),
     "scope"),
    ("type = ", "aid.toml"),
])
def test_bad_pattern_files_fail_with_the_file_named(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_lexicon({"aid.toml": text})


def test_a_user_file_extends_a_type() -> None:
    files = dict(data_files())
    files["aid.toml"] += '\n[[triggers]]\nid = "aid.airdrop"\nlemmas = ["airdrop"]\n'
    lex = build_lexicon(files)
    assert [r.id for r in lex.rules_for("airdrop")] == ["aid.airdrop"]


@pytest.mark.parametrize(("text", "names"), [
    ("India launched Operation Sindoor on May 7.", ["Operation Sindoor"]),
    ("strikes under the operation \"Bunyan Marsoos,\" began", ["Operation Bunyan-um-Marsoos"]),
    ("Pakistan's Operation Bunyan-um-Marsoos", ["Operation Bunyan-um-Marsoos"]),
    ("the Iron Lantern strikes", ["Operation Iron Lantern"]),
    ("Operation “Desert Fox” was launched", ["Operation Desert Fox"]),
    ("the Operation Commander said", []),
    ("a military operation against India", []),
])
def test_operations(text: str, names: list[str]) -> None:
    assert [o.name for o in find_operations(text, load_lexicon())] == names
