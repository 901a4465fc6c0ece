"""How faithfully the game's AI alone replays a campaign's history.

A passive player (no orders, the first option of every event: by the campaign's
convention what the state really did) plays each playable state under several seeds; at
each checkpoint year the blocs of the game's world are set beside the real ones
(:mod:`game.history.beside`: ATOP pacts with the poles). The figure is the balanced
accuracy over the poles' blocs of every counted state-year, pooled over the runs, the
measure the Cold War campaign's targets are stated in. The player's own state counts too:
a passive player's state goes where the campaign's historical choices take it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.campaign.loader import LoadedCampaign
from game.engine import make_policy, new_game, play_headless
from game.history.beside import SideRow, compare, score_of

CHECKPOINTS = (1950, 1955, 1960, 1965, 1970, 1975, 1980, 1985)
"""The Cold War campaign's checkpoint years."""


@dataclass(frozen=True)
class Fidelity:
    """The agreement of passive games with history, overall and per checkpoint year."""

    overall: float | None
    by_year: dict[int, float | None]
    by_player: dict[str, float | None]
    rows: tuple[tuple[str, int, int, SideRow], ...]
    """(player, seed index, year, row) for every compared state at a checkpoint."""

    def misses(self) -> dict[tuple[str, str | None, str | None], int]:
        """(state, real side, game side) -> how many checkpoint rows disagree that way."""
        out: dict[tuple[str, str | None, str | None], int] = {}
        for *_, row in self.rows:
            if row.counted and not row.agrees:
                key = (row.state, row.real, row.game)
                out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items(), key=lambda item: (-item[1], str(item[0]))))


def passive_rows(
    loaded: LoadedCampaign, player: str, seed: str, doctrine: str | None, years: Sequence[int]
) -> list[tuple[int, SideRow]]:
    """(year, row) for the compared states at ``years`` in one passive game."""
    game = new_game(loaded, seed, player, doctrine)
    wanted = set(years)
    rows: list[tuple[int, SideRow]] = []
    for record in play_headless(game, make_policy("passive", seed)):
        if record["year"] in wanted:
            rows += [(record["year"], row) for row in compare(game, record["turn"]).rows]
    return rows


def fidelity(
    loaded: LoadedCampaign,
    players: Sequence[str] | None = None,
    seeds: int = 10,
    doctrine: str | None = None,
    years: Sequence[int] = CHECKPOINTS,
) -> Fidelity:
    """Passive games of every player in ``players`` (default: the playable states) under
    ``seeds`` seeds, under ``doctrine`` (None: the campaign's own), scored at ``years``."""
    chosen = list(players or loaded.campaign.playable)
    found: list[tuple[str, int, int, SideRow]] = []
    for player in chosen:
        for index in range(seeds):
            for year, row in passive_rows(loaded, player, f"fidelity-{index}", doctrine, years):
                found.append((player, index, year, row))
    return Fidelity(
        score_of([r for *_, r in found]),
        {y: score_of([r for _, _, year, r in found if year == y]) for y in years},
        {p: score_of([r for q, *_, r in found if q == p]) for p in chosen},
        tuple(found),
    )
