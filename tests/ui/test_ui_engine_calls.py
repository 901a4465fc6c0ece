"""While a turn resolves, the situation room refuses orders (and says so) instead of taking
them and losing them; an engine failure is an error dialog, and the game lives on."""

from __future__ import annotations

import threading

from ui_pilot import end_turn, hint, new_app, screen_is, to_room, type_command, until

from game.engine.game import Game
from game.ui.screens.situation import RESOLVING, RESOLVING_REFUSAL


async def test_an_order_typed_while_the_turn_resolves_is_refused_not_lost(monkeypatch):
    release = threading.Event()
    original = Game.end_turn

    def slow_end_turn(self, orders=()):
        assert release.wait(10), "the test never released the turn"
        return original(self, orders)

    monkeypatch.setattr(Game, "end_turn", slow_end_turn)
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "buildup")
        assert [str(o) for o in app.queue.orders] == ["buildup"]
        await pilot.press("escape")
        await end_turn(pilot)
        await until(pilot, lambda: app.busy)
        assert RESOLVING in hint(app)
        await type_command(pilot, "reassure KAR")
        assert hint(app) == RESOLVING_REFUSAL
        assert [str(o) for o in app.queue.orders] == ["buildup"]  # nothing was added
        release.set()
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        # the orders carried out are the ones queued before the turn began
        report = app.last_report
        assert report is not None and report.refusals == []
        assert not any(o for o in app.queue.orders)


async def test_an_engine_failure_is_an_error_dialog_and_the_game_lives_on(monkeypatch):
    original = Game.end_turn
    failures = []

    def failing_end_turn(self, orders=()):
        if not failures:
            failures.append(orders)
            self.world.turn += 5  # a half-done turn: the game must not keep it
            raise RuntimeError("a bug in the engine")
        return original(self, orders)

    monkeypatch.setattr(Game, "end_turn", failing_end_turn)
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        turn = app.game.world.turn
        await type_command(pilot, "buildup")
        await pilot.press("escape")
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "ErrorDialog"))
        text = str(app.screen.query_one("#error-message").render())
        assert "a bug in the engine" in text and "Your game is as it was" in text
        assert "RuntimeError" not in text
        assert app.is_running and not app.busy
        assert app.game.world.turn == turn  # restored from the replay, not half-resolved
        assert [str(o) for o in app.queue.orders] == ["buildup"]  # kept, to try again
        await pilot.press("escape")
        await until(pilot, screen_is(pilot, "SituationRoom"))
        await end_turn(pilot)  # the engine works again: the turn resolves
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        assert app.game.world.turn == turn + 1
