"""The rules: world state, threat assessment, AI doctrines, actions, events, scoring, replays.

Pure Python (and numpy), deterministic, and never imports textual. The public surface:
``new_game``, ``Game.legal_orders``, ``Game.submit``, ``Game.threats``, ``Game.explain``,
``Game.score`` and ``Game.replay``.
"""

from game.engine.game import Game, new_game
from game.engine.orders import ChoiceOrder, Order

__all__ = ["ChoiceOrder", "Game", "Order", "new_game"]
