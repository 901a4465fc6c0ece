"""The campaign format: pydantic models for states, alliances, eras, events and objectives.

A campaign is one YAML file validated against :class:`Campaign`. Every model forbids
unknown keys; variants (power indicators, triggers, effects) are tagged unions on ``kind``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.campaign.base import CampaignModel
from game.campaign.effects import Doctrine, Effect, Pact, TextVariant
from game.campaign.types import (
    Condition,
    Flag,
    Identifier,
    NonNegative,
    Number,
    ScoreWeight,
    ShortText,
    Signed,
    Text,
    Unit,
    Whole,
    Year,
)

SCHEMA_VERSION = 2
"""The format's newest version. Version 1 files load as they always did; the parts new in
version 2 (``game.campaign.versions``) need ``schema_version: 2``."""


class Capital(CampaignModel):
    """A capital city; distances between states are great-circle distances between these."""

    name: ShortText
    lat: Number = Field(ge=-90, le=90)
    lon: Number = Field(ge=-180, le=180)


class Border(CampaignModel):
    """A border with another state. Land borders give full proximity."""

    state: Identifier
    type: Literal["land", "sea"] = "land"


class PowerShare(CampaignModel):
    """Aggregate power given directly as a share of the system's capabilities (like CINC)."""

    kind: Literal["share"]
    value: Unit


POWER_COMPONENTS = (
    "military_expenditure",
    "military_personnel",
    "iron_steel",
    "energy",
    "total_population",
    "urban_population",
)
"""The six COW National Material Capabilities components, in COW's order."""


class PowerComponents(CampaignModel):
    """Aggregate power from the six COW National Material Capabilities components.

    Each is the state's share of the campaign's total; their mean is the CINC score.
    """

    kind: Literal["components"]
    military_expenditure: Unit
    military_personnel: Unit
    iron_steel: Unit
    energy: Unit
    total_population: Unit
    urban_population: Unit

    @property
    def value(self) -> float:
        """The CINC-style score: the mean of the six shares."""
        parts: list[float] = [getattr(self, name) for name in POWER_COMPONENTS]
        return sum(parts) / len(parts)


Power = Annotated[PowerShare | PowerComponents, Field(discriminator="kind")]


class Personality(CampaignModel):
    """How a computer-run state behaves beyond its doctrine."""

    aggression: Unit = 0.2
    """Readiness to act against weaker neighbours."""
    caution: Unit = 0.5
    """Reluctance to take risks: cautious states join alliances sooner and break them later."""


class ActorKind(StrEnum):
    """What an actor of the campaign is: a state, or a non-state actor (no capital; it is
    never played and signs no alliance)."""

    state = "state"
    """A state: it has a capital, may be played and may sign alliances."""
    non_state = "non_state"
    """A terrorist group or another actor without a capital."""


class State(CampaignModel):
    """A state (or a non-state actor) in the campaign."""

    id: Identifier
    name: ShortText
    kind: ActorKind = ActorKind.state
    """``non_state`` for terrorist groups and other actors without a capital."""
    capital: Capital | None = None
    """Required for a state; distances are measured between capitals."""
    region: ShortText
    """Where the state lies, in a few words (shown in dossiers and the map legend)."""
    borders: list[Border] = Field(default_factory=list)
    power: Power
    military: NonNegative = Field(le=1_000_000)
    """Military strength, on the campaign's own scale (only ratios matter)."""
    offense: Unit = 0.5
    """Offensive orientation: 0 purely defensive forces, 1 built to attack."""
    reach: NonNegative = Field(default=1000, le=40_000)
    """Power-projection range in km; proximity to distant rivals falls off with it."""
    global_reach: Flag | None = None
    """True for a power whose strike reaches everywhere (a nuclear arsenal with
    intercontinental delivery): the era's ``global_proximity`` weight applies to its proximity
    whatever its conventional ``reach``. Without it: true when ``reach`` is at least the
    engine's GLOBAL_REACH_KM (6,000 km)."""
    stability: Unit = 0.7
    """Domestic stability, 0 (collapse) to 1; aid raises it, sanctions lower it."""
    ideology: Signed = 0.0
    """Position on one ideological axis, -1 to 1 (like a UN ideal point)."""
    doctrine: Doctrine | None = None
    """This state's doctrine; without it, the campaign's default."""
    personality: Personality = Field(default_factory=Personality)
    present: Flag = True
    """False for a state that enters later through an ``add_state`` effect."""
    dossier: Text | None = None
    """A short description shown when choosing a state and in its dossier."""
    never_allies: list[Identifier] = Field(default_factory=list)
    """States it never allies with while the computer runs it, nor they with it (the two
    Koreas, the Arab states and Israel: states that do not recognise each other). Effects
    and the player's own orders are not bound by it."""
    cow: Whole | None = Field(default=None, ge=1, le=999)
    """The state's Correlates of War code (2 United States, 365 Russia/USSR): the debrief then
    shows what really happened to it beside the game, from the shipped ATOP and COW data."""

    @model_validator(mode="after")
    def _capital_for_states(self) -> State:
        if self.kind == ActorKind.state and self.capital is None:
            raise ValueError("a state needs a capital (only a non_state actor may omit it)")
        return self


