"""Outlet keys (normalisation, alias file, per-corpus acronyms) and the one counter of
independent sources behind events' and claim groups' ``n_sources``."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicler.corpus.align import ArticleInfo, independent_sources
from chronicler.corpus.events import ArticleMeta, count_sources
from chronicler.corpus.sources import (
    ALIAS_FILE,
    aliases,
    count_independent,
    normalise,
    outlet_key,
    outlet_keys,
    parse_aliases,
)


# ------------------------------------------------------------------ normalisation
@pytest.mark.parametrize(("a", "b"), [
    ("The Hindu", "Hindu"), ("THE HINDU", "the hindu"),  # case, a leading "the"
    ("Dawn", "Dawn.com"), ("Dawn", "www.dawn.com"), ("Dawn", "dawn.com."),  # ".com"
    ("Agence France-Presse", "Agence France Presse"), ("A.P.", "AP"),  # punctuation
    ("Le Monde", "Lé Mondé"),  # accents
    ("Xinhua News Agency", "Xinhua"), ("Anadolu Agency", "Anadolu"),  # agency suffixes
    ("Reuters'", "Reuters"), ("Times & Star", "Times and Star"),
])
def test_normalise_merges_spelling_variants(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [
    ("ABC News", "ABC"),  # "news" is part of a name: ABC News (US) is not ABC (Australia)
    ("Continental Press Agency", "Continental Press"),  # "agency" after two words stays
    ("Press Agency", "Press"),  # ... and after a generic word
    ("tribune.com.pk", "The Tribune"),  # only ".com" comes off a domain
    ("news.com", "news"),  # ... and not when a generic word would be left
    ("The Express Tribune", "The Tribune"),
])
def test_normalise_keeps_different_outlets_apart(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


@pytest.mark.parametrize("blank", [None, "", "   ", "—", "..."])
def test_no_name_has_no_key(blank: str | None) -> None:
    assert outlet_key(blank) is None


@given(st.text(max_size=40))
def test_normalise_is_idempotent(s: str) -> None:
    assert normalise(normalise(s)) == normalise(s)


# ------------------------------------------------------------------ alias file
@pytest.mark.parametrize("names", [
    ["AP", "Associated Press", "The Associated Press", "apnews.com", "A.P."],
    ["AFP", "Agence France-Presse", "agence france presse"],
    ["PTI", "Press Trust of India"],
    ["APP", "Associated Press of Pakistan"],
    ["Reuters", "Thomson Reuters", "reuters.com", "www.reuters.com"],
    ["The Hindu", "Hindu", "thehindu.com"],
    ["Dawn", "Dawn.com", "dawn.com"],
    ["The Express Tribune", "Express Tribune", "tribune.com.pk"],
    ["BBC", "BBC News", "bbc.co.uk", "bbc.com"],
    ["CPA", "Continental Press Agency", "cpa-wire.example"],  # the demo's wire agency
])
def test_alias_file_names_one_outlet(names: list[str]) -> None:
    assert len({outlet_key(n) for n in names}) == 1


def test_alias_file_keeps_agencies_apart() -> None:
    keys = [outlet_key(n) for n in ("AP", "APP", "AFP", "PTI", "ANI", "Reuters", "Dawn")]
    assert len(set(keys)) == len(keys)


def test_alias_file_is_consistent_and_keys_are_fixpoints() -> None:
    raw = tomllib.loads(resources.files("chronicler").joinpath(ALIAS_FILE).read_text("utf-8"))
    names = [n for e in raw["outlet"] for n in (e["name"], *e.get("aliases", []))]
    assert len(aliases()) >= 50
    for n in names:
        k = outlet_key(n)
        assert k is not None and outlet_key(k) == k, n


def test_alias_file_packaged_by_the_data_glob() -> None:
    """pyproject's package-data pattern "data/**/*" covers a file directly in data/."""
    root = Path(str(resources.files("chronicler")))
    assert root / ALIAS_FILE in set(root.glob("data/**/*"))


def test_an_alias_of_two_outlets_is_an_error() -> None:
    with pytest.raises(ValueError, match="names both"):
        parse_aliases('[[outlet]]\nname = "A One"\naliases = ["X"]\n'
                      '[[outlet]]\nname = "B Two"\naliases = ["x"]\n')
    with pytest.raises(ValueError, match="names both"):  # a name as another's alias
        parse_aliases('[[outlet]]\nname = "A One"\naliases = ["B Two"]\n'
                      '[[outlet]]\nname = "B Two"\n')


def test_user_aliases_parse() -> None:
    table = parse_aliases('[[outlet]]\nname = "Daily Bugle"\naliases = ["DB", "bugle.example"]\n')
    assert table == {"daily bugle": "daily bugle", "db": "daily bugle",
                     "bugle.example": "daily bugle"}


# ------------------------------------------------------------------ corpus acronyms
def test_acronym_takes_the_key_of_its_full_name() -> None:
    keys = outlet_keys(["KO", "The Kaldoria Observer", "Tirvan Tribune", None, ""])
    assert keys["KO"] == keys["The Kaldoria Observer"] == "kaldoria observer"
    assert set(keys) == {"KO", "The Kaldoria Observer", "Tirvan Tribune"}


