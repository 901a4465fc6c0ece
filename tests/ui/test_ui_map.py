"""The map screen: its window on the Earth, the land behind the capitals, which states it
names and where, and the screen itself on a small campaign of the real world
(tests/data/world_campaign.yaml) and on the tutorial's empty stretch of the Pacific."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content
from ui_pilot import SEED, screen_is, to_room, until

from game.campaign.loader import LoadedCampaign, load_campaign
from game.engine import new_game
from game.ui.app import EntenteApp
from game.ui.screens.map import legend_content, legend_paragraphs
from game.ui.widgets.map_labels import Mark, layout
from game.ui.widgets.map_legend import pack
from game.ui.widgets.map_projection import Capital, land_cells, window_for
from game.ui.widgets.map_view import (
    MapView,
    capitals_of,
    far_states,
    marks_for,
    ranked,
)

WORLD = Path(__file__).resolve().parents[1] / "data" / "world_campaign.yaml"
SIZES = ((80, 24), (120, 40))


@cache
def world() -> LoadedCampaign:
    """The real-world fixture campaign."""
    return load_campaign(WORLD)


def world_app(**kwargs) -> EntenteApp:
    """An app that starts a new game of the world campaign at once (as the USA)."""
    return EntenteApp(world(), seed=SEED, start="new", **kwargs)


def spans(placed: dict[str, tuple[int, int]], texts: dict[str, str]) -> dict[str, set]:
    return {s: {(x + i, y) for i in range(len(texts[s]))} for s, (x, y) in placed.items()}


def test_the_world_fixture_is_a_valid_campaign(capsys):
    from game.cli import main

    assert main(["validate", str(WORLD)]) == 0
    assert "ok: 'The World, 1955' world v1.0, 1955-1960, 13 states" in capsys.readouterr().out


# The window ---------------------------------------------------------------------------


def test_the_window_holds_every_capital_inside_its_margins_at_both_sizes():
    game = new_game(world(), SEED)
    capitals = capitals_of(game.view)
    for width, height in SIZES:
        window = window_for(capitals, width, height)
        for c in capitals:
            x, y = window.cell(c.lat, c.lon)
            assert 2 <= x < width - 2 and 1 <= y < height - 1, (c.state, x, y)
        assert window.north <= 90 and window.north - window.lat_span >= -90


def test_the_window_keeps_one_scale_both_ways():
    # Ten degrees east on the equator span twice as many columns as ten degrees north span
    # rows (a cell is two pixels tall), whatever the shape of the widget.
    capitals = [Capital("A", -20, -20), Capital("B", 20, 20)]
    for width, height in (*SIZES, (40, 40), (200, 20)):
        window = window_for(capitals, width, height)
        x0, y0 = window.cell(0, 0)
        x1, _ = window.cell(0, 10)
        _, y1 = window.cell(10, 0)
        assert abs((x1 - x0) - 2 * (y0 - y1)) <= 2, (width, height)  # a row rounds to 2
    # Near the pole a degree of longitude is shorter: the window squeezes it.
    north = window_for([Capital("A", 60, 0), Capital("B", 60, 10)], 80, 24)
    assert abs(north.squeeze - 0.5) < 1e-9


def test_the_tutorial_sea_has_no_land_and_the_world_does():
    from ui_pilot import tutorial

    tutorial_world = new_game(tutorial(), SEED).view
    near = [c for c in capitals_of(tutorial_world) if c.state not in {"AUR"}]
    for width, height in SIZES:
        assert set("".join(land_cells(window_for(near, width, height)))) == {" "}
        rows = land_cells(window_for(capitals_of(new_game(world(), SEED).view), width, height))
        assert len(rows) == height and {len(r) for r in rows} == {width}
        assert set("".join(rows)) == {" ", "▀", "▄", "█"}
    # The land of a window is kept: the same window gives the same rows object.
    window = window_for(near, 80, 24)
    assert land_cells(window) is land_cells(window_for(near, 80, 24))


# Which states are named ---------------------------------------------------------------


def test_the_player_its_allies_and_its_principal_threats_are_named_first():
    game = new_game(world(), SEED)
    threats = [line.rival for line in game.threats()]
    order, needed = ranked(game.view, "USA", threats)
    assert order[0] == "USA"
    assert set(order[1:5]) == {"CAN", "FRA", "FRG", "UK"}  # NATO
    assert needed == {"USA", "CAN", "FRA", "FRG", "UK", *threats[:3]}
    assert sorted(order) == game.view.ids()


def test_every_needed_state_is_labelled_on_the_world_map_at_both_sizes():
    game = new_game(world(), SEED)
    threats = [line.rival for line in game.threats()]
    _, needed = ranked(game.view, "USA", threats)
    for width, height in SIZES:
        _, marks = marks_for(game.view, "USA", threats, width, height)
        placed = layout(marks, width, height)
        assert needed <= set(placed.labels)
        texts = {m.state: m.text for m in marks}
        cells = spans(placed.labels, texts)
        states = sorted(cells)
        for i, a in enumerate(states):
            for b in states[i + 1 :]:
                assert not cells[a] & cells[b], (a, b)
        for cell, owner in placed.markers.items():
            assert all(cell not in cells[s] for s in cells if s != owner)


labels = st.text(alphabet="ABCDEFGH", min_size=2, max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 59), st.integers(0, 15), labels, st.booleans()),
        min_size=1,
        max_size=25,
    )
)
def test_labels_never_overlap_and_needed_ones_are_always_placed(states):
    marks = [
        Mark(f"{text}{i}", (x, y), f"{text}{i}"[:5], needed=needed)
        for i, (x, y, text, needed) in enumerate(states)
    ]
    placed = layout(marks, 60, 16)
    texts = {m.state: m.text for m in marks}
    cells = spans(placed.labels, texts)
    for state, span in cells.items():
        assert all(0 <= x < 60 and 0 <= y < 16 for x, y in span), state
        padded = {(x + d, y) for x, y in span for d in (-1, 0, 1)}
        for other, other_span in cells.items():
            if other != state:
                assert not padded & other_span, (state, other)
        for cell, owner in placed.markers.items():
            assert owner == state or cell not in span
    # The player (the first needed mark) is always labelled, beside its capital if it can be.
    assert {m.state for m in marks if m.needed} <= set(placed.labels)
    assert len(set(placed.markers.values())) == len(placed.markers)


def test_a_player_in_a_crowd_keeps_its_label_and_its_marker():
    crowd = [Mark(f"S{i}", (10, 5), f"S{i}") for i in range(12)]
    player = Mark("ME", (10, 5), "ME", needed=True)
    placed = layout([player, *crowd], 30, 10)
    assert placed.markers[(10, 5)] == "ME"
    assert placed.labels["ME"] in {(11, 5), (8, 5)}  # right beside it


def test_a_far_state_keeps_its_arrow_at_the_edge():
    from ui_pilot import tutorial

    view = new_game(tutorial(), SEED).view
    _, marks = marks_for(view, "VAL", [], 80, 16)
    [aurelia] = [m for m in marks if m.state == "AUR"]
    assert aurelia.text == "AUR↘" and aurelia.needed and not aurelia.marker
    assert layout(marks, 80, 16).labels["AUR"] == (76, 15)
    assert [f.state for f in far_states(view)] == ["AUR"]


# The legend ---------------------------------------------------------------------------


def test_the_legend_packs_whole_entries_into_lines():
    entries = [Content(f"■ Bloc {i}: AAA BBB") for i in range(6)]
    lines = pack([[Content("you")], entries], 40)
    assert str(lines[0]) == "you"
    assert all(line.cell_length <= 40 for line in lines)
    for line in lines[1:]:
        assert str(line).count("■") == str(line).count(": AAA BBB")  # never split
    assert len(lines) == 1 + 3
    long = pack([[Content("x " * 50)]], 20)
    assert len(long) == 5 and all(line.cell_length <= 20 for line in long)


def test_the_legend_lists_the_player_first_and_its_blocs_before_the_others():
    game = new_game(world(), SEED)
    paragraphs = legend_paragraphs(game)
    assert str(paragraphs[0][0]).startswith(" USA  you, United States")
    blocs = [str(entry) for entry in paragraphs[1]]
    assert blocs[0].startswith("■ NATO: ")
    assert blocs[-1] == "■ unallied: AUS BRA EGY IND JPN"
    assert str(legend_content(game, 200)).count("\n") == 1


# The screen ---------------------------------------------------------------------------


async def open_map(pilot) -> MapView:
    await to_room(pilot)
    await pilot.press("m")
    await until(pilot, screen_is(pilot, "MapScreen"))
    return pilot.app.screen.query_one(MapView)


async def test_the_world_map_names_the_player_and_its_allies_and_follows_a_resize():
    app = world_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_map(pilot)
        small = str(view.render())
        assert len(small.splitlines()) == view.size.height
        for state in ("USA", "CAN", "UK", "FRA", "FRG"):
            assert state in small
        assert "█" in small
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        large = str(view.render())
        assert view.size.width > 100 and len(large.splitlines()) == view.size.height > 20
        assert all(state in large for state in ("USA", "USSR", "CHN", "JPN", "BRA", "AUS"))


async def test_the_tutorial_map_is_open_sea_with_every_state_named():
    app = EntenteApp(
        load_campaign(Path(__file__).resolve().parents[2] / "campaigns" / "tutorial.yaml"),
        seed=SEED,
        start="new",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_map(pilot)
        text = str(view.render())
        assert not set(text) & set("▀▄█")
        for label in ("VAL", "NO", "KAR", "TES", "ON", "AUR↘"):
            assert label in text
        assert "km" in text  # a regional map keeps its scale bar
