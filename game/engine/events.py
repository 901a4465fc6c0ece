"""Which events fire this turn, and how objectives are achieved."""

from __future__ import annotations

import random

from game.campaign.models import After, Campaign, Era, Event, Objective, Scheduled, Scoring
from game.engine.evaluate import WorldContext
from game.engine.report import ObjectiveState, ObjectiveStatus
from game.engine.scoring import objective_points, objectives_for
from game.engine.world import World, year_of_turn


def due_events(campaign: Campaign, ctx: WorldContext, rng: random.Random) -> list[Event]:
    """The current era's events that fire now, in file order.

    A chance roll is drawn only for a chance event whose condition holds, in file order, so
    the dice sequence depends on nothing but the game's own history.
    """
    world = ctx.world
    era = campaign.eras[world.era_index]
    first_turn_of_year = world.turn == 1 or year_of_turn(campaign, world.turn - 1) != world.year
    due = []
    for event in era.events:
        if world.fired.get(event.id) and not event.repeatable:
            continue
        if event.players and ctx.player_id not in event.players:
            continue
        trigger = event.trigger
        if trigger.kind == "after":
            continue  # a follow-up fires only after its event (see followers)
        if isinstance(trigger, Scheduled):
            fires = (
                trigger.turn == world.turn
                if trigger.turn is not None
                else trigger.year == world.year and first_turn_of_year
            )
        elif trigger.kind == "condition":
            fires = bool(trigger.when.evaluate(ctx))
        else:
            fires = (
                trigger.when is None or bool(trigger.when.evaluate(ctx))
            ) and rng.random() < trigger.probability
        if fires:
            due.append(event)
    return due


def has_followers(era: Era, event: str) -> bool:
    """Whether any event of ``era`` follows ``event`` (a trigger of kind ``after`` on it)."""
    return any(isinstance(e.trigger, After) and e.trigger.event == event for e in era.events)


def followers(campaign: Campaign, ctx: WorldContext, event: str, choice: int | None) -> list[Event]:
    """The current era's follow-ups of ``event`` that fire now that it is resolved (with
    ``choice``, the 0-based option the player took), in file order: each ``after`` trigger
    on it whose option (if it names one) was taken and whose condition holds in the world
    as the event left it."""
    world = ctx.world
    found = []
    for other in campaign.eras[world.era_index].events:
        trigger = other.trigger
        if not isinstance(trigger, After) or trigger.event != event:
            continue
        if world.fired.get(other.id) and not other.repeatable:
            continue
        if other.players and ctx.player_id not in other.players:
            continue
        if trigger.choice is not None and (choice is None or trigger.choice != choice + 1):
            continue
        if trigger.when is None or bool(trigger.when.evaluate(ctx)):
            found.append(other)
    return found


def check_objectives(campaign: Campaign, ctx: WorldContext) -> list[Objective]:
    """Objectives achieved this turn (and marks them)."""
    world = ctx.world
    done = []
    reached = {o.id for era in campaign.eras[: world.era_index + 1] for o in era.objectives}
    for objective in objectives_for(campaign, ctx.player_id):
        if objective.id in world.achieved or objective.id not in reached:
            continue
        if objective.deadline is not None and world.year > objective.deadline:
            continue
        if not objective.when.evaluate(ctx):
            world.held.pop(objective.id, None)  # the run is broken: it starts again
            continue
        if objective.hold > 1:
            run = world.held.get(objective.id, 0) + 1
            if run < objective.hold:
                world.held[objective.id] = run
                continue
            world.held.pop(objective.id, None)
        world.achieved[objective.id] = world.turn
        done.append(objective)
    return done


def objective_states(
    campaign: Campaign, world: World, player: str, weights: Scoring | None = None
) -> list[ObjectiveState]:
    """The player's objectives of the eras reached so far (every era once the game is
    over), in file order, each pending, achieved or failed.

    An objective fails when the year passes its deadline without it, or when the game ends
    without it; until then it is pending.
    """
    reached = {o.id for era in campaign.eras[: world.era_index + 1] for o in era.objectives}
    out = []
    for objective in objectives_for(campaign, player):
        if objective.id not in reached and world.ended is None:
            continue
        turn = world.achieved.get(objective.id)
        if turn is not None:
            status, year = ObjectiveStatus.achieved, year_of_turn(campaign, turn)
        elif objective.deadline is not None and world.year > objective.deadline:
            status, year = ObjectiveStatus.failed, objective.deadline
        elif world.ended is not None:
            status, year = ObjectiveStatus.failed, world.year
        else:
            status, year = ObjectiveStatus.pending, None
        out.append(
            ObjectiveState(
                objective.id,
                objective.text.strip(),
                objective.points,
                objective.deadline,
                status,
                objective_points(campaign, player, objective, weights),
                year,
                objective.hold,
                world.held.get(objective.id, 0) if status is ObjectiveStatus.pending else 0,
            )
        )
    return out
