"""What the game's screens and the command palette need from the app, as a protocol.

Screens reach the app through ``self.app``; typing it as this protocol (rather than as
``EntenteApp``) keeps the app, its palette and its screens free of import cycles: the app
imports the screens, and the screens import only this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.engine import Game
    from game.ui.orders_queue import OrderQueue


class GameHost(Protocol):
    """The app as a game screen sees it."""

    game: Game | None
    """The game in progress."""
    queue: OrderQueue | None
    """This turn's orders."""
    busy: bool
    """True while an engine worker runs."""

    @property
    def previous_threats(self) -> dict[str, float]:
        """The player's threats as it gave last turn's orders."""

    def confirm(self, setting: str, title: str, question: str, then: Callable[[], None]) -> None:
        """Ask ``question`` before ``then`` unless the player turned ``setting`` off."""

    def end_turn(self) -> None:
        """Submit the queued orders and resolve the turn."""

    def open_dossier(self, state: str, why: bool = False) -> None:
        """A state's dossier."""

    def open_map(self) -> None:
        """The map."""

    def open_last_report(self) -> None:
        """Last turn's report again."""

    def save_named(self, name: str) -> None:
        """Write a named save."""

    def action_save(self) -> None:
        """Name a save and write it."""

    def action_load(self) -> None:
        """Choose a save and load it."""

    def action_help(self) -> None:
        """Keys, commands and the primer."""

    def action_new_game(self, campaign: str | None = None) -> None:
        """Choose and start a new game (``campaign``: the id to highlight)."""

    def action_tutorial(self) -> None:
        """Choose and start a new game of the tutorial."""

    def action_continue_game(self) -> None:
        """Load the most recent autosave."""

    def exit(self) -> None:
        """Leave the game."""
