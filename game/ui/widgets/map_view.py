"""The map: capitals placed on the character grid by an equirectangular projection.

Each present state is drawn as its id at its capital, coloured by its bloc (unallied states
grey; the player highlighted). The projection is recomputed from the widget's size at every
render, so the map fills whatever room the terminal gives it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from game.engine.world import World
from game.ui.render import UNALLIED_STYLE, bloc_styles

GRATICULE = "·"
KM_PER_DEGREE = 111.32
SCALE_COLUMNS = 10


@dataclass(frozen=True)
class Capital:
    """A state to draw: its id and its capital's coordinates."""

    state: str
    lat: float
    lon: float


def project(
    capitals: list[Capital], width: int, height: int, label: int
) -> dict[str, tuple[int, int]]:
    """Each capital's cell (column, row) in a ``width`` x ``height`` grid, leaving ``label``
    columns at the right so the last id fits."""
    if not capitals:
        return {}
    mean_lat = math.radians(sum(c.lat for c in capitals) / len(capitals))
    xs = {c.state: c.lon * math.cos(mean_lat) for c in capitals}
    ys = {c.state: c.lat for c in capitals}
    x0, x1 = min(xs.values()), max(xs.values())
    y0, y1 = min(ys.values()), max(ys.values())
    usable_w, usable_h = max(1, width - label - 1), max(1, height - 1)
    out = {}
    for c in capitals:
        x = (xs[c.state] - x0) / (x1 - x0) * usable_w if x1 > x0 else usable_w / 2
        y = (y1 - ys[c.state]) / (y1 - y0) * usable_h if y1 > y0 else usable_h / 2
        out[c.state] = (round(x), round(y))
    return out


def km_per_column(capitals: list[Capital], width: int, label: int) -> float | None:
    """How many kilometres one column spans east-west (None when it cannot be known)."""
    if len(capitals) < 2:
        return None
    mean_lat = math.radians(sum(c.lat for c in capitals) / len(capitals))
    xs = [c.lon * math.cos(mean_lat) for c in capitals]
    span = max(xs) - min(xs)
    return span * KM_PER_DEGREE / max(1, width - label - 1) if span > 0 else None


def scale_text(km: float) -> str:
    """A scale bar ``SCALE_COLUMNS`` wide with the distance it spans."""
    distance = km * SCALE_COLUMNS
    rounded = f"{distance:,.0f}" if distance < 100 else f"{round(distance, -1):,.0f}"
    return "├" + "─" * (SCALE_COLUMNS - 2) + "┤ " + rounded + " km"


def _offsets(radius: int):
    yield 0, 0
    for r in range(1, radius + 1):
        for dy, dx in (
            (-r, 0),
            (r, 0),
            (0, r * 2),
            (0, -r * 2),
            (-r, r * 2),
            (r, r * 2),
            (-r, -r * 2),
            (r, -r * 2),
        ):
            yield dx, dy


def place(cells: dict[str, tuple[int, int]], width: int, height: int) -> dict[str, tuple[int, int]]:
    """Labels without overlaps: a label that would cover another is nudged nearby."""
    taken: set[tuple[int, int]] = set()
    placed = {}
    for state in sorted(cells, key=lambda s: (cells[s][1], cells[s][0], s)):
        x, y = cells[state]
        best = (min(max(0, x), max(0, width - len(state))), min(max(0, y), max(0, height - 1)))
        for dx, dy in _offsets(max(width, height)):
            nx = min(max(0, x + dx), max(0, width - len(state)))
            ny = min(max(0, y + dy), max(0, height - 1))
            span = {(nx + i, ny) for i in range(-1, len(state) + 1)}
            if not span & taken:
                best = (nx, ny)
                break
        placed[state] = best
        taken |= {(best[0] + i, best[1]) for i in range(len(state))}
    return placed


def state_styles(world: World, player: str) -> dict[str, str]:
    """Each present state's colour: its first bloc's, grey when unallied; the player bold
    and reversed."""
    blocs = bloc_styles(list(world.alliances))
    styles = {}
    for state in world.ids():
        first = next((a.id for a in world.alliances_of(state)), None)
        style = blocs[first] if first else UNALLIED_STYLE
        styles[state] = f"bold reverse {style}" if state == player else f"bold {style}"
    return styles


class MapView(Widget):
    """The present states at their capitals, coloured by bloc."""

    def __init__(self, world: World, player: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.world = world
        self.player = player

    def capitals(self) -> list[Capital]:
        """Present states that have a capital."""
        return [
            Capital(s, r.lat, r.lon)
            for s in self.world.ids()
            if (r := self.world.states[s]).lat is not None and r.lon is not None
        ]

    def render(self) -> Content:
        width, height = self.size.width, self.size.height
        if width < 4 or height < 2:
            return Content("")
        capitals = self.capitals()
        label = max((len(c.state) for c in capitals), default=3)
        cells = place(project(capitals, width, height, label), width, height)
        grid = [
            [(GRATICULE if (x % 6 == 0 and y % 3 == 0) else " ") for x in range(width)]
            for y in range(height)
        ]
        styles = state_styles(self.world, self.player)
        owners: dict[tuple[int, int], str] = {}
        for state, (x, y) in cells.items():
            for i, char in enumerate(state):
                if x + i < width:
                    grid[y][x + i] = char
                    owners[(x + i, y)] = state
        km = km_per_column(capitals, width, label)
        scale = scale_text(km) if km else ""
        bottom = height - 1
        # The scale bar goes in the bottom-left corner, unless a state is drawn there.
        if (
            scale
            and len(scale) < width
            and not any((x, bottom) in owners for x in range(len(scale) + 1))
        ):
            for x, char in enumerate(scale):
                grid[bottom][x] = char
        lines = []
        for y, row in enumerate(grid):
            parts: list[tuple[str, str] | str] = []
            for x, char in enumerate(row):
                owner = owners.get((x, y))
                parts.append((char, styles[owner]) if owner else (char, "$foreground-muted"))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
