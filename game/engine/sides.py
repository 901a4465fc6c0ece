"""Choosing a side between the poles of a system: the history check's question, answered
by the same alignment rules the game's computer-run states follow."""

from __future__ import annotations

import numpy as np

from game.campaign.effects import Doctrine
from game.engine.alignment import bandwagon_case, ranked_partners
from game.engine.reading import Context


def able_help(ctx: Context, state: str, helpers: list[str]) -> float:
    """Military strength ``helpers`` could bring to ``state``, discounted by distance."""
    return sum(ctx.help_to(h, state) for h in helpers)


def choose_side(ctx: Context, state: str, sides: list[str]) -> tuple[str, str, str]:
    """Which of ``sides`` (the poles of a system) ``state`` aligns with under its doctrine.

    Returns ``(side, how, reason)``, ``how`` being ``balance`` (against a side that is its
    principal threat), ``bandwagon`` (with it, under Walt's conditions), ``partner`` (with
    the side best able to help against a principal threat that is not a side) or
    ``follow`` (the bandwagon doctrine: with the strongest side).
    """
    world = ctx.world
    strongest = min(sides, key=lambda s: (-world.states[s].power, s))
    v = ctx.view(state)
    if v.doctrine == Doctrine.bandwagon:
        return strongest, "follow", f"joins the strongest side, {ctx.name(strongest)}"
    # Balance of power opposes the strongest side whatever its intentions.
    principal = strongest if v.doctrine == Doctrine.balance_of_power else v.principal or strongest
    others = [s for s in sides if s != principal]
    if principal not in sides:
        side = ranked_partners(ctx, state, principal, _indexes(ctx, sides))[0]
        return (
            side,
            "partner",
            (
                f"its principal threat is {ctx.name(principal)}; "
                f"{ctx.name(side)} can best help against it"
            ),
        )
    if v.doctrine == Doctrine.balance_of_threat:
        reason = bandwagon_case(ctx, state, principal, able_help(ctx, state, others))
        if reason is not None:
            return principal, "bandwagon", f"bandwagons with {ctx.name(principal)}: {reason}"
    side = ranked_partners(ctx, state, principal, _indexes(ctx, others))[0]
    return side, "balance", f"balances against {ctx.name(principal)} with {ctx.name(side)}"


def _indexes(ctx: Context, states: list[str]) -> np.ndarray:
    return np.array([ctx.matrix.index[s] for s in states], dtype=int)
