"""The field-dictionary readers: each PETRARCH2/Phoenix/PLOVER format, malformed lines
named by file and line, office holders by date, agents, the crosswalk and the cache.

Small inline dictionaries exercise the formats; the vendored files are read once to
check that they load whole (every line but the few listed in data/dictionaries/README).
"""

from __future__ import annotations

import pickle
import time
from datetime import date
from pathlib import Path

import pytest

from chronicler.nlp.actors.phoenix import (
    merge_actors,
    parse_actors,
    parse_agents,
    split_code,
)
from chronicler.nlp.events.cameo import (
    DictionaryError,
    parse_crosswalk,
    parse_verbs,
    plover_of,
)
from chronicler.nlp.events.dictionaries import FILES, compile_dictionaries, load_from

VERBS = """\
# comment line
&CURRENCY
+DOLLAR
+CASH_

&NEGOTIATION_
+TALKS
+NEGOTIATIONS

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
REQUEST  [020]
QUERY {QUERYING QUERIES QUERIED }
- * &CURRENCY                                         [0231]        # REQUEST
- * {HUMANITARIAN AID}                                [0233]        # ASK
- * (FOR {FINANCIAL AID})                             [0231]        # ASK
- PROSECUTOR * &NEGOTIATION                           [173]         # REQUEST

---  ARRANGE   [---]  ---
SET
- * OFF (FOR)                                         [042:043]     # SET
- * (BEFORE COURT)                                    [:173]        # APPEAR

---  DISGRACE   [110]---  ---
HUMILIATE
~ a (a b ATTACK) SAY = a b 015
"""


def lines(text: str) -> list[str]:
    return text.splitlines()


# ---------------------------------------------------------------- verb dictionary
def test_verb_families_synsets_and_patterns() -> None:
    v = parse_verbs(lines(VERBS), "t.txt")
    assert [f.name for f in v.families] == ["ASK", "ARRANGE", "DISGRACE"]
    ask = v.families[0]
    assert ask.code == ""  # [---]: the bare family codes nothing
    # synsets expand, with regular plurals unless the phrase ends in "_"
    cur = ask.patterns[0].post[0]
    assert ("dollar",) in cur and ("dollars",) in cur and ("cash",) in cur
    assert ("cashs",) not in cur
    # {A B}: a phrase, head last; (PREP NOUN): a prepositional phrase
    assert ask.patterns[1].post[0] == (("humanitarian", "aid"),)
    assert ask.patterns[2].preps == (("for", (("financial", "aid"),)),)
    assert ask.patterns[3].pre == ((("prosecutor",),),)
    # a multi-word verb: its lemma and the word it needs; irregular forms are dropped
    ask_for = [e for e in v.verbs["ask"] if e.needs]
    assert ask_for and ask_for[0].needs == ("for",) and ask_for[0].code == "020"
    assert v.verbs["query"][0].code is None  # the family's code
    # [A:B] and [:B]: the source's and the target's codes
    arrange = v.families[1]
    assert (arrange.patterns[0].code, arrange.patterns[0].back) == ("042", "043")
    assert (arrange.patterns[1].code, arrange.patterns[1].back) == ("", "173")
    # a header with a stray "---" still reads; the family's code is its default
    assert v.families[2].code == "110" and "humiliate" in v.verbs


@pytest.mark.parametrize("bad, why", [
    ("- * AID [07X]", "bad CAMEO code"),
    ("- * AID", "without a [CODE]"),
    ("- AID [070]", "verb marker"),
    ("TWO WORDS", "one verb"),
])
def test_malformed_verb_line_names_file_and_line(bad: str, why: str) -> None:
    text = VERBS + bad + "\n"
    n = len(lines(text))
    with pytest.raises(DictionaryError) as e:
        parse_verbs(lines(text), "CAMEO.test.txt")
    assert f"CAMEO.test.txt:{n}:" in str(e.value) and why in str(e.value)
    # collected instead: only that line is left out, the rest of the file reads
    errors: list[DictionaryError] = []
    v = parse_verbs(lines(text), "CAMEO.test.txt", errors)
    assert len(errors) == 1 and errors[0].line == n
    assert len(v.families) == 3 and "request" in v.verbs


