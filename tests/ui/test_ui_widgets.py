"""Pure parts of the widgets: bars, trends, the board's columns, the map's projection."""

from __future__ import annotations

from ui_pilot import played

from game.ui.render import bar, bloc_styles, clip, threat_style, trend
from game.ui.screens.map import legend_content
from game.ui.widgets.alliances import alliances_content
from game.ui.widgets.map_labels import Mark, layout
from game.ui.widgets.map_projection import window_for
from game.ui.widgets.map_view import (
    Capital,
    edge_cell,
    far_states,
    split_far,
    state_styles,
)
from game.ui.widgets.status_bar import status_content
from game.ui.widgets.threat_board import Columns, RivalRow, header_line, row_line


def test_bars_are_in_eighths_and_padded():
    assert bar(0, 4) == "    "
    assert bar(1, 4) == "████"
    assert bar(0.5, 4) == "██  "
    assert bar(1 / 16, 2) == "▏ "
    assert bar(7, 3) == "███" and bar(-1, 3) == "   "


def test_threat_levels_and_trends():
    assert threat_style(0.6) == "$error"
    assert threat_style(0.35) == "$warning"
    assert threat_style(0.1) == "$success"
    assert str(trend(0.05)) == "▲+0.05" and str(trend(-0.1)) == "▼-0.10"
    assert str(trend(0.001)).strip() == "=" and str(trend(None)).strip() == "-"
    assert len({len(str(trend(x))) for x in (0.05, -0.1, 0.0, None)}) == 1


def test_clip():
    assert clip("Kingdom of Karvath", 8) == "Kingdom…"
    assert clip("KAR", 5) == "KAR  "


def test_board_rows_fit_their_width():
    row = RivalRow(
        "KAR",
        "Kingdom of Karvath",
        0.55,
        dict.fromkeys(("power", "proximity", "offense", "intentions"), 0.5),
        0.04,
    )
    for width in (60, 76, 116, 200):
        columns = Columns.fit(width)
        assert row_line(1, row, columns).cell_length == width
        assert header_line(columns).cell_length <= width
    assert "Offense" in str(header_line(Columns.fit(116)))
    assert "Off" in str(header_line(Columns.fit(76)))


def test_the_projection_keeps_east_west_and_north_south():
    capitals = [Capital("A", 40, -150), Capital("B", 45, -140), Capital("C", 20, -130)]
    window = window_for(capitals, 40, 12)
    cells = {c.state: window.cell(c.lat, c.lon) for c in capitals}
    assert cells["A"][0] < cells["B"][0] < cells["C"][0]  # west to east
    assert cells["B"][1] < cells["A"][1] < cells["C"][1]  # north to south
    assert all(2 <= x < 40 - 2 and 1 <= y < 12 - 1 for x, y in cells.values())


def test_a_state_far_from_all_the_others_goes_to_the_edge():
    # Five capitals within a few hundred km, and an empire 3,000 km to the south-east.
    near = [
        Capital(s, lat, lon)
        for s, lat, lon in (
            ("A", 44, -158),
            ("B", 48, -154),
            ("C", 44, -150),
            ("D", 42, -145),
            ("E", 42, -155),
        )
    ]
    far = Capital("F", 21, -130)
    kept, off = split_far([*near, far])
    assert kept == near
    assert [(f.state, f.direction, f.arrow) for f in off] == [("F", "south-east", "↘")]
    assert 3000 < off[0].km < 3600
    assert edge_cell(off[0].octant, 80, 20, 4) == (76, 19)  # bottom-right corner
    assert edge_cell(4, 80, 20, 4) == (0, 9)  # due west: the middle of the left edge
    # Spread-out capitals all stay, however far apart: only a lone outlier is set aside.
    spread = [Capital("A", 0, 0), Capital("B", 0, 40), Capital("C", 0, 80), Capital("D", 40, 0)]
    assert split_far(spread) == (spread, [])
    # Two far states of five is more than a third: nothing is set aside.
    assert split_far([*near[:3], far, Capital("G", 20, -128)])[1] == []


def test_the_map_knows_the_short_way_round_the_180th_meridian():
    japan = [
        Capital(s, lat, lon)
        for s, lat, lon in (
            ("A", 35.7, 139.7),
            ("B", 37.5, 127.0),
            ("C", 39.0, 125.7),
            ("D", 34.7, 135.5),
        )
    ]
    hawaii = Capital("H", 21.3, -157.8)
    _, off = split_far([*japan, hawaii])
    assert [(f.state, f.direction) for f in off] == [("H", "east")]
    assert 6000 < off[0].km < 7000
    # A cluster that straddles the meridian stays in one piece, and what lies east is east.
    fiji = [
        Capital(s, lat, lon)
        for s, lat, lon in (("F", -18, 177), ("G", -17, 178), ("I", -19, 179), ("J", -18, -179.5))
    ]
    kept, off = split_far([*fiji, Capital("K", -18, -140)])
    assert kept == fiji and [(f.state, f.direction) for f in off] == [("K", "east")]
    assert 4000 < off[0].km < 4800
    window = window_for(fiji, 40, 10)
    cells = {c.state: window.cell(c.lat, c.lon) for c in fiji}
    assert [cells[s][0] for s in "FGIJ"] == sorted(cells[s][0] for s in "FGIJ")  # west to east
    assert all(0 <= x < 40 for x, _ in cells.values())


