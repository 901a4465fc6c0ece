"""The whole tutorial, from the title screen to the debrief, by keyboard only."""

from __future__ import annotations

from ui_pilot import end_turn, until

from game.ui.app import EntenteApp

SCREENS_TO_HANDLE = {"SituationRoom", "TurnReportScreen", "BriefingScreen", "EventModal"}


async def test_the_tutorial_from_title_to_debrief_by_keyboard(data_dir):
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
        await pilot.press("enter")  # New game
        await until(pilot, lambda: top() == "NewGameScreen")
        note()
        await pilot.press("enter", "enter")  # the default state, then the seed: start
        await until(pilot, lambda: top() == "BriefingScreen")
        note()
        turns = 0
        while top() != "DebriefScreen":
            assert turns < 40, passed
            await until(
                pilot, lambda: not app.busy and top() in SCREENS_TO_HANDLE | {"DebriefScreen"}
            )
            note()
            screen = top()
            if screen == "SituationRoom":
                turns += 1
                await end_turn(pilot)
                await until(pilot, lambda: top() != "SituationRoom" or app.game.over)
            elif screen == "EventModal":
                await pilot.press("2")
                await until(pilot, lambda: top() != "EventModal" or app.busy)
            elif screen in ("TurnReportScreen", "BriefingScreen"):
                shown = app.screen
                await pilot.press("enter")
                await until(pilot, lambda shown=shown: app.screen is not shown)
        note()
        assert app.game is not None and app.game.over
        assert turns == 16
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
    # the second era's briefing came after a report
    briefings = [i for i, s in enumerate(passed) if s == "BriefingScreen"]
    assert len(briefings) == 2 and passed[briefings[1] - 1] == "TurnReportScreen"
    # every turn was autosaved
    assert (data_dir / "autosave" / "tutorial-VAL-snap.json").exists()
