"""The ``entente`` command: parses arguments and calls the campaign, engine and UI layers."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__
from game.campaign.library import DEFAULT_CAMPAIGN, resolve_campaign

# The campaign models and the engine (pydantic, numpy) are imported where they are used:
# `entente` with no argument opens the title screen, which must not wait for them.
if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.campaign.models import Campaign
    from game.engine.game import Game


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from game.campaign.effects import Doctrine
    from game.engine.policies import POLICIES

    parser = argparse.ArgumentParser(
        prog="entente",
        description="Entente: a strategy game of alliances and the balance of threat. "
        "With no command, plays the default campaign.",
    )
    parser.add_argument("--version", action="version", version=f"entente {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser(
        "play",
        help="play a campaign in the terminal",
        description="Play a campaign: a shipped campaign's id or a path to a YAML file.",
    )
    play.add_argument(
        "campaign",
        nargs="?",
        default=None,
        help=f"campaign id or file (default: {DEFAULT_CAMPAIGN})",
    )
    play.add_argument(
        "--as",
        dest="player",
        metavar="STATE",
        help="the state to play (default: the campaign's default player)",
    )
    play.add_argument(
        "--seed", metavar="S", help="the seed of the game's random generator (default: a new one)"
    )
    play.add_argument(
        "--doctrine",
        choices=[d.value for d in Doctrine],
        help="switch every computer-run state to this doctrine (the theory switch)",
    )
    play.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="continue the most recent autosave of this campaign (and state, with --as); "
        "without one, start a new game",
    )
    play.set_defaults(handler=run_play)

    validate = commands.add_parser(
        "validate",
        help="check campaign files and report every error",
        description="Check campaign files. Prints one line per valid file; for an invalid "
        "file prints every error as FILE:LINE:COL: path: message and exits with 2.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="campaign YAML files")
    validate.set_defaults(handler=run_validate)

    schema = commands.add_parser(
        "schema",
        help="print the campaign format's JSON Schema",
        description="Print the JSON Schema generated from the campaign models, for editor "
        "completion (yaml-language-server).",
    )
    schema.add_argument(
        "--out", metavar="FILE", type=Path, help="write the schema to FILE instead of printing it"
    )
    schema.set_defaults(handler=run_schema)

    simulate = commands.add_parser(
        "simulate",
        help="play a campaign headless with a scripted player",
        description="Play a campaign with a scripted player policy and print what happened: "
        "a readable summary, or with --json one JSON object per turn and a final summary "
        "line (JSON Lines).",
    )
    simulate.add_argument("campaign", help="campaign id or file")
    simulate.add_argument(
        "--as",
        dest="player",
        metavar="STATE",
        help="the state the policy plays (default: the campaign's default)",
    )
    simulate.add_argument(
        "--seed", metavar="S", default="entente", help="the seed (default: entente)"
    )
    simulate.add_argument(
        "--policy",
        choices=POLICIES,
        default="passive",
        help="the scripted player (default: passive)",
    )
    simulate.add_argument(
        "--doctrine",
        choices=[d.value for d in Doctrine],
        help="switch every computer-run state to this doctrine",
    )
    simulate.add_argument(
        "--turns", type=_positive, metavar="N", help="stop after N turns (default: play to the end)"
    )
    simulate.add_argument("--json", action="store_true", help="print JSON Lines")
    simulate.set_defaults(handler=run_simulate)

    history = commands.add_parser(
        "history",
        help="check the engine against the alignments states really chose",
        description="The engine against history: real alignments from ATOP, predicted from "
        "the world of the year before.",
    )
    history_commands = history.add_subparsers(
        dest="history_command", metavar="COMMAND", required=True
    )
    check = history_commands.add_parser(
        "run",
        help="predict which pole each aligned state joined, and score it",
        description="For every state-year of the period in which a state has an ATOP defense "
        "or offense pact with exactly one of the poles, predict the pole from the world of the "
        "year before (COW capabilities, capitals, contiguity, MID disputes, arms races) with the "
        "engine's threat assessment and the doctrine's choice of side, and compare it with "
        "baselines. Runs offline on data shipped with the game.",
    )
    check.add_argument("--start", type=int, required=True, metavar="YEAR")
    check.add_argument("--end", type=int, required=True, metavar="YEAR")
    check.add_argument(
        "--poles",
        type=_poles,
        required=True,
        metavar="CODES",
        help="two or more COW state codes, e.g. 2,365 (USA, USSR)",
    )
    check.add_argument(
        "--split",
        type=int,
        metavar="YEAR",
        help="first year of the second period (default: the middle year)",
    )
    check.add_argument(
        "--doctrine",
        choices=[d.value for d in Doctrine],
        default="balance_of_threat",
        help="the doctrine that chooses a side",
    )
    check.add_argument(
        "--ideology",
        action="store_true",
        help="also report the variant with UN ideal points as ideology",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv",
        help="write one row per state-year with the engine's reason and the factors behind it",
    )
    check.set_defaults(handler=run_history)
    return parser


def _poles(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a comma-separated list of COW codes, e.g. 2,365"
        ) from None


def run_history(args: argparse.Namespace) -> int:
    """``entente history run``: the engine against real alignments."""
    from game.history import check, report

    # By default the second period starts in the middle year; a one-year run has one period.
    split = args.split if args.split is not None else args.start + (args.end - args.start + 1) // 2
    try:
        check.validate(args.start, args.end, args.poles)
        if args.split is not None and not args.start < split <= args.end:
            raise check.HistoryError(
                f"--split {split} must fall after --start {args.start} "
                f"and no later than --end {args.end}"
            )
        result = check.run(args.start, args.end, args.poles, args.doctrine)
        summary = check.summary(result, args.start, args.end, split)
        if args.ideology:
            variant = check.run(args.start, args.end, args.poles, args.doctrine, ideology=True)
            summary["model_with_ideology"] = check.summary(variant, args.start, args.end, split)[
                "model"
            ]
    except check.HistoryError as error:
        print(f"entente history run: {error}", file=sys.stderr)
        return 2
    if args.out is not None:
        try:
            report.write_rows(result, args.out)
        except OSError as error:
            print(f"entente history run: --out {args.out}: {error.strerror}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(report.table(summary, args.doctrine, args.poles))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _load(name: str | None) -> LoadedCampaign | None:
    """Load a campaign argument, printing every error (and returning None) if it is bad."""
    from game.campaign.errors import CampaignInvalid
    from game.campaign.loader import load_campaign

    try:
        return load_campaign(resolve_campaign(name))
    except CampaignInvalid as invalid:
        for error in invalid.errors:
            print(error, file=sys.stderr)
        return None


def _check_player(command: str, campaign: Campaign, player: str) -> bool:
    if player in campaign.playable:
        return True
    print(
        f"entente {command}: --as {player}: not a playable state of '{campaign.id}' "
        f"(playable: {', '.join(campaign.playable)})",
        file=sys.stderr,
    )
    return False


def _load_to_play(args: argparse.Namespace) -> tuple[LoadedCampaign, str] | None:
    """The campaign and the state to play, or None (the errors printed) if either is bad."""
    loaded = _load(args.campaign)
    if loaded is None:
        return None
    player = args.player or loaded.campaign.default_player
    if not _check_player(args.command, loaded.campaign, player):
        return None
    return loaded, player


def run_simulate(args: argparse.Namespace) -> int:
    """``entente simulate``: a scripted policy plays; print per-turn records."""
    from game.engine import simulate as simulation
    from game.engine.game import new_game
    from game.engine.policies import make_policy

    chosen = _load_to_play(args)
    if chosen is None:
        return 2
    loaded, player = chosen
    game = new_game(loaded, args.seed, player, args.doctrine)
    policy = make_policy(args.policy, args.seed)
    for record in simulation.run(game, policy, args.turns):
        if args.json:
            print(json.dumps(record, sort_keys=True, separators=(",", ":")))
        else:
            print(readable_turn(record, game))
    final = simulation.summary(game, args.policy)
    if args.json:
        print(json.dumps(final, sort_keys=True, separators=(",", ":")))
    else:
        score = final["score"]
        if final["ended"]:
            print(f"The game ended: {final['ended']} (outcome: {final['outcome']}).")
        print(
            f"Final score {score['total']} (grade {score['grade']}): security "
            f"{score['security']}, influence {score['influence']}, objectives "
            f"{score['objectives']}, penalties {score['penalties']}."
        )
    return 0


def readable_turn(record: dict, game: Game) -> str:
    """One turn of a headless run as a few lines of text."""
    names = {s: r.name for s, r in game.world.states.items()}
    top = record["threats"].get(game.player, [])
    lines = [
        f"Turn {record['turn']} ({record['year']}, {record['era']}): score "
        f"{record['score']['total']} ({record['score']['grade']}); "
        f"principal threat: "
        + (f"{names[top[0]['rival']]} {top[0]['threat']:.2f}" if top else "none")
    ]
    lines += [f"  - {change['reason']}" for change in record["changes"]]
    lines += [f"  ! refused {r['order']}: {r['reason']}" for r in record["refusals"]]
    return "\n".join(lines)


def run_validate(args: argparse.Namespace) -> int:
    """``entente validate``: a summary line per valid file, every error for invalid ones."""
    from game.campaign.errors import CampaignInvalid
    from game.campaign.loader import load_campaign

    status = 0
    for name in args.files:
        try:
            loaded = load_campaign(name)
        except CampaignInvalid as invalid:
            for error in invalid.errors:
                print(error, file=sys.stderr)
            count = len(invalid.errors)
            print(f"{name}: invalid ({count} error{'s' if count != 1 else ''})", file=sys.stderr)
            status = 2
            continue
        c = loaded.campaign
        events = sum(len(era.events) for era in c.eras)
        print(
            f"{name}: ok: '{c.title}' {c.id} v{c.version}, {c.start_year}-{c.end_year}, "
            f"{len(c.states)} states, {len(c.eras)} eras, {events} events"
        )
    return status


def run_schema(args: argparse.Namespace) -> int:
    """``entente schema``: print (or write) the JSON Schema."""
    from game.campaign.schema import campaign_schema_text

    text = campaign_schema_text()
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"entente schema: --out {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    return 0


def run_play(args: argparse.Namespace) -> int:
    """``entente play``: load the campaign, then start (or continue) a game in the terminal."""
    chosen = _load_to_play(args)
    if chosen is None:
        return 2
    loaded, player = chosen
    from game.ui.app import EntenteApp

    EntenteApp(
        loaded,
        # --continue without --as continues whichever state was played last
        player=args.player if args.resume else player,
        seed=args.seed,
        doctrine=args.doctrine,
        start="continue" if args.resume else "new",
    ).run()
    return 0


def run_title() -> int:
    """``entente`` alone: the title screen on the default campaign (loaded meanwhile)."""
    from game.ui.app import EntenteApp

    EntenteApp().run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        try:
            return run_title()
        except KeyboardInterrupt:
            return 130
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a Unix filter does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def entry() -> None:
    """The console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
