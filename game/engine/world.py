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
from enum import StrEnum
from typing import Any, Protocol, TypeVar

import numpy as np

from game.campaign.effects import Doctrine, Pact
from game.campaign.models import ActorKind, Campaign
from game.engine.constants import GLOBAL_REACH_KM, QUANTUM

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
    allies_when_removed: list[str] = field(default_factory=list)
    """For a state taken out of the world: its allies as it left. They remember what was
    done to it as done to an ally (a conqueror's record outlives its victims, and the
    victim's allies feel it most)."""

    @property
    def reaches_globally(self) -> bool:
        """Its strike reaches everywhere: ``global_reach`` as set, else a ``reach`` of at
        least GLOBAL_REACH_KM (as it stands, after any change)."""
        return self.reach >= GLOBAL_REACH_KM if self.global_reach is None else self.global_reach


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
    patron: str | None = None
    """For a patron-client pact (a campaign's ``patron``): its computer-run members never
    leave it on their own, its clients make no other alliance on their own, and no state
    joins it uninvited. Left out of :meth:`World.snapshot` when None, so the hash of every
    game without one is what it was before the field existed."""
    binding: bool = False
    """Its computer-run members never leave it on their own (a campaign's ``binding``).
    Left out of :meth:`World.snapshot` when False, as ``patron``."""
    closed: bool = False
    """No state joins it on its own (a campaign's ``closed``). Left out of
    :meth:`World.snapshot` when False, as ``patron``."""
    generated: bool = False
    """The game named it after its members (a pact the alignment AI or the player made), so
    the name follows them: :func:`rename` makes it again when they change. False: a
    campaign author's name (or the effect's id when it gave none), kept as written.

    Left out of :meth:`World.snapshot` (and so of the state hash): it is fixed when the
    alliance is made, by how it is made, and shows in the game only through the name, which
    the hash holds; leaving it out keeps the hash, and so every replay, of a game in which
    no name had to change exactly as it was before the field existed."""


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
    audience: tuple[str, ...] | None = None
    """The states that know of it besides its actor and target (a hostile act's
    ``audience``); None: every state. Left out of :meth:`World.snapshot` when None."""

    def known_to(self, state: str) -> bool:
        """True when ``state`` knows of the act."""
        return self.audience is None or state in (self.actor, self.target) or state in self.audience


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
    held: dict[str, int] = field(default_factory=dict)
    """Objective id -> the turns in a row its condition has held so far, for objectives
    that must hold for more than one turn (``hold``) and are not yet achieved."""
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
    opposition: list[float] = field(default_factory=list)
    """Per turn: the share of others' power balancing against the player (the score's
    coalition part)."""
    opening_threat: float = 0.0
    """The principal threat the player faced standing alone as the game opened: the
    baseline the score's security is measured against."""
    opening_opposition: float = 0.0
    """The share of others' power balancing against the player as the game opened: the
    baseline of the score's coalition part (only a coalition beyond it was provoked)."""
    sanctioned: int = 0
    """Interventions (counted in ``wars`` too) against a state an open objective asks the
    player to remove: the campaign's own task, not charged as wars."""
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
        self.opposition = [round(v, QUANTUM) for v in self.opposition]
        self.opening_threat = round(self.opening_threat, QUANTUM)
        self.opening_opposition = round(self.opening_opposition, QUANTUM)

    def snapshot(self) -> dict[str, Any]:
        """A plain, canonical dict of the whole state (sorted keys, quantized values)."""
        data = asdict(self)
        data["states"] = {k: data["states"][k] for k in sorted(data["states"])}
        data["alliances"] = {k: data["alliances"][k] for k in sorted(data["alliances"])}
        if not data["held"]:
            del data["held"]  # so a campaign without 'hold' keeps the hashes of its saves
        for record in data["states"].values():
            if not record["allies_when_removed"]:
                del record["allies_when_removed"]  # likewise: only a removal with allies
        for act in data["acts"]:
            if act["audience"] is None:
                del act["audience"]  # see Act.audience
            else:
                act["audience"] = list(act["audience"])
        for alliance in data["alliances"].values():
            del alliance["generated"]  # see AllianceRecord.generated
            for optional in ("patron", "binding", "closed"):
                if not alliance[optional]:
                    del alliance[optional]  # see AllianceRecord.patron
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
            patron=a.patron,
            binding=a.binding,
            closed=a.closed,
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
    settle_declared(world)
    world.quantize()
    return world


