"""What a turn produces: data, never pre-rendered screens. The UI, ``--json`` and the tests
read the same objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal

from game.engine.order import Order
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


class Motive(StrEnum):
    """Why a state's alignment changed, in the theory's terms."""

    balancing = "balancing"
    """Balance of threat: it sides against its principal threat, with others who share it."""
    most_powerful = "most_powerful"
    """Balance of power: it sides against the most powerful state, whatever its intentions."""
    strongest = "strongest"
    """The bandwagon doctrine: it sides with the strongest power."""
    bandwagoning = "bandwagoning"
    """Walt's exception: too weak, its threat near, no able ally within reach."""
    partner_is_threat = "partner_is_threat"
    """A partner became its principal threat, and able help is within reach."""
    will_not_oppose = "will_not_oppose"
    """The bandwagon doctrine: it will not stand against the strongest power."""
    threat_receded = "threat_receded"
    """The threat the alliance stood against has receded for long enough."""
    rival_gone = "rival_gone"
    """The state the alliance stood against is gone."""
    leader_left = "leader_left"
    """A bandwagon pact's leader left it."""
    too_few_members = "too_few_members"
    """Fewer than two members remain."""
    to_bandwagon = "to_bandwagon"
    """It left an alliance against the state it now bandwagons with."""
    partner_attacked = "partner_attacked"
    """A partner keeps attacking it: remembered hostile acts at or above APPEASE_LIMIT."""
    clashing_pact = "clashing_pact"
    """It left a pact that clashed with a newer alliance of its own: one stood against a
    state the other holds (no state is with and against another at once)."""
    merged = "merged"
    """Its members were all allied in another alliance, which carries on (two alliances
    are never of exactly the same members)."""
    player_choice = "player_choice"
    """The player ordered it."""
    client = "client"
    """It became a client in a patron-client pact: it leaves the alliances its patron is not
    in (its alignment is now its patron's)."""


class Verdict(StrEnum):
    """A computer-run state's answer to an alliance offer, and the rule behind it."""

    already_allied = "already_allied"
    no_rival = "no_rival"
    joins_strongest = "joins_strongest"
    """Accepted: the bandwagon doctrine joins the strongest power."""
    not_weaker = "not_weaker"
    follows_strongest = "follows_strongest"
    bandwagons = "bandwagons"
    """Accepted: Walt's conditions for bandwagoning with the proposer hold."""
    weak_neighbour = "weak_neighbour"
    """Accepted: the proposer is its principal threat but too weak to threaten it."""
    sees_as_threat = "sees_as_threat"
    not_alarmed = "not_alarmed"
    allied_with_threat = "allied_with_threat"
    allied_against_it = "allied_against_it"
    """The proposer is in an alliance that stands against the state itself."""
    at_war = "at_war"
    """One of the two keeps attacking the other (remembered acts at APPEASE_LIMIT)."""
    client = "client"
    """Accepted: a weak state that sides with it rather than against it (a client)."""
    shares_threat = "shares_threat"
    """Accepted: the proposer shares its principal threat."""
    not_shared = "not_shared"
    never_allies = "never_allies"
    """Refused: the two never ally (the campaign's ``never_allies``: non-recognition)."""
    has_patron = "has_patron"
    """Refused: the state is a client in a patron-client pact; its patron decides."""


Where = Literal["land", "sea", "distance"]
"""How two states meet: a land border, a sea border, or neither."""


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
    ordered: dict[str, float] = field(default_factory=dict)
    """The player's rivals and their threat as the player gave this turn's orders (after
    the turn's events and choices): what the board's trend is measured from."""
    present: tuple[str, ...] = ()
    """The ids of the states present as the turn closed, sorted: with ``alliances``, each
    state's bloc that turn (``game.engine.blocs``), kept for the debrief's comparison with
    history."""


class ObjectiveStatus(StrEnum):
    """Where an objective stands."""

    pending = "pending"
    """Open: it can still be achieved."""
    achieved = "achieved"
    failed = "failed"
    """Its deadline passed, or the game ended, without it."""


@dataclass(frozen=True)
class ObjectiveState:
    """One of the player's objectives and where it stands."""

    id: str
    text: str
    points: int
    """The campaign's points for it (before the score's weights)."""
    deadline: int | None
    status: ObjectiveStatus
    worth: int = 0
    """What achieving it adds to the score (``docs/scoring.md``): what the player is shown."""
    year: int | None = None
    """The year it was achieved, or (failed) the year it was lost."""
    hold: int = 1
    """Turns in a row its condition must hold."""
    held: int = 0
    """Turns in a row it has held so far (pending objectives with ``hold`` above 1)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", ObjectiveStatus(self.status))


@dataclass(frozen=True)
class EventAnswer:
    """The player's answer to an event, as the log keeps it."""

    turn: int
    year: int
    news: list[News]


