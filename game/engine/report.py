"""What a turn produces: data, never pre-rendered screens. The UI, ``--json`` and the tests
read the same objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Literal

from game.engine.views import AllianceView


class NewsCategory(StrEnum):
    """What a piece of news is about."""

    event = "event"
    alliance = "alliance"
    action = "action"
    """The player's own order carried out."""
    ai = "ai"
    """A computer-run state's deed."""
    era = "era"
    objective = "objective"
    refusal = "refusal"
    intel = "intel"
    world = "world"


class ChangeKind(StrEnum):
    """How a state's alignment changed."""

    formed = "formed"
    joined = "joined"
    left = "left"
    dissolved = "dissolved"
    bandwagoned = "bandwagoned"


Outcome = Literal["victory", "defeat", "draw"]
"""How a campaign ended for the player."""


@dataclass(frozen=True)
class News:
    """One item of the turn's news; higher importance first."""

    importance: int
    text: str
    category: NewsCategory = NewsCategory.world

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", NewsCategory(self.category))  # refuse a typo


@dataclass(frozen=True)
class AlignmentChange:
    """A state joined, left, formed or dissolved an alliance; with its reason in the theory's
    words."""

    change: ChangeKind
    state: str
    alliance: str
    partners: list[str]
    against: str | None
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "change", ChangeKind(self.change))  # refuse a typo


@dataclass(frozen=True)
class Refusal:
    """An order the engine would not carry out, and why."""

    order: str
    reason: str


@dataclass(frozen=True)
class ThreatLine:
    """One rival as an observer sees it."""

    rival: str
    threat: float
    net: float
    power: float
    proximity: float
    offense: float
    intentions: float


@dataclass(frozen=True)
class TurnRecord:
    """The world as a resolved turn closed, before the next turn's events: the player's
    threats, allies and security (for charts and the debrief) and every alliance."""

    turn: int
    year: int
    threats: dict[str, float]
    """The player's rivals and the threat each posed (read-only by convention)."""
    allies: tuple[str, ...]
    security: float
    alliances: tuple[AllianceView, ...]


@dataclass(frozen=True)
class PendingChoice:
    """An event waiting for the player's choice."""

    event: str
    title: str
    text: str
    choices: list[dict]
    """Each with 'label', 'text' and 'hint'."""


@dataclass(frozen=True)
class ScoreCard:
    """The score so far: an integer total, its breakdown and a grade."""

    total: int
    security: int
    influence: int
    objectives: int
    penalties: int
    grade: str
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TurnReport:
    """Everything that happened when a turn resolved."""

    turn: int
    year: int
    era: str
    news: list[News]
    alignment_changes: list[AlignmentChange]
    refusals: list[Refusal]
    threats: list[ThreatLine]
    """The player's rivals, most threatening first."""
    score: ScoreCard
    pending: list[PendingChoice]
    game_over: bool
    ended: str | None = None

    def to_dict(self) -> dict:
        """Plain data for JSON output."""
        return asdict(self)
