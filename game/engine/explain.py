"""Explanations: each element of threat with its value, weight, contribution and facts.

Worded so the UI and the CLI can show them as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.engine import constants as k
from game.engine.geography import Geography
from game.engine.threat import FACTORS, ThreatMatrix
from game.engine.wording import figure, possessive
from game.engine.world import Act, World

LABELS = {
    "power": "aggregate power",
    "proximity": "geographic proximity",
    "offense": "offensive capability",
    "intentions": "offensive intentions",
}


@dataclass(frozen=True)
class FactorExplanation:
    """One element of threat."""

    name: str
    label: str
    value: float
    weight: float
    contribution: float
    """The factor's multiplier in the weighted geometric mean: ``value ** (weight / total)``."""
    facts: list[str]


@dataclass(frozen=True)
class Explanation:
    """Why ``rival`` threatens ``observer`` as much as it does."""

    observer: str
    rival: str
    threat: float
    net: float
    """What remains after the observer's allies' and guarantors' help."""
    rank: int
    """1 for the observer's principal threat."""
    factors: list[FactorExplanation]
    summary: str


def remembered_weight(act: Act, turn: int, years_per_turn: float) -> float:
    """What ``act`` still weighs in its target's memory at ``turn`` (decayed by age); an
    observer it was not aimed at weighs it INTENT_REPUTATION as much."""
    return float(act.severity * k.INTENT_DECAY_PER_YEAR ** ((turn - act.turn) * years_per_turn))


def heaviest_acts(
    world: World, observer: str, rival: str, years_per_turn: float, hostile: bool = False
) -> list[Act]:
    """The rival's acts the observer still remembers, heaviest first (its acts against
    others weigh INTENT_REPUTATION as much, as in the model; reassurances of others do not
    count, nor acts the observer never heard of); with ``hostile``, hostile acts only (a
    reassurance never causes a threat)."""
    found: list[tuple[float, int, int, Act]] = []
    for act in world.acts:
        if act.actor != rival or (act.reassurance and (hostile or act.target != observer)):
            continue
        if not act.known_to(observer):
            continue  # an act with a limited audience the observer never heard of
        weight = remembered_weight(act, world.turn, years_per_turn)
        if act.target != observer:
            weight *= k.INTENT_REPUTATION
        found.append((-weight, act.turn, len(found), act))
    return [act for *_, act in sorted(found, key=lambda f: f[:3])]


def remembered_acts(
    world: World, observer: str, rival: str, years_per_turn: float, limit: int = 3
) -> list[str]:
    """The rival's acts the observer still remembers, heaviest first, as phrases."""
    out = []
    for act in heaviest_acts(world, observer, rival, years_per_turn)[:limit]:
        age = (world.turn - act.turn) * years_per_turn
        target = world.states.get(act.target)
        whom = "you" if act.target == observer else target.name if target else act.target
        when = "this year" if age < 1 else f"{age:g} year{'s' if age != 1 else ''} ago"
        verb = "reassured" if act.reassurance else "against"
        out.append(f"{act.description} ({verb} {whom}, {when})")
    return out


def proximity_fact(world: World, geo: Geography, observer: str, rival: str) -> str:
    """Why the rival is as close as it is."""
    border = geo.border(observer, rival)
    if border == "land":
        return "shares a land border"
    km = geo.distance(observer, rival)
    if km is None:
        return "a non-state actor: no capital, it can strike anywhere it reaches"
    record = world.states[rival]
    reach = record.reach
    text = f"capitals {km:,.0f} km apart; its reach is {reach:,.0f} km"
    # The floors of section 1 of the theory guide: say which one holds the figure up, or
    # the figure shown would not follow from the distance and the reach.
    fading = math.exp(-km / max(reach, 1.0))
    if border == "sea" and fading < k.SEA_BORDER_PROXIMITY:
        text += f" (a sea border keeps it at least {k.SEA_BORDER_PROXIMITY:.2f})"
    if record.reaches_globally and max(
        fading, k.SEA_BORDER_PROXIMITY if border == "sea" else 0.0
    ) < (k.GLOBAL_PROXIMITY):
        text += f" (its global reach keeps it at least {k.GLOBAL_PROXIMITY:.2f})"
    return ("across the sea: " + text) if border == "sea" else text


def explain(
    matrix: ThreatMatrix,
    world: World,
    geo: Geography,
    observer: str,
    rival: str,
    years_per_turn: float,
) -> Explanation:
    """The full breakdown of the threat ``rival`` poses to ``observer``."""
    total = matrix.total_weight(rival)
    me, them = world.states[observer], world.states[rival]
    facts = {
        "power": [
            f"{possessive(them.name)} share of capabilities {them.power:.3f} against "
            f"{possessive(me.name)} {me.power:.3f}"
        ],
        "proximity": [proximity_fact(world, geo, observer, rival)],
        "offense": [
            f"military {figure(them.military)} with offensive orientation "
            f"{them.offense:.2f}, against {possessive(me.name)} military {figure(me.military)}"
        ],
        "intentions": remembered_acts(world, observer, rival, years_per_turn)
        or ["no hostile act remembered"],
    }
    if k.INTENT_BASE_AGGRESSION > 0:  # a disposition counts only when the model weighs it
        facts["intentions"].append(f"known disposition: aggression {them.aggression:.2f}")
    factors = []
    for name in FACTORS:
        value = matrix.factor(name, observer, rival)
        weight = matrix.weight(name, rival)
        factors.append(
            FactorExplanation(
                name, LABELS[name], value, weight, value ** (weight / total), facts[name]
            )
        )
    ranked = [r for r, _ in matrix.ranked(observer)]
    rank = ranked.index(rival) + 1 if rival in ranked else 0
    threat = matrix.get(observer, rival)
    i, j = matrix.index.get(observer), matrix.index.get(rival)
    net = float(matrix.net[i, j]) if i is not None and j is not None else 0.0
    strongest = max(factors, key=lambda f: f.contribution)
    weakest = min(factors, key=lambda f: f.contribution)
    summary = (
        f"{them.name} poses a threat of {threat:.2f} to {me.name} (rank {rank}); "
        f"{net:.2f} after allies. Highest element: {strongest.label} "
        f"{strongest.value:.2f}; lowest: {weakest.label} {weakest.value:.2f}."
    )
    return Explanation(observer, rival, threat, net, rank, factors, summary)
