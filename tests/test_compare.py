"""Cross-article comparison: alignment, sources, contested status, stories, framing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest

from chronicler.corpus.align import ArticleInfo, align, independent_sources, numbers_agree
from chronicler.corpus.framing import framing_records, hedge_share, scare_quoted_terms
from chronicler.corpus.stories import StoryDoc, build_stories
from chronicler.records import Article, Asserter, Claim, ClaimEvidence, Place, Quote


def bow_embed(texts: Sequence[str]) -> np.ndarray:
    """Deterministic bag-of-words embedding: unit tests never load MiniLM."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"[a-z]+", t.lower()):
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 256] += 1.0
        n = np.linalg.norm(out[i])
        out[i] /= n or 1.0
    return out


def claim(cid: str, art: str, text: str, *, numbers: Sequence[float] = (),
          polarity: str = "pos", target: str | None = None, who: str = "X",
          ents: Sequence[str] = ("MRV",)) -> Claim:
    hedge = "denied" if polarity == "neg" else "asserted"
    return Claim(id=cid, text=text, article_ids=[art], numbers=list(numbers),
                 polarity=polarity, target_text=target, entities=list(ents), hedge=hedge,
                 asserted_by=Asserter(name=who),
                 evidence=[ClaimEvidence(article_id=art, outlet=art.upper(), text=text,
                                         span=(0, len(text)), hedge=hedge)])


D = dt.date(2025, 3, 11)
INFO = {
    "a": ArticleInfo("CPA", "a", D), "b": ArticleInfo("VL", "a", D),  # b is a wire copy of a
    "c": ArticleInfo("MH", "c", D), "d": ArticleInfo("TT", "d", D),
    "e": ArticleInfo("MH", "e", D), "far": ArticleInfo("KO", "far", dt.date(2025, 6, 1)),
}


@pytest.mark.parametrize(("arts", "n"), [
    (["a"], 1), (["a", "b"], 1),  # wire copies count once
    (["a", "c"], 2), (["c", "e"], 1),  # one outlet counts once
    (["a", "b", "c", "d"], 3),
])
def test_independent_sources(arts: list[str], n: int) -> None:
    assert independent_sources(arts, INFO) == n


@pytest.mark.parametrize(("a", "b", "ok"), [
    ([26.0], [6.0], False), ([26.0], [26.0], True), ([], [6.0], True), ([4.0, 2.0], [4.0], True),
])
def test_numbers_agree(a: list[float], b: list[float], ok: bool) -> None:
    assert numbers_agree(a, b) is ok


def test_26_never_merges_with_6() -> None:
    cs = [claim("1", "a", "Gunmen killed 26 tourists in Kovasi", numbers=[26]),
          claim("2", "c", "Gunmen killed 6 tourists in Kovasi", numbers=[6])]
    groups, _ = align(cs, INFO, bow_embed, threshold=0.5)
    assert len(groups) == 2


def test_wire_copy_is_single_other_outlet_corroborates() -> None:
    t = "Gunmen killed 24 tourists at Sellin Meadow near Kovasi"
    copies = [claim("1", "a", t, numbers=[24]), claim("2", "b", t, numbers=[24])]
    groups, member_of = align(copies, INFO, bow_embed)
    assert len(groups) == 1 and groups[0].status == "single" and groups[0].n_sources == 1
    assert set(member_of) == {"1", "2"}
    groups, _ = align([*copies, claim("3", "c", t, numbers=[24])], INFO, bow_embed)
    assert groups[0].status == "corroborated" and groups[0].n_sources == 2
    assert len(groups[0].evidence) == 3


def test_blocking_needs_shared_entity_and_time() -> None:
    t = "Merovia closed the Orlik crossing on Wednesday"
    groups, _ = align([claim("1", "a", t), claim("2", "far", t)], INFO, bow_embed)
    assert len(groups) == 2  # 80 days apart
    groups, _ = align([claim("1", "a", t), claim("2", "c", t, ents=["NVN"])], INFO, bow_embed)
    assert len(groups) == 2  # no shared entity


def test_denial_makes_both_sides_contested() -> None:
    cs = [claim("1", "d", "Kaldorian air force shot down four Merovian jets", numbers=[4],
                ents=["KLD", "MRV"], who="Selvan"),
          claim("2", "c", "Velic denied that Kaldorian air force shot down four Merovian jets",
                numbers=[4], polarity="neg", ents=["KLD", "MRV"], who="Velic",
                target="Kaldorian air force shot down four Merovian jets"),
          claim("3", "e", "Merovia suspended the Serrin Waters Treaty", ents=["MRV"])]
    groups, _ = align(cs, INFO, bow_embed)
    by = {g.asserted_by.name: g for g in groups if g.asserted_by}
    assert by["Selvan"].status == "contested" and by["Velic"].status == "contested"
    assert by["Selvan"].contested_by == [by["Velic"].id]
    assert by["Velic"].contested_by == [by["Selvan"].id]
    assert by["X"].status == "single"


