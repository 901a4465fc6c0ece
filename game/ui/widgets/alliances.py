"""The alliances and blocs of the world now, each with its members: the player's own
first, so it is readable on the smallest screen; the panel scrolls and takes the focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine import WorldView
from game.ui.render import UNALLIED_STYLE, bloc_styles


def alliances_content(world: WorldView, player: str) -> Content:
    """The player's allies, every alliance with its members (the player's first, in bold),
    then guarantees and the unallied states."""
    styles = bloc_styles(list(world.alliances))
    lines: list[Content] = []
    allies = world.allies_of(player)
    lines.append(
        Content.assemble(("Your bloc ", "bold"), " ".join(allies))
        if allies
        else Content.assemble(("Your bloc ", "bold"), ("none: you stand alone", UNALLIED_STYLE))
    )
    own = [a for a in sorted(world.alliances) if player in world.alliances[a].members]
    others = [a for a in sorted(world.alliances) if player not in world.alliances[a].members]
    for alliance_id in own + others:
        alliance = world.alliances[alliance_id]
        style = styles[alliance_id]
        marker = "★ " if player in alliance.members else "■ "
        members = " ".join(alliance.members)
        against = f" vs {alliance.against}" if alliance.against else ""
        lines.append(
            Content.assemble(
                (marker, style),
                (alliance.name, f"bold {style}" if player in alliance.members else style),
                "\n  ",
                members,
                (against, "$foreground-muted"),
            )
        )
    if not lines:
        lines.append(Content.styled("No alliances.", UNALLIED_STYLE))
    guarantees = [f"{a}→{b}" for a, b in world.guarantees]
    if guarantees:
        lines.append(Content.assemble(("Guarantees ", "bold"), " ".join(guarantees)))
    allied = {m for a in world.alliances.values() for m in a.members}
    alone = [s for s in world.ids() if s not in allied]
    if alone:
        lines.append(Content.assemble(("Unallied ", "bold $foreground-muted"), " ".join(alone)))
    return Content("\n").join(lines)


class AllianceList(VerticalScroll, can_focus=True):
    """The blocs, with their members; the player's own alliances are starred and first.
    It scrolls (and Tab reaches it) when they do not all fit."""

    def compose(self) -> ComposeResult:
        yield Static(id="alliances-text")

    def show(self, world: WorldView, player: str) -> None:
        """Show the alliances of ``world``."""
        self.query_one("#alliances-text", Static).update(alliances_content(world, player))
