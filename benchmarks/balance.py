"""Does the score reward statecraft? Every scripted policy plays every playable state of
every shipped campaign over many seeds; the table gives each policy's score (mean, stdev,
min-max, median grade, mean parts), then the spread between seeds against the spread
between policies.

Prints figures and PASS/FAIL lines for the score's targets (it always exits 0):

- the statesman beats the passive player by at least one grade (median grades) and beats
  the hawk (mean scores);
- the passive player never beats every active policy (some active policy has a higher
  mean);
- the spread between policies (the stdev of the policies' means) is wider than the spread
  between seeds (the mean, over policies, of the stdev over seeds).

    python benchmarks/balance.py [--seeds N] [--jobs J] [--campaign FILE ...]
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing import Pool
from pathlib import Path

CAMPAIGNS = Path(__file__).resolve().parents[1] / "campaigns"
GRADE_ORDER = ("A", "B", "C", "D", "F")
PARTS = ("security", "influence", "objectives", "penalties")


@dataclass(frozen=True)
class Run:
    """One game: where, who, how it was played, and its score."""

    campaign: str
    state: str
    policy: str
    seed: str
    total: int
    grade: str
    parts: tuple[int, ...]


@cache
def _loaded(path: str):  # type: ignore[no-untyped-def]
    from game.campaign.loader import load_campaign

    return load_campaign(path)


def play(job: tuple[str, str, str, str]) -> Run:
    """Play one game to its end and return its score."""
    from game.engine import make_policy, new_game, play_headless

    path, state, policy, seed = job
    loaded = _loaded(path)
    game = new_game(loaded, seed, state)
    for _ in play_headless(game, make_policy(policy, seed)):
        pass
    card = game.score
    parts = tuple(int(getattr(card, p)) for p in PARTS)
    return Run(loaded.campaign.id, state, policy, seed, card.total, card.grade, parts)


def _grade_rank(grade: str) -> int:
    """0 for the best grade, larger for worse ones."""
    return GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER)


def _median_grade(runs: Sequence[Run]) -> str:
    ranks = sorted(_grade_rank(r.grade) for r in runs)
    return GRADE_ORDER[min(ranks[(len(ranks) - 1) // 2], len(GRADE_ORDER) - 1)]


def _stdev(values: Sequence[float]) -> float:
    return statistics.stdev(values) if len(values) > 1 else 0.0


def _verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def report(runs: list[Run], policies: Sequence[str]) -> int:
    """Print the table and the targets; returns the number of FAIL lines."""
    fails = 0
    groups: dict[tuple[str, str], dict[str, list[Run]]] = {}
    for run in runs:
        groups.setdefault((run.campaign, run.state), {}).setdefault(run.policy, []).append(run)
    header = (
        f"{'campaign':<10} {'state':<6} {'policy':<10} {'mean':>7} {'stdev':>6} "
        f"{'min':>6} {'max':>6} {'grade':>5}  " + " ".join(f"{p[:5]:>6}" for p in PARTS)
    )
    print(header)
    print("-" * len(header))
    summary: list[str] = []
    for (campaign, state), by_policy in groups.items():
        means: dict[str, float] = {}
        spreads: list[float] = []
        for policy in policies:
            played = by_policy.get(policy, [])
            if not played:
                continue
            totals = [r.total for r in played]
            means[policy] = statistics.fmean(totals)
            spreads.append(_stdev(totals))
            parts = [statistics.fmean(r.parts[i] for r in played) for i in range(len(PARTS))]
            print(
                f"{campaign:<10} {state:<6} {policy:<10} {means[policy]:7.1f} "
                f"{_stdev(totals):6.1f} {min(totals):6d} {max(totals):6d} "
                f"{_median_grade(played):>5}  " + " ".join(f"{p:6.0f}" for p in parts)
            )
        between_seeds = statistics.fmean(spreads) if spreads else 0.0
        between_policies = _stdev(list(means.values()))
        print(
            f"{campaign:<10} {state:<6} spread between seeds {between_seeds:.1f} "
            f"(mean stdev), between policies {between_policies:.1f} (stdev of means), "
            f"range of means {max(means.values()) - min(means.values()):.1f}"
        )
        print()
        where = f"{campaign}/{state}"
        checks: list[tuple[bool | None, str]] = []
        if "statesman" in by_policy and "passive" in by_policy:
            s_rank = _grade_rank(_median_grade(by_policy["statesman"]))
            p_rank = _grade_rank(_median_grade(by_policy["passive"]))
            checks.append(
                (
                    s_rank <= p_rank - 1,
                    f"statesman beats passive by a grade "
                    f"({_median_grade(by_policy['statesman'])} vs "
                    f"{_median_grade(by_policy['passive'])})",
                )
            )
        else:
            checks.append((False, "statesman beats passive by a grade (no statesman policy)"))
        if "statesman" in means and "hawk" in means:
            checks.append(
                (
                    means["statesman"] > means["hawk"],
                    f"statesman beats hawk ({means['statesman']:.1f} vs {means['hawk']:.1f})",
                )
            )
        else:
            checks.append((False, "statesman beats hawk (no statesman policy)"))
        active = {p: m for p, m in means.items() if p != "passive"}
        if "passive" in means and active:
            best = max(active, key=lambda p: (active[p], p))
            checks.append(
                (
                    means["passive"] < active[best],
                    f"passive does not beat every active policy "
                    f"(passive {means['passive']:.1f}, best active {best} {active[best]:.1f})",
                )
            )
        checks.append(
            (
                between_policies > between_seeds,
                f"spread between policies {between_policies:.1f} > between seeds "
                f"{between_seeds:.1f}",
            )
        )
        for ok, text in checks:
            fails += ok is False
            summary.append(f"{_verdict(ok)} {where}: {text}")
    print("\n".join(summary))
    return fails


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seeds", type=int, default=20, help="seeds per policy (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--campaign",
        action="append",
        type=Path,
        help="a campaign file (default: every campaigns/*.yaml)",
    )
    parser.add_argument(
        "--policy", action="append", help="a policy to play (default: every policy)"
    )
    args = parser.parse_args()
    from game.campaign.loader import load_campaign
    from game.vocabulary import POLICIES

    policies = tuple(args.policy or POLICIES)
    paths = args.campaign or sorted(CAMPAIGNS.glob("*.yaml"))
    seeds = [str(i) for i in range(1, args.seeds + 1)]
    jobs = [
        (str(path), state, policy, seed)
        for path in paths
        for state in load_campaign(path).campaign.playable
        for policy in policies
        for seed in seeds
    ]
    print(
        f"{len(jobs)} games: {len(paths)} campaign(s), policies {', '.join(policies)}, "
        f"seeds 1-{args.seeds}"
    )
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            runs = pool.map(play, jobs, chunksize=4)
    else:
        runs = [play(job) for job in jobs]
    fails = report(runs, policies)
    print(f"{fails} target(s) failed")


if __name__ == "__main__":
    main()
