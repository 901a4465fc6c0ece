"""The world state: states, alliances, remembered acts, flags; built from a campaign.

Everything that changes during a game lives here and is quantized at turn boundaries.
Collections are dicts keyed by id and always walked in sorted order, so no decision ever
depends on insertion or hash order.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar

import numpy as np

from game.campaign.effects import Doctrine, Pact
from game.campaign.models import ActorKind, Campaign
from game.engine.constants import QUANTUM

ROUNDED = ("power", "military", "offense", "reach", "stability", "ideology")
"""A state's figures that quantize rounds."""


@dataclass
class StateRecord:
    """One state (or non-state actor) as it stands now."""

    id: str
    name: str
    kind: ActorKind
    region: str
    lat: float | None
    lon: float | None
    power: float
    military: float
    offense: float
    reach: float
    global_reach: bool | None
    """Its strike reaches everywhere, so the era's ``global_proximity`` weight applies to it;
    None: when its ``reach`` is at least GLOBAL_REACH_KM (as it stands, after any change)."""
    stability: float
    ideology: float
    doctrine: str
    aggression: float
    caution: float
    present: bool
    aid_from: dict[str, float] = field(default_factory=dict)
    """Aid received, by donor, fading each year: a weak source of alignment."""


@dataclass
class AllianceRecord:
    """A live alliance."""

    id: str
    name: str
    members: list[str]
    pact: str
    formed_turn: int
    against: str | None = None
    """The rival whose threat brought the members together, when known."""
    leader: str | None = None
    """For a pact formed by bandwagoning: the strong state the others sided with. The pact
    lasts only as long as its leader stays in it."""


class HasMembers(Protocol):
    """An alliance as membership reads it: live or snapshot."""

    @property
    def members(self) -> Sequence[str]: ...


AllianceT = TypeVar("AllianceT", bound=HasMembers)


def alliances_with(alliances: Mapping[str, AllianceT], state: str) -> list[AllianceT]:
    """The alliances ``state`` belongs to, sorted by id."""
    return [alliances[k] for k in sorted(alliances) if state in alliances[k].members]


def allies_in(alliances: Mapping[str, HasMembers], state: str) -> list[str]:
    """Every state sharing an alliance with ``state``, sorted."""
    out = {m for a in alliances.values() if state in a.members for m in a.members}
    out.discard(state)
    return sorted(out)


