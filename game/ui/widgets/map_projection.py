"""The map's window on the Earth and the land inside it.

The projection is equirectangular about the window's middle latitude, with square pixels:
a character cell is about twice as tall as it is wide, so a cell is two pixels, one above
the other, drawn with half blocks (▀ ▄ █). The window is the bounding box of the capitals,
padded, and widened or heightened to the widget's shape, so east-west and north-south
distances keep the same scale. Each pixel is land when enough of it is land in the shipped
mask (:mod:`game.ui.landmask`), sampled with numpy; the land of a window is computed once
and kept, as a resize asks for the same windows again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from game.ui.landmask import land

KM_PER_DEGREE = 111.32
MIN_SPAN = 6.0
"""Degrees: the least a window spans, so capitals a few kilometres apart do not fill it."""
PAD = 0.06
"""The share of the capitals' span added on each side."""
MARGIN = (2, 1)
"""Columns and rows kept free at each edge (a label beside an edge capital still fits)."""
LAND_SHARE = 0.3
"""A pixel is drawn as land when this share of it is land: islands the size of a pixel
(Japan on a world map) stay visible, and coasts stay where they are."""
MAX_SAMPLES = 6
"""Samples per pixel along each axis, at most."""
HALF_BLOCKS = (" ", "▄", "▀", "█")
"""A cell by its land pixels: none, the lower one, the upper one, both."""
GRATICULE_STEPS = (1, 2, 5, 10, 15, 30, 45)
GRATICULE_COLUMNS = 10
"""Meridians at least this many columns apart."""


@dataclass(frozen=True)
class Capital:
    """A state to draw: its id and its capital's coordinates."""

    state: str
    lat: float
    lon: float


def wrap(degrees: float) -> float:
    """A longitude difference brought into [-180, 180): the short way round."""
    return (degrees + 180.0) % 360.0 - 180.0


def circular_mean(lons: list[float]) -> float:
    """The mean of longitudes on the circle (so 179 and -179 average to 180, not 0)."""
    return math.degrees(
        math.atan2(
            sum(math.sin(math.radians(lon)) for lon in lons),
            sum(math.cos(math.radians(lon)) for lon in lons),
        )
    )


def unwrapped(capitals: list[Capital]) -> dict[str, float]:
    """Each capital's longitude, continued across the 180th meridian from the capitals'
    circular mean, so a region that straddles it stays in one piece."""
    if not capitals:
        return {}
    ref = circular_mean([c.lon for c in capitals])
    return {c.state: ref + wrap(c.lon - ref) for c in capitals}


@dataclass(frozen=True)
class Window:
    """A ``width`` x ``height`` grid of cells on the Earth: the latitude of its top edge,
    the longitude of its left edge and of its middle (longitudes are continued from it),
    and the degrees of latitude a pixel spans (half a cell's height, a cell's width)."""

    width: int
    height: int
    north: float
    west: float
    middle: float
    step: float
    squeeze: float
    """The cosine of the middle latitude: a degree of longitude is this much of one of
    latitude."""

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        """The cell (column, row) of a point; outside the grid when the point is."""
        lon = self.middle + wrap(lon - self.middle)
        x = (lon - self.west) * self.squeeze / self.step
        y = (self.north - lat) / self.step / 2
        return math.floor(x), math.floor(y)

    @property
    def km_per_column(self) -> float:
        """Kilometres a column spans east-west at the middle latitude."""
        return self.step * KM_PER_DEGREE

    @property
    def lat_span(self) -> float:
        """Degrees of latitude from the top edge to the bottom one."""
        return self.step * 2 * self.height


