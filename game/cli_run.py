"""What each ``entente`` command does, once ``game.cli`` has parsed its arguments.

Every handler returns the exit status: 0, or 2 after printing every problem with its
input (a campaign's errors as ``FILE:LINE:COL: path: message``), never a traceback. The
campaign models and the engine are imported inside the handlers: ``entente`` alone opens
the title screen, which must not wait for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from game.campaign.library import resolve_campaign
from game.cli_common import load_argument, playable_state, print_headless, unknown_choice

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.engine import Game


def _load_to_play(args: argparse.Namespace) -> tuple[LoadedCampaign, str] | None:
    """The campaign and the state to play, or None (the errors printed) if either is bad."""
    loaded = load_argument(args.campaign)
    if loaded is None:
        return None
    if args.player is None:
        return loaded, loaded.campaign.default_player
    player = playable_state(args.command, loaded.campaign, args.player)
    return None if player is None else (loaded, player)


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
            return 1
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(report.table(summary, args.doctrine, args.poles))
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    """``entente simulate``: a scripted policy plays; print per-turn records."""
    from game import cli_competition_run as competition
    from game.engine import new_game, save

    if args.competition is not None:
        if args.history:
            print("entente simulate: --history: not with --competition", file=sys.stderr)
            return 2
        return competition.simulate_competition(args)
    wrong = competition.no_competition_flags("simulate", args)
    if wrong is not None:
        return wrong
    if args.campaign is None:
        print(
            "entente simulate: name a campaign (an id, e.g. tutorial, or a file)", file=sys.stderr
        )
        return 2
    chosen = _load_to_play(args)
    if chosen is None:
        return 2
    loaded, player = chosen
    wrong_choice = unknown_choice(loaded.campaign, args.choose)
    if wrong_choice is not None:
        print(f"entente simulate: {wrong_choice}", file=sys.stderr)
        return 2
    if args.history:
        from game.history.beside import history_problem

        problem = history_problem(loaded.campaign)
        if problem is not None:
            print(f"entente simulate: --history: {problem}", file=sys.stderr)
            return 2
    game = new_game(loaded, args.seed, player, args.doctrine)
    print_headless(game, args)
    if args.history:
        _print_history(game, args.json)
    if args.save is not None:
        try:
            save(game, args.save)
        except OSError as error:
            print(f"entente simulate: --save {args.save}: {error.strerror}", file=sys.stderr)
            return 1
    return 0


def _print_history(game: Game, as_json: bool) -> None:
    """``entente simulate --history``: each played year's blocs beside the real ones."""
    from game.engine import poles_of
    from game.history import beside

    agreements = beside.agreement_by_year(game)
    names = game.view.names()
    poles = poles_of(game.campaign)
    overall = beside.overall_score(agreements)
    if as_json:
        line = {
            "history": True,
            "source": beside.SOURCE,
            "poles": poles,
            "score": overall,
            "years": [beside.agreement_record(a, names) for a in agreements],
        }
        print(json.dumps(line, sort_keys=True, separators=(",", ":")))
        return
    print(f"Beside history. {beside.method_text(poles, names, overall)}")
    for entry in agreements:
        print(f"{entry.year}: {beside.score_text(entry)}.")
        for row in entry.divergences:
            print(f"  - {beside.divergence_text(row, names)}")
        for note in entry.notes:
            print(f"  History: {note}")


def run_validate(args: argparse.Namespace) -> int:
    """``entente validate``: a summary line per valid campaign, every error for invalid ones.

    Each argument is a file, or the id of a shipped campaign (``entente validate tutorial``).
    """
    from game.campaign.errors import CampaignInvalid
    from game.campaign.loader import load_campaign

    status = 0
    for name in args.files:
        try:
            loaded = load_campaign(resolve_campaign(name))
        except CampaignInvalid as invalid:
            for error in invalid.errors:
                print(error, file=sys.stderr)
            count = len(invalid.errors)
            print(f"{name}: invalid ({count} error{'s' if count != 1 else ''})", file=sys.stderr)
            status = 2
            continue
        c = loaded.campaign
        events = sum(len(era.events) for era in c.eras)
        warned = ""
        if args.strict:
            from game.authoring.lint import lint, located

            warnings = located(loaded, lint(c))
            for warning in warnings:
                print(f"{warning} (warning)", file=sys.stderr)
            if warnings:
                status = max(status, 1)
                warned = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        print(
            f"{name}: ok: '{c.title}' {c.id} v{c.version}, {c.start_year}-{c.end_year}, "
            f"{len(c.states)} states, {len(c.eras)} eras, {events} events{warned}"
        )
    return status


def run_schema(args: argparse.Namespace) -> int:
    """``entente schema``: print (or write) the JSON Schema."""
    from game.campaign.schema import campaign_schema_text

    text = campaign_schema_text(part=args.part)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    from game.engine import write_atomic

    try:
        write_atomic(args.out, text)  # a full disk leaves the old file whole
    except OSError as error:
        print(f"entente schema: --out {args.out}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def run_play(args: argparse.Namespace) -> int:
    """``entente play``: load the campaign, then start (or continue) a game in the terminal."""
    from game import cli_competition_run as competition

    if args.competition is not None:
        return competition.play_competition(args)
    wrong = competition.no_competition_flags("play", args)
    if wrong is not None:
        return wrong
    chosen = _load_to_play(args)
    if chosen is None:
        return 2
    loaded, player = chosen
    if args.watch:
        from game.ui.watching import WatchingApp

        WatchingApp(loaded, player=player, seed=args.seed, doctrine=args.doctrine).run()
        return 0
    from game.ui.app import EntenteApp

    EntenteApp(
        loaded,
        # --continue without --as continues whichever state was played last
        player=player if args.player or not args.resume else None,
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
