"""Threat assessment: Walt's four elements of threat for every observer and rival.

For observer i and rival j, each factor is in [FACTOR_FLOOR, 1]:

- aggregate power ``p = P_j / (P_j + P_i)``;
- proximity ``d = 1`` across a land border, ``max(SEA, exp(-km / reach_j))`` across a sea
  border, otherwise ``exp(-km / reach_j)`` (Boulding's loss-of-strength gradient);
- offensive capability ``o = M_j a_j / (M_j a_j + M_i)``;
- intentions ``n = 1 - exp(-scale * raw)``, raw being j's remembered hostility (see
  :func:`hostility`);

and the threat is their weighted geometric mean
``T = exp(sum(w_k ln f_k) / sum(w_k))``. The threat a state *faces* nets out the help its
allies and guarantors can bring: ``net = T (M_j + M_i) / (M_j + M_i + help_i)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from game.campaign.models import Weights
from game.engine import constants as k
from game.engine.geography import Geography
from game.engine.world import Act, World

FACTORS = ("power", "proximity", "offense", "intentions")


@dataclass(frozen=True)
class ThreatMatrix:
    """Every present state's view of every other; rows are observers, columns rivals."""

    ids: list[str]
    index: dict[str, int]
    power: np.ndarray
    proximity: np.ndarray
    offense: np.ndarray
    intentions: np.ndarray
    threat: np.ndarray
    net: np.ndarray
    weights: Weights
    by_power: list[str]
    """States (not non-state actors) from most to least powerful, ties by id."""
    principals: list[str | None]
    """Each observer's principal threat, by row."""
    grievance: np.ndarray
    """[i, j]: the remembered weight of j's hostile acts against i itself (decayed)."""
    conventional: np.ndarray
    """[i, j]: how near j's forces can come to i (its reach, its borders): the proximity
    that help and invasion use. ``proximity``, the element of threat, is never below
    GLOBAL_PROXIMITY for a rival with global reach; this one is."""
    column_weights: tuple[np.ndarray, ...]
    """The four elements' weights against each rival, then their total (see
    :func:`effective_weights`)."""
    standing: Standing | None = field(default=None, repr=False, compare=False)
    """What the matrix was judged from (see :func:`realign`)."""

    @cached_property
    def attacked(self) -> np.ndarray:
        """[i]: some state's remembered hostile acts against i reach APPEASE_LIMIT (most
        states are attacked by no one: their partners need not be read one by one)."""
        return np.asarray((self.grievance >= k.APPEASE_LIMIT).any(axis=1))

    def weight(self, name: str, rival: str) -> float:
        """The weight of one element in the threat ``rival`` poses (its global reach counts)."""
        return float(self.column_weights[FACTORS.index(name)][self.index[rival]])

    def total_weight(self, rival: str) -> float:
        """The sum of the four weights against ``rival``."""
        return float(self.column_weights[4][self.index[rival]])

    def get(self, observer: str, rival: str) -> float:
        """The threat ``rival`` poses to ``observer`` (0 if either is absent)."""
        i, j = self.index.get(observer), self.index.get(rival)
        if i is None or j is None:
            return 0.0
        return float(self.threat[i, j])

    def factor(self, name: str, observer: str, rival: str) -> float:
        """One element of threat, by name."""
        i, j = self.index.get(observer), self.index.get(rival)
        if i is None or j is None:
            return 0.0
        return float(getattr(self, name)[i, j])

    def ranked(self, observer: str, net: bool = False) -> list[tuple[str, float]]:
        """Rivals by the threat they pose to ``observer``, highest first (ties by id)."""
        i = self.index.get(observer)
        if i is None:
            return []
        row = (self.net if net else self.threat)[i]
        pairs = [(ident, float(row[j])) for j, ident in enumerate(self.ids) if j != i]
        return sorted(pairs, key=lambda p: (-p[1], p[0]))

    def principal(self, observer: str) -> str | None:
        """The rival posing the greatest threat to ``observer`` (ties: the lower id)."""
        i = self.index.get(observer)
        return None if i is None else self.principals[i]

    def strongest(self, state: str) -> str | None:
        """The most powerful state other than ``state``."""
        for other in self.by_power:
            if other != state:
                return other
        return None


