"""The situation room: the threat board, the blocs, the orders of this turn, the log, and
the command line. Every action here is also a key, a menu entry and a palette command."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from game.engine import (
    ACTIONS,
    FACTORS,
    EventAnswer,
    News,
    Order,
    Refusal,
    TurnReport,
    refusal_text,
)
from game.ui.commands import CommandError, UiCommand, parse
from game.ui.orders_queue import cost
from game.ui.widgets.alliances import AllianceList
from game.ui.widgets.command_line import CommandLine
from game.ui.widgets.news_log import NewsLog
from game.ui.widgets.objectives_panel import ObjectivesPanel
from game.ui.widgets.orders_panel import OrdersPanel
from game.ui.widgets.status_bar import StatusBar
from game.ui.widgets.threat_board import RivalRow, ThreatBoard

if TYPE_CHECKING:
    from game.ui.host import GameHost

BOARD_HINT = "Board keys: e end, o orders, d dossier, m map, s save, ? help; or type a command"
"""The hint on the board (one line at 80 columns): its keys are shortcuts."""
RESOLVING = "Resolving the turn…"
RESOLVING_REFUSAL = "The turn is being resolved: wait for its report, then give your orders."


class SituationRoom(Screen[None]):
    """The main screen of a game in progress."""

    CSS_PATH = "../styles/situation.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "end_turn", "End"),
        Binding("o", "orders", "Orders"),
        Binding("d", "dossier", "Dossier"),
        Binding("m", "map", "Map"),
        Binding("r", "report", "Report"),
        Binding("s", "app.save", "Save"),
        Binding("l", "app.load", "Load", show=False),
        Binding("u", "undo", "Undo", show=False),
        # A priority binding runs as the key arrives, before the keys behind it are
        # dispatched: text typed (or pasted) right after ":" reaches the command line.
        Binding("colon,slash", "command", "Type", key_display=":", priority=True),
        Binding("question_mark", "app.help", "Help"),
        Binding("escape", "board", "Board", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    @property
    def entente(self) -> GameHost:
        """The app, typed."""
        return cast("GameHost", self.app)

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield ThreatBoard(id="board")
        with Horizontal(id="lower"):
            yield NewsLog(id="log")
            with Vertical(id="side"):
                yield AllianceList(id="alliances")
                yield ObjectivesPanel(id="objectives")
                yield OrdersPanel(id="orders")
        yield CommandLine(self._states, id="command", placeholder=self._placeholder(), compact=True)
        yield Static(id="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        game = self.entente.game
        assert game is not None
        self.query_one("#log").border_title = "Log"
        self.query_one("#alliances").border_title = "Alliances"
        self.query_one("#orders").border_title = "Orders this turn"
        self.query_one("#command", CommandLine).cursor_blink = False
        self.refresh_all()
        self.query_one(ThreatBoard).focus_rows()

    def _placeholder(self) -> str:
        """Examples of commands, with this game's own state ids."""
        game = self.entente.game
        if game is None:
            return "help · end   (tab completes)"
        threats = [t.rival for t in game.threats()]
        rival = threats[0] if threats else game.player
        other = threats[-1] if threats else game.player
        return f"why {rival} · ally {other} · buildup · end · help   (tab completes)"

    def _states(self) -> list[str]:
        game = self.entente.game
        return game.view.ids() if game else []

    # -- showing the game ------------------------------------------------------------
    def refresh_all(self) -> None:
        """Show the game as it stands now."""
        app = self.entente
        game, queue = app.game, app.queue
        if game is None or queue is None:
            return
        names = game.view.names()
        previous = app.previous_threats
        rows = [
            RivalRow(
                line.rival,
                names[line.rival],
                line.threat,
                {f: getattr(line, f) for f in FACTORS},
                (line.threat - previous[line.rival]) if line.rival in previous else None,
            )
            for line in game.threats()
        ]
        board = self.query_one(ThreatBoard)
        board.border_title = f"Threats to {names[game.player]}"
        board.show(rows)
        self.query_one(StatusBar).show(game, queue.left)
        self.query_one(AllianceList).show(game.view, game.player)
        self.query_one(ObjectivesPanel).show(game.objectives())
        self.query_one(OrdersPanel).show(queue)

    def add_news(self, heading: str, news: list[News]) -> None:
        """Add news to the log."""
        self.query_one(NewsLog).add_entry(heading, news)

    def add_answer(self, decision: EventAnswer) -> None:
        """Add the player's answer to an event to the log."""
        self.add_news(f"{decision.year} · your decision", decision.news)

    def add_report(self, report: TurnReport) -> None:
        """Add a resolved turn's news to the log."""
        self.add_news(f"{report.year} · turn {report.turn}", report.news)

    def show_hint(self, text: str | Content, error: bool = False) -> None:
        """A one-line message under the command line."""
        style = "$error" if error else "$foreground-muted"
        content = Content.styled(text, style) if isinstance(text, str) else text
        hint = self.query_one("#hint", Static)
        # One line replacing one line keeps the room's layout: re-laying out the whole
        # room (a 50-row board) would delay the turn being resolved behind it.
        width = hint.content_size.width
        layout = not (_one_line(content, width) and _one_line(hint.visual, width))
        hint.update(content, layout=layout)

    def show_resolving(self) -> None:
        """Say that the turn is being resolved (orders wait until its report)."""
        self.show_hint(Content.styled(RESOLVING, "bold $warning"))

    # -- commands --------------------------------------------------------------------
    def run_command(self, line: str) -> bool:
        """Carry out a command line; False (with a message under it) if it failed."""
        game, queue = self.entente.game, self.entente.queue
        if game is None or queue is None:
            return False
        if self.entente.busy:
            # The turn is being resolved on the game these orders are for: taking an order
            # now would lose it when the report arrives, so say so instead.
            self.show_hint(RESOLVING_REFUSAL, error=True)
            return False
        try:
            parsed = parse(line, game.view.ids())
        except CommandError as error:
            self.show_hint(str(error), error=True)
            return False
        if isinstance(parsed, Order):
            return self._queue(parsed)
        return self._ui(parsed)

    def _queue(self, order: Order) -> bool:
        queue = self.entente.queue
        assert queue is not None
        problem = queue.check(order)
        if problem:
            text = refusal_text(Refusal(order, problem), queue.game.view.names())
            self.show_hint(f"Refused: {text}", error=True)
            return False
        game = queue.game
        if ACTIONS[order.action].hostile and order.target in game.view.allies_of(game.player):
            name = game.view.names()[order.target]
            self.entente.confirm(
                "confirm_against_ally",
                "Against an ally?",
                f"{name} is your ally. '{order}' is a hostile act: it will remember it, "
                "and so will the states watching. Queue it anyway?",
                lambda: self._add(order),
            )
            return True
        self._add(order)
        return True

    def _add(self, order: Order) -> None:
        queue = self.entente.queue
        if queue is None or queue.add(order) is not None:
            return
        self.show_hint(
            Content.assemble(
                ("Queued ", "$success"),
                (str(order), "bold"),
                f" ({cost(order)} AP); {queue.left} AP left.",
            )
        )
        self.refresh_all()

    def _ui(self, command: UiCommand) -> bool:
        verb, app = command.verb, self.entente
        if verb in ("why", "inspect") and command.argument:
            app.open_dossier(command.argument, why=verb == "why")
        elif verb == "undo":
            self.action_undo()
        elif verb == "clear":
            assert app.queue is not None
            app.queue.clear()
            self.show_hint("Orders cleared.")
            self.refresh_all()
        elif verb == "save" and command.argument:
            app.save_named(command.argument)
        else:
            actions = {
                "end": self.action_end_turn,
                "map": self.action_map,
                "report": self.action_report,
                "save": app.action_save,
                "load": app.action_load,
                "help": app.action_help,
                "quit": app.exit,
            }
            actions[verb]()
        return True

    @on(Input.Submitted, "#command")
    def _submitted(self, event: Input.Submitted) -> None:
        line = event.value.strip()
        command = self.query_one(CommandLine)
        command.remember(line)
        command.value = ""
        if line:
            self.run_command(line)

    @on(CommandLine.Candidates)
    def _candidates(self, event: CommandLine.Candidates) -> None:
        if len(event.candidates) > 1:
            words = [c.split()[-1] for c in event.candidates]
            self.show_hint("Completions: " + "  ".join(words))
        elif not event.candidates:
            self.show_hint("No completion.")
        else:
            self.show_hint("")

    @on(ThreatBoard.Inspect)
    def _inspect(self, event: ThreatBoard.Inspect) -> None:
        self.entente.open_dossier(event.rival)

    # -- actions ---------------------------------------------------------------------
    def action_end_turn(self) -> None:
        """Submit the queued orders and resolve the turn."""
        self.entente.end_turn()

    def action_orders(self) -> None:
        """Open the orders menu; its order goes through the command line's checks."""
        app = self.entente
        if app.game is None or app.queue is None:
            return
        from game.ui.screens.orders_menu import OrdersMenu

        def chosen(line: str | None) -> None:
            if line:
                self.run_command(line)

        self.app.push_screen(OrdersMenu(app.game, app.queue.left), chosen)

    def action_dossier(self) -> None:
        """The dossier of the highlighted rival."""
        rival = self.query_one(ThreatBoard).selected
        if rival:
            self.entente.open_dossier(rival)

    def action_map(self) -> None:
        """The map."""
        self.entente.open_map()

    def action_report(self) -> None:
        """Last turn's report."""
        self.entente.open_last_report()

    def action_undo(self) -> None:
        """Remove the last queued order."""
        if self.entente.busy:
            self.show_hint(RESOLVING_REFUSAL, error=True)
            return
        queue = self.entente.queue
        removed = queue.undo() if queue else None
        self.show_hint(f"Removed: {removed}" if removed else "No order to undo.")
        self.refresh_all()

    def action_command(self) -> None:
        """Type a command (``:`` typed on the command line itself is text)."""
        command = self.query_one(CommandLine)
        if self.focused is command:
            command.insert_text_at_cursor(":")
            return
        # At once, not after a refresh: the keys already on their way must find it.
        self.set_focus(command)

    def action_board(self) -> None:
        """Back to the threat board (from the command line), saying what keys do there."""
        self.query_one(ThreatBoard).focus_rows()
        self.show_hint(BOARD_HINT)

    def on_key(self, event: events.Key) -> None:
        """A letter the board does not use starts the command line with it: the player
        typing a command is never sent to the board's shortcuts mid-word."""
        command = self.query_one(CommandLine)
        # Letters only: every command begins with one, and a digit or a space pressed on
        # the board (an event's number a moment too late) is not the start of a command.
        if self.focused is command or event.character is None or not event.character.isalpha():
            return
        if event.key in self._shortcut_keys:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(command)
        command.insert_text_at_cursor(event.character)

    @cached_property
    def _shortcut_keys(self) -> frozenset[str]:
        """The board's shortcut keys (worked out once, not on every key)."""
        keys: set[str] = set()
        for binding in self.BINDINGS:
            if isinstance(binding, Binding):
                keys.update(k.strip() for k in binding.key.split(","))
        return frozenset(keys)


def _one_line(content: object, width: int) -> bool:
    """Whether ``content`` (a hint's text) fits on one line ``width`` cells wide."""
    if not isinstance(content, Content):
        return False
    return "\n" not in content.plain and content.cell_length <= width
