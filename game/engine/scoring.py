"""The score: security, influence, objectives and penalties; an integer total and a grade.

- security: the mean over turns of ``1 - the highest net threat the player faced``, times
  SECURITY_POINTS;
- influence: the mean over turns of the share of other states' power allied with the
  player (doubled, capped at 1), times INFLUENCE_POINTS;
- objectives: the points of every objective achieved;
- penalties: WAR_PENALTY per intervention, ABANDON_PENALTY per ally abandoned under threat.

Each part is weighted by the campaign's ``scoring``; the grade compares the total with the
best a player could reach.
"""

from __future__ import annotations

from game.campaign.models import Campaign, Objective, Scoring
from game.engine import constants as k
from game.engine.report import ScoreCard, ScoreNote, ScoreNoteKind
from game.engine.threat import ThreatMatrix
from game.engine.world import World


def record_turn(world: World, matrix: ThreatMatrix, player: str) -> None:
    """Note this turn's security and influence for the player."""
    worst = max((t for _, t in matrix.ranked(player, net=True)), default=0.0)
    world.security.append(1.0 - worst)
    others = [s for s in matrix.ids if s != player]
    total = sum(world.states[s].power for s in others)
    allied = sum(world.states[s].power for s in world.allies_of(player) if s in matrix.index)
    world.influence.append(min(1.0, 2 * allied / total) if total > 0 else 0.0)


def objectives_for(campaign: Campaign, player: str) -> list[Objective]:
    """The objectives that count for this player, in file order."""
    return [
        o for era in campaign.eras for o in era.objectives if not o.players or player in o.players
    ]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_card(
    campaign: Campaign, world: World, player: str, weights: Scoring | None = None
) -> ScoreCard:
    """The score so far, weighted by ``weights`` (default: the campaign's)."""
    weights = weights or campaign.scoring
    security = round(k.SECURITY_POINTS * _mean(world.security) * weights.security)
    influence = round(k.INFLUENCE_POINTS * _mean(world.influence) * weights.influence)
    counted = objectives_for(campaign, player)
    earned = sum(o.points for o in counted if o.id in world.achieved)
    objectives = round(earned * weights.objectives)
    penalties = round(
        (k.WAR_PENALTY * world.wars + k.ABANDON_PENALTY * world.abandoned) * weights.penalties
    )
    total = security + influence + objectives - penalties
    best = (
        k.SECURITY_POINTS * weights.security
        + k.INFLUENCE_POINTS * weights.influence
        + sum(max(0, o.points) for o in counted) * weights.objectives
    )
    ratio = total / best if best > 0 else 0.0
    # Penalties can take the total below zero: the lowest grade then, not a crash.
    grade = next((letter for floor, letter in k.GRADES if ratio >= floor), k.GRADES[-1][1])
    notes: list[ScoreNote] = []
    if world.outcome == "defeat":
        grade = "F"  # whatever was scored before, the state did not survive the campaign
        notes.append(ScoreNote(ScoreNoteKind.defeat))
    elif world.outcome == "victory":
        notes.append(ScoreNote(ScoreNoteKind.victory))
    if world.wars:
        notes.append(ScoreNote(ScoreNoteKind.wars_started, world.wars))
    if world.abandoned:
        notes.append(ScoreNote(ScoreNoteKind.allies_abandoned, world.abandoned))
    return ScoreCard(total, security, influence, objectives, penalties, grade, notes)
