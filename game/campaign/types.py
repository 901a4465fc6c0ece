"""Field types shared by the campaign models: identifiers, bounded numbers, expressions.

Identifiers are always strings (the Norway problem: ``NO`` is Norway, not ``False``); the
safe YAML reader already keeps such scalars as strings, and a bare number written as an
identifier (``id: 12``) is turned into its string form here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    Strict,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from game.campaign.expressions import Expression, ExpressionError, parse_expression

ID_PATTERN = r"^[A-Za-z0-9_]+$"


def _identifier_from_number(value: Any) -> Any:
    # YAML reads `id: 12` as an int; an identifier is a name, so keep what was written.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Identifier = Annotated[
    str,
    BeforeValidator(_identifier_from_number),
    Field(pattern=ID_PATTERN, min_length=1, max_length=40),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": ID_PATTERN, "minLength": 1, "maxLength": 40},
                {"type": "integer", "minimum": 0},
            ],
            "description": "An id: letters, digits and underscores (NO, ON and 012 stay text).",
        }
    ),
]
"""A state, alliance, era, event or objective id: letters, digits and underscores."""

# Numbers and booleans are strict: `true` is not 1, "3" is not 3, and `no` is not False
# (the reader keeps `no` a string; strictness keeps it from turning into a boolean here).
Unit = Annotated[float, Strict(), Field(ge=0.0, le=1.0)]
"""A number from 0 to 1."""

Signed = Annotated[float, Strict(), Field(ge=-1.0, le=1.0)]
"""A number from -1 to 1."""

NonNegative = Annotated[float, Strict(), Field(ge=0.0)]
"""A number from 0 up."""

MAX_TURNS = 5_000
"""The most turns a campaign may last, and a save may record (400 years in monthly turns)."""

MAX_SCORE_WEIGHT = 1000.0
"""The largest weight of a part of the score (a campaign's, a competition's, a replay's):
a score is a whole number of points, and a weight near the float's limit makes it none."""

ScoreWeight = Annotated[float, Strict(), Field(ge=0.0, le=MAX_SCORE_WEIGHT)]
"""A weight of one part of the score, from 0 to MAX_SCORE_WEIGHT."""

Number = Annotated[float, Strict()]
"""Any number (an integer is accepted)."""

Whole = Annotated[int, Strict()]
"""A whole number."""

Flag = Annotated[bool, Strict()]
"""`true` or `false`, nothing else."""

Year = Annotated[int, Strict(), Field(ge=1, le=9999)]
"""A calendar year."""

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
"""Characters that take no room on screen: a text of these alone is blank."""


def _printable(line_breaks: bool) -> Callable[[str], str]:
    """A check that the text holds no control character (a YAML escape such as ``"\\x1b"``
    would reach the player's terminal raw) and is not blank."""
    allowed = "\n\t" if line_breaks else ""

    def check(value: str) -> str:
        if not line_breaks:
            value = value.rstrip("\n")  # a folded `title: >` scalar ends with a line break
        for position, char in enumerate(value, 1):
            code = ord(char)
            if (code < 32 or 127 <= code < 160) and char not in allowed:
                raise PydanticCustomError(
                    "control_character",
                    "holds a control character (U+{code}) at character {position}: "
                    + (
                        "write plain text" if line_breaks else "write it on one line, in plain text"
                    ),
                    {"code": f"{code:04X}", "position": position},
                )
        if not value.strip().strip(_INVISIBLE).strip():
            raise PydanticCustomError("blank_text", "is blank: write something to show", {})
        return value

    return check


Text = Annotated[str, Field(min_length=1, max_length=20_000), AfterValidator(_printable(True))]
"""Narrative text shown to the player."""

ShortText = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable(False))]
"""A title, label or name."""


def _plain_number(value: float) -> str:
    """A number written out in full (the expression language has no exponent notation)."""
    if isinstance(value, int):
        return str(value)
    return format(value, ".12f").rstrip("0").rstrip(".") or "0"


def _expression_validator(expect: str) -> Callable[[Any], Expression]:
    def parse(value: Any) -> Expression:
        if isinstance(value, Expression):
            return value
        if isinstance(value, bool) and expect == "bool":
            value = "true" if value else "false"
        elif isinstance(value, int | float) and not isinstance(value, bool) and expect == "number":
            value = _plain_number(value)
        if not isinstance(value, str):
            raise PydanticCustomError(
                "expression_type",
                "expected an expression written as text, got {got}",
                {"got": type(value).__name__},
            )
        try:
            return parse_expression(value, expect=expect)
        except ExpressionError as error:
            # The column inside the expression travels in ctx so the loader can point at
            # the exact character in the YAML file.
            raise PydanticCustomError(
                "expression", "{message}", {"message": error.message, "column": error.column}
            ) from None

    return parse


Condition = Annotated[
    Expression,
    BeforeValidator(_expression_validator("bool")),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "boolean"],
            "description": "A condition in the expression language, e.g. "
            "'threat(USSR, TUR) > 0.6 and year >= 1947'.",
        }
    ),
]
"""A true/false expression, parsed and checked when the campaign loads."""

Formula = Annotated[
    Expression,
    BeforeValidator(_expression_validator("number")),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string"}],
            "description": "A number, or a numeric expression such as 'power(USA) * 2'.",
        }
    ),
]
"""A number or a numeric expression, parsed and checked when the campaign loads."""