class Alliance(CampaignModel):
    """An alliance that exists when the campaign starts."""

    id: Identifier
    name: ShortText
    members: list[Identifier] = Field(min_length=2)
    pact: Pact = Pact.defense
    """The obligation, after ATOP (the engine treats every kind as mutual help)."""
    since: Year | None = None
    """The year the alliance was signed (shown to the player)."""
    against: Identifier | None = None
    """The state the alliance exists to face; without it the engine infers it from the
    members' principal threats. The alliance may dissolve when this threat recedes."""
    patron: Identifier | None = None
    """A patron-client pact: the state whose protection the others accept (the Soviet Union
    for the states the Red Army occupied). Its computer-run members never leave it on their
    own, whatever their threats, the clients make no other alliance on their own, and no
    state joins it uninvited; only effects and the player's orders change it. The sides
    may face different threats."""
    binding: Flag = False
    """Its computer-run members never leave it on their own, whatever their threats (NATO
    kept as scenery, a treaty the campaign's story needs to stand); only effects and the
    player's orders end it. Version 2."""
    closed: Flag = False
    """No state joins it on its own (a league with a closed membership): new members come
    only through ``form_alliance`` effects; a state that wants a member as its ally signs
    its own pact with it. Version 2."""


class Scheduled(CampaignModel):
    """Fire in a given year or on a given turn."""

    kind: Literal["scheduled"]
    year: Year | None = None
    """Fire on the first turn of this year."""
    turn: Whole | None = Field(default=None, ge=1)
    """Fire on this turn (the first turn is 1)."""

    @model_validator(mode="after")
    def _year_or_turn(self) -> Scheduled:
        if (self.year is None) == (self.turn is None):
            raise ValueError("give exactly one of 'year' or 'turn'")
        return self


class OnCondition(CampaignModel):
    """Fire on the first turn (or every turn, if repeatable) that the condition holds."""

    kind: Literal["condition"]
    when: Condition


class Chance(CampaignModel):
    """Fire with a probability each turn, drawn from the game's seeded generator."""

    kind: Literal["chance"]
    probability: Unit
    when: Condition | None = None
    """Only roll while this condition holds."""


class After(CampaignModel):
    """Fire in the same turn, right after another event of the same era is resolved: its
    effects applied and, if it offers options, the player's choice made. A chain of events
    told in one year (the war, then the summit) is a chain of ``after`` triggers."""

    kind: Literal["after"]
    event: Identifier
    """The event it follows (of the same era)."""
    choice: Whole | None = Field(default=None, ge=1, le=9)
    """Only when the player takes this option of it (1 is the first), not any option."""
    when: Condition | None = None
    """Only if this condition holds then, read in the world as the event before left it."""


Trigger = Annotated[Scheduled | OnCondition | Chance | After, Field(discriminator="kind")]


class Choice(CampaignModel):
    """One option the player can pick when an event fires."""

    label: ShortText
    text: Text | None = None
    effects: list[Effect] = Field(default_factory=list)
    hint: Text | None = None
    """Advice shown beside the choice: what the theory says will follow."""
    when: Condition | None = None
    """Open only while this condition holds (read when the player is asked); otherwise the
    option is shown closed, with ``unavailable``."""
    unavailable: ShortText | None = None
    """Why the option is closed, in the player's words ("Parliament will not vote it")."""
    cost: Whole = Field(default=0, ge=0, le=20)
    """Action points the option takes from this turn's orders: closed when fewer are left."""


class Event(CampaignModel):
    """Something that happens during an era, with effects and perhaps a choice."""

    id: Identifier
    title: ShortText
    text: Text
    trigger: Trigger
    repeatable: Flag = False
    """False (the default): fires at most once a game."""
    players: list[Identifier] = Field(default_factory=list)
    """Fire only when the player runs one of these states (empty: always)."""
    effects: list[Effect] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list, max_length=9)
    variants: list[TextVariant] = Field(default_factory=list, max_length=9)
    """Other words for other worlds: the first variant whose condition holds when the event
    fires gives its text (and title, if it has one)."""


class Objective(CampaignModel):
    """A goal that scores points when its condition holds by its deadline."""

    id: Identifier
    text: Text
    when: Condition
    hold: Whole = Field(default=1, ge=1, le=100)
    """Turns in a row the condition must hold (checked as each turn closes) before the
    objective is achieved: 3 means "keep it up for three turns"."""
    points: Whole = Field(ge=-10_000, le=10_000)
    deadline: Year | None = None
    """The last year in which the objective can be achieved."""
    players: list[Identifier] = Field(default_factory=list)
    """Counts only when the player runs one of these states (empty: always)."""


class HistoryNote(CampaignModel):
    """What really happened, shown in the debrief beside the player's world."""

    year: Year
    text: Text


