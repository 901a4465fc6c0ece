"""The command palette's game commands: every action of the screen in front of the player,
and on the situation room every order with its targets and every state's dossier."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from game.ui.host import GameHost

Command = tuple[str, str, Callable[[], object]]


class GameCommands(Provider):
    """Game actions for ``ctrl+p``."""

    def _fixed(self) -> list[Command]:
        app = cast("GameHost", self.app)
        commands: list[Command] = [("Help", "keys, commands and a primer", app.action_help)]
        from game.ui.screens.situation import SituationRoom

        screen = self.screen
        if isinstance(screen, SituationRoom):
            commands += [
                ("End turn", "submit the queued orders", screen.action_end_turn),
                ("Orders menu", "choose an order step by step", screen.action_orders),
                ("Map", "the states and their blocs", screen.action_map),
                ("Last report", "what happened last turn", screen.action_report),
                ("Undo", "remove the last queued order", screen.action_undo),
                ("Save", "save the game", app.action_save),
                ("Load", "load a saved game", app.action_load),
            ]
        else:
            commands += [
                ("New game", "choose a campaign, a state, a seed", app.action_new_game),
                ("Continue", "the most recent autosave", app.action_continue_game),
                ("Load", "load a saved game", app.action_load),
            ]
        commands.append(("Quit", "leave the game", app.exit))
        return commands

    def _orders(self) -> list[Command]:
        app = cast("GameHost", self.app)
        from game.ui.screens.situation import SituationRoom

        screen, game = self.screen, app.game
        if not isinstance(screen, SituationRoom) or game is None or app.busy:
            return []
        names = game.view.names()
        found: list[Command] = []
        for option in game.legal_orders():
            variants = option.options or [""]
            targets = option.targets or [""]
            for target in targets:
                for variant in variants:
                    line = " ".join(w for w in (option.action, target, variant) if w)
                    about = f"{names.get(target, '')}: {option.help} ({option.cost} AP)".lstrip(
                        ": "
                    )
                    found.append((line, about, partial(screen.run_command, line)))
        for state in game.view.ids():
            if state != game.player:
                why = f"why {state}"
                found.append(
                    (why, f"why {names[state]} threatens you", partial(screen.run_command, why))
                )
            line = f"inspect {state}"
            found.append((line, f"{names[state]}'s dossier", partial(screen.run_command, line)))
        return found

    async def discover(self) -> Hits:
        for text, about, command in self._fixed():
            yield DiscoveryHit(text, command, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, about, command in self._fixed() + self._orders():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, help=about)
