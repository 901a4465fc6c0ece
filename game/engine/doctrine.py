"""Doctrines: how a state reads the world before it chooses partners.

- ``balance_of_threat`` (Walt): the principal threat is the rival with the highest threat;
  the state allies with others who share it.
- ``balance_of_power``: the principal threat is simply the most powerful other state,
  whatever its intentions or distance.
- ``bandwagon``: the state joins the most powerful other state.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.campaign.effects import Doctrine
from game.engine import constants as k
from game.engine.threat import ThreatMatrix
from game.engine.world import World


@dataclass(frozen=True)
class View:
    """One state's reading of the world under its doctrine."""

    state: str
    doctrine: str
    principal: str | None
    pressure: float
    """How much the principal presses on the state, on the doctrine's own scale."""
    threshold: float
    """Pressure above which the state looks for allies."""

    @property
    def alarmed(self) -> bool:
        """True when the pressure is high enough to seek (or keep) allies."""
        return self.principal is not None and self.pressure >= self.threshold


def seek_threshold(world: World, state: str) -> float:
    """Threat above which a balance-of-threat state seeks allies; cautious states seek sooner."""
    return k.SEEK_THRESHOLD - k.SEEK_CAUTION * world.states[state].caution


def pressure(world: World, matrix: ThreatMatrix, state: str, rival: str) -> float:
    """How much ``rival`` presses on ``state`` under ``state``'s doctrine."""
    if world.states[state].doctrine == Doctrine.balance_of_threat:
        return matrix.get(state, rival)
    return matrix.factor("power", state, rival)


def view(world: World, matrix: ThreatMatrix, state: str) -> View:
    """``state``'s principal threat (or the power it would join) and how hard it presses."""
    doctrine = world.states[state].doctrine
    if doctrine == Doctrine.balance_of_threat:
        principal = matrix.principal(state)
        threshold = seek_threshold(world, state)
    else:
        principal = matrix.strongest(state)
        threshold = k.POWER_PARITY  # the other is at least as strong as the state itself
    value = pressure(world, matrix, state, principal) if principal else 0.0
    return View(state, doctrine, principal, value, threshold)
