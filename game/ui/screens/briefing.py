"""The era briefing: the era's narrative, how it weighs the elements of threat, and the
player's objectives. Shown when a game begins and whenever a new era opens."""

from __future__ import annotations

from collections.abc import Mapping
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


def briefing_markdown(
    campaign: Campaign,
    era: Era,
    player: str,
    opening: bool,
    worth: Mapping[str, int] | None = None,
) -> str:
    """The briefing as Markdown: what the player reads before the era begins (``worth``:
    each objective's points in the score, by id; else the campaign's own points)."""
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
    lines += [f"## {era.title} ({era.start}-{era.end})", "", era.briefing_for(player).strip(), ""]
    weights = ", ".join(f"{label} {getattr(era.weights, name):g}" for name, label in WEIGHT_LABELS)
    lines += ["### How this era weighs threat", "", f"Weights: {weights}.", ""]
    if era.weights.note:
        lines += [era.weights.note.strip(), ""]
    objectives = [o for o in era.objectives if not o.players or player in o.players]
    if objectives:
        lines += ["### Objectives", ""]
        for objective in objectives:
            deadline = f", by {objective.deadline}" if objective.deadline else ""
            points = (worth or {}).get(objective.id, objective.points)
            lines.append(f"- {objective.text.strip()} (**{points}** points{deadline})")
    return "\n".join(lines) + "\n"


class BriefingScreen(Screen[None]):
    """The briefing of one era; enter begins it."""

    CSS_PATH = "../styles/pages.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "begin", "Begin"),
        Binding("escape", "begin", "Begin", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(
        self,
        campaign: Campaign,
        era: Era,
        player: str,
        opening: bool = False,
        worth: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.campaign = campaign
        self.era = era
        self.player = player
        self.opening = opening
        self.worth = worth
        """Each objective's points in the score, by id."""

    def compose(self) -> ComposeResult:
        kind = "Campaign briefing" if self.opening else "A new era"
        yield Static(f"{kind} · {self.era.start}", id="briefing-title", classes="screen-title")
        with VerticalScroll(id="briefing"):
            yield Markdown(
                briefing_markdown(self.campaign, self.era, self.player, self.opening, self.worth)
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#briefing").focus()

    def action_begin(self) -> None:
        """Close the briefing and play."""
        self.dismiss(None)
