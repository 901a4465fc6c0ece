"""The map: the present states at their capitals on the Earth's land, coloured by bloc.

The window is the bounding box of the capitals (:mod:`.map_projection`), recomputed from
the widget's size at every render, so the map fills whatever room the terminal gives it;
the land behind is Natural Earth's, drawn in half blocks in a muted colour. Each state is a
marker at its capital, coloured by its first bloc (unallied states grey); the player, its
allies and its principal threats are always named, the others where room allows
(:mod:`.map_labels`).

A state far from all the others (an empire across the ocean) would squeeze the rest into a
corner, so it is drawn at the map's edge in its direction, with an arrow, and the legend
gives its distance: the map keeps the room for the neighbourhood where proximity matters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from textual.content import Content
from textual.widget import Widget

from game.engine import WorldView, great_circle_km
from game.ui.render import UNALLIED_STYLE, bloc_styles
from game.ui.widgets.map_labels import Layout, Mark, layout
from game.ui.widgets.map_projection import (
    Capital,
    Window,
    graticule,
    land_cells,
    scale_text,
    unwrapped,
    window_for,
    wrap,
)

__all__ = ["Capital", "FarState", "MapView", "capitals_of", "far_states", "split_far"]

MARKER = "●"
GRATICULE = "·"
LAND_STYLE = "$foreground 22%"
"""Land: a muted grey of the theme's own foreground, well behind the states' colours."""
LAND_BACKGROUND = "on $foreground 22%"
GRATICULE_STYLE = "$foreground 40%"
SCALE_STYLE = "$foreground-muted"
SCALE_COLUMNS = 10
SCALE_MAX_LATITUDES = 60.0
"""A scale bar only on a map spanning fewer degrees of latitude than this: on a world map
a column spans very different distances at the equator and near the poles."""
TOP_THREATS = 3
"""The player's most threatening rivals always labelled."""
FAR_FACTOR = 4.0
"""A state is far off the map when its capital is more than this many times the typical
distance of the capitals from their centre (the median), and at least FAR_MIN_KM away."""
FAR_MIN_KM = 1000.0
FAR_GAIN = 2.0
"""And only when the others, without them, span at most 1/FAR_GAIN of the degrees they
span with them: a world map keeps Brazil and Australia, which are on its land anyway."""
ARROWS = ("→", "↗", "↑", "↖", "←", "↙", "↓", "↘")
COMPASS = ("east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east")


@dataclass(frozen=True)
class FarState:
    """A state drawn at the map's edge: how far its capital is from the others' centre, and
    in which of eight directions."""

    state: str
    km: float
    octant: int
    """0 east, 1 north-east, ... counter-clockwise to 7 south-east."""

    @property
    def arrow(self) -> str:
        return ARROWS[self.octant]

    @property
    def direction(self) -> str:
        return COMPASS[self.octant]

    @property
    def label(self) -> str:
        """The id with its arrow pointing off the map: before it on the west side."""
        return self.arrow + self.state if self.octant in (3, 4, 5) else self.state + self.arrow


def span(capitals: list[Capital]) -> float:
    """The degrees the capitals span, east-west (at their middle latitude) or north-south,
    whichever is more."""
    lons = unwrapped(capitals).values()
    lats = [c.lat for c in capitals]
    squeeze = math.cos(math.radians(min(60.0, abs(max(lats) + min(lats)) / 2)))
    return max(max(lats) - min(lats), (max(lons) - min(lons)) * squeeze)


def split_far(capitals: list[Capital]) -> tuple[list[Capital], list[FarState]]:
    """The capitals to project, and the states far from all of them (at most a third of
    the map, never so many that fewer than two remain, and only when the map of the rest
    gains room by it)."""
    if len(capitals) < 3:
        return capitals, []
    lon = unwrapped(capitals)
    lat0 = median([c.lat for c in capitals])
    lon0 = median(list(lon.values()))
    km = {c.state: great_circle_km(lat0, lon0, c.lat, c.lon) for c in capitals}
    limit = max(FAR_MIN_KM, FAR_FACTOR * median(list(km.values())))
    far = [c for c in capitals if km[c.state] > limit]
    if not far or len(far) > len(capitals) // 3:
        return capitals, []
    near = [c for c in capitals if km[c.state] <= limit]
    if span(near) * FAR_GAIN > span(capitals):
        return capitals, []
    # The direction is read from the centre of the states that stay on the map.
    lat1 = sum(c.lat for c in near) / len(near)
    lon1 = sum(lon[c.state] for c in near) / len(near)
    out = []
    for c in far:
        east = wrap(c.lon - lon1) * math.cos(math.radians(lat1))
        octant = round(math.atan2(c.lat - lat1, east) / (math.pi / 4)) % 8
        out.append(FarState(c.state, great_circle_km(lat1, lon1, c.lat, c.lon), octant))
    return near, out