@dataclass(frozen=True)
class Hostility:
    """Remembered acts as the threat model reads them (see :func:`hostility`)."""

    hostile: np.ndarray
    """[actor, target]: the decayed weight of hostile acts (the target always knows)."""
    reassured: np.ndarray
    """[actor, target]: the decayed weight of reassurances."""
    worst: np.ndarray
    """[observer, actor]: the worst hostile act the observer knows the actor still carries
    against anyone, including states it has since conquered (a conqueror's record outlives
    its victims)."""
    worst_target: np.ndarray
    """[observer, actor]: whom that act was against (-1: none, or a state no longer in the
    world)."""
    public: np.ndarray
    """[actor, target]: as ``hostile``, the acts every state knows of only."""
    limited: list[tuple[int, int, float, np.ndarray]]
    """Acts with a limited audience: (actor, target, weight, the observers who know)."""
    orphaned: np.ndarray
    """[i, t]: the weight of t's acts that i knows of against states no longer in the world
    that were i's allies when they left it (the victim's allies remember the conquest as
    done to an ally)."""

    def against_allies(self, allied: np.ndarray) -> np.ndarray:
        """[i, t]: the weight of t's acts against i's allies that i knows of (allies that
        have left the world included)."""
        out: np.ndarray = allied @ self.public.T + self.orphaned  # acts every state knows of
        for actor, target, weight, knows in self.limited:
            out[knows, actor] += allied[knows, target] * weight
        return out


def hostility(world: World, ids: list[str], years_per_turn: float) -> Hostility:
    """Remembered hostile acts and reassurances, decayed, with each actor's record as each
    observer knows it. An act with a limited ``audience`` counts only for the observers
    who know of it (its target, its actor and its audience); to the rest it never
    happened."""
    index = {ident: i for i, ident in enumerate(ids)}
    n = len(ids)
    hostile = np.zeros((n, n))
    reassured = np.zeros((n, n))
    known_hostile = np.zeros((n, n))
    orphaned = np.zeros((n, n))
    worst = np.zeros(n)
    worst_target = np.full(n, -1)
    limited: list[tuple[int, int, float, np.ndarray]] = []
    # The target is -1 when it is no longer in the world: the act still marks its actor.
    acts = [a for a in world.acts if a.actor in index]
    if acts:
        # One table of the acts, a row each (every figure is exact as a float).
        table = np.array(
            [
                (
                    index[a.actor],
                    index.get(a.target, -1),
                    a.severity,
                    a.turn,
                    a.reassurance,
                    a.audience is None,
                )
                for a in acts
            ],
            dtype=float,
        )
        actor, target = table[:, 0].astype(int), table[:, 1].astype(int)
        severity, turn = table[:, 2], table[:, 3]
        calm, public = table[:, 4].astype(bool), table[:, 5].astype(bool)
        weight = severity * k.INTENT_DECAY_PER_YEAR ** ((world.turn - turn) * years_per_turn)
        # Each actor's worst act every state knows of: the heaviest, the first of equals
        # in list order (sorted by actor, then weight, heaviest first, then position).
        known = np.flatnonzero(~calm & public)
        ranked = known[np.lexsort((known, -weight[known], actor[known]))]
        first = np.ones(len(ranked), dtype=bool)
        first[1:] = actor[ranked[1:]] != actor[ranked[:-1]]
        top = ranked[first & (weight[ranked] > 0)]
        worst[actor[top]], worst_target[actor[top]] = weight[top], target[top]
        worst, worst_target = np.tile(worst, (n, 1)), np.tile(worst_target, (n, 1))
        # Then the acts only some know of, for those who know (an equal act every state
        # knows of stays the record).
        for i in np.flatnonzero(~calm & ~public):
            a, t, w = int(actor[i]), int(target[i]), float(weight[i])
            knows = _knowers(acts[i], index, n)
            if t >= 0:
                limited.append((a, t, w, knows))
            better = knows & (w > worst[:, a])
            worst[better, a] = w
            worst_target[better, a] = t
        # np.add.at accumulates repeated (actor, target) pairs, in list order.
        for mask, into in ((~calm, hostile), (calm, reassured), (~calm & public, known_hostile)):
            mask = mask & (target >= 0)
            np.add.at(into, (actor[mask], target[mask]), weight[mask])
        for i in np.flatnonzero(~calm & (target < 0)):
            gone = world.states.get(acts[i].target)
            allies = [index[s] for s in gone.allies_when_removed if s in index] if gone else []
            if allies:
                knows = _knowers(acts[i], index, n) if not public[i] else np.ones(n, dtype=bool)
                rows = [r for r in allies if knows[r]]
                orphaned[rows, actor[i]] += weight[i]
    else:
        worst, worst_target = np.tile(worst, (n, 1)), np.tile(worst_target, (n, 1))
    return Hostility(hostile, reassured, worst, worst_target, known_hostile, limited, orphaned)


def _knowers(act: Act, index: dict[str, int], n: int) -> np.ndarray:
    """Which states (by index) know of an act with a limited audience."""
    knows = np.zeros(n, dtype=bool)
    for state in (act.actor, act.target, *(act.audience or ())):
        if state in index:
            knows[index[state]] = True
    return knows


