"""The embedding cache: a run whose texts were all embedded before loads no model, and a
fallback model's vectors are never mixed with the configured model's."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

import chronicler.corpus.embed as embed
from chronicler.corpus.embed import Embedder, text_key


class Store:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], bytes] = {}

    def cached_vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]:
        return {k: self.rows[model, k] for k in keys if (model, k) in self.rows}

    def cache_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        self.rows.update({(model, k): v for k, v in vectors.items()})


class Model:
    def __init__(self, name: str, value: float) -> None:
        self.name, self.value, self.calls = name, value, 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return np.full((len(texts), 4), self.value, dtype=np.float32)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Model]:
    made: list[Model] = []
    model = Model("mini", 1.0)

    def load(setting: str, runtime: str = "onnx") -> Model:
        made.append(model)
        return model

    monkeypatch.setattr(embed, "load_embedder", load)
    return made


def test_all_cached_loads_no_model(loads: list[Model]) -> None:
    store = Store()
    Embedder("mini", store)(["a", "b"])  # first run: embeds and stores
    assert len(loads) == 1
    loads.clear()
    e = Embedder("mini", store)
    got = e(["b", "a", "b"])
    assert loads == [] and e.encoded == 0
    assert got.shape == (3, 4) and e.name == "mini" and loads == []
    assert e.used == {text_key("a"), text_key("b")}


def test_only_new_texts_are_embedded(loads: list[Model]) -> None:
    store = Store()
    Embedder("mini", store)(["a"])
    e = Embedder("mini", store)
    e(["a", "c"])
    assert e.encoded == 1 and ("mini", text_key("c")) in store.rows


def test_a_fallback_model_never_mixes_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store()
    store.cache_vectors("mini", {text_key("a"): np.full(4, 1.0, np.float32).tobytes()})
    fallback = Model("lexical-hash-4", 9.0)
    monkeypatch.setattr(embed, "load_embedder", lambda s, r="onnx": fallback)
    e = Embedder("mini", store)
    got = e(["a", "b"])  # "a" was the real model's; "b" needs the (failed) model
    assert (got == 9.0).all() and e.name == "lexical-hash-4"
    assert ("lexical-hash-4", text_key("a")) in store.rows
