"""What an expression may name: the allow-listed functions, the variables, and references.

A name outside :data:`FUNCTIONS` and :data:`VARIABLES` is refused while parsing; the
campaign ids an expression names (states, flags, events, ...) are collected as
:class:`Reference` so the loader can check that each exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Reference:
    """A campaign id an expression names, so the loader can check that it exists."""

    kind: str  # "state" | "flag" | "event" | "era" | "objective" | "alliance"
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
        return f"{self.name}({shown_params(self.params)}) -> {self.returns}"


STRING_KINDS = {
    "flag": "marshall_plan",
    "event": "berlin_blockade",
    "era": "early_cold_war",
    "objective": "contain_ussr",
    "doctrine": "balance_of_threat",
    "alliance": "nato",
}
"""The parameter kinds written as string literals, each with an example id for messages."""

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
            FunctionSpec(
                "member",
                ("state", "alliance"),
                "bool",
                "the state belongs to that alliance (by its id: one at the start or one an "
                "effect forms)",
            ),
            FunctionSpec(
                "principal_threat",
                ("state", "state"),
                "bool",
                "the second state is the first's principal threat: the rival it reads as the "
                "most threatening",
            ),
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
                "playing",
                ("state",),
                "bool",
                "the player runs this state in this game (one event for every player, its "
                "words or effects chosen by who plays)",
            ),
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
            FunctionSpec("min", ("number", "number"), "number", "the smaller of two numbers"),
            FunctionSpec("max", ("number", "number"), "number", "the larger of two numbers"),
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


def shown_params(params: tuple[str, ...]) -> str:
    """Parameter kinds as a reader sees them: the string kinds are all "string"."""
    return ", ".join("string" if kind in STRING_KINDS else kind for kind in params)
