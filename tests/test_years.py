"""Lending a year from the dated articles an undated one shares names with (made-up data)."""

from __future__ import annotations

import random
from datetime import date

from chronicler.corpus.years import infer_corpus_years, lend_years, related_names
from chronicler.records import Actor, Analysis, Article, Mention, Place
from chronicler.store import open_store


def _mixed() -> tuple[list, list[tuple[str, str]]]:
    """Twelve 2016 campaign articles naming one candidate (three also a senator or a
    governor), three 2025 border reports naming a minister, an operation and a valley;
    one undated report that names the candidate too (as everyone does), the senator and
    the governor, but also the minister, the operation and the valley."""
    rows: list = [(f"old{i}", date(2016, 9, 1 + i), None) for i in range(12)]
    rows += [(f"new{i}", date(2025, 6, 1 + i), None) for i in range(3)]
    rows += [("undated", None, "--05-10")]
    names = [(f"old{i}", "actor:candidate") for i in range(12)]
    names += [("old0", "actor:senator"), ("old1", "actor:senator"), ("old2", "actor:governor")]
    names += [("new0", "actor:candidate"), ("new0", "actor:minister"),
              ("new1", "operation:operation dawn"), ("new2", "place:valley"),
              ("new1", "actor:minister")]
    names += [("undated", k) for k in ("actor:candidate", "actor:senator", "actor:governor",
                                       "actor:minister",
                                       "operation:operation dawn", "place:valley")]
    return rows, names


def test_related_dated_articles_lend_their_year_not_the_corpus_median():
    rows, names = _mixed()
    assert infer_corpus_years(rows) == {"undated": date(2016, 5, 10)}  # the corpus median
    assert infer_corpus_years(rows, names) == {"undated": date(2025, 5, 10)}


def test_rare_names_outweigh_a_name_every_article_repeats():
    rows, names = _mixed()
    # Without the operation and the valley: the senator and the governor (2016) outweigh
    # the minister (2025), each as rare as the other; the candidate hardly counts.
    few = [(a, k) for a, k in names if not (a == "undated" and k.startswith(("op", "pl")))]
    assert infer_corpus_years(rows, few) == {"undated": date(2016, 5, 10)}
    # The candidate alone, named by twelve 2016 articles and one 2025 one: 2016.
    only = [(a, k) for a, k in names if a != "undated"] + [("undated", "actor:candidate")]
    assert infer_corpus_years(rows, only) == {"undated": date(2016, 5, 10)}


def test_no_related_dated_article_falls_back_to_the_corpus_median():
    rows, names = _mixed()
    rows += [("other", None, "--07-25")]
    # It shares its one name with the undated article alone: lent dates never vote.
    names += [("other", "actor:stranger"), ("undated", "actor:stranger")]
    got = infer_corpus_years(rows, names)
    assert got == {"undated": date(2025, 5, 10), "other": date(2016, 7, 25)}
    assert infer_corpus_years([("x", None, "--05-10")], [("x", "actor:a")]) == {}


def test_order_independent():
    rows, names = _mixed()
    want = infer_corpus_years(rows, names)
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(rows)
        rng.shuffle(names)
        assert infer_corpus_years(rows, names) == want
    # A repeated pair changes nothing.
    assert infer_corpus_years(rows, names + names[:5]) == want


def _art(aid: str, published: date | None, partial: str | None = None) -> Article:
    return Article(id=aid, title=aid, text=f"text {aid}", text_hash=f"h{aid}", n_words=2,
                   source_path=f"/x/{aid}.txt", published=published,
                   published_inferred=False, published_partial=partial)


def _analysis(aid: str, actors: list[Actor], places: list[str]) -> Analysis:
    return Analysis(
        article_id=aid, actors=actors, provenance=["m"],
        mentions=[Mention(article_id=aid, actor_id=a.id, text=a.name, span=(0, 3),
                          label="PERSON" if a.type == "PERSON" else "GPE") for a in actors],
        places=[Place(article_id=aid, text=p, span=(5, 9), name=p) for p in places])


def test_store_reads_names_of_the_undated_and_their_neighbours_only(db_path):
    land = Actor(id="land", name="Freedonia", type="COUNTRY", aliases=["Fredville"])
    folk = Actor(id="folk", name="Freedonians", type="GROUP")
    cand = Actor(id="cand", name="Ann Candidate", type="PERSON")
    mini = Actor(id="mini", name="Bo Minister", type="PERSON")
    other = Actor(id="other", name="Cy Other", type="PERSON")
    arts = [_art(f"old{i}", date(2016, 9, 1 + i)) for i in range(6)]
    arts += [_art("new0", date(2025, 6, 2)), _art("undated", None, "--05-10"),
             _art("lone", None, "--07-25")]
    with open_store(db_path) as s:
        s.insert_articles(arts, [None] * len(arts), "x")
        s.write_analyses(
            [_analysis(f"old{i}", [land, folk, cand, other], ["Fredville", "Big City"])
             for i in range(6)]
            + [_analysis("new0", [land, mini], ["Fredville", "Far Valley"]),
               _analysis("undated", [land, folk, cand, mini], ["Fredville", "Far Valley"]),
               _analysis("lone", [land], ["Fredville"])])
        s.conn.execute("INSERT INTO article_events (id, article_id, type, payload) VALUES "
                       "('e1', 'new0', 'ASSAULT', '{\"operation\": \"Operation Dawn\"}'), "
                       "('e2', 'undated', 'ASSAULT', '{\"operation\": \"Operation Dawn\"}')")
        got = related_names(s, ["undated"])
        keys = {k for a, k in got if a == "undated"}
        # No country, people, nor a place that is a country's name; the operation is.
        assert keys == {"actor:cand", "actor:mini", "operation:operation dawn",
                        "place:far valley"}
        assert {a for a, _ in got} == {"undated", "new0"} | {f"old{i}" for i in range(6)}
        assert all(k in keys for _, k in got)  # the neighbours' other names are not read
        lent = lend_years(s)
        assert lent == {"undated": date(2025, 5, 10), "lone": date(2016, 7, 25)}
        s.set_inferred_dates(lent)
        assert lend_years(s) == lent  # lent dates never vote: a re-run changes nothing

