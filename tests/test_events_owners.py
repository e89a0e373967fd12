"""Ultimatums, owners and what a refusal holds (issue 12): an ultimatum given is a
threat, not aid (whatever weapons it names); "Pan-American" names many countries, not
the United States; the motorcade, convoy or home "of" someone hit is theirs, with their
sector (so Ugandan rebels firing on their president's motorcade hit him, not the city's
country); calls rejected are what the refusal holds, no request of their own, even when
the parser reads "calls" as a verb. Made-up sentences."""

from __future__ import annotations

from tests.eventcode import code, triples


def test_an_ultimatum_given_is_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "African Union commanders gave the Somali militias a ten-day "
                            "ultimatum to hand over their heavy weapons.")
    assert got == [("THREATEN", {"IGO"}, {"SOM"})]


def test_pan_american_is_no_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Farmers blocked the Pan-American Highway in southern Colombia "
                             "on Monday.") == [("PROTEST", {"COL"}, {"COL"})]


def test_what_someone_owns_hit_is_hitting_them(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = code(analyzer, "Ugandan rebels opened fire on the motorcade of President Yoweri "
                         "Museveni in Nairobi.")
    assert [(e.type, [r.country for r in e.recipient], [r.sector for r in e.recipient])
            for e in got] == [("ASSAULT", ["UGA"], ["GOV"])]


def test_calls_rejected_are_no_request(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = triples(analyzer, "Zambian President Frederick Chiluba rejected opposition calls "
                            "for his resignation over the bribery scandal.")
    assert [t for t, _, _ in got] == ["REJECT"]


def test_must_stay(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert triples(analyzer, "Kenyan troops shelled villages in Uganda.") == [
        ("ASSAULT", {"KEN"}, {"UGA"})]
    assert [t for t, _, _ in triples(analyzer, "The United States gave Kenya weapons.")] == [
        "AID"]