def effective_weights(weights: Weights, global_reach: np.ndarray) -> tuple[np.ndarray, ...]:
    """The four elements' weights against each rival (by column), in FACTORS order, and
    their total: a rival with global reach (the nuclear age's superpowers) threatens from
    anywhere, so its proximity weighs the era's ``global_proximity``. The threat model and
    the explanation both use this."""
    n = len(global_reach)
    wd = np.full(n, weights.proximity)
    if weights.global_proximity is not None:
        wd = np.where(global_reach, weights.global_proximity, wd)
    out = [
        np.full(n, weights.power),
        wd,
        np.full(n, weights.offense),
        np.full(n, weights.intentions),
    ]
    total = np.maximum(sum(out), 1e-12)
    return (*out, total)


@dataclass(frozen=True)
class Standing:
    """What a threat matrix reads that alliances and guarantees do not change: the states'
    figures, the power, proximity and offense factors, and the remembered acts. The
    alignment pass changes only alliances, so the matrix after it is judged again from the
    standing of the one before (:func:`realign`)."""

    ids: list[str]
    index: dict[str, int]
    military: np.ndarray
    aggression: np.ndarray
    power: np.ndarray
    proximity: np.ndarray
    conventional: np.ndarray
    offense: np.ndarray
    record: Hostility
    column_weights: tuple[np.ndarray, ...]
    partial: np.ndarray
    """The weighted logs of power, proximity and offense, summed in that order (the
    threat's exponent before intentions)."""
    by_power: list[str]
    turn: int
    """The turn the acts were weighed in (a standing is good for that turn only)."""


def standing(world: World, geo: Geography, weights: Weights, years_per_turn: float) -> Standing:
    """The parts of the threat matrix that alliances and guarantees do not change."""
    ids = world.ids()
    index = {ident: i for i, ident in enumerate(ids)}
    records = [world.states[s] for s in ids]
    gi = np.array([geo.index[s] for s in ids], dtype=int)
    P = np.array([r.power for r in records])
    M = np.array([r.military for r in records])
    a = np.array([r.offense for r in records])
    reach = np.maximum(np.array([r.reach for r in records]), 1.0)
    aggression = np.array([r.aggression for r in records])
    floor = k.FACTOR_FLOOR

    with np.errstate(divide="ignore", invalid="ignore"):
        power = np.nan_to_num(P[None, :] / (P[None, :] + P[:, None]), nan=0.5)
        km = geo.km[np.ix_(gi, gi)]
        proximity = np.exp(-km / reach[None, :])
        located = geo.located[gi]
        unlocated = ~(located[:, None] & located[None, :])
        proximity = np.where(unlocated, k.NON_STATE_PROXIMITY, proximity)
        # Borders come last: a non-state actor's declared border still brings it close.
        proximity = np.where(
            geo.sea[np.ix_(gi, gi)], np.maximum(proximity, k.SEA_BORDER_PROXIMITY), proximity
        )
        proximity = np.where(geo.land[np.ix_(gi, gi)], 1.0, proximity)
        conventional = proximity
        strike = M * a
        offense = np.nan_to_num(strike[None, :] / (strike[None, :] + M[:, None]), nan=0.0)

    power, proximity, conventional, offense = (
        np.clip(f, floor, 1.0) for f in (power, proximity, conventional, offense)
    )
    global_reach = np.array([r.reaches_globally for r in records], dtype=bool)
    # A global power's strike reaches everywhere: as a threat it is never farther than
    # GLOBAL_PROXIMITY, though its forces (``conventional``) still fade with distance.
    proximity = np.where(
        global_reach[None, :], np.maximum(proximity, k.GLOBAL_PROXIMITY), proximity
    )
    w = effective_weights(weights, global_reach)
    partial = sum(
        wk[None, :] * np.log(f) for wk, f in zip(w[:3], (power, proximity, offense), strict=True)
    )
    by_power = sorted(
        (s for s in ids if world.states[s].kind == "state"),
        key=lambda s: (-world.states[s].power, s),
    )
    return Standing(
        ids,
        index,
        M,
        aggression,
        power,
        proximity,
        conventional,
        offense,
        hostility(world, ids, years_per_turn),
        w,
        np.asarray(partial),
        by_power,
        world.turn,
    )


def assess(world: World, geo: Geography, weights: Weights, years_per_turn: float) -> ThreatMatrix:
    """The threat matrix of the world as it stands."""
    return judge(world, standing(world, geo, weights, years_per_turn), weights)


def realign(matrix: ThreatMatrix, world: World) -> ThreatMatrix:
    """The threat matrix after only alliances or guarantees changed since ``matrix`` was
    assessed (the alignment pass): its standing judged again with the alliances as they
    are now. Equal to :func:`assess` of the world then."""
    if matrix.standing is None or matrix.standing.turn != world.turn:
        raise ValueError("realign needs a matrix assessed this turn")
    return judge(world, matrix.standing, matrix.weights)


