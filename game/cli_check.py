"""``entente check`` and ``entente new``: the authors' commands' handlers (the parsers are
in ``game.cli``)."""

from __future__ import annotations

import argparse
import json
import shlex
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


def run_new(args: argparse.Namespace) -> int:
    """Write a new campaign (and the schema beside it); 2 if it would overwrite a file."""
    from game.authoring.scaffold import SCHEMA_FILE, new_campaign_text
    from game.campaign.schema import campaign_schema_text

    stem = args.name.removesuffix(".yaml")
    if not stem or "/" in stem or "\\" in stem or stem.startswith("."):
        print(f"entente new: {args.name!r} is not a file name (no folders: use --dir)",
              file=sys.stderr)  # fmt: skip
        return 2
    if not stem.isprintable():
        print("entente new: the name holds a control character: write it in plain text",
              file=sys.stderr)  # fmt: skip
        return 2
    if len(stem.encode("utf-8")) > 200:  # a file name and its temporary twin must fit
        print(f"entente new: the name is {len(stem.encode('utf-8'))} bytes long; a file "
              "name takes at most 200 here: choose a shorter one", file=sys.stderr)  # fmt: skip
        return 2
    target = args.dir / f"{stem}.yaml"
    if target.exists():
        print(f"entente new: {target} exists; it is left as it is", file=sys.stderr)
        return 2
    from game.engine import write_atomic

    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        # Written whole or not at all: a full disk leaves no empty campaign behind.
        write_atomic(target, new_campaign_text(stem, target.name))
        schema = args.dir / SCHEMA_FILE
        if not schema.exists():
            write_atomic(schema, campaign_schema_text())
    except OSError as error:
        print(f"entente new: {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {target} (and {SCHEMA_FILE} beside it, for your editor). Next:")
    shown = shlex.quote(str(target))
    print(f"  entente validate --strict {shown}")
    print(f"  entente check {shown}")
    print(f"  entente play {shown}")
    return 0
