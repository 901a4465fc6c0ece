"""The expression language's tokens: the text cut into numbers, names, strings and operators."""

from __future__ import annotations

import string
from dataclasses import dataclass

SPACE = " \t\r\n"
_DIGITS = frozenset(string.digits)
_LETTERS = frozenset(string.ascii_letters + "_")
_WORD = _LETTERS | _DIGITS
_OPERATORS = ("<=", ">=", "==", "!=", "(", ")", ",", "+", "-", "*", "/", "<", ">", ".", "[", "]")
_REFUSED = {
    "&&": "use 'and' instead of '&&'",
    "||": "use 'or' instead of '||'",
    "**": "'**' is not supported",
    "//": "'//' is not supported; use '/'",
    "&": "use 'and' instead of '&'",
    "|": "use 'or' instead of '|'",
    "=": "use '==' to compare",
    "!": "use 'not' instead of '!'",
}
OPERATOR_WORDS = ("and", "or", "not")
NOT_STATES = (*OPERATOR_WORDS, "true", "false")
"""Words that are never a state id, even where a function takes a state."""


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``column`` is 1-based."""

    # "number" | "id" (a word starting with a digit) | "name" | "string" | "op" | "end" | "error"
    kind: str
    text: str  # strings keep their quotes
    column: int


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an "end" token.

    A lexical problem becomes an "error" token (its text is the message) that ends the list:
    the parser raises it only when it gets there, so problems are reported in text order
    (`lambda x: x` is an unknown name before it is an unexpected ':').
    """
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char, column = text[i], i + 1
        if char in SPACE:
            i += 1
            continue
        if char in "\"'":
            end = text.find(char, i + 1)
            if end < 0:
                return [*tokens, Token("error", "unterminated string (no closing quote)", column)]
            tokens.append(Token("string", text[i : end + 1], column))
            i = end + 1
        elif char in _WORD:
            end = i
            while end < len(text) and text[end] in _WORD:
                end += 1
            kind = "name" if char in _LETTERS else "number" if text[i:end].isdigit() else "id"
            if kind == "number" and text.startswith(".", end):
                fraction = end + 1
                while fraction < len(text) and text[fraction] in _DIGITS:
                    fraction += 1
                if fraction == end + 1:
                    message = "a number needs digits after '.', e.g. '3.0'"
                    return [*tokens, Token("error", message, end + 1)]
                end = fraction
            tokens.append(Token(kind, text[i:end], column))
            i = end
        else:
            pair = text[i : i + 2]
            if pair in _REFUSED or (pair not in _OPERATORS and char in _REFUSED):
                return [*tokens, Token("error", _REFUSED.get(pair) or _REFUSED[char], column)]
            op = pair if pair in _OPERATORS else char
            if op not in _OPERATORS:
                return [*tokens, Token("error", f"unexpected character {char!r}", column)]
            tokens.append(Token("op", op, column))
            i += len(op)
    tokens.append(Token("end", "", len(text.rstrip(SPACE)) + 1))
    return tokens


def is_(token: Token, *texts: str) -> bool:
    """Whether the token is one of these operators or words."""
    return token.kind in ("op", "name") and token.text in texts


def describe(token: Token) -> str:
    """The token as an error message quotes it."""
    if token.kind == "end":
        return "the end of the expression"
    return token.text if token.kind == "string" else f"'{token.text}'"
