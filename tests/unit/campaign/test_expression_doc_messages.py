"""The guide's table of expression messages (docs/authoring.md) is what the parser says:
each row's column and message, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.expressions import ExpressionError, parse_expression

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "authoring.md"


def rows() -> list[tuple[str, int, str]]:
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    start = lines.index("| written | column | message |") + 2
    found = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        written, column, message = (cell.strip() for cell in line.strip("|").split(" | "))
        found.append((written.strip("`"), int(column), message))
    return found


def test_the_table_is_there():
    assert len(rows()) >= 10


@pytest.mark.parametrize(("written", "column", "message"), rows())
def test_each_message_in_the_guide_is_the_parsers(written, column, message):
    said = []
    for expect in ("bool", "number"):
        try:
            parse_expression(written, expect=expect)
        except ExpressionError as error:
            said.append((error.column, error.message))
    assert (column, message) in said, said
