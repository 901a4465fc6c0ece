"""Watch mode (``entente play FILE --watch``): poll a campaign's files, and replay the
player's decisions on the campaign as it now reads.

Pure Python (no textual): the app polls :class:`CampaignWatch` on a timer, reloads in a
worker, and the worker calls :func:`replay_onto`. A recorded game cannot simply be
re-simulated on an edited campaign (its fingerprint is another), so its decisions are
given again one by one, each checked first: the replay goes as far as they fit the new
campaign and says where it stopped, and why.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.campaign.loader import LoadedCampaign
from game.campaign.models import Campaign
from game.engine import (
    ChoiceOrder,
    EngineError,
    Game,
    Order,
    Refusal,
    Replay,
    TurnLog,
    new_game,
    problem_text,
)

POLL_SECONDS = 0.5
"""How often the watched files are looked at (their times and sizes, nothing read)."""

Stamp = tuple[int, int] | None
"""A file's modification time (ns) and size; None when it cannot be looked at."""


def stamp(path: str) -> Stamp:
    """How ``path`` stands now: a save changes its time or size; a missing file is None."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing mid-save, unreadable, or a name that is not one
        return None
    return info.st_mtime_ns, info.st_size


class CampaignWatch:
    """The files of the campaign being watched and how each stood when it was last read.

    The main file is always watched; the others are the campaign's ``sources()``, read
    again after each successful reload (a campaign that gains a file starts watching it).
    """

    def __init__(self, loaded: LoadedCampaign) -> None:
        self.main = loaded.source
        """The campaign's main file, the one that is loaded."""
        self.files: tuple[str, ...] = ()
        self._stamps: dict[str, Stamp] = {}
        self._stale = False
        self.reloading = False
        """True while a reload runs (the next one waits for it)."""
        self.follow(loaded)

    @property
    def name(self) -> str:
        """The main file's name, as the player is told of a reload."""
        return Path(self.main).name

    def follow(self, loaded: LoadedCampaign) -> None:
        """Watch the files ``loaded`` was read from; a file new to the list is stamped now,
        the others keep the stamp taken when the reload began."""
        files = loaded.sources()
        self.files = files if self.main in files else (self.main, *files)
        self._stamps = {f: self._stamps[f] if f in self._stamps else stamp(f) for f in self.files}

    def add(self, files: Sequence[str]) -> None:
        """Watch ``files`` too (the files a failed reload's errors are in: a file the
        campaign includes but that is missing is watched until it appears)."""
        for f in files:
            if f not in self._stamps:
                self._stamps[f] = stamp(f)
        self.files = tuple(dict.fromkeys((*self.files, *files)))

    def changed(self) -> list[str]:
        """The watched files whose time or size changed since they were last read."""
        if self._stale:
            return list(self.files)
        return [f for f in self.files if stamp(f) != self._stamps.get(f)]

    def begin(self) -> None:
        """A reload begins: the files are stamped before they are read, so a save made
        while they are read is seen at the next poll."""
        self._stamps = {f: stamp(f) for f in self.files}
        self._stale = False
        self.reloading = True

    def again(self) -> None:
        """Reload at the next poll even if nothing changes (the game moved on while the
        last reload ran, so its result is out of date)."""
        self._stale = True


@dataclass(frozen=True)
class Record:
    """What the player decided in a game, taken from it on the app's thread (a worker
    replays it while the player plays on)."""

    replay: Replay
    refused: Mapping[int, tuple[Order, ...]]
    """The orders the engine refused, by turn: refused again, they still fit."""
    labels: Mapping[tuple[str, int], str]
    """Each event option's label by (event, index) in the campaign the game was played on:
    an option that moved is followed by its label."""
    progress: tuple[int, int]
    """The game's turn and count of answered events when this was taken."""

    @property
    def turns(self) -> int:
        """The turns the game had resolved."""
        return sum(1 for t in self.replay.turns if t.orders is not None)


def record_of(game: Game) -> Record:
    """The record of ``game``'s decisions so far."""
    return Record(
        game.replay,
        {r.turn: tuple(x.order for x in r.refusals) for r in game.reports},
        _labels(game.campaign),
        (game.world.turn, len(game.answers)),
    )


def _labels(campaign: Campaign) -> dict[tuple[str, int], str]:
    return {
        (event.id, i): choice.label
        for era in campaign.eras
        for event in era.events
        for i, choice in enumerate(event.choices)
    }


@dataclass(frozen=True)
class Stop:
    """Where a replay stopped: the turn and year it reached, and the decision that no
    longer fits, in the player's words."""

    turn: int
    year: int
    reason: str

    def __str__(self) -> str:
        return f"turn {self.turn} ({self.year}): {self.reason}"


@dataclass(frozen=True)
class Replayed:
    """A game rebuilt on a reloaded campaign from the player's decisions."""

    game: Game
    turns: int
    """The turns resolved again."""
    recorded: int
    """The turns the game had resolved."""
    stop: Stop | None
    """Where the replay stopped short, or None when every decision fitted."""

    def note(self, name: str) -> str:
        """What the player is told: ``Reloaded FILE: replayed N turns``, and where the
        replay stopped and why."""
        if self.stop is None:
            s = "" if self.turns == 1 else "s"
            return f"Reloaded {name}: replayed {self.turns} turn{s}."
        return (
            f"Reloaded {name}: replayed {self.turns} of {self.recorded} turns; "
            f"stopped at {self.stop}."
        )


