"""The package's shape: layers, no import cycles, no oversized modules.

The layer order says which way imports may point: a module may import from its own layer
or a lower one, never from a higher one. Every import counts, including the ones inside
functions (a lazy import is still a dependency). The only exemption is the package root's
lazy re-export of the public API (``import chronicler; chronicler.ingest(...)``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "chronicler"
MAX_LINES = 500

# Lowest first. A module's layer is the first entry that prefixes its dotted name.
LAYERS: list[tuple[str, ...]] = [
    ("chronicler.errors", "chronicler.records", "chronicler.config", "chronicler.demo"),
    ("chronicler.text",),
    ("chronicler.store",),
    ("chronicler.ingest",),
    ("chronicler.clean",),
    ("chronicler.nlp",),
    ("chronicler.corpus",),
    ("chronicler.run", "chronicler.watch"),
    ("chronicler.views", "chronicler.outputs"),
    ("chronicler.api",),
    ("chronicler.cli", "chronicler.cli_watch", "chronicler.web", "chronicler.debug"),
]
EXEMPT_FROM = {"chronicler"}  # the root package's lazy re-export of chronicler.api


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(mod: str) -> int | None:
    if mod == "chronicler":
        return None
    for i, prefixes in enumerate(LAYERS):
        if any(mod == p or mod.startswith(p + ".") for p in prefixes):
            return i
    return None


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module an import refers to: the longest known prefix of the dotted name."""
    parts = name.split(".")
    for k in range(len(parts), 0, -1):
        cand = ".".join(parts[:k])
        if cand in known:
            return cand
    return None


def imports_of(mod: str, path: Path, known: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    pkg = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from pkg import mod" imports the submodule when there is one.
            names = [f"{base}.{a.name}" for a in node.names] + [base]
        for n in names:
            if not n.startswith("chronicler"):
                continue
            target = resolve(n, known)
            if target and target != mod:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {m: imports_of(m, p, known) for m, p in known.items()}


def test_every_module_has_a_layer() -> None:
    missing = [m for m in modules() if m != "chronicler" and layer_of(m) is None]
    assert not missing, f"modules outside every layer (add them to LAYERS): {missing}"


def test_no_upward_imports() -> None:
    bad = []
    for mod, deps in graph().items():
        if mod in EXEMPT_FROM:
            continue
        mine = layer_of(mod)
        for d in sorted(deps):
            theirs = layer_of(d)
            if mine is not None and theirs is not None and theirs > mine:
                bad.append(f"{mod} (layer {mine}) imports {d} (layer {theirs})")
    assert not bad, "imports from a higher layer:\n" + "\n".join(bad)


def _cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None (iterative DFS with colours)."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(g, white)
    for start in sorted(g):
        if colour[start] != white:
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(g[start]))]
        path = [start]
        colour[start] = grey
        while stack:
            node, todo = stack[-1]
            if not todo:
                colour[node] = black
                stack.pop()
                path.pop()
                continue
            nxt = todo.pop()
            if nxt not in g or nxt in EXEMPT_FROM:
                continue
            if colour[nxt] == grey:
                return path[path.index(nxt):] + [nxt]
            if colour[nxt] == white:
                colour[nxt] = grey
                stack.append((nxt, sorted(g[nxt])))
                path.append(nxt)
    return None


def test_no_import_cycles() -> None:
    g = {m: {d for d in deps if d != "chronicler"} for m, deps in graph().items()}
    # A package's __init__ and its own submodules are one unit: importing a submodule
    # runs the package's __init__ first, so an __init__ that re-exports is not a cycle.
    for m, deps in g.items():
        g[m] = {d for d in deps if not m.startswith(d + ".")}
    cyc = _cycle(g)
    assert cyc is None, "import cycle: " + " -> ".join(cyc or [])


def test_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_layer_check_flags_upward_import(tmp_path: Path) -> None:
    assert layer_of("chronicler.nlp.events.coder") < layer_of("chronicler.corpus.events")
    assert layer_of("chronicler.web.app") > layer_of("chronicler.api")


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_module_size(path: Path) -> None:
    n = len(path.read_text("utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(SRC)} has {n} lines (cap {MAX_LINES}); split it"


def test_every_package_has_a_map() -> None:
    """Each folder's __init__ says what is in it (a docstring naming its modules)."""
    bad = []
    for init in SRC.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8"))) or ""
        mods = sorted(p.stem for p in init.parent.glob("*.py") if p.name != "__init__.py")
        missing = [m for m in mods if m not in doc]
        if not doc or missing:
            bad.append(f"{init.parent.relative_to(SRC)}: no mention of {missing or 'anything'}")
    assert not bad, "package docstrings out of date:\n" + "\n".join(bad)