def edge_cell(octant: int, width: int, height: int, label: int) -> tuple[int, int]:
    """Where a far state's label goes: the edge of the map in its direction."""
    right, bottom = max(0, width - label), max(0, height - 1)
    dx = (1, 1, 0, -1, -1, -1, 0, 1)[octant]
    dy = (0, -1, -1, -1, 0, 1, 1, 1)[octant]
    x = {1: right, 0: right // 2, -1: 0}[dx]
    y = {-1: 0, 0: bottom // 2, 1: bottom}[dy]
    return x, y


def state_styles(world: WorldView, player: str) -> dict[str, str]:
    """Each present state's colour: its first bloc's, grey when unallied; the player bold
    and reversed."""
    blocs = bloc_styles(list(world.alliances))
    styles = {}
    for state in world.ids():
        first = next((a.id for a in world.alliances_of(state)), None)
        style = blocs[first] if first else UNALLIED_STYLE
        styles[state] = f"bold reverse {style}" if state == player else f"bold {style}"
    return styles


def capitals_of(world: WorldView) -> list[Capital]:
    """The present states that have a capital, in id order."""
    return [
        Capital(s, r.lat, r.lon)
        for s in world.ids()
        if (r := world.states[s]).lat is not None and r.lon is not None
    ]


def far_states(world: WorldView) -> list[FarState]:
    """The present states the map draws at its edge, far from all the others."""
    return split_far(capitals_of(world))[1]


def ranked(world: WorldView, player: str, threats: Sequence[str]) -> tuple[list[str], set[str]]:
    """Every present state in the order the map names them (the player, its allies, its
    rivals from the most threatening, then the rest by id), and the ones always named: the
    player, its allies and its ``TOP_THREATS`` principal threats."""
    present = set(world.ids())
    allies = [s for s in world.allies_of(player) if s in present]
    rivals = [s for s in threats if s in present and s != player]
    order = list(dict.fromkeys([player, *allies, *rivals, *sorted(present)]))
    needed = {player, *allies, *rivals[:TOP_THREATS]} & present
    return [s for s in order if s in present], needed


def marks_for(
    world: WorldView, player: str, threats: Sequence[str], width: int, height: int
) -> tuple[Window, list[Mark]]:
    """The window of a ``width`` x ``height`` map and every state's mark on it, most
    important first; far states at the edge, always labelled."""
    near, far = split_far(capitals_of(world))
    # Far states keep the outer ring of cells; the others are projected inside it.
    window = window_for(near, width, height, inset=1 if far else 0)
    cells = {c.state: window.cell(c.lat, c.lon) for c in near}
    order, needed = ranked(world, player, threats)
    marks = {s: Mark(s, cells[s], s, s in needed) for s in order if s in cells}
    for f in far:
        cell = edge_cell(f.octant, width, height, len(f.label))
        marks[f.state] = Mark(f.state, cell, f.label, needed=True, marker=False)
    return window, [marks[s] for s in order if s in marks]


Grid = list[tuple[list[str], list[str]]]
"""The map's rows, each as its characters and their styles, a cell each."""


@lru_cache(maxsize=16)
def base_layer(window: Window) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The map before the states: land, and the graticule on water."""
    rows = [
        (list(row), [LAND_STYLE if c != " " else "" for c in row]) for row in land_cells(window)
    ]
    for x, y in graticule(window):
        if 0 <= y < window.height and 0 <= x < window.width and rows[y][0][x] == " ":
            rows[y][0][x], rows[y][1][x] = GRATICULE, GRATICULE_STYLE
    return tuple((tuple(chars), tuple(styles)) for chars, styles in rows)


def draw(window: Window, placed: Layout, marks: list[Mark], styles: dict[str, str]) -> Grid:
    """Every cell of the map: land, the graticule on water, the markers and the labels
    (with the land's colour behind them on land, so the coast stays whole), the scale."""
    grid = [(list(chars), list(looks)) for chars, looks in base_layer(window)]

    def put(x: int, y: int, char: str, style: str) -> None:
        chars, looks = grid[y]
        if chars[x] == "█" and "reverse" not in style:
            style = f"{style} {LAND_BACKGROUND}"
        chars[x], looks[x] = char, style

    for (x, y), state in placed.markers.items():
        put(x, y, MARKER, styles[state].replace("reverse ", ""))
    text = {m.state: m.text for m in marks}
    used = set(placed.markers)
    for state, (x, y) in placed.labels.items():
        for i, char in enumerate(text[state]):
            put(x + i, y, char, styles[state])
            used.add((x + i, y))
    scale = scale_text(window.km_per_column, SCALE_COLUMNS)
    bottom = window.height - 1
    # The scale bar goes in the bottom-left corner of a regional map, unless a state is there.
    if (
        window.lat_span < SCALE_MAX_LATITUDES
        and len(scale) < window.width
        and not any((x, bottom) in used for x in range(len(scale) + 1))
    ):
        chars, looks = grid[bottom]
        chars[: len(scale)] = scale
        looks[: len(scale)] = [SCALE_STYLE] * len(scale)
    return grid


def to_content(grid: Grid) -> Content:
    """The cells as Content, a span per run of one style."""
    lines = []
    for chars, looks in grid:
        parts = []
        start = 0
        for x in range(1, len(looks) + 1):
            if x == len(looks) or looks[x] != looks[start]:
                parts.append(("".join(chars[start:x]), looks[start]))
                start = x
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


class MapView(Widget):
    """The present states at their capitals on the world's land, coloured by bloc."""

    def __init__(
        self,
        world: WorldView,
        player: str,
        *,
        threats: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        """``threats``: the player's rivals, the most threatening first (they are named
        before the others)."""
        super().__init__(id=id)
        self.world = world
        self.player = player
        self.threats = tuple(threats)

    def render(self) -> Content:
        width, height = self.size.width, self.size.height
        if width < 4 or height < 2:
            return Content("")
        window, marks = marks_for(self.world, self.player, self.threats, width, height)
        placed = layout(marks, width, height)
        styles = state_styles(self.world, self.player)
        return to_content(draw(window, placed, marks, styles))
