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
"""

from __future__ import annotations

import math
import operator
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

MAX_LENGTH = 500
MAX_DEPTH = 24
MAX_NODES = 200

Value = bool | float | str


class ExpressionError(ValueError):
    """A problem in an expression's text; ``column`` is 1-based and ``str()`` is the message."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message, column)  # both in args, so the error pickles
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Reference:
    """A campaign id an expression names, so the loader can check that it exists."""

    kind: str  # "state" | "flag" | "event" | "era" | "objective"
    name: str
    column: int


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    """One allow-listed function: its parameter kinds, result type and meaning.

    A parameter kind is "state" (a bare state id or ``player``), one of the string kinds
    ("flag", "event", "era", "objective", "doctrine": a string literal), or "number"/"bool".
    """

    name: str
    params: tuple[str, ...]
    returns: str
    doc: str

    @property
    def signature(self) -> str:
        """The call as documented, e.g. ``threat(state, state) -> number``."""
        return f"{self.name}({_shown_params(self.params)}) -> {self.returns}"


_STRING_KINDS = {
    "flag": "marshall_plan",
    "event": "berlin_blockade",
    "era": "early_cold_war",
    "objective": "contain_ussr",
    "doctrine": "balance_of_threat",
}  # kind -> an example id, for error messages
DOCTRINES = ("balance_of_power", "balance_of_threat", "bandwagon")

FUNCTIONS: Mapping[str, FunctionSpec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            FunctionSpec(
                "threat",
                ("state", "state"),
                "number",
                "threat the first state poses to the second, as the second sees it, in [0, 1]",
            ),
            FunctionSpec("allied", ("state", "state"), "bool", "the two are in an alliance"),
            FunctionSpec("allies", ("state",), "number", "how many allies the state has"),
            FunctionSpec("power", ("state",), "number", "aggregate power share (CINC-like, 0..1)"),
            FunctionSpec("military", ("state",), "number", "military strength"),
            FunctionSpec("stability", ("state",), "number", "stability, 0..1"),
            FunctionSpec(
                "intentions",
                ("state", "state"),
                "number",
                "how hostile the first state's record looks to the second, 0..1",
            ),
            FunctionSpec("exists", ("state",), "bool", "the state is in the world now"),
            FunctionSpec(
                "doctrine_is",
                ("state", "doctrine"),
                "bool",
                "the state follows that doctrine: " + ", ".join(f'"{d}"' for d in DOCTRINES),
            ),
            FunctionSpec("flag", ("flag",), "bool", "the campaign flag is set"),
            FunctionSpec("fired", ("event",), "bool", "the event has fired at least once"),
            FunctionSpec("in_era", ("era",), "bool", "the current era has that id"),
            FunctionSpec("achieved", ("objective",), "bool", "the objective is achieved"),
        )
    }
)

VARIABLES: Mapping[str, str] = MappingProxyType(
    {
        "score": "the player's score so far",
        "turn": "the current turn number",
        "year": "the current in-game year",
    }
)


class EvaluationContext(Protocol):
    """What evaluation needs from the game; the engine implements it."""

    player_id: str

    def variable(self, name: str) -> float:
        """The current value of a variable in :data:`VARIABLES`."""
        ...

    def call(self, name: str, args: tuple[str | float, ...]) -> bool | float:
        """Run an allow-listed function; state ids and strings arrive as str, numbers as float."""
        ...


# --- the tree -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Node:
    column: int
    depth: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Stored so the parser can cap tree depth, which bounds evaluation's recursion.
        depth = 1 + max((child.depth for child in self.children()), default=0)
        object.__setattr__(self, "depth", depth)

    def children(self) -> tuple[_Node, ...]:
        return ()

    if TYPE_CHECKING:
        # What every kind of node has; each subclass provides them (a field, a class
        # variable or a property), so they are declared for the type checker only.
        @property
        def type(self) -> str: ...

        def evaluate(self, context: EvaluationContext) -> Value: ...


@dataclass(frozen=True, slots=True)
class _Literal(_Node):
    value: Value
    type: str

    def evaluate(self, context: EvaluationContext) -> Value:
        return self.value


