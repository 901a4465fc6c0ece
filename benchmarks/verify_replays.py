"""How fast ``entente verify`` re-simulates a class's replays, and whether its memory stays
flat as the class grows.

A class of 300 students plays the default campaign to its end (scripted players of every
policy, so the games differ), then ``entente verify`` runs as a teacher runs it, a whole
command from process start to exit, into a fresh results database each time:

1. one replay (the baseline), 30 replays (target: within 5 s), 300 replays (target: within
   30 s); the median of ``--runs`` runs each, and each one's ratio to the single replay;
2. the peak memory (resident set) of the verifying process and of its largest worker, for 30
   and for 300 replays: flat means the 300 figure is close to the 30 one.

Prints figures only; it never fails on time.

    python benchmarks/verify_replays.py [--runs N] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

POLICIES = ("random", "hawk", "dove", "passive")
CLASS = 300

MEASURE = """
import resource, sys
from game.cli import main
status = main(sys.argv[1:])
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"@@rss {me} {workers}", file=sys.stderr)
sys.exit(status)
"""


def make_class(root: Path) -> tuple[Path, list[Path]]:
    """A competition of the default campaign and 300 finished replays, one per student."""
    from game.cli import main

    competition = root / "class.competition"
    os.environ["ENTENTE_DATA_DIR"] = str(root / "data")
    handin = root / "handin"
    new = ["competition", "new", "--campaign", "tutorial", "--as", "VAL", "--seed", "bench"]
    # The class's own output is not wanted here.
    with open(os.devnull, "w") as devnull, redirect_stdout(devnull), redirect_stderr(devnull):
        main([*new, "--out", str(competition)])
        for n in range(CLASS):
            name, policy = f"Student {n:03d}", POLICIES[n % len(POLICIES)]
            main(["simulate", "--competition", str(competition), "--name", name, "--policy",
                  policy, "--handin", str(handin)])  # fmt: skip
    return competition, sorted(handin.glob("*.replay.json"))


def verify(files: list[Path], competition: Path, work: Path, jobs: int) -> tuple[float, int, int]:
    """Seconds of one whole ``entente verify`` run over ``files``, and the peak RSS (kB) of
    the process and of its largest worker."""
    folder = work / f"pile-{len(files)}"
    if not folder.exists():
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
    db = work / "r.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [
        sys.executable,
        "-c",
        MEASURE,
        "verify",
        str(folder),
        "--competition",
        str(competition),
        "--db",
        str(db),
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"verify failed: {done.stderr[-500:]}")
    rss = next(line for line in done.stderr.splitlines() if line.startswith("@@rss"))
    me, workers = (int(x) for x in rss.split()[1:])
    if f"{len(files)} verified" not in done.stderr:
        raise SystemExit(f"not every replay verified: {done.stderr[-300:]}")
    return seconds, me, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="workers (default: one per core)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        competition, files = make_class(root)
        size = statistics.median(f.stat().st_size for f in files)
        print(
            f"class: {len(files)} replays of {json.loads(files[0].read_text())['campaign']['id']}"
            f" ({len(json.loads(files[0].read_text())['turns'])} turns, median "
            f"{size / 1024:.1f} kB) made in {time.perf_counter() - start:.1f} s"
        )
        print(f"cores: {os.cpu_count()}; jobs: {args.jobs or 'one per core'}")
        results: dict[int, list[tuple[float, int, int]]] = {1: [], 30: [], CLASS: []}
        for _ in range(args.runs):  # interleaved, so a slow moment hits every size alike
            for n in results:
                results[n].append(verify(files[:n], competition, root, args.jobs))
        base = statistics.median(r[0] for r in results[1])
        print(
            f"{'replays':>8} {'median s':>9} {'per replay ms':>14} {'ratio to 1':>11} "
            f"{'peak RSS MB (main/worker)':>27} target"
        )
        targets = {1: "", 30: "<= 5 s", CLASS: "<= 30 s"}
        for n, runs in results.items():
            seconds = statistics.median(r[0] for r in runs)
            me = max(r[1] for r in runs) / 1024
            worker = max(r[2] for r in runs) / 1024
            print(
                f"{n:>8} {seconds:>9.2f} {1000 * seconds / n:>14.1f} {seconds / base:>11.2f} "
                f"{me:>14.1f} / {worker:<10.1f} {targets[n]}"
            )


if __name__ == "__main__":
    main()
