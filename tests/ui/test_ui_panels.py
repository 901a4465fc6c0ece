"""The main screen's panels tell the truth at 80x24 and 120x40: the player's own bloc first
and reachable by Tab, objectives with their status, the orders menu's entries fixed in
place, allies marked and protected, the save dialog and the saves themselves."""

from __future__ import annotations

import pytest
from ui_pilot import end_turn, hint, new_app, screen_is, to_room, type_command, until

from game.engine import ACTIONS, Order
from game.ui import saves
from game.ui.app import EntenteApp
from game.ui.widgets.status_bar import status_content

SIZES = [(80, 24), (120, 40)]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_players_bloc_comes_first_and_tab_reaches_the_panels(size):
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await to_room(pilot)
        alliances = app.screen.query_one("#alliances")
        body = str(alliances.query_one("#alliances-text").render())
        allies = app.game.view.allies_of(app.game.player)
        assert body.startswith("Your bloc " + " ".join(allies))
        assert alliances.region.height >= 4  # readable at 80x24: two lines at least
        reached = set()
        for _ in range(8):
            await pilot.press("tab")
            reached.add(app.focused.id if app.focused else None)
        assert {"alliances", "objectives"} <= reached


@pytest.mark.parametrize("size", SIZES)
async def test_objectives_show_their_status_on_the_main_screen(size):
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await to_room(pilot)
        panel = app.screen.query_one("#objectives")
        pending = [o for o in app.game.objectives() if o.status == "pending"]
        assert panel.border_title == f"Objectives 0/{len(pending)}"
        assert "○" in str(panel.query_one("#objectives-text").render())


async def test_the_status_bar_keeps_the_players_state_at_80_columns():
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_room(pilot)
        line = status_content(app.game, 3, 80).plain
        assert "Kingdom of Valmora" in line or " VAL" in line
        assert len(line) <= 80
        narrow = status_content(app.game, 3, 60).plain
        assert "VAL" in narrow and "seed" not in narrow


async def test_the_command_line_examples_use_this_games_states():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        placeholder = app.screen.query_one("#command").placeholder
        top = app.game.threats()[0].rival
        assert f"why {top}" in placeholder


async def test_an_unavailable_order_is_listed_disabled_with_its_reason():
    app = new_app(player="KAR")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("escape")
        await pilot.press("o")
        await until(pilot, screen_is(pilot, "OrdersMenu"))
        menu = app.screen.query_one("#orders-list")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert ids == list(ACTIONS)  # every action, always in the same place
        broken = menu.get_option_at_index(ids.index("break"))
        assert broken.disabled
        assert "unavailable: you have no ally to break with" in str(broken.prompt)


async def test_target_lists_mark_allies_and_a_hostile_order_against_one_asks():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        ally = app.game.view.allies_of(app.game.player)[0]
        await pilot.press("escape")
        await pilot.press("o")
        await until(pilot, screen_is(pilot, "OrdersMenu"))
        menu = app.screen.query_one("#orders-list")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        menu.highlighted = ids.index("threaten")
        await pilot.press("enter")
        targets = [menu.get_option_at_index(i) for i in range(menu.option_count)]
        marked = [t.id for t in targets if "★ your ally" in str(t.prompt)]
        assert marked == [t.id for t in targets if t.id in app.game.view.allies_of("VAL")]
        await pilot.press("escape", "escape")
        await until(pilot, screen_is(pilot, "SituationRoom"))
        await type_command(pilot, f"threaten {ally}")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        await pilot.press("n")
        assert app.queue.orders == []
        await type_command(pilot, f"threaten {ally}")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))
        await pilot.press("y")
        await until(pilot, lambda: bool(app.queue.orders))
        assert app.queue.orders == [Order("threaten", ally)]
        assert "Queued" in hint(app)


async def test_the_save_dialog_selects_its_default_name(data_dir):
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("escape", "s")
        await until(pilot, screen_is(pilot, "SaveDialog"))
        await pilot.press(*"mine")
        assert app.screen.query_one("#save-name").value == "mine"
        await pilot.press("enter")
        await until(pilot, lambda: (data_dir / "saves" / "mine.json").exists() and not app.busy)


async def test_a_save_keeps_the_queued_orders_and_the_log_and_trend_survive_a_load(data_dir):
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        await pilot.press("enter")
        await until(pilot, lambda: not app.busy and app.game.world.turn == 2)
        while app.game.pending:
            await until(pilot, screen_is(pilot, "EventModal"))
            await pilot.press("1")
            await until(pilot, lambda: not app.busy)
        await until(pilot, screen_is(pilot, "SituationRoom"))
        await type_command(pilot, "reassure KAR")
        await type_command(pilot, "save midturn")
        await until(pilot, lambda: (data_dir / "saves" / "midturn.json").exists() and not app.busy)
        log = str(app.screen.query_one("#log").query("Static").first().render())
        decisions = [
            e for e in app.screen.query(".log-entry") if "your decision" in str(e.render())
        ]
        trend = dict(app.previous_threats)
        game = app.game
    loaded = saves.load_save(data_dir / "saves" / "midturn.json", None)
    again = EntenteApp(loaded.loaded, game=loaded, fresh=False, start="game")
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: again.room is not None and not again.busy)
        await pilot.pause()
        assert [str(o) for o in again.queue.orders] == ["reassure KAR"]
        assert dict(again.previous_threats) == trend
        shown = [e for e in again.screen.query(".log-entry") if "your decision" in str(e.render())]
        assert len(shown) == len(decisions) == len(game.answers)
        assert log  # the campaign's opening is still the first entry
        assert again.unsaved_work() is None  # just loaded: nothing to lose
