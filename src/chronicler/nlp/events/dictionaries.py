"""The vendored field dictionaries (``data/dictionaries``), compiled once and cached.

    load_field_dictionaries() -> FieldDictionaries (verbs, crosswalk, actors, agents)

Parsing the 2.5 MB of PETRARCH2/Phoenix text takes about a second; the compiled form
(plain dicts and tuples) is pickled under the user cache directory
(``platformdirs.user_cache_dir("chronicler")/dictionaries``), named by a hash of the
files and of this format's version, so an edited file or a new reader rebuilds it and
a stale pickle is never read. A cache that cannot be written (read-only home) only
costs the parse. Lines that break the format are left out one by one and listed in
``problems`` (logged once as a warning), never the whole file.

    python -m chronicler.nlp.events.dictionaries    # load time and sizes
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from chronicler.nlp.actors.phoenix import (
    PhoenixActors,
    PhoenixAgents,
    merge_actors,
    parse_actors,
    parse_agents,
)
from chronicler.nlp.events.cameo import (
    DictionaryError,
    Plover,
    VerbDictionary,
    parse_crosswalk,
    parse_verbs,
)

log = logging.getLogger(__name__)

FORMAT = "13"  # bump when a reader or the compiled records change
VERBS = "CAMEO.2.0.txt"
# chronicler's own additions in PETRARCH's format (verbs the vendored file lacks), merged
# after it: ``cameo.supplement``
VERB_SUPPLEMENT = "CAMEO.chronicler.txt"
CROSSWALK = "CAMEO2PLOVER-2021.txt"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENTS = "Phoenix.agents.txt"
FILES = (VERBS, VERB_SUPPLEMENT, CROSSWALK, *ACTOR_FILES, AGENTS)


@dataclass(frozen=True)
class FieldDictionaries:
    verbs: VerbDictionary
    crosswalk: dict[str, Plover]
    actors: PhoenixActors
    agents: PhoenixAgents
    problems: tuple[str, ...]  # lines left out: "file:line: why"


def _texts(directory: Path | None) -> dict[str, bytes]:
    if directory is not None:
        return {f: (directory / f).read_bytes() for f in FILES}
    root = resources.files("chronicler").joinpath("data/dictionaries")
    return {f: root.joinpath(f).read_bytes() for f in FILES}


def compile_dictionaries(texts: dict[str, bytes]) -> FieldDictionaries:
    """Parse the files (``{name: bytes}``); bad lines are collected, not fatal."""
    errors: list[DictionaryError] = []

    def lines(name: str) -> list[str]:
        return texts[name].decode("utf-8", errors="replace").splitlines()

    verbs = parse_verbs(lines(VERBS), VERBS, errors)
    n_vendored = len(verbs.ignored)
    verbs = parse_verbs(lines(VERB_SUPPLEMENT), VERB_SUPPLEMENT, errors, base=verbs)
    crosswalk = parse_crosswalk(lines(CROSSWALK), CROSSWALK)
    actors = merge_actors(parse_actors(lines(f), f, errors) for f in ACTOR_FILES)
    agents = parse_agents(lines(AGENTS), AGENTS, errors)
    problems = [e.message for e in errors] + [
        f"{VERBS if k < n_vendored else VERB_SUPPLEMENT}:{n}: {why}"
        for k, (n, why) in enumerate(verbs.ignored)]
    return FieldDictionaries(verbs=verbs, crosswalk=crosswalk, actors=actors, agents=agents,
                             problems=tuple(problems))


def cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("CHRONICLER_CACHE_DIR") or
                platformdirs.user_cache_dir("chronicler")) / "dictionaries"


def _key(texts: dict[str, bytes]) -> str:
    h = hashlib.sha256(FORMAT.encode())
    for name in sorted(texts):
        h.update(name.encode() + b"\0" + hashlib.sha256(texts[name]).digest())
    return h.hexdigest()[:24]


def load_from(directory: Path | None = None, cache: Path | None = None) -> FieldDictionaries:
    texts = _texts(directory)
    path = (cache or cache_dir()) / f"field-{_key(texts)}.pickle"
    try:
        with path.open("rb") as f:
            got = pickle.load(f)
        if isinstance(got, FieldDictionaries):
            return got
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    fd = compile_dictionaries(texts)
    if fd.problems:
        log.warning("field dictionaries: %d line(s) left out, e.g. %s", len(fd.problems),
                    fd.problems[0])
    try:  # atomic: a concurrent reader never sees half a pickle
        path.parent.mkdir(parents=True, exist_ok=True)
        fd_, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd_, "wb") as f:
            pickle.dump(fd, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        log.info("field dictionaries: cache not written (%s)", e)
    return fd


@lru_cache(maxsize=1)
def load_field_dictionaries() -> FieldDictionaries:
    """The package's dictionaries, once per process."""
    return load_from()


def _main() -> None:
    t = time.perf_counter()
    fd = compile_dictionaries(_texts(None))
    parse_s = time.perf_counter() - t
    load_from()  # make sure the cache exists
    t = time.perf_counter()
    load_from()
    cached_s = time.perf_counter() - t
    print(f"parse {parse_s:.2f}s, cached load {cached_s:.2f}s; verbs {len(fd.verbs.verbs)}, "
          f"families {len(fd.verbs.families)}, patterns "
          f"{sum(len(f.patterns) for f in fd.verbs.families)}, actor phrases "
          f"{len(fd.actors.phrases)}, agent phrases {len(fd.agents.phrases)}, crosswalk "
          f"{len(fd.crosswalk)}; lines left out {len(fd.problems)}")
    for p in fd.problems:
        print("  " + p)


if __name__ == "__main__":
    _main()
