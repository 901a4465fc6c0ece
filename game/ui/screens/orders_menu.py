"""The orders menu: pick an action, then its target, option and amount, by keyboard or
mouse. It returns the same command text the command line takes (``aid TES military 2``).

Every action is listed, always in the same order: one that cannot be given now is shown
disabled with the reason, so the entries never shift. Target lists mark the player's
allies."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import ACTIONS, Game, OrderOption, problem_text


class OrdersMenu(ModalScreen[str | None]):
    """Dismisses with a command line, or None when cancelled."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def __init__(self, game: Game, points_left: int) -> None:
        super().__init__()
        self.game = game
        self.points_left = points_left
        self.options = {o.action: o for o in game.legal_orders()}
        self.unavailable = game.unavailable_orders()
        """Actions that cannot be given now, with why."""
        self.words: list[str] = []
        """The command built so far."""

    def compose(self) -> ComposeResult:
        with Vertical(id="orders-box", classes="dialog") as box:
            box.border_title = "Orders"
            yield Static(id="orders-step")
            yield OptionList(id="orders-list")
            yield Static(id="orders-about")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _stage(self) -> tuple[str, list[Option]]:
        """The question to ask next, with its answers; ('', []) when the order is whole."""
        names = self.game.view.names()
        if not self.words:
            rows = []
            for action in ACTIONS.values():
                cost = f"{action.base_cost} AP{' a point' if action.max_amount > 1 else ''}"
                problem = self.unavailable.get(action.name)
                if problem is None:
                    label = Content.assemble((f"{action.name:<10}", "bold"), (cost, "$accent"))
                    rows.append(Option(label, id=action.name))
                    continue
                label = Content.assemble(
                    (f"{action.name:<10}", "$text-disabled"),
                    (cost, "$text-disabled"),
                    ("  unavailable: ", "$text-disabled"),
                    (problem_text(problem, names), "$text-disabled"),
                )
                rows.append(Option(label, id=action.name, disabled=True))
            return f"{self.points_left} AP left this turn. Choose an action:", rows
        option: OrderOption = self.options[self.words[0]]
        given = len(self.words) - 1
        slots: list[tuple[str, list[tuple[str, str]]]] = []
        if option.targets:
            threats = {t.rival: t.threat for t in self.game.threats()}
            allies = self.game.view.allies_of(self.game.player)
            slots.append(
                (
                    f"{option.action}: which state?",
                    [
                        (
                            t,
                            f"{t:<4} {names[t]}  (threat {threats.get(t, 0):.2f})"
                            + ("  ★ your ally" if t in allies else ""),
                        )
                        for t in option.targets
                    ],
                )
            )
        if option.options:
            slots.append((f"{' '.join(self.words)}: which?", [(o, o) for o in option.options]))
        if option.max_amount > 1:
            slots.append(
                (
                    f"{' '.join(self.words)}: how much?",
                    [
                        (str(n), f"{n}  ({n * option.cost} AP)")
                        for n in range(1, option.max_amount + 1)
                    ],
                )
            )
        if given >= len(slots):
            return "", []
        question, answers = slots[given]
        return question, [Option(label, id=value) for value, label in answers]

    def _show(self) -> None:
        question, rows = self._stage()
        if not rows:
            self.dismiss(" ".join(self.words))
            return
        self.query_one("#orders-step", Static).update(question)
        menu = self.query_one("#orders-list", OptionList)
        menu.clear_options()
        menu.add_options(rows)
        menu.highlighted = next((i for i, row in enumerate(rows) if not row.disabled), 0)
        menu.focus()

    @on(OptionList.OptionHighlighted, "#orders-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option = self.options.get(event.option.id or "") if not self.words else None
        about = self.query_one("#orders-about", Static)
        about.display = option is not None
        if option is not None:
            about.update(Content.styled(option.help, "$foreground-muted"))

    @on(OptionList.OptionSelected, "#orders-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.words.append(event.option.id or "")
        self._show()

    def action_back(self) -> None:
        """One step back; out of the menu from the first step."""
        if not self.words:
            self.dismiss(None)
            return
        self.words.pop()
        self._show()
