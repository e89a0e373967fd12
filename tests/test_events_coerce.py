"""Repression that falls short of force (issue 12, PLOVER COERCE): martial law or a
state of emergency declared, a curfew extended, newspapers shut, a demonstration
banned; not a state of emergency declared for a disaster. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.eventcode import code


@pytest.mark.parametrize("text", [
    "The Kaldorian president declared martial law in the restive north.",
    "Kaldoria's interior minister proclaimed a state of emergency in three provinces.",
    "Kaldorian authorities shut down two independent newspapers on Monday.",
    "Kaldorian police banned a planned demonstration in the capital.",
])
def test_repression(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" in {e.type for e in code(analyzer, text)}


@pytest.mark.parametrize("text", [
    "Kaldoria declared a state of emergency in the south after the floods.",
    "The Kaldorian government declared a health emergency as the epidemic spread.",
])
def test_an_emergency_for_a_disaster_is_no_repression(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" not in {e.type for e in code(analyzer, text)}
