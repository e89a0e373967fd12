"""Classes of construction the CAMEO verb matcher and the argument rules read, each
tried on several made-up sentences of its shape (issue 12, fourth pass: changes made
from one half of the tuned PLOVER dev sentences, kept only when the other half held).

The sentences are written for these tests (no third-party text).
"""

from __future__ import annotations

from chronicler.nlp.events.dict_candidates import dictionary_code
from tests.eventcode import code, side


def verb(analyzer, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    return dictionary_code(next(t for t in doc if t.text == word))


# ---------------------------------------------------------------- the verb's own phrases
def test_a_preposition_inside_a_clause_on_the_object_is_not_the_verbs(analyzer) -> None:  # type: ignore[no-untyped-def]
    # RETURN's "(FROM)" (back from a trip) is no pattern of "returned the rifles [that
    # ... had taken from Merovia]": nothing codes it
    assert verb(analyzer, "Kaldoria returned the rifles that its troops had taken from "
                "Merovia.", "returned") is None
    # a preposition of the verb itself still counts
    got = verb(analyzer, "The minister returned from Merovia on Friday.", "returned")
    assert got is not None and got.plover.type == "CONSULT"


def test_each_conjunct_of_a_coordinated_object_is_the_object(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "rifles and equipment": the pattern naming "equipment" (0842, returning property)
    # names the object, and beats the as specific "(FROM)"
    for text, word in [
        ("The militia said it would return rifles and equipment from the peacekeepers.",
         "return"),
        ("The militia returned rifles and equipment seized last year from the "
         "peacekeepers.", "returned"),
    ]:
        got = verb(analyzer, text, word)
        assert got is not None and got.code == "0842", text


def test_travelling_for_talks_is_negotiating(analyzer) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 046, as the vendored ARRIVE family codes "(FOR TALKS)": the supplement gives
    # the verbs of travel that lack it the same pattern
    for text, word in [
        ("The envoy returned to Merovia for consultations.", "returned"),
        ("Kaldorian diplomats will return to Oslo next week for talks on fishing.", "return"),
        ("The Kaldorian minister headed to Varsk on Monday for negotiations.", "headed"),
    ]:
        got = verb(analyzer, text, word)
        assert got is not None and got.plover.type == "CONSULT", text
    assert verb(analyzer, "Kaldorian troops returned to the town.", "returned") is None


# ---------------------------------------------------------------- sides
def test_coordinated_countries_on_one_head_are_one_actor_each(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Kaldorian and Merovian negotiators returned to Oslo on Monday "
                "for talks on the border.")
    assert e.type == "CONSULT" and side(e, "actor") == {"KLD", "MRV"}
    (e,) = code(analyzer, "Senior Merovian and Kaldorian officials agreed on Tuesday to "
                "reopen the border crossing.")
    assert e.type == "AGREE" and side(e, "actor") == {"KLD", "MRV"}
    # one country on the head stays one actor
    (e,) = code(analyzer, "Kaldorian troops shelled Merovian border posts on Friday.")
    assert side(e, "actor") == {"KLD"} and side(e, "recipient") == {"MRV"}


def test_a_talk_with_no_counterpart_codes_nothing(analyzer) -> None:  # type: ignore[no-untyped-def]
    # CONSULT is directed: one side alone going to talks names no one it talks with
    assert [e for e in code(analyzer, "Kaldorian negotiators returned to Oslo on Monday "
                            "for talks on the border.") if e.type == "CONSULT"] == []


def test_two_modifiers_of_one_country_stay_one_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    (e,) = code(analyzer, "Kaldorian army and police chiefs rejected the plan on Monday.")
    assert [a.country for a in e.actor] == ["KLD"]


def test_a_people_of_a_country_named_by_its_adjective(analyzer) -> None:  # type: ignore[no-untyped-def]
    # Phoenix's residence convention: the country the people live in, whether the NER made
    # one name of both words or a mention of each ("Bosnian Croats", "Iraqi Kurds": the
    # adjective's; "Turkish Cypriots" live in Cyprus, whose word Phoenix lists as CYP)
    for text, country in [("Turkish Cypriots rejected the plan on Monday.", "CYP"),
                          ("Bosnian Croats rejected the plan on Monday.", "BIH"),
                          ("Iraqi Kurds demanded a truce with the army on Sunday.", "IRQ")]:
        (e,) = code(analyzer, text)
        assert side(e, "actor") == {country}, text
    # a people alone keeps no country of its own
    (e,) = code(analyzer, "Kurds demanded a truce with the army on Sunday.")
    assert side(e, "actor") == set()


def test_the_one_let_or_made_to_act_is_the_recipient(analyzer) -> None:  # type: ignore[no-untyped-def]
    for text, type_ in [
        ("The Kaldorian interior minister allowed opposition leader Anna Veld to return "
         "from exile.", "CONCEDE"),
        ("The Kaldorian government allowed the opposition party to publish its newspaper "
         "again.", "CONCEDE"),
        ("Kaldorian police forced the villagers to leave the border town.", "COERCE"),
    ]:
        got = [e for e in code(analyzer, text) if e.type == type_]
        assert got and side(got[0], "recipient") == {"KLD"}, text


# ---------------------------------------------------------------- background
def test_an_event_by_no_one_named_in_a_time_phrase_is_background(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "following the bombing of Resk": when the offer came, not an event the sentence
    # reports (no one named did it)
    got = code(analyzer, "Kaldoria offered talks to Merovia on Monday following the bombing "
               "of Resk.")
    assert [e.type for e in got] == ["REQUEST"]
    # with its actor named, or both sides ("a ceasefire between"), it is an event
    got = code(analyzer, "Merovia recalled its ambassador following the shelling of Resk by "
               "Kaldorian troops.")
    assert [(e.type, side(e, "actor")) for e in got] == [("ASSAULT", {"KLD"})]
    got = code(analyzer, "Explosions were heard over Resk two hours after a ceasefire between "
               "Kaldoria and Merovia took effect.")
    assert [e.type for e in got] == ["RETREAT"]


def test_whose_lot_or_conduct_an_accusation_is_about(analyzer) -> None:  # type: ignore[no-untyped-def]
    # an object that names no one: the people of its "of" phrase are the recipient
    for text, country in [
        ("A panel of Kenyan lawyers investigated the welfare of 300 Somalis held in "
         "Nairobi.", "SOM"),
        ("Kenyan officials criticised the conduct of the Merovian police at the border.",
         "MRV"),
    ]:
        got = [e for e in code(analyzer, text) if e.type == "ACCUSE"]
        assert got and side(got[0], "recipient") == {country}, text
    # an abstract "of" names no one ("of the deal")
    got = [e for e in code(analyzer, "Kenyan officials criticised the terms of the deal.")
           if e.type == "ACCUSE"]
    assert all(not side(e, "recipient") for e in got)