def test_stories_stay_apart_and_copies_join() -> None:
    docs = [
        StoryDoc("a", "Gunmen kill 24 tourists in Lessara", "VARSK - Gunmen killed 24.", D,
                 "CPA", frozenset({"MRV", "Kovasi"}), "a"),
        StoryDoc("b", "24 killed as gunmen target tourists", "Varsk - Gunmen killed 24.", D,
                 "VL", frozenset({"MRV", "Kovasi"}), "a"),
        StoryDoc("c", "Merovia and Kaldoria agree to ceasefire", "A ceasefire was agreed.",
                 dt.date(2025, 4, 5), "CPA", frozenset({"MRV", "KLD"}), "c"),
    ]
    stories = build_stories(docs, bow_embed)
    assert sorted(len(s.article_ids) for s in stories) == [1, 2]


def test_framing_groups_region_variants() -> None:
    arts = [Article(id="m", outlet="MH", text="x"), Article(id="t", outlet="TT", text="y"),
            Article(id="n", outlet="CPA", text="z")]
    places = [Place(article_id="m", text="KoL", span=(0, 3), name="Kaldorian-held Lessara"),
              Place(article_id="t", text="Free Lessara", span=(0, 12),
                    name="Kaldorian-held Lessara"),
              Place(article_id="n", text="Kaldorian-administered Lessara", span=(0, 3),
                    name="Kaldorian-held Lessara"),
              Place(article_id="m", text="VARSK", span=(0, 5), name="Varsk"),
              Place(article_id="n", text="Varsk", span=(0, 5), name="Varsk")]
    recs = framing_records("all", arts, places, [])
    place = [f for f in recs if f.kind == "place"]
    assert [f.referent for f in place] == ["Kaldorian-held Lessara"]  # case is no variant
    assert {v.term for v in place[0].variants} == {
        "KoL", "Free Lessara", "Kaldorian-administered Lessara"}
    assert place[0].variants[0].outlets


def test_framing_labels_and_scare_quotes() -> None:
    arts = [Article(id="m", outlet="MH", text="The terrorists struck the 'terror camps' again."),
            Article(id="k", outlet="KO", text='Militants fled. "We will win," Selvan said.')]
    quotes = [Quote(id="q", article_id="k", text="We will win,", direct=True,
                    span=(arts[1].text.index("We"), arts[1].text.index(",") + 1))]
    recs = framing_records("all", arts, [], quotes)
    labels = [f for f in recs if f.kind == "label" and f.referent == "attackers (label)"]
    assert labels and {v.term for v in labels[0].variants} == {"terrorists", "militants"}
    assert [t for _s, _e, t in scare_quoted_terms(arts[0].text, [])] == ["terror camps"]
    assert scare_quoted_terms(arts[1].text, quotes) == []  # a speaker's words, not scare
    assert scare_quoted_terms("Kaldoria's army and Merovia's", []) == []


def test_hedge_share() -> None:
    cs = [claim("1", "a", "x"), claim("2", "a", "y", polarity="neg")]
    assert hedge_share(cs) == {"A": {"asserted": 0.5, "denied": 0.5}}


# ------------------------------------------------------------------ integration (demo)
@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from chronicler import api
    from chronicler.config import Settings
    from chronicler.corpus.compare import run_compare
    from chronicler.demo import CORPUS_DIR
    from chronicler.store import open_store

    db = tmp_path_factory.mktemp("cmp") / "demo.duckdb"
    settings = Settings.from_env(db=db, analyze=1)
    store = open_store(db)
    api.ingest([str(CORPUS_DIR)], store=store, settings=settings)
    summary = run_compare(store, settings)
    yield store, summary
    store.close()


