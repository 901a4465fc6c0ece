"""Parsing an expression: recursive descent over the tokens, typing every node on the way.

The grammar is in :mod:`game.campaign.expressions`. Nesting is counted while parsing
(brackets, calls, prefix operators; checked before recursing) and in the finished tree,
both against :data:`MAX_DEPTH`; the tree may have at most :data:`MAX_NODES` nodes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from game.campaign.expression_names import (
    DOCTRINES,
    FUNCTIONS,
    STRING_KINDS,
    VARIABLES,
    FunctionSpec,
    Reference,
    shown_params,
)
from game.campaign.expression_tokens import (
    NOT_STATES,
    OPERATOR_WORDS,
    Token,
    describe,
    is_,
    tokenize,
)
from game.campaign.expression_tree import (
    COMPARISONS,
    EQUALITY,
    Call,
    Literal,
    Node,
    Operation,
    StateId,
    Unary,
    Variable,
)
from game.campaign.suggest import did_you_mean

MAX_DEPTH = 24
MAX_NODES = 200


class ExpressionError(ValueError):
    """A problem in an expression's text; ``column`` is 1-based and ``str()`` is the message."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message, column)  # both in args, so the error pickles
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return self.message


def a(type_: str) -> str:
    """A type as a message names it: "a number", "a bool", "a string"."""
    return {"number": "a number", "bool": "a bool", "string": "a string"}[type_]


def _too_deep() -> str:
    return f"expression is nested too deeply (the limit is {MAX_DEPTH} levels)"


