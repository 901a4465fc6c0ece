"""The turn report a player reads after ending a turn: a busy year's routine news folded
into a count (the news log keeps it all), only the objectives that are open or decided
this year, and the room brought up to date behind it; and the engine hand-off that lets
the report appear before the turn's autosave is written."""

from __future__ import annotations

from dataclasses import replace

from ui_pilot import end_turn, new_app, screen_is, to_room, until

from game.engine import (
    News,
    NewsCategory,
    ObjectiveState,
    ObjectiveStatus,
    make_policy,
    new_game,
    play_headless,
)
from game.ui.app import EntenteApp
from game.ui.screens.report import NEWS_SHOWN, current_objectives, report_news


def items(important: int, routine: int) -> list[News]:
    found = [News(3, f"important {i}", NewsCategory.event) for i in range(important)]
    return found + [News(1, f"routine {i}", NewsCategory.ai) for i in range(routine)]


def plain(lines) -> list[str]:
    return [line.plain for line in lines]


def test_a_quiet_year_says_so() -> None:
    assert plain(report_news([])) == ["A quiet year."]


def test_a_short_year_lists_every_item_most_important_first() -> None:
    news = [News(1, "routine", NewsCategory.ai), News(5, "war", NewsCategory.event)]
    assert plain(report_news(news)) == ["● war", "· routine"]


def test_a_busy_year_folds_the_routine_items_into_a_count() -> None:
    shown = plain(report_news(items(5, 30)))
    assert len(shown) == NEWS_SHOWN + 1
    assert all(f"• important {i}" in shown for i in range(5))
    assert (
        shown[-1] == f"· {35 - NEWS_SHOWN} more routine items: the whole year is in the news log."
    )


def test_every_item_that_matters_is_listed_however_busy_the_year() -> None:
    shown = plain(report_news(items(NEWS_SHOWN + 4, 9)))
    assert sum(line.startswith("• important") for line in shown) == NEWS_SHOWN + 4
    assert shown[-1].startswith("· 9 more routine items")


def objective(key: str, status: ObjectiveStatus, year: int | None) -> ObjectiveState:
    return ObjectiveState(key, f"objective {key}", 10, 1960, status, 20, year)


def test_the_report_lists_open_objectives_and_those_decided_this_year() -> None:
    game = new_game(new_app().loaded, "report")
    for _ in play_headless(game, make_policy("passive", "report"), turns=1):
        pass
    report = game.reports[-1]
    report = replace(
        report,
        year=1955,
        objectives=[
            objective("old", ObjectiveStatus.achieved, 1950),
            objective("now", ObjectiveStatus.failed, 1955),
            objective("open", ObjectiveStatus.pending, None),
        ],
    )
    assert [o.id for o in current_objectives(report)] == ["now", "open"]


async def test_the_room_behind_the_report_is_up_to_date_when_it_closes(data_dir) -> None:
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_room(pilot)
        await end_turn(pilot)
        await until(pilot, screen_is(pilot, "TurnReportScreen"))
        await until(pilot, lambda: not app.busy)  # the autosave has been written
        assert app.saved_mark is not None and app.unsaved_work() is None
        await pilot.press("enter")
        await until(pilot, lambda: app.room is not None and app.screen is not None)
        room = app.room
        entries = [str(e.render()) for e in room.query(".log-entry")]
        assert any(app.last_report.news[0].text in entry for entry in entries)


def test_an_answer_given_while_the_autosave_is_written_waits_for_it() -> None:
    app = EntenteApp(new_app().loaded, seed="wait")
    calls: list[str] = []
    app.busy = True  # a turn's autosave is being written
    app.when_engine_free(lambda: calls.append("answered"))
    assert calls == []
    app.release_engine()
    assert calls == ["answered"] and not app.busy
    app.when_engine_free(lambda: calls.append("at once"))  # the engine is free: at once
    assert calls == ["answered", "at once"]
