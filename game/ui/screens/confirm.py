"""Asking once before an act the player may not mean: ending a turn with action points
unspent, quitting with work not yet saved, a hostile order against an ally.

``y`` or the Yes button goes ahead, ``n``, escape or No does not; the "don't ask again" box
is returned with the answer, so the caller can keep the choice in the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Static


@dataclass(frozen=True)
class Answer:
    """The player's answer: go ahead or not, and whether to stop asking."""

    yes: bool
    stop_asking: bool = False


class ConfirmDialog(ModalScreen[Answer]):
    """A yes-or-no question with a "don't ask again" box."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog") as box:
            box.border_title = self.title_text
            yield Static(self.question, id="confirm-question")
            yield Checkbox("Don't ask again", id="confirm-stop")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (y)", id="confirm-yes", variant="warning")
                yield Button(f"{self.no_label} (n)", id="confirm-no", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        # The safe answer has the focus: enter pressed in haste does not go ahead.
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.action_answer(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.action_answer(False)

    def action_answer(self, yes: bool) -> None:
        """Close with the answer (and the box, which counts only when going ahead)."""
        stop = self.query_one("#confirm-stop", Checkbox).value
        self.dismiss(Answer(yes, stop_asking=yes and stop))
