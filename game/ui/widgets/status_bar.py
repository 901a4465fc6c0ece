"""The status line of the situation room: year, era, turn, action points and score."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine import Game


def status_content(game: Game, points_left: int, width: int) -> Content:
    """The game's standing in one line; longer parts drop out on narrow terminals."""
    world, score = game.view, game.score
    you = game.view.states[game.player]
    parts: list[Content] = [
        Content.styled(f" {world.year} ", "bold reverse $accent"),
        Content.styled(game.era.title.split(":")[0], "bold"),
        Content(f"turn {world.turn}/{game.turns}"),
        Content.assemble(
            "AP ",
            (f"{points_left}/{game.action_points}", "bold $success" if points_left else "bold"),
        ),
        Content.assemble("score ", (f"{score.total} {score.grade}", "bold")),
    ]
    entry = game.entry
    optional = [
        *([Content.styled(f"{entry.name} · {entry.competition}", "$accent")] if entry else []),
        Content.styled(you.name, "$foreground-muted"),
        Content.styled(f"seed {game.seed}", "$foreground-muted"),
    ]
    line = Content(" · ").join(parts)
    for extra in optional:
        longer = Content(" · ").join([line, extra])
        if longer.cell_length <= width:
            line = longer
    return line


class StatusBar(Static):
    """Year, era, turn, action points, score; the player's state and seed when room allows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Game, int] | None = None

    def show(self, game: Game, points_left: int) -> None:
        """Show the game's standing."""
        self._shown = (game, points_left)
        self.update(status_content(game, points_left, self.size.width or 80))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
