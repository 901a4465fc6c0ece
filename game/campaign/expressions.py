"""The campaign expression language: conditions and numeric formulas.

Campaign authors write ``threat(USSR, TUR) > 0.6 and year >= 1947``. When the campaign
loads, :func:`parse_expression` turns the text into a small typed tree built only from
the allow-listed operators, :data:`FUNCTIONS` and :data:`VARIABLES`; nothing is ever
handed to ``eval``. Later the engine evaluates the tree through an
:class:`EvaluationContext`.

Grammar, lowest precedence first::

    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?    (no chaining)
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | primary
    primary    := NUMBER | STRING | "true" | "false" | VARIABLE | call | "(" or ")"

Types are checked while parsing, so an expression that loads cannot fail later on a typo
or a type mismatch. Evaluation: numbers are floats, ``and``/``or`` short-circuit, and
division by zero gives 0.0 so that a formula such as ``score / turn`` cannot crash a game.
Columns are 1-based offsets into the text (a newline counts as one character).

Caps: MAX_LENGTH characters, MAX_NODES tree nodes ("parts"), and MAX_DEPTH levels of
nesting, counted both while parsing (brackets, calls, prefix operators; checked before
recursing) and in the finished tree, so evaluation's recursion is bounded by it too.
State ids are bare words (``USSR``, ``NO``, ``012``) accepted only where a function takes a
state; the keyword ``player`` stands for the player's state there.

The language lives in one module per concern: :mod:`~game.campaign.expression_names`
(what may be named), :mod:`~game.campaign.expression_tokens` (the lexer),
:mod:`~game.campaign.expression_parser` (parsing and typing) and
:mod:`~game.campaign.expression_tree` (the tree and its evaluation). The rest of the game
imports from this module alone.
"""

from __future__ import annotations

from game.campaign.expression_names import (
    DOCTRINES,
    FUNCTIONS,
    VARIABLES,
    FunctionSpec,
    Reference,
)
from game.campaign.expression_parser import MAX_DEPTH, MAX_NODES, ExpressionError, Parser, a
from game.campaign.expression_tokens import SPACE
from game.campaign.expression_tree import (
    Bound,
    CallUse,
    EvaluationContext,
    Expression,
    Value,
)

__all__ = [
    "DOCTRINES",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_NODES",
    "VARIABLES",
    "Bound",
    "CallUse",
    "EvaluationContext",
    "Expression",
    "ExpressionError",
    "FunctionSpec",
    "Reference",
    "Value",
    "parse_expression",
]

MAX_LENGTH = 500

_EXPECTED = {"bool": "a condition (true or false)", "number": "a number"}


def parse_expression(text: str, expect: str = "bool") -> Expression:
    """Parse and type-check ``text``; ``expect`` is "bool" (a condition) or "number".

    Raises :class:`ExpressionError` (with a 1-based column) for any problem in the text,
    ``TypeError`` if ``text`` is not a str and ``ValueError`` for an unknown ``expect``.
    """
    if expect not in _EXPECTED:
        raise ValueError(f"expect must be 'bool' or 'number', not {expect!r}")
    if not isinstance(text, str):
        raise TypeError(f"an expression must be a str, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        message = f"expression is too long ({len(text)} characters; the limit is {MAX_LENGTH})"
        raise ExpressionError(message, MAX_LENGTH + 1)
    if not text.strip(SPACE):
        raise ExpressionError("empty expression", 1)
    parser = Parser(text)
    root = parser.parse()
    if root.type != expect:
        message = f"expected {_EXPECTED[expect]}, but the expression gives {a(root.type)}"
        raise ExpressionError(message, 1)
    return Expression(text, root.type, root, tuple(parser.references))
