"""The module graph of ``game/``: no import cycles, and the layers depend one way only.

The graph is read from the source (every ``import`` statement, including those inside
functions and under ``TYPE_CHECKING``, which tools and readers see as dependencies too), so
a cycle hidden behind a lazy import is found as well.

Layers: ``campaign`` -> ``engine`` -> ``history`` -> ``competition`` -> (``ui``, ``web``) ->
the command line (``web`` serves the game to browsers by running it in processes of its own,
so it never imports ``ui``). A layer imports only the layers it is allowed; the debriefs of
``ui`` and ``competition`` read ``history`` (the game's blocs beside the real ones), which
never imports them. ``game.vocabulary`` (names the command line offers), ``game.paths``
(where files go) and ``game`` itself sit below all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import game

PACKAGE = Path(game.__file__).resolve().parent
BASE = {"game", "game.vocabulary", "game.paths"}
LAYERS = {
    "campaign": set(),
    "engine": {"campaign"},
    "history": {"campaign", "engine"},
    "competition": {"campaign", "engine", "history"},
    "authoring": {"campaign", "engine"},
    "ui": {"campaign", "engine", "history", "competition"},
    "web": {"campaign", "engine", "competition"},
    "cli": {"campaign", "engine", "history", "competition", "authoring", "ui", "web"},
}


def module_names(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of the package that ``name`` imports, wherever the statement is."""
    out: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            # `from p import x` imports the module p.x when there is one, else a name of p
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module's imports of other modules of the package."""
    known = module_names(root)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def layer_of(name: str) -> str | None:
    if name in BASE:
        return None
    part = name.split(".")[1]
    return "cli" if part.startswith("cli") or part == "__main__" else part


def test_there_is_no_import_cycle_in_game():
    assert cycles(graph()) == []


def test_each_layer_imports_only_the_layers_before_it():
    wrong = []
    for name, deps in sorted(graph().items()):
        layer = layer_of(name)
        if layer is None:
            assert all(layer_of(d) is None for d in deps), (name, deps)
            continue
        for dep in sorted(deps):
            other = layer_of(dep)
            if other is not None and other != layer and other not in LAYERS[layer]:
                wrong.append(f"{name} imports {dep}")
    assert wrong == []


def test_every_module_has_a_layer():
    assert {layer_of(n) for n in module_names()} - {None} <= set(LAYERS)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "__init__.py": "",
                "a.py": "def f():\n    from pkg import b\n",
                "b.py": (
                    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import f\n"
                ),
            },
            [["pkg.a", "pkg.b"]],
        ),
        (
            {"__init__.py": "", "a.py": "from . import b\n", "b.py": "from .a import x\n"},
            [["pkg.a", "pkg.b"]],
        ),
        ({"__init__.py": "", "a.py": "import pkg.b\n", "b.py": "import os\n"}, []),
    ],
)
def test_the_cycle_check_sees_lazy_typing_and_relative_imports(tmp_path, files, expected):
    """Not vacuous: a cycle through a function-level import, a TYPE_CHECKING import or a
    relative import is found."""
    root = tmp_path / "pkg"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    assert cycles(graph(root)) == expected


def test_front_ends_use_only_the_engines_public_module():
    """The terminal UI, the command line, the history check and the competitions read the
    engine through
    ``game.engine`` alone: its snapshots, reports and calls, never the rules' internals."""
    reached = []
    for name, deps in sorted(graph().items()):
        if layer_of(name) not in ("ui", "cli", "history", "competition", "web"):
            continue
        reached += [f"{name} imports {d}" for d in sorted(deps) if d.startswith("game.engine.")]
    assert reached == []
