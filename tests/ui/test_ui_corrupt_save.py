"""A corrupt save shows a clear message on screen and the game goes on."""

from __future__ import annotations

import json

from ui_pilot import (
    end_turn,
    new_app,
    played,
    saves_listed,
    screen_is,
    to_room,
    tutorial,
    until,
    write_autosave,
)

from game.ui import saves
from game.ui.app import EntenteApp


def corrupt(folder):
    path = folder / "saves" / "broken.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": "entente-replay", "turns": [', encoding="utf-8")
    return path


def message(app) -> str:
    return str(app.screen.query_one("#error-message").render())


async def load_first_save_from_the_title(pilot, app) -> None:
    """From the title screen, load the first save in the list: it is refused."""
    await until(pilot, lambda: app.loaded is not None)
    await pilot.press("l")
    await until(pilot, saves_listed(pilot))
    await pilot.press("enter")
    await until(pilot, screen_is(pilot, "ErrorDialog"))


async def test_loading_a_corrupt_save_from_the_title_shows_why(data_dir):
    corrupt(data_dir)
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await load_first_save_from_the_title(pilot, app)
        assert "broken.json" in message(app) and "not valid JSON" in message(app)
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "TitleScreen"))
        assert app.is_running and app.game is None
        await pilot.press("n")  # the game goes on
        await until(pilot, screen_is(pilot, "NewGameScreen"))


async def test_loading_a_corrupt_save_during_a_game_keeps_the_game(data_dir):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_room(pilot)
        corrupt(data_dir)  # after the autosave of the first choice: the newest, listed first
        game = app.game
        await pilot.press("l")
        await until(pilot, saves_listed(pilot))
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "ErrorDialog"))
        await pilot.press("escape")
        await until(pilot, screen_is(pilot, "SituationRoom"))
        assert app.game is game
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def test_an_altered_save_is_refused_with_the_reason(data_dir):
    path = saves.save_as(played(2), "altered")
    data = json.loads(path.read_text())
    data["turns"][0]["orders"] = [{"action": "intervene", "target": "KAR"}]
    path.write_text(json.dumps(data))
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await load_first_save_from_the_title(pilot, app)
        assert "does not match the re-simulation" in message(app)


async def test_continue_falls_back_on_the_backup_of_a_damaged_autosave(data_dir):
    write_autosave(played(1))
    path = write_autosave(played(2))
    path.write_text("garbage", encoding="utf-8")
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.loaded is not None)
        await pilot.press("c")
        await until(pilot, lambda: app.game is not None and not app.busy)
        assert len(app.game.reports) == 1
        assert any("could not be used" in n.message for n in app._notifications)


async def test_continue_from_the_command_line_with_a_corrupt_autosave(data_dir):
    path = write_autosave(played(1))
    path.write_text("{}", encoding="utf-8")
    app = EntenteApp(tutorial(), seed="snap", start="continue")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, screen_is(pilot, "ErrorDialog"))
        assert "not an Entente replay" in message(app)
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "TitleScreen"))


async def test_continue_from_the_command_line_loads_the_autosave(data_dir):
    write_autosave(played(3))
    app = EntenteApp(tutorial(), seed="other", start="continue")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.game is not None and not app.busy)
        assert len(app.game.reports) == 3 and app.game.seed == "snap"
        assert type(app.screen).__name__ in ("SituationRoom", "EventModal")


async def test_a_long_reason_is_shown_whole_at_80x24():
    from game.ui.screens.error_dialog import ErrorDialog

    reason = " ".join(f"part {n} of a long reason why the save cannot be used;" for n in range(40))
    reason += " the end."
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.loaded is not None)
        app.push_screen(ErrorDialog("This save cannot be loaded", reason))
        await until(pilot, screen_is(pilot, "ErrorDialog"))
        scroll = app.screen.query_one("#error-scroll")
        ok = app.screen.query_one("#error-ok")
        assert ok.region.height > 0  # the button is on screen, below the scrolled text
        assert scroll.max_scroll_y > 0  # the text scrolls: nothing is cut off for good
        scroll.scroll_end(animate=False)
        await pilot.pause()
        assert str(app.screen.query_one("#error-message").render()).endswith("the end.")