def test_pattern_outside_a_family_is_an_error() -> None:
    with pytest.raises(DictionaryError, match=r"x\.txt:1: a pattern outside a verb family"):
        parse_verbs(["- * AID [070]"], "x.txt")


def test_undefined_synset_pattern_is_ignored_and_listed() -> None:
    v = parse_verbs(lines("---  A  [---]  ---\nGO\n- * &NOPE [040]\n- * HOME [042]\n"), "u")
    assert len(v.families[0].patterns) == 1
    assert v.ignored == ((3, "synset &NOPE used before it is defined"),)


# ---------------------------------------------------------------- crosswalk
CROSSWALK = """\
# header
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet or negotiate
10: REQUEST
1033: REQUEST, assist, humanitarian # Demand humanitarian aid
163: COERCE, restrict,   diplomatic # Impose embargo
173: COERCE, arrest, legal            # Arrest
"""


def test_a_wordless_pattern_codes_only_a_family_of_one() -> None:
    # written for one verb (its comment), a pattern with no words would recode the
    # whole family; alone in its family it is that verb's code
    text = """\
---  REPEAT   [010]  ---
ECHO
MOCK [111]
- * +                       [111]         # MOCK
- * APPEAL                  [020]         # REPEAT
---  DOCK   [---]  ---
DOCK
- *                         [042:043]     # DOCK
"""
    v = parse_verbs(lines(text))
    repeat, dock = v.families
    assert [p.code for p in repeat.patterns] == ["020"]
    assert [(p.code, p.back) for p in dock.patterns] == [("042", "043")]
    assert [n for n, _ in v.ignored] == [4]


def test_crosswalk_and_fallbacks() -> None:
    cw = parse_crosswalk(lines(CROSSWALK))
    assert plover_of("036", cw).type == "AGREE"
    assert plover_of("1033", cw).mode == "assist"
    assert plover_of("1033", cw).contexts == ("humanitarian",)
    assert plover_of("163", cw).type == "COERCE"  # PLOVER moved sanctions to COERCE
    assert plover_of("0361", cw).type == "AGREE"  # a finer code: its prefix
    assert plover_of("0233", cw).type == "REQUEST"  # appeal: its demand counterpart
    assert plover_of("071", cw).type == "AID"
    assert plover_of("010", cw) is None  # statements: no PLOVER event
    assert plover_of("", cw) is None


def test_crosswalk_malformed_line() -> None:
    with pytest.raises(DictionaryError, match=r"cw:2: "):
        parse_crosswalk(["036: AGREE, , diplomatic", "AGREE 036"], "cw")
    with pytest.raises(DictionaryError, match=r"cw:1: bad PLOVER type"):
        parse_crosswalk(["036: 12, , diplomatic"], "cw")


# ---------------------------------------------------------------- actors
ACTORS = """\
# .actor file
KENYA_  [KEN]
+KENYAN_
+NAIROBI_

ABDELAZIZ_BOUTEFLIKA_  # CountryInfo.txt
\t[DZAELI 550101-000101]
\t[DZAGOV >990427]
\t[DZAELI]

MWAI_KIBAKI_  # CountryInfo.txt
\t[KENELI 480101-000101]
\t[KENGOV >021230]
\t[KENELI]
"""

INTERNATIONAL = """\
THE_UNITED_NATIONS_ [IGOUNO]
UN_ [IGOUNO]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt
"""


def test_actor_records_synonyms_and_dates() -> None:
    a = parse_actors(lines(ACTORS), "c.txt")
    k = a.entries[a.phrases[("kenyan",)]]
    assert k.code_on(None) == "KEN" and split_code(k.code_on(None)) == ("KEN", "")
    assert a.phrases[("nairobi",)] == a.phrases[("kenya",)]
    b = a.entries[a.phrases[("abdelaziz", "bouteflika")]]
    assert b.code_on(date(2005, 6, 1)) == "DZAGOV"  # in office after April 1999
    assert b.code_on(date(1980, 1, 1)) == "DZAELI"
    assert b.code_on(None) == "DZAELI"  # no date: the open restriction
    kib = a.entries[a.phrases[("mwai", "kibaki")]]
    assert kib.code_on(date(2001, 1, 1)) == "KENELI"
    assert split_code(kib.code_on(date(2004, 1, 1))) == ("KEN", "GOV")