def test_demo_compare(demo_store) -> None:  # type: ignore[no-untyped-def]
    store, summary = demo_store
    assert summary["article_claims"] > 100 and summary["claims"] > 50
    groups = store.json_records("claims")
    by_id = {g.id: g for g in groups}
    contested = [g for g in groups if g.status == "contested"]
    assert contested
    for g in contested:  # contested links run both ways
        assert all(g.id in by_id[o].contested_by for o in g.contested_by)
    for g in groups:  # no group mixes different casualty numbers' polarity
        assert len({e.hedge == "denied" for e in g.evidence}) >= 1
    arts = {a.id: a for a in store.articles()}
    for g in groups:
        keys = {arts[a].dup_group or a for a in g.article_ids}
        assert g.n_sources <= len(keys)  # wire copies count once
    per = store.json_records("article_claims")
    assert all(c.group_id in by_id for c in per)
    stories = store.json_records("stories")
    titles = {s.id: s.title for s in stories}
    story_of = {a: s.id for s in stories for a in s.article_ids}
    by_title = {a.title: a.id for a in arts.values()}
    massacre = by_title["Gunmen kill 24 in attack on tourists in Merovian-administered Lessara"]
    truce = by_title["Merovia and Kaldoria agree to ceasefire; Norvane says it mediated, "
                     "Varsk says talks were direct"]
    assert story_of[massacre] != story_of[truce] and titles
    framing = store.json_records("framing", "story_id = ?", ["all"])
    kol = [f for f in framing if f.kind == "place"
           and {"KoL", "Free Lessara"} <= {v.term for v in f.variants}]
    assert len(kol) == 1


def test_embeddings_are_cached_in_the_store(demo_store) -> None:  # type: ignore[no-untyped-def]
    """The ingest already ran the comparison once: a second run embeds nothing new,
    reads what it needs back from the store, keeps every stored vector of a claim that
    is still there and gives the same groups, with or without the alignment's memory
    (chronicler.corpus.increment: it reads fewer vectors)."""
    from chronicler.config import Settings
    from chronicler.corpus.compare import run_compare
    from chronicler.store import state

    store, first = demo_store
    groups_before = {(g.id, g.status, g.n_sources) for g in store.json_records("claims")}
    n_before = store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    again = run_compare(store, Settings.from_env(db=store.path))
    assert again["texts_embedded"] == 0 and again["claims_relinked"] == 0
    state.clear_prefix(store, "align:")  # forget the memory: a full alignment
    full = run_compare(store, Settings.from_env(db=store.path))
    assert full["texts_embedded"] == 0 and full["texts_from_cache"] > 100
    assert full["claims_relinked"] == -1
    assert {(g.id, g.status, g.n_sources) for g in store.json_records("claims")} \
        == groups_before
    n = store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    assert n == n_before >= full["texts_from_cache"]


def test_unused_vectors_are_pruned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from chronicler.corpus.embed import Embedder, text_key
    from chronicler.store import open_store

    with open_store(tmp_path / "e.duckdb") as store:
        store.cache_vectors("m", {text_key("old"): np.ones(3, np.float32).tobytes(),
                                  text_key("new"): np.zeros(3, np.float32).tobytes()})
        assert store.prune_vectors("m", [text_key("new")]) == 1
        assert set(store.cached_vectors("m", [text_key("old"), text_key("new")])) \
            == {text_key("new")}
        assert isinstance(Embedder("x", store=store).used, set)


# ---------------------------------------------------------------- propositions (issue 14)
def _about(c: Claim, events: Sequence[str], props: Sequence[str]) -> Claim:
    return c.model_copy(update={"event_ids": list(events), "propositions": list(props)})


def test_one_event_and_one_figure_is_one_proposition_whatever_the_wording() -> None:
    a = claim("1", "a", "The Pahalgam attack killed 26 tourists in April.", numbers=[26.0])
    c = claim("2", "c", "India struck after the Pahalgam terror attack that killed 26 "
              "civilians.", numbers=[26.0])
    # Worded too differently to link on their own (bag-of-words similarity 0.58) ...
    _, member_of = align([a, c], INFO, bow_embed)
    assert member_of["1"] != member_of["2"]
    # ... but both report the merged Pahalgam attack with the same figure.
    a, c = (_about(x, ["pahalgam"], ["ASSAULT:>IND"]) for x in (a, c))
    groups, member_of = align([a, c], INFO, bow_embed)
    assert member_of["1"] == member_of["2"]
    (g,) = groups
    assert g.status == "corroborated" and g.n_sources == 2 and "26" in g.text
    # another figure is another proposition, even about the same event
    six = _about(claim("3", "d", "The Pahalgam attack killed 6 tourists in April.",
                       numbers=[6.0]), ["pahalgam"], ["ASSAULT:>IND"])
    _, member_of = align([a, c, six], INFO, bow_embed)
    assert member_of["3"] not in (member_of["1"], member_of["2"])


