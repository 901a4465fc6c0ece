"""``entente check``: the handler (the parser is in ``game.cli``)."""

from __future__ import annotations

import argparse
import json
import sys

from game.cli_common import load_argument


def _progress(done: int, total: int) -> None:
    """A progress bar on the terminal's error stream."""
    width = 30
    filled = width * done // total
    bar = "█" * filled + "·" * (width - filled)
    sys.stderr.write(f"\r  {bar} {done}/{total} runs")
    if done == total:
        sys.stderr.write("\r" + " " * (width + 24) + "\r")
    sys.stderr.flush()


def run_check(args: argparse.Namespace) -> int:
    """Check a campaign; 0 when everything can be reached, 1 when not, 2 on bad input."""
    from game.authoring.check_report import as_json, as_text, unreachable
    from game.authoring.checker import default_plan, run_check
    from game.authoring.lint import lint, located

    loaded = load_argument(args.campaign)
    if loaded is None:
        return 2
    campaign = loaded.campaign
    for player in args.players:
        if player not in campaign.playable:
            print(
                f"entente check: --as {player}: not a playable state of '{campaign.id}' "
                f"(playable: {', '.join(campaign.playable)})",
                file=sys.stderr,
            )
            return 2
    plan = default_plan(campaign, args.seed, args.runs, args.players, args.policies, args.doctrines)
    # A bar only for a person watching: not under --json, not into a pipe.
    progress = _progress if sys.stderr.isatty() and not args.json else None
    coverage = run_check(loaded, plan, args.jobs, progress)
    warnings = lint(campaign)
    placed = located(loaded, warnings)
    if args.json:
        report = as_json(coverage, plan, args.campaign, warnings, placed)
        print(json.dumps(report, sort_keys=True))
    else:
        print(as_text(coverage, plan, args.campaign, warnings, placed))
    return 1 if unreachable(coverage, warnings) else 0
