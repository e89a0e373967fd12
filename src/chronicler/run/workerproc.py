"""Set-up of a process that runs only the per-article stages (a pool worker, a Ray actor).

thinc, under spaCy, imports torch whenever it is installed, for optional PyTorch layers
that a CNN pipeline such as en_core_web_sm never calls. chronicler installs torch for the
sentence embeddings of the cross-article step, which runs in the driver only, so every
worker paid for torch without using it: measured on this 2-core machine, loading the
analyzer took 4.8 s of CPU and 676 MB peak RSS with the import, 3.7 s and 506 MB without
(one process, single-threaded math). A worker whose pipeline does not need torch now
refuses its import (``sys.modules["torch"] = None`` makes ``import torch`` raise
ImportError, which thinc and spaCy treat as "not installed").

A pipeline that does need torch (a transformer pipeline such as en_core_web_trf, whose
package requires spacy-transformers or spacy-curated-transformers) keeps it, as does a
model given as a path, whose requirements cannot be read.
"""

from __future__ import annotations

import importlib.metadata as md
import logging
import re
import sys

log = logging.getLogger(__name__)

# A requirement that brings PyTorch layers into a spaCy pipeline.
_NEEDS_TORCH = re.compile(r"torch|transformers", re.IGNORECASE)


def model_needs_torch(model: str) -> bool:
    """Does the spaCy pipeline package ``model`` (an import name) declare a requirement
    that uses torch? Unknown (not an installed distribution) counts as yes."""
    dists = md.packages_distributions().get(model.split(".")[0], [])
    if not dists:
        return True
    for dist in dists:
        try:
            reqs = md.requires(dist) or []
        except md.PackageNotFoundError:
            return True
        if any(_NEEDS_TORCH.search(r.split(";")[0]) for r in reqs):
            return True
    return False


def skip_torch(model: str) -> bool:
    """Refuse torch's import in this process when ``model`` does not need it; returns
    whether it is refused. A process that has imported torch already keeps it."""
    if sys.modules.get("torch", False) is None:
        return True  # refused before
    if "torch" in sys.modules or model_needs_torch(model):
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]
    log.debug("torch refused in this per-article worker (%s does not use it)", model)
    return True
