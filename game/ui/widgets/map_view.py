"""The map: capitals placed on the character grid by an equirectangular projection.

Each present state is drawn as its id at its capital, coloured by its bloc (unallied states
grey; the player highlighted). The projection is recomputed from the widget's size at every
render, so the map fills whatever room the terminal gives it.

A state far from all the others (an empire across the ocean) would squeeze the rest into a
corner, so it is drawn at the map's edge in its direction, with an arrow, and the legend
gives its distance: the map keeps the room for the neighbourhood where proximity matters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

from textual.content import Content
from textual.widget import Widget

from game.engine import WorldView, great_circle_km
from game.ui.render import UNALLIED_STYLE, bloc_styles

GRATICULE = "·"
KM_PER_DEGREE = 111.32
SCALE_COLUMNS = 10
FAR_FACTOR = 4.0
"""A state is far off the map when its capital is more than this many times the typical
distance of the capitals from their centre (the median), and at least FAR_MIN_KM away."""
FAR_MIN_KM = 1000.0
ARROWS = ("→", "↗", "↑", "↖", "←", "↙", "↓", "↘")
COMPASS = ("east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east")


@dataclass(frozen=True)
class Capital:
    """A state to draw: its id and its capital's coordinates."""

    state: str
    lat: float
    lon: float


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


def _wrap(degrees: float) -> float:
    """A longitude difference brought into [-180, 180): the short way round."""
    return (degrees + 180.0) % 360.0 - 180.0


def unwrapped(capitals: list[Capital]) -> dict[str, float]:
    """Each capital's longitude, continued across the 180th meridian from the capitals'
    circular mean, so a region that straddles it stays in one piece."""
    if not capitals:
        return {}
    ref = math.degrees(
        math.atan2(
            sum(math.sin(math.radians(c.lon)) for c in capitals),
            sum(math.cos(math.radians(c.lon)) for c in capitals),
        )
    )
    return {c.state: ref + _wrap(c.lon - ref) for c in capitals}


def split_far(capitals: list[Capital]) -> tuple[list[Capital], list[FarState]]:
    """The capitals to project, and the states far from all of them (at most a third of
    the map, and never so many that fewer than two remain)."""
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
    # The direction is read from the centre of the states that stay on the map.
    lat1 = sum(c.lat for c in near) / len(near)
    lon1 = sum(lon[c.state] for c in near) / len(near)
    out = []
    for c in far:
        east = _wrap(c.lon - lon1) * math.cos(math.radians(lat1))
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


def _eastings(capitals: list[Capital]) -> dict[str, float]:
    """Each capital's east-west position in degrees at the capitals' mean latitude."""
    mean_lat = math.radians(sum(c.lat for c in capitals) / len(capitals))
    return {state: lon * math.cos(mean_lat) for state, lon in unwrapped(capitals).items()}


def project(
    capitals: list[Capital], width: int, height: int, label: int
) -> dict[str, tuple[int, int]]:
    """Each capital's cell (column, row) in a ``width`` x ``height`` grid, leaving ``label``
    columns at the right so the last id fits."""
    if not capitals:
        return {}
    xs = _eastings(capitals)
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
    xs = list(_eastings(capitals).values())
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


def place(
    cells: dict[str, tuple[int, int]],
    width: int,
    height: int,
    texts: dict[str, str] | None = None,
) -> dict[str, tuple[int, int]]:
    """Labels without overlaps: a label that would cover another is nudged nearby.
    ``texts`` gives a label other than the state's id."""
    taken: set[tuple[int, int]] = set()
    placed = {}
    for state in sorted(cells, key=lambda s: (cells[s][1], cells[s][0], s)):
        size = len((texts or {}).get(state, state))
        x, y = cells[state]
        best = (min(max(0, x), max(0, width - size)), min(max(0, y), max(0, height - 1)))
        for dx, dy in _offsets(max(width, height)):
            nx = min(max(0, x + dx), max(0, width - size))
            ny = min(max(0, y + dy), max(0, height - 1))
            span = {(nx + i, ny) for i in range(-1, size + 1)}
            if not span & taken:
                best = (nx, ny)
                break
        placed[state] = best
        taken |= {(best[0] + i, best[1]) for i in range(size)}
    return placed


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


class MapView(Widget):
    """The present states at their capitals, coloured by bloc."""

    def __init__(self, world: WorldView, player: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.world = world
        self.player = player

    def render(self) -> Content:
        width, height = self.size.width, self.size.height
        if width < 4 or height < 2:
            return Content("")
        near, far = split_far(capitals_of(self.world))
        texts = {c.state: c.state for c in near}
        for f in far:
            # The arrow points off the map: before the id on the west side, after it elsewhere.
            texts[f.state] = f.arrow + f.state if f.octant in (3, 4, 5) else f.state + f.arrow
        # Room at the right for the longest label on the map (far labels sit at the edges).
        label = max((len(c.state) for c in near), default=3)
        # Far states keep the outer ring of cells; the others are projected inside it.
        inset = 1 if far else 0
        inner = project(near, width - 2 * inset, height - 2 * inset, label)
        cells = {s: (x + inset, y + inset) for s, (x, y) in inner.items()}
        cells |= {f.state: edge_cell(f.octant, width, height, len(texts[f.state])) for f in far}
        cells = place(cells, width, height, texts)
        grid = [
            [(GRATICULE if (x % 6 == 0 and y % 3 == 0) else " ") for x in range(width)]
            for y in range(height)
        ]
        styles = state_styles(self.world, self.player)
        owners: dict[tuple[int, int], str] = {}
        for state, (x, y) in cells.items():
            for i, char in enumerate(texts[state]):
                if x + i < width:
                    grid[y][x + i] = char
                    owners[(x + i, y)] = state
        km = km_per_column(near, width - 2 * inset, label)
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