def judge(world: World, base: Standing, weights: Weights) -> ThreatMatrix:
    """The threat matrix from ``base`` and the world's alliances and guarantees: intentions
    (what a rival did to one's allies), the threat, and the threat net of allies' help."""
    ids, n, M = base.ids, len(base.ids), base.military
    record = base.record
    hostile, reassured, worst = record.hostile, record.reassured, record.worst
    allied = alliance_matrix(world, ids)
    against_allies = record.against_allies(allied)  # [i, t]: t's acts against i's allies
    # j's record does not count against i when j's worst act was against i's own attacker
    # (a state that struck i or its allies): the enemy of my enemy is not my threat.
    attackers = (hostile.T > 0) | (against_allies > 0)  # [i, t]: t struck i or an ally
    observer, rival = np.nonzero(record.worst_target >= 0)
    excused = np.zeros((n, n), dtype=bool)
    excused[observer, rival] = attackers[observer, record.worst_target[observer, rival]]
    # raw[i, j]: how hostile j's record looks to i.
    # A reassurance to i offsets what j did to i itself in full; what is left of it
    # offsets j's record against others only as much as that record counts for i
    # (INTENT_REPUTATION): an invader's assurances to the next neighbour soften what that
    # neighbour reads, they do not undo the invasion it saw.
    direct = (1 - k.INTENT_REPUTATION) * hostile.T
    promised = k.REASSURANCE_WEIGHT * reassured.T
    others = (
        k.INTENT_REPUTATION * np.where(excused, 0.0, worst)
        # What j did to i's allies counts as a sign of what it would do to i, unless j is
        # i's ally too (a quarrel inside an alliance is not a threat to its members).
        + (k.INTENT_ALLY - k.INTENT_REPUTATION) * against_allies * (1.0 - allied)
    )
    left = np.maximum(promised - direct, 0.0)
    raw = np.maximum(direct - promised, 0.0) + np.maximum(others - k.INTENT_REPUTATION * left, 0.0)
    raw += k.INTENT_BASE + k.INTENT_BASE_AGGRESSION * base.aggression[None, :]
    intentions = np.clip(1.0 - np.exp(-k.INTENT_SCALE * raw), k.FACTOR_FLOOR, 1.0)
    w = base.column_weights
    threat = np.exp((base.partial + w[3][None, :] * np.log(intentions)) / w[4][None, :])
    np.fill_diagonal(threat, 0.0)

    helpers = np.clip(allied + guarantee_matrix(world, ids), 0.0, 1.0)
    ability = helpers * (M[None, :] * base.conventional)  # [i, h]: what h can bring to i
    help_total = ability.sum(axis=1)[:, None] - ability  # an ally does not help against itself
    net = (
        threat * (M[None, :] + M[:, None]) / np.maximum(M[None, :] + M[:, None] + help_total, 1e-12)
    )
    net = np.minimum(net, threat)  # help never adds threat, even by a rounding error
    np.fill_diagonal(net, 0.0)
    ranked = threat.copy()
    np.fill_diagonal(ranked, -1.0)
    # argmax takes the first maximum, and ids are sorted: ties go to the lower id.
    principals: list[str | None] = (
        [ids[int(c)] for c in np.argmax(ranked, axis=1)] if n > 1 else [None] * n
    )
    return ThreatMatrix(
        ids,
        base.index,
        base.power,
        base.proximity,
        base.offense,
        intentions,
        threat,
        net,
        weights,
        base.by_power,
        principals,
        hostile.T.copy(),
        base.conventional,
        w,
        base,
    )


def alliance_matrix(world: World, ids: list[str]) -> np.ndarray:
    """1 where two states share an alliance."""
    index = {ident: i for i, ident in enumerate(ids)}
    keys = sorted(world.alliances)
    member = np.zeros((len(keys), len(ids)))
    rows, columns = [], []
    for row, key in enumerate(keys):
        for m in world.alliances[key].members:
            j = index.get(m)
            if j is not None:
                rows.append(row)
                columns.append(j)
    member[rows, columns] = 1.0
    out = (member.T @ member > 0).astype(float)
    np.fill_diagonal(out, 0.0)
    return out


def guarantee_matrix(world: World, ids: list[str]) -> np.ndarray:
    """[i, g] = 1 where g guarantees i."""
    index = {ident: i for i, ident in enumerate(ids)}
    out = np.zeros((len(ids), len(ids)))
    for guarantor, target in world.guarantees:
        if guarantor in index and target in index:
            out[index[target], index[guarantor]] = 1.0
    return out
