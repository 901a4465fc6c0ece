"""Choose the alliance AI's theory-shaped constants on 1950-1989 only, and print the search.

The procedure (docs/theory.md section 9): a coordinate search over a handful of constants,
each over a short grid of values the theory allows, scored by the history check's balanced
accuracy for 1950-1989 with poles 2 (United States) and 365 (Russia/USSR), played by the
game's own alliance AI. Each pass tries every value of every constant in turn, keeping a
value only when it raises the score; the search stops after a pass that changes nothing.
Nothing is chosen per state or per year, and no other period is looked at: the printed
out-of-sample figures come after the choice.

    python benchmarks/calibrate.py            # search, then print in- and out-of-sample
    python benchmarks/calibrate.py --report   # the figures of the constants as committed
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.engine import constants as k  # noqa: E402
from game.history import check, worldbuild  # noqa: E402

GRID: dict[str, tuple[object, list[object]]] = {
    "WEIGHTS": (
        worldbuild,
        [
            {},
            {"global_proximity": 0.5},
            {"global_proximity": 0.0},
            {"intentions": 2.0},
            {"intentions": 2.0, "global_proximity": 0.0},
        ],
    ),
    "INTENT_SCALE": (k, [0.2, 0.5, 1.0, 2.0, 4.0]),
    "INTENT_REPUTATION": (k, [0.0, 0.05, 0.1, 0.2]),
    "INTENT_ALLY": (k, [0.3, 0.6, 0.9]),
    "REACH_LAND_KM": (worldbuild, [False, True]),
    "REACH_QUANTILE": (worldbuild, [0.5, 0.75, 0.9]),
    "WEAK_RATIO": (k, [0.15, 0.25, 0.35]),
    "HELP_PROXIMITY": (k, [0.02, 0.05, 0.1, 0.2]),
    "HELP_PARTNERS": (k, [1, 2, 3, 1000]),
    "GLOBAL_PROXIMITY": (k, [0.2, 0.35, 0.5, 0.7]),
    "SEEK_THRESHOLD": (k, [0.25, 0.35, 0.45]),
    "ABLE_HELP": (k, [0.5, 1.0, 1.5, 2.0]),
    "APPEASE_LIMIT": (k, [1.0, 1.5, 3.0]),
    "SHARE_RATIO": (k, [0.6, 0.8, 0.9]),
    "GLOBAL_MILITARY": (worldbuild, [100.0, 150.0, 200.0, 1001.0]),
}

IN_SAMPLE = (1950, 1989, [2, 365], 1971)
OUT_OF_SAMPLE = [
    (1890, 1913, [255, 220]),
    (1920, 1938, [255, 220]),
    (1920, 1938, [200, 220]),
    (1992, 2010, [2, 365]),
    (1950, 1989, [2, 710]),
    (1900, 1913, [200, 255]),
]


def score(start: int, end: int, poles: list[int], split: int | None = None) -> dict:
    """The history check's summary for one period (the model and every baseline)."""
    result = check.run(start, end, poles)
    return check.summary(result, start, end, split or (start + end + 1) // 2)


def objective() -> float:
    start, end, poles, split = IN_SAMPLE
    return score(start, end, poles, split)["model"]["balanced_accuracy"] or 0.0


def search(passes: int) -> None:
    best = objective()
    print(f"start: {best:.4f}")
    for n in range(passes):
        changed = False
        for name, (module, values) in GRID.items():
            current = getattr(module, name)
            for value in values:
                if value == current:
                    continue
                setattr(module, name, value)
                t = time.perf_counter()
                got = objective()
                print(
                    f"  pass {n + 1} {name}={value!r}: {got:.4f} ({time.perf_counter() - t:.1f} s)"
                )
                if got > best + 1e-4:
                    best, current, changed = got, value, True
                setattr(module, name, current)
            print(f"pass {n + 1}: {name} = {current!r} (score {best:.4f})", flush=True)
        if not changed:
            break
    print("chosen:", {name: getattr(module, name) for name, (module, _) in GRID.items()})


def report() -> None:
    rows = [(*IN_SAMPLE[:3], IN_SAMPLE[3], "in-sample")] + [
        (a, b, p, None, "out-of-sample") for a, b, p in OUT_OF_SAMPLE
    ]
    print(
        "| period | poles | sample | n | model | halves | majority | disputes | nearest | bop | bandwagon |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for start, end, poles, split, kind in rows:
        try:
            s = score(start, end, poles, split)
        except check.HistoryError as error:
            print(f"| {start}-{end} | {poles} | {kind} | refused: {error} |")
            continue
        b = {name: s["baselines"][name]["balanced_accuracy"] for name in check.BASELINES}
        halves = ", ".join(f"{p['balanced_accuracy']}" for p in s["model"]["periods"].values())
        print(
            f"| {start}-{end} | {','.join(map(str, poles))} | {kind} | {s['n']} | "
            f"{s['model']['balanced_accuracy']} | {halves} | {b['majority']} | {b['disputes']} | "
            f"{b['nearest']} | {b['balance_of_power']} | {b['bandwagon']} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only print the figures")
    parser.add_argument("--passes", type=int, default=2, help="search passes (default 2)")
    args = parser.parse_args()
    if not args.report:
        search(args.passes)
    report()


if __name__ == "__main__":
    main()
