"""The typed tree a parsed expression becomes, and its evaluation against the game.

Numbers are floats, ``and``/``or`` short-circuit, and division by zero gives 0.0. Each
node stores its depth so the parser can cap the tree, which bounds evaluation's recursion.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from game.campaign.expression_names import FunctionSpec, Reference

Value = bool | float | str


class EvaluationContext(Protocol):
    """What evaluation needs from the game; the engine implements it."""

    player_id: str

    def variable(self, name: str) -> float:
        """The current value of a variable in :data:`VARIABLES`."""
        ...

    def call(self, name: str, args: tuple[str | float, ...]) -> bool | float:
        """Run an allow-listed function; state ids and strings arrive as str, numbers as float."""
        ...


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the tree; ``column`` is where its text starts."""

    column: int
    depth: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Stored so the parser can cap tree depth, which bounds evaluation's recursion.
        depth = 1 + max((child.depth for child in self.children()), default=0)
        object.__setattr__(self, "depth", depth)

    def children(self) -> tuple[Node, ...]:
        """The nodes directly below this one."""
        return ()

    if TYPE_CHECKING:
        # What every kind of node has; each subclass provides them (a field, a class
        # variable or a property), so they are declared for the type checker only.
        @property
        def type(self) -> str: ...

        def evaluate(self, context: EvaluationContext) -> Value: ...


@dataclass(frozen=True, slots=True)
class Literal(Node):
    """A number, string, ``true`` or ``false``."""

    value: Value
    type: str

    def evaluate(self, context: EvaluationContext) -> Value:
        return self.value


@dataclass(frozen=True, slots=True)
class Variable(Node):
    """One of the variables, read from the game."""

    name: str
    type: ClassVar[str] = "number"

    def evaluate(self, context: EvaluationContext) -> Value:
        return float(context.variable(self.name))


@dataclass(frozen=True, slots=True)
class StateId(Node):
    """A state id given to a function."""

    name: str  # "player" stands for the player's state
    type: ClassVar[str] = "state"

    def evaluate(self, context: EvaluationContext) -> Value:
        return context.player_id if self.name == "player" else self.name


@dataclass(frozen=True, slots=True)
class Call(Node):
    """A call of an allow-listed function, answered by the game."""

    spec: FunctionSpec
    args: tuple[Node, ...]

    @property
    def type(self) -> str:
        return self.spec.returns

    def children(self) -> tuple[Node, ...]:
        return self.args

    def evaluate(self, context: EvaluationContext) -> Value:
        result = context.call(self.spec.name, tuple(arg.evaluate(context) for arg in self.args))
        return bool(result) if self.spec.returns == "bool" else float(result)


@dataclass(frozen=True, slots=True)
class Unary(Node):
    """``not x`` or ``-x``."""

    op: str  # "not" | "-"
    operand: Node

    @property
    def type(self) -> str:
        return "bool" if self.op == "not" else "number"

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)

    def evaluate(self, context: EvaluationContext) -> Value:
        value = self.operand.evaluate(context)
        # The parser typed the operand: bool for "not", number for "-".
        return not value if self.op == "not" else -cast(float, value)


def _divide(left: float, right: float) -> float:
    return left / right if right else 0.0  # documented: division by zero gives 0.0


COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
EQUALITY = {"==": operator.eq, "!=": operator.ne}
_BINARY: dict[str, Callable[[Value, Value], Value]] = {
    **COMPARISONS,
    **EQUALITY,
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": cast(Callable[[Value, Value], Value], _divide),  # the parser gives it numbers only
    "and": lambda _, right: right,  # reached only when the left side did not decide
    "or": lambda _, right: right,
}


@dataclass(frozen=True, slots=True)
class Operation(Node):
    """``first op x op y ...`` at one precedence level, evaluated left to right.

    One node per run of operators (not one per operator) keeps `a and b and c ...` and
    `1 + 2 + ...` shallow. A comparison is a run of one.
    """

    type: str
    first: Node
    rest: tuple[tuple[str, Node], ...]

    def children(self) -> tuple[Node, ...]:
        return (self.first, *(node for _, node in self.rest))

    def evaluate(self, context: EvaluationContext) -> Value:
        value = self.first.evaluate(context)
        for op, node in self.rest:
            if (op == "and" and not value) or (op == "or" and value):
                return value  # short-circuit: the rest is never evaluated
            value = _BINARY[op](value, node.evaluate(context))
        return value


@dataclass(frozen=True, slots=True)
class CallUse:
    """A true-or-false call in a condition, and which way it pulls the condition."""

    function: str
    args: tuple[str, ...]
    """The call's state ids (``player`` as written) and strings, in order."""
    sign: int
    """+1: the call being true can only help the condition hold (it sits under an even
    number of ``not``); -1: its being false can only help (an odd number); 0: either (it
    is compared with ``==`` or ``!=``)."""


def _uses(node: Node, sign: int) -> list[CallUse]:
    """The true-or-false calls at and under ``node``, in text order, with their pull."""
    if isinstance(node, Call) and node.spec.returns == "bool":
        args = [
            a.name if isinstance(a, StateId) else a.value if isinstance(a, Literal) else None
            for a in node.args
        ]
        if all(isinstance(a, str) for a in args):
            return [CallUse(node.spec.name, tuple(cast("list[str]", args)), sign)]
        return []
    if isinstance(node, Unary) and node.op == "not":
        return _uses(node.operand, -sign)
    if isinstance(node, Operation) and node.rest and node.rest[0][0] in ("and", "or"):
        return [use for child in node.children() for use in _uses(child, sign)]
    return [use for child in node.children() for use in _uses(child, 0)]


