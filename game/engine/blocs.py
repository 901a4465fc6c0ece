"""Blocs: the pole each state stands with, directly or through its allies.

A campaign's poles are the states whose blocs are compared (``Campaign.poles``, or the two
states with the greatest aggregate power at the start). A state's bloc is the pole it is
allied with, directly or through a chain of alliances: the same reading the history check
makes of its simulated world (``game.history.check``), so the game, ``entente simulate
--json`` and the check agree on what "in the bloc of" means. Each turn's blocs are read
after the fact from :attr:`Game.history` (alliances and states present as the turn closed)
and the alignment changes of :attr:`Game.reports`, which a loaded save re-creates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from game.campaign.models import ActorKind, Campaign
from game.engine.game import EngineError, Game
from game.engine.report import AlignmentChange, ChangeKind, TurnRecord

DEFAULT_POLES = 2
"""Without ``Campaign.poles``, this many states, the most powerful at the start."""

OWN_MOVES = (ChangeKind.joined, ChangeKind.formed, ChangeKind.bandwagoned)
"""The changes by which a state itself chose a partner (it decides between two poles that
share a bloc)."""


class Members(Protocol):
    """Anything with an alliance's members: a live alliance or a snapshot of one."""

    @property
    def members(self) -> Sequence[str]:
        """The member states' ids."""
        ...


@dataclass(frozen=True)
class BlocLine:
    """One state's bloc as a turn closed."""

    state: str
    bloc: str | None
    """The pole it stands with (a pole stands with itself), or None for neither."""
    alliances: tuple[str, ...]
    """The ids of the alliances it belongs to, sorted."""


def poles_of(campaign: Campaign) -> list[str]:
    """The campaign's poles: ``Campaign.poles``, or else the two states present at the start
    with the greatest aggregate power (ties by id)."""
    if campaign.poles:
        return list(campaign.poles)
    states = [s for s in campaign.states if s.present and s.kind == ActorKind.state]
    ranked = sorted(states, key=lambda s: (-s.power.value, s.id))
    return [s.id for s in ranked[:DEFAULT_POLES]]


def side_of(
    alliances: Sequence[Members], state: str, poles: Sequence[str], chose: str | None = None
) -> str | None:
    """The pole ``state`` is allied with: directly, else through its bloc (the pole fewest
    alliance steps away). Between poles equally near (two poles in one bloc), the one it
    chose itself (``chose``: the state it last allied or bandwagoned with); None when no
    pole is reachable, or two are equally near and it chose neither."""
    reached, frontier = {state}, [state]
    while frontier:
        # Sorted, so the walk never depends on set order.
        step = sorted(
            {m for a in alliances if set(a.members) & set(frontier) for m in a.members} - reached
        )
        found = [p for p in poles if p in step]
        if len(found) > 1 and chose in found:
            return chose
        if found:
            return found[0] if len(found) == 1 else None
        reached.update(step)
        frontier = step
    return None


def own_choices(changes: Iterable[AlignmentChange]) -> dict[str, str | None]:
    """Each state's partner in its last own move into an alliance (joined, formed or
    bandwagoned), over ``changes`` in order."""
    chose: dict[str, str | None] = {}
    for change in changes:
        if change.change in OWN_MOVES:
            chose[change.state] = change.partner
    return chose


def record_of_turn(game: Game, turn: int) -> TurnRecord:
    """The record of resolved turn ``turn``; :class:`EngineError` if it was not played."""
    for record in game.history:
        if record.turn == turn:
            return record
    raise EngineError(f"turn {turn} has not been resolved in this game")


def blocs_at(game: Game, turn: int, poles: Sequence[str] | None = None) -> list[BlocLine]:
    """Every state present as resolved turn ``turn`` closed, with its bloc (by ``poles``;
    default: the campaign's) and its alliances, sorted by state."""
    record = record_of_turn(game, turn)
    chosen = list(poles) if poles is not None else poles_of(game.campaign)
    chose = own_choices(
        c for report in game.reports if report.turn <= turn for c in report.alignment_changes
    )
    out = []
    for state in record.present:
        bloc = (
            state if state in chosen else side_of(record.alliances, state, chosen, chose.get(state))
        )
        member_of = tuple(sorted(a.id for a in record.alliances if state in a.members))
        out.append(BlocLine(state, bloc, member_of))
    return out
