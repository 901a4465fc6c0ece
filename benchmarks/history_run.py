"""Median time of the history check over 1950-1989 (poles 2 and 365), against a baseline
measured in the same run: building the forty worlds alone (data to campaign, world and
threat matrix), without the alignment choices and the baselines.

Prints figures only; no issue sets a target. The data are loaded once before timing.

    python benchmarks/history_run.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from game.history import check, worldbuild

START, END, POLES = 1950, 1989, [2, 365]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build_worlds() -> None:
    for year in range(START, END + 1):
        worldbuild.build(year)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    check.run(START, END, POLES)  # load and cache the data files
    runs, builds = [], []
    for _ in range(args.runs):  # alternate, so drift on the machine hits both alike
        builds.append(timed(build_worlds))
        runs.append(timed(lambda: check.run(START, END, POLES)))
    run, build = statistics.median(runs), statistics.median(builds)
    print(f"history run {START}-{END}: median {run * 1000:.0f} ms over {args.runs} runs")
    print(f"baseline, the {END - START + 1} worlds alone: median {build * 1000:.0f} ms")
    print(f"ratio run/worlds: {run / build:.2f}")


if __name__ == "__main__":
    main()
