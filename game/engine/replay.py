"""Replays, which are also saves: the seed and every submission, re-simulated on load.

A replay file is JSON: format and engine version, the campaign's id and fingerprint
(SHA-256 of its bytes), the seed, the player, the doctrine switch, every choice and order by
turn, and the hash of the state they lead to. Loading re-plays every submission, so a save
cannot claim a state the rules did not produce. Writes are atomic.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.campaign.effects import Doctrine
from game.campaign.loader import LoadedCampaign
from game.campaign.types import ID_PATTERN
from game.engine.constants import ENGINE_VERSION
from game.engine.game import EngineError, Game, TurnLog, new_game
from game.engine.orders import ChoiceOrder, Order

FORMAT = "entente-replay"
FORMAT_VERSION = 1

MAX_BYTES = 4 * 1024 * 1024
"""The largest save read: checked before the file is parsed (500 turns take ~150 kB)."""
MAX_TURNS = 5_000
"""The most turns a save may record (a campaign of 400 years in monthly turns)."""
MAX_ORDERS_PER_TURN = 50
"""The most orders one turn may record (a turn has at most 20 action points)."""
MAX_CHOICES_PER_TURN = 100
"""The most event choices one turn may record."""
MAX_ID_LENGTH = 40
"""Ids in a save follow the campaign format's rule for ids."""
_ID = re.compile(ID_PATTERN)


class ReplayError(ValueError):
    """A replay file that cannot be used; ``reason`` says why in the player's words, and
    the message adds the file it is about."""

    def __init__(self, reason: str, source: str | Path | None = None) -> None:
        self.reason = reason
        self.source = None if source is None else str(source)
        super().__init__(reason if source is None else f"{source}: {reason}")

    def about(self, source: str | Path) -> ReplayError:
        """The same problem, said of ``source``."""
        return ReplayError(self.reason, source)


