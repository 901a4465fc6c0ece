"""Replays, which are also saves: the seed and every submission, re-simulated on load.

A replay file is JSON: format and engine version, the campaign's id and fingerprint
(SHA-256 of its bytes), the seed, the player, the doctrine switch, every choice and order by
turn, and the hash of the state they lead to. Loading re-plays every submission, so a save
cannot claim a state the rules did not produce. Writes are atomic.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.campaign.effects import Doctrine
from game.campaign.loader import LoadedCampaign
from game.engine.constants import ENGINE_VERSION
from game.engine.game import EngineError, Game, TurnLog, new_game
from game.engine.orders import ChoiceOrder, Order

FORMAT = "entente-replay"
FORMAT_VERSION = 1


class ReplayError(ValueError):
    """A replay file that cannot be used; the message says why."""


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
            raise ReplayError(f"doctrine: unknown doctrine {doctrine!r}")
        turns = []
        for n, t in enumerate(_get(data, "turns", list, "turns")):
            where = f"turns[{n}]"
            if not isinstance(t, dict):
                raise ReplayError(f"{where}: expected an object")
            choices = [
                ChoiceOrder(
                    _get(c, "event", str, f"{where}.choices[{k}].event"),
                    _get(c, "choice", int, f"{where}.choices[{k}].choice"),
                )
                for k, c in enumerate(_get(t, "choices", list, f"{where}.choices"))
            ]
            raw = t.get("orders")
            orders = (
                None
                if raw is None
                else [
                    _order(o, f"{where}.orders[{k}]")
                    for k, o in enumerate(_get(t, "orders", list, f"{where}.orders"))
                ]
            )
            turns.append(TurnLog(_get(t, "turn", int, f"{where}.turn"), choices, orders))
        return cls(
            _get(campaign, "id", str, "campaign.id"),
            _get(campaign, "version", str, "campaign.version"),
            _get(campaign, "fingerprint", str, "campaign.fingerprint"),
            _get(data, "seed", str, "seed"),
            _get(data, "player", str, "player"),
            doctrine,
            turns,
            _get(data, "state_hash", str, "state_hash"),
            _get(data, "engine_version", str, "engine_version"),
        )

    def play(self, loaded: LoadedCampaign, verify: bool = True) -> Game:
        """Re-simulate this replay on ``loaded``; check the fingerprint and the final hash."""
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
                    game.submit(choice)
                if turn.orders is not None:
                    game.submit(turn.orders)
        except EngineError as error:
            raise ReplayError(f"the replay does not re-simulate: {error}") from None
        if verify and game.world.state_hash() != self.state_hash:
            raise ReplayError(
                "the replay's recorded state does not match the re-simulation "
                "(the file was altered or recorded by other rules)"
            )
        return game


_KINDS = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


def _get(data: Any, key: str, kind: type, where: str) -> Any:
    """``data[key]`` if it is of ``kind`` (a bool is not a number); else a ReplayError."""
    if not isinstance(data, dict) or key not in data:
        raise ReplayError(f"{where}: missing")
    value = data[key]
    if type(value) is not kind:
        raise ReplayError(f"{where}: expected {_KINDS[kind]}, got {type(value).__name__}")
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


def write_atomic(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def read_replay(path: str | Path) -> Replay:
    """Read a replay file; :class:`ReplayError` names the file and the problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReplayError(f"{path}: cannot read: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReplayError(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    except (ValueError, RecursionError) as error:  # huge numbers, absurd nesting
        raise ReplayError(f"{path}: not a usable replay: {error}") from None
    try:
        return Replay.from_dict(data)
    except ReplayError as error:
        raise ReplayError(f"{path}: {error}") from None


def load_game(path: str | Path, loaded: LoadedCampaign) -> Game:
    """Load a save: read it and re-simulate it on ``loaded``."""
    replay = read_replay(path)
    try:
        return replay.play(loaded)
    except ReplayError as error:
        raise ReplayError(f"{path}: {error}") from None