# -- Alliance bookkeeping -----------------------------------------------------------------
# The rules every alliance keeps, at every turn boundary and after every change:
# :func:`alliance_problems` states them; the alignment pass and the player's orders
# (``game.engine.alignment``) and campaign effects (``game.engine.apply``) keep them.


class AllianceProblemKind(StrEnum):
    """A rule of the alliance bookkeeping that the world breaks."""

    too_few_members = "too_few_members"
    """An alliance of fewer than two (distinct) members."""
    member_twice = "member_twice"
    """A member listed twice."""
    absent_member = "absent_member"
    """A member that is not (or no longer) in the world."""
    leader_outside = "leader_outside"
    """A bandwagon pact whose leader is not a member."""
    stale_name = "stale_name"
    """A name the game made after members who are no longer the members."""
    same_members = "same_members"
    """Two alliances of exactly the same members."""
    against_member = "against_member"
    """An alliance that stands against one of its own members."""
    against_ally = "against_ally"
    """A member is allied (in another alliance) with the state this alliance stands
    against: no state is with and against another at once."""


@dataclass(frozen=True)
class AllianceProblem:
    """One broken rule of the alliance bookkeeping, as data."""

    kind: AllianceProblemKind
    alliance: str
    """The alliance that breaks it."""
    state: str | None = None
    """The state concerned: the member, the leader or the rival."""
    other: str | None = None
    """The other alliance concerned: the twin, or the one that allies ``state`` with the
    rival."""


def alliance_problems(world: World) -> list[AllianceProblem]:
    """Every rule of the alliance bookkeeping that ``world`` breaks, by alliance id (empty
    when it keeps them all)."""
    problems: list[AllianceProblem] = []
    seen: dict[tuple[str, ...], str] = {}
    for key in sorted(world.alliances):
        alliance = world.alliances[key]
        distinct = sorted(set(alliance.members))
        found: list[tuple[AllianceProblemKind, str | None, str | None]] = []
        if len(distinct) < 2:
            found.append((AllianceProblemKind.too_few_members, None, None))
        for member in distinct:
            if alliance.members.count(member) > 1:
                found.append((AllianceProblemKind.member_twice, member, None))
            record = world.states.get(member)
            if record is None or not record.present:
                found.append((AllianceProblemKind.absent_member, member, None))
        if alliance.leader is not None and alliance.leader not in alliance.members:
            found.append((AllianceProblemKind.leader_outside, alliance.leader, None))
        if not name_fits(world, alliance):
            found.append((AllianceProblemKind.stale_name, None, None))
        twin = seen.setdefault(tuple(distinct), key)
        if twin != key:
            found.append((AllianceProblemKind.same_members, None, twin))
        rival = alliance.against
        if rival is not None and rival in alliance.members:
            found.append((AllianceProblemKind.against_member, rival, None))
        elif rival is not None:
            for member in distinct:
                with_rival = [
                    a.id for a in alliances_with(world.alliances, member) if rival in a.members
                ]
                if with_rival:
                    found.append((AllianceProblemKind.against_ally, member, with_rival[0]))
        problems += [AllianceProblem(kind, key, state, other) for kind, state, other in found]
    return problems


def pact_name(names: Sequence[str]) -> str:
    """The name the game gives a pact, from its members' names in order: "Karvath-Ondria
    pact" for two, "Karvath-Ondria-Tessaly pact" for three, and for four or more the first
    two and the count, "Karvath-Ondria pact (5 members)", so that a name stays short enough
    for an alliance list at 80 columns."""
    if len(names) <= 3:
        return f"{'-'.join(names)} pact"
    return f"{names[0]}-{names[1]} pact ({len(names)} members)"


def members_name(world: World, alliance: AllianceRecord) -> str:
    """The name :func:`rename` gives a pact the game named: its members' names, the
    leader first for a bandwagon pact, the others in alphabetical order (ties by id)."""

    def name(ident: str) -> str:
        record = world.states.get(ident)
        return record.name if record is not None else ident

    others = sorted(
        (m for m in set(alliance.members) if m != alliance.leader), key=lambda m: (name(m), m)
    )
    first = [alliance.leader] if alliance.leader in alliance.members else []
    return pact_name([name(m) for m in [*first, *others]])


