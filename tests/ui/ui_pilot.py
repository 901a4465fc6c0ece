"""Helpers shared by the UI tests: the tutorial campaign, finished games, and waiting for
the app to reach a screen."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from textual.pilot import Pilot

from game.campaign.library import resolve_campaign
from game.campaign.loader import LoadedCampaign, load_campaign
from game.engine.game import Game, new_game
from game.engine.orders import ChoiceOrder, Order
from game.ui import saves
from game.ui.app import EntenteApp

SEED = "snap"


@cache
def tutorial() -> LoadedCampaign:
    """The shipped tutorial campaign."""
    return load_campaign(resolve_campaign("tutorial"))


def played(turns: int | None = None, seed: str = SEED) -> Game:
    """A tutorial game played headless: the first choice of every event, a reassurance of
    Karvath each turn; ``turns`` resolved (None: to the end)."""
    game = new_game(tutorial(), seed)
    while not game.over and (turns is None or len(game.reports) < turns):
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        if game.over:
            break
        game.end_turn([Order("reassure", "KAR")])
    return game


def new_app(**kwargs) -> EntenteApp:
    """An app that starts a new tutorial game at once (seed ``snap``)."""
    kwargs.setdefault("seed", SEED)
    kwargs.setdefault("start", "new")
    return EntenteApp(tutorial(), **kwargs)


async def until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``condition`` holds (workers finish in their own threads)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            names = [type(s).__name__ for s in pilot.app.screen_stack]
            raise AssertionError(f"timed out; screens: {names}")
        await pilot.pause(0.02)
    await pilot.pause()


def screen_is(pilot: Pilot, name: str) -> Callable[[], bool]:
    """A condition: the screen on top is of class ``name``."""
    return lambda: type(pilot.app.screen).__name__ == name


def saves_listed(pilot: Pilot) -> Callable[[], bool]:
    """A condition: the Load screen is on top and has read and listed the saves."""
    return lambda: screen_is(pilot, "LoadScreen")() and getattr(pilot.app.screen, "read", False)


async def to_room(pilot: Pilot) -> None:
    """From a new game's briefing to the situation room (choice 1 of every event that
    awaits: a turn may open with several)."""
    await until(pilot, screen_is(pilot, "BriefingScreen"))
    await pilot.press("enter")
    while True:
        await until(
            pilot,
            lambda: (
                type(pilot.app.screen).__name__ in ("EventModal", "SituationRoom")
                and not pilot.app.busy
            ),
        )
        if type(pilot.app.screen).__name__ == "SituationRoom":
            return
        shown = pilot.app.screen
        await pilot.press("1")
        await until(pilot, lambda shown=shown: pilot.app.screen is not shown)


async def type_command(pilot: Pilot, line: str) -> None:
    """Enter a line on the situation room's command line (``:`` focuses it; the text is
    put in whole, as typing it key by key is covered once, with completion, elsewhere)."""
    if pilot.app.focused is None or pilot.app.focused.id != "command":
        await pilot.press("colon")
    command = pilot.app.screen.query_one("#command")
    command.value = line
    command.cursor_position = len(line)
    await pilot.press("enter")


async def end_turn(pilot: Pilot) -> None:
    """Press ``e`` on the board and, when the game asks (action points unspent), say yes."""
    await pilot.press("e")
    await pilot.pause()
    if type(pilot.app.screen).__name__ == "ConfirmDialog":
        await pilot.press("y")


def hint(app: EntenteApp) -> str:
    """The line under the command line."""
    return str(app.screen.query_one("#hint").render())


def write_autosave(game: Game, age: float = 0.0) -> Path:
    """Autosave ``game`` and make the file ``age`` seconds old."""
    path = saves.autosave(game)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def run(coroutine) -> None:
    """Run a coroutine to completion (for synchronous helpers)."""
    asyncio.run(coroutine)