@dataclass(frozen=True)
class Grounds:
    """The figures a decision rests on; each is None when its rule does not use it."""

    ratio: float | None = None
    """The deciding state's power as a share of the other's."""
    proximity: float | None = None
    help: float | None = None
    """Military help able allies and would-be partners could bring, discounted by distance."""
    strike: float | None = None
    """The striking power the threat can bring (military x offensive orientation, times
    proximity where it is about one state)."""
    pressure: float | None = None
    threshold: float | None = None
    rating: float | None = None
    """How the other state rates the threat in question."""
    share: float | None = None
    """The rival's share of the two states' aggregate power."""
    turns: int | None = None
    grievance: float | None = None
    """The weight of the other's remembered hostile acts against the deciding state."""
    limit: float | None = None
    where: Where | None = None
    act: str | None = None
    """The rival's heaviest remembered hostile act (the campaign's description)."""
    patron: str | None = None
    """The patron of a client in a patron-client pact."""


@dataclass(frozen=True)
class Consent:
    """A computer-run state's answer to an alliance offer, as data: who, the rule, the
    figures. ``game.engine.wording`` puts it into words."""

    accepted: bool
    verdict: Verdict
    state: str
    proposer: str
    rival: str | None
    """The state's principal threat (or, under other doctrines, the power it watches)."""
    motive: Motive
    """How the state reads ``rival`` under its doctrine."""
    threat: ThreatLine | None
    grounds: Grounds

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))


@dataclass(frozen=True)
class AlignmentChange:
    """A state joined, left, formed or dissolved an alliance, and why, as data; the words
    come from ``game.engine.wording``."""

    change: ChangeKind
    state: str
    alliance: str
    partners: list[str]
    against: str | None
    motive: Motive
    threat: ThreatLine | None
    """The rival the motive is about, with the threat and the four factors as ``state``
    saw them when it moved (None when the rival is gone)."""
    alliance_name: str = ""
    partner: str | None = None
    """The state it allied (or bandwagoned) with."""
    rival: str | None = None
    """The state the motive is about (also when it is gone and ``threat`` is None)."""
    grounds: Grounds = field(default_factory=Grounds)
    consent: Consent | None = None
    """The partner's answer, for an alliance the player made."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "change", ChangeKind(self.change))  # refuse a typo
        object.__setattr__(self, "motive", Motive(self.motive))


@dataclass(frozen=True)
class Refusal:
    """An order the engine would not carry out, and why (``game.engine.wording`` words it)."""

    order: Order
    problem: Problem


class ProblemKind(StrEnum):
    """Why an order cannot be carried out."""

    unknown_action = "unknown_action"
    needs_option = "needs_option"
    takes_no_option = "takes_no_option"
    bad_amount = "bad_amount"
    takes_no_amount = "takes_no_amount"
    needs_target = "needs_target"
    no_such_state = "no_such_state"
    not_present = "not_present"
    targets_self = "targets_self"
    takes_no_target = "takes_no_target"
    not_enough_points = "not_enough_points"
    already_allied = "already_allied"
    non_state_ally = "non_state_ally"
    refuses = "refuses"
    """The target's answer to the offer is no (``consent`` says why)."""
    not_allied = "not_allied"
    already_guaranteed = "already_guaranteed"
    already_queued = "already_queued"
    """The same order is already queued this turn (the order queue's own rule)."""
    not_allowed = "not_allowed"
    """The competition's rules do not allow this action (``choices``: the ones they do)."""
    no_target = "no_target"
    """No state may be its target now (``target`` and ``consent``: for an alliance, the
    likeliest partner's answer)."""


@dataclass(frozen=True)
class Problem:
    """Why an order cannot be carried out, as data."""

    kind: ProblemKind
    action: str
    target: str | None = None
    choices: tuple[str, ...] = ()
    """The actions, or the options, it could have been."""
    needed: int = 0
    """Action points needed, or the largest amount allowed."""
    left: int = 0
    consent: Consent | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ProblemKind(self.kind))


