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
    """The player's allies, then the blocs (alliances joined by shared members: the
    player's first, then the largest), each with its alliances and their members (the
    player's own in bold), then guarantees and the unallied states."""
    styles = bloc_styles(list(world.alliances))
    lines: list[Content] = []
    allies = world.allies_of(player)
    lines.append(
        Content.assemble(("Your bloc ", "bold"), " ".join(allies))
        if allies
        else Content.assemble(("Your bloc ", "bold"), ("none: you stand alone", UNALLIED_STYLE))
    )
    blocs = sorted(world.blocs(), key=lambda b: player not in b.members)
    for bloc in blocs:
        if len(bloc.alliances) > 1:
            lead = world.states[bloc.leader].name
            lines.append(
                Content.styled(
                    f"Bloc of {lead}: {len(bloc.members)} states, {len(bloc.alliances)} alliances",
                    "bold $foreground-muted",
                )
            )
        own = [a for a in bloc.alliances if player in world.alliances[a].members]
        for alliance_id in own + [a for a in bloc.alliances if a not in own]:
            lines.append(_alliance_line(world, alliance_id, player, styles[alliance_id]))
    if len(lines) == 1 and not blocs:
        lines.append(Content.styled("No alliances.", UNALLIED_STYLE))
    guarantees = [f"{a}→{b}" for a, b in world.guarantees]
    if guarantees:
        lines.append(Content.assemble(("Guarantees ", "bold"), " ".join(guarantees)))
    allied = {m for a in world.alliances.values() for m in a.members}
    alone = [s for s in world.ids() if s not in allied]
    if alone:
        lines.append(Content.assemble(("Unallied ", "bold $foreground-muted"), " ".join(alone)))
    return Content("\n").join(lines)


def _alliance_line(world: WorldView, alliance_id: str, player: str, style: str) -> Content:
    alliance = world.alliances[alliance_id]
    mine = player in alliance.members
    against = f" vs {alliance.against}" if alliance.against else ""
    return Content.assemble(
        ("★ " if mine else "■ ", style),
        (alliance.name, f"bold {style}" if mine else style),
        "\n  ",
        " ".join(alliance.members),
        (against, "$foreground-muted"),
    )


class AllianceList(VerticalScroll, can_focus=True):
    """The blocs, with their members; the player's own alliances are starred and first.
    It scrolls (and Tab reaches it) when they do not all fit."""

    def compose(self) -> ComposeResult:
        yield Static(id="alliances-text")

    def show(self, world: WorldView, player: str) -> None:
        """Show the alliances of ``world``."""
        self.query_one("#alliances-text", Static).update(alliances_content(world, player))