class Parser:
    """Recursive descent over the token list; every node passes through ``add``."""

    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.position = 0
        self.nesting = 0  # open brackets, calls and prefix operators
        self.node_count = 0
        self.references: list[Reference] = []

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.position + ahead, len(self.tokens) - 1)]

    def next(self) -> Token:
        token = self.lexical(self.peek())
        self.position = min(self.position + 1, len(self.tokens) - 1)
        return token

    @staticmethod
    def lexical(token: Token) -> Token:
        # Looking ahead at an error token is harmless; needing it raises its message.
        if token.kind == "error":
            raise ExpressionError(token.text, token.column)
        return token

    def at(self, *texts: str) -> bool:
        return is_(self.peek(), *texts)

    def enter(self, token: Token) -> None:
        # Checked before recursing, so even '((((...' never nears Python's recursion limit.
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise ExpressionError(_too_deep(), token.column)

    def add(self, node: Node) -> Node:
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise ExpressionError(
                f"expression is too large (more than {MAX_NODES} parts)", node.column
            )
        if node.depth > MAX_DEPTH:
            raise ExpressionError(_too_deep(), node.column)
        return node

    def typed(self, node: Node, want: str, what: str) -> Node:
        if node.type != want:
            raise ExpressionError(f"{what}, got {a(node.type)}", node.column)
        return node

    def parse(self) -> Node:
        """The whole expression's tree; raises :class:`ExpressionError` for any problem."""
        node = self.disjunction()
        token = self.lexical(self.peek())
        if is_(token, ")"):
            raise ExpressionError("unmatched ')'", token.column)
        if token.kind != "end":
            raise ExpressionError(
                f"unexpected {describe(token)} after the end of the expression", token.column
            )
        return node

    def run(self, ops: tuple[str, ...], operand: Callable[[], Node], want: str) -> Node:
        """One precedence level: ``operand (op operand)*``, every operand of type ``want``."""
        node = operand()
        rest: list[tuple[str, Node]] = []
        while self.at(*ops):
            op = self.next().text
            what = f"'{op}' needs {want} operands"
            if not rest:
                self.typed(node, want, what)
            rest.append((op, self.typed(operand(), want, what)))
        return self.add(Operation(node.column, want, node, tuple(rest))) if rest else node

    def prefix(self, op: str, want: str, otherwise: Callable[[], Node]) -> Node:
        """``op operand`` (nesting), or else the next level down."""
        if not self.at(op):
            return otherwise()
        token = self.next()
        self.enter(token)
        operand = self.prefix(op, want, otherwise)
        self.typed(operand, want, f"'{op}' needs {a(want)} operand")
        self.nesting -= 1
        return self.add(Unary(token.column, op, operand))

    def disjunction(self) -> Node:
        return self.run(("or",), self.conjunction, "bool")

    def conjunction(self) -> Node:
        return self.run(("and",), lambda: self.prefix("not", "bool", self.comparison), "bool")

    def sum(self) -> Node:
        return self.run(("+", "-"), self.product, "number")

    def product(self) -> Node:
        return self.run(("*", "/"), lambda: self.prefix("-", "number", self.primary), "number")

    def comparison(self) -> Node:
        left = self.sum()
        if not self.at(*COMPARISONS, *EQUALITY):
            return left
        op = self.next()
        if op.text in COMPARISONS:
            self.typed(left, "number", f"'{op.text}' needs number operands")
        right = self.sum()
        if op.text in COMPARISONS:
            self.typed(right, "number", f"'{op.text}' needs number operands")
        elif left.type != right.type:
            raise ExpressionError(
                f"'{op.text}' needs both sides of the same type, "
                f"got {a(left.type)} and {a(right.type)}",
                op.column,
            )
        if self.at(*COMPARISONS, *EQUALITY):
            second = self.peek()
            raise ExpressionError(
                f"comparisons cannot be chained; write 'a {op.text} b and b {second.text} c'",
                second.column,
            )
        return self.add(Operation(left.column, "bool", left, ((op.text, right),)))

    def primary(self) -> Node:
        token = self.next()
        if token.kind == "number":
            if not math.isfinite(value := float(token.text)):
                raise ExpressionError("number is too large", token.column)
            node = self.add(Literal(token.column, value, "number"))
        elif token.kind == "string":
            node = self.add(Literal(token.column, token.text[1:-1], "string"))
        elif token.kind == "name" and token.text not in OPERATOR_WORDS:
            node = self.name(token)
        elif is_(token, "("):
            self.enter(token)
            node = self.disjunction()
            self.close(token)
            self.nesting -= 1
        elif token.kind == "id":
            raise ExpressionError(f"invalid number '{token.text}'", token.column)
        elif is_(token, ".") and self.peek().kind == "number":
            message = f"numbers must start with a digit: write '0.{self.peek().text}'"
            raise ExpressionError(message, token.column)
        else:
            hint = "; put 'not ...' in parentheses" if is_(token, "not") else ""
            raise ExpressionError(f"expected a value, found {describe(token)}{hint}", token.column)
        self.refuse_postfix()
        return node

    def refuse_postfix(self) -> None:
        token = self.peek()
        if is_(token, "."):
            raise ExpressionError("attribute access ('.') is not allowed", token.column)
        if is_(token, "["):
            raise ExpressionError("subscripts ('[...]') are not allowed", token.column)
        if is_(token, "("):
            raise ExpressionError("only named functions can be called", token.column)

    def name(self, token: Token) -> Node:
        if self.at("("):
            return self.call(token)
        if token.text in ("true", "false"):
            return self.add(Literal(token.column, token.text == "true", "bool"))
        if token.text == "player":
            message = "'player' can only be used as a state argument, e.g. allied(player, USA)"
            raise ExpressionError(message, token.column)
        self.refuse_postfix()  # `os.system` is better answered by "no attributes"
        if token.text not in VARIABLES:
            hint = did_you_mean(token.text, sorted(VARIABLES))
            known = ", ".join(sorted(VARIABLES))
            message = f"unknown name '{token.text}'{hint or f'; variables are: {known}'}"
            raise ExpressionError(message, token.column)
        return self.add(Variable(token.column, token.text))

    def call(self, name: Token) -> Node:
        spec = FUNCTIONS.get(name.text)
        if spec is None:
            hint = did_you_mean(name.text, sorted(FUNCTIONS))
            known = ", ".join(sorted(FUNCTIONS))
            message = f"unknown function '{name.text}'{hint or f'; known: {known}'}"
            raise ExpressionError(message, name.column)
        opening = self.next()
        self.enter(opening)
        count, wanted = self.count_arguments(), len(spec.params)
        if count is not None and count != wanted:
            noun = "argument" if wanted == 1 else "arguments"
            message = f"{spec.name}() takes {wanted} {noun} ({shown_params(spec.params)})"
            raise ExpressionError(f"{message}, got {count}", name.column)
        args: list[Node] = []
        for index, kind in enumerate(spec.params):
            if index:
                token = self.next()
                if token.kind == "end":
                    self.close(opening, token)
                if not is_(token, ","):
                    message = f"expected ',' or ')' in the call to {spec.name}()"
                    raise ExpressionError(f"{message}, found {describe(token)}", token.column)
            if self.peek().kind == "end":
                self.close(opening)  # raises "missing ')'"
            args.append(self.argument(spec, index + 1, kind))
        self.close(opening)
        self.nesting -= 1
        return self.add(Call(name.column, spec, tuple(args)))

    def count_arguments(self) -> int | None:
        """Arguments of the call whose '(' was just read; None if it is never closed."""
        if self.at(")"):
            return 0
        depth = commas = 0
        for token in self.tokens[self.position :]:
            if is_(token, "("):
                depth += 1
            elif is_(token, ")"):
                if not depth:
                    return commas + 1
                depth -= 1
            elif is_(token, ",") and not depth:
                commas += 1
        return None

    def argument(self, spec: FunctionSpec, number: int, kind: str) -> Node:
        token, following = self.lexical(self.peek()), self.lexical(self.peek(1))
        where = f"argument {number} of {spec.name}()"
        if kind == "state":
            is_id = token.kind in ("name", "id") or token.text.isdigit()
            if is_id and token.text not in NOT_STATES and not is_(following, "("):
                self.next()
                self.refuse_postfix()
                if token.text != "player":
                    self.references.append(Reference("state", token.text, token.column))
                return self.add(StateId(token.column, token.text))
            hint = "; write state ids without quotes" if token.kind == "string" else ""
            message = f"{where} must be a state id such as USSR or player{hint}"
            raise ExpressionError(message, token.column)
        if kind in STRING_KINDS:
            if token.kind != "string" or not is_(following, ",", ")"):
                message = f'{where} must be a quoted {kind} id such as "{STRING_KINDS[kind]}"'
                raise ExpressionError(message, token.column)
            self.next()
            value = token.text[1:-1]
            if kind == "doctrine":
                if value not in DOCTRINES:
                    hint = did_you_mean(value, DOCTRINES) or f"; known: {', '.join(DOCTRINES)}"
                    message = f"unknown doctrine '{value}'{hint}"
                    raise ExpressionError(message, token.column)
            elif not value:
                raise ExpressionError(f"the {kind} id must not be empty", token.column)
            else:
                # The name itself starts just after the opening quote.
                self.references.append(Reference(kind, value, token.column + 1))
            return self.add(Literal(token.column, value, "string"))
        return self.typed(self.disjunction(), kind, f"{where} must be {a(kind)}")

    def close(self, opening: Token, token: Token | None = None) -> None:
        token = token or self.next()
        if is_(token, ")"):
            return
        if token.kind == "end":
            message = f"missing ')' for the '(' at column {opening.column}"
            raise ExpressionError(message, token.column)
        message = f"expected ')' to close the '(' at column {opening.column}"
        raise ExpressionError(f"{message}, found {describe(token)}", token.column)
