"""The score: what balance-of-threat theory says a state wants, as an integer and a grade.

Three parts add points and three take them away (``docs/scoring.md`` gives the reasons):

- security: each turn, the threat the player faces after its allies' help (the highest
  net threat) against the threat it faced standing alone as the game opened: held there,
  half marks; SECURITY_SPAN of it lower, full marks; as much higher, none. Times
  SECURITY_POINTS, averaged over turns;
- influence: the mean over turns of the share of others' power allied with the player
  (doubled, capped at 1), times INFLUENCE_POINTS;
- objectives: each objective achieved is worth its share of the campaign's points for the
  player, OBJECTIVE_POINTS in all;
- coalition: the mean over turns of the share of others' power balancing against the
  player beyond the share that already did as the game opened, times COALITION_POINTS;
- wars: WAR_PENALTY per intervention, except against a state an open objective asks the
  player to remove (the campaign's own task);
- abandoned: ABANDON_PENALTY per ally abandoned under threat.

The campaign's ``scoring`` weights (or a competition's) multiply security, influence,
objectives and every penalty. The grade compares the total with the best possible (every
positive part at its maximum); the card says what each grade needs in points.
"""

from __future__ import annotations

import math

from game.campaign.models import Campaign, Objective, Scoring
from game.engine import constants as k
from game.engine.report import (
    PENALTY_PARTS,
    GradeFloor,
    ScoreCard,
    ScoreLine,
    ScoreNote,
    ScoreNoteKind,
    ScorePart,
)
from game.engine.threat import ThreatMatrix
from game.engine.world import World


def open_score(world: World, matrix: ThreatMatrix, player: str) -> None:
    """Note the baselines as the game opens: the principal threat the player faces
    standing alone (before its allies' help), for security, and the share of others' power
    already balancing against it, for the coalition part."""
    worst = max((t for _, t in matrix.ranked(player)), default=0.0)
    world.opening_threat = round(worst, k.QUANTUM)
    world.opening_opposition = round(opposition_share(world, matrix, player), k.QUANTUM)


def balancing_against(world: World, matrix: ThreatMatrix, player: str) -> list[str]:
    """The states balancing against the player now, sorted: not its allies, and either in
    an alliance formed against it, or allied with others while the player is their
    principal threat (Walt: states ally against the most threatening power)."""
    allies = set(world.allies_of(player))
    against: set[str] = set()  # members of an alliance formed against the player
    allied: set[str] = set()  # states with at least one ally
    for key in sorted(world.alliances):
        members = world.alliances[key].members
        if len(members) > 1:
            allied.update(members)
        if world.alliances[key].against == player:
            against.update(members)
    return [
        state
        for state in matrix.ids
        if state != player
        and state not in allies
        and world.states[state].kind == "state"
        and (state in against or (state in allied and matrix.principal(state) == player))
    ]


def _power_share(world: World, matrix: ThreatMatrix, player: str, states: list[str]) -> float:
    """The share of the others' power (every actor but the player) that ``states`` hold."""
    total = sum(world.states[s].power for s in matrix.ids if s != player)
    power = sum(world.states[s].power for s in states if s in matrix.index)
    return power / total if total > 0 else 0.0


def opposition_share(world: World, matrix: ThreatMatrix, player: str) -> float:
    """The share of the others' power balancing against the player now."""
    return _power_share(world, matrix, player, balancing_against(world, matrix, player))


def record_turn(world: World, matrix: ThreatMatrix, player: str) -> None:
    """Note this turn's security, influence and opposition for the player."""
    worst = max((t for _, t in matrix.ranked(player, net=True)), default=0.0)
    world.security.append(1.0 - worst)
    allied = _power_share(world, matrix, player, world.allies_of(player))
    world.influence.append(min(1.0, 2 * allied))
    world.opposition.append(opposition_share(world, matrix, player))


def objectives_for(campaign: Campaign, player: str) -> list[Objective]:
    """The objectives that count for this player, in file order."""
    return [
        o for era in campaign.eras for o in era.objectives if not o.players or player in o.players
    ]


def objective_targets(objective: Objective) -> list[str]:
    """The states an objective asks the player to remove: those whose absence can only
    help its condition hold (``not exists(COR)``), and whose presence never does."""
    uses = [u for u in objective.when.calls() if u.function == "exists"]
    gone = {u.args[0] for u in uses if u.sign < 0}
    wanted = {u.args[0] for u in uses if u.sign >= 0}
    return sorted(gone - wanted - {"player"})


def sanctioned(campaign: Campaign, world: World, player: str, target: str) -> bool:
    """True when an objective that counts for the player, open now (its era reached, not
    yet achieved, its deadline not passed), asks for ``target`` to be removed: an
    intervention against it is the campaign's own task, not a war of choice."""
    reached = {o.id for era in campaign.eras[: world.era_index + 1] for o in era.objectives}
    return any(
        o.id in reached
        and o.id not in world.achieved
        and (o.deadline is None or world.year <= o.deadline)
        and target in objective_targets(o)
        for o in objectives_for(campaign, player)
    )