def test_acronym_initials_skip_or_keep_small_words() -> None:
    keys = outlet_keys(["DB", "Daily of Bugle", "TOV", "Times of Vessa", "A.F.X.",
                        "Agence France-Xpress"])
    assert keys["DB"] == keys["Daily of Bugle"]  # initials of the content words
    assert keys["TOV"] == keys["Times of Vessa"]  # initials of every word
    assert keys["A.F.X."] == keys["Agence France-Xpress"]  # dots, hyphens


def test_ambiguous_acronym_is_left_alone() -> None:
    keys = outlet_keys(["TT", "Tirvan Tribune", "Tirvan Times"])
    assert keys["TT"] == "tt"
    assert keys["Tirvan Tribune"] != keys["Tirvan Times"]


def test_one_outlet_under_two_spellings_is_not_ambiguous() -> None:
    keys = outlet_keys(["MH", "The Merovia Herald", "Merovia Herald"])
    assert len(set(keys.values())) == 1


def test_acronym_without_its_full_name_stays() -> None:
    assert outlet_keys(["KO", "Tirvan Tribune"])["KO"] == "ko"
    assert outlet_keys(["Kaldoria Observer"]) == {"Kaldoria Observer": "kaldoria observer"}
    # the alias file resolves a listed acronym with no full name in the corpus
    assert outlet_keys(["CPA"])["CPA"] == "continental press agency"


def test_only_all_caps_acronyms_resolve() -> None:
    keys = outlet_keys(["Ko", "Kaldoria Observer", "KOBSERVER", "dawn.com"])
    assert keys["Ko"] == "ko" and keys["KOBSERVER"] == "kobserver"


# ------------------------------------------------------------------ counting
def test_copies_collapse_then_outlets_count_by_key() -> None:
    dup = {"c1": "o1", "c2": "o1", "cc": "o2"}  # c1, c2 copy o1; cc copies o2
    outlet = {"o1": "CPA", "c1": "The Varsk Ledger", "c2": "WC",
              "o2": "Continental Press Agency", "cc": "Lessara Voice",
              "ap": "AP", "tap": "The Associated Press", "n1": None, "n2": None}
    assert count_independent(["o1", "c1", "c2"], dup, outlet) == 1  # wire copies
    assert count_independent(["c1"], dup, outlet) == 1  # absent original names it
    assert count_independent(["o1", "o2"], dup, outlet) == 1  # CPA = Continental Press
    assert count_independent(["c1", "cc"], dup, outlet) == 1  # both copies of CPA
    assert count_independent(["ap", "tap", "o1"], dup, outlet) == 2
    assert count_independent(["n1", "n2"], dup, outlet) == 2  # unknown: own source each
    assert count_independent(["n1", "n1", "ap"], dup, outlet) == 2
    assert count_independent([], dup, outlet) == 0


def test_original_without_outlet_takes_the_first_member_s() -> None:
    dup = {"b": "a", "c": "a"}
    outlet = {"a": None, "b": "CPA", "c": "Tirvan Tribune", "d": "Continental Press Agency"}
    assert count_independent(["b", "c", "d"], dup, outlet) == 1  # the group is b's: CPA
    assert count_independent(["c", "d"], dup, outlet) == 2


def test_both_callers_count_alike() -> None:
    rows = {"o1": ("CPA", None), "c1": ("The Varsk Ledger", "o1"),
            "o2": ("Continental Press Agency", None), "h": ("The Hindu", None),
            "h2": ("thehindu.com", None), "x": (None, None), "mh": ("MH", None)}
    info = {a: ArticleInfo(o, g or a) for a, (o, g) in rows.items()}
    meta = {a: ArticleMeta(outlet=o, dup_group=g) for a, (o, g) in rows.items()}
    for ids, n in [(list(rows), 4), (["c1", "o2"], 1), (["h", "h2", "x"], 2),
                   (["c1", "unknown-id"], 2)]:
        assert independent_sources(ids, info) == count_sources(ids, meta) == n, ids


# ------------------------------------------------------------------ demo corpus
def test_demo_cpa_dateline_and_metadata_name_one_source(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """After ingest, CPA-dateline articles and "Continental Press Agency" articles count
    as one source, for merged events and for claim groups alike. A fast ingest (no
    NLP): the counting inputs come from the store's articles only."""
    import chronicler.corpus.events as merge
    from chronicler.config import Settings
    from chronicler.corpus.compare import _article_info
    from chronicler.demo import CORPUS_DIR
    from chronicler.run.cross import merge_stored_events
    from chronicler.run.pipeline import run_ingest
    from chronicler.store import open_store

    db = tmp_path / "demo.duckdb"
    store = open_store(db)
    try:
        run_ingest([str(CORPUS_DIR)], store, Settings.from_env(db=db, analyze=0))
        rows = store.conn.execute(
            "SELECT id, outlet FROM articles WHERE outlet IN ('CPA', 'Continental Press Agency')"
            " AND coalesce(dup_group, id) = id").fetchall()
        assert {o for _, o in rows} == {"CPA", "Continental Press Agency"}
        ids = [a for a, _ in rows]

        info = _article_info(store)
        assert independent_sources(ids, info) == 1

        seen: dict[str, dict[str, ArticleMeta]] = {}

        def capture(events, articles):  # type: ignore[no-untyped-def]
            seen["meta"] = dict(articles)
            return []

        monkeypatch.setattr(merge, "merge_events", capture)
        merge_stored_events(store)
        assert count_sources(ids, seen["meta"]) == 1
        # names shown to users are untouched
        assert {a.outlet for a in store.articles(ids=ids)} == {"CPA", "Continental Press Agency"}
    finally:
        store.close()
