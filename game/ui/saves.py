"""Where the terminal game keeps its saves, and how it writes, lists and loads them.

A save is the engine's replay file (``game.engine.replay``): loading one re-simulates it.
Files live in the platform's user data folder for ``entente`` (platformdirs), or in the
folder named by the ``ENTENTE_DATA_DIR`` environment variable:

- ``autosave/<campaign>-<player>-<seed>.json``: written after every turn; the previous one
  is kept beside it as ``.json.bak`` so a crash while writing never loses both. A seed that
  is not a plain file name (too long, or with other characters) is shortened and given a
  digest of itself, so every seed has its own file;
- ``saves/<name>.json``: saves the player names.

A damaged autosave is never promoted to ``.bak``: the good backup stays until a good
autosave replaces it. Reading a save's header parses the whole (size-capped) file, so the
screens that list saves call these functions from a worker thread.

The engine is imported inside the functions that need it: the title screen lists saves
before the engine (numpy, pydantic) has been imported, which keeps start-up fast.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

# Re-exported: the saves' readers and the tests know the data folder by this module.
from game.paths import DATA_DIR_VARIABLE as DATA_DIR_VARIABLE
from game.paths import data_dir, safe_part

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.engine import Game

AUTOSAVE_DIR = "autosave"
SAVES_DIR = "saves"
BACKUP_SUFFIX = ".bak"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
"""What a save name may be: a file name without a folder or a leading dot."""


class SaveError(Exception):
    """A save that cannot be loaded or written; the message says why, for the player."""


SEED_NAME_LENGTH = 32
"""The longest seed used as it is in an autosave's file name."""


def seed_part(seed: str) -> str:
    """The seed as an autosave's file name gives it: itself when it is a short, plain
    name; else its first characters made safe and a digest of the whole seed, so two
    seeds never share a file and no name is too long for the file system."""
    if safe_part(seed) == seed and len(seed) <= SEED_NAME_LENGTH:
        return seed
    digest = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{safe_part(seed)[:SEED_NAME_LENGTH]}.{digest}"


def autosave_path(campaign: str, player: str, seed: str) -> Path:
    """The autosave of one game: one file per campaign, player and seed."""
    name = f"{safe_part(campaign)}-{safe_part(player)}-{seed_part(seed)}.json"
    return data_dir() / AUTOSAVE_DIR / name


def backup_of(path: Path) -> Path:
    """The ``.bak`` kept beside an autosave."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def named_save_path(name: str) -> Path:
    """The file of a save the player names; :class:`SaveError` for a bad name."""
    if not NAME_PATTERN.match(name):
        raise SaveError(
            f"'{name}' is not a save name: use letters, digits, '-', '_' or '.' "
            "(up to 64, starting with a letter or digit)"
        )
    return data_dir() / SAVES_DIR / f"{name}.json"


def progress_of(game: Game) -> tuple[object, ...]:
    """Where a game stands as far as a save is concerned: its turn, the decisions taken
    and the orders queued (two equal marks mean nothing would be lost)."""
    return (game.world.turn, len(game.answers), tuple(game.queued))


def autosave(game: Game) -> Path:
    """Write the game's autosave, keeping the previous one as ``.bak`` if it is good.

    The previous autosave becomes the backup by a rename, then the new one is written
    atomically: at every moment a good file is whole. A damaged previous autosave is simply
    replaced, so it never overwrites the good backup.
    """
    from game.engine import save

    path = autosave_path(game.campaign.id, game.player, game.seed)
    if path.exists() and _readable(path):
        os.replace(path, backup_of(path))
    return save(game, path)


def _readable(path: Path) -> bool:
    """Whether ``path`` reads as a save (a damaged one must not become the backup)."""
    from game.engine import ReplayError, read_replay

    try:
        read_replay(path)
    except ReplayError:
        return False
    return True


def save_as(game: Game, name: str) -> Path:
    """Write a named save (atomically); :class:`SaveError` if it cannot be written."""
    from game.engine import save

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
    """A save's header, or why it cannot be used (in the player's words)."""
    from game.engine import ReplayError, read_replay

    name = path.name.removesuffix(BACKUP_SUFFIX).removesuffix(".json")
    try:
        replay = read_replay(path)
    except ReplayError as error:
        return SaveInfo(path, kind, name, "?", "?", "?", 0, error.reason)
    turns = sum(1 for t in replay.turns if t.orders is not None)
    return SaveInfo(path, kind, name, replay.campaign_id, replay.player, replay.seed, turns)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def list_saves(include_backups: bool = False) -> list[SaveInfo]:
    """Every save and autosave, the most recent first (reads every file: call it from a
    worker)."""
    root = data_dir()
    found = [(p, "save") for p in (root / SAVES_DIR).glob("*.json")]
    found += [(p, "autosave") for p in (root / AUTOSAVE_DIR).glob("*.json")]
    if include_backups:
        found += [(p, "backup") for p in (root / AUTOSAVE_DIR).glob("*.json" + BACKUP_SUFFIX)]
    found.sort(key=lambda item: (-_mtime(item[0]), item[0].name))
    return [_info(path, kind) for path, kind in found]


def _autosaves() -> list[SaveInfo]:
    """Every autosaved game, the most recent first. A game whose autosave is missing but
    whose ``.bak`` is there is listed by its autosave's path, with the backup's header."""
    folder = data_dir() / AUTOSAVE_DIR
    games = {path: path for path in folder.glob("*.json")}
    for backup in folder.glob("*.json" + BACKUP_SUFFIX):
        games.setdefault(backup.with_name(backup.name.removesuffix(BACKUP_SUFFIX)), backup)
    order = sorted(games.items(), key=lambda item: (-_mtime(item[1]), item[0].name))
    return [replace(_info(read, "autosave"), path=path) for path, read in order]


def latest_autosave(campaign: str | None = None, player: str | None = None) -> Path | None:
    """The most recent autosave (of ``campaign`` and ``player`` when given), or None.

    The path may name a missing autosave whose backup is there: load it with
    :func:`load_with_backup`. Reads the autosaves' headers: call it from a worker.
    """
    prefix = "-".join(safe_part(p) for p in (campaign, player) if p)
    for info in _autosaves():
        if info.problem:
            # An unreadable autosave still belongs to the game its name gives: loading it
            # tells the player what is wrong rather than silently starting afresh.
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
    from game.engine import ReplayError, load_game, read_replay

    try:
        replay = read_replay(path)
        return load_game(path, campaign_for(replay.campaign_id, current))
    except ReplayError as error:
        raise SaveError(f"{shown_path(path)}: {error.reason}") from None


def load_with_backup(path: Path, current: LoadedCampaign | None) -> tuple[Game, str | None]:
    """Load an autosave, falling back on its ``.bak``; returns the game and, when the
    backup was used, why the autosave itself could not be."""
    backup = backup_of(path)
    if not path.exists() and backup.exists():
        return load_save(backup, current), "it was missing"
    try:
        return load_save(path, current), None
    except SaveError as error:
        if not backup.exists():
            raise
        try:
            return load_save(backup, current), str(error)
        except SaveError:
            raise error from None
