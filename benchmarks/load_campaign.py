"""Median load-and-validate time of each shipped campaign and of a generated large one.

Prints figures only; it never passes or fails on time. Targets (issue 2): a shipped
campaign within 150 ms, the generated 200-state / 2,000-event campaign within 2 s, the
alias bomb refused within 50 ms. Both YAML parsers are measured where libyaml is present:
libyaml's C parser (what the game uses) and the pure-Python one (the fallback).

    python benchmarks/load_campaign.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from game.campaign import yaml_safe
from game.campaign.errors import CampaignInvalid
from game.campaign.library import shipped_campaigns
from game.campaign.loader import parse_campaign
from game.campaign.synthetic import synthetic_yaml

ALIAS_BOMB = b"""\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``action`` over ``runs`` runs, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def refuse(raw: bytes) -> None:
    """Load ``raw`` expecting a refusal."""
    try:
        parse_campaign(raw, "bomb.yaml")
    except CampaignInvalid:
        return
    raise AssertionError("the alias bomb was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    args = parser.parse_args()
    large = synthetic_yaml(200, 2000)
    parsers = (
        [("libyaml", True), ("pure-python", False)]
        if yaml_safe.HAVE_LIBYAML
        else [("pure-python", False)]
    )
    print(f"median of {args.runs} runs; libyaml present: {yaml_safe.HAVE_LIBYAML}")
    print(f"{'input':44} {'parser':12} {'median':>10}  target")
    saved = yaml_safe.HAVE_LIBYAML
    try:
        for label, use_c in parsers:
            yaml_safe.HAVE_LIBYAML = use_c
            for path in shipped_campaigns():
                raw = path.read_bytes()
                ms = median_ms(lambda raw=raw, path=path: parse_campaign(raw, str(path)), args.runs)
                print(f"{path.name + f' ({len(raw):,} bytes)':44} {label:12} {ms:8.1f} ms  150 ms")
            runs = args.runs if use_c else max(3, args.runs // 2)
            ms = median_ms(lambda: parse_campaign(large, "synthetic.yaml"), runs)
            print(
                f"{f'200 states, 2,000 events ({len(large):,} bytes)':44} {label:12} "
                f"{ms:8.1f} ms  2000 ms"
            )
            ms = median_ms(lambda: refuse(ALIAS_BOMB), args.runs)
            print(f"{'alias bomb (refused)':44} {label:12} {ms:8.2f} ms  50 ms")
    finally:
        yaml_safe.HAVE_LIBYAML = saved


if __name__ == "__main__":
    main()