class Weights(CampaignModel):
    """Exponents of the four elements of threat in the weighted geometric mean."""

    power: NonNegative = Field(default=1.0, le=5)
    proximity: NonNegative = Field(default=1.0, le=5)
    offense: NonNegative = Field(default=1.0, le=5)
    intentions: NonNegative = Field(default=2.0, le=5)
    """Default 2, twice the others: the weight the history check chose on 1950-1989 (the
    calibrated constants are the game's defaults). What a state means to do decides
    whether its strength is a danger: a strong neighbour that has harmed no one does not
    alarm, and a coalition whose enemy has long been quiet breaks up."""
    global_proximity: NonNegative | None = Field(default=None, le=5)
    """The proximity weight for rivals with global reach (at least the engine's
    GLOBAL_REACH_KM): lower it for the nuclear age, when such powers threaten from afar.
    Without it, the same as ``proximity``."""
    note: Text | None = None
    """Why the era weighs the elements this way (shown in the briefing)."""

    @model_validator(mode="after")
    def _some_weight(self) -> Weights:
        if not (self.power or self.offense or self.intentions) and not (
            self.proximity and self.global_proximity != 0
        ):
            raise ValueError("at least one weight must be above 0")
        return self


class Era(CampaignModel):
    """A stretch of years with its own briefing, weights, events and objectives."""

    id: Identifier
    title: ShortText
    start: Year
    end: Year
    briefing: Text
    briefings: dict[Identifier, Text] = Field(default_factory=dict)
    """The briefing for a playable state, by its id, where it differs from ``briefing``."""
    weights: Weights = Field(default_factory=Weights)
    changes: list[Effect] = Field(default_factory=list)
    """Effects applied when the era begins."""
    events: list[Event] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    history: list[HistoryNote] = Field(default_factory=list)

    def briefing_for(self, player: str) -> str:
        """The briefing the player of ``player`` reads."""
        return self.briefings.get(player, self.briefing)


class Scoring(CampaignModel):
    """How the final score is weighted."""

    security: ScoreWeight = 1.0
    """Weight of security: how far below the threat it faced alone at the start the player
    held the net threat it faced, turn by turn."""
    influence: ScoreWeight = 1.0
    """Weight of influence: the share of others' power allied with the player."""
    objectives: ScoreWeight = 1.0
    """Weight of the objectives' points."""
    penalties: ScoreWeight = 1.0
    """Weight of the penalties: a coalition provoked, wars started and allies abandoned."""


class Source(CampaignModel):
    """A work the campaign draws on."""

    cite: Text
    url: ShortText | None = None


class Campaign(CampaignModel):
    """A whole campaign: the root of a campaign YAML file."""

    schema_version: Literal[1, 2]
    """The format version the file is written in: 2 for the newest parts (follow-up events,
    conditional effects, options with conditions and costs, renamed alliances, objectives
    to keep up, personality changes, member(), principal_threat(), min() and max()); 1 files
    load as they always did."""
    id: Identifier
    version: ShortText
    title: ShortText
    description: Text
    authors: list[ShortText] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    start_year: Year
    turn_months: Whole = Field(default=12, ge=1, le=24)
    """How many months one turn covers."""
    action_points: Whole = Field(default=3, ge=1, le=20)
    """Action points the player gets each turn."""
    doctrine: Doctrine = Doctrine.balance_of_threat
    """The default doctrine of computer-run states."""
    playable: list[Identifier] = Field(min_length=1)
    default_player: Identifier
    flags: list[Identifier] = Field(default_factory=list)
    """Flags set when the game starts."""
    scoring: Scoring = Field(default_factory=Scoring)
    states: list[State] = Field(min_length=2)
    alliances: list[Alliance] = Field(default_factory=list)
    eras: list[Era] = Field(min_length=1)
    history: list[HistoryNote] = Field(default_factory=list)
    poles: list[Identifier] = Field(default_factory=list, max_length=4)
    """The states whose blocs the debrief compares with what really happened (states with a
    ``cow`` code): each other state's side is the pole it is allied with. Without it, the
    two states with the greatest aggregate power at the start."""
    effect_groups: dict[Identifier, list[Effect]] = Field(default_factory=dict)
    """Effects written once, by name, and applied wherever an effect says ``kind: group``
    (``group: june_war``). A group holds no other group."""
    includes: list[ShortText] = Field(default_factory=list, max_length=200)
    """Other files of the campaign, relative to this file's folder (``states.yaml``,
    ``eras/1967.yaml``): each holds some of ``states``, ``alliances``, ``eras``,
    ``history``, ``sources``, ``flags`` and ``effect_groups``, whose entries follow this
    file's own, file by file in this order. An included file includes nothing itself.
    Version 2."""

    @property
    def end_year(self) -> int:
        """The last year of the last era."""
        return self.eras[-1].end

    def state(self, state_id: str) -> State:
        """The declared state with this id (KeyError if none)."""
        for state in self.states:
            if state.id == state_id:
                return state
        raise KeyError(state_id)
