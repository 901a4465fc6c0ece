"""``entente play FILE --watch``: a saved edit reloads the campaign and replays the game to
the same turn; a campaign that does not load shows its errors while the game goes on, and
they clear once it loads again."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Static
from ui_pilot import end_turn, screen_is, until

from game.campaign.loader import load_campaign
from game.cli import main
from game.ui.watching import WatchingApp
from game.ui.widgets.threat_board import ThreatBoard

CAMPAIGN = (Path(__file__).parents[1] / "data" / "summit_campaign.yaml").read_text()
"""The minimal campaign with a summit in 1901 that asks a choice (Sign, Walk out)."""


def write(path: Path, text: str) -> None:
    """Save ``text`` as an editor would, its time moved on so the save is always seen."""
    stamp = path.stat().st_mtime_ns + 1_000_000_000 if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if stamp is not None:
        os.utime(path, ns=(stamp, stamp))


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def watched(tmp_path: Path) -> tuple[Path, WatchingApp]:
    """The summit campaign saved in ``tmp_path``, and a watching game of it."""
    path = tmp_path / "campaign.yaml"
    path.write_text(CAMPAIGN, encoding="utf-8")
    return path, WatchingApp(load_campaign(path), seed="watch")


async def to_first_report(pilot) -> None:
    """From the briefing to the report of turn 1."""
    await until(pilot, screen_is(pilot, "BriefingScreen"))
    await pilot.press("enter")
    await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not pilot.app.busy)
    await end_turn(pilot)
    await until(pilot, lambda: screen_is(pilot, "TurnReportScreen")() and not pilot.app.busy)


async def two_turns(pilot) -> None:
    """From the briefing, through turn 1 and the summit (walk out), to turn 3's board."""
    app = pilot.app
    await until(pilot, screen_is(pilot, "BriefingScreen"))
    await pilot.press("enter")
    await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
    for _ in range(2):
        await end_turn(pilot)
        await until(pilot, lambda: screen_is(pilot, "TurnReportScreen")() and not app.busy)
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ in ("EventModal", "SituationRoom"))
        if screen_is(pilot, "EventModal")():
            await pilot.press("2")
        await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
    assert app.game.world.turn == 3


async def reload(pilot, condition) -> None:
    """Poll the files now (as the timer does) and wait for the reload's result."""
    app = pilot.app
    await until(pilot, lambda: not app.watcher.reloading and not app.busy)
    app.check_campaign_files()
    await until(pilot, lambda: not app.watcher.reloading and condition())


def board_text(app) -> str:
    room = app.room
    return "\n".join(str(o.prompt) for o in room.query_one("#threat-rows").options)


async def test_a_saved_edit_replays_the_game_to_the_same_turn_with_the_new_text(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await two_turns(pilot)
        before = app.game
        assert "Norland" in board_text(app)
        board = app.room.query_one(ThreatBoard)
        for _ in range(3):  # a rival other than the first highlighted
            if board.selected not in (None, before.threats()[0].rival):
                break
            await pilot.press("down")
        highlighted = board.selected
        assert highlighted not in (None, before.threats()[0].rival)
        write(path, CAMPAIGN.replace("Norland", "Nordmark"))
        await reload(pilot, lambda: app.game is not before)
        await until(
            pilot, lambda: screen_is(pilot, "SituationRoom")() and "Nordmark" in board_text(app)
        )
        game = app.game
        assert game.world.turn == 3 and len(game.reports) == 2
        assert game.log[1].choices == before.log[1].choices  # the summit: walked out again
        assert game.view.names()["NO"] == "Nordmark"
        assert app.room.query_one(ThreatBoard).selected == highlighted
        assert "Reloaded campaign.yaml: replayed 2 turns." in messages(app)
        # the game goes on from there
        await end_turn(pilot)
        await until(pilot, lambda: screen_is(pilot, "TurnReportScreen")() and not app.busy)
        assert app.game.world.turn == 4


async def test_an_open_event_shows_its_new_text(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_report(pilot)
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "EventModal"))
        write(path, CAMPAIGN.replace("A summit is called.", "The powers meet at Acity."))
        await reload(
            pilot, lambda: app.game.loaded.campaign.eras[0].events[0].text != "A summit is called."
        )
        await until(pilot, screen_is(pilot, "EventModal"))
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "The powers meet at Acity." in shown
        assert app.game.world.turn == 2 and app.game.pending[0].event == "summit"
        assert "Reloaded campaign.yaml: replayed 1 turn." in messages(app)


