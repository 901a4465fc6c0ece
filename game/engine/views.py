"""Read-only snapshots of the world for front ends: copies that never change.

A front end (the terminal UI, the command line, a checker or an export) reads the game
through these, never through the live ``World`` the rules mutate: a screen can hold a
snapshot while a worker resolves the next turn, and nothing it does can change the game.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from types import MappingProxyType

from game.campaign.models import ActorKind
from game.engine.world import World, alliances_with, allied_in, allies_in


@dataclass(frozen=True)
class StateView:
    """One state (or non-state actor) as it stood when the snapshot was taken."""

    id: str
    name: str
    kind: ActorKind
    """A state, or a non-state actor."""
    region: str
    lat: float | None
    lon: float | None
    power: float
    military: float
    offense: float
    reach: float
    stability: float
    ideology: float
    doctrine: str
    aggression: float
    caution: float
    present: bool
    aid_from: MappingProxyType[str, float]
    """Aid received, by donor, as it has faded so far."""


@dataclass(frozen=True)
class AllianceView:
    """An alliance as it stood when the snapshot was taken."""

    id: str
    name: str
    members: tuple[str, ...]
    against: str | None
    """The rival whose threat brought the members together, when known."""
    leader: str | None
    """For a pact formed by bandwagoning: the strong state the others sided with."""
    pact: str = "defense"
    formed_turn: int = 1


@dataclass(frozen=True)
class WorldView:
    """The world at one moment: states, alliances, guarantees, achievements, the end."""

    turn: int
    year: int
    era_index: int
    states: MappingProxyType[str, StateView]
    alliances: MappingProxyType[str, AllianceView]
    guarantees: tuple[tuple[str, str], ...]
    """(guarantor, guaranteed) pairs."""
    achieved: MappingProxyType[str, int]
    """Objective id -> the turn it was achieved."""
    ended: str | None
    outcome: str | None

    def ids(self) -> list[str]:
        """Ids of states present now, sorted."""
        return sorted(s for s, r in self.states.items() if r.present)

    def names(self) -> dict[str, str]:
        """Every state's name by id (present or not)."""
        return {s: r.name for s, r in self.states.items()}

    def allies_of(self, state: str) -> list[str]:
        """Every state sharing an alliance with ``state``, sorted."""
        return allies_in(self.alliances, state)

    def allied(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are in an alliance together."""
        return allied_in(self.alliances, a, b)

    def alliances_of(self, state: str) -> list[AllianceView]:
        """The alliances ``state`` belongs to, sorted by id."""
        return alliances_with(self.alliances, state)

    def blocs(self) -> list[Bloc]:
        """The blocs: alliances joined by shared members, each led by its most powerful
        member; the largest first (then by leader)."""
        groups: list[tuple[set[str], list[str]]] = []  # (members, alliance ids)
        for alliance_id in sorted(self.alliances):
            members = set(self.alliances[alliance_id].members)
            touching = [g for g in groups if g[0] & members]
            merged = (members.union(*(g[0] for g in touching)), [alliance_id])
            for group in touching:
                merged[1].extend(group[1])
                groups.remove(group)
            groups.append(merged)
        out = []
        for members, ids in groups:
            ordered = sorted(members)
            leader = max(ordered, key=lambda s: (self.states[s].power, s))
            out.append(Bloc(leader, tuple(ordered), tuple(sorted(ids))))
        return sorted(out, key=lambda b: (-len(b.members), b.leader))


@dataclass(frozen=True)
class Bloc:
    """States joined by alliances, directly or through one another."""

    leader: str
    """Its most powerful member."""
    members: tuple[str, ...]
    alliances: tuple[str, ...]


def alliance_views(world: World) -> tuple[AllianceView, ...]:
    """Every alliance of ``world`` as a snapshot, sorted by id."""
    return tuple(
        AllianceView(a.id, a.name, tuple(a.members), a.against, a.leader, a.pact, a.formed_turn)
        for _, a in sorted(world.alliances.items())
    )


def snapshot(world: World) -> WorldView:
    """A read-only copy of ``world``."""
    names = [f.name for f in fields(StateView) if f.name != "aid_from"]
    states = {
        s: StateView(
            **{name: getattr(r, name) for name in names},
            aid_from=MappingProxyType(dict(sorted(r.aid_from.items()))),
        )
        for s, r in sorted(world.states.items())
    }
    return WorldView(
        world.turn,
        world.year,
        world.era_index,
        MappingProxyType(states),
        MappingProxyType({a.id: a for a in alliance_views(world)}),
        tuple(world.guarantees),
        MappingProxyType(dict(world.achieved)),
        world.ended,
        world.outcome,
    )
