"""store.parts.lean: records read back take less memory and keep every value."""

from __future__ import annotations

from chronicler.records import Claim, ClaimEvidence
from chronicler.store.parts import lean


def _claim(i: int, text: str = "Troops crossed the river near the old mill on Monday") -> Claim:
    c = Claim(id=f"c{i}", text=text, article_ids=["article-one"], entities=["XAA", "XBB"],
              numbers=[3.0], evidence=[ClaimEvidence(article_id="article-one", outlet="Daily Wire",
                                                     text=text + ".", span=(10 * i, 10 * i + 60))])
    # as read back from the store: every field set
    return Claim.model_validate_json(c.model_dump_json())


def test_lean_keeps_values_and_shares_field_sets() -> None:
    claims = [_claim(i) for i in range(3)]
    before = [c.model_dump_json() for c in claims]
    unset_before = [c.model_dump(exclude_unset=True) for c in claims]
    lean(claims)
    assert [c.model_dump_json() for c in claims] == before
    assert [c.model_dump(exclude_unset=True) for c in claims] == unset_before
    assert claims[0].__pydantic_fields_set__ is claims[1].__pydantic_fields_set__
    ev = [c.evidence[0] for c in claims]
    assert ev[0].__pydantic_fields_set__ is ev[2].__pydantic_fields_set__
    assert ev[0].article_id is ev[1].article_id  # interned
    assert claims[0].article_ids[0] is claims[2].evidence[0].article_id


def test_lean_records_stay_independent() -> None:
    claims = [_claim(i) for i in range(2)]
    lean(claims)
    shared = set(claims[0].__pydantic_fields_set__)
    claims[0].group_id = "g1"
    copy = claims[1].model_copy(update={"status": "contested"})
    assert claims[1].group_id is None and copy.status == "contested"
    assert claims[1].status == "single"
    assert claims[1].__pydantic_fields_set__ == shared


def test_lean_leaves_partly_set_records_alone() -> None:
    partial = Claim(id="p", text="Officials denied the report")  # most fields unset
    full = _claim(0)
    lean([partial, full])
    assert partial.model_dump(exclude_unset=True) == {"id": "p",
                                                      "text": "Officials denied the report"}
    assert partial.__pydantic_fields_set__ is not full.__pydantic_fields_set__
