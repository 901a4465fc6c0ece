"""The player's objectives on the main screen, each pending, achieved or failed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine import ObjectiveState
from game.ui.render import objective_line


def objectives_content(objectives: list[ObjectiveState]) -> Content:
    """Open objectives first (what the player can still act on), then the decided ones."""
    if not objectives:
        return Content.styled("No objectives in this era.", "$foreground-muted")
    ordered = [o for o in objectives if o.status == "pending"]
    ordered += [o for o in objectives if o.status != "pending"]
    return Content("\n").join(objective_line(o) for o in ordered)


class ObjectivesPanel(VerticalScroll, can_focus=True):
    """The objectives; it scrolls (and Tab reaches it) when they do not all fit."""

    def compose(self) -> ComposeResult:
        yield Static(id="objectives-text")

    def show(self, objectives: list[ObjectiveState]) -> None:
        """Show ``objectives``, with a count of those achieved in the title."""
        done = sum(1 for o in objectives if o.status == "achieved")
        self.border_title = f"Objectives {done}/{len(objectives)}"
        self.query_one("#objectives-text", Static).update(objectives_content(objectives))
