"""The record of a game: what a replay (which is also a save) holds, and how it is read.

A replay is JSON: format and engine version, the campaign's id and fingerprint (SHA-256 of
its bytes), the seed, the player, the doctrine switch, every choice and order by turn, and
the hash of the state they lead to. :meth:`Replay.from_dict` checks every field (types, ids,
counts) so a hostile file is refused with a message naming the field; re-simulating a record
is ``game.engine.replay``'s work.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.campaign.effects import Doctrine
from game.campaign.types import ID_PATTERN
from game.engine.constants import ENGINE_VERSION
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


@dataclass
class TurnLog:
    """What the player submitted in one turn: a replay is a list of these."""

    turn: int
    choices: list[ChoiceOrder] = field(default_factory=list)
    orders: list[Order] | None = None


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
