"""Quality gate on the CAMEO codebook probe (``python -m eval.codebook``; floors in
``eval/codebook_floors.json``): one made-up sentence per CAMEO code, and a check set
in other words that was never tuned on, and the two halves of each of six sets
written blind to the coder (fresh-tune, fresh-check; fresh2-tune, fresh2-check;
fresh3-tune, fresh3-check; fresh4-tune, fresh4-check; fresh5-tune, fresh5-check;
fresh6-tune, fresh6-check, split by a seed of its own). The
probe's own reader and scorer are tested on small made-up cases first."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from eval import codebook  # noqa: E402


def probe(type_: str, actor: str, recipient: str) -> codebook.Probe:
    return codebook.Probe("000", type_, frozenset(actor.split(",")) - {""},
                          frozenset(recipient.split(",")) - {""}, "text")


def test_scoring_follows_the_shared_scorer() -> None:
    p = probe("ACCUSE", "IND", "PAK")
    assert codebook.hit(p, ("ACCUSE", frozenset({"IND"}), frozenset({"PAK"})))
    assert not codebook.hit(p, ("ACCUSE", frozenset({"PAK"}), frozenset({"IND"})))
    assert not codebook.hit(p, ("REJECT", frozenset({"IND"}), frozenset({"PAK"})))
    # an unscored side, international bodies folded, "A and B agreed" pooled
    assert codebook.hit(probe("AGREE", "IGO", ""), ("AGREE", codebook.norm(["UNO"]), frozenset()))
    assert codebook.hit(probe("AGREE", "ETH,ERI", "ETH,ERI"),
                        ("AGREE", frozenset({"ETH", "ERI"}), frozenset()))
    got = codebook.score([p, probe("AID", "USA", "")], [
        [("ACCUSE", frozenset({"IND"}), frozenset({"PAK"})), ("SANCTION", frozenset(), frozenset())],
        []])
    assert (got["type_p"], got["type_r"]) == (0.5, 0.5)
    assert (got["countries_p"], got["countries_r"]) == (0.5, 0.5)


def test_a_malformed_line_names_its_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "probe.tsv"
    f.write_text("# note\ncode\ttype\tactor\trecipient\ttext\n030\tAGREE\tJPN\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"probe.tsv:3: 5 tab-separated columns"):
        codebook.load(f)


def test_every_set_reads_and_codes_known_types() -> None:
    types = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
             "ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
             "COERCE", "ASSAULT"}
    for path in codebook.SETS.values():
        probes = codebook.load(path)
        assert probes and {p.type for p in probes} <= types


def test_codebook_figures_hold_their_floors() -> None:
    floors = json.loads((REPO / "eval" / "codebook_floors.json").read_text(encoding="utf-8"))
    sets = tuple(codebook.SETS)
    got = codebook.evaluate(sets)
    low = [f"{s} {k}: {got[s][k]:.3f} < {v}" for s in sets
           for k, v in floors[s].items() if got[s][k] < v]
    assert not low, "\n".join(low)


@pytest.mark.parametrize(("tune_set", "check_set", "path"), [
    ("fresh-tune", "fresh-check", codebook.FRESH),
    ("fresh2-tune", "fresh2-check", codebook.FRESH2),
    ("fresh3-tune", "fresh3-check", codebook.FRESH3),
    ("fresh4-tune", "fresh4-check", codebook.FRESH4),
    ("fresh5-tune", "fresh5-check", codebook.FRESH5),
    ("fresh6-tune", "fresh6-check", codebook.FRESH6),
])
def test_the_fresh_halves_split_the_fresh_set(tune_set: str, check_set: str,
                                              path: Path) -> None:
    # two fixed halves of one file: never the same sentence on both sides
    tune, check = codebook.load_set(tune_set), codebook.load_set(check_set)
    whole = codebook.load(path)
    assert {p.code for p in tune}.isdisjoint({p.code for p in check})
    assert len(tune) + len(check) == len(whole) and abs(len(tune) - len(check)) <= 1
    assert [p.code for p in codebook.load_set(tune_set)] == [p.code for p in tune]
