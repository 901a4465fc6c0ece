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
from enum import StrEnum
from pathlib import Path
from typing import Any

from game.campaign.effects import Doctrine
from game.campaign.models import Scoring
from game.campaign.types import ID_PATTERN
from game.campaign.types import MAX_TURNS as CAMPAIGN_MAX_TURNS
from game.engine.constants import ENGINE_VERSION
from game.engine.orders import ChoiceOrder, Order
from game.engine.rules import Entry, Rules

FORMAT = "entente-replay"
FORMAT_VERSION = 1

MAX_BYTES = 4 * 1024 * 1024
"""The largest save read: checked before the file is parsed (500 turns take ~150 kB)."""
MAX_TURNS = CAMPAIGN_MAX_TURNS
"""The most turns a save may record: as many as a campaign may last."""
MAX_ORDERS_PER_TURN = 50
"""The most orders one turn may record (a turn has at most 20 action points)."""
MAX_CHOICES_PER_TURN = 100
"""The most event choices one turn may record."""
MAX_ID_LENGTH = 40
"""Ids in a save follow the campaign format's rule for ids."""
MAX_WEIGHT = 1_000
"""The largest score weight a competition's rules may carry."""
MAX_NAME_LENGTH = 60
"""The longest student or team name a competition replay may carry."""
_ID = re.compile(ID_PATTERN)


class ReplayProblem(StrEnum):
    """What is wrong with a replay, as data (a verifier sorts its rejections by it)."""

    damaged = "damaged"
    """Unreadable, truncated, not JSON, or a field out of shape."""
    too_large = "too_large"
    bad_id = "bad_id"
    """An id that is not one (a path that tries to leave the campaigns folder, say)."""
    unsupported = "unsupported"
    """Not a replay, or a format this game does not read."""
    other_campaign = "other_campaign"
    other_version = "other_version"
    """Recorded on another version of the campaign (another fingerprint)."""
    other_engine = "other_engine"
    does_not_resimulate = "does_not_resimulate"
    """An order or choice the game cannot take at that point."""
    altered = "altered"
    """The re-simulation does not reach the recorded state."""


