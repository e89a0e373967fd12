"""chronicler's supplement to the CAMEO verb dictionary (data/dictionaries/
CAMEO.chronicler.txt), irregular verb forms, and counting heads ("hundreds of X").

The supplement is merged after the vendored file: a vendored pattern that matches
wins, the supplement's patterns are tried when none does, and its verbs never replace
a vendored verb's own code. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.nlp.events.cameo import parse_verbs
from chronicler.nlp.events.dictionaries import load_field_dictionaries
from chronicler.nlp.events.verbmatch import match_verb
from tests.eventcode import code

BASE = """\
&MILITARY
+TROOPS

---  STRENGTHEN   [---]  ---
STRENGTHEN
FORTIFY {FORTIFIES FORTIFYING FORTIFIED }
- * SANCTIONS                                         [163]
"""

EXTRA = """\
---  MASS_FORCES   [---]  ---
STRENGTHEN
MASS
- * &MILITARY                                         [154]
- * SANCTIONS                                         [152]

---  RETAKE   [192]  ---
RETAKE {RETAKES RETAKING RETOOK RETAKEN }
"""


def _merged():  # type: ignore[no-untyped-def]
    base = parse_verbs(BASE.splitlines(), "base.txt")
    return parse_verbs(EXTRA.splitlines(), "extra.txt", base=base)


def test_supplement_adds_after_the_vendored_entries() -> None:
    v = _merged()
    # the vendored family first, the supplement's after it
    assert [v.families[e.family].name for e in v.verbs["strengthen"]] == [
        "STRENGTHEN", "MASS_FORCES"]
    assert [v.families[e.family].name for e in v.verbs["mass"]] == ["MASS_FORCES"]
    # the vendored synset is known to the supplement's patterns
    mass = v.families[v.verbs["mass"][0].family]
    assert ("troops",) in mass.patterns[0].post[0]
    # irregular forms are kept apart, for a token's own form only
    assert "retook" in v.forms and "retook" not in v.verbs
    assert "fortified" in v.forms


def test_supplement_matching_order(analyzer) -> None:  # type: ignore[no-untyped-def]
    v = _merged()
    crosswalk = load_field_dictionaries().crosswalk

    def coded(text: str, word: str) -> str | None:
        doc = analyzer.nlp(text)
        tok = next(t for t in doc if t.lower_ == word)
        got = match_verb(tok, v, crosswalk)
        return got.code if got else None

    # the vendored pattern wins over the supplement's for the same object
    assert coded("Canada strengthened sanctions on the regime.", "strengthened") == "163"
    # the supplement's pattern where no vendored one matches
    assert coded("Chile strengthened its troops in the north.", "strengthened") == "154"
    # neither: the vendored family's null code
    assert coded("Chile strengthened its economy.", "strengthened") is None
    assert coded("The rebels retook the hill town.", "retook") == "192"


def test_packaged_supplement_loads_clean() -> None:
    fd = load_field_dictionaries()
    assert not [p for p in fd.problems if p.startswith("CAMEO.chronicler.txt")]
    assert any(e.needs == ("over",) for e in fd.verbs.verbs["hand"])
    for lemma in ("retake", "lynch", "bulldoze", "demobilize", "picket"):
        assert lemma in fd.verbs.verbs, lemma


def typed(analyzer, text: str) -> list[tuple[str, set[str], set[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, {a.country for a in e.actor if a.country},
             {a.country for a in e.recipient if a.country}) for e in code(analyzer, text)]


@pytest.mark.parametrize(("text", "want"), [
    # handing over goods is aid; a letter is nothing
    ("Norwegian nurses handed over three truckloads of medicines to the Red Crescent.",
     [("AID", {"NOR"}, {"NGO"})]),
    ("The envoy handed over a letter from the king.", []),
    # armed forces reinforced or massed: mobilising
    ("Algeria has strengthened its forces near the Libyan border.",
     [("MOBILIZE", {"DZA"}, {"LBY"})]),
    # aid reduced
    ("Denmark reduced its aid to Tanzania after the vote.", [("SANCTION", {"DNK"}, {"TZA"})]),
    # executing people, not a plan
    ("The Burmese junta executed four students on Friday.", [("ASSAULT", {"MMR"}, {"MMR"})]),
    ("The ministry executed its budget plan on time.", []),
    # a road, a bridge or a railway blocked by people: obstruction (PROTEST); an aid
    # convoy blocked by an army stays the vendored pattern's restriction (COERCE)
    ("Bolivian truckers barricaded the railway to the port for a week.",
     [("PROTEST", {"BOL"}, {"BOL"})]),
    ("The Chilean army blocked the aid convoy to the valley.", [("COERCE", {"CHL"}, {"CHL"})]),
    # suing, indicting, prosecuting: ACCUSE allege (PLOVER), not an arrest
    ("A Greek shipowner is suing the Turkish government over the seized cargo.",
     [("ACCUSE", {"GRC"}, {"TUR"})]),
    ("A Belgian court indicted three Rwandan officers for war crimes.",
     [("ACCUSE", {"BEL"}, {"RWA"})]),
])
def test_supplement_verbs_in_sentences(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


@pytest.mark.parametrize(("text", "country", "sector"), [
    ("Hundreds of Malian rebels attacked an army post near Gao.", "MLI", "REB"),
    ("Dozens of Ghanaian police raided the market.", "GHA", "COP"),
    ("A group of Chadian soldiers crossed the river at dawn and shelled the camp.", "TCD",
     "MIL"),
])
def test_a_counting_head_is_the_people_it_counts(analyzer, text: str, country: str,  # type: ignore[no-untyped-def]
                                                 sector: str) -> None:
    evs = code(analyzer, text)
    assert evs, text
    a = evs[-1].actor[0]
    assert (a.country, a.sector) == (country, sector)
    assert a.name.split()[0].lower() not in ("hundreds", "dozens", "group")


def test_a_pattern_naming_the_object_beats_one_naming_a_word_inside_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    fd = load_field_dictionaries()
    doc = analyzer.nlp("The envoy expressed disappointment over Danish support for Iceland.")
    got = match_verb(next(t for t in doc if t.lower_ == "expressed"), fd.verbs, fd.crosswalk)
    assert got is not None and got.code.startswith("11")  # disapproval, not "support" 032
    doc = analyzer.nlp("The envoy expressed support for the Danish plan.")
    got = match_verb(next(t for t in doc if t.lower_ == "expressed"), fd.verbs, fd.crosswalk)
    assert got is not None and not got.code.startswith("11")


@pytest.mark.parametrize(("text", "want"), [
    # a ceasefire only offered, on a condition of the other side: AGREE, addressed to it
    ("Eritrea signals readiness to halt hostilities if Ethiopia reciprocates.",
     [("AGREE", {"ERI"}, {"ETH"})]),
    ("Chad offered to stop the fighting if Sudan reciprocates.", [("AGREE", {"TCD"}, {"SDN"})]),
    # agreed by both: the ceasefire itself
    ("Chad and Sudan agreed to halt hostilities.", [("RETREAT", {"TCD", "SDN"}, set())]),
])
def test_an_offered_ceasefire_is_an_intent(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # whose demand, proposal or right a verb answers is its recipient
    ("Kenya has conceded to demands from Kenyan teachers.", [("CONCEDE", {"KEN"}, {"KEN"})]),
    ("Chile rejected a proposal by Bolivia on the border.", [("REJECT", {"CHL"}, {"BOL"})]),
    ("Canada defended the right of Haitian farmers to protest.",
     [("SUPPORT", {"CAN"}, {"HTI"})]),
    # an abstract "of" is what is asked, not who asks
    ("Ghana rejected any suggestion of Togolese involvement.", [("REJECT", {"GHA"}, set())]),
])
def test_the_owner_of_what_is_answered(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # whom a protest's purpose names is its recipient; protesters with no country of
    # their own take the only country the sentence names (a protest is domestic)
    ("Jailed Islamists continued their hunger strike to demand the release of the Moroccan "
     "cleric.", [("PROTEST", {"MAR"}, {"MAR"})]),
    ("Students marched in Bamako to demand the resignation of the Malian minister.",
     [("PROTEST", {"MLI"}, {"MLI"})]),
])
def test_a_protest_is_against_whom_its_purpose_names(analyzer, text: str, want: list) -> None:  # type: ignore[no-untyped-def]
    assert typed(analyzer, text) == want


def test_the_by_of_a_series_of_attacks(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "a series (wave, round) of attacks ... by X": the parser hangs "by" on the series
    assert typed(analyzer, "The raids came after a wave of attacks on two Malian bases by "
                           "Nigerien drones.") == [("ASSAULT", {"NER"}, {"MLI"})]
