"""Watch mode's panel of a campaign that does not load: every problem as FILE:LINE:COL.

The game behind it goes on as it was; the panel closes with escape, and by itself once
the campaign loads again.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class CampaignErrors(ModalScreen[None]):
    """The problems of the watched campaign, one a line; the game goes on behind."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "Close")]

    def __init__(self, name: str, errors: list[str]) -> None:
        super().__init__()
        self.file_name = name
        self.errors = list(errors)
        """The problems shown, each ``FILE:LINE:COL: message``."""

    def compose(self) -> ComposeResult:
        with Vertical(id="reload-box", classes="dialog") as box:
            box.border_title = self._title()
            with VerticalScroll(id="reload-scroll"):
                yield Static(self._listing(), id="reload-errors", markup=False)
            yield Static(
                "Your game goes on as it was. Save the file again to reload it.",
                id="reload-note",
            )
            yield Button("Close", id="reload-ok", variant="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reload-ok").focus()

    def _title(self) -> str:
        n = len(self.errors)
        return f"{self.file_name} does not load ({n} problem{'s' if n != 1 else ''})"

    def _listing(self) -> str:
        return "\n".join(self.errors)

    def show(self, errors: list[str]) -> None:
        """Show another reload's problems in place of these."""
        self.errors = list(errors)
        if self.is_mounted:
            self.query_one("#reload-box").border_title = self._title()
            self.query_one("#reload-errors", Static).update(self._listing())

    @on(Button.Pressed, "#reload-ok")
    def _ok(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the panel (the problems stay until the file is saved again)."""
        self.dismiss(None)
