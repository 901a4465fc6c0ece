"""The era briefing: the era's narrative, how it weighs the elements of threat, and the
player's objectives. Shown when a game begins and whenever a new era opens."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from game.campaign.models import Campaign, Era

WEIGHT_LABELS = (
    ("power", "aggregate power"),
    ("proximity", "geographic proximity"),
    ("offense", "offensive capabilities"),
    ("intentions", "offensive intentions"),
)


def briefing_markdown(campaign: Campaign, era: Era, player: str, opening: bool) -> str:
    """The briefing as Markdown: what the player reads before the era begins."""
    you = campaign.state(player)
    lines: list[str] = []
    if opening:
        lines += [
            f"# {campaign.title}",
            f"*{campaign.start_year}-{campaign.end_year} · you play **{you.name}** ({you.id})*",
            "",
            campaign.description.strip(),
            "",
        ]
    lines += [f"## {era.title} ({era.start}-{era.end})", "", era.briefing.strip(), ""]
    weights = ", ".join(f"{label} {getattr(era.weights, name):g}" for name, label in WEIGHT_LABELS)
    lines += ["### How this era weighs threat", "", f"Weights: {weights}.", ""]
    if era.weights.note:
        lines += [era.weights.note.strip(), ""]
    objectives = [o for o in era.objectives if not o.players or player in o.players]
    if objectives:
        lines += ["### Objectives", ""]
        for objective in objectives:
            deadline = f", by {objective.deadline}" if objective.deadline else ""
            lines.append(f"- {objective.text.strip()} (**{objective.points}** points{deadline})")
    return "\n".join(lines) + "\n"


class BriefingScreen(Screen[None]):
    """The briefing of one era; enter begins it."""

    CSS_PATH = "../styles/pages.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "begin", "Begin"),
        Binding("escape", "begin", "Begin", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, campaign: Campaign, era: Era, player: str, opening: bool = False) -> None:
        super().__init__()
        self.campaign = campaign
        self.era = era
        self.player = player
        self.opening = opening

    def compose(self) -> ComposeResult:
        kind = "Campaign briefing" if self.opening else "A new era"
        yield Static(f"{kind} · {self.era.start}", id="briefing-title", classes="screen-title")
        with VerticalScroll(id="briefing"):
            yield Markdown(briefing_markdown(self.campaign, self.era, self.player, self.opening))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#briefing").focus()

    def action_begin(self) -> None:
        """Close the briefing and play."""
        self.dismiss(None)
