"""Load a game: every save and autosave, newest first; enter loads the highlighted one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.ui.messages import SavesListed
from game.ui.saves import SaveInfo, list_saves


def save_prompt(info: SaveInfo) -> Content:
    """One save as the list shows it."""
    if info.problem:
        return Content.assemble(
            (info.name, "bold"), "  ", (f"{info.kind}, {info.problem}", "$error")
        )
    return Content.assemble(
        (info.name, "bold"),
        (f"  {info.kind}", "$foreground-muted"),
        f"\n  {info.campaign} · {info.player} · seed {info.seed} · "
        f"{info.turns} turn{'s' if info.turns != 1 else ''} played",
    )


class LoadScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen save's path, or None."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self) -> None:
        super().__init__()
        self.saves: list[SaveInfo] = []
        """The saves listed, once a worker has read them."""
        self.read = False
        """True once the saves have been read and listed."""

    def compose(self) -> ComposeResult:
        with Vertical(id="load-box", classes="dialog") as box:
            box.border_title = "Load a game"
            yield Static("Reading the saves…", id="load-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.read_saves()

    @work(thread=True, exclusive=True, group="load-list")
    def read_saves(self) -> None:
        """Read every save's header, off the UI thread."""
        self.post_message(SavesListed(list_saves(include_backups=True)))

    async def on_saves_listed(self, message: SavesListed) -> None:
        self.saves = message.saves
        if not self.saves:
            self.query_one("#load-empty", Static).update(
                "No saves yet: the game autosaves after every turn."
            )
        else:
            await self.query_one("#load-empty").remove()
            listing = OptionList(
                *(Option(save_prompt(s), id=str(i)) for i, s in enumerate(self.saves)),
                id="load-list",
            )
            await self.query_one("#load-box").mount(listing)
            listing.focus()
        self.read = True

    @on(OptionList.OptionSelected, "#load-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.saves[int(event.option.id or 0)].path)

    def action_cancel(self) -> None:
        """Close without loading."""
        self.dismiss(None)
