"""The map's land mask: the shipped file, its reader, and the derivation from a shapefile.

The shipped mask is checked at known places (land in the Sahara, water in the mid-Pacific).
The derivation is checked on a small shapefile written here; against Natural Earth's own
file only when it is at hand (``ENTENTE_NATURAL_EARTH=path/to/naturalearth_lowres.shp``,
see game/ui/data/README.md), as the tests run offline.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
from pathlib import Path

import numpy as np
import pytest

from game.ui.landmask import COLUMNS, FILE, ROWS, LandMask, LandMaskError, decode, encode, land
from game.ui.landmask_derive import OUT, derive, main, polygons, rasterize

SHIPPED = Path(__file__).resolve().parents[3] / "game" / "ui" / "data" / FILE
LAND = [
    ("Sahara", 23.0, 12.0),
    ("Siberia", 62.0, 100.0),
    ("Amazonia", -5.0, -60.0),
    ("Kansas", 38.5, -98.0),
    ("Australia's outback", -25.0, 134.0),
    ("Antarctica", -85.0, 0.0),
    ("Great Britain", 52.5, -1.5),
    ("Honshu", 36.0, 138.5),
]
WATER = [
    ("mid-Pacific", 0.0, -150.0),
    ("the tutorial's Corvantic Sea", 44.0, -152.0),
    ("mid-Atlantic", 30.0, -40.0),
    ("Indian Ocean", -20.0, 80.0),
    ("Caspian Sea", 42.0, 50.5),
    ("Mediterranean", 35.0, 18.0),
]


def test_the_shipped_mask_is_a_quarter_degree_grid_of_the_whole_earth():
    mask = land()
    assert mask.cells.shape == (ROWS, COLUMNS) == (720, 1440)
    assert mask.resolution == 0.25
    assert mask.cells.dtype == bool
    # About 29% of the Earth's surface is land; on an equirectangular grid the polar land
    # (Antarctica, Greenland, Siberia) counts more than its area.
    assert 0.28 < mask.cells.mean() < 0.36
    assert SHIPPED.stat().st_size < 100_000


@pytest.mark.parametrize(("place", "lat", "lon"), LAND)
def test_known_land(place, lat, lon):
    assert land().at(lat, lon), place


@pytest.mark.parametrize(("place", "lat", "lon"), WATER)
def test_known_water(place, lat, lon):
    assert not land().at(lat, lon), place


def test_sampling_wraps_longitudes_and_stops_at_the_poles():
    mask = land()
    assert mask.at(23.0, 12.0 + 360.0) and mask.at(23.0, 12.0 - 720.0)
    assert mask.at(-90.0, 0.0) and mask.at(-95.0, 10.0)  # the south pole is on Antarctica
    assert not mask.at(90.0, 0.0)  # the north pole is sea ice
    lats, lons = np.array([[23.0, 0.0]]), np.array([[12.0, -150.0]])
    assert mask.sample(lats, lons).tolist() == [[True, False]]


def test_encoding_round_trips_and_is_the_same_bytes_every_time():
    cells = np.zeros((4, 8), dtype=bool)
    cells[1, 2:5] = True
    cells[3, 7] = True
    data = encode(cells)
    assert data == encode(cells.copy())
    assert gzip.decompress(data).startswith(b"entente-land 1 8 4\n")
    assert np.array_equal(decode(data).cells, cells)
    assert decode(SHIPPED.read_bytes()).cells.shape == (ROWS, COLUMNS)


@pytest.mark.parametrize(
    "data",
    [b"not gzip", gzip.compress(b"something else 1 8 4\n\x00\x00\x00\x00"), gzip.compress(b"")],
)
def test_a_file_of_another_kind_is_refused(data):
    with pytest.raises(LandMaskError):
        decode(data)


def shapefile(records: list[list[list[tuple[float, float]]]]) -> bytes:
    """A polygon shapefile (ESRI's format) of ``records``, each a list of rings."""
    body = b""
    for number, rings in enumerate(records, start=1):
        points = [p for ring in rings for p in ring]
        starts, at = [], 0
        for ring in rings:
            starts.append(at)
            at += len(ring)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        content = struct.pack("<i4d2i", 5, min(xs), min(ys), max(xs), max(ys), len(rings), at)
        content += struct.pack(f"<{len(starts)}i", *starts)
        content += b"".join(struct.pack("<2d", *p) for p in points)
        body += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(body)) // 2)
    header += struct.pack("<2i4d4d", 1000, 5, -180, -90, 180, 90, 0, 0, 0, 0)
    return header + body


def square(west: float, south: float, east: float, north: float) -> list[tuple[float, float]]:
    return [(west, south), (west, north), (east, north), (east, south), (west, south)]


def test_the_derivation_fills_polygons_and_leaves_their_holes(tmp_path):
    # An island from 10 to 20 east, 0 to 10 north, with a lake from 14 to 16 east, 4 to 6 north.
    island = [square(10, 0, 20, 10), list(reversed(square(14, 4, 16, 6)))]
    source = tmp_path / "island.shp"
    source.write_bytes(shapefile([island, [square(-30, -50, -20, -40)]]))
    [rings, _] = list(polygons(source.read_bytes()))
    assert [len(r) for r in rings] == [5, 5]
    mask = decode(derive(source))
    for lat, lon, is_land in [
        (5, 12, True),
        (5, 15, False),  # the lake
        (9.9, 19.9, True),
        (10.1, 15, False),
        (5, 9.9, False),
        (-45, -25, True),
        (0, -150, False),
    ]:
        assert mask.at(lat, lon) is is_land, (lat, lon)
    # A 10 x 10 degree square less its 2 x 2 lake, plus another 10 x 10 square.
    assert mask.cells.sum() == (100 - 4 + 100) * 16
    assert derive(source) == derive(source)


def test_the_derivation_command_writes_the_file(tmp_path, capsys):
    source = tmp_path / "box.shp"
    source.write_bytes(shapefile([[square(0, 0, 1, 1)]]))
    out = tmp_path / "land.gz"
    assert main([str(source), "--out", str(out)]) == 0
    assert decode(out.read_bytes()).cells.sum() == 16
    assert "1440x720 cells of 0.25°" in capsys.readouterr().out
    assert OUT == SHIPPED


def natural_earth() -> Path | None:
    """Natural Earth's 110m countries, when this machine has them."""
    path = os.environ.get("ENTENTE_NATURAL_EARTH")
    return Path(path) if path and Path(path).is_file() else None


@pytest.mark.skipif(natural_earth() is None, reason="ENTENTE_NATURAL_EARTH is not set")
def test_the_shipped_mask_is_derived_from_natural_earth():
    source = natural_earth()
    assert source is not None
    derived = decode(derive(source))
    assert np.array_equal(derived.cells, land().cells)
    assert rasterize(list(polygons(source.read_bytes()))).shape == (ROWS, COLUMNS)
    readme = (SHIPPED.parent / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(source.read_bytes()).hexdigest() in readme


def test_the_mask_type_is_a_plain_grid():
    grid = LandMask(np.ones((2, 4), dtype=bool))
    assert grid.resolution == 90.0 and grid.at(10, 10)
