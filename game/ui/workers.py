"""The app's worker threads: every engine call runs here and reports back by message.

A worker never touches a widget; the app's message handlers own the game's on-screen state.
Engine modules are imported inside the workers so the title screen appears before they load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from game.ui import saves
from game.ui.messages import (
    CampaignLoaded,
    CampaignReloaded,
    CampaignReloadFailed,
    ChoiceResolved,
    GameFailed,
    GameReady,
    NoAutosave,
    Saved,
    TurnFailed,
    TurnResolved,
    describe,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.campaign.loader import LoadedCampaign
    from game.competition.handin import Handin
    from game.engine import Game, Order, Replay
    from game.ui.watch import Record


def _failure(error: Exception) -> str:
    """What the player is told when the engine fails: what happened, and that their game
    is safe."""
    return (
        f"The engine failed ({describe(error)}). Your game is as it was before the turn; "
        "your orders are still queued. If it happens again, save and report it."
    )


def _restored(before: Replay, game: Game) -> Game | None:
    """The game as it stood before the failed call, re-simulated from its replay."""
    try:
        from game.engine import resimulate

        return resimulate(before, game.loaded)
    except Exception:  # the engine cannot even replay it: the caller goes to the title
        return None


class EngineWorkers(App[None]):
    """Workers of the Entente app (a base class: the app adds screens and handlers)."""

    loaded: LoadedCampaign | None
    handin: Handin | None
    """A student's competition hand-in: its replay replaces the autosave."""
    busy: bool
    """True while an engine worker runs: no other engine call starts meanwhile."""

    _waiting: Callable[[], None] | None = None
    """A player's answer that came while the engine was busy: given once it is free."""

    def _begin_engine_call(self) -> bool:
        """Claim the engine for one call; False (and a word to the player) if it is busy."""
        if self.busy:
            self.notify("The engine is still working; try again in a moment.")
            return False
        self.busy = True
        return True

    def when_engine_free(self, call: Callable[[], None]) -> None:
        """Make ``call`` now, or as soon as the engine call in progress ends (a turn's
        autosave is written after its report is shown, and a quick player may answer the
        next event meanwhile: the answer waits instead of being refused)."""
        if self.busy:
            self._waiting = call
        else:
            call()

    def release_engine(self) -> None:
        """The engine call in progress has ended: the engine is free again."""
        self.busy = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    @work(thread=True, exclusive=True, group="campaign")
    def load_default_campaign(self) -> None:
        """Load the default campaign in the background."""
        from game.campaign.errors import CampaignInvalid
        from game.campaign.library import resolve_campaign
        from game.campaign.loader import load_campaign

        try:
            self.post_message(CampaignLoaded(load_campaign(resolve_campaign(None))))
        except CampaignInvalid as invalid:
            self.post_message(CampaignLoaded(None, "\n".join(str(e) for e in invalid.errors)))

    @work(thread=True, group="watch")
    def reload_campaign(self, path: str, record: Record | None) -> None:
        """Read the watched campaign again and replay ``record`` (the game in progress, if
        it is of this campaign) on it, on a game of its own: the game in progress is not
        touched. A campaign that does not load, or on which the game cannot start, is
        reported with every problem; never a traceback."""
        from game.campaign.errors import CampaignInvalid
        from game.campaign.loader import load_campaign
        from game.ui.watch import replay_onto

        try:
            loaded = load_campaign(path)
        except CampaignInvalid as invalid:
            files = list(dict.fromkeys([*(e.file for e in invalid.errors), *invalid.files]))
            self.post_message(CampaignReloadFailed([str(e) for e in invalid.errors], files))
            return
        except Exception as error:  # whatever a half-written file does, the game goes on
            self.post_message(CampaignReloadFailed([f"{path}: {describe(error)}"], [path]))
            return
        if record is None:
            self.post_message(CampaignReloaded(loaded, None))
            return
        try:
            replayed = replay_onto(loaded, record)
        except Exception as error:  # the state played is gone, or an engine bug
            problem = f"{path}: the game cannot be replayed on it: {describe(error)}"
            self.post_message(CampaignReloadFailed([problem], [path]))
            return
        self.post_message(CampaignReloaded(loaded, replayed))

    @work(thread=True, exclusive=True, group="engine")
    def start_game(
        self, loaded: LoadedCampaign, seed: str, player: str, doctrine: str | None
    ) -> None:
        """Start a new game."""
        from game.engine import new_game

        try:
            game = new_game(loaded, seed, player, doctrine)
        except (ValueError, KeyError) as error:
            self.post_message(GameFailed("The game cannot start", describe(error)))
            return
        self.post_message(GameReady(game, fresh=True))

    @work(thread=True, exclusive=True, group="engine")
    def start_competition(self, handin: Handin, loaded: LoadedCampaign) -> None:
        """Start (or continue) a student's competition game."""
        from game.competition.settings import CompetitionError

        try:
            game, resumed = handin.start(loaded)
        except (CompetitionError, OSError) as error:
            self.post_message(GameFailed("Your competition game cannot start", describe(error)))
            return
        self.post_message(GameReady(game, fresh=not resumed, note=self.competition_note()))

    def competition_note(self) -> str | None:
        """What a student is told as their competition game opens (the app says it)."""
        return None

    @work(thread=True, exclusive=True, group="engine")
    def load_game_file(self, path: Path, with_backup: bool = False) -> None:
        """Load (re-simulate) a save; an autosave falls back on its backup."""
        self._load_save(path, with_backup)

    @work(thread=True, exclusive=True, group="engine")
    def continue_latest(self, campaign: str | None = None, player: str | None = None) -> None:
        """Load the most recent autosave (of ``campaign`` and ``player`` when given)."""
        path = saves.latest_autosave(campaign, player)
        if path is None:
            self.post_message(NoAutosave(campaign))
        else:
            self._load_save(path, with_backup=True)

    def _load_save(self, path: Path, with_backup: bool) -> None:
        try:
            if with_backup:
                game, problem = saves.load_with_backup(path, self.loaded)
            else:
                game, problem = saves.load_save(path, self.loaded), None
        except saves.SaveError as error:
            self.post_message(GameFailed("This save cannot be loaded", describe(error)))
            return
        note = (
            f"The autosave could not be used ({problem}); loaded the turn before it."
            if problem
            else None
        )
        self.post_message(GameReady(game, fresh=False, note=note))

    @work(thread=True, exclusive=True, group="engine")
    def resolve_turn(self, game: Game, orders: list[Order]) -> None:
        """Resolve the turn, report it, then autosave. The report goes first, so the
        player reads while the file is written; the engine stays claimed (``busy``) until
        the autosave is written, so no other engine call touches the game meanwhile.

        Should the engine fail, the app lives on: the game is rebuilt as it stood before the
        turn from its replay, and the player is told.
        """
        before = game.replay
        try:
            report = game.end_turn(orders)
            view = game.view  # the snapshot the app renders from, taken here
        except Exception as failure:  # an engine bug must not end the player's game
            self.post_message(TurnFailed(_restored(before, game), _failure(failure)))
            return
        self.post_message(TurnResolved(report, view))
        saved = self._keep(game)
        saved.frees_engine = True
        self.post_message(saved)

    def _keep(self, game: Game) -> Saved:
        """Write the game where it is kept after each turn and each decision: the
        autosave, or for a competition game the student's replay (and at the end the
        debrief)."""
        progress = saves.progress_of(game)
        try:
            path = self.handin.save(game) if self.handin is not None else saves.autosave(game)
        except (OSError, saves.SaveError) as failure:
            return Saved(None, describe(failure), auto=True, game=game, progress=progress)
        return Saved(path, None, auto=True, game=game, progress=progress)

    @work(thread=True, exclusive=True, group="engine")
    def resolve_choice(self, game: Game, event: str, index: int) -> None:
        """Apply the player's choice in an event."""
        from game.engine import ChoiceOrder

        before = game.replay
        try:
            news = game.choose(ChoiceOrder(event, index))
            view = game.view
        except Exception as failure:  # as for a turn: the game lives on
            self.post_message(TurnFailed(_restored(before, game), _failure(failure)))
            return
        # A choice is kept at once (in a competition, quitting cannot take it back); it is
        # written before the app hears of the choice, so no other call touches the game.
        saved = self._keep(game)
        self.post_message(ChoiceResolved(news, view))
        self.post_message(saved)

    @work(thread=True, group="saves")
    def write_save(self, game: Game, name: str) -> None:
        """Write a named save."""
        progress = saves.progress_of(game)
        try:
            path = saves.save_as(game, name)
        except saves.SaveError as error:
            self.post_message(Saved(None, describe(error), auto=False))
            return
        self.post_message(Saved(path, None, auto=False, game=game, progress=progress))
