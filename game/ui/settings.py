"""The player's settings: which questions the game asks before acting.

They live in ``settings.json`` in the game's data folder (``game.paths.data_dir``). A
missing, damaged or hostile file is never an error: the game uses the defaults (it asks),
and the next change writes a good file in its place. Writing is atomic, so a crash never
leaves half a file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game.paths import data_dir, open_to_read

SETTINGS_FILE = "settings.json"
MAX_BYTES = 64 * 1024
"""A settings file larger than this is not read (it is not one the game wrote)."""


@dataclass(frozen=True)
class Settings:
    """What the player chose in "don't ask again" boxes."""

    confirm_end_turn: bool = True
    """Ask before ending a turn with action points unspent."""
    confirm_quit: bool = True
    """Ask before quitting with queued orders or decisions not yet saved."""
    confirm_against_ally: bool = True
    """Ask before a hostile order against one of the player's allies."""


def settings_path() -> Path:
    """Where the settings are kept."""
    return data_dir() / SETTINGS_FILE


def load_settings() -> Settings:
    """The saved settings; the defaults for anything missing, damaged or of the wrong type."""
    try:
        path = settings_path()
        if path.stat().st_size > MAX_BYTES:
            return Settings()
        with open_to_read(path) as file:
            data = json.loads(file.read(MAX_BYTES + 1).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    # Only known fields of the right type are taken: a hand-edited "yes" is ignored.
    known = {f.name for f in fields(Settings)}
    chosen = {k: v for k, v in data.items() if k in known and type(v) is bool}
    return replace(Settings(), **chosen)


def save_settings(settings: Settings) -> str | None:
    """Write the settings atomically; the reason in words if they could not be written."""
    from game.engine import write_atomic  # the engine's own atomic write

    path = settings_path()
    try:
        write_atomic(path, json.dumps(asdict(settings), indent=1, sort_keys=True) + "\n")
    except OSError as error:
        return f"the settings could not be saved to {path}: {error.strerror or error}"
    return None
