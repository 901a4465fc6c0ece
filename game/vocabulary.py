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

POLICIES: tuple[str, ...] = ("passive", "random", "hawk", "dove")
"""The scripted players of ``entente simulate``."""

BOARD_FORMATS: tuple[str, ...] = ("table", "csv", "md", "html", "json")
"""The forms ``entente leaderboard`` writes."""
