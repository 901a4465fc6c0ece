"""Keys never act behind the player's back: typed text reaches the command line, ending a
turn with points unspent and quitting with unsaved work ask once (with "don't ask again"),
and an event needs a digit or a click."""

from __future__ import annotations

import json

from textual import events
from ui_pilot import hint, new_app, screen_is, to_room, type_command, until

from game.ui.settings import Settings, load_settings, save_settings, settings_path


async def test_keys_arriving_in_one_write_after_colon_reach_the_command_line():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        # ":m" in one write (a paste, a fast typist): both keys are queued before either
        # is handled, as the terminal driver delivers them.
        for key, char in (("colon", ":"), ("m", "m")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        assert type(app.screen).__name__ == "SituationRoom"  # the map did not open
        command = app.screen.query_one("#command")
        assert app.focused is command
        assert command.value == "m"


async def test_typing_a_word_on_the_board_goes_to_the_command_line():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        turn = app.game.world.turn
        await pilot.press("h", "e", "l", "p")  # "e" and "l" are board shortcuts
        command = app.screen.query_one("#command")
        assert command.value == "help"
        assert app.game.world.turn == turn
        assert type(app.screen).__name__ == "SituationRoom"
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "HelpScreen"))


async def test_escape_clears_the_line_before_leaving_it():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("colon", "a", "l")
        command = app.screen.query_one("#command")
        await pilot.press("escape")
        assert command.value == ""
        assert app.focused is command  # still typing
        await pilot.press("escape")
        assert app.focused is not command
        assert "Board keys" in hint(app)


async def test_ending_a_turn_with_points_unspent_asks_and_no_keeps_the_turn():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        turn = app.game.world.turn
        await pilot.press("e")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        assert "No orders are queued" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")  # the focused answer is No
        await until(pilot, screen_is(pilot, "SituationRoom"))
        assert app.game.world.turn == turn
        await pilot.press("e")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        await pilot.press("n")
        assert app.game.world.turn == turn


async def test_dont_ask_again_is_kept_in_the_settings_file():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("e")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        await pilot.click("#confirm-stop")
        await pilot.press("y")
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
    assert load_settings().confirm_end_turn is False
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("e")  # not asked again: the turn resolves at once
        await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def test_a_full_turn_of_orders_ends_without_a_question():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        while app.queue.left > 0:
            before = app.queue.left
            await type_command(pilot, "buildup" if app.queue.left >= 2 else "intel AUR")
            if app.queue.left == before:
                break
        if app.queue.left == 0:
            await pilot.press("escape", "escape", "e")
            await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def test_quitting_with_queued_orders_asks_first():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "reassure KAR")
        await pilot.press("escape", "escape")
        await pilot.press("q")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        assert "1 queued order" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        assert app.is_running
        await pilot.press("ctrl+q")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_right_after_a_save_does_not_ask():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)  # the first choice is autosaved at once
        await until(pilot, lambda: app.unsaved_work() is None)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_enter_does_not_answer_an_event():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, screen_is(pilot, "BriefingScreen"))
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "EventModal"))
        await pilot.press("enter", "enter")
        assert type(app.screen).__name__ == "EventModal"
        assert app.game.pending  # still waiting
        await pilot.press("down", "2")
        await until(pilot, screen_is(pilot, "SituationRoom"))
        assert app.game.log[0].choices[0].choice == 1


def test_settings_survive_damaged_and_hostile_files(data_dir):
    path = settings_path()
    path.parent.mkdir(parents=True)
    for text in ("", "{", "[1, 2]", '{"confirm_quit": "no"}', "\x00" * 10, '{"a": ' * 5000):
        path.write_text(text)
        assert load_settings() == Settings()
    path.write_text(json.dumps({"confirm_quit": False, "unknown": True}))
    assert load_settings() == Settings(confirm_quit=False)
    path.write_bytes(b"{" + b" " * (70 * 1024) + b"}")
    assert load_settings() == Settings()
    assert save_settings(Settings(confirm_end_turn=False)) is None
    assert load_settings() == Settings(confirm_end_turn=False)


async def test_the_tutorial_is_one_key_away_on_the_new_game_screen():
    from game.ui.app import EntenteApp

    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.loaded is not None)
        assert app.loaded.campaign.id == "cold_war"  # the default game
        await pilot.press("n")
        await until(pilot, screen_is(pilot, "NewGameScreen"))
        assert app.screen.loaded.campaign.id == "cold_war"
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.loaded.campaign.id == "tutorial"
        states = app.screen.query_one("#states")
        assert states.get_option_at_index(states.highlighted).id == "VAL"
