"""A competition's rules for one game, and the entry that says who played it.

A classroom competition can end the game earlier than the campaign does, allow only some
orders, and weigh the score its own way. The rules travel in the game's replay, so a saved
competition game resumes under them, but a verifier never trusts that copy: it re-simulates
under the rules of the competition file it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.campaign.models import Scoring


@dataclass(frozen=True)
class Rules:
    """What a competition changes in a game; the defaults change nothing."""

    turn_limit: int | None = None
    """The game ends after this many turns (never later than the campaign does)."""
    allowed_orders: tuple[str, ...] | None = None
    """The actions the player may order; None allows every action."""
    scoring: Scoring | None = None
    """The score's weights; None keeps the campaign's."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (written into competition files and replays)."""
        return {
            "turn_limit": self.turn_limit,
            "allowed_orders": None if self.allowed_orders is None else list(self.allowed_orders),
            "scoring": None if self.scoring is None else self.scoring.model_dump(),
        }


@dataclass(frozen=True)
class Entry:
    """Whose game this is, in which competition and round (carried in the replay)."""

    competition: str
    """The competition's id."""
    fingerprint: str
    """The competition file's fingerprint: the settings the game was played under."""
    round: str
    """The round's id within the competition."""
    name: str
    """The student's name, as typed."""
    team: str | None = None
    attempt: int = 1
    """1 for the first game under this name; each restart adds one."""
    rules: Rules = Rules()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (the replay's ``competition`` section)."""
        return {
            "id": self.competition,
            "fingerprint": self.fingerprint,
            "round": self.round,
            "name": self.name,
            "team": self.team,
            "attempt": self.attempt,
            "rules": self.rules.to_dict(),
        }