def replay_onto(loaded: LoadedCampaign, record: Record) -> Replayed:
    """A new game of ``loaded`` with ``record``'s seed, state and doctrine, and its
    decisions (event choices and orders) given again up to the turn it had reached, as
    far as they fit; raises :class:`~game.engine.EngineError` when the game cannot even
    start (the state played is not playable any more).

    An order fits when the engine carries it out, or refused it in the recorded game too.
    One it now refuses stops the replay before its turn's orders, which are queued again
    for the player to see; so the game is played a second time, up to there.
    """
    game, stop, before_orders = _replay(loaded, record, None)
    if before_orders:
        game, stop, _ = _replay(loaded, record, stop)
    return Replayed(game, len(game.reports), record.turns, stop)


def _replay(
    loaded: LoadedCampaign, record: Record, hold: Stop | None
) -> tuple[Game, Stop | None, bool]:
    """Play ``record`` on ``loaded``; with ``hold``, stop before the orders of its turn.
    Returns the game, where it stopped, and whether that was a turn's orders refused."""
    replay = record.replay
    game = new_game(loaded, replay.seed, replay.player, replay.doctrine)
    for log in replay.turns:
        stop = _out_of_step(game, log)
        if stop is not None:
            return game, stop, False
        for choice in log.choices:
            fitted = _fitted(game, choice, record.labels)
            if isinstance(fitted, str):
                return _stopped(game, log, replay), _stop(game, fitted), False
            try:
                game.choose(fitted)
            except EngineError as error:  # refused after all: say so, never fail
                return _stopped(game, log, replay), _stop(game, str(error)), False
        if log.orders is None:
            continue  # the turn in progress: its choices only
        stop = _before_orders(game, hold)
        if stop is not None:
            return _stopped(game, log, replay), stop, False
        try:
            report = game.end_turn(log.orders)
        except EngineError as error:
            return game, _stop(game, str(error)), False
        names = game.view.names()
        newly = _newly_refused(report.refusals, record.refused.get(log.turn, ()))
        if newly is not None:
            reason = f"your order '{newly.order}' is refused now: " + problem_text(
                newly.problem, names
            )
            return game, Stop(report.turn, report.year, reason), True
    game.queued[:] = replay.queued
    return game, None, False


def _stop(game: Game, reason: str) -> Stop:
    return Stop(game.world.turn, game.world.year, reason)


def _stopped(game: Game, log: TurnLog, replay: Replay) -> Game:
    """``game`` stopped in ``log``'s turn: its recorded orders (the draft, in the turn in
    progress) are queued again; the app checks them and says which no longer fit."""
    game.queued[:] = replay.queued if log.orders is None else log.orders
    return game


def _out_of_step(game: Game, log: TurnLog) -> Stop | None:
    if game.over:
        return Stop(game.world.turn, game.world.year, "the campaign now ends here")
    if log.turn != game.world.turn:  # a replay's turns follow each other; say so if not
        return _stop(game, f"the record's next turn is {log.turn}")
    return None


def _before_orders(game: Game, hold: Stop | None) -> Stop | None:
    """Why the turn's orders cannot be given now, if they cannot."""
    if game.over:
        return _stop(game, "the campaign now ends here")
    if game.pending:
        return _stop(game, f"the event '{game.pending[0].event}' now asks for a choice")
    if hold is not None and hold.turn == game.world.turn:
        return hold
    return None


def _fitted(
    game: Game, choice: ChoiceOrder, labels: Mapping[tuple[str, int], str]
) -> ChoiceOrder | str:
    """``choice`` as the reloaded campaign numbers its options, or why it does not fit.

    The option is followed by its label: the same label where it was, else the one option
    with that label (options were added or removed), else the same place when the event has
    as many options as before (its label was reworded).
    """
    events = {e.id: e for era in game.campaign.eras for e in era.events}
    event = events.get(choice.event)
    if event is None:
        return f"there is no event '{choice.event}' any more"
    if not game.pending:
        return f"the event '{choice.event}' no longer asks for a choice here"
    waiting = game.pending[0]
    if waiting.event != choice.event:
        return f"the event '{waiting.event}' now asks for a choice where '{choice.event}' did"
    now = [c.label for c in event.choices]
    label = labels.get((choice.event, choice.choice))
    if label is not None and choice.choice < len(now) and now[choice.choice] == label:
        index = choice.choice
    elif label is not None and now.count(label) == 1:
        index = now.index(label)
    elif choice.choice < len(now) and len(now) == _count(labels, choice.event):
        index = choice.choice
    else:
        gone = f"'{label}'" if label else f"{choice.choice + 1}"
        return f"the option {gone} of the event '{choice.event}' is gone"
    option = waiting.choices[index] if index < len(waiting.choices) else None
    if option is None:
        return f"the event '{choice.event}' has no option {index + 1}"
    if not option.open:
        return f"the option '{option.label}' of '{choice.event}' is closed now: " + (
            option.closed_because or "its condition does not hold"
        )
    return ChoiceOrder(choice.event, index)


def _count(labels: Mapping[tuple[str, int], str], event: str) -> int:
    return sum(1 for e, _ in labels if e == event)


def _newly_refused(now: Sequence[Refusal], before: Sequence[Order]) -> Refusal | None:
    """The first order refused now that the recorded game carried out, if any."""
    left = Counter(before)
    for refusal in now:
        if left[refusal.order] > 0:
            left[refusal.order] -= 1
        else:
            return refusal
    return None