@dataclass(frozen=True, slots=True)
class Bound:
    """A comparison of a number a call returns with a plain number, in a condition:
    ``stability(player) >= 0.5``, with the call on the left."""

    function: str
    args: tuple[str, ...]
    op: str
    """``<``, ``<=``, ``>``, ``>=``, ``==`` or ``!=``, reading the call on the left."""
    value: float
    sign: int
    """+1: the comparison holding can only help the condition; -1: failing can only
    help; 0: either."""

    def holds(self, number: float) -> bool:
        """Whether the comparison holds when the call returns ``number``."""
        return bool(_BINARY[self.op](number, self.value))


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _compared(side: Node, variables: bool) -> tuple[str, tuple[str, ...]] | None:
    """What a comparison's side reads, if it is what is looked for: a call on state ids
    (its name and ids), or with ``variables`` a variable (its name, no ids)."""
    if variables:
        return (side.name, ()) if isinstance(side, Variable) else None
    if isinstance(side, Call) and all(isinstance(a, StateId) for a in side.args):
        return side.spec.name, tuple(cast(StateId, a).name for a in side.args)
    return None


def _bounds(node: Node, sign: int, variables: bool = False) -> list[Bound]:
    """The comparisons of a call (or, with ``variables``, a variable) with a number at and
    under ``node``, in text order."""
    if isinstance(node, Unary) and node.op == "not":
        return _bounds(node.operand, -sign, variables)
    if isinstance(node, Operation) and len(node.rest) == 1 and node.rest[0][0] in _FLIPPED:
        op, other = node.rest[0]
        pairs = ((node.first, other, op), (other, node.first, _FLIPPED[op]))
        for side, number, way in pairs:
            read = _compared(side, variables)
            if (
                read is not None
                and isinstance(number, Literal)
                and isinstance(number.value, float)
                and not isinstance(number.value, bool)
            ):
                return [Bound(read[0], read[1], way, number.value, sign)]
        return []
    if isinstance(node, Operation) and node.rest and node.rest[0][0] in ("and", "or"):
        return [b for child in node.children() for b in _bounds(child, sign, variables)]
    return [b for child in node.children() for b in _bounds(child, 0, variables)]


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed, type-checked expression; immutable, compared by text and type."""

    text: str
    result_type: str  # "bool" or "number"
    _root: Node = field(repr=False, compare=False)
    _references: tuple[Reference, ...] = field(repr=False, compare=False)

    def references(self) -> list[Reference]:
        """The states and campaign ids the expression names, in text order."""
        return list(self._references)

    def calls(self) -> list[CallUse]:
        """The true-or-false calls of a condition (``exists(COR)``, ``flag("x")``...) whose
        arguments are all ids or strings, in text order, each with the way it pulls: what
        a reader (the score, a scripted player) needs to know what the condition asks for,
        without evaluating it."""
        return _uses(self._root, 1)

    def bounds(self) -> list[Bound]:
        """The comparisons of a call on state ids with a plain number (``stability(player)
        >= 0.5``, ``allies(NO) == 0``), in text order, each with the way it pulls."""
        return _bounds(self._root, 1)

    def variable_bounds(self) -> list[Bound]:
        """The comparisons of a variable with a plain number (``year >= 1990``, ``turn <
        3``), in text order, each with the way it pulls (``function`` is the variable)."""
        return _bounds(self._root, 1, variables=True)

    def required(self) -> list[CallUse]:
        """The true-or-false calls the whole condition needs, each with the value it needs
        (sign +1 true, -1 false): the terms of its top-level ``and`` chain that are a call
        or ``not`` a call. ``flag("x") and not flag("x")`` needs the same call both ways."""
        root = self._root
        terms = (
            list(root.children())
            if isinstance(root, Operation) and root.rest and root.rest[0][0] == "and"
            else [root]
        )
        found: list[CallUse] = []
        for term in terms:
            sign = 1
            while isinstance(term, Unary) and term.op == "not":
                term, sign = term.operand, -sign
            if isinstance(term, Call):
                found += [replace(use, sign=sign) for use in _uses(term, 1)]
        return found

    def _nodes(self) -> Iterator[Node]:
        """Every node of the tree, in text order."""
        todo = [self._root]
        while todo:
            node = todo.pop()
            yield node
            todo.extend(reversed(node.children()))

    def functions(self) -> list[str]:
        """Every function the expression calls, in text order (repeats kept)."""
        return [node.spec.name for node in self._nodes() if isinstance(node, Call)]

    def variables(self) -> list[str]:
        """Every variable the expression reads (``year``, ``turn``, ``score``), in text
        order (repeats kept)."""
        return [node.name for node in self._nodes() if isinstance(node, Variable)]

    def evaluate(self, context: EvaluationContext) -> bool | float:
        """The value against the game now: a bool for conditions, a float for formulas."""
        # The parser typed the root as result_type, "bool" or "number", never a string.
        return cast("bool | float", self._root.evaluate(context))

    def __str__(self) -> str:
        return self.text
