"""Where the game keeps its files: the user data folder, and names made safe for it.

The folder is ``$ENTENTE_DATA_DIR`` when set (the tests set it), else the platform's user
data folder for ``entente`` (platformdirs). The terminal game's saves, a student's
competition hand-in folders and the teacher's results database all live under it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

DATA_DIR_VARIABLE = "ENTENTE_DATA_DIR"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def data_dir() -> Path:
    """The game's data folder: ``$ENTENTE_DATA_DIR``, or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("entente", appauthor=False)


def safe_part(text: str) -> str:
    """``text`` made safe for a file name (seeds and names may hold any character)."""
    return _UNSAFE.sub("_", text).strip("._") or "_"
