"""The map of the present states, coloured by bloc, with a legend."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import Game
from game.ui.render import UNALLIED_STYLE, bloc_styles
from game.ui.widgets.map_view import MapView, far_states


def legend_content(game: Game) -> Content:
    """Each bloc with its colour and members, the unallied states, the player, the states
    drawn at the edge (far from all the others, with their distance) and the actors with no
    capital (which the map cannot place)."""
    world, player = game.view, game.player
    styles = bloc_styles(list(world.alliances))
    parts: list[Content] = []
    for alliance_id in sorted(world.alliances):
        alliance = world.alliances[alliance_id]
        parts.append(
            Content.assemble(
                ("■ ", styles[alliance_id]),
                (alliance.name, "bold"),
                ": " + " ".join(alliance.members),
            )
        )
    allied = {m for a in world.alliances.values() for m in a.members}
    alone = [s for s in world.ids() if s not in allied and world.states[s].lat is not None]
    if alone:
        parts.append(
            Content.assemble(("■ ", UNALLIED_STYLE), ("unallied", "bold"), ": " + " ".join(alone))
        )
    parts.append(
        Content.assemble((f" {player} ", "bold reverse"), f" you, {world.states[player].name}")
    )
    for far in far_states(world):
        parts.append(
            Content.assemble(
                ("far off the map: ", "$foreground-muted"),
                f"{far.state} {world.states[far.state].name}, "
                f"{far.km:,.0f} km to the {far.direction} {far.arrow}",
            )
        )
    stateless = [s for s in world.ids() if world.states[s].lat is None]
    if stateless:
        names = ", ".join(f"{s} {world.states[s].name}" for s in stateless)
        parts.append(Content.assemble(("no capital: ", "$foreground-muted"), names))
    return Content("\n").join(parts)


class MapScreen(Screen[None]):
    """The states at their capitals."""

    CSS_PATH = "../styles/map.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,m", "close", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game

    def compose(self) -> ComposeResult:
        game = self.game
        yield Static(f"Map · {game.campaign.title} · {game.view.year}", classes="screen-title")
        yield MapView(game.view, game.player, id="map")
        yield Static(legend_content(game), id="legend")
        yield Footer()

    def action_close(self) -> None:
        """Back to where the player was."""
        self.dismiss(None)