def allied_in(alliances: Mapping[str, HasMembers], a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are in an alliance together."""
    return a != b and any(a in al.members and b in al.members for al in alliances.values())


@dataclass
class Act:
    """A remembered act: hostile (raises intentions) or a reassurance (lowers them)."""

    actor: str
    target: str
    severity: float
    turn: int
    description: str
    reassurance: bool = False


@dataclass
class World:
    """Everything the rules change, in one serialisable object."""

    turn: int
    year: int
    era_index: int
    states: dict[str, StateRecord]
    alliances: dict[str, AllianceRecord]
    acts: list[Act] = field(default_factory=list)
    guarantees: list[tuple[str, str]] = field(default_factory=list)
    """(guarantor, guaranteed) pairs."""
    flags: dict[str, bool] = field(default_factory=dict)
    fired: dict[str, int] = field(default_factory=dict)
    """Event id -> how many times it has fired."""
    achieved: dict[str, int] = field(default_factory=dict)
    """Objective id -> the turn it was achieved."""
    receded: dict[str, int] = field(default_factory=dict)
    """'state|alliance' -> consecutive turns the alliance's threat has stayed low."""
    wars: int = 0
    """Interventions the player ordered: each a war started."""
    abandoned: int = 0
    """Allies the player broke with while they still faced a serious threat."""
    security: list[float] = field(default_factory=list)
    """Per turn: 1 - the highest net threat the player faced."""
    influence: list[float] = field(default_factory=list)
    """Per turn: the share of others' power allied with the player."""
    ended: str | None = None
    """Why the game ended, once it has."""
    outcome: str | None = None

    def ids(self) -> list[str]:
        """Ids of states present now, sorted."""
        return sorted(s for s, r in self.states.items() if r.present)

    def allies_of(self, state: str) -> list[str]:
        """Every state sharing an alliance with ``state``, sorted."""
        return allies_in(self.alliances, state)

    def allied(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are in an alliance together."""
        return allied_in(self.alliances, a, b)

    def alliances_of(self, state: str) -> list[AllianceRecord]:
        """The alliances ``state`` belongs to, sorted by id."""
        return alliances_with(self.alliances, state)

    def quantize(self) -> None:
        """Round every float to QUANTUM decimals (done at each turn boundary)."""
        records = list(self.states.values())
        if records:
            # One vectorised rounding for every state's figures: a turn quantizes after each
            # event choice too, and rounding value by value cost a large world a fifth of it.
            table = np.round(
                np.array([[getattr(r, name) for name in ROUNDED] for r in records]), QUANTUM
            ).tolist()
            for record, row in zip(records, table, strict=True):
                for name, value in zip(ROUNDED, row, strict=True):
                    setattr(record, name, value)
        for record in records:
            if not record.aid_from:
                continue
            record.aid_from = {
                k: round(v, QUANTUM)
                for k, v in sorted(record.aid_from.items())
                if v >= 10**-QUANTUM
            }
        for act in self.acts:
            act.severity = round(act.severity, QUANTUM)
        self.security = [round(v, QUANTUM) for v in self.security]
        self.influence = [round(v, QUANTUM) for v in self.influence]

    def snapshot(self) -> dict[str, Any]:
        """A plain, canonical dict of the whole state (sorted keys, quantized values)."""
        data = asdict(self)
        data["states"] = {k: data["states"][k] for k in sorted(data["states"])}
        data["alliances"] = {k: data["alliances"][k] for k in sorted(data["alliances"])}
        return data

    def state_hash(self) -> str:
        """SHA-256 of the canonical JSON of the state: what a replay must reproduce."""
        text = json.dumps(self.snapshot(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def years_per_turn(campaign: Campaign) -> float:
    """Game time that one turn covers, in years."""
    return campaign.turn_months / 12


def year_of_turn(campaign: Campaign, turn: int) -> int:
    """The calendar year of a (1-based) turn."""
    return campaign.start_year + ((turn - 1) * campaign.turn_months) // 12


def total_turns(campaign: Campaign) -> int:
    """How many turns the campaign lasts."""
    return math.ceil((campaign.end_year - campaign.start_year + 1) * 12 / campaign.turn_months)


def build_world(campaign: Campaign, doctrine: Doctrine | None = None) -> World:
    """The world at the start of the campaign; ``doctrine`` overrides every state's."""
    states = {}
    for s in sorted(campaign.states, key=lambda s: s.id):
        chosen = doctrine or s.doctrine or campaign.doctrine
        states[s.id] = StateRecord(
            id=s.id,
            name=s.name,
            kind=s.kind,
            region=s.region,
            lat=s.capital.lat if s.capital else None,
            lon=s.capital.lon if s.capital else None,
            power=s.power.value,
            military=s.military,
            offense=s.offense,
            reach=s.reach,
            global_reach=s.global_reach,
            stability=s.stability,
            ideology=s.ideology,
            doctrine=Doctrine(chosen).value,
            aggression=s.personality.aggression,
            caution=s.personality.caution,
            present=s.present,
        )
    alliances = {
        a.id: AllianceRecord(
            id=a.id,
            name=a.name,
            members=sorted(a.members),
            pact=Pact(a.pact).value,
            formed_turn=0,
            against=a.against,
        )
        for a in sorted(campaign.alliances, key=lambda a: a.id)
    }
    world = World(
        turn=1,
        year=campaign.start_year,
        era_index=0,
        states=states,
        alliances=alliances,
        flags={f: True for f in sorted(campaign.flags)},
    )
    world.quantize()
    return world