@dataclass(frozen=True, slots=True)
class _Variable(_Node):
    name: str
    type: ClassVar[str] = "number"

    def evaluate(self, context: EvaluationContext) -> Value:
        return float(context.variable(self.name))


@dataclass(frozen=True, slots=True)
class _State(_Node):
    name: str  # "player" stands for the player's state
    type: ClassVar[str] = "state"

    def evaluate(self, context: EvaluationContext) -> Value:
        return context.player_id if self.name == "player" else self.name


@dataclass(frozen=True, slots=True)
class _Call(_Node):
    spec: FunctionSpec
    args: tuple[_Node, ...]

    @property
    def type(self) -> str:
        return self.spec.returns

    def children(self) -> tuple[_Node, ...]:
        return self.args

    def evaluate(self, context: EvaluationContext) -> Value:
        result = context.call(self.spec.name, tuple(arg.evaluate(context) for arg in self.args))
        return bool(result) if self.spec.returns == "bool" else float(result)


@dataclass(frozen=True, slots=True)
class _Unary(_Node):
    op: str  # "not" | "-"
    operand: _Node

    @property
    def type(self) -> str:
        return "bool" if self.op == "not" else "number"

    def children(self) -> tuple[_Node, ...]:
        return (self.operand,)

    def evaluate(self, context: EvaluationContext) -> Value:
        value = self.operand.evaluate(context)
        # The parser typed the operand: bool for "not", number for "-".
        return not value if self.op == "not" else -cast(float, value)


def _divide(left: float, right: float) -> float:
    return left / right if right else 0.0  # documented: division by zero gives 0.0


_COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_EQUALITY = {"==": operator.eq, "!=": operator.ne}
_BINARY: dict[str, Callable[[Value, Value], Value]] = {
    **_COMPARISONS,
    **_EQUALITY,
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": cast(Callable[[Value, Value], Value], _divide),  # the parser gives it numbers only
    "and": lambda _, right: right,  # reached only when the left side did not decide
    "or": lambda _, right: right,
}


