"""An order as the player gives it, and the answer to an event: plain data.

The reports (a :class:`~game.engine.report.Refusal` carries its order), the replays and the
actions in :mod:`game.engine.orders` all read these, so they sit below every one of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Order:
    """One action the player orders this turn, e.g. ``Order("aid", "TUR", 2, "military")``."""

    action: str
    target: str | None = None
    amount: int = 1
    option: str | None = None

    def __str__(self) -> str:
        parts = [self.action]
        if self.target:
            parts.append(self.target)
        if self.option:
            parts.append(self.option)
        if self.amount != 1:
            parts.append(str(self.amount))
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The order as it is written into a replay."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Order:
        """Read an order back from a replay."""
        return cls(
            action=str(data["action"]),
            target=data.get("target"),
            amount=int(data.get("amount", 1)),
            option=data.get("option"),
        )


@dataclass(frozen=True)
class ChoiceOrder:
    """The player's answer to an event: the index of the chosen option (0-based)."""

    event: str
    choice: int
