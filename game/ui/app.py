"""The Entente Textual application."""

from __future__ import annotations

from textual.app import App

from game.campaign.loader import LoadedCampaign
from game.ui.screens.briefing import BriefingScreen


class EntenteApp(App[None]):
    """The game in the terminal."""

    CSS_PATH = "entente.tcss"
    TITLE = "Entente"

    def __init__(self, loaded: LoadedCampaign, player: str, seed: str | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.player = player
        self.seed = seed
        self.sub_title = loaded.campaign.title

    def on_mount(self) -> None:
        self.push_screen(BriefingScreen(self.loaded, self.player))