def objective_scale(campaign: Campaign, player: str, weights: Scoring | None = None) -> float:
    """Score points per campaign point of the player's objectives: OBJECTIVE_POINTS (times
    the weight) shared by the positive points (by all points when none is positive)."""
    weights = weights or campaign.scoring
    points = [o.points for o in objectives_for(campaign, player)]
    base = sum(p for p in points if p > 0) or sum(abs(p) for p in points)
    return k.OBJECTIVE_POINTS * weights.objectives / base if base else 0.0


def objective_points(
    campaign: Campaign, player: str, objective: Objective, weights: Scoring | None = None
) -> int:
    """What achieving ``objective`` adds to the player's score."""
    return round(objective.points * objective_scale(campaign, player, weights))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def security_rating(world: World, net_threat: float) -> float:
    """One turn's security, 0 to 1: 0.5 at the opening threat, 1 at SECURITY_SPAN below it,
    0 at as much above it."""
    half = max(k.SECURITY_SPAN * world.opening_threat, k.SECURITY_SPAN_FLOOR)
    return min(1.0, max(0.0, 0.5 + (world.opening_threat - net_threat) / (2 * half)))


def grade_floors(best: int) -> tuple[GradeFloor, ...]:
    """What each grade needs: its share of ``best``, in whole points (any grade above the
    lowest needs at least one point)."""
    floors = []
    for share, letter in k.GRADES:
        if share <= 0:
            floors.append(GradeFloor(letter, share, None))
        else:
            floors.append(GradeFloor(letter, share, max(1, math.ceil(round(share * best, 6)))))
    return tuple(floors)


def grade_of(total: int, floors: tuple[GradeFloor, ...]) -> str:
    """The best grade whose floor ``total`` reaches (the lowest grade takes any total)."""
    return next(
        (f.grade for f in floors if f.points is None or total >= f.points), floors[-1].grade
    )


def score_lines(
    campaign: Campaign, world: World, player: str, weights: Scoring
) -> tuple[ScoreLine, ...]:
    """Every part of the score, in ScorePart order."""
    counted = objectives_for(campaign, player)
    scale = objective_scale(campaign, player, weights)
    possible = sum(max(0, o.points) for o in counted)
    earned = sum(o.points for o in counted if o.id in world.achieved)
    security = round(_mean([security_rating(world, 1.0 - s) for s in world.security]), k.QUANTUM)
    influence = round(_mean(world.influence), k.QUANTUM)
    provoked = _mean([max(0.0, o - world.opening_opposition) for o in world.opposition])
    provoked = round(provoked, k.QUANTUM)
    wars = max(0, world.wars - world.sanctioned)
    w = weights
    return (
        ScoreLine(
            ScorePart.security,
            round(k.SECURITY_POINTS * w.security * security),
            round(k.SECURITY_POINTS * w.security),
            security,
            w.security,
        ),
        ScoreLine(
            ScorePart.influence,
            round(k.INFLUENCE_POINTS * w.influence * influence),
            round(k.INFLUENCE_POINTS * w.influence),
            influence,
            w.influence,
        ),
        ScoreLine(
            ScorePart.objectives,
            round(earned * scale),
            round(possible * scale),
            round(earned / possible, k.QUANTUM) if possible else 0.0,
            w.objectives,
        ),
        ScoreLine(
            ScorePart.coalition,
            -round(k.COALITION_POINTS * w.penalties * provoked),
            0,
            provoked,
            w.penalties,
        ),
        ScoreLine(ScorePart.wars, -round(k.WAR_PENALTY * w.penalties * wars), 0, wars, w.penalties),
        ScoreLine(
            ScorePart.abandoned,
            -round(k.ABANDON_PENALTY * w.penalties * world.abandoned),
            0,
            world.abandoned,
            w.penalties,
        ),
    )


def score_card(
    campaign: Campaign, world: World, player: str, weights: Scoring | None = None
) -> ScoreCard:
    """The score so far, weighted by ``weights`` (default: the campaign's)."""
    weights = weights or campaign.scoring
    lines = score_lines(campaign, world, player, weights)
    points = {line.part: line.points for line in lines}
    penalties = -sum(points[p] for p in PENALTY_PARTS)
    total = sum(points.values())
    best = sum(line.maximum for line in lines)
    floors = grade_floors(best)
    # Penalties can take the total below zero: the lowest grade then, not a crash.
    grade = grade_of(total, floors)
    notes: list[ScoreNote] = []
    if world.outcome == "defeat":
        grade = floors[-1].grade  # whatever was scored before, the state did not survive
        notes.append(ScoreNote(ScoreNoteKind.defeat))
    elif world.outcome == "victory":
        notes.append(ScoreNote(ScoreNoteKind.victory))
    charged = max(0, world.wars - world.sanctioned)
    if charged:
        notes.append(ScoreNote(ScoreNoteKind.wars_started, charged))
    if world.sanctioned:
        notes.append(ScoreNote(ScoreNoteKind.sanctioned_interventions, world.sanctioned))
    if world.abandoned:
        notes.append(ScoreNote(ScoreNoteKind.allies_abandoned, world.abandoned))
    return ScoreCard(
        total,
        points[ScorePart.security],
        points[ScorePart.influence],
        points[ScorePart.objectives],
        penalties,
        grade,
        notes,
        lines,
        best,
        floors,
        world.opening_threat,
    )
