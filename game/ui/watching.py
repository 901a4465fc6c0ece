"""``entente play FILE --watch``: the game, with its campaign reloaded on every save.

A timer polls the campaign's files (:class:`~game.ui.watch.CampaignWatch`); when one
changed, a worker reads the campaign again and replays the player's decisions on a game of
its own (:func:`~game.ui.watch.replay_onto`). Here the result is put on screen: the new game
at the same turn, the player on the screen they were on, and a word on what was replayed;
or, for a campaign that does not load, a panel of its problems while the game goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.app import EntenteApp
from game.ui.messages import CampaignReloaded, CampaignReloadFailed
from game.ui.screens.campaign_errors import CampaignErrors
from game.ui.watch import POLL_SECONDS, CampaignWatch, Replayed, record_of

if TYPE_CHECKING:
    from textual.screen import Screen

    from game.campaign.loader import LoadedCampaign
    from game.engine import Game
    from game.ui.screens.situation import SituationRoom


class WatchingApp(EntenteApp):
    """The game in the terminal, its campaign watched for edits."""

    def __init__(
        self,
        loaded: LoadedCampaign,
        *,
        player: str | None = None,
        seed: str | None = None,
        doctrine: str | None = None,
        start: str = "new",
    ) -> None:
        """A game of ``loaded``, whose files are watched; the options as for
        :class:`EntenteApp` (a competition's game is never watched: it is fixed)."""
        super().__init__(loaded, player=player, seed=seed, doctrine=doctrine, start=start)
        self.watcher = CampaignWatch(loaded)
        """The campaign's files and how they stood when last read."""
        self._replaying: tuple[Game, tuple[int, int]] | None = None
        """The game being replayed by the reload in progress, and where it stood."""

    def on_mount(self) -> None:
        # Textual runs EntenteApp.on_mount as well (every class's handler is called): this
        # one only starts the poll.
        self.set_interval(POLL_SECONDS, self.check_campaign_files)

    def _watched(self, game: Game | None) -> bool:
        return game is not None and game.loaded.source == self.watcher.main

    def check_campaign_files(self) -> bool:
        """Reload the campaign if one of its files changed since it was read (the timer's
        call); True when a reload began. Waits while the engine or a reload is at work."""
        watcher, game = self.watcher, self.game
        if watcher.reloading or self.busy or not watcher.changed():
            return False
        watcher.begin()
        record = record_of(game) if game is not None and self._watched(game) else None
        self._replaying = None if game is None or record is None else (game, record.progress)
        self.reload_campaign(watcher.main, record)
        return True

    def _moved_on(self) -> bool:
        """True when the game changed while the reload ran (a turn, a choice, another
        game): the replay is out of date."""
        if self.busy:
            return True
        game = self.game
        if self._replaying is None:
            return self._watched(game)
        was, progress = self._replaying
        return game is not was or (game.world.turn, len(game.answers)) != progress

    def on_campaign_reloaded(self, message: CampaignReloaded) -> None:
        watcher = self.watcher
        watcher.reloading = False
        watcher.follow(message.loaded)
        if self._moved_on():
            watcher.again()
            return
        replayed, game = message.replayed, self.game
        if replayed is None or game is None:  # no game of this campaign: the next one has it
            if game is None:
                self.loaded = message.loaded
                self._show_campaign()
            self._close_errors()
            self.notify(f"Reloaded {watcher.name}.")
            return
        self.loaded = message.loaded
        self._put_on_screen(replayed, game)

    def _put_on_screen(self, replayed: Replayed, before: Game) -> None:
        """Show ``replayed``'s game in place of ``before``, where the player was."""
        from game.ui.orders_queue import OrderQueue

        shown = self._top()
        board = self._board_state()
        new = replayed.game
        if new.world.turn == before.world.turn:
            new.queued[:] = before.queued  # the orders as queued now, checked again below
        self.game = new
        self.queue = OrderQueue(new)
        dropped = self.queue.restore()
        self.last_report = new.reports[-1] if new.reports else None
        if new.over:
            self._show_debrief()
        else:
            self._show_room(board)
            self._reopen(shown, whole=replayed.stop is None)
        if replayed.stop is None:
            self.notify(replayed.note(self.watcher.name))
        else:
            self.notify(replayed.note(self.watcher.name), severity="warning", timeout=20)
        self.notify_dropped(dropped, "Queued orders")

    def on_campaign_reload_failed(self, message: CampaignReloadFailed) -> None:
        self.watcher.reloading = False
        self.watcher.add(message.files)
        panel = next((s for s in self.screen_stack if isinstance(s, CampaignErrors)), None)
        if panel is None:
            self.push_screen(CampaignErrors(self.watcher.name, message.errors))
        else:
            panel.show(message.errors)

    # -- where the player was ------------------------------------------------------------
    def _close_errors(self) -> None:
        if isinstance(self.screen, CampaignErrors):
            self.pop_screen()

    def _top(self) -> Screen | None:
        """The screen the player is on, past the errors panel (None: the title)."""
        shown = [s for s in self.screen_stack[1:] if not isinstance(s, CampaignErrors)]
        return shown[-1] if shown else None

    def _board_state(self) -> tuple[str | None, str]:
        """The rival highlighted on the board and the text on the command line."""
        from textual.widgets import Input

        from game.ui.widgets.threat_board import ThreatBoard

        room = self.room
        if room is None:
            return None, ""
        return room.query_one(ThreatBoard).selected, room.query_one("#command", Input).value

    def _show_room(self, board: tuple[str | None, str]) -> None:
        """A new situation room for the new game, its log refilled (the campaign's words may
        have changed), the same rival highlighted and the same command half-typed."""
        from game.ui.screens.situation import SituationRoom

        room = SituationRoom()
        self._reset_to(room)
        room.call_after_refresh(self._fill_log, room)
        room.call_after_refresh(self._restore_board, room, board)

    def _restore_board(self, room: SituationRoom, board: tuple[str | None, str]) -> None:
        from textual.widgets import Input

        from game.ui.widgets.threat_board import ThreatBoard

        rival, typed = board
        threats = room.query_one(ThreatBoard)
        if rival is not None and rival in [row.rival for row in threats.rows]:
            threats.selected = rival
            threats.show(threats.rows)
        room.query_one("#command", Input).value = typed

    def _reopen(self, shown: Screen | None, whole: bool) -> None:
        """Open again, on the new game, the screen the player was on: the report or the
        briefing they were reading (when the whole game was replayed), else the event that
        awaits a choice, or the dossier, map or help they had open. Dialogs close."""
        from game.ui.screens.briefing import BriefingScreen
        from game.ui.screens.dossier import DossierScreen
        from game.ui.screens.help import HelpScreen
        from game.ui.screens.map import MapScreen
        from game.ui.screens.report import TurnReportScreen

        game = self.game
        if game is None:
            return
        if whole and isinstance(shown, TurnReportScreen) and self.last_report is not None:
            report = TurnReportScreen(self.last_report, game.view.names(), latest=shown.latest)
            self.push_screen(report, self._after_report if shown.latest else None)
            return
        if whole and isinstance(shown, BriefingScreen):
            worth = {o.id: o.worth for o in game.objectives()}
            briefing = BriefingScreen(
                game.campaign, game.era, game.player, opening=shown.opening, worth=worth
            )
            self.push_screen(briefing, lambda _: self.next_step())
            return
        self.next_step()
        if game.pending:
            return  # the event asks first
        if isinstance(shown, DossierScreen) and shown.state in game.view.ids():
            self.open_dossier(shown.state, shown.why)
        elif isinstance(shown, MapScreen):
            self.open_map()
        elif isinstance(shown, HelpScreen):
            self.action_help()
