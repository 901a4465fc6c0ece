"""An event that waits for the player's choice: its story, the choices, and the campaign's
hint for the highlighted one. A number key or a click picks a choice; enter does not, so
a key pressed in haste never answers an event the player has not read."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import ChoiceOption, PendingChoice


def choice_prompt(number: int, choice: ChoiceOption) -> Content:
    """A choice as the list shows it: its number, label and text, what it costs, and why
    it is closed when it is."""
    parts: list[str | tuple[str, str]] = [(f"{number} ", "bold $accent"), (choice.label, "bold")]
    if choice.cost:
        noun = "action point" if choice.cost == 1 else "action points"
        parts.append((f"  (costs {choice.cost} {noun} of this turn's)", "$warning"))
    if choice.text:
        parts += ["\n  ", (choice.text, "$foreground-muted")]
    if not choice.open:
        parts += ["\n  ", (f"Closed: {choice.closed_because}.", "$error")]
    return Content.assemble(*parts)


class EventModal(ModalScreen[int]):
    """Dismisses with the index (0-based) of the chosen option."""

    CSS_PATH = "../styles/event.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", "Choose", key_display="1-9"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, 10)),
        # Before the list's own enter (which would select): enter only says how to choose.
        Binding("enter", "explain_choosing", "How to choose", show=False, priority=True),
    ]

    def __init__(self, pending: PendingChoice, year: int) -> None:
        super().__init__()
        self.pending = pending
        self.year = year

    def compose(self) -> ComposeResult:
        with Vertical(id="event-box") as box:
            box.border_title = f"{self.year} · {self.pending.title}"
            box.border_subtitle = f"press 1-{len(self.pending.choices)}"
            with VerticalScroll(id="event-text-scroll"):
                yield Static(self.pending.text, id="event-text")
            yield OptionList(
                *(
                    Option(choice_prompt(i, c), id=str(i - 1), disabled=not c.open)
                    for i, c in enumerate(self.pending.choices, 1)
                ),
                id="event-choices",
            )
            yield Static(id="event-hint")
        yield Footer()

    def on_mount(self) -> None:
        choices = self.query_one("#event-choices", OptionList)
        first = self.pending.open_options()[0]
        choices.highlighted = first
        choices.focus()
        self._show_hint(first)

    def _show_hint(self, index: int) -> None:
        hint = self.pending.choices[index].hint
        widget = self.query_one("#event-hint", Static)
        widget.display = bool(hint)
        widget.update(Content.assemble(("Hint  ", "bold $warning"), hint))

    @on(OptionList.OptionHighlighted, "#event-choices")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_hint(int(event.option.id or 0))

    @on(OptionList.OptionSelected, "#event-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(int(event.option.id or 0))

    def action_choose(self, index: int) -> None:
        """Pick choice ``index`` (0-based), if there is one."""
        if not 0 <= index < len(self.pending.choices):
            return
        option = self.pending.choices[index]
        if not option.open:  # shown, so the player sees what they cannot do, and why
            self.notify(f"Option {index + 1} is closed: {option.closed_because}.", timeout=5)
            return
        self.dismiss(index)

    def action_explain_choosing(self) -> None:
        """Enter picks nothing: say how a choice is made."""
        highlighted = self.query_one("#event-choices", OptionList).highlighted or 0
        self.notify(
            f"Press {highlighted + 1} to choose the highlighted option, or click it "
            f"(1-{len(self.pending.choices)} choose).",
            timeout=4,
        )
