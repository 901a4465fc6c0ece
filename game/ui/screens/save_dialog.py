"""Naming a save: the player types a name; a bad one is explained at once."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from game.ui.saves import NAME_PATTERN


class SaveDialog(ModalScreen[str | None]):
    """Asks for a save's name; dismisses with it, or None."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box", classes="dialog") as box:
            box.border_title = "Save the game"
            yield Static("Name (letters, digits, - _ .):")
            # The default name is selected: typing replaces it, an arrow key keeps it.
            yield Input(self.default, id="save-name", select_on_focus=True)
            yield Static(id="save-problem")
        yield Footer()

    def on_mount(self) -> None:
        name = self.query_one("#save-name", Input)
        name.cursor_blink = False
        name.focus()

    @on(Input.Submitted, "#save-name")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if NAME_PATTERN.match(value):
            self.dismiss(value)
        else:
            self.query_one("#save-problem", Static).update(
                f"'{value}' is not a save name: use letters, digits, '-', '_' or '.'"
            )

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
