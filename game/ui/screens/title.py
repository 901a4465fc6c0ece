"""The title screen: new game, continue, load, help, quit.

It imports nothing from the engine: it is the first thing a player sees, and the campaign
loads in the background while it is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.ui import saves
from game.ui.messages import AutosaveFound

if TYPE_CHECKING:
    from game.campaign.models import Campaign

LOGO = "\n".join(
    (
        "╔═╗╔╗╔╔╦╗╔═╗╔╗╔╔╦╗╔═╗",
        "║╣ ║║║ ║ ║╣ ║║║ ║ ║╣ ",
        "╚═╝╝╚╝ ╩ ╚═╝╝╚╝ ╩ ╚═╝",
    )
)

TAGLINE = "a game of alliances and the balance of threat"

MENU = (
    ("new", "New game", "n"),
    ("tutorial", "Tutorial", "t"),
    ("continue", "Continue", "c"),
    ("load", "Load a game", "l"),
    ("help", "Help", "?"),
    ("quit", "Quit", "q"),
)


class TitleScreen(Screen[None]):
    """The game's front door."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_game", "New game"),
        Binding("t", "app.tutorial", "Tutorial"),
        Binding("c", "app.continue_game", "Continue"),
        Binding("l", "app.load", "Load"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(LOGO, id="logo")
            yield Static(TAGLINE, id="tagline")
            yield Static("Loading the campaign…", id="campaign-line")
            with Center():
                yield OptionList(*self._options(), id="menu")
        yield Footer()

    def _options(self) -> list[Option]:
        # Continue waits until a worker has found an autosave: reading them can take a
        # moment, and the title must not wait for it.
        options = []
        for key, label, hotkey in MENU:
            prompt = Content.assemble((f"{hotkey} ", "$foreground-muted"), label)
            options.append(Option(prompt, id=key, disabled=key == "continue"))
        return options

    def on_screen_resume(self) -> None:
        self.query_one("#menu", OptionList).focus()
        self.find_autosave()

    @work(thread=True, exclusive=True, group="title-autosave")
    def find_autosave(self) -> None:
        """Look for the most recent autosave, off the UI thread."""
        self.post_message(AutosaveFound(saves.latest_autosave()))

    def on_autosave_found(self, message: AutosaveFound) -> None:
        menu = self.query_one("#menu", OptionList)
        menu.get_option("continue").disabled = message.path is None
        menu.refresh()

    def show_campaign(
        self, campaign: Campaign | None, error: str | None = None, note: str | None = None
    ) -> None:
        """Show the default campaign (or why it could not be loaded), and ``note`` under it
        (a competition's title and the student's name)."""
        line = self.query_one("#campaign-line", Static)
        if campaign is None:
            line.update(Content.styled(error or "No campaign.", "$error"))
            return
        shown = Content.assemble(
            ("Campaign  ", "$foreground-muted"),
            (campaign.title, "bold"),
            ("  ·  ", "$foreground-muted"),
            f"{len(campaign.eras)} eras, {len(campaign.states)} states",
        )
        if note:
            shown = Content("\n").join([shown, Content.styled(note, "bold $accent")])
        line.update(shown)

    @on(OptionList.OptionSelected, "#menu")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        actions = {
            "new": "new_game",
            "tutorial": "tutorial",
            "continue": "continue_game",
            "load": "load",
            "help": "help",
            "quit": "quit",
        }
        await self.run_action(f"app.{actions[event.option.id or 'quit']}")
