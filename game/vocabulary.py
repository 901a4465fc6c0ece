"""Names the command line offers, importable without the engine or the campaign models.

``entente --help`` and ``entente --version`` must answer at once, so the parser cannot
import pydantic or numpy to learn which doctrines and scripted players exist. They are
defined here, and the campaign format (``Doctrine``) and the engine (``POLICIES``) use
these very definitions.
"""

from __future__ import annotations

from enum import StrEnum


class Doctrine(StrEnum):
    """How a computer-run state chooses its alliances."""

    balance_of_threat = "balance_of_threat"
    balance_of_power = "balance_of_power"
    bandwagon = "bandwagon"


DOCTRINES: tuple[str, ...] = tuple(d.value for d in Doctrine)
"""The doctrine names, in the order ``--help`` lists them."""

POLICY_HELP: dict[str, str] = {
    "passive": "takes every event's first option and orders nothing",
    "random": "random options and random legal orders (from its own seeded generator)",
    "hawk": "the most hostile option; allies with whoever will have it, else arms; "
    "threatens its principal threat",
    "dove": "the least hostile option; a defensive posture; reassures its principal threat "
    "(or whoever reads it as hostile); economic aid to the weakest state",
    "statesman": "balances its principal threat with a state that shares it, keeps and "
    "arms its allies, reassures the others, never provokes; picks each event's option for "
    "its security and the campaign's objectives",
}
"""How each scripted player of ``entente simulate`` chooses, one line each."""

POLICIES: tuple[str, ...] = tuple(POLICY_HELP)
"""The scripted players of ``entente simulate``, in the order ``--help`` lists them."""

BOARD_FORMATS: tuple[str, ...] = ("table", "csv", "md", "html", "json")
"""The forms ``entente leaderboard`` writes."""
