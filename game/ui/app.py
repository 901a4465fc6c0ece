"""The Entente Textual application: the screens of a game from title to debrief.

The app owns the game in progress. Engine calls run in worker threads (``workers.py``) and
come back as messages; the handlers here update the screens and move the game along:
briefing, events, orders, report, the next era's briefing, and finally the debrief.
Screens other than the title are imported when first needed, so the title appears fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.ui.menus import MenuActions, random_seed
from game.ui.messages import (
    CampaignLoaded,
    ChoiceResolved,
    GameFailed,
    GameReady,
    NoAutosave,
    TurnFailed,
    TurnResolved,
)
from game.ui.palette import GameCommands
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.competition.handin import Handin
    from game.engine import Game, Order, Problem, TurnReport
    from game.ui.orders_queue import OrderQueue
    from game.ui.screens.situation import SituationRoom


class EntenteApp(MenuActions):
    """The game in the terminal."""

    # The shared styles and the title screen's (the default screen, whose own CSS_PATH
    # Textual would not load); every other screen loads its .tcss when first shown, so
    # the title does not wait for their styles to be parsed.
    CSS_PATH: ClassVar = ["styles/app.tcss", "styles/title.tcss"]
    TITLE = "Entente"
    COMMANDS: ClassVar = MenuActions.COMMANDS | {GameCommands}
    # Textual declares this an instance variable, so it cannot be a ClassVar here.
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    # A short terminal (24 rows) gives the side panels the board's spare rows.
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "help", "Help", show=False)]

    def __init__(
        self,
        loaded: LoadedCampaign | None = None,
        *,
        player: str | None = None,
        seed: str | None = None,
        doctrine: str | None = None,
        start: str = "title",
        handin: Handin | None = None,
        game: Game | None = None,
        fresh: bool = True,
    ) -> None:
        """``start``: ``title`` (the title screen), ``new`` (a new game of ``loaded`` at
        once), ``continue`` (its most recent autosave, else a new game) or ``game`` (play
        ``game``, already started: a competition's, whose replay goes to ``handin``;
        ``fresh`` when it has just begun)."""
        super().__init__()
        self.handin = handin
        """A student's competition hand-in: the game's replay is written there."""
        self._given: tuple[Game, bool] | None = (game, fresh) if game is not None else None
        self.loaded = loaded
        self.player = player
        self.seed = seed
        self.doctrine = doctrine
        self.start = start
        self.game: Game | None = None
        """The game in progress."""
        self.queue: OrderQueue | None = None
        """This turn's orders."""
        self.busy = False
        """True while an engine worker runs: no other engine call starts meanwhile."""
        self.last_report: TurnReport | None = None
        self._want_new_game: str | None = None
        """A new game asked for while the campaign was loading: the campaign id to
        highlight ("" for the default)."""
        self.saved_mark: tuple[object, ...] | None = None
        """Where the game stood when it was last saved (see :meth:`unsaved_work`)."""

    @property
    def previous_threats(self) -> dict[str, float]:
        """The player's threats as it gave last turn's orders: the board's trend. Taken
        from the game's own record, so a reloaded game shows the same trend."""
        game = self.game
        return dict(game.history[-1].ordered) if game and game.history else {}

    # -- start-up --------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        """The title screen is the bottom of the stack: every game is played over it."""
        return TitleScreen()

    def on_mount(self) -> None:
        if self.loaded is None:
            self.call_after_refresh(self.load_default_campaign)
        else:
            self.call_after_refresh(self._show_campaign)
        if self.start == "new" and self.loaded is not None:
            self._start(self.loaded, self.seed or random_seed(), self.player, self.doctrine)
        elif self.start == "continue" and self.loaded is not None:
            self._begin_engine_call()
            self.continue_latest(self.loaded.campaign.id, self.player)
        elif self.start == "game" and self._given is not None:
            game, fresh = self._given
            self.post_message(GameReady(game, fresh=fresh, note=self.competition_note()))

    def competition_note(self) -> str | None:
        """What a student is told as their competition game opens."""
        handin = self.handin
        if handin is None:
            return None
        c = handin.competition
        due = f"; due {c.deadline}" if c.deadline else ""
        return (
            f"Competition: {c.title}{due}. You play as {handin.name}; your replay is saved "
            f"after every turn in {handin.folder}."
        )

    def on_no_autosave(self, message: NoAutosave) -> None:
        self.release_engine()
        if message.campaign is None:
            self.notify("No autosave yet: start a new game.")
        elif self.loaded is not None:
            # `entente play --continue` of a campaign never played: a new game begins.
            self.notify(f"No autosave of '{message.campaign}' yet: a new game begins.")
            self._start(self.loaded, self.seed or random_seed(), self.player, self.doctrine)

    def _show_campaign(self, error: str | None = None) -> None:
        note = None
        if self.handin is not None:
            c, name = self.handin.competition, self.handin.name
            due = f", due {c.deadline}" if c.deadline else ""
            note = f"Competition: {c.title}{due}. {name}: New game starts or continues your game."
        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.show_campaign(self.loaded.campaign if self.loaded else None, error, note)

    def on_campaign_loaded(self, message: CampaignLoaded) -> None:
        if self.loaded is None:
            self.loaded = message.loaded
        self._show_campaign(message.error)
        if self._want_new_game is not None and self.loaded is not None:
            wanted, self._want_new_game = self._want_new_game, None
            self.action_new_game(wanted or None)

    # -- the flow of a game ----------------------------------------------------------
    def _reset_to(self, screen: Screen) -> None:
        """Leave whatever is open and show ``screen`` over the title screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    @property
    def room(self) -> SituationRoom | None:
        """The situation room of the game in progress, if it is open."""
        from game.ui.screens.situation import SituationRoom

        return next((s for s in self.screen_stack if isinstance(s, SituationRoom)), None)

    def on_game_ready(self, message: GameReady) -> None:
        from game.ui.orders_queue import OrderQueue
        from game.ui.screens.briefing import BriefingScreen
        from game.ui.screens.situation import SituationRoom

        self.release_engine()
        game = self.game = message.game
        self.loaded = game.loaded
        self.queue = OrderQueue(game)
        dropped = self.queue.restore()
        self.saved_mark = None if message.fresh else self.progress()
        self.last_report = game.reports[-1] if game.reports else None
        if game.over:
            self._show_debrief()
            return
        room = SituationRoom()
        self._reset_to(room)
        room.call_after_refresh(self._fill_log, room)
        if message.note:
            self.notify(message.note, severity="warning", timeout=10)
        self.notify_dropped(dropped, "Queued orders the save held")
        if message.fresh:
            briefing = BriefingScreen(
                game.campaign, game.era, game.player, opening=True, worth=_worth(game)
            )
            self.push_screen(briefing, lambda _: self.next_step())
        else:
            self.notify(f"Loaded: {game.campaign.title}, {game.view.year}.")
            self.next_step()

    def notify_dropped(self, dropped: list[tuple[Order, Problem]], which: str) -> None:
        """Tell the player which queued orders (``which``: whose) could not be kept."""
        if not dropped or self.game is None:
            return
        from game.engine import problem_text

        names = self.game.view.names()
        lines = [f"{o}: {problem_text(p, names)}" for o, p in dropped]
        self.notify(
            f"{which} that cannot be given now:\n" + "\n".join(lines),
            severity="warning",
            timeout=10,
        )

    def _fill_log(self, room: SituationRoom) -> None:
        game = self.game
        if game is None:
            return
        room.add_news(f"{game.campaign.start_year} · the campaign opens", game.opening)
        # Each turn's decisions came before its orders: the log shows them in that order.
        decisions = list(game.answers)
        for report in game.reports:
            while decisions and decisions[0].turn <= report.turn:
                room.add_answer(decisions.pop(0))
            room.add_report(report)
        for decision in decisions:
            room.add_answer(decision)

    def next_step(self) -> None:
        """After a briefing, a report or a choice: the next event, or the debrief."""
        from game.ui.screens.event import EventModal

        game = self.game
        if game is None:
            return
        if game.over:
            self._show_debrief()
        elif game.pending:
            pending = game.pending[0]
            self.push_screen(EventModal(pending, game.view.year), self._chosen)

    def _chosen(self, index: int | None) -> None:
        game = self.game
        if game is None or index is None or not game.pending:
            return
        if self.busy:  # the last turn's autosave is being written: the answer waits for it
            self.when_engine_free(lambda: self._chosen(index))
        elif self._begin_engine_call():
            self.resolve_choice(game, game.pending[0].event, index)

    def on_choice_resolved(self, message: ChoiceResolved) -> None:
        self.release_engine()
        room = self.room
        if room is not None and self.game is not None and self.game.answers:
            room.add_answer(self.game.answers[-1])
            room.refresh_all()
        self.next_step()

    def end_turn(self) -> None:
        """Submit the queued orders and resolve the turn."""
        game, queue = self.game, self.queue
        if game is None or queue is None or game.over:
            return
        if game.pending:
            self.next_step()
            return
        if queue.left > 0 and queue.left == game.action_points:
            question = (
                f"No orders are queued: {queue.left} action points would go unspent. "
                "End the turn anyway?"
            )
        elif queue.left > 0:
            question = f"{queue.left} action points would go unspent. End the turn anyway?"
        else:
            question = None
        if question is None:
            self._submit_turn()
        else:
            self.confirm("confirm_end_turn", "End the turn?", question, self._submit_turn)

    def _submit_turn(self) -> None:
        game, queue = self.game, self.queue
        if game is None or queue is None or game.over or game.pending:
            return
        if self._begin_engine_call():
            room = self.room
            if room is not None:
                room.show_resolving()
            self.resolve_turn(game, list(queue.orders))

    def on_turn_failed(self, message: TurnFailed) -> None:
        from game.ui.orders_queue import OrderQueue
        from game.ui.screens.error_dialog import ErrorDialog

        self.release_engine()
        if message.game is None:  # the game could not be restored: back to the title
            self.action_title()
        else:
            self.game = message.game
            # The restored game holds the player's queued orders (its replay's draft):
            # they are kept, to try again.
            self.queue = OrderQueue(message.game)
            self.queue.restore()
            room = self.room
            if room is not None:
                room.refresh_all()
                room.show_hint("")
        self.push_screen(ErrorDialog("The turn could not be resolved", message.error))

    def on_turn_resolved(self, message: TurnResolved) -> None:
        from game.ui.screens.report import TurnReportScreen

        # The engine stays busy until the turn's autosave is written (``on_saved``).
        report = self.last_report = message.report
        if self.queue is not None:
            self.queue.clear()
        self.push_screen(TurnReportScreen(report, message.view.names()), self._after_report)
        # The room behind the report is brought up to date once the report is on screen:
        # the player reads the report meanwhile instead of waiting for both.
        self.call_after_refresh(self._show_in_room, report)

    def _show_in_room(self, report: TurnReport) -> None:
        """The turn's report in the situation room: its news in the log, the board anew."""
        room = self.room
        if room is not None:
            room.add_report(report)
            room.refresh_all()
            room.show_hint("")

    def _after_report(self, _: None = None) -> None:
        from game.ui.screens.briefing import BriefingScreen

        game, report = self.game, self.last_report
        if game is None or report is None:
            return
        if not game.over and report.era != game.era.id:
            self.push_screen(
                BriefingScreen(game.campaign, game.era, game.player, worth=_worth(game)),
                lambda _: self.next_step(),
            )
        else:
            self.next_step()

    def _show_debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        if self.game is not None:
            handin = self.handin
            note = None
            if handin is not None:
                note = (
                    f"Hand in {handin.replay_path.name} and {handin.debrief_path.name}, "
                    f"in {handin.folder}"
                )
            self._reset_to(DebriefScreen(self.game, handin_note=note))

    def _names(self) -> dict[str, str]:
        return self.game.view.names() if self.game else {}

    def on_game_failed(self, message: GameFailed) -> None:
        from game.ui.screens.error_dialog import ErrorDialog

        self.release_engine()
        self.push_screen(ErrorDialog(message.title, message.error))

    # -- screens any game screen opens -----------------------------------------------
    def open_dossier(self, state: str, why: bool = False) -> None:
        """A state's dossier (``why``: opened at the threat's explanation)."""
        from game.ui.screens.dossier import DossierScreen

        if self.game is not None and not self.busy:
            self.push_screen(DossierScreen(self.game, state, why))

    def open_map(self) -> None:
        """The map."""
        from game.ui.screens.map import MapScreen

        if self.game is not None and not self.busy:
            self.push_screen(MapScreen(self.game))

    def open_last_report(self) -> None:
        """Last turn's report again."""
        from game.ui.screens.report import TurnReportScreen

        if self.last_report is None:
            self.notify("No turn has been played yet.")
        else:
            self.push_screen(TurnReportScreen(self.last_report, self._names(), latest=False))


def _worth(game: Game) -> dict[str, int]:
    """Each objective's points in this game's score, by id (what the briefing shows)."""
    return {o.id: o.worth for o in game.objectives()}
