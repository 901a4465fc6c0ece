"""Whole games, from the title screen to the debrief, by keyboard only: the tutorial (one
key away on the title screen) and the Cold War, the default campaign, as each superpower."""

from __future__ import annotations

import pytest
from ui_pilot import end_turn, until

from game.ui.app import EntenteApp

SCREENS_TO_HANDLE = {"SituationRoom", "TurnReportScreen", "BriefingScreen", "EventModal"}

CASES = [
    # (title key, presses on the state list before enter, event key, campaign, player,
    #  turns, eras)
    pytest.param("t", (), "2", "tutorial", "VAL", 16, 2, id="tutorial"),
    pytest.param("n", (), "1", "cold_war", "USA", 45, 5, id="cold-war-usa"),
    pytest.param("n", ("down",), "1", "cold_war", "USSR", 45, 5, id="cold-war-ussr"),
]


@pytest.mark.parametrize(("key", "moves", "answer", "campaign", "player", "turns", "eras"), CASES)
async def test_a_game_from_title_to_debrief_by_keyboard(
    data_dir, key, moves, answer, campaign, player, turns, eras
):
    app = EntenteApp(seed="snap")
    passed: list[str] = []

    def top() -> str:
        return type(app.screen).__name__

    def note() -> None:
        if not passed or passed[-1] != top():
            passed.append(top())

    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.loaded is not None)
        note()
        await pilot.press(key)  # New game (n), or the tutorial (t)
        await until(pilot, lambda: top() == "NewGameScreen")
        note()
        await pilot.press(*moves, "enter", "enter")  # the state, then the seed: start
        await until(pilot, lambda: top() == "BriefingScreen", timeout=20)
        note()
        assert app.game is not None
        assert (app.game.campaign.id, app.game.player) == (campaign, player)
        played = 0
        while top() != "DebriefScreen":
            assert played < turns + 5, passed
            await until(
                pilot,
                lambda: not app.busy and top() in SCREENS_TO_HANDLE | {"DebriefScreen"},
                timeout=20,
            )
            note()
            screen = top()
            if screen == "SituationRoom":
                played += 1
                await end_turn(pilot)
                await until(pilot, lambda: top() != "SituationRoom" or app.game.over)
            elif screen in ("TurnReportScreen", "BriefingScreen", "EventModal"):
                # One event can follow another at once: wait for this screen to go.
                shown = app.screen
                await pilot.press(answer if screen == "EventModal" else "enter")
                await until(pilot, lambda shown=shown: app.screen is not shown or app.busy)
        note()
        assert app.game.over
        assert played == turns
        debrief = app.screen
        assert "Debrief" in str(debrief.query_one(".screen-title").render())
        assert debrief.query_one("#chart-security") and debrief.query_one("#chart-allies")
    for expected in (
        "TitleScreen",
        "NewGameScreen",
        "BriefingScreen",
        "EventModal",
        "SituationRoom",
        "TurnReportScreen",
        "DebriefScreen",
    ):
        assert expected in passed
    # each later era's briefing came after a report
    briefings = [i for i, s in enumerate(passed) if s == "BriefingScreen"]
    assert len(briefings) == eras and all(
        passed[i - 1] == "TurnReportScreen" for i in briefings[1:]
    )
    # every turn was autosaved
    assert (data_dir / "autosave" / f"{campaign}-{player}-snap.json").exists()
