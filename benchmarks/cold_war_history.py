"""The Cold War campaign beside history: how much of the real alignment the AI alone
reproduces (the campaign's targets), under balance of threat and under balance of power.

Passive players (no orders, the historical first option of every event) play each of the
six playable states under N seeds; at the checkpoints 1950, 1955, ..., 1985 each state's
bloc is set beside its real ATOP alliances (balanced accuracy over the two blocs, pooled).
Prints the figures; targets: at least 0.80 under balance of threat, and at least 0.15 less
under balance of power. Also prints the states most often on the wrong side.

    python benchmarks/cold_war_history.py [--seeds N]
"""

from __future__ import annotations

import argparse
import time

from game.campaign.library import resolve_campaign
from game.campaign.loader import load_campaign
from game.history.fidelity import CHECKPOINTS, fidelity


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds per player (default 10)")
    parser.add_argument("--misses", type=int, default=12, help="wrong-side states to list")
    args = parser.parse_args()
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    loaded = load_campaign(resolve_campaign("cold_war"))
    results = {}
    for doctrine in (None, "balance_of_power"):
        start = time.perf_counter()
        results[doctrine] = fidelity(loaded, seeds=args.seeds, doctrine=doctrine)
        elapsed = time.perf_counter() - start
        name = doctrine or "balance_of_threat (the campaign's own)"
        result = results[doctrine]
        games = len(loaded.campaign.playable) * args.seeds
        print(f"{name}: {games} passive games in {elapsed:.1f} s")
        print(f"  overall balanced accuracy {result.overall:.3f}")
        print("  by checkpoint: " + ", ".join(f"{y} {result.by_year[y]:.3f}" for y in CHECKPOINTS))
        print("  by player: " + ", ".join(f"{p} {v:.3f}" for p, v in result.by_player.items()))
    threat, power = results[None].overall, results["balance_of_power"].overall
    assert threat is not None and power is not None
    print(f"target 0.80: {'met' if threat >= 0.80 else 'NOT met'} ({threat:.3f})")
    gap = threat - power
    print(f"doctrine gap {gap:.3f} (target 0.15: {'met' if gap >= 0.15 else 'NOT met'})")
    print("most often on the wrong side (state, real, game: checkpoint rows):")
    for (state, real, game), count in list(results[None].misses().items())[: args.misses]:
        print(f"  {state}: {real} -> {game or 'neither'}: {count}")


if __name__ == "__main__":
    main()
