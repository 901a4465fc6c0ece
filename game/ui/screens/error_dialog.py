"""Telling the player that something failed (a save that will not load, a campaign that
will not start); the game goes on once the message is read."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class ErrorDialog(ModalScreen[None]):
    """A clear message that something failed; the game goes on after it."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "OK")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box", classes="dialog") as box:
            box.border_title = self.title_text
            # A long reason scrolls rather than being cut off mid-sentence at 80x24.
            with VerticalScroll(id="error-scroll"):
                yield Static(self.message, id="error-message")
            yield Button("OK", id="error-ok", variant="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#error-ok").focus()

    @on(Button.Pressed, "#error-ok")
    def _ok(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the message."""
        self.dismiss(None)
