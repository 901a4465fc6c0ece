"""Evaluating campaign expressions against the running game."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from game.campaign.models import Campaign
from game.engine.threat import ThreatMatrix
from game.engine.world import World


@dataclass
class WorldContext:
    """The :class:`~game.campaign.expressions.EvaluationContext` the engine provides."""

    campaign: Campaign
    world: World
    assessed: Callable[[], ThreatMatrix]
    """The threat matrix, asked for only when an expression needs a threat: most effects
    and conditions do not, and an assessment is the costliest step of a turn."""
    player_id: str
    scored: Callable[[], float] = lambda: 0.0
    """The player's score, asked for only when an expression reads ``score`` (the game
    reads it as it makes the context when any condition of its campaign does, so that it
    is the score as the context was made)."""
    _score: float | None = field(default=None, init=False, repr=False)

    @property
    def score(self) -> float:
        """The player's score, as first read through this context."""
        if self._score is None:
            self._score = float(self.scored())
        return self._score

    @property
    def matrix(self) -> ThreatMatrix:
        """The threat matrix of the world as the game last assessed it."""
        return self.assessed()

    def variable(self, name: str) -> float:
        """``year``, ``turn`` or ``score``."""
        if name == "score":
            return self.score  # read only when asked: a score card reads the whole record
        return float({"year": self.world.year, "turn": self.world.turn}[name])

    def call(self, name: str, args: tuple[str | float, ...]) -> bool | float:
        """One allow-listed function of the expression language."""
        # Every function the engine answers takes ids (and a doctrine's name): the parser
        # checks each argument's kind against the function's signature when the file loads.
        if name in ("min", "max"):  # the only functions of numbers
            numbers = cast("tuple[float, ...]", args)
            return min(numbers) if name == "min" else max(numbers)
        args = cast("tuple[str, ...]", args)
        world = self.world
        states = world.states

        def stat(ident: str, attr: str) -> float:
            record = states.get(ident)
            return float(getattr(record, attr)) if record and record.present else 0.0

        match name:
            # Only these three need the threat matrix: it is assessed when first asked for.
            case "threat":
                return self.matrix.get(args[1], args[0])  # the threat args[0] poses to args[1]
            case "intentions":
                return self.matrix.factor("intentions", args[1], args[0])
            case "principal_threat":
                return self.matrix.principal(args[0]) == args[1]
            case "member":
                alliance = world.alliances.get(args[1])
                return alliance is not None and args[0] in alliance.members
            case "allied":
                return world.allied(args[0], args[1])
            case "allies":
                return float(len(world.allies_of(args[0])))
            case "power" | "military" | "stability":
                return stat(args[0], name)
            case "exists":
                return bool(states.get(args[0]) and states[args[0]].present)
            case "doctrine_is":
                return bool(states.get(args[0]) and states[args[0]].doctrine == args[1])
            case "flag":
                return world.flags.get(args[0], False)
            case "fired":
                return world.fired.get(args[0], 0) > 0
            case "in_era":
                return self.campaign.eras[world.era_index].id == args[0]
            case "achieved":
                return args[0] in world.achieved
            case "playing":
                return args[0] == self.player_id
        raise KeyError(f"unknown function {name}")
