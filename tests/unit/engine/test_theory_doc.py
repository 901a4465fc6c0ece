"""docs/theory.md lists every constant the engine uses, with its current value."""

from __future__ import annotations

import re
from pathlib import Path

from game.engine import constants

THEORY = Path(__file__).resolve().parents[3] / "docs" / "theory.md"


def test_every_constant_is_documented_with_its_value() -> None:
    text = THEORY.read_text(encoding="utf-8")
    names = [n for n in dir(constants) if re.fullmatch(r"[A-Z][A-Z_]+", n)]
    assert names, "constants.py defines no constants"
    for name in names:
        value = getattr(constants, name)
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", text, re.MULTILINE)
        assert row, f"docs/theory.md has no table row for {name}"
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert float(row.group(1).strip()) == float(value), (
                f"docs/theory.md gives {name} = {row.group(1).strip()}, the engine {value}"
            )
