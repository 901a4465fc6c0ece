"""docs/theory.md lists every constant the engine uses, with its current value, and
constants.py documents each one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from game.engine import constants

THEORY = Path(__file__).resolve().parents[3] / "docs" / "theory.md"
SOURCE = Path(constants.__file__)
ROW = re.compile(r"^\| `([A-Za-z_][A-Za-z0-9_]*)` \| ([^|]+) \|", re.MULTILINE)
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def public_uppercase(name: str) -> bool:
    """A public constant's name: no leading underscore, every letter upper case."""
    return not name.startswith("_") and name.isupper()


def defined_names() -> list[str]:
    """Every public UPPERCASE name constants.py assigns at its top level, in file order."""
    names = []
    for node in ast.parse(SOURCE.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names += [t.id for t in targets if isinstance(t, ast.Name) and public_uppercase(t.id)]
    return names


def scalars(value: object) -> list[object]:
    """The numbers and strings in a value, nested tuples and lists flattened, in order."""
    if isinstance(value, tuple | list):
        return [x for item in value for x in scalars(item)]
    return [value]


def constant_rows() -> dict[str, list[str]]:
    """Each name in a ``| `NAME` | value |`` row of docs/theory.md, with its values."""
    rows: dict[str, list[str]] = {}
    for name, value in ROW.findall(THEORY.read_text(encoding="utf-8")):
        if public_uppercase(name):
            rows.setdefault(name, []).append(value.strip())
    return rows


def test_every_public_name_is_found() -> None:
    names = defined_names()
    assert names, "constants.py defines no constants"
    assert len(names) == len(set(names)), "constants.py assigns a name twice"
    from_module = sorted(n for n in vars(constants) if public_uppercase(n))
    assert sorted(names) == from_module, "constants.py has names the parse does not see"


def test_every_constant_is_documented_with_its_value() -> None:
    rows = constant_rows()
    for name in defined_names():
        assert name in rows, f"docs/theory.md has no table row for {name}"
        assert len(rows[name]) == 1, f"docs/theory.md has {len(rows[name])} rows for {name}"
        shown, value = rows[name][0], getattr(constants, name)
        wrong = f"docs/theory.md gives {name} = {shown}, the engine {value!r}"
        if isinstance(value, str):
            assert shown == value, wrong
            continue
        parts = scalars(value)
        assert all(isinstance(p, int | float | str) and not isinstance(p, bool) for p in parts)
        numbers = [float(p) for p in parts if not isinstance(p, str)]
        assert [float(n) for n in NUMBER.findall(shown)] == numbers, wrong
        for word in (p for p in parts if isinstance(p, str)):
            assert re.search(rf"\b{re.escape(word)}\b", shown), wrong


def test_every_documented_constant_exists() -> None:
    stale = sorted(set(constant_rows()) - set(defined_names()))
    assert not stale, f"docs/theory.md lists constants the engine does not have: {stale}"


def test_every_constant_has_a_docstring() -> None:
    """Each assignment, or each run of assignments on adjacent lines (they share one), is
    followed directly by a docstring."""
    body = ast.parse(SOURCE.read_text(encoding="utf-8")).body
    undocumented: list[str] = []
    group: list[str] = []
    for node, after in zip(body, [*body[1:], None], strict=True):
        if not isinstance(node, ast.Assign | ast.AnnAssign):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        group += [t.id for t in targets if isinstance(t, ast.Name) and public_uppercase(t.id)]
        adjacent = after is not None and after.lineno == (node.end_lineno or node.lineno) + 1
        if adjacent and isinstance(after, ast.Assign | ast.AnnAssign):
            continue  # the run goes on
        docstring = (
            adjacent
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        )
        if not docstring:
            undocumented += group
        group = []
    assert not undocumented, f"constants.py has no docstring for {undocumented}"