@pytest.mark.parametrize(("code", "parts"), [
    ("SAFREB", ("SAF", "REB")),  # a region: CAMEO's code, kept
    ("BUDREB", ("", "REB")),  # a religion names no country
    ("KKLREB", ("", "REB")),  # an editor's initials typed into the code
    ("ANGREB", ("AGO", "REB")),  # UNITA: Angola's code misspelt
])
def test_codes_that_name_no_country_or_misspell_one(code: str, parts: tuple[str, str]) -> None:
    assert split_code(code) == parts


# name variants written as primary lines without "+" (as the Phoenix files list many
# office holders), a deliberate null, and a null followed by a blank line
RUNS = """\
ARNO_VESK_  # CountryInfo.txt
ARNO_K._VESK
+PRESIDENT_VESK
VESK
\t[ESTELI 500101-920101]
\t[ESTGOV 920101-960101]
\t[ESTELI 960101-020101]
SOUTHERN_OCEAN  [---]
TARTU_COUNCIL
\t[ESTGOVLOC]
BALTIC_FORUM_

# another record
NARVA_BOARD_  [EST]
"""


def test_codeless_primary_lines_in_a_run_are_one_record() -> None:
    a = parse_actors(lines(RUNS), "r.txt")
    vesk = a.phrases[("arno", "vesk")]
    assert a.phrases[("arno", "k.", "vesk")] == a.phrases[("vesk",)] == vesk
    assert a.phrases[("president", "vesk")] == vesk
    assert a.entries[vesk].code_on(date(1994, 1, 1)) == "ESTGOV"
    # a line with its own code ends a run and is a record of its own
    assert a.phrases[("southern", "ocean")] != a.phrases[("tartu", "council")]
    assert a.entries[a.phrases[("tartu", "council")]].code_on(None) == "ESTGOVLOC"
    # a code-less record followed by a blank line stays a null of its own
    forum = a.entries[a.phrases[("baltic", "forum")]]
    assert forum.code_on(None) == "" and a.phrases[("narva", "board")] != a.phrases[
        ("baltic", "forum")]


def test_nationality_outside_the_dates() -> None:
    a = parse_actors(lines(RUNS + ACTORS), "r.txt")
    vesk = a.entries[a.phrases[("vesk",)]]
    assert vesk.code_on(date(2010, 1, 1)) == ""  # no code holds that day
    assert vesk.code_on(date(2010, 1, 1), nationality=True) == "EST"
    assert vesk.code_on(None, nationality=True) == "EST"
    bou = a.entries[a.phrases[("abdelaziz", "bouteflika")]]
    assert bou.code_on(None, nationality=True) == "DZAELI"  # an open code still wins


def test_international_restrictions_on_the_primary_line_and_merge() -> None:
    i = parse_actors(lines(INTERNATIONAL), "i.txt")
    dc = i.entries[i.phrases[("javier", "de", "cuellar")]]
    assert dc.code_on(date(1985, 1, 1)) == "IGOUNO"
    assert split_code("IGOUNO")[0] == "IGO"
    both = merge_actors([parse_actors(lines(ACTORS), "c"), i])
    assert both.entries[both.phrases[("un",)]].default == "IGOUNO"
    assert both.entries[both.phrases[("kenya",)]].default == "KEN"
    assert both.max_len == 3


@pytest.mark.parametrize("bad, why", [
    ("\t[KENGOV 9008223-911221]", "bad date '9008223'"),
    ("\t[KEN-GOV]", "bad actor code"),
    ("\t[KENGOV 20121204]", "bad date restriction"),
    ("+FAEROYENE]_", "an actor line is"),
])
def test_malformed_actor_line_names_file_and_line(bad: str, why: str) -> None:
    text = ACTORS + bad + "\n"
    with pytest.raises(DictionaryError) as e:
        parse_actors(lines(text), "Phoenix.test.txt")
    assert f"Phoenix.test.txt:{len(lines(text))}:" in str(e.value) and why in str(e.value)
    errors: list[DictionaryError] = []
    a = parse_actors(lines(text), "Phoenix.test.txt", errors)
    assert len(errors) == 1 and ("kenya",) in a.phrases


