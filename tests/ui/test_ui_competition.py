"""A student's competition game in the terminal: fixed settings, the replay kept in the
hand-in folder after every turn and choice, the debrief saying what to hand in."""

from __future__ import annotations

import json

from ui_pilot import end_turn, to_room, tutorial, until

from game.competition.handin import handin_for
from game.competition.settings import make_competition
from game.engine import read_replay
from game.ui.app import EntenteApp


def student(tmp_path, turn_limit: int | None = None):
    from game.engine import Rules

    competition = make_competition(
        tutorial(),
        ["VAL"],
        ["class-7"],
        title="Period 3",
        deadline="2026-12-20",
        rules=Rules(turn_limit=turn_limit),
    )
    handin = handin_for(competition, None, "Ada L.", "Red", tmp_path / "handin")
    game, resumed = handin.start(tutorial())
    return handin, game, resumed


def app_for(handin, game, resumed) -> EntenteApp:
    return EntenteApp(game.loaded, handin=handin, game=game, fresh=not resumed, start="game")


async def test_a_competition_game_keeps_its_replay_in_the_handin_folder(tmp_path):
    handin, game, resumed = student(tmp_path)
    assert not resumed and handin.replay_path.exists()  # the attempt counts from the start
    app = app_for(handin, game, resumed)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_room(pilot)  # the briefing, then the first event's choice
        # The choice is in the hand-in replay at once: quitting cannot take it back.
        assert read_replay(handin.replay_path).turns[0].choices
        status = str(app.screen.query_one("#status").render())
        assert "Ada L." in status and handin.competition.id in status
        await end_turn(pilot)
        await until(pilot, lambda: type(app.screen).__name__ == "TurnReportScreen")
        await until(pilot, lambda: read_replay(handin.replay_path).turns[0].orders is not None)
        replay = read_replay(handin.replay_path)
        assert replay.entry is not None and replay.entry.name == "Ada L."
        assert replay.seed == "class-7" and replay.player == "VAL"


async def test_new_game_load_and_continue_are_fixed_in_a_competition(tmp_path):
    handin, game, resumed = student(tmp_path)
    app = app_for(handin, game, resumed)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_room(pilot)
        for action in (app.action_new_game, app.action_load, app.action_continue_game):
            action()
            await pilot.pause()
            assert type(app.screen).__name__ == "SituationRoom"
        assert app.game is game  # the student's game is still the one in progress


async def test_the_debrief_says_which_files_to_hand_in(tmp_path):
    handin, game, resumed = student(tmp_path, turn_limit=1)
    app = app_for(handin, game, resumed)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_room(pilot)
        await end_turn(pilot)
        await until(pilot, lambda: type(app.screen).__name__ == "TurnReportScreen")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "DebriefScreen")
        note = str(app.screen.query_one("#debrief-handin").render())
        assert handin.replay_path.name in note and handin.debrief_path.name in note
    assert handin.debrief_path.exists()
    text = handin.debrief_path.read_text(encoding="utf-8")
    assert "Ada L." in text and "## Score" in text
    data = json.loads(handin.replay_path.read_text(encoding="utf-8"))
    assert data["competition"]["rules"]["turn_limit"] == 1


async def test_coming_back_continues_the_same_game(tmp_path):
    handin, game, resumed = student(tmp_path)
    app = app_for(handin, game, resumed)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_room(pilot)
        await end_turn(pilot)
        await until(pilot, lambda: type(app.screen).__name__ == "TurnReportScreen")
        await until(pilot, lambda: read_replay(handin.replay_path).turns[0].orders is not None)
        saved = app.game.world.state_hash()
    again, resumed = handin.start(tutorial())
    assert resumed and again.world.state_hash() == saved
