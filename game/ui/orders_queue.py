"""The orders the player queues during a turn, checked as they are queued.

Pure Python: each order is checked with the engine's own rule (``Game.check_order``)
against the action points still unspent, so the player sees a refusal at once; the engine checks
every order again when the turn resolves and reports what it refuses.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ACTIONS, Game, Order, Problem, ProblemKind

ONCE_A_TURN = ("ally", "break", "guarantee", "buildup", "posture")
"""Actions that make no sense twice in one turn (the second would only be refused)."""


@dataclass
class OrderQueue:
    """This turn's orders for one game, with their cost.

    The orders are the game's own draft (``Game.queued``), so a save written mid-turn
    keeps them and the engine clears them when the turn is submitted.
    """

    game: Game

    @property
    def orders(self) -> list[Order]:
        """The queued orders, in the order given."""
        return self.game.queued

    def restore(self) -> list[tuple[Order, Problem]]:
        """Check the game's draft again (a loaded save's orders were never checked): keep
        what passes, in order, and return what was dropped with the reason."""
        draft = list(self.orders)
        self.orders.clear()
        dropped = []
        for order in draft:
            problem = self.add(order)
            if problem is not None:
                dropped.append((order, problem))
        return dropped

    @property
    def spent(self) -> int:
        """Action points the queued orders cost."""
        return sum(cost(order) for order in self.orders)

    @property
    def left(self) -> int:
        """Action points still unspent this turn."""
        return self.game.action_points - self.spent

    def check(self, order: Order) -> Problem | None:
        """Why ``order`` cannot be queued now (the engine's reason, as data), or None."""
        for queued in self.orders:
            same_kind = queued.action == order.action and order.action in ONCE_A_TURN
            if same_kind and queued.target == order.target:
                return Problem(
                    ProblemKind.already_queued, order.action, order.target, (str(queued),)
                )
        return self.game.check_order(order, self.left)

    def add(self, order: Order) -> Problem | None:
        """Queue ``order`` if it passes :meth:`check`; returns the refusal otherwise."""
        problem = self.check(order)
        if problem is None:
            self.orders.append(order)
        return problem

    def undo(self) -> Order | None:
        """Remove and return the last queued order (None when the queue is empty)."""
        return self.orders.pop() if self.orders else None

    def clear(self) -> None:
        """Remove every queued order."""
        self.orders.clear()


def cost(order: Order) -> int:
    """Action points an order costs."""
    return ACTIONS[order.action].cost(order)