def test_restriction_outside_a_record() -> None:
    with pytest.raises(DictionaryError, match=r"x:1: a date restriction outside a record"):
        parse_actors(["\t[KENGOV]"], "x")


# ---------------------------------------------------------------- agents
AGENTS = """\
<!-- AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
POLICE {} [~COP] # police
POLICE!PERSON!  [~COP]
REBEL [~REB]
DEMONSTRATOR [~OPP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001
DEPARMENT_OF_ENVIRONMENT [~ENV}
"""


def test_agents_plurals_substitutions_and_prefixes() -> None:
    ag = parse_agents(lines(AGENTS), "agents")
    assert ag.phrases[("police",)].sector == "COP"
    assert ("polices",) not in ag.phrases  # {}: no plural
    assert ag.phrases[("policewomen",)].sector == "COP"  # !PERSON!
    assert ag.phrases[("rebels",)].sector == "REB"  # the regular plural
    assert ag.phrases[("demonstrators",)].sector == "OPP"
    assert ag.phrases[("attorneys", "general")].sector == "GOV"
    assert ("attorney", "generals") not in ag.phrases
    assert ag.phrases[("human", "rights", "body")].prefix == "NGO"
    assert ag.phrases[("deparment", "of", "environment")].sector == "ENV"  # "}" typo read


def test_malformed_agent_line() -> None:
    with pytest.raises(DictionaryError, match=r"agents:3: an agent line is"):
        parse_agents(["POLICE {} [~COP]", "", "ISLAMIC_EXTREMIST"], "agents")
    with pytest.raises(DictionaryError, match=r"agents:1: an agent code has a '~'"):
        parse_agents(["POLICE [COP]"], "agents")


# ---------------------------------------------------------------- the vendored files
def test_vendored_files_load_whole_and_cache(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "src/chronicler/data/dictionaries"
    texts = {f: (root / f).read_bytes() for f in FILES}
    fd = compile_dictionaries(texts)
    # every family, ~4,600 patterns, ~34,000 actor phrases: not a subset
    assert len(fd.verbs.families) > 390
    assert sum(len(f.patterns) for f in fd.verbs.families) > 4500
    assert len(fd.actors.phrases) > 30000 and len(fd.agents.phrases) > 4000
    assert len(fd.crosswalk) > 250
    # the lines left out are few, each named by file and line (data/dictionaries/README)
    assert 0 < len(fd.problems) <= 20
    assert all(p.split(":")[0] in FILES and p.split(":")[1].isdigit() for p in fd.problems)
    for licence in ("LICENSE.petrarch2", "LICENSE.plover", "README.md"):
        assert (root / licence).exists()
    # the compiled cache: written once, read back equal, and fast
    first = load_from(root, tmp_path)
    (pkl,) = tmp_path.glob("field-*.pickle")
    t = time.perf_counter()
    again = load_from(root, tmp_path)
    assert time.perf_counter() - t < 5.0  # ~0.3 s; generous for a loaded CI machine
    assert again.crosswalk == first.crosswalk and again.verbs.verbs == first.verbs.verbs
    # a different file is a different key: a stale pickle is never read
    assert isinstance(pickle.loads(pkl.read_bytes()), type(first))


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "src/chronicler/data/dictionaries"
    load_from(root, tmp_path)
    (pkl,) = tmp_path.glob("field-*.pickle")
    pkl.write_bytes(b"not a pickle")
    fd = load_from(root, tmp_path)
    assert len(fd.verbs.families) > 390


def test_a_name_written_with_its_abbreviation_is_the_name_too() -> None:
    # Phoenix lists some groups twice: with "(ABBR)" under a country, and bare under a
    # region's code; the name as written without the abbreviation is the first record's
    a = parse_actors(lines("KIVU_LIBERATION_FRONT_(KLF)_ [CODREB]\n"
                           "KIVU_LIBERATION_FRONT_ [IMGCAFMUS]\n"), "m.txt")
    k = a.entries[a.phrases[("kivu", "liberation", "front")]]
    assert k.code_on(None) == "CODREB"
    assert a.phrases[("kivu", "liberation", "front", "(klf)")] == a.phrases[
        ("kivu", "liberation", "front")]
