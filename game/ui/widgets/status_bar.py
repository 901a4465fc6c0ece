"""The status line of the situation room: year, era, turn, action points and score."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine import Game


def status_content(game: Game, points_left: int, width: int) -> Content:
    """The game's standing in one line. The player's state is always there (its id when
    its name does not fit); the competition entry, then the seed, drop out first."""
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
    line = Content(" · ").join(parts)
    named = Content(" · ").join([line, Content.styled(you.name, "bold $text-primary")])
    if named.cell_length > width:
        named = Content(" · ").join([line, Content.styled(game.player, "bold $text-primary")])
    line = named
    optional = [
        *([Content.styled(f"{entry.name} · {entry.competition}", "$accent")] if entry else []),
        Content.styled(f"seed {game.seed}", "$foreground-muted"),
    ]
    for extra in optional:  # in this order, each only if everything before it fitted
        longer = Content(" · ").join([line, extra])
        if longer.cell_length > width:
            break
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