async def test_the_player_stays_on_the_report_or_the_map_they_were_on(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_report(pilot)
        before = app.game
        write(path, CAMPAIGN.replace("Norland", "Nordmark"))
        await reload(pilot, lambda: app.game is not before)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        assert app.screen.report is app.game.reports[-1] and app.screen.latest
        await pilot.press("enter")  # the report goes on as it would have: to the summit
        await until(pilot, screen_is(pilot, "EventModal"))
        await pilot.press("1")
        await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
        await pilot.press("m")
        await until(pilot, screen_is(pilot, "MapScreen"))
        before = app.game
        write(path, CAMPAIGN.replace("Norland", "Nordland"))
        await reload(pilot, lambda: app.game is not before)
        await until(pilot, screen_is(pilot, "MapScreen"))
        assert app.screen.game is app.game
        assert app.game.view.names()["NO"] == "Nordland"
        assert [type(s).__name__ for s in app.screen_stack][-2:] == ["SituationRoom", "MapScreen"]


async def test_a_broken_file_shows_its_errors_and_the_game_goes_on(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await two_turns(pilot)
        before = app.game
        broken = CAMPAIGN.replace("title: Minimal", "title: [Minimal", 1)
        write(path, broken)
        await reload(pilot, screen_is(pilot, "CampaignErrors"))
        panel = app.screen
        listing = str(panel.query_one("#reload-errors", Static).render())
        line = 1 + broken.splitlines().index("title: [Minimal")
        assert f"{path}:{line}:8: YAML syntax error: this '[' opens a list" in listing
        assert "does not load (1 problem)" in str(panel.query_one("#reload-box").border_title)
        assert app.game is before and app.game.world.turn == 3  # untouched
        # a missing file mid-save is one more error, never a traceback
        path.unlink()
        await reload(
            pilot, lambda: "no such file" in str(panel.query_one("#reload-errors", Static).render())
        )
        assert f"{path}:1:1: no such file" in panel.errors
        # the panel closes; the game is played on meanwhile
        await pilot.press("escape")
        await until(pilot, screen_is(pilot, "SituationRoom"))
        await end_turn(pilot)
        await until(pilot, lambda: screen_is(pilot, "TurnReportScreen")() and not app.busy)
        await pilot.press("enter")
        await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
        assert app.game is before and before.world.turn == 4
        # broken again: the panel is back
        write(path, broken)
        await reload(pilot, screen_is(pilot, "CampaignErrors"))
        # fixed: the panel clears and the game is replayed to turn 4
        write(path, CAMPAIGN.replace("Norland", "Nordmark"))
        await reload(pilot, lambda: app.game is not before)
        await until(pilot, screen_is(pilot, "SituationRoom"))
        assert not any(type(s).__name__ == "CampaignErrors" for s in app.screen_stack)
        assert app.game.world.turn == 4
        assert "Reloaded campaign.yaml: replayed 3 turns." in messages(app)


async def test_a_campaign_the_game_cannot_be_replayed_on_is_an_error_too(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, screen_is(pilot, "BriefingScreen"))
        await pilot.press("enter")
        await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
        before = app.game
        write(
            path,
            CAMPAIGN.replace("playable: [AAA, NO]", "playable: [NO]", 1).replace(
                "default_player: AAA", "default_player: NO"
            ),
        )
        await reload(pilot, screen_is(pilot, "CampaignErrors"))
        (problem,) = app.screen.errors
        assert problem.startswith(f"{path}: the game cannot be replayed on it: 'AAA' is not")
        assert app.game is before


async def test_a_decision_that_no_longer_fits_stops_the_replay_and_says_why(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await two_turns(pilot)
        before = app.game
        write(path, CAMPAIGN.replace("          - label: Walk out\n            hint: Leave.\n", ""))
        await reload(pilot, lambda: app.game is not before)
        # the summit asks again, on turn 2
        await until(pilot, screen_is(pilot, "EventModal"))
        assert app.game.world.turn == 2 and app.game.pending[0].event == "summit"
        assert (
            "Reloaded campaign.yaml: replayed 1 of 2 turns; stopped at turn 2 (1901): "
            "the option 'Walk out' of the event 'summit' is gone."
        ) in messages(app)


async def test_the_timer_reloads_by_itself(tmp_path):
    path, app = watched(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, screen_is(pilot, "BriefingScreen"))
        await pilot.press("enter")
        await until(pilot, lambda: screen_is(pilot, "SituationRoom")() and not app.busy)
        before = app.game
        write(path, CAMPAIGN.replace("Norland", "Nordmark"))
        await until(pilot, lambda: app.game is not before, timeout=5)
        assert "Reloaded campaign.yaml: replayed 0 turns." in messages(app)


def test_play_watch_starts_a_watched_game_of_a_file_or_a_shipped_campaign(tmp_path, monkeypatch):
    seen: list[WatchingApp] = []
    monkeypatch.setattr(WatchingApp, "run", lambda self, **kw: seen.append(self))
    path = tmp_path / "campaign.yaml"
    path.write_text(CAMPAIGN, encoding="utf-8")
    assert main(["play", str(path), "--watch", "--as", "no", "--seed", "7"]) == 0
    assert main(["play", "tutorial", "--watch"]) == 0
    mine, shipped = seen
    assert (mine.start, mine.player, mine.seed) == ("new", "NO", "7")
    assert mine.watcher.files == (str(path),)
    assert Path(shipped.watcher.main).name == "tutorial.yaml"
    assert Path(shipped.watcher.main).is_file()


def test_watch_refuses_a_saved_game_and_a_competition(capsys):
    assert main(["play", "tutorial", "--watch", "--continue"]) == 2
    assert "--watch: not with --continue" in capsys.readouterr().err
    assert main(["play", "--watch", "--competition", "c.json", "--name", "A"]) == 2
    assert "--watch: not with --competition" in capsys.readouterr().err


def test_play_help_describes_watch(capsys):
    assert main(["play", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--watch" in out and "reload it and replay your decisions so far" in out
