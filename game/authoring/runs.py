"""One seeded auto-play of a campaign, and what an author needs to know about it: which
events fired and in which years, which choices were taken, how each objective ended, the
score, and (for doctrine probes) who was allied with whom each year.

A run is a plain :class:`RunSpec` (so it can go to a worker process) and gives back a plain
:class:`RunRecord`; the engine plays it through the same public calls the game uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.campaign.loader import LoadedCampaign
from game.campaign.models import OnCondition
from game.engine import ChoiceOrder, ForcedChoices, Game, make_policy, new_game


@dataclass(frozen=True)
class RunSpec:
    """What to play: a seed, a state, a scripted policy, a doctrine, and choices to force
    (event id -> 0-based option, taken the first time the event asks)."""

    seed: str
    player: str
    policy: str
    doctrine: str | None = None
    forced: tuple[tuple[str, int], ...] = ()
    timeline: bool = False
    """Keep who was allied with whom each year (the doctrine probes need it)."""
    quick: bool = False
    """A quick-pass run (forcing one choice), not one of the N auto-plays."""


@dataclass
class RunRecord:
    """What one run did."""

    spec: RunSpec
    fired: dict[str, list[int]] = field(default_factory=dict)
    """Event id -> the years it fired in (a repeatable event may fire in several)."""
    taken: list[tuple[str, int]] = field(default_factory=list)
    """Every choice the player made, in order: the run's path."""
    objectives: dict[str, str] = field(default_factory=dict)
    """Objective id -> achieved, failed or not_reached (its era never came)."""
    score: int = 0
    grade: str = "F"
    ended: str | None = None
    last_year: int = 0
    timeline: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    """Year -> state -> its allies, as the turn closed (only when the spec asks)."""
    late: dict[str, int] = field(default_factory=dict)
    """Condition event id -> the first year its condition held after its era had ended,
    for events that never fired in the run: the era ended first."""


def watch_late(game: Game, record: RunRecord) -> None:
    """Note the condition events of eras now over, unfired in this run, whose condition
    holds now: they came too late for their era."""
    for era in game.campaign.eras[: game.world.era_index]:
        for event in era.events:
            if (
                isinstance(event.trigger, OnCondition)
                and event.id not in record.fired
                and event.id not in record.late
                and (not event.players or game.player in event.players)
                and game.holds(event.trigger.when)
            ):
                record.late[event.id] = game.world.year


def play_run(loaded: LoadedCampaign, spec: RunSpec) -> RunRecord:
    """Play ``spec`` to the end of the campaign and record it."""
    game = new_game(loaded, spec.seed, spec.player, spec.doctrine)
    record = RunRecord(spec)
    chooser = ForcedChoices(make_policy(spec.policy, spec.seed), dict(spec.forced))
    seen: dict[str, int] = {}

    def note_fired() -> None:
        for event, count in sorted(game.world.fired.items()):
            for _ in range(count - seen.get(event, 0)):
                record.fired.setdefault(event, []).append(game.world.year)
            seen[event] = count

    note_fired()
    while not game.over:
        while game.pending and not game.over:
            pending = game.pending[0]
            index = chooser.choose(game, pending)
            record.taken.append((pending.event, index))
            game.choose(ChoiceOrder(pending.event, index))
        if game.over:
            break
        report = game.end_turn(chooser.orders(game))
        if spec.timeline:
            record.timeline[report.year] = {
                state: tuple(game.world.allies_of(state)) for state in sorted(game.world.states)
            }
        note_fired()
        watch_late(game, record)
    reached = {
        o.id for era in game.campaign.eras[: game.world.era_index + 1] for o in era.objectives
    }
    for objective in game.objectives():
        status = objective.status.value if objective.id in reached else "not_reached"
        record.objectives[objective.id] = status
    score = game.score
    record.score, record.grade = score.total, score.grade
    record.ended, record.last_year = game.world.ended, game.world.year
    return record
