"""The sentence model runs on transformers directly (issue 15 item 1): the vectors are
sentence-transformers' own, and sentence-transformers is not imported for them."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from chronicler.config import Settings

TEXTS = [
    "Kaldorian artillery shelled 12 Merovian posts near Dessin on Tuesday.",
    "Merovia's foreign ministry denied that its troops crossed the border.",
    "  A sentence with spaces around it  ",
    "UPPER and lower Case Words",
    "x",
    "",
    "The talks in Wexmoor ended without an agreement, officials said. " * 40,  # truncated
]


@pytest.fixture(scope="module")
def model_dir():  # type: ignore[no-untyped-def]
    from chronicler.corpus.embed import model_path

    try:
        return model_path(Settings().embedding_model)
    except ImportError:
        pytest.skip("the sentence model package is not installed")


def test_the_vectors_are_sentence_transformers_own(model_dir) -> None:  # type: ignore[no-untyped-def]
    st = pytest.importorskip("sentence_transformers")
    from chronicler.corpus.embed import SentenceEmbedder

    mine = SentenceEmbedder(model_dir, "m", batch_size=4).encode(TEXTS)
    ref = st.SentenceTransformer(str(model_dir), device="cpu").encode(
        TEXTS, batch_size=4, convert_to_numpy=True, normalize_embeddings=True,
        show_progress_bar=False)
    assert mine.shape == ref.shape and mine.dtype == np.float32
    assert float(np.abs(mine - ref).max()) < 1e-5
    # unit vectors, one per text, in the order given (not the length order of the batches)
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)
    alone = SentenceEmbedder(model_dir, "m").encode([TEXTS[1]])
    assert float(np.abs(alone[0] - mine[1]).max()) < 1e-5


def test_embedding_does_not_import_sentence_transformers(model_dir) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys\n"
        "from chronicler.corpus.embed import SentenceEmbedder\n"
        f"v = SentenceEmbedder(__import__('pathlib').Path({str(model_dir)!r}), 'm')"
        ".encode(['Kaldoria closed the border.'])\n"
        "assert v.shape == (1, 384), v.shape\n"
        "print('sentence_transformers' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