def window_for(capitals: list[Capital], width: int, height: int, inset: int = 0) -> Window:
    """The window that shows every capital in a ``width`` x ``height`` grid: their bounding
    box, padded, at one scale both ways, and inside the poles when it can be; ``inset``
    more cells kept free at each edge."""
    if not capitals:
        return _fit(0.0, 0.0, 360.0, 180.0, width, height, inset=inset)
    lons = unwrapped(capitals)
    south, north = min(c.lat for c in capitals), max(c.lat for c in capitals)
    west, east = min(lons.values()), max(lons.values())
    lat = (south + north) / 2
    squeeze = math.cos(math.radians(min(60.0, abs(lat))))
    span_x = max(MIN_SPAN, (east - west) * squeeze) * (1 + 2 * PAD)
    span_y = max(MIN_SPAN, north - south) * (1 + 2 * PAD)
    return _fit(lat, (west + east) / 2, span_x, span_y, width, height, squeeze, inset)


def _fit(
    lat: float,
    lon: float,
    span_x: float,
    span_y: float,
    width: int,
    height: int,
    squeeze: float = 1.0,
    inset: int = 0,
) -> Window:
    """A window centred on (lat, lon) holding ``span_x`` by ``span_y`` degrees (east-west
    degrees already squeezed) inside its margins."""
    columns = max(1, width - 2 * (MARGIN[0] + inset))
    pixels = max(1, 2 * (height - 2 * (MARGIN[1] + inset)))
    step = max(span_x / columns, span_y / pixels)
    half = step * height  # half the window's height in degrees
    # Slide the window inside the poles, or centre it on the equator when it is taller.
    lat = min(90 - half, max(-90 + half, lat)) if half <= 90 else 0.0
    west = lon - step * width / 2 / squeeze
    return Window(width, height, lat + half, west, lon, step, squeeze)


@lru_cache(maxsize=16)
def land_cells(window: Window) -> tuple[str, ...]:
    """The land of ``window``, a row of half blocks per cell row; beyond the poles and
    more than half the globe from the middle, water."""
    mask = land()
    width, pixels = window.width, 2 * window.height
    samples = max(1, min(MAX_SAMPLES, math.ceil(window.step / mask.resolution)))
    # Sample points spread evenly inside each pixel, along each axis.
    offsets = (np.arange(samples) + 0.5) / samples
    ys = window.north - (np.arange(pixels)[:, None] + offsets[None, :]) * window.step
    xs = (np.arange(width)[:, None] + offsets[None, :]) * window.step / window.squeeze
    lons = window.west + xs.reshape(-1)
    lats = ys.reshape(-1)
    lat_grid, lon_grid = np.meshgrid(lats, lons, indexing="ij")
    hits = mask.sample(lat_grid, lon_grid)
    hits &= (np.abs(lat_grid) <= 90) & (np.abs(lon_grid - window.middle) <= 180)
    share = hits.reshape(pixels, samples, width, samples).mean(axis=(1, 3))
    solid = share >= LAND_SHARE
    code = solid[0::2].astype(np.int64) * 2 + solid[1::2]
    glyphs = np.array(HALF_BLOCKS)
    return tuple("".join(row) for row in glyphs[code])


def graticule(window: Window) -> set[tuple[int, int]]:
    """The cells where a meridian crosses a parallel, at a round step of degrees that puts
    the meridians at least ``GRATICULE_COLUMNS`` apart."""
    degree_columns = window.squeeze / window.step
    step = next(
        (s for s in GRATICULE_STEPS if s * degree_columns >= GRATICULE_COLUMNS),
        GRATICULE_STEPS[-1],
    )
    south = window.north - window.lat_span
    east = window.west + window.width * window.step / window.squeeze
    cells = set()
    for lat in range(math.ceil(max(-90, south) / step) * step, math.floor(window.north) + 1, step):
        if abs(lat) >= 90:
            continue
        for lon in range(math.ceil(window.west / step) * step, math.floor(east) + 1, step):
            if abs(lon - window.middle) <= 180:
                cells.add(window.cell(lat, lon))
    return cells


def scale_text(km: float, columns: int) -> str:
    """A scale bar ``columns`` wide with the distance it spans."""
    distance = km * columns
    rounded = f"{distance:,.0f}" if distance < 100 else f"{round(distance, -1):,.0f}"
    return "├" + "─" * (columns - 2) + "┤ " + rounded + " km"
