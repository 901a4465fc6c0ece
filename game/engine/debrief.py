"""The debrief of a game as data: how it ended, the decisions that mattered, security and
allies over time, and the campaign's history notes beside what happened in this game.

The terminal's debrief screen renders it; the command line and exports can read the same
object. Every entry carries its facts as fields (the event and the option chosen, the order,
the alignment change, the objective); only the edge turns them into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.engine.game import Game
from game.engine.orders import Order
from game.engine.report import (
    AlignmentChange,
    NewsCategory,
    ObjectiveState,
    ObjectiveStatus,
    ScoreCard,
)
from game.engine.wording import change_text
from game.engine.world import year_of_turn

DECISIVE_ORDERS = ("ally", "break", "intervene", "guarantee")
"""Orders that count among the decisions that mattered."""
MAJOR_NEWS = 4
"""The importance from which era and event news is shown beside the history notes."""


class DecisionKind(StrEnum):
    """What kind of decision a debrief entry records."""

    choice = "choice"
    """The player answered an event."""
    order = "order"
    """The player ordered an alliance, a break, a guarantee or an intervention."""
    alignment = "alignment"
    """An alignment change that touched the player's state."""
    objective = "objective"
    """An objective was achieved."""
    objective_failed = "objective_failed"
    """An objective's deadline passed, or the game ended, without it."""


@dataclass(frozen=True)
class Decision:
    """One decision that mattered, in the year it was taken."""

    year: int
    kind: DecisionKind
    event: str | None = None
    """For a choice: the event's title."""
    option: str | None = None
    """For a choice: the label of the option taken."""
    order: Order | None = None
    change: AlignmentChange | None = None
    objective: str | None = None
    """For an objective: its text."""


@dataclass(frozen=True)
class HistoryBeside:
    """A history note of the campaign and what this game did in that year."""

    year: int
    note: str
    when: str
    """``before`` or ``after`` the campaign's years, ``unplayed`` (after this game ended),
    or ``played``."""
    changes: tuple[AlignmentChange, ...] = ()
    news: tuple[str, ...] = ()
    """The era's and events' major news of that year."""


@dataclass(frozen=True)
class Debrief:
    """Everything the end of a game shows."""

    ended: str | None
    outcome: str | None
    player: str
    player_name: str
    seed: str
    doctrine: str | None
    """The doctrine switch, or None for the campaign's own doctrines."""
    last_year: int
    score: ScoreCard
    security: tuple[tuple[int, float], ...]
    """(year, security) for every resolved turn."""
    allies: tuple[tuple[int, int], ...]
    """(year, number of allies) for every resolved turn."""
    decisions: tuple[Decision, ...]
    objectives: tuple[ObjectiveState, ...]
    """Every objective that counted for the player, achieved or failed."""
    history: tuple[HistoryBeside, ...]
    names: dict[str, str]
    """Every state's name, by id, to word the alignment changes with."""


def decisions(game: Game) -> list[Decision]:
    """Each choice the player made, each decisive order, each alignment change that touched
    the player and each objective achieved, by year."""
    campaign = game.campaign
    events = {e.id: e for era in campaign.eras for e in era.events}
    found: list[Decision] = []
    for log in game.log:
        year = year_of_turn(campaign, log.turn)
        for choice in log.choices:
            event = events[choice.event]
            label = event.choices[choice.choice].label
            found.append(Decision(year, DecisionKind.choice, event=event.title, option=label))
        for order in log.orders or []:
            if order.action in DECISIVE_ORDERS:
                found.append(Decision(year, DecisionKind.order, order=order))
    for report in game.reports:
        for change in report.alignment_changes:
            if change.state == game.player or game.player in change.partners:
                found.append(Decision(report.year, DecisionKind.alignment, change=change))
    for objective in game.objectives():
        if objective.status == ObjectiveStatus.achieved and objective.year is not None:
            found.append(Decision(objective.year, DecisionKind.objective, objective=objective.text))
        elif objective.status == ObjectiveStatus.failed and objective.worth > 0:
            year = objective.year if objective.year is not None else game.view.year
            found.append(Decision(year, DecisionKind.objective_failed, objective=objective.text))
    return sorted(found, key=lambda d: d.year)


def beside(game: Game, year: int, note: str) -> HistoryBeside:
    """What this game did in ``year``, next to the campaign's note for it."""
    campaign = game.campaign
    if year < campaign.start_year:
        return HistoryBeside(year, note, "before")
    if year > campaign.end_year:
        return HistoryBeside(year, note, "after")
    if year > game.view.year:
        return HistoryBeside(year, note, "unplayed")
    changes: list[AlignmentChange] = []
    news: list[str] = []
    for report in game.reports:
        if report.year == year:
            changes += report.alignment_changes
            news += [
                n.text
                for n in report.news
                if n.category in (NewsCategory.era, NewsCategory.event)
                and n.importance >= MAJOR_NEWS
            ]
    return HistoryBeside(year, note, "played", tuple(changes), tuple(news))


def debrief_of(game: Game) -> Debrief:
    """The debrief of ``game`` as it stands (normally once it is over)."""
    campaign, view = game.campaign, game.view
    notes = [(n.year, n.text.strip()) for era in campaign.eras for n in era.history]
    notes += [(n.year, n.text.strip()) for n in campaign.history]
    return Debrief(
        ended=view.ended,
        outcome=view.outcome,
        player=game.player,
        player_name=view.states[game.player].name,
        seed=game.seed,
        doctrine=game.doctrine.value if game.doctrine else None,
        last_year=view.year,
        score=game.score,
        security=tuple((h.year, h.security) for h in game.history),
        allies=tuple((h.year, len(h.allies)) for h in game.history),
        decisions=tuple(decisions(game)),
        objectives=tuple(game.objectives()),
        history=tuple(beside(game, y, n) for y, n in sorted(notes, key=lambda item: item[0])),
        names=view.names(),
    )


def decision_text(decision: Decision, names: dict[str, str]) -> str:
    """One decision that mattered, as a sentence."""
    match decision.kind:
        case DecisionKind.choice:
            return f'{decision.event}: you chose "{decision.option}"'
        case DecisionKind.order:
            return f"You ordered: {decision.order}"
        case DecisionKind.alignment:
            return change_text(decision.change, names) if decision.change else ""
        case DecisionKind.objective:
            return f"Objective achieved: {decision.objective}"
        case DecisionKind.objective_failed:
            return f"Objective failed: {decision.objective}"


def in_this_game(entry: HistoryBeside, last_year: int, names: dict[str, str]) -> str:
    """What happened in this game in the year of a history note."""
    if entry.when == "before":
        return "Before this campaign begins."
    if entry.when == "after":
        return "After this campaign's years."
    if entry.when == "unplayed":
        return f"This game ended in {last_year}."
    lines = [change_text(c, names) for c in entry.changes] + list(entry.news)
    return "\n".join(f"- {line}" for line in lines) or "No alliance changed."
