"""How fast ``entente check`` plays a campaign, and whether its memory grows with the runs.

For every shipped campaign, ``run_check`` is timed at N = 100 and N = 1,000 auto-plays (the
quick pass and the doctrine probes come on top), each in a fresh process, which reports
its own peak memory and its workers'. The target: 1,000 runs within 60 s on this 2-core
machine, and memory flat in N (the ratio of the peaks near 1).

    python benchmarks/check_campaign.py [--runs 100 1000] [--repeat 3] [--campaign ID...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = """
import json, resource, sys, time
from game.authoring.checker import default_plan, run_check
from game.campaign.loader import load_campaign
loaded = load_campaign(sys.argv[1])
plan = default_plan(loaded.campaign, "bench", int(sys.argv[2]))
start = time.perf_counter()
coverage = run_check(loaded, plan)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "runs": coverage.runs, "own_mb": own, "workers_mb": workers}))
"""


def measure(campaign: str, runs: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, campaign, str(runs)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    from game.campaign.library import shipped_campaigns

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="measurements of each (median)")
    parser.add_argument(
        "--campaign", nargs="+", metavar="ID", help="only these shipped campaigns (default: all)"
    )
    args = parser.parse_args()
    print(f"{'campaign':<12} {'N':>6} {'runs':>6} {'median s':>9} {'runs/s':>7} "
          f"{'peak MB':>8} {'worker MB':>9}")  # fmt: skip
    for path in shipped_campaigns():
        if args.campaign and path.stem not in args.campaign:
            continue
        peaks = {}
        for n in args.runs:
            found = [measure(str(path), n) for _ in range(max(1, args.repeat))]
            seconds = statistics.median(f["seconds"] for f in found)
            own = max(f["own_mb"] for f in found)
            workers = max(f["workers_mb"] for f in found)
            peaks[n] = own + workers
            print(
                f"{path.stem:<12} {n:>6} {found[0]['runs']:>6} {seconds:>9.2f} "
                f"{found[0]['runs'] / seconds:>7.1f} {own:>8.1f} {workers:>9.1f}"
            )
            if n == 1000:
                verdict = "met" if seconds <= 60 else "NOT met"
                print(f"  1,000 runs in {seconds:.1f} s: target (60 s) {verdict}")
        low, high = min(peaks), max(peaks)
        print(f"  peak memory at N={high} / N={low}: {peaks[high] / peaks[low]:.2f} (flat: ~1)")


if __name__ == "__main__":
    main()