def test_claims_about_different_relations_never_contest() -> None:
    # close words, different propositions: the strikes on Pakistan are not what India
    # denied about Afghanistan
    strike = _about(claim("s", "c", "Indian missiles hit nine sites in Pakistan.", who="A",
                          ents=("IND", "PAK")), ["sindoor"], ["ASSAULT:IND>PAK"])
    denial = _about(claim("d", "d", "India denied its missiles hit sites in Afghanistan.",
                          polarity="neg", target="its missiles hit sites in Afghanistan",
                          who="India", ents=("IND", "AFG", "PAK")), ["afg"],
                    ["ASSAULT:IND>AFG"])
    groups, _ = align([strike, denial], INFO, bow_embed, contest_threshold=0.3)
    assert all(g.status != "contested" for g in groups)
    # the same pair with no events known falls back to the wording and does contest
    groups, _ = align([_about(strike, [], []), _about(denial, [], [])], INFO, bow_embed,
                      contest_threshold=0.3)
    assert any(g.status == "contested" for g in groups)


def test_a_denial_is_not_a_source_of_what_it_denies() -> None:
    # "India denied claims that its missiles struck Afghanistan": the clause is the
    # article's report of an allegation it denies; its article does not assert it.
    clause = claim("c1", "d", "India's missiles had struck targets in Afghanistan")
    clause = clause.model_copy(update={"contested_by": ["d1"]})
    other = claim("c2", "e", "India's missiles had struck targets in Afghanistan")
    groups, member_of = align([clause, other], INFO, bow_embed)
    g = next(g for g in groups if g.id == member_of["c1"])
    assert g.article_ids == ["d", "e"] and g.n_sources == 1 and g.status != "corroborated"


def test_framing_needs_different_sources_and_no_scare_quote_records() -> None:
    arts = [Article(id="m", outlet="MH", text="as reported by 'Russia' today"),
            Article(id="u1", outlet=None, text="x"), Article(id="u2", outlet=None, text="y")]
    one_outlet = [Place(article_id="m", text="PoK", span=(0, 3), name="PaK"),
                  Place(article_id="m", text="Azad Kashmir", span=(5, 9), name="PaK")]
    assert framing_records("s", arts, one_outlet, []) == []  # one outlet, two words: no
    two_unknown = [Place(article_id="u1", text="PoK", span=(0, 3), name="PaK"),
                   Place(article_id="u2", text="Azad Kashmir", span=(0, 3), name="PaK")]
    (rec,) = framing_records("s", arts, two_unknown, [])
    assert all(v.outlets == ["unknown outlet"] for v in rec.variants)  # never empty
    assert not [f for f in framing_records("s", arts, [], []) if f.kind == "term"]


def test_count_keys_name_the_counted_thing_and_its_sense() -> None:
    """Two claims that count one thing ("four gunmen" / "the four gunmen") share a key;
    a figure of dead and one of hurt, or a figure of two, do not (issue 14)."""
    from chronicler.corpus.compare import count_keys
    from chronicler.records import Claim, ClaimEvidence, Count

    def claim(cid: str, aid: str, text: str, numbers: list[float]) -> Claim:
        return Claim(id=cid, text=text, article_ids=[aid], numbers=numbers,
                     evidence=[ClaimEvidence(article_id=aid, text=text, span=(0, len(text)))])

    def count(aid: str, text: str, word: str, n: float, obj: str, verb: str) -> Count:
        i = text.index(word)
        return Count(article_id=aid, text=word, span=(i, i + len(word)), number=n,
                     object=obj, verb=verb)

    t1 = "Police said at least four gunmen came down from the ridge."
    t2 = "The four gunmen crossed the river before dawn, officials said."
    t3 = "Five villagers were killed and five were injured in Tessel."
    t4 = "Two officers spoke on the hotline."
    cs = [claim("c1", "a1", t1, [4]), claim("c2", "a2", t2, [4]), claim("c3", "a3", t3, [5]),
          claim("c4", "a4", t4, [2])]
    got = count_keys(cs, [count("a1", t1, "four gunmen", 4, "gunmen", "come"),
                          count("a2", t2, "four gunmen", 4, "gunmen", "cross"),
                          count("a3", t3, "Five villagers", 5, "villagers", "kill"),
                          count("a4", t4, "Two officers", 2, "officers", "speak")])
    assert got["c1"] == got["c2"] == {("count", 4, "gunmen", "-")}
    assert got["c3"] == {("count", 5, "villager", "dead")}
    assert "c4" not in got
