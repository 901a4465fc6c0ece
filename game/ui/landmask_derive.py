"""Derive the map's land mask from a Natural Earth shapefile (run by hand, never by the game).

    python -m game.ui.landmask_derive SOURCE.shp [--out FILE]

SOURCE is a polygon shapefile in longitude and latitude (WGS 84): Natural Earth's 110m
countries as geopandas 0.14 ships it (``geopandas/datasets/naturalearth_lowres``), or
Natural Earth's land itself (``ne_110m_land.shp``, ``ne_50m_land.shp``). Every cell of
:data:`game.ui.landmask.RESOLUTION` degrees whose centre lies inside a polygon is land.
The output is the same bytes for the same source on any machine.

The shapefile is read here directly (the format is a short binary one: ESRI's white paper
of 1998), so deriving the mask needs neither geopandas nor pyshp, and playing needs neither
them nor the source.
"""

from __future__ import annotations

import argparse
import hashlib
import struct
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np

from game.ui.landmask import COLUMNS, FILE, RESOLUTION, ROWS, encode

POLYGON = 5
NULL = 0
OUT = Path(__file__).resolve().parent / "data" / FILE


def polygons(data: bytes) -> Iterator[list[np.ndarray]]:
    """Each polygon record of a ``.shp`` file as its rings, each an (n, 2) array of
    (longitude, latitude) points, the last equal to the first."""
    code, length = struct.unpack(">i20xi", data[:28])
    kind = struct.unpack("<i", data[32:36])[0]
    if code != 9994 or kind not in (POLYGON, NULL):
        raise ValueError(f"not a polygon shapefile (file code {code}, shape type {kind})")
    end, offset = min(len(data), 2 * length), 100
    while offset + 8 <= end:
        size = 2 * struct.unpack(">i", data[offset + 4 : offset + 8])[0]
        record = data[offset + 8 : offset + 8 + size]
        offset += 8 + size
        if struct.unpack("<i", record[:4])[0] != POLYGON:
            continue  # a null shape: a record without geometry
        parts, points = struct.unpack("<ii", record[36:44])
        starts = [*struct.unpack(f"<{parts}i", record[44 : 44 + 4 * parts]), points]
        xy = np.frombuffer(record, "<f8", 2 * points, 44 + 4 * parts).reshape(points, 2)
        yield [xy[a:b] for a, b in pairwise(starts)]


def rasterize(records: list[list[np.ndarray]]) -> np.ndarray:
    """The land mask (ROWS x COLUMNS booleans, north first) of polygon records: a cell is
    land when its centre is inside some record's rings (even-odd, so holes stay holes)."""
    land = np.zeros((ROWS, COLUMNS), dtype=bool)
    centres = 90.0 - (np.arange(ROWS) + 0.5) * RESOLUTION
    for rings in records:
        edges = np.concatenate([np.stack([r[:-1], r[1:]], axis=1) for r in rings if len(r) > 1])
        (x0, y0), (x1, y1) = edges[:, 0].T, edges[:, 1].T
        # Scanline crossings, each edge half-open in latitude so a vertex counts once.
        low, high = np.minimum(y0, y1), np.maximum(y0, y1)
        crossing = (centres[:, None] >= low) & (centres[:, None] < high)
        row, edge = np.nonzero(crossing)
        t = (centres[row] - y0[edge]) / (y1[edge] - y0[edge])
        x = x0[edge] + t * (x1[edge] - x0[edge])
        # A crossing at longitude x flips every cell whose centre lies east of it.
        first = np.clip(np.ceil((x + 180.0) / RESOLUTION - 0.5), 0, COLUMNS).astype(np.int64)
        flips = np.zeros((ROWS, COLUMNS + 1), dtype=np.int64)
        np.add.at(flips, (row, first), 1)
        land |= (np.cumsum(flips, axis=1)[:, :COLUMNS] % 2).astype(bool)
    return land


def derive(source: Path) -> bytes:
    """The land file's bytes for a shapefile."""
    return encode(rasterize(list(polygons(source.read_bytes()))))


def main(argv: list[str] | None = None) -> int:
    """Write the land file from a shapefile; print what was written."""
    parser = argparse.ArgumentParser(
        prog="python -m game.ui.landmask_derive", description=__doc__.split("\n")[0]
    )
    parser.add_argument("source", type=Path, help="a Natural Earth polygon shapefile (.shp)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    data = derive(args.source)
    args.out.write_bytes(data)
    source_sha = hashlib.sha256(args.source.read_bytes()).hexdigest()
    print(f"{args.out}: {len(data):,} bytes, {COLUMNS}x{ROWS} cells of {RESOLUTION}°")
    print(f"source {args.source.name} sha256 {source_sha}")
    print(f"output sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
