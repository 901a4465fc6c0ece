"""Median time of a full engine turn, the player's event choices included (threats, AI
actions, alignment, events, scoring), in synthetic worlds of 25 to 400 states, and the
growth ratios time(200)/time(50) and time(400)/time(200).

Prints figures only. Targets (issue 11): 200 states within 50 ms a turn, choices included;
time(400)/time(200) at most 4 (no worse than quadratic growth).

    python benchmarks/engine_turn.py [--turns N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from game.campaign.loader import parse_campaign
from game.campaign.synthetic import synthetic_yaml
from game.engine import ChoiceOrder, new_game

SIZES = (25, 50, 100, 200, 400)


def turn_times(states: int, turns: int) -> list[float]:
    """Seconds per turn (the event choices that open it, then its resolution) over
    ``turns`` turns of a player who takes each event's first option and orders nothing."""
    loaded = parse_campaign(
        synthetic_yaml(states, states * 2, seed=f"bench{states}"), f"synthetic-{states}"
    )
    game = new_game(loaded, seed="bench")
    times = []
    for _ in range(turns):
        if game.over:
            break
        start = time.perf_counter()
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        game.end_turn([])
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=15, help="turns per size (default 15)")
    args = parser.parse_args()
    medians = {}
    print(f"{'states':>6} {'turns':>5} {'median':>10} {'max':>10}   target")
    for size in SIZES:
        times = turn_times(size, args.turns)
        medians[size] = statistics.median(times)
        print(
            f"{size:>6} {len(times):>5} {medians[size] * 1000:8.2f} ms "
            f"{max(times) * 1000:8.2f} ms   {'50 ms' if size == 200 else ''}"
        )
    print(f"ratio time(200)/time(50): {medians[200] / medians[50]:.1f}")
    print(f"ratio time(400)/time(200): {medians[400] / medians[200]:.1f}  (target at most 4)")


if __name__ == "__main__":
    main()
