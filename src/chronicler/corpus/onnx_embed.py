"""A sentence-transformers model run by ONNX Runtime: same vectors, a tenth of the load.

Loading MiniLM through sentence-transformers imports transformers and scikit-learn
(4-7 s on this 2-core machine, more than embedding a small corpus); ONNX Runtime and
the tokenizers library load in ~0.6 s and compute the same vectors (cosine to the
torch vectors > 0.99999 on the bench corpus's claims, pair similarities within 2e-6).

The ONNX graph is made from the installed model once, on first use, with torch's
exporter (the model's own weights, nothing downloaded), and cached under the user's
cache directory (``CHRONICLER_CACHE_DIR`` or ``platformdirs.user_cache_dir``), named by
a digest of the model's files and the exporter's versions, so a changed model or a new
torch makes a new graph. Only the architecture sentence-transformers describes as
transformer -> mean pooling -> normalise is exported; anything else (CLS pooling, a
dense layer, a model given without ``modules.json``) raises ``Unsupported`` and the
caller keeps sentence-transformers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = "onnx-mean-norm-1"  # bump when the exported graph changes
BATCH = 64


class Unsupported(Exception):
    """The model is not one this runtime reproduces exactly."""


def check_layout(path: Path) -> int:
    """The model's maximum sequence length, when it is transformer -> mean pooling ->
    normalise; raises ``Unsupported`` otherwise."""
    try:
        modules = json.loads((path / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((path / pooling_dir / "config.json").read_text())
    except (OSError, ValueError, KeyError, StopIteration) as e:
        raise Unsupported(f"no sentence-transformers layout ({type(e).__name__})") from e
    if kinds != ["Transformer", "Pooling", "Normalize"]:
        raise Unsupported(f"modules {kinds}")
    modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    if modes != ["pooling_mode_mean_tokens"]:
        raise Unsupported(f"pooling {modes}")
    if not (path / "tokenizer.json").is_file():
        raise Unsupported("no tokenizer.json")
    try:
        config = json.loads((path / "sentence_bert_config.json").read_text())
        return int(config.get("max_seq_length") or 512)
    except (OSError, ValueError):
        return 512


def graph_key(path: Path) -> str:
    """A digest of what the exported graph depends on: the model's files (name, size,
    content of the small ones) and the exporter's versions (read from the installed
    metadata: importing them costs seconds)."""
    from importlib.metadata import version

    h = hashlib.sha256(f"{FORMAT}:{version('torch')}:{version('transformers')}".encode())
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        h.update(f"{f.relative_to(path)}:{st.st_size}".encode())
        if st.st_size < 4 << 20:
            h.update(f.read_bytes())
    return h.hexdigest()[:24]


def cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("CHRONICLER_CACHE_DIR") or
                platformdirs.user_cache_dir("chronicler")) / "embeddings"


def export(path: Path, target: Path) -> None:
    """Write the model as one ONNX graph (token ids and mask in, normalised mean-pooled
    vectors out) to ``target``, atomically."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("USE_HUB_KERNELS", "0")  # see SentenceEmbedder
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(path)).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            h = self.inner(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(h.dtype)
            v = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(v, dim=1)

    ids = torch.ones((2, 8), dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(fd)
    try:
        import warnings

        with warnings.catch_warnings():  # the TorchScript exporter warns it is legacy
            warnings.simplefilter("ignore")
            torch.onnx.export(Pooled(model), (ids, torch.ones_like(ids)), tmp,
                              input_names=["ids", "mask"], output_names=["vec"],
                              dynamic_axes={"ids": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"},
                                            "vec": {0: "b"}},
                              opset_version=17, dynamo=False)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class OnnxEmbedder:
    """``encode(texts)`` like ``SentenceEmbedder``, on ONNX Runtime."""

    def __init__(self, path: Path, name: str, threads: int, cache: Path | None = None) -> None:
        max_len = check_layout(path)
        import onnxruntime as ort
        from tokenizers import Tokenizer

        graph = (cache or cache_dir()) / f"{path.parent.name}-{path.name}-{graph_key(path)}.onnx"
        if not graph.is_file():
            log.info("exporting %s to ONNX (once, cached at %s)", name, graph)
            export(path, graph)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        # Batches differ in shape (their longest text), and a memory pattern is planned
        # per shape and kept: without it a 400-article comparison peaks ~120 MB lower.
        opts.enable_mem_pattern = False
        try:
            self.session = ort.InferenceSession(str(graph), opts,
                                                providers=["CPUExecutionProvider"])
        except Exception as e:  # noqa: BLE001 - a damaged cache file is made again
            log.warning("cached ONNX graph %s unreadable (%s); exporting it again", graph, e)
            export(path, graph)
            self.session = ort.InferenceSession(str(graph), opts,
                                                providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_len)
        pad = self.tokenizer.token_to_id("[PAD]")
        self.tokenizer.enable_padding(pad_id=pad if pad is not None else 0)
        self.name = name
        self.graph = graph

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        # Batches of similar lengths pad least (sentence-transformers does the same).
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out: np.ndarray | None = None
        for s in range(0, len(texts), BATCH):
            idx = order[s:s + BATCH]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            vec = self.session.run(None, {"ids": ids, "mask": mask})[0]
            if out is None:
                out = np.zeros((len(texts), vec.shape[1]), dtype=np.float32)
            out[idx] = vec
        assert out is not None
        return out
