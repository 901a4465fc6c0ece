"""The era briefing: the campaign, the era's narrative, its objectives and the states."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from game.campaign.loader import LoadedCampaign
from game.campaign.models import Campaign, Era


def briefing_markdown(campaign: Campaign, era: Era, player: str) -> str:
    """The briefing as Markdown: what the player reads before the era begins."""
    you = campaign.state(player)
    lines = [
        f"# {campaign.title}",
        f"*{campaign.start_year}-{campaign.end_year} · you play **{you.name}***",
        "",
        campaign.description.strip(),
        "",
        f"## {era.title} ({era.start}-{era.end})",
        "",
        era.briefing.strip(),
    ]
    objectives = [o for o in era.objectives if not o.players or player in o.players]
    if objectives:
        lines += ["", "## Objectives", ""]
        lines += [f"- {o.text.strip()} (**{o.points}** points)" for o in objectives]
    lines += ["", "## The states", "", "| State | Region | Capital |", "|---|---|---|"]
    for state in campaign.states:
        if state.present:
            capital = state.capital.name if state.capital else "none (non-state actor)"
            lines.append(f"| {state.name} ({state.id}) | {state.region} | {capital} |")
    return "\n".join(lines) + "\n"


class BriefingScreen(Screen[None]):
    """Shows the briefing of the campaign's current era."""

    BINDINGS: ClassVar = [Binding("q", "app.quit", "Quit")]

    def __init__(self, loaded: LoadedCampaign, player: str) -> None:
        super().__init__()
        self.loaded = loaded
        self.player = player

    def compose(self) -> ComposeResult:
        campaign = self.loaded.campaign
        yield Header()
        with VerticalScroll(id="briefing"):
            yield Markdown(briefing_markdown(campaign, campaign.eras[0], self.player))
        yield Footer()
