"""What the alignment AI reads in a turn: the threat matrix, each state's view under its
doctrine, who shares whose threat, and who is allied with whom; computed once per turn."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from game.campaign.effects import Doctrine
from game.engine import constants as k
from game.engine.doctrine import View, view
from game.engine.explain import remembered_weight
from game.engine.geography import Geography
from game.engine.threat import ThreatMatrix, alliance_matrix, guarantee_matrix
from game.engine.world import Act, World


@dataclass
class Context:
    """What the alignment AI reads this turn: the threat matrix, each state's view under its
    doctrine, and who shares whose threat, all computed once per turn."""

    world: World
    geo: Geography
    matrix: ThreatMatrix
    player: str
    years_per_turn: float
    brief: bool = False
    """Answers need only say whether, not why: an alliance offer's answer leaves out its
    grounds (what :meth:`~game.engine.game.Game.legal_orders` asks of every state)."""
    _acts: list[Act] | None = field(default=None, init=False, repr=False)
    _acts_read: int = field(default=0, init=False, repr=False)
    _by_actor: dict[str, list[tuple[float, int, int, Act]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _worst: dict[tuple[str, str], Act | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        m, world = self.matrix, self.world
        ids = m.ids
        n = len(ids)
        self.views = {s: view(world, m, s) for s in ids}
        bot = np.array([world.states[s].doctrine == Doctrine.balance_of_threat for s in ids])
        self.pressure = np.where(bot[:, None], m.threat, m.power) if n else np.zeros((0, 0))
        if n:
            np.fill_diagonal(self.pressure, 0.0)
        own = np.array([self.views[s].pressure for s in ids])
        alarmed = np.array([self.views[s].alarmed for s in ids], dtype=bool)
        # share[i, r]: r is i's principal threat, or close to it, and i is alarmed.
        self.share = (
            self.pressure >= k.SHARE_RATIO * own[:, None] if n else np.zeros((0, 0), dtype=bool)
        )
        for i, s in enumerate(ids):
            principal = self.views[s].principal
            if principal is not None:
                self.share[i, m.index[principal]] = True
        self.share &= alarmed[:, None]
        self.partner = np.array(
            [world.states[s].kind == "state" and s != self.player for s in ids], dtype=bool
        )
        self.refresh()

    def refresh(self, touched: Iterable[str] | None = None) -> None:
        """Re-read alliances, guarantees and military strength (after they change); with
        ``touched``, only the alliances of those states (an alliance change touches the
        members of one alliance: re-reading every pair after each would cost a turn
        most of its time in a large world)."""
        ids = self.matrix.ids
        if touched is None:
            self.allied_m = alliance_matrix(self.world, ids) > 0
            self.guaranteed_m = guarantee_matrix(self.world, ids) > 0
            self.helpers_m = self.allied_m | self.guaranteed_m
            self.military = np.array([self.world.states[s].military for s in ids])
            return
        index = self.matrix.index
        alliances = [self.world.alliances[key] for key in sorted(self.world.alliances)]
        for state in sorted(set(touched)):
            i = index.get(state)
            if i is None:
                continue
            row = np.zeros(len(ids), dtype=bool)
            for alliance in alliances:
                if state in alliance.members:
                    row[[index[m] for m in alliance.members if m in index]] = True
            row[i] = False
            self.allied_m[i, :] = row
            self.allied_m[:, i] = row
            self.helpers_m[i, :] = row | self.guaranteed_m[i, :]
            self.helpers_m[:, i] = row | self.guaranteed_m[:, i]

    def worst_act(self, observer: str, rival: str) -> Act | None:
        """The heaviest hostile act of ``rival`` that ``observer`` remembers (what a
        decision's grounds cite; as :func:`~game.engine.explain.heaviest_acts` ranks them:
        weight, then the earlier turn, then the world's order), or None. Read once a pair,
        from each actor's acts ranked once: the alignment pass and the legality of every
        alliance order ask it of the same pairs again and again. An order carried out with
        this context may add acts (within a turn they are only ever appended): then the
        acts are read again."""
        acts = self.world.acts
        if self._acts is not acts or self._acts_read != len(acts):
            self._acts, self._acts_read, self._by_actor, self._worst = acts, len(acts), {}, {}
            turn, years = self.world.turn, self.years_per_turn
            for position, act in enumerate(acts):
                if not act.reassurance:
                    weight = remembered_weight(act, turn, years)
                    self._by_actor.setdefault(act.actor, []).append(
                        (weight, act.turn, position, act)
                    )
            for ranked in self._by_actor.values():
                ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
        key = (observer, rival)
        if key not in self._worst:
            self._worst[key] = _heaviest_known(self._by_actor.get(rival, []), observer)
        return self._worst[key]

    def view(self, state: str) -> View:
        """``state``'s reading of the world under its doctrine."""
        return self.views[state]

    def shares(self, state: str, rival: str) -> bool:
        """True when ``rival`` is ``state``'s principal threat or close to it."""
        return bool(self.share[self.matrix.index[state], self.matrix.index[rival]])

    def pressure_of(self, state: str, rival: str) -> float:
        """How much ``rival`` presses on ``state`` under ``state``'s doctrine."""
        return float(self.pressure[self.matrix.index[state], self.matrix.index[rival]])

    def allied(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` share an alliance."""
        index = self.matrix.index
        return bool(self.allied_m[index[a], index[b]]) if a in index and b in index else False

    def allies_of(self, state: str) -> list[str]:
        """``state``'s allies, sorted."""
        i = self.matrix.index[state]
        return [self.matrix.ids[j] for j in np.flatnonzero(self.allied_m[i])]

    @property
    def names(self) -> dict[str, str]:
        """Every state's name, by id (states gone from the world included)."""
        return {ident: record.name for ident, record in self.world.states.items()}

    def name(self, state: str) -> str:
        return self.world.states[state].name

    def striking_power(self, state: str) -> float:
        record = self.world.states[state]
        return record.military * record.offense


def _heaviest_known(ranked: list[tuple[float, int, int, Act]], observer: str) -> Act | None:
    """The heaviest of the ranked acts that ``observer`` knows of, those against others
    weighing INTENT_REPUTATION as much: the first known act against it and the first
    known act against another are the only candidates."""
    direct = other = None
    for weight, turn, position, act in ranked:
        if direct is not None and other is not None:
            break
        if not act.known_to(observer):
            continue
        if act.target == observer:
            direct = direct or (-weight, turn, position, act)
        else:
            other = other or (-weight * k.INTENT_REPUTATION, turn, position, act)
    found = [c for c in (direct, other) if c is not None]
    return min(found, key=lambda c: c[:3])[3] if found else None