class ReplayError(ValueError):
    """A replay file that cannot be used; ``reason`` says why in the player's words, and
    the message adds the file it is about; ``kind`` says it as data."""

    def __init__(
        self,
        reason: str,
        source: str | Path | None = None,
        kind: ReplayProblem = ReplayProblem.damaged,
    ) -> None:
        self.reason = reason
        self.source = None if source is None else str(source)
        self.kind = kind
        super().__init__(reason if source is None else f"{source}: {reason}")

    def about(self, source: str | Path) -> ReplayError:
        """The same problem, said of ``source``."""
        return ReplayError(self.reason, source, self.kind)


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
    entry: Entry | None = None
    """The competition entry, for a competition game."""
    queued: list[Order] = field(default_factory=list)
    """Orders queued for the turn in progress but not submitted: a draft the front end
    restores (and checks again) on load. Not simulated, not in the state hash; written only
    when there are some, so a replay without a draft is what it always was."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (a competition game adds its ``competition`` section)."""
        data = {
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
        if self.entry is not None:
            data["competition"] = self.entry.to_dict()
        if self.queued:
            data["queued"] = [o.to_dict() for o in self.queued]
        return data

    def to_json(self) -> str:
        """Stable, indented JSON text."""
        return json.dumps(self.to_dict(), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> Replay:
        """Read a replay from parsed JSON; :class:`ReplayError` names any malformed field."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ReplayError(
                "not an Entente replay (no 'format: entente-replay')",
                kind=ReplayProblem.unsupported,
            )
        version = data.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:
            raise ReplayError(
                f"replay format {version!r} is not supported (this game reads "
                f"format {FORMAT_VERSION})",
                kind=ReplayProblem.unsupported,
            )
        campaign = _get(data, "campaign", dict, "campaign")
        doctrine = data.get("doctrine")
        if doctrine is not None and doctrine not in [d.value for d in Doctrine]:
            raise ReplayError(f"doctrine: unknown doctrine {shown(doctrine)}")
        turns = []
        for n, t in enumerate(_capped(data, "turns", MAX_TURNS, "turns")):
            where = f"turns[{n}]"
            if not isinstance(t, dict):
                raise ReplayError(f"{where}: expected an object")
            choices = [
                ChoiceOrder(
                    _identifier(c, "event", f"{where}.choices[{k}].event"),
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
            _entry(data["competition"]) if data.get("competition") is not None else None,
            [
                _order(o, f"queued[{k}]")
                for k, o in enumerate(_capped(data, "queued", MAX_ORDERS_PER_TURN, "queued"))
            ]
            if data.get("queued") is not None
            else [],
        )


_KINDS = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


_TYPE_NAMES = {
    bool: "true or false",
    float: "a decimal number",
    **_KINDS,
    type(None): "null",
}


def shown(value: object) -> str:
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
            f"{where}: {shown(value)} is not an id (letters, digits and '_', "
            f"at most {MAX_ID_LENGTH})",
            kind=ReplayProblem.bad_id,
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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def person_name(value: Any, where: str) -> str:
    """A student's or team's name: text of 1 to :data:`MAX_NAME_LENGTH` characters, on one
    line, with no control characters (it is shown on leaderboards and in file names)."""
    if type(value) is not str:
        raise ReplayError(f"{where}: expected text")
    name = " ".join(value.split())
    if not name:
        raise ReplayError(f"{where}: a name cannot be empty")
    if len(name) > MAX_NAME_LENGTH or _CONTROL.search(name):
        raise ReplayError(
            f"{where}: a name is at most {MAX_NAME_LENGTH} characters, with no control characters"
        )
    return name


def _entry(data: Any) -> Entry:
    """A replay's ``competition`` section, every field checked."""
    where = "competition"
    if not isinstance(data, dict):
        raise ReplayError(f"{where}: expected an object")
    team = data.get("team")
    attempt: int = _get(data, "attempt", int, f"{where}.attempt")
    if attempt < 1:
        raise ReplayError(f"{where}.attempt: must be at least 1")
    return Entry(
        _identifier(data, "id", f"{where}.id"),
        _get(data, "fingerprint", str, f"{where}.fingerprint"),
        _identifier(data, "round", f"{where}.round"),
        person_name(data.get("name"), f"{where}.name"),
        None if team is None else person_name(team, f"{where}.team"),
        attempt,
        read_rules(_get(data, "rules", dict, f"{where}.rules"), f"{where}.rules"),
    )


def read_rules(data: dict[str, Any], where: str) -> Rules:
    """A competition's rules from JSON, every field checked (replays and competition files)."""
    limit = data.get("turn_limit")
    if limit is not None and (type(limit) is not int or not 1 <= limit <= MAX_TURNS):
        raise ReplayError(f"{where}.turn_limit: a whole number from 1 to {MAX_TURNS}, or null")
    allowed = data.get("allowed_orders")
    if allowed is not None:
        if not isinstance(allowed, list) or not all(
            type(a) is str and _ID.match(a) and len(a) <= MAX_ID_LENGTH for a in allowed
        ):
            raise ReplayError(f"{where}.allowed_orders: a list of action names, or null")
        allowed = tuple(allowed)
    raw = data.get("scoring")
    scoring = None
    if raw is not None:
        if not isinstance(raw, dict) or set(raw) != set(Scoring.model_fields):
            fields = ", ".join(Scoring.model_fields)
            raise ReplayError(f"{where}.scoring: an object of {fields}, or null")
        for key, value in sorted(raw.items()):
            if type(value) not in (int, float) or not 0 <= value <= MAX_WEIGHT:
                raise ReplayError(f"{where}.scoring.{key}: a number from 0 to 1000")
        scoring = Scoring.model_validate(raw)
    return Rules(limit, allowed, scoring)
