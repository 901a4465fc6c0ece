"""Median time of a full engine turn (threats, AI actions, alignment, events, scoring) in
synthetic worlds of 25, 50, 100 and 200 states, and the growth ratio time(200)/time(50).

Prints figures only. Targets (issue 3): 200 states within 50 ms a turn; the ratio at most
20 (no worse than quadratic growth: 4x the states, 16x the pairs).

    python benchmarks/engine_turn.py [--turns N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from game.campaign.loader import parse_campaign
from game.campaign.synthetic import synthetic_yaml
from game.engine import ChoiceOrder, new_game

SIZES = (25, 50, 100, 200)


def turn_times(states: int, turns: int) -> list[float]:
    """Seconds per resolved turn over ``turns`` turns of a passive player."""
    loaded = parse_campaign(
        synthetic_yaml(states, states * 2, seed=f"bench{states}"), f"synthetic-{states}"
    )
    game = new_game(loaded, seed="bench")
    times = []
    for _ in range(turns):
        if game.over:
            break
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        start = time.perf_counter()
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
    print(f"ratio time(200)/time(50): {medians[200] / medians[50]:.1f}  (target at most 20)")


if __name__ == "__main__":
    main()
