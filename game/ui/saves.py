"""Where the terminal game keeps its saves, and how it writes, lists and loads them.

A save is the engine's replay file (``game.engine.replay``): loading one re-simulates it.
Files live in the platform's user data folder for ``entente`` (platformdirs), or in the
folder named by the ``ENTENTE_DATA_DIR`` environment variable:

- ``autosave/<campaign>-<player>-<seed>.json``: written after every turn; the previous one
  is kept beside it as ``.json.bak`` so a crash while writing never loses both;
- ``saves/<name>.json``: saves the player names.

The engine is imported inside the functions that need it: the title screen lists saves
before the engine (numpy, pydantic) has been imported, which keeps start-up fast.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.engine.game import Game

DATA_DIR_VARIABLE = "ENTENTE_DATA_DIR"
AUTOSAVE_DIR = "autosave"
SAVES_DIR = "saves"
BACKUP_SUFFIX = ".bak"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
"""What a save name may be: a file name without a folder or a leading dot."""


class SaveError(Exception):
    """A save that cannot be loaded or written; the message says why, for the player."""


def data_dir() -> Path:
    """The folder of saves: ``$ENTENTE_DATA_DIR``, or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("entente", appauthor=False)


def safe_part(text: str) -> str:
    """``text`` made safe for a file name (seeds may hold any character)."""
    return _UNSAFE.sub("_", text).strip("._") or "_"


def autosave_path(campaign: str, player: str, seed: str) -> Path:
    """The autosave of one game: one file per campaign, player and seed."""
    name = f"{safe_part(campaign)}-{safe_part(player)}-{safe_part(seed)}.json"
    return data_dir() / AUTOSAVE_DIR / name


def named_save_path(name: str) -> Path:
    """The file of a save the player names; :class:`SaveError` for a bad name."""
    if not NAME_PATTERN.match(name):
        raise SaveError(
            f"'{name}' is not a save name: use letters, digits, '-', '_' or '.' "
            "(up to 64, starting with a letter or digit)"
        )
    return data_dir() / SAVES_DIR / f"{name}.json"


def autosave(game: Game) -> Path:
    """Write the game's autosave, keeping the previous one as ``.bak``.

    Both writes are atomic, so at every moment at least one of the two files is whole.
    """
    from game.engine.replay import save, write_atomic

    path = autosave_path(game.campaign.id, game.player, game.seed)
    if path.exists():
        write_atomic(path.with_name(path.name + BACKUP_SUFFIX), path.read_text(encoding="utf-8"))
    return save(game, path)


def save_as(game: Game, name: str) -> Path:
    """Write a named save (atomically); :class:`SaveError` if it cannot be written."""
    from game.engine.replay import save

    path = named_save_path(name)
    try:
        return save(game, path)
    except OSError as error:
        raise SaveError(f"cannot write {path}: {error.strerror or error}") from None


@dataclass(frozen=True)
class SaveInfo:
    """A save file as the load screen lists it (read without re-simulating it)."""

    path: Path
    kind: str
    """autosave | save | backup"""
    name: str
    campaign: str
    player: str
    seed: str
    turns: int
    """Turns with a submission recorded."""
    problem: str | None = None
    """Why the file looks unusable, if it does (it is still listed, so the player sees it)."""


def _info(path: Path, kind: str) -> SaveInfo:
    name = path.name.removesuffix(BACKUP_SUFFIX).removesuffix(".json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        campaign = data["campaign"]["id"]
        return SaveInfo(
            path,
            kind,
            name,
            str(campaign),
            str(data["player"]),
            str(data["seed"]),
            sum(1 for t in data["turns"] if t.get("orders") is not None),
        )
    except (
        OSError,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
    ) as error:
        problem = f"unreadable: {type(error).__name__}"
        return SaveInfo(path, kind, name, "?", "?", "?", 0, problem)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def list_saves(include_backups: bool = False) -> list[SaveInfo]:
    """Every save and autosave, the most recent first."""
    root = data_dir()
    found = [(p, "save") for p in (root / SAVES_DIR).glob("*.json")]
    found += [(p, "autosave") for p in (root / AUTOSAVE_DIR).glob("*.json")]
    if include_backups:
        found += [(p, "backup") for p in (root / AUTOSAVE_DIR).glob("*.json" + BACKUP_SUFFIX)]
    found.sort(key=lambda item: (-_mtime(item[0]), item[0].name))
    return [_info(path, kind) for path, kind in found]


def latest_autosave(campaign: str | None = None, player: str | None = None) -> Path | None:
    """The most recent autosave (of ``campaign`` and ``player`` when given), or None."""
    for info in list_saves():
        if info.kind != "autosave":
            continue
        if info.problem:
            # An unreadable autosave still belongs to the game its name gives: loading it
            # tells the player what is wrong rather than silently starting afresh.
            prefix = "-".join(safe_part(p) for p in (campaign, player) if p)
            if info.name.startswith(prefix):
                return info.path
            continue
        if campaign and info.campaign != campaign:
            continue
        if player and info.player != player:
            continue
        return info.path
    return None


def campaign_for(save_campaign: str, current: LoadedCampaign | None) -> LoadedCampaign:
    """The campaign a save needs: ``current`` when its id matches, else a shipped one."""
    if current is not None and current.campaign.id == save_campaign:
        return current
    from game.campaign.errors import CampaignInvalid
    from game.campaign.library import shipped_dir
    from game.campaign.loader import load_campaign

    path = shipped_dir() / f"{save_campaign}.yaml"
    if not path.exists():
        raise SaveError(
            f"the save is a game of campaign '{save_campaign}', which is not a shipped "
            f"campaign; start it with: entente play PATH/TO/{save_campaign}.yaml --continue"
        )
    try:
        return load_campaign(path)
    except CampaignInvalid as invalid:
        raise SaveError(f"campaign '{save_campaign}' does not load: {invalid.errors[0]}") from None


def shown_path(path: Path) -> str:
    """A save's path as the player reads it: inside the data folder, relative to it."""
    try:
        return str(path.relative_to(data_dir()))
    except ValueError:
        return str(path)


def load_save(path: Path, current: LoadedCampaign | None) -> Game:
    """Load (re-simulate) a save; :class:`SaveError` with a readable reason if it fails."""
    from game.engine.replay import ReplayError, load_game, read_replay

    try:
        replay = read_replay(path)
        return load_game(path, campaign_for(replay.campaign_id, current))
    except ReplayError as error:
        raise SaveError(str(error).replace(str(path), shown_path(path))) from None


def load_with_backup(path: Path, current: LoadedCampaign | None) -> tuple[Game, str | None]:
    """Load an autosave, falling back on its ``.bak``; returns the game and, when the
    backup was used, why the autosave itself failed."""
    try:
        return load_save(path, current), None
    except SaveError as error:
        backup = path.with_name(path.name + BACKUP_SUFFIX)
        if not backup.exists():
            raise
        try:
            return load_save(backup, current), str(error)
        except SaveError:
            raise error from None