@dataclass(frozen=True)
class Replay:
    """A game's full record."""

    campaign_id: str
    campaign_version: str
    fingerprint: str
    seed: str
    player: str
    doctrine: str | None
    turns: list[TurnLog]
    state_hash: str
    engine_version: str = ENGINE_VERSION

    @classmethod
    def of(cls, game: Game) -> Replay:
        """The replay of ``game`` as it stands."""
        c = game.campaign
        turns = [
            TurnLog(t.turn, list(t.choices), None if t.orders is None else list(t.orders))
            for t in game.log
            if t.choices or t.orders is not None
        ]
        return cls(
            c.id,
            c.version,
            game.loaded.fingerprint,
            game.seed,
            game.player,
            game.doctrine.value if game.doctrine else None,
            turns,
            game.world.state_hash(),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "engine_version": self.engine_version,
            "campaign": {
                "id": self.campaign_id,
                "version": self.campaign_version,
                "fingerprint": self.fingerprint,
            },
            "seed": self.seed,
            "player": self.player,
            "doctrine": self.doctrine,
            "turns": [
                {
                    "turn": t.turn,
                    "choices": [{"event": c.event, "choice": c.choice} for c in t.choices],
                    "orders": None if t.orders is None else [o.to_dict() for o in t.orders],
                }
                for t in self.turns
            ],
            "state_hash": self.state_hash,
        }

    def to_json(self) -> str:
        """Stable, indented JSON text."""
        return json.dumps(self.to_dict(), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> Replay:
        """Read a replay from parsed JSON; :class:`ReplayError` names any malformed field."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ReplayError("not an Entente replay (no 'format: entente-replay')")
        version = data.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:
            raise ReplayError(
                f"replay format {version!r} is not supported (this game reads "
                f"format {FORMAT_VERSION})"
            )
        campaign = _get(data, "campaign", dict, "campaign")
        doctrine = data.get("doctrine")
        if doctrine is not None and doctrine not in [d.value for d in Doctrine]:
            raise ReplayError(f"doctrine: unknown doctrine {_shown(doctrine)}")
        turns = []
        for n, t in enumerate(_capped(data, "turns", MAX_TURNS, "turns")):
            where = f"turns[{n}]"
            if not isinstance(t, dict):
                raise ReplayError(f"{where}: expected an object")
            choices = [
                ChoiceOrder(
                    _get(c, "event", str, f"{where}.choices[{k}].event"),
                    _get(c, "choice", int, f"{where}.choices[{k}].choice"),
                )
                for k, c in enumerate(
                    _capped(t, "choices", MAX_CHOICES_PER_TURN, f"{where}.choices")
                )
            ]
            raw = t.get("orders")
            orders = (
                None
                if raw is None
                else [
                    _order(o, f"{where}.orders[{k}]")
                    for k, o in enumerate(
                        _capped(t, "orders", MAX_ORDERS_PER_TURN, f"{where}.orders")
                    )
                ]
            )
            turns.append(TurnLog(_get(t, "turn", int, f"{where}.turn"), choices, orders))
        return cls(
            _identifier(campaign, "id", "campaign.id"),
            _get(campaign, "version", str, "campaign.version"),
            _get(campaign, "fingerprint", str, "campaign.fingerprint"),
            _get(data, "seed", str, "seed"),
            _identifier(data, "player", "player"),
            doctrine,
            turns,
            _get(data, "state_hash", str, "state_hash"),
            _get(data, "engine_version", str, "engine_version"),
        )

    def play(self, loaded: LoadedCampaign, verify: bool = True) -> Game:
        """Re-simulate this replay on ``loaded``; check the campaign's id and fingerprint,
        then the final hash."""
        if loaded.campaign.id != self.campaign_id:
            raise ReplayError(
                f"the replay is a game of campaign '{self.campaign_id}', "
                f"not of '{loaded.campaign.id}'"
            )
        if loaded.fingerprint != self.fingerprint:
            raise ReplayError(
                f"the replay was recorded on a different version of campaign "
                f"'{self.campaign_id}' (fingerprint {self.fingerprint[:12]}..., this file's "
                f"is {loaded.fingerprint[:12]}...)"
            )
        if self.engine_version != ENGINE_VERSION:
            raise ReplayError(
                f"the replay needs engine version {self.engine_version}; "
                f"this is engine version {ENGINE_VERSION}"
            )
        try:
            game = new_game(loaded, self.seed, self.player, self.doctrine)
            for turn in self.turns:
                if turn.turn != game.world.turn:
                    raise ReplayError(
                        f"turn {turn.turn} is out of order (the game is at turn {game.world.turn})"
                    )
                for choice in turn.choices:
                    game.choose(choice)
                if turn.orders is not None:
                    game.end_turn(turn.orders)
        except EngineError as error:
            raise ReplayError(f"the replay does not re-simulate: {error}") from None
        if verify and game.world.state_hash() != self.state_hash:
            raise ReplayError(
                "the replay's recorded state does not match the re-simulation "
                "(the file was altered or recorded by other rules)"
            )
        return game


_KINDS = {str: "text", int: "a whole number", list: "a list", dict: "an object"}
_TYPE_NAMES = {
    bool: "true or false",
    float: "a decimal number",
    **_KINDS,
    type(None): "null",
}


def _shown(value: object) -> str:
    """A value from a save as a message may quote it: short, whatever the file holds."""
    text = repr(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _get(data: Any, key: str, kind: type, where: str) -> Any:
    """``data[key]`` if it is of ``kind`` (a bool is not a number); else a ReplayError."""
    if not isinstance(data, dict) or key not in data:
        raise ReplayError(f"{where}: missing")
    value = data[key]
    if type(value) is not kind:
        got = _TYPE_NAMES.get(type(value), type(value).__name__)
        raise ReplayError(f"{where}: expected {_KINDS[kind]}, got {got}")
    return value


def _capped(data: Any, key: str, cap: int, where: str) -> list[Any]:
    """The list ``data[key]``, refused if it holds more than ``cap`` entries."""
    items: list[Any] = _get(data, key, list, where)
    if len(items) > cap:
        raise ReplayError(f"{where}: {len(items)} entries; a save holds at most {cap}")
    return items


def _identifier(data: Any, key: str, where: str) -> str:
    """An id, by the campaign format's rule: letters, digits and ``_``, at most 40."""
    value: str = _get(data, key, str, where)
    if not (_ID.match(value) and len(value) <= MAX_ID_LENGTH):
        raise ReplayError(
            f"{where}: {_shown(value)} is not an id (letters, digits and '_', "
            f"at most {MAX_ID_LENGTH})"
        )
    return value


def _order(data: Any, where: str) -> Order:
    """One order from a replay, every field checked."""
    if not isinstance(data, dict):
        raise ReplayError(f"{where}: expected an object")
    optional = {}
    for key in ("target", "option"):
        if data.get(key) is not None:
            optional[key] = _get(data, key, str, f"{where}.{key}")
    amount = _get(data, "amount", int, f"{where}.amount") if "amount" in data else 1
    return Order(
        _get(data, "action", str, f"{where}.action"),
        optional.get("target"),
        amount,
        optional.get("option"),
    )


def save(game: Game, path: str | Path) -> Path:
    """Write the game's replay atomically (temporary file, fsync, rename)."""
    return write_atomic(Path(path), game.replay.to_json())


# A temporary file is named after its target, the writing process and a random part, so
# a later write can tell one left by a killed process from one being written right now.
_TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp$")
_STALE_AFTER_SECONDS = 3600
_writing: set[str] = set()
"""The temporary files this process is writing at this moment (by name)."""


def _left_by_a_killed_write(entry: os.DirEntry[str], pid: int) -> bool:
    """Whether a temporary file's writer is gone (this process is not writing it now)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no cheap probe of another process: go by the file's age
        try:
            return time.time() - entry.stat().st_mtime > _STALE_AFTER_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, but belongs to someone else
        return False
    return False


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed writes left in ``folder``; returns them.

    A temporary file is stale when the process that wrote it is gone, or when it is this
    process's own and no write of it is under way.
    """
    removed = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or entry.name in _writing:
            continue
        if _left_by_a_killed_write(entry, int(match.group(1))):
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one.

    Temporary files that earlier, killed writes left in the folder are removed first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, temp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=path.parent
    )
    name = os.path.basename(temp)
    _writing.add(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    finally:
        _writing.discard(name)
    return path


def _read_capped(path: Path) -> bytes:
    """The file's bytes, refused from its size alone when over :data:`MAX_BYTES`."""
    try:
        with path.open("rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
                raise ReplayError(_too_large(info.st_size))
            raw = file.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ReplayError("is a folder, not a save") from None
    except FileNotFoundError:
        raise ReplayError("cannot read the file: there is no such file") from None
    except OSError as error:
        reason = (error.strerror or "it cannot be opened").lower()
        raise ReplayError(f"cannot read the file: {reason}") from None
    if len(raw) > MAX_BYTES:
        raise ReplayError(_too_large(None))
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
        return replay.play(loaded)
    except ReplayError as error:
        raise error.about(path) from None
