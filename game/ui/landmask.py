"""Where the land is: a bit mask of the Earth, shipped with the game, that the map draws.

The mask is Natural Earth's land (naturalearthdata.com, public domain: "free of copyright")
rasterized at a quarter of a degree; ``game/ui/data/README.md`` says exactly which file and
how. It is derived once, by :mod:`game.ui.landmask_derive`, and read here without the source:

    python -m game.ui.landmask_derive SOURCE.shp        # rewrites game/ui/data/land.gz

The file is gzip (no name, no time stamp) of one ASCII header line,
``entente-land 1 COLUMNS ROWS\\n``, and the cells row by row from the north pole, each row
from 180° west eastwards, eight cells a byte, the first cell in the high bit (numpy's
``packbits``). A cell is land when its centre is.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

MAGIC = "entente-land"
FORMAT = 1
RESOLUTION = 0.25
"""Degrees of latitude and longitude a cell spans."""
COLUMNS = round(360 / RESOLUTION)
ROWS = round(180 / RESOLUTION)
FILE = "land.gz"


class LandMaskError(ValueError):
    """The land file is not one this reader knows."""


@dataclass(frozen=True, eq=False)
class LandMask:
    """The Earth as cells of ``resolution`` degrees: ``cells[row, column]`` is True on land,
    row 0 at the north pole, column 0 at 180° west."""

    cells: np.ndarray

    @property
    def resolution(self) -> float:
        """Degrees a cell spans."""
        return 180.0 / self.cells.shape[0]

    def sample(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Land (True) or water at each point, for arrays of the same shape; longitudes wrap
        round the globe and latitudes past a pole stop at it."""
        rows, columns = self.cells.shape
        row = np.clip(((90.0 - np.asarray(lat)) / self.resolution).astype(np.int64), 0, rows - 1)
        column = np.floor((np.asarray(lon) + 180.0) / self.resolution).astype(np.int64) % columns
        return self.cells[row, column]

    def at(self, lat: float, lon: float) -> bool:
        """True when the point is on land."""
        return bool(self.sample(np.array([lat]), np.array([lon]))[0])


def encode(cells: np.ndarray) -> bytes:
    """The file's bytes for a mask of booleans (rows x columns); the same mask always gives
    the same bytes (no time stamp, no file name)."""
    rows, columns = cells.shape
    header = f"{MAGIC} {FORMAT} {columns} {rows}\n".encode("ascii")
    body = np.packbits(cells.astype(bool), axis=None).tobytes()
    return gzip.compress(header + body, compresslevel=9, mtime=0)


def decode(data: bytes) -> LandMask:
    """The mask in a file's bytes (:func:`encode`)."""
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise LandMaskError(f"not a gzip file: {error}") from None
    header, _, body = raw.partition(b"\n")
    words = header.decode("ascii", "replace").split()
    if len(words) != 4 or words[0] != MAGIC or words[1] != str(FORMAT):
        raise LandMaskError(f"not an {MAGIC} file of format {FORMAT}: {header[:40]!r}")
    columns, rows = int(words[2]), int(words[3])
    if columns != 2 * rows or len(body) * 8 < columns * rows:
        raise LandMaskError(f"a {columns}x{rows} mask needs {columns * rows // 8} bytes")
    bits = np.unpackbits(np.frombuffer(body, dtype=np.uint8), count=columns * rows)
    return LandMask(bits.reshape(rows, columns).astype(bool))


@cache
def land() -> LandMask:
    """The shipped mask, read once."""
    return decode((files("game.ui") / "data" / FILE).read_bytes())
