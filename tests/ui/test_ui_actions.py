"""Each player action from the situation room's command line, a refused order, the engine's
own refusals in the report, and the free commands."""

from __future__ import annotations

import pytest
from ui_pilot import end_turn, hint, new_app, screen_is, to_room, type_command, until

ACTIONS = [
    ("ally ON", "You and Principality of Ondria sign an alliance."),
    ("break TES", "You break with Republic of Tessary."),
    ("guarantee ON", "You guarantee Principality of Ondria's independence"),
    ("aid TES military 2", "You send military aid (2) to Republic of Tessary."),
    ("buildup", "You build up your armed forces (military +8%)."),
    ("posture defensive", "Your forces adopt a defensive posture"),
    ("reassure KAR", "You reassure Kingdom of Karvath."),
    ("threaten KAR", "You threaten Kingdom of Karvath (a hostile act"),
    ("sanction KAR", "You sanction Kingdom of Karvath (a hostile act"),
    ("intervene COR", "You intervene against Brethren of the Skerries"),
    ("intel AUR", "Intelligence on Aurelian Empire: its principal threat is"),
]


def report_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


@pytest.mark.parametrize(("line", "news"), ACTIONS, ids=[a[0].split()[0] for a in ACTIONS])
async def test_each_action_is_queued_then_carried_out(line, news):
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, line)
        assert "Queued" in hint(app), hint(app)
        assert str(app.queue.orders[0]) == line
        assert line.split()[0] in str(app.screen.query_one("#orders").render())
        await pilot.press("escape")
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        assert news in report_text(app)
        assert app.queue.orders == []


async def test_a_refused_order_shows_the_engines_reason_at_once():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "ally AUR")
        line = hint(app)
        assert line.startswith("Refused: ally AUR: Aurelian Empire feels no threat worth")
        assert "so it refuses" in line
        assert app.queue.orders == []
        await type_command(pilot, "intervene KAR")
        await type_command(pilot, "intel NO")
        assert "needs 1 action point, you have 0 left" in hint(app)


async def test_orders_the_engine_refuses_at_resolution_are_in_the_report():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "break TES")
        await type_command(pilot, "break NO")  # legal now; not once TES is left
        await pilot.press("escape")
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        text = report_text(app)
        assert "Refused orders" in text
        assert "break NO: you are not allied with Norhaven Federation" in text


async def test_undo_clear_and_the_points_left():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "reassure KAR")
        await type_command(pilot, "threaten COR")
        assert app.queue.left == 1
        await type_command(pilot, "undo")
        assert [str(o) for o in app.queue.orders] == ["reassure KAR"]
        await type_command(pilot, "clear")
        assert app.queue.orders == [] and app.queue.left == 3
        await pilot.press("escape")
        await type_command(pilot, "sanction KAR")
        await pilot.press("escape", "u")
        assert app.queue.orders == []


async def test_bad_commands_show_one_line_and_a_suggestion():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "alli TES")
        assert hint(app) == "unknown command 'alli'. Did you mean 'ally'?"
        await type_command(pilot, "aid TES")
        assert "aid needs economic or military" in hint(app)


async def test_tab_completes_and_the_history_recalls():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        command = app.screen.query_one("#command")
        await pilot.press("colon", "a", "l", "tab")
        assert command.value == "ally "
        await pilot.press("t", "tab")
        assert command.value == "ally TES"
        await pilot.press("enter")
        await pilot.press("up")
        assert command.value == "ally TES"
        await pilot.press("ctrl+u")
        await pilot.press("a", "i", "d", "space", "t", "e", "s", "space", "tab")
        assert command.value == "aid tes economic"
        await pilot.press("tab")
        assert command.value == "aid tes military"
        assert "economic  military" in hint(app)


@pytest.mark.parametrize(
    ("line", "screen"),
    [
        ("why KAR", "DossierScreen"),
        ("inspect no", "DossierScreen"),
        ("inspect VAL", "DossierScreen"),
        ("map", "MapScreen"),
        ("help", "HelpScreen"),
        ("save", "SaveDialog"),
        ("load", "LoadScreen"),
    ],
)
async def test_free_commands_open_their_screens(line, screen):
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, line)
        await until(pilot, screen_is(pilot, screen))
        await pilot.press("escape")
        await until(pilot, screen_is(pilot, "SituationRoom"))


async def test_keys_open_the_same_screens():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        for key, screen in (
            ("d", "DossierScreen"),
            ("m", "MapScreen"),
            ("question_mark", "HelpScreen"),
        ):
            await pilot.press(key)
            await until(pilot, screen_is(pilot, screen))
            await pilot.press("escape")
            await until(pilot, screen_is(pilot, "SituationRoom"))
        await pilot.press("r")  # no report yet: a notification
        assert app.screen.__class__.__name__ == "SituationRoom"
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        await pilot.press("enter")
        await until(pilot, lambda: not app.busy and type(app.screen).__name__ != "TurnReportScreen")
        if type(app.screen).__name__ == "SituationRoom":
            await pilot.press("r")
            await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def test_save_command_writes_a_named_save(data_dir):
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await type_command(pilot, "save first-turn")
        await until(
            pilot, lambda: (data_dir / "saves" / "first-turn.json").exists() and not app.busy
        )


async def test_the_orders_menu_builds_an_order_step_by_step():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("o")
        await until(pilot, screen_is(pilot, "OrdersMenu"))
        menu = app.screen.query_one("#orders-list")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        await pilot.press(*["down"] * ids.index("aid"), "enter")  # aid
        targets = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        await pilot.press(*["down"] * targets.index("TES"), "enter")  # to Tessary
        await pilot.press("down", "enter")  # military
        await pilot.press("down", "enter")  # 2
        await until(pilot, screen_is(pilot, "SituationRoom"))
        assert [str(o) for o in app.queue.orders] == ["aid TES military 2"]


async def test_the_command_palette_lists_and_runs_game_commands():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, screen_is(pilot, "CommandPalette"))
        for char in "reassure KAR":
            await pilot.press("space" if char == " " else char)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.queue.orders))
        assert [str(o) for o in app.queue.orders] == ["reassure KAR"]
        await pilot.press("ctrl+p")
        await until(pilot, screen_is(pilot, "CommandPalette"))
        for char in "End turn":
            await pilot.press("space" if char == " " else char)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "ConfirmDialog"))  # action points are unspent
        await pilot.press("y")
        await until(pilot, screen_is(pilot, "TurnReportScreen"))


async def test_an_event_choice_by_mouse():
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, screen_is(pilot, "BriefingScreen"))
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "EventModal"))
        choices = app.screen.query_one("#event-choices")
        # the first line of the third choice, from the list's own layout (index, offset)
        row = next(y for y, (index, _) in enumerate(choices._lines) if index == 2)
        await pilot.click(choices, offset=(4, row))
        await until(pilot, lambda: not app.busy and screen_is(pilot, "SituationRoom")())
        assert app.game.log[0].choices[0].choice == 2