@dataclass(frozen=True, slots=True)
class _Operation(_Node):
    """``first op x op y ...`` at one precedence level, evaluated left to right.

    One node per run of operators (not one per operator) keeps `a and b and c ...` and
    `1 + 2 + ...` shallow. A comparison is a run of one.
    """

    type: str
    first: _Node
    rest: tuple[tuple[str, _Node], ...]

    def children(self) -> tuple[_Node, ...]:
        return (self.first, *(node for _, node in self.rest))

    def evaluate(self, context: EvaluationContext) -> Value:
        value = self.first.evaluate(context)
        for op, node in self.rest:
            if (op == "and" and not value) or (op == "or" and value):
                return value  # short-circuit: the rest is never evaluated
            value = _BINARY[op](value, node.evaluate(context))
        return value


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed, type-checked expression; immutable, compared by text and type."""

    text: str
    result_type: str  # "bool" or "number"
    _root: _Node = field(repr=False, compare=False)
    _references: tuple[Reference, ...] = field(repr=False, compare=False)

    def references(self) -> list[Reference]:
        """The states and campaign ids the expression names, in text order."""
        return list(self._references)

    def evaluate(self, context: EvaluationContext) -> bool | float:
        """The value against the game now: a bool for conditions, a float for formulas."""
        # The parser typed the root as result_type, "bool" or "number", never a string.
        return cast("bool | float", self._root.evaluate(context))

    def __str__(self) -> str:
        return self.text


# --- tokens ---------------------------------------------------------------------------

_SPACE = " \t\r\n"
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
_OPERATOR_WORDS = ("and", "or", "not")
_NOT_STATES = (*_OPERATOR_WORDS, "true", "false")


@dataclass(frozen=True, slots=True)
class _Token:
    # "number" | "id" (a word starting with a digit) | "name" | "string" | "op" | "end" | "error"
    kind: str
    text: str  # strings keep their quotes
    column: int


def _tokenize(text: str) -> list[_Token]:
    """The tokens of ``text``, ending with an "end" token.

    A lexical problem becomes an "error" token (its text is the message) that ends the list:
    the parser raises it only when it gets there, so problems are reported in text order
    (`lambda x: x` is an unknown name before it is an unexpected ':').
    """
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char, column = text[i], i + 1
        if char in _SPACE:
            i += 1
            continue
        if char in "\"'":
            end = text.find(char, i + 1)
            if end < 0:
                return [*tokens, _Token("error", "unterminated string (no closing quote)", column)]
            tokens.append(_Token("string", text[i : end + 1], column))
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
                    return [*tokens, _Token("error", message, end + 1)]
                end = fraction
            tokens.append(_Token(kind, text[i:end], column))
            i = end
        else:
            pair = text[i : i + 2]
            if pair in _REFUSED or (pair not in _OPERATORS and char in _REFUSED):
                return [*tokens, _Token("error", _REFUSED.get(pair) or _REFUSED[char], column)]
            op = pair if pair in _OPERATORS else char
            if op not in _OPERATORS:
                return [*tokens, _Token("error", f"unexpected character {char!r}", column)]
            tokens.append(_Token("op", op, column))
            i += len(op)
    tokens.append(_Token("end", "", len(text.rstrip(_SPACE)) + 1))
    return tokens


def _is(token: _Token, *texts: str) -> bool:
    return token.kind in ("op", "name") and token.text in texts


def _describe(token: _Token) -> str:
    if token.kind == "end":
        return "the end of the expression"
    return token.text if token.kind == "string" else f"'{token.text}'"


def _a(type_: str) -> str:
    return {"number": "a number", "bool": "a bool", "string": "a string"}[type_]


def _too_deep() -> str:
    return f"expression is nested too deeply (the limit is {MAX_DEPTH} levels)"


def _shown_params(params: tuple[str, ...]) -> str:
    return ", ".join("string" if kind in _STRING_KINDS else kind for kind in params)


# --- parsing --------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the token list; every node passes through ``add``."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.position = 0
        self.nesting = 0  # open brackets, calls and prefix operators
        self.node_count = 0
        self.references: list[Reference] = []

    def peek(self, ahead: int = 0) -> _Token:
        return self.tokens[min(self.position + ahead, len(self.tokens) - 1)]

    def next(self) -> _Token:
        token = self.lexical(self.peek())
        self.position = min(self.position + 1, len(self.tokens) - 1)
        return token

    @staticmethod
    def lexical(token: _Token) -> _Token:
        # Looking ahead at an error token is harmless; needing it raises its message.
        if token.kind == "error":
            raise ExpressionError(token.text, token.column)
        return token

    def at(self, *texts: str) -> bool:
        return _is(self.peek(), *texts)

    def enter(self, token: _Token) -> None:
        # Checked before recursing, so even '((((...' never nears Python's recursion limit.
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise ExpressionError(_too_deep(), token.column)

    def add(self, node: _Node) -> _Node:
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise ExpressionError(
                f"expression is too large (more than {MAX_NODES} parts)", node.column
            )
        if node.depth > MAX_DEPTH:
            raise ExpressionError(_too_deep(), node.column)
        return node

    def typed(self, node: _Node, want: str, what: str) -> _Node:
        if node.type != want:
            raise ExpressionError(f"{what}, got {_a(node.type)}", node.column)
        return node

    def parse(self) -> _Node:
        node = self.disjunction()
        token = self.lexical(self.peek())
        if _is(token, ")"):
            raise ExpressionError("unmatched ')'", token.column)
        if token.kind != "end":
            raise ExpressionError(
                f"unexpected {_describe(token)} after the end of the expression", token.column
            )
        return node

    def run(self, ops: tuple[str, ...], operand: Callable[[], _Node], want: str) -> _Node:
        """One precedence level: ``operand (op operand)*``, every operand of type ``want``."""
        node = operand()
        rest: list[tuple[str, _Node]] = []
        while self.at(*ops):
            op = self.next().text
            what = f"'{op}' needs {want} operands"
            if not rest:
                self.typed(node, want, what)
            rest.append((op, self.typed(operand(), want, what)))
        return self.add(_Operation(node.column, want, node, tuple(rest))) if rest else node

    def prefix(self, op: str, want: str, otherwise: Callable[[], _Node]) -> _Node:
        """``op operand`` (nesting), or else the next level down."""
        if not self.at(op):
            return otherwise()
        token = self.next()
        self.enter(token)
        operand = self.prefix(op, want, otherwise)
        self.typed(operand, want, f"'{op}' needs {_a(want)} operand")
        self.nesting -= 1
        return self.add(_Unary(token.column, op, operand))

    def disjunction(self) -> _Node:
        return self.run(("or",), self.conjunction, "bool")

    def conjunction(self) -> _Node:
        return self.run(("and",), lambda: self.prefix("not", "bool", self.comparison), "bool")

    def sum(self) -> _Node:
        return self.run(("+", "-"), self.product, "number")

    def product(self) -> _Node:
        return self.run(("*", "/"), lambda: self.prefix("-", "number", self.primary), "number")

    def comparison(self) -> _Node:
        left = self.sum()
        if not self.at(*_COMPARISONS, *_EQUALITY):
            return left
        op = self.next()
        if op.text in _COMPARISONS:
            self.typed(left, "number", f"'{op.text}' needs number operands")
        right = self.sum()
        if op.text in _COMPARISONS:
            self.typed(right, "number", f"'{op.text}' needs number operands")
        elif left.type != right.type:
            raise ExpressionError(
                f"'{op.text}' needs both sides of the same type, "
                f"got {_a(left.type)} and {_a(right.type)}",
                op.column,
            )
        if self.at(*_COMPARISONS, *_EQUALITY):
            second = self.peek()
            raise ExpressionError(
                f"comparisons cannot be chained; write 'a {op.text} b and b {second.text} c'",
                second.column,
            )
        return self.add(_Operation(left.column, "bool", left, ((op.text, right),)))

    def primary(self) -> _Node:
        token = self.next()
        if token.kind == "number":
            if not math.isfinite(value := float(token.text)):
                raise ExpressionError("number is too large", token.column)
            node = self.add(_Literal(token.column, value, "number"))
        elif token.kind == "string":
            node = self.add(_Literal(token.column, token.text[1:-1], "string"))
        elif token.kind == "name" and token.text not in _OPERATOR_WORDS:
            node = self.name(token)
        elif _is(token, "("):
            self.enter(token)
            node = self.disjunction()
            self.close(token)
            self.nesting -= 1
        elif token.kind == "id":
            raise ExpressionError(f"invalid number '{token.text}'", token.column)
        elif _is(token, ".") and self.peek().kind == "number":
            message = f"numbers must start with a digit: write '0.{self.peek().text}'"
            raise ExpressionError(message, token.column)
        else:
            hint = "; put 'not ...' in parentheses" if _is(token, "not") else ""
            raise ExpressionError(f"expected a value, found {_describe(token)}{hint}", token.column)
        self.refuse_postfix()
        return node

    def refuse_postfix(self) -> None:
        token = self.peek()
        if _is(token, "."):
            raise ExpressionError("attribute access ('.') is not allowed", token.column)
        if _is(token, "["):
            raise ExpressionError("subscripts ('[...]') are not allowed", token.column)
        if _is(token, "("):
            raise ExpressionError("only named functions can be called", token.column)

    def name(self, token: _Token) -> _Node:
        if self.at("("):
            return self.call(token)
        if token.text in ("true", "false"):
            return self.add(_Literal(token.column, token.text == "true", "bool"))
        if token.text == "player":
            message = "'player' can only be used as a state argument, e.g. allied(player, USA)"
            raise ExpressionError(message, token.column)
        self.refuse_postfix()  # `os.system` is better answered by "no attributes"
        if token.text not in VARIABLES:
            known = ", ".join(sorted(VARIABLES))
            raise ExpressionError(
                f"unknown name '{token.text}'; variables are: {known}", token.column
            )
        return self.add(_Variable(token.column, token.text))

    def call(self, name: _Token) -> _Node:
        spec = FUNCTIONS.get(name.text)
        if spec is None:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(f"unknown function '{name.text}'; known: {known}", name.column)
        opening = self.next()
        self.enter(opening)
        count, wanted = self.count_arguments(), len(spec.params)
        if count is not None and count != wanted:
            noun = "argument" if wanted == 1 else "arguments"
            message = f"{spec.name}() takes {wanted} {noun} ({_shown_params(spec.params)})"
            raise ExpressionError(f"{message}, got {count}", name.column)
        args: list[_Node] = []
        for index, kind in enumerate(spec.params):
            if index:
                token = self.next()
                if token.kind == "end":
                    self.close(opening, token)
                if not _is(token, ","):
                    message = f"expected ',' or ')' in the call to {spec.name}()"
                    raise ExpressionError(f"{message}, found {_describe(token)}", token.column)
            if self.peek().kind == "end":
                self.close(opening)  # raises "missing ')'"
            args.append(self.argument(spec, index + 1, kind))
        self.close(opening)
        self.nesting -= 1
        return self.add(_Call(name.column, spec, tuple(args)))

    def count_arguments(self) -> int | None:
        """Arguments of the call whose '(' was just read; None if it is never closed."""
        if self.at(")"):
            return 0
        depth = commas = 0
        for token in self.tokens[self.position :]:
            if _is(token, "("):
                depth += 1
            elif _is(token, ")"):
                if not depth:
                    return commas + 1
                depth -= 1
            elif _is(token, ",") and not depth:
                commas += 1
        return None

    def argument(self, spec: FunctionSpec, number: int, kind: str) -> _Node:
        token, following = self.lexical(self.peek()), self.lexical(self.peek(1))
        where = f"argument {number} of {spec.name}()"
        if kind == "state":
            is_id = token.kind in ("name", "id") or token.text.isdigit()
            if is_id and token.text not in _NOT_STATES and not _is(following, "("):
                self.next()
                self.refuse_postfix()
                if token.text != "player":
                    self.references.append(Reference("state", token.text, token.column))
                return self.add(_State(token.column, token.text))
            hint = "; write state ids without quotes" if token.kind == "string" else ""
            message = f"{where} must be a state id such as USSR or player{hint}"
            raise ExpressionError(message, token.column)
        if kind in _STRING_KINDS:
            if token.kind != "string" or not _is(following, ",", ")"):
                message = f'{where} must be a quoted {kind} id such as "{_STRING_KINDS[kind]}"'
                raise ExpressionError(message, token.column)
            self.next()
            value = token.text[1:-1]
            if kind == "doctrine":
                if value not in DOCTRINES:
                    message = f"unknown doctrine '{value}'; known: {', '.join(DOCTRINES)}"
                    raise ExpressionError(message, token.column)
            elif not value:
                raise ExpressionError(f"the {kind} id must not be empty", token.column)
            else:
                # The name itself starts just after the opening quote.
                self.references.append(Reference(kind, value, token.column + 1))
            return self.add(_Literal(token.column, value, "string"))
        return self.typed(self.disjunction(), kind, f"{where} must be {_a(kind)}")

    def close(self, opening: _Token, token: _Token | None = None) -> None:
        token = token or self.next()
        if _is(token, ")"):
            return
        if token.kind == "end":
            message = f"missing ')' for the '(' at column {opening.column}"
            raise ExpressionError(message, token.column)
        message = f"expected ')' to close the '(' at column {opening.column}"
        raise ExpressionError(f"{message}, found {_describe(token)}", token.column)


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
    if not text.strip(_SPACE):
        raise ExpressionError("empty expression", 1)
    parser = _Parser(text)
    root = parser.parse()
    if root.type != expect:
        message = f"expected {_EXPECTED[expect]}, but the expression gives {_a(root.type)}"
        raise ExpressionError(message, 1)
    return Expression(text, root.type, root, tuple(parser.references))
