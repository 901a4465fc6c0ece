"""The command line: text-adventure commands with tab completion and a history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from game.ui.commands import complete

StatesSource = Callable[[], Sequence[str]]


class CommandSuggester(Suggester):
    """Suggests the first completion of what has been typed (shown as ghost text)."""

    def __init__(self, states: StatesSource) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.states = states

    async def get_suggestion(self, value: str) -> str | None:
        candidates = complete(value, self.states())
        if not candidates or not value.strip():
            return None
        # Keep what was typed as typed, so the ghost text lines up after it.
        return value + candidates[0][len(value) :]


class CommandLine(Input):
    """Type a command and press enter; tab completes, up and down walk the history."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete"),
        Binding("escape", "escape", "Clear / board"),
        Binding("up", "history(-1)", "Previous", show=False),
        Binding("down", "history(1)", "Next", show=False),
    ]

    class Candidates(Message):
        """Completions of what has been typed, for the hint line."""

        def __init__(self, candidates: list[str]) -> None:
            super().__init__()
            self.candidates = candidates

    def __init__(self, states: StatesSource, **kwargs) -> None:
        # Focus never selects the line: a key that moved the focus here is already in it,
        # and the next key must add to it, not replace it.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(suggester=CommandSuggester(states), **kwargs)
        self.states = states
        self.history: list[str] = []
        """Lines entered, oldest first."""
        self._history_at = 0
        self._cycle: list[str] = []

    async def action_escape(self) -> None:
        """Clear what is typed; on an empty line, go back to the threat board."""
        if self.value:
            self.value = ""
            self._cycle = []
        else:
            await self.run_action("screen.board")

    def remember(self, line: str) -> None:
        """Add an entered line to the history."""
        if line and (not self.history or self.history[-1] != line):
            self.history.append(line)
        self._history_at = len(self.history)

    def action_history(self, step: int) -> None:
        """Show the previous (-1) or next (+1) line of the history."""
        if not self.history:
            return
        self._history_at = max(0, min(len(self.history), self._history_at + step))
        self.value = self.history[self._history_at] if self._history_at < len(self.history) else ""
        self.cursor_position = len(self.value)

    def action_complete(self) -> None:
        """Complete the last word; pressing tab again cycles through the candidates."""
        if self._cycle and self.value in self._cycle:
            candidates = self._cycle
            choice = candidates[(candidates.index(self.value) + 1) % len(candidates)]
        else:
            candidates = complete(self.value, self.states())
            if not candidates:
                self.post_message(self.Candidates([]))
                return
            choice = candidates[0]
            if len(candidates) == 1 and complete(choice + " ", self.states()):
                choice += " "  # the word is settled: ready for the next one
        self._cycle = candidates if len(candidates) > 1 else []
        self.value = choice
        self.cursor_position = len(choice)
        self.post_message(self.Candidates(candidates))