def name_fits(world: World, alliance: AllianceRecord) -> bool:
    """True when the alliance's name is one it may bear: always for an author's name; for a
    name the game made, one made from its members as they are now. A pact of two keeps the
    name it was signed under ("Ondria-Karvath pact": the state that sought the alliance
    first), in either order."""
    if not alliance.generated:
        return True
    if len(alliance.members) == 2:
        a, b = (world.states[m].name if m in world.states else m for m in alliance.members)
        return alliance.name in (pact_name([a, b]), pact_name([b, a]))
    return alliance.name == members_name(world, alliance)


def rename(world: World) -> list[AllianceRecord]:
    """Give every pact the game named whose members changed a name made from its members
    now (:func:`members_name`); returns the pacts renamed, by id. A name that still fits
    (:func:`name_fits`) is kept, so a pact whose members have not changed keeps the name it
    was signed under."""
    renamed = []
    for key in sorted(world.alliances):
        alliance = world.alliances[key]
        if not name_fits(world, alliance):
            alliance.name = members_name(world, alliance)
            renamed.append(alliance)
    return renamed


def drop_alliance(world: World, ident: str) -> None:
    """Remove an alliance, and its members' count of turns its threat has stayed low."""
    del world.alliances[ident]
    for key in [k for k in world.receded if k.endswith(f"|{ident}")]:
        del world.receded[key]


def fold_twins(world: World) -> list[tuple[AllianceRecord, AllianceRecord]]:
    """Merge alliances of exactly the same members; returns each (folded, survivor) pair.

    The same states bound by two pacts are one alignment (the theory, and the player's
    alliance list, count who stands with whom, not how many treaties say so). The survivor
    is an author's alliance before one the game named (the campaign's "Strait League"
    keeps its name), then the older (formed first, then by id): the standing commitment
    carries on, and the other is folded into it. The survivor keeps its purpose; one with
    none takes the folded alliance's ``against`` (unless a member is allied with it), and
    a folded patron-client pact makes the survivor one (the patron's hold is the stronger
    tie), as a folded binding or closed one makes it binding or closed.
    """
    folded: list[tuple[AllianceRecord, AllianceRecord]] = []
    first: dict[tuple[str, ...], AllianceRecord] = {}
    senior = sorted(world.alliances.values(), key=lambda a: (a.generated, a.formed_turn, a.id))
    for alliance in senior:
        group = tuple(sorted(set(alliance.members)))
        survivor = first.setdefault(group, alliance)
        if survivor is alliance:
            continue
        drop_alliance(world, alliance.id)
        rival = alliance.against
        # (only a purpose its members can hold: none of them allied with that rival)
        holds = rival is not None and not any(world.allied(m, rival) for m in survivor.members)
        if survivor.against is None and survivor.leader is None and holds:
            survivor.against = rival
        if survivor.patron is None and alliance.patron is not None:
            survivor.patron = alliance.patron
        survivor.binding = survivor.binding or alliance.binding
        survivor.closed = survivor.closed or alliance.closed
        folded.append((alliance, survivor))
    return folded


def conflicts(world: World, alliance: AllianceRecord) -> list[tuple[str, AllianceRecord, str]]:
    """The ways ``alliance`` clashes with its members' other alliances, each as (member,
    its other alliance, the state it would be with and against at once): the other
    alliance stands against one of ``alliance``'s members, or ``alliance`` stands against
    one of the other's members. Members in sorted order, their alliances by id."""
    out: list[tuple[str, AllianceRecord, str]] = []
    for member in sorted(set(alliance.members)):
        for other in alliances_with(world.alliances, member):
            if other is alliance:
                continue
            if other.against in alliance.members and other.against != member:
                out.append((member, other, other.against))
            elif alliance.against in other.members and alliance.against != member:
                out.append((member, other, alliance.against))
    return out


def settle_declared(world: World) -> None:
    """Make the alliances a campaign declares at the start keep the bookkeeping's rules:
    two of the same members become one (:func:`fold_twins`), and one that stands against a
    state one of its members is allied with loses that stated purpose (the two statements
    contradict each other; the alignment pass then infers a purpose its members agree
    on). A campaign that declares neither keeps its alliances exactly as written."""
    fold_twins(world)
    for key in sorted(world.alliances):
        alliance = world.alliances[key]
        rival = alliance.against
        if rival is not None and any(world.allied(member, rival) for member in alliance.members):
            alliance.against = None
