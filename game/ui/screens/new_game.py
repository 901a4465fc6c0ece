"""New game: the campaign, the state to play (with its dossier), the seed and the AI
doctrine (the theory switch). Enter moves from one choice to the next; the last starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from game.campaign.loader import LoadedCampaign

DOCTRINES = (
    ("The campaign's own", ""),
    ("Balance of threat (Walt)", "balance_of_threat"),
    ("Balance of power", "balance_of_power"),
    ("Bandwagon", "bandwagon"),
)
DOCTRINE_NOTES = {
    "": "Computer-run states follow the campaign's doctrines.",
    "balance_of_threat": "Every state allies against its most threatening rival (Walt).",
    "balance_of_power": "Every state allies against the most powerful state.",
    "bandwagon": "Every state joins the strongest.",
}


@dataclass(frozen=True)
class NewGameChoice:
    """What the player chose: the game to start."""

    loaded: LoadedCampaign
    player: str
    seed: str
    doctrine: str | None


def campaign_content(loaded: LoadedCampaign) -> Content:
    """A campaign's title, years and description."""
    c = loaded.campaign
    return Content.assemble(
        (c.title, "bold $accent"),
        (
            f"\n{c.start_year}-{c.end_year} · {len(c.eras)} eras · {len(c.states)} states · "
            f"{c.action_points} action points a turn\n\n",
            "$foreground-muted",
        ),
        c.description.strip(),
    )


def state_content(loaded: LoadedCampaign, state_id: str) -> Content:
    """A playable state's short dossier."""
    s = loaded.campaign.state(state_id)
    return Content.assemble(
        (f"{s.name} ({s.id})", "bold $accent"),
        (
            f"\n{s.region} · power {s.power.value:.2f} · military {s.military:g}\n\n",
            "$foreground-muted",
        ),
        (s.dossier or "").strip(),
    )


class NewGameScreen(Screen[NewGameChoice | None]):
    """Choose the game to start."""

    CSS_PATH = "../styles/new_game.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start"),
        Binding("t", "tutorial", "Tutorial"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(
        self,
        campaigns: list[LoadedCampaign],
        seed: str,
        player: str | None = None,
        first: int = 0,
    ) -> None:
        """``first``: the index of the campaign highlighted when the screen opens."""
        super().__init__()
        self.campaigns = campaigns
        self.first = first if 0 <= first < len(campaigns) else 0
        self.seed = seed
        self.player = player

    def compose(self) -> ComposeResult:
        yield Static("New game", classes="screen-title")
        with Horizontal(id="new-game"):
            with Vertical(id="new-game-form"):
                yield OptionList(
                    *(Option(lc.campaign.title, id=str(i)) for i, lc in enumerate(self.campaigns)),
                    id="campaigns",
                )
                yield OptionList(id="states")
                with Horizontal(classes="field"):
                    yield Label("Seed", classes="field-label")
                    yield Input(self.seed, id="seed", compact=True, select_on_focus=False)
                with Horizontal(classes="field"):
                    yield Label("AI", classes="field-label")
                    yield Select(
                        [(label, value) for label, value in DOCTRINES],
                        value="",
                        allow_blank=False,
                        compact=True,
                        id="doctrine",
                    )
                yield Button("Start", id="start", variant="primary", compact=True)
            with VerticalScroll(id="new-game-info"):
                yield Static(id="campaign-info")
                yield Static(id="state-info")
                yield Static(id="doctrine-info")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#campaigns").border_title = "Campaign"
        self.query_one("#states").border_title = "Your state"
        self.query_one("#seed", Input).cursor_blink = False
        self.query_one("#campaigns", OptionList).highlighted = self.first
        self._show_campaign(self.first)
        self.query_one("#states", OptionList).focus()

    @property
    def loaded(self) -> LoadedCampaign:
        """The highlighted campaign."""
        return self.campaigns[self.query_one("#campaigns", OptionList).highlighted or 0]

    def _show_campaign(self, index: int) -> None:
        loaded = self.campaigns[index]
        c = loaded.campaign
        self.query_one("#campaign-info", Static).update(campaign_content(loaded))
        states = self.query_one("#states", OptionList)
        states.clear_options()
        states.add_options(Option(f"{c.state(s).name} ({s})", id=s) for s in c.playable)
        wanted = self.player if self.player in c.playable else c.default_player
        states.highlighted = c.playable.index(wanted)
        self.query_one("#state-info", Static).update(state_content(loaded, wanted))
        self._show_doctrine()

    def _show_doctrine(self) -> None:
        value = self.query_one("#doctrine", Select).value
        note = DOCTRINE_NOTES.get(str(value), "")
        self.query_one("#doctrine-info", Static).update(
            Content.assemble(("AI doctrine  ", "bold"), note)
        )

    @on(OptionList.OptionHighlighted, "#campaigns")
    def _campaign(self, event: OptionList.OptionHighlighted) -> None:
        self._show_campaign(event.option_index)

    @on(OptionList.OptionHighlighted, "#states")
    def _state(self, event: OptionList.OptionHighlighted) -> None:
        # A highlight posted before the campaign changed names a state of the old one.
        if event.option.id and event.option.id in self.loaded.campaign.playable:
            self.query_one("#state-info", Static).update(
                state_content(self.loaded, event.option.id)
            )

    @on(OptionList.OptionSelected, "#campaigns")
    def _campaign_chosen(self) -> None:
        self.query_one("#states").focus()

    @on(OptionList.OptionSelected, "#states")
    def _state_chosen(self) -> None:
        self.query_one("#seed").focus()

    @on(Select.Changed, "#doctrine")
    def _doctrine(self) -> None:
        self._show_doctrine()

    @on(Input.Submitted, "#seed")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Start the game as chosen."""
        states = self.query_one("#states", OptionList)
        index = states.highlighted or 0
        player = self.loaded.campaign.playable[index]
        seed = self.query_one("#seed", Input).value.strip() or self.seed
        doctrine = str(self.query_one("#doctrine", Select).value) or None
        self.dismiss(NewGameChoice(self.loaded, player, seed, doctrine))

    def action_tutorial(self) -> None:
        """Highlight the tutorial campaign (the short invented one that teaches the basics)."""
        from game.campaign.library import TUTORIAL_CAMPAIGN

        for i, loaded in enumerate(self.campaigns):
            if loaded.campaign.id == TUTORIAL_CAMPAIGN:
                self.query_one("#campaigns", OptionList).highlighted = i
                self.query_one("#states").focus()
                return
        self.notify("The tutorial is not installed.", severity="warning")

    def action_cancel(self) -> None:
        """Back to the title screen."""
        self.dismiss(None)
