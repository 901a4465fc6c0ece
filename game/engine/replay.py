"""Replays, which are also saves: re-simulated on load, written atomically.

:func:`resimulate` re-plays every submission of a :class:`~game.engine.record.Replay`, so a save
cannot claim a state the rules did not produce; :func:`read_replay` refuses a file over the
size cap before parsing it.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.campaign.loader import LoadedCampaign
from game.engine.constants import ENGINE_VERSION
from game.engine.game import EngineError, Game, new_game
from game.engine.record import (
    FORMAT,
    MAX_BYTES,
    MAX_CHOICES_PER_TURN,
    MAX_ORDERS_PER_TURN,
    MAX_TURNS,
    Replay,
    ReplayError,
    ReplayProblem,
    shown,
)
from game.engine.rules import Rules
from game.engine.storage import remove_stale_temporaries, write_atomic
from game.paths import open_to_read

# What callers of this module read from the record and storage modules, in one place.
__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_CHOICES_PER_TURN",
    "MAX_ORDERS_PER_TURN",
    "MAX_TURNS",
    "Replay",
    "ReplayError",
    "ReplayProblem",
    "load_game",
    "read_replay",
    "remove_stale_temporaries",
    "resimulate",
    "save",
    "write_atomic",
]


def resimulate(
    replay: Replay, loaded: LoadedCampaign, verify: bool = True, rules: Rules | None = None
) -> Game:
    """Re-simulate ``replay`` on ``loaded``; check the campaign's id and fingerprint, then
    the final hash.

    A competition game is played under the rules its replay carries, or under ``rules``
    when given (a verifier passes the competition file's and never trusts the replay's).
    """
    if loaded.campaign.id != replay.campaign_id:
        raise ReplayError(
            f"the replay is a game of campaign '{replay.campaign_id}', "
            f"not of '{loaded.campaign.id}'",
            kind=ReplayProblem.other_campaign,
        )
    if loaded.fingerprint != replay.fingerprint:
        raise ReplayError(
            f"the replay was recorded on a different version of campaign "
            f"'{replay.campaign_id}' (fingerprint {replay.fingerprint[:12]}..., this file's "
            f"is {loaded.fingerprint[:12]}...)",
            kind=ReplayProblem.other_version,
        )
    if replay.engine_version != ENGINE_VERSION:
        raise ReplayError(
            f"the replay needs engine version {replay.engine_version}; "
            f"this is engine version {ENGINE_VERSION}",
            kind=ReplayProblem.other_engine,
        )
    try:
        entry = replay.entry
        if entry is not None and rules is not None:
            entry = replace(entry, rules=rules)
        game = new_game(loaded, replay.seed, replay.player, replay.doctrine, entry)
        for turn in replay.turns:
            if turn.turn != game.world.turn:
                raise ReplayError(
                    f"turn {shown(turn.turn)} is out of order (the game is at turn "
                    f"{game.world.turn})",
                    kind=ReplayProblem.does_not_resimulate,
                )
            for choice in turn.choices:
                game.choose(choice)
            if turn.orders is not None:
                game.end_turn(turn.orders)
    except EngineError as error:
        raise ReplayError(
            f"the replay does not re-simulate: {error}", kind=ReplayProblem.does_not_resimulate
        ) from None
    if verify and game.world.state_hash() != replay.state_hash:
        raise ReplayError(
            "the replay's recorded state does not match the re-simulation "
            "(the file was altered or recorded by other rules)",
            kind=ReplayProblem.altered,
        )
    game.queued[:] = replay.queued  # the draft of the turn in progress, checked by the caller
    return game


def save(game: Game, path: str | Path) -> Path:
    """Write the game's replay atomically (temporary file, fsync, rename)."""
    return write_atomic(Path(path), game.replay.to_json())


def _read_capped(path: Path) -> bytes:
    """The file's bytes, refused from its size alone when over :data:`MAX_BYTES`."""
    try:
        with open_to_read(path) as file:  # a pipe is refused, never waited on
            info = os.fstat(file.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
                raise ReplayError(_too_large(info.st_size), kind=ReplayProblem.too_large)
            raw = file.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ReplayError("is a folder, not a save") from None
    except FileNotFoundError:
        raise ReplayError("cannot read the file: there is no such file") from None
    except OSError as error:
        reason = (error.strerror or "it cannot be opened").lower()
        raise ReplayError(f"cannot read the file: {reason}") from None
    if len(raw) > MAX_BYTES:
        raise ReplayError(_too_large(None), kind=ReplayProblem.too_large)
    return raw


def _too_large(size: int | None) -> str:
    limit = f"a save is at most {MAX_BYTES // (1024 * 1024)} MB"
    if size is None:
        return f"the file is too large to be a save ({limit})"
    return f"the file is {size / (1024 * 1024):.1f} MB; {limit}"


def _refuse_constant(name: str) -> Any:
    raise ReplayError(f"damaged: it holds {name}, which no save contains")


def read_replay(path: str | Path) -> Replay:
    """Read a replay file; :class:`ReplayError` names the file and the problem.

    The size cap is checked before anything is parsed, then the counts of turns, orders and
    choices, so a huge or hostile file is refused at once.
    """
    try:
        raw = _read_capped(Path(path))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ReplayError("damaged: it is not text, so it cannot be a save") from None
        if not text.strip():
            raise ReplayError("damaged: the file is empty")
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except json.JSONDecodeError as error:
            raise ReplayError(
                f"damaged: not valid JSON at line {error.lineno}, column {error.colno} "
                f"({error.msg.lower()})"
            ) from None
        except ReplayError:
            raise
        except (ValueError, RecursionError):  # a 5,000-digit number, absurd nesting
            raise ReplayError(
                "damaged: not a usable save (a number too long or nesting too deep)"
            ) from None
        return Replay.from_dict(data)
    except ReplayError as error:
        raise error.about(path) from None


def load_game(path: str | Path, loaded: LoadedCampaign) -> Game:
    """Load a save: read it and re-simulate it on ``loaded``."""
    replay = read_replay(path)
    try:
        return resimulate(replay, loaded)
    except ReplayError as error:
        raise error.about(path) from None
