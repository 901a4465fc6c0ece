"""The app's menu actions: help, new game, continue, load and save, and back to the title.

They are bound to keys on several screens, to the title menu and to the command palette.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.messages import Saved
from game.ui.workers import EngineWorkers

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.engine import Game
    from game.ui.orders_queue import OrderQueue
    from game.ui.settings import Settings


def random_seed() -> str:
    """A fresh seed for a new game (shown, and editable, before the game starts)."""
    return f"{secrets.randbelow(1_000_000):06d}"


class MenuActions(EngineWorkers):
    """Actions a player reaches from menus, keys and the command palette."""

    game: Game | None
    queue: OrderQueue | None
    seed: str | None
    player: str | None
    _want_new_game: str | None
    saved_mark: tuple[object, ...] | None
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """The player's settings (read from their file when first needed)."""
        if self._settings is None:
            from game.ui.settings import load_settings  # read when first asked, not at start

            self._settings = load_settings()
        return self._settings

    def confirm(self, setting: str, title: str, question: str, then: Callable[[], None]) -> None:
        """Ask ``question`` before ``then``, unless the player turned the question off (the
        boolean setting ``setting``); "don't ask again" turns it off and saves that."""
        from game.ui.screens.confirm import Answer, ConfirmDialog
        from game.ui.settings import save_settings

        if not getattr(self.settings, setting):
            then()
            return

        def answered(answer: Answer | None) -> None:
            if answer is None or not answer.yes:
                return
            if answer.stop_asking:
                self._settings = replace(self.settings, **{setting: False})
                problem = save_settings(self._settings)
                if problem:
                    self.notify(problem, severity="warning")
            then()

        self.push_screen(ConfirmDialog(title, question), answered)

    # -- unsaved work ------------------------------------------------------------------
    def progress(self) -> tuple[object, ...]:
        """Where the game stands, as far as a save is concerned: its turn, the decisions
        taken and the orders queued."""
        from game.ui.saves import progress_of

        return progress_of(self.game) if self.game is not None else ()

    def unsaved_work(self) -> str | None:
        """What quitting now would lose, in words, or None."""
        game = self.game
        if game is None or game.over or self.progress() == self.saved_mark:
            return None
        lost: list[str] = []
        if game.queued:
            n = len(game.queued)
            lost.append(f"{n} queued order{'s' if n != 1 else ''}")
        saved = self.saved_mark
        if saved is None or saved[:2] != self.progress()[:2]:
            lost.append("decisions made since the last save")
        return " and ".join(lost) if lost else None

    async def action_quit(self) -> None:
        """Leave the game, asking first when queued orders or decisions would be lost."""
        lost = self.unsaved_work()
        if lost is None:
            self.exit()
            return
        self.confirm(
            "confirm_quit",
            "Quit?",
            f"Quitting now loses {lost} (the autosave holds the game as of the last "
            "resolved turn). Quit anyway?",
            self.exit,
        )

    def _start(
        self, loaded: LoadedCampaign, seed: str, player: str | None, doctrine: str | None
    ) -> None:
        if self._begin_engine_call():
            self.start_game(loaded, seed, player or loaded.campaign.default_player, doctrine)

    def action_help(self) -> None:
        """Keys, commands and the primer."""
        from game.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.game.score if self.game is not None else None))

    def action_title(self) -> None:
        """Back to the title screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.game = self.queue = None

    def _competition_fixed(self) -> bool:
        """In a competition, never another game (True): at the title, New game and Continue
        start or continue the student's own game; during it, they say the game is fixed."""
        if self.handin is None:
            return False
        if self.game is None and self.loaded is not None:
            if self._begin_engine_call():
                self.start_competition(self.handin, self.loaded)
            return True
        self.notify(
            "This is a competition game: its settings are fixed. To start over, run entente "
            "play --competition FILE --name NAME --restart (the replay counts the attempt).",
            timeout=10,
        )
        return True

    def action_tutorial(self) -> None:
        """Choose and start a new game of the tutorial (it comes highlighted)."""
        from game.campaign.library import TUTORIAL_CAMPAIGN

        self.action_new_game(TUTORIAL_CAMPAIGN)

    def action_new_game(self, campaign: str | None = None) -> None:
        """Choose and start a new game (in a competition: the student's own game);
        ``campaign``: the id of the campaign to highlight (default: the loaded one)."""
        from game.ui.screens.new_game import NewGameChoice, NewGameScreen

        if self._competition_fixed():
            return
        if self.loaded is None:
            self._want_new_game = campaign or ""
            self.notify("Loading the campaign…")
            return

        def chosen(choice: NewGameChoice | None) -> None:
            if choice is not None:
                self._start(choice.loaded, choice.seed, choice.player, choice.doctrine)

        seed = self.seed or random_seed()
        campaigns = self._campaigns()
        first = next((i for i, lc in enumerate(campaigns) if lc.campaign.id == campaign), 0)
        self.push_screen(NewGameScreen(campaigns, seed, self.player, first), chosen)

    def _campaigns(self) -> list[LoadedCampaign]:
        from game.campaign.errors import CampaignInvalid
        from game.campaign.library import shipped_campaigns
        from game.campaign.loader import load_campaign

        found = [self.loaded] if self.loaded else []
        for path in shipped_campaigns():
            if any(Path(lc.source).resolve() == path.resolve() for lc in found):
                continue
            try:
                found.append(load_campaign(path))
            except CampaignInvalid:
                self.notify(
                    f"{path.name} does not load; run entente validate on it.", severity="warning"
                )
        return found

    def action_continue_game(self) -> None:
        """Load the most recent autosave (looked up in a worker: it reads the files)."""
        if self._competition_fixed():
            return
        if self._begin_engine_call():
            self.continue_latest()

    def action_load(self) -> None:
        """Choose a save and load it."""
        from game.ui.screens.load import LoadScreen

        if self.handin is not None:
            self.notify("This is a competition: your own game is the only one to load.")
            return

        def chosen(path: Path | None) -> None:
            if path is not None and self._begin_engine_call():
                self.load_game_file(path)

        self.push_screen(LoadScreen(), chosen)

    def action_save(self) -> None:
        """Name a save and write it."""
        from game.ui.screens.save_dialog import SaveDialog

        game = self.game
        if game is None:
            self.notify("There is no game to save.")
            return
        default = f"{game.campaign.id}-{game.player}-{game.view.year}"

        def named(name: str | None) -> None:
            if name:
                self.save_named(name)

        self.push_screen(SaveDialog(default), named)

    def save_named(self, name: str) -> None:
        """Write a named save."""
        if self.game is not None and self._begin_engine_call():
            self.write_save(self.game, name)

    def on_saved(self, message: Saved) -> None:
        if not message.auto or message.frees_engine:
            self.release_engine()
        if not message.error and message.game is self.game:
            self.saved_mark = message.progress
        if message.error:
            what = "Autosave" if message.auto else "Save"
            self.notify(f"{what} failed: {message.error}", severity="error", timeout=10)
        elif not message.auto and message.path is not None:
            self.notify(f"Saved to {message.path}")
