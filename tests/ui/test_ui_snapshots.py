"""Every screen pinned at 80x24 and 120x40 (pytest-textual-snapshot).

Nothing on these screens changes with time: the seed is fixed, cursors do not blink, no
clock or date is shown, and the saves live in each test's own temporary folder. After a
deliberate change of the look (or of the engine's numbers), review and update with
``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from ui_pilot import (
    end_turn,
    new_app,
    played,
    saves_listed,
    screen_is,
    to_room,
    type_command,
    until,
    write_autosave,
)

from game.campaign.library import resolve_campaign
from game.campaign.loader import LoadedCampaign, load_campaign
from game.engine import Passive, play_headless
from game.engine import new_game as start_game
from game.ui import saves
from game.ui.app import EntenteApp

WORLD = Path(__file__).resolve().parents[1] / "data" / "world_campaign.yaml"

Script = Callable[[Pilot], Awaitable[None]]


async def title(pilot: Pilot) -> None:
    await until(pilot, lambda: pilot.app.loaded is not None)


async def new_game(pilot: Pilot) -> None:
    await title(pilot)
    await pilot.press("n")
    await until(pilot, screen_is(pilot, "NewGameScreen"))


async def briefing(pilot: Pilot) -> None:
    await until(pilot, screen_is(pilot, "BriefingScreen"))


async def event(pilot: Pilot) -> None:
    await briefing(pilot)
    await pilot.press("enter")
    await until(pilot, screen_is(pilot, "EventModal"))


async def situation(pilot: Pilot) -> None:
    await to_room(pilot)
    await type_command(pilot, "aid TES military 1")
    await type_command(pilot, "ally AUR")  # refused: the reason shows under the line
    await pilot.press("escape")


async def report(pilot: Pilot) -> None:
    await to_room(pilot)
    await type_command(pilot, "break TES")
    await type_command(pilot, "break NO")  # refused by the engine when the turn resolves
    await pilot.press("escape")
    await end_turn(pilot)
    await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def confirm_end(pilot: Pilot) -> None:
    await to_room(pilot)
    await pilot.press("e")  # no order queued: the game asks first
    await until(pilot, screen_is(pilot, "ConfirmDialog"))


def in_room(key: str, screen: str) -> Script:
    async def script(pilot: Pilot) -> None:
        await to_room(pilot)
        await pilot.press(key)
        await until(pilot, screen_is(pilot, screen))

    return script


async def load(pilot: Pilot) -> None:
    await title(pilot)
    await pilot.press("l")
    await until(pilot, saves_listed(pilot))


async def error(pilot: Pilot) -> None:
    await load(pilot)
    await pilot.press("enter")
    await until(pilot, screen_is(pilot, "ErrorDialog"))


async def debrief(pilot: Pilot) -> None:
    await until(pilot, screen_is(pilot, "DebriefScreen"))
    screen = pilot.app.screen
    if screen.query("#beside-contrast"):  # the theory's contrast is played in a worker
        await until(pilot, lambda: getattr(screen, "contrast", None) is not None, timeout=60)


def with_saves() -> EntenteApp:
    saves.save_as(played(2), "spring-1901")
    write_autosave(played(4), age=60)
    return EntenteApp(seed="snap")


def with_corrupt_save() -> EntenteApp:
    path = saves.named_save_path("broken")
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "entente-replay", "turns": [', encoding="utf-8")
    return EntenteApp(seed="snap")


def world_app() -> EntenteApp:
    """A new game of the small real-world campaign (the map on Natural Earth's land)."""
    return EntenteApp(load_campaign(WORLD), seed="snap", start="new")


def cold_war_app() -> EntenteApp:
    """A new game of the default campaign, the Cold War, as the United States."""
    return EntenteApp(cold_war(), seed="snap", start="new")


def cold_war() -> LoadedCampaign:
    return load_campaign(resolve_campaign("cold_war"))


def cold_war_finished() -> EntenteApp:
    """A whole Cold War game as India, played headless: its debrief sets it beside history."""
    game = start_game(cold_war(), "snap", "IND")
    for _ in play_headless(game, Passive()):
        pass
    write_autosave(game)
    return EntenteApp(cold_war(), seed="snap", start="continue", player="IND")


async def cold_war_room(pilot: Pilot) -> None:
    await to_room(pilot)


def finished() -> EntenteApp:
    write_autosave(played())
    return new_app(start="continue")


SCENARIOS: dict[str, tuple[Callable[[], EntenteApp], Script]] = {
    "title": (lambda: EntenteApp(seed="snap"), title),
    "new_game": (lambda: EntenteApp(seed="snap"), new_game),
    "briefing": (new_app, briefing),
    "briefing_karvath": (lambda: new_app(player="KAR"), briefing),
    "event": (new_app, event),
    "situation": (new_app, situation),
    "orders_menu": (new_app, in_room("o", "OrdersMenu")),
    "orders_menu_karvath": (lambda: new_app(player="KAR"), in_room("o", "OrdersMenu")),
    "confirm_end": (new_app, confirm_end),
    "report": (new_app, report),
    "dossier": (new_app, in_room("d", "DossierScreen")),
    "map": (new_app, in_room("m", "MapScreen")),
    "map_world": (world_app, in_room("m", "MapScreen")),
    "help": (new_app, in_room("question_mark", "HelpScreen")),
    "save": (new_app, in_room("s", "SaveDialog")),
    "load": (with_saves, load),
    "error": (with_corrupt_save, error),
    "debrief": (finished, debrief),
    "cold_war_situation": (cold_war_app, cold_war_room),
    "cold_war_map": (cold_war_app, in_room("m", "MapScreen")),
    "cold_war_debrief": (cold_war_finished, debrief),
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCENARIOS)
def test_ui_screen(snap_compare, screen, size):
    make_app, script = SCENARIOS[screen]
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=script)
