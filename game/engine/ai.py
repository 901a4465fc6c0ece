"""What computer-run states do besides choosing allies: arm, press, aid, reassure.

Driven by personality (aggression, caution) and by the threat they face, so the world moves
even when the player waits. Every roll comes from the game's one seeded generator, in
sorted order of state id.
"""

from __future__ import annotations

import random

import numpy as np

from game.engine import constants as k
from game.engine.doctrine import seek_threshold, view
from game.engine.report import News, NewsCategory
from game.engine.threat import ThreatMatrix
from game.engine.wording import possessive
from game.engine.world import Act, World


def act(
    world: World, matrix: ThreatMatrix, player: str, rng: random.Random, years: float
) -> list[News]:
    """One turn of AI actions; returns the news they make."""
    news: list[News] = []
    top = set(matrix.by_power[: max(1, int(len(matrix.by_power) * k.AI_AID_TOP_SHARE))])
    for ident in matrix.ids:
        if ident == player:
            continue
        me = world.states[ident]
        # Rolls are drawn for every state in every turn, eligible or not, so that one
        # state's change of fortune never shifts the dice of the states after it.
        roll_arm, roll_press, roll_aid, roll_calm = (rng.random() for _ in range(4))
        v = view(world, matrix, ident)
        if (
            v.principal
            and matrix.get(ident, v.principal) > k.AI_BUILDUP_THRESHOLD
            and roll_arm < (k.AI_BUILDUP_CHANCE + k.AI_BUILDUP_CAUTION * me.caution) * years
        ):
            me.military *= 1 + k.AI_BUILDUP_RATE
            news.append(
                News(
                    1,
                    f"{me.name} builds up its forces against {world.states[v.principal].name}.",
                    NewsCategory.ai,
                )
            )
        if roll_press < k.AI_AGGRESSION_CHANCE * me.aggression * years:
            victim = weaker_neighbour(world, matrix, ident)
            if victim:
                severity = round(
                    k.AI_PRESSURE_SEVERITY + k.AI_PRESSURE_AGGRESSION * me.aggression, 3
                )
                world.acts.append(
                    Act(
                        ident,
                        victim,
                        severity,
                        world.turn,
                        f"{possessive(me.name)} pressure on {world.states[victim].name}",
                    )
                )
                news.append(
                    News(
                        3,
                        f"{me.name} presses {world.states[victim].name} "
                        f"(a hostile act, severity {severity:.2f}).",
                        NewsCategory.ai,
                    )
                )
        if ident in top and roll_aid < k.AI_AID_CHANCE * years:
            client = neediest_ally(world, matrix, ident)
            if client:
                other = world.states[client]
                other.military *= 1 + k.AI_AID_GAIN
                other.aid_from[ident] = other.aid_from.get(ident, 0.0) + k.AI_AID_RECEIVED
                news.append(
                    News(1, f"{me.name} sends military aid to {other.name}.", NewsCategory.ai)
                )
        if me.aggression < k.AI_REASSURE_AGGRESSION and roll_calm < k.AI_REASSURE_CHANCE * years:
            # Only a neighbour truly alarmed by it, and not itself hostile: a victim does not
            # reassure the state that presses it.
            worried = [
                s
                for s in matrix.ids
                if s != ident
                and matrix.principal(s) == ident
                and matrix.get(s, ident) >= seek_threshold(world, s)
                and matrix.factor("intentions", ident, s) < k.AI_REASSURE_INTENTIONS
                and not world.allied(s, ident)
            ]
            if worried:
                target = worried[0]
                world.acts.append(
                    Act(
                        ident,
                        target,
                        k.AI_REASSURE_STRENGTH,
                        world.turn,
                        f"{possessive(me.name)} assurances",
                        reassurance=True,
                    )
                )
                news.append(
                    News(1, f"{me.name} reassures {world.states[target].name}.", NewsCategory.ai)
                )
    return news


def weaker_neighbour(world: World, matrix: ThreatMatrix, ident: str) -> str | None:
    """The weakest nearby state that is not an ally: the target of an aggressive state."""
    me = world.states[ident]
    j = matrix.index[ident]
    # How close ``ident`` is to each state.
    near = np.flatnonzero(matrix.proximity[:, j] >= k.NEIGHBOUR_PROXIMITY)
    weaker = k.AI_PRESSURE_WEAKER * me.power
    candidates = [
        matrix.ids[i] for i in near if i != j and world.states[matrix.ids[i]].power < weaker
    ]
    allies = set(world.allies_of(ident))
    candidates = [s for s in candidates if s not in allies]
    return min(candidates, key=lambda s: (world.states[s].power, s)) if candidates else None


def neediest_ally(world: World, matrix: ThreatMatrix, ident: str) -> str | None:
    """The ally facing the highest net threat."""
    allies = [a for a in world.allies_of(ident) if a in matrix.index]
    if not allies:
        return None
    worst = {a: float(matrix.net[matrix.index[a]].max()) for a in allies}
    return min(allies, key=lambda a: (-worst[a], a))