def test_the_map_legend_gives_the_far_state_its_distance():
    game = played(1)
    assert [f.state for f in far_states(game.world)] == ["AUR"]
    text = str(legend_content(game))
    assert "far off the map: AUR Aurelian Empire, 3,281 km to the south-east ↘" in text


def test_labels_never_overlap():
    marks = [Mark(s, (10, 5), s, needed=True) for s in ("AAA", "BBB", "CCC", "DD")]
    placed = layout(marks, 40, 12).labels
    assert set(placed) == {"AAA", "BBB", "CCC", "DD"}
    spans = [{(x + i, y) for i in range(len(s))} for s, (x, y) in placed.items()]
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            assert not a & b


def test_colours_by_bloc_and_the_player():
    game = played(1)
    styles = state_styles(game.world, "VAL")
    blocs = bloc_styles(list(game.world.alliances))
    league = blocs["strait_league"]
    assert styles["VAL"] == f"bold reverse {league}"
    tessary = [blocs[a.id] for a in game.world.alliances_of("TES")]
    assert styles["TES"] in [f"bold {colour}" for colour in tessary]
    assert styles["AUR"] == "bold $foreground-muted"


def test_alliances_and_status_text():
    game = played(1)
    text = str(alliances_content(game.view, "VAL"))
    assert "The Strait League" in text and "Unallied" in text
    league = text.splitlines()[text.splitlines().index("★ The Strait League") + 1].split()
    members = league[: league.index("vs")] if "vs" in league else league
    assert members == sorted(members) and {"NO", "TES", "VAL"} <= set(members)
    narrow = status_content(game, 3, 60)
    wide = status_content(game, 3, 140)
    assert "AP 3/3" in str(narrow) and "seed snap" not in str(narrow)
    assert "seed snap" in str(wide) and wide.cell_length <= 140


def test_the_alliances_panel_groups_the_blocs_of_the_cold_war():
    from game.campaign.library import resolve_campaign
    from game.campaign.loader import load_campaign
    from game.engine import Passive, new_game, play_headless

    game = new_game(load_campaign(resolve_campaign("cold_war")), "snap", "IND")
    for _ in play_headless(game, Passive(), turns=3):
        pass
    view = game.view
    blocs = view.blocs()
    # Every alliance is in exactly one bloc, a bloc's alliances share members, the
    # largest comes first and its leader is its most powerful member.
    assert sorted(a for b in blocs for a in b.alliances) == sorted(view.alliances)
    assert [len(b.members) for b in blocs] == sorted((len(b.members) for b in blocs), reverse=True)
    soviet = next(b for b in blocs if "POL" in b.members)
    assert soviet.leader == "USSR" and len(soviet.alliances) >= 3
    text = str(alliances_content(view, "IND")).splitlines()
    heading = (
        f"Bloc of Soviet Union: {len(soviet.members)} states, {len(soviet.alliances)} alliances"
    )
    assert heading in text
    start = text.index(heading) + 1
    names = {view.alliances[a].name for a in soviet.alliances}
    shown = [line[2:] for line in text[start : start + 2 * len(names)] if line[:2] in ("■ ", "★ ")]
    assert set(shown) == names  # the bloc's alliances follow its heading


def test_the_help_tables_keep_their_cells_and_the_score_matches_the_engine():
    from markdown_it import MarkdownIt

    from game.engine import constants as k
    from game.ui.screens.help import help_markdown

    game = played(2)
    text = help_markdown(game.score)
    tokens = MarkdownIt("gfm-like").parse(text)
    rows: list[list[str]] = []
    in_row = False
    for token in tokens:
        if token.type in ("tr_open", "tr_close"):
            in_row = token.type == "tr_open"
            if in_row:
                rows.append([])
        elif token.type == "inline" and in_row:
            rows[-1].append(token.content)
    widths = {len(row) for row in rows}
    assert widths <= {2, 3}  # no row split by a "|" inside a cell
    cells = {cell for row in rows for cell in row}
    assert "`posture defensive|offensive`" in cells
    assert any(cell.startswith("`aid STATE economic|military") for cell in cells)
    for figure in (k.SECURITY_POINTS, k.INFLUENCE_POINTS, k.OBJECTIVE_POINTS):
        assert f"up to {figure}" in text
    assert f"({k.WAR_PENALTY} each)" in text and f"({k.ABANDON_PENALTY} each)" in text
    floors = ", ".join(f"{letter} {share:.0%}" for share, letter in k.GRADES[1:-1])
    assert f"A from {k.GRADES[0][0]:.0%}, {floors}" in text
    assert f"your score is **{game.score.total} ({game.score.grade})**" in text
