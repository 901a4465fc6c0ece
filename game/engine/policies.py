"""Scripted players for headless runs: passive, random, hawk and dove.

A policy answers events and writes each turn's orders through the same public calls a
person's front end uses. The random policy draws from its own generator, seeded from the
game's seed, so the engine's one generator is never touched by the player's side.
"""

from __future__ import annotations

import random
from typing import Protocol

from game.campaign import effects as fx
from game.engine.game import Game, OrderOption
from game.engine.orders import ACTIONS, Order
from game.engine.report import PendingChoice
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
    for effect in event.choices[index].effects:
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


def _options(game: Game) -> dict[str, OrderOption]:
    return {o.action: o for o in game.legal_orders()}


class Passive:
    """Takes the first option of every event and orders nothing."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        return 0

    def orders(self, game: Game) -> list[Order]:
        return []


class RandomPlayer:
    """Random choices and random legal orders."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(f"policy|{seed}")

    def choose(self, game: Game, pending: PendingChoice) -> int:
        return self.rng.randrange(len(pending.choices))

    def orders(self, game: Game) -> list[Order]:
        options = list(_options(game).values())
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
        scores = [_hostility(game, pending, i) for i in range(len(pending.choices))]
        return scores.index(max(scores))

    def orders(self, game: Game) -> list[Order]:
        options = _options(game)
        threats = game.threats()
        out: list[Order] = []
        points = game.action_points
        ally, buildup = ACTIONS["ally"].base_cost, ACTIONS["buildup"].base_cost
        if "ally" in options and points >= ally:
            out.append(Order("ally", options["ally"].targets[0]))
            points -= ally
        elif points >= buildup:
            out.append(Order("buildup"))
            points -= buildup
        if (
            threats
            and points >= ACTIONS["threaten"].base_cost
            and "threaten" in options
            and threats[0].rival in options["threaten"].targets
        ):
            out.append(Order("threaten", threats[0].rival))
        return out


class Dove:
    """Reassures its principal threat, aids the weak and keeps a defensive posture."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        scores = [_hostility(game, pending, i) for i in range(len(pending.choices))]
        return scores.index(min(scores))

    def orders(self, game: Game) -> list[Order]:
        options = _options(game)
        threats = game.threats()
        out: list[Order] = []
        if game.world.turn == 1:
            out.append(Order("posture", option="defensive"))
        if threats and "reassure" in options and threats[0].rival in options["reassure"].targets:
            out.append(Order("reassure", threats[0].rival))
        if "aid" in options:
            weakest = min(options["aid"].targets, key=lambda s: (game.world.states[s].power, s))
            out.append(Order("aid", weakest, 1, "economic"))
        return out


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
    raise ValueError(f"unknown policy '{name}' (policies: {', '.join(POLICIES)})")
