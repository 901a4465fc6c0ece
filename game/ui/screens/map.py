"""The map of the present states on the world's land, coloured by bloc, with a legend."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import Game
from game.ui.render import UNALLIED_STYLE, bloc_styles
from game.ui.widgets.map_legend import MapLegend, Paragraph, pack
from game.ui.widgets.map_view import MapView, far_states

LEGEND_WIDTH = 80
"""The width :func:`legend_content` packs to (the screen packs to its own)."""


def legend_paragraphs(game: Game) -> list[Paragraph]:
    """The legend: the player; each bloc with its colour and members (the player's first)
    and the unallied states; the states drawn at the edge (far from all the others, with
    their distance); the actors with no capital (which the map cannot place)."""
    world, player = game.view, game.player
    styles = bloc_styles(list(world.alliances))
    paragraphs = [
        [Content.assemble((f" {player} ", "bold reverse"), f" you, {world.states[player].name}")]
    ]
    blocs: Paragraph = []
    for alliance_id in sorted(
        world.alliances, key=lambda a: (player not in world.alliances[a].members, a)
    ):
        alliance = world.alliances[alliance_id]
        blocs.append(
            Content.assemble(
                ("■ ", styles[alliance_id]),
                (alliance.name, "bold"),
                ": " + " ".join(alliance.members),
            )
        )
    allied = {m for a in world.alliances.values() for m in a.members}
    alone = [s for s in world.ids() if s not in allied and world.states[s].lat is not None]
    if alone:
        blocs.append(
            Content.assemble(("■ ", UNALLIED_STYLE), ("unallied", "bold"), ": " + " ".join(alone))
        )
    if blocs:
        paragraphs.append(blocs)
    for far in far_states(world):
        paragraphs.append(
            [
                Content.assemble(
                    ("far off the map: ", "$foreground-muted"),
                    f"{far.state} {world.states[far.state].name}, "
                    f"{far.km:,.0f} km to the {far.direction} {far.arrow}",
                )
            ]
        )
    stateless = [s for s in world.ids() if world.states[s].lat is None]
    if stateless:
        names = ", ".join(f"{s} {world.states[s].name}" for s in stateless)
        paragraphs.append([Content.assemble(("no capital: ", "$foreground-muted"), names)])
    return paragraphs


def legend_content(game: Game, width: int = LEGEND_WIDTH) -> Content:
    """The legend as it reads ``width`` columns wide."""
    return Content("\n").join(pack(legend_paragraphs(game), width))


class MapScreen(Screen[None]):
    """The states at their capitals, on the Earth's land (Natural Earth)."""

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
        threats = [line.rival for line in game.threats()]
        yield MapView(game.view, game.player, threats=threats, id="map")
        with VerticalScroll(id="legend"):
            yield MapLegend(legend_paragraphs(game), id="legend-text")
        yield Footer()

    def action_close(self) -> None:
        """Back to where the player was."""
        self.dismiss(None)
