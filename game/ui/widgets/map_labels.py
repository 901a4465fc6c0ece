"""Where the map puts each state's marker and label, so that no two labels overlap.

Forty states on an 80-column world map cannot all be named: Western Europe alone is a
handful of capitals in two or three cells. So the states are ranked, and the ones that
matter to the player (itself, its allies, its principal threats) are always labelled, as
near their capital as room allows; the others keep a marker at their capital, and a label
only where one fits beside it without covering anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

Cell = tuple[int, int]


@dataclass(frozen=True)
class Mark:
    """A state to draw: where its capital falls, the label to write, and whether the
    label must be shown (``needed``). Without a marker (``marker=False``: a state drawn at
    the map's edge, its arrow in the label) the label sits on the cell itself."""

    state: str
    cell: Cell
    text: str
    needed: bool = False
    marker: bool = True


@dataclass
class Layout:
    """The cells of the markers (cell -> state) and where each label starts."""

    markers: dict[Cell, str] = field(default_factory=dict)
    labels: dict[str, Cell] = field(default_factory=dict)


def candidates(cell: Cell, size: int) -> Iterator[Cell]:
    """Where a label of ``size`` characters may start beside a marker at ``cell``: right,
    left, above, below, then the corners."""
    x, y = cell
    yield x + 1, y
    yield x - size, y
    yield x - (size - 1) // 2, y - 1
    yield x - (size - 1) // 2, y + 1
    for dy in (-1, 1):
        yield x + 1, y + dy
        yield x - size, y + dy


def spiral(cell: Cell, size: int, width: int, height: int) -> Iterator[Cell]:
    """Every start in the grid, the nearest to ``cell`` first (a column counts half a
    row, as a cell is twice as tall as it is wide)."""
    x, y = cell
    starts = [(nx, ny) for ny in range(height) for nx in range(max(1, width - size + 1))]
    yield from sorted(starts, key=lambda s: ((s[0] - x) ** 2 / 4 + (s[1] - y) ** 2, s[1], s[0]))


def layout(marks: list[Mark], width: int, height: int) -> Layout:
    """Markers and labels for ``marks`` (in order of importance) on a ``width`` x
    ``height`` grid: a needed label always (unless the grid is full), never over another
    label, a marker or the edge, with a blank column between two labels on a row."""
    out = Layout()
    taken: set[Cell] = set()  # cells a new label may not cover
    crowded: set[Cell] = set()  # labels' cells with their margins
    needed = [m for m in marks if m.needed]
    others = [m for m in marks if not m.needed]

    def fits(start: Cell, mark: Mark) -> bool:
        x, y = start
        size = len(mark.text)
        if x < 0 or y < 0 or y >= height or x + size > width:
            return False
        span = {(x + i, y) for i in range(size)}
        own = {mark.cell} if mark.marker else set()
        return not (span & crowded or (span & taken) - own)

    def put(start: Cell, mark: Mark) -> None:
        x, y = start
        out.labels[mark.state] = start
        taken.update((x + i, y) for i in range(len(mark.text)))
        crowded.update((x + i, y) for i in range(-1, len(mark.text) + 1))

    def marker(mark: Mark) -> None:
        if mark.marker and mark.cell not in taken and _inside(mark.cell, width, height):
            out.markers[mark.cell] = mark.state
            taken.add(mark.cell)

    # The needed states first: their markers, then their labels, the nearest that fits.
    for mark in needed:
        marker(mark)
    for mark in needed:
        size = len(mark.text)
        near = candidates(mark.cell, size) if mark.marker else iter([mark.cell])
        start = next((s for s in near if fits(s, mark)), None)
        if start is None:
            start = next((s for s in spiral(mark.cell, size, width, height) if fits(s, mark)), None)
        if start is not None:
            put(start, mark)
    # The others: a marker where its cell is free, a label only right beside it.
    for mark in others:
        marker(mark)
    for mark in others:
        if mark.marker and out.markers.get(mark.cell) != mark.state:
            continue  # its capital is under another state's marker or label
        near = candidates(mark.cell, len(mark.text)) if mark.marker else iter([mark.cell])
        start = next((s for s in near if fits(s, mark)), None)
        if start is not None:
            put(start, mark)
    return out


def _inside(cell: Cell, width: int, height: int) -> bool:
    return 0 <= cell[0] < width and 0 <= cell[1] < height
