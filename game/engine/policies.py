"""Scripted players for headless runs: passive, random, hawk, dove and statesman.

A policy answers events and writes each turn's orders through the same public calls a
person's front end uses. The random policy draws from its own generator, seeded from the
game's seed, so the engine's one generator is never touched by the player's side.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Protocol

from game.campaign import effects as fx
from game.campaign.models import ActorKind
from game.engine.apply import bind_player
from game.engine.constants import POSTURE_DEFENSIVE
from game.engine.game import Game
from game.engine.orders import ACTIONS, Order
from game.engine.report import PendingChoice
from game.engine.statesman import REASSURE_ABOVE, Statesman
from game.vocabulary import POLICIES as POLICIES


class Policy(Protocol):
    """A scripted player."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        """The index of the option to take."""
        ...

    def orders(self, game: Game) -> list[Order]:
        """This turn's orders."""
        ...


def _hostility(game: Game, pending: PendingChoice, index: int) -> int:
    """How hawkish an option is: hostile acts and arming by the player, less reassurance."""
    event = next(e for e in game.era.events if e.id == pending.event)
    score = 0
    # Bound to the player's state: an option's effects may name it as ``player``.
    for raw in fx.expanded(event.choices[index].effects, game.campaign.effect_groups):
        effect = bind_player(raw, game.player)
        if isinstance(effect, fx.HostileAct) and effect.actor == game.player:
            score += 2
        elif isinstance(effect, fx.Reassure) and effect.actor == game.player:
            score -= 2
        elif (
            isinstance(effect, fx.Adjust)
            and effect.state == game.player
            and effect.stat in (fx.Stat.military, fx.Stat.offense)
        ):
            score += 1
    return score


class Passive:
    """Takes the first option of every event and orders nothing."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        return pending.open_options()[0]  # the first option, the historical one, if open

    def orders(self, game: Game) -> list[Order]:
        return []


class RandomPlayer:
    """Random choices and random legal orders."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(f"policy|{seed}")

    def choose(self, game: Game, pending: PendingChoice) -> int:
        return self.rng.choice(pending.open_options())

    def orders(self, game: Game) -> list[Order]:
        options = game.legal_orders()
        out: list[Order] = []
        for _ in range(self.rng.randint(0, 2)):
            if not options:
                break
            option = self.rng.choice(options)
            target = self.rng.choice(option.targets) if option.targets else None
            choice = self.rng.choice(option.options) if option.options else None
            out.append(Order(option.action, target, 1, choice))
        return out


class Hawk:
    """Arms, threatens its principal threat and allies with whoever will have it."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        open_ = pending.open_options()
        scores = [_hostility(game, pending, i) for i in open_]
        return open_[scores.index(max(scores))]

    def orders(self, game: Game) -> list[Order]:
        options = game.menu()
        threats = game.threats()
        out: list[Order] = []
        points = game.action_points
        ally, buildup = ACTIONS["ally"].base_cost, ACTIONS["buildup"].base_cost
        if points >= ally and "ally" in options:
            out.append(Order("ally", options["ally"].targets[0]))
            points -= ally
        elif points >= buildup:
            out.append(Order("buildup"))
            points -= buildup
        if (
            threats
            and points >= ACTIONS["threaten"].base_cost
            and game.check_order(Order("threaten", threats[0].rival)) is None
        ):  # what the threaten entry of the legal orders would list, for one target
            out.append(Order("threaten", threats[0].rival))
        return out


class Dove:
    """Takes the least hostile option, keeps a defensive posture, reassures its principal
    threat (or, when that state has nothing to forgive, whoever reads its record as the most
    hostile) and spends the rest of its action points on economic aid to the weakest
    state."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        open_ = pending.open_options()
        scores = [_hostility(game, pending, i) for i in open_]
        return open_[scores.index(min(scores))]

    def orders(self, game: Game) -> list[Order]:
        options = game.menu()
        view, player = game.view, game.player
        out: list[Order] = []
        points = game.action_points
        posture = (
            options.get("posture") if view.states[player].offense > POSTURE_DEFENSIVE else None
        )
        if posture and points >= posture.cost:
            out.append(Order("posture", option="defensive"))  # only if it lowers its offense
            points -= posture.cost
        reassure = options.get("reassure")
        if reassure and points >= reassure.cost:
            target = _to_reassure(game, reassure.targets)
            if target is not None:
                out.append(Order("reassure", target))
                points -= reassure.cost
        aid = options.get("aid")
        if aid and points >= aid.cost:
            threats = game.threats()
            principal = threats[0].rival if threats else None
            weak = [
                s for s in aid.targets if view.states[s].kind == ActorKind.state and s != principal
            ]  # never the corsairs, nor the threat itself
            if weak:
                weakest = min(weak, key=lambda s: (view.states[s].power, s))
                amount = min(aid.max_amount, points // aid.cost)
                out.append(Order("aid", weakest, amount, "economic"))
        return out


def _to_reassure(game: Game, targets: list[str]) -> str | None:
    """The dove's reassurance: its principal threat, if that state reads its record as
    hostile at all; otherwise the state that reads it as the most hostile; None when no
    one does (there is nothing for reassurance to offset)."""
    threats = game.threats()
    principal = threats[0].rival if threats else None
    reading: dict[str, float] = {}
    for state in targets:
        mine = game.threat_line(state, game.player)
        if mine is not None and mine.intentions > REASSURE_ABOVE:
            reading[state] = mine.intentions
    if principal in reading:
        return principal
    return max(reading, key=lambda s: (reading[s], s)) if reading else None


class ForcedChoices:
    """Another policy, but with some events' options chosen in advance: ``forced`` maps an
    event id to the 0-based option taken the first time that event asks (``entente
    simulate --choose`` and ``entente check``'s quick pass)."""

    def __init__(self, policy: Policy, forced: Mapping[str, int]) -> None:
        self.policy = policy
        self.forced = dict(forced)

    def choose(self, game: Game, pending: PendingChoice) -> int:
        index = self.forced.pop(pending.event, None)
        if index is not None and index in pending.open_options():
            return index
        return self.policy.choose(game, pending)

    def orders(self, game: Game) -> list[Order]:
        return self.policy.orders(game)


def make_policy(name: str, seed: str) -> Policy:
    """The policy called ``name``."""
    if name == "passive":
        return Passive()
    if name == "random":
        return RandomPlayer(seed)
    if name == "hawk":
        return Hawk()
    if name == "dove":
        return Dove()
    if name == "statesman":
        return Statesman()
    raise ValueError(f"unknown policy '{name}' (policies: {', '.join(POLICIES)})")
