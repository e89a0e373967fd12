"""Classes of construction the CAMEO verb matcher and the argument rules read, each
tried on several made-up sentences of its shape (issue 12, fourth pass: changes made
from one half of the tuned PLOVER dev sentences, kept only when the other half held).

The sentences are written for these tests (no third-party text).
"""

from __future__ import annotations

from chronicler.nlp.events.dict_candidates import dictionary_code


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