@dataclass(frozen=True)
class ChoiceOption:
    """One option of an event's choice, as the campaign words it."""

    label: str
    text: str
    """What the option means (empty when the campaign says nothing more)."""
    hint: str
    """A hint for the player (empty when there is none)."""
    cost: int = 0
    """Action points it takes from this turn's orders."""
    open: bool = True
    """False when its condition does not hold now, or too few action points are left."""
    closed_because: str = ""
    """Why it is closed, in the campaign's words or the game's (empty when open)."""


@dataclass(frozen=True)
class PendingChoice:
    """An event waiting for the player's choice."""

    event: str
    title: str
    text: str
    choices: tuple[ChoiceOption, ...]

    def open_options(self) -> list[int]:
        """The 0-based indexes of the options the player may take now (never empty: the
        loader wants an option with neither condition nor cost in every event)."""
        return [i for i, c in enumerate(self.choices) if c.open] or list(range(len(self.choices)))


class ScoreNoteKind(StrEnum):
    """What a note on the score is about."""

    defeat = "defeat"
    """The player's state did not survive the campaign: the grade is F."""
    victory = "victory"
    wars_started = "wars_started"
    """Interventions the player ordered (each a penalty)."""
    allies_abandoned = "allies_abandoned"
    """Allies the player left while they faced a serious threat (each a penalty)."""
    sanctioned_interventions = "sanctioned_interventions"
    """Interventions against a state an open objective asked the player to remove: the
    campaign's own task, not charged as wars."""


@dataclass(frozen=True)
class ScoreNote:
    """A note on the score: its kind and, for wars and abandoned allies, how many."""

    kind: ScoreNoteKind
    count: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ScoreNoteKind(self.kind))  # refuse a typo


class ScorePart(StrEnum):
    """A part of the score (``docs/scoring.md``)."""

    security = "security"
    """Net threat held below the opening threat, turn by turn."""
    influence = "influence"
    """Others' power allied with the player, turn by turn."""
    objectives = "objectives"
    """The campaign's objectives achieved."""
    coalition = "coalition"
    """A penalty: others' power balancing against the player, turn by turn."""
    wars = "wars"
    """A penalty: interventions the campaign did not ask for."""
    abandoned = "abandoned"
    """A penalty: allies left while they faced a serious threat."""


PENALTY_PARTS = (ScorePart.coalition, ScorePart.wars, ScorePart.abandoned)
"""The parts that only take points away (their sum is ``ScoreCard.penalties``)."""


@dataclass(frozen=True)
class ScoreLine:
    """One part of the score as data: its points, the most it can add, and the measure
    the points come from (``game.engine.wording`` names the part)."""

    part: ScorePart
    points: int
    """Its points in the total (a penalty's are zero or negative)."""
    maximum: int
    """The most it can add with the game's weights (0 for a penalty)."""
    measure: float
    """What the points are counted from: the mean rating per turn (0 to 1) for security,
    influence and coalition; the share of the objectives' points earned; the number of
    wars or of abandoned allies."""
    weight: float
    """The weight the campaign (or the competition) puts on it."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "part", ScorePart(self.part))


@dataclass(frozen=True)
class GradeFloor:
    """What a grade needs."""

    grade: str
    share: float
    """The share of the best possible score it needs."""
    points: int | None
    """The least total that earns it; None for the lowest grade (any total)."""


@dataclass(frozen=True)
class ScoreCard:
    """The score so far: an integer total, its breakdown and a grade.

    ``total == security + influence + objectives - penalties == sum of lines' points``."""

    total: int
    security: int
    influence: int
    objectives: int
    penalties: int
    """The penalty parts' points, as a positive number taken from the total."""
    grade: str
    notes: list[ScoreNote] = field(default_factory=list)
    """In this order: defeat or victory, wars started, sanctioned interventions, allies
    abandoned."""
    lines: tuple[ScoreLine, ...] = ()
    """Every part, in ``ScorePart`` order, with its points and its maximum."""
    best: int = 0
    """The best total possible: every positive part at its maximum."""
    grades: tuple[GradeFloor, ...] = ()
    """What each grade needs, best grade first."""
    baseline: float = 0.0
    """The opening threat that security is measured against."""

    def line(self, part: ScorePart | str) -> ScoreLine:
        """The line of one part (KeyError if the card has none)."""
        for line in self.lines:
            if line.part == part:
                return line
        raise KeyError(part)


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
    objectives: list[ObjectiveState] = field(default_factory=list)
    """The player's objectives of the eras reached so far, and where each stands."""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return asdict(self)
