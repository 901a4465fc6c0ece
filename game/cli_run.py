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

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.campaign.models import Campaign
    from game.engine import Game


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


def playable_state(command: str, campaign: Campaign, typed: str) -> str | None:
    """The playable state ``typed`` names, in any case; None (the reason printed) if none.

    An exact match wins; otherwise the one playable id equal to it ignoring case.
    """
    if typed in campaign.playable:
        return typed
    matches = [s for s in campaign.playable if s.casefold() == typed.casefold()]
    if len(matches) == 1:
        return matches[0]
    print(
        f"entente {command}: --as {typed}: not a playable state of '{campaign.id}' "
        f"(playable: {', '.join(campaign.playable)})",
        file=sys.stderr,
    )
    return None


def _load_to_play(args: argparse.Namespace) -> tuple[LoadedCampaign, str] | None:
    """The campaign and the state to play, or None (the errors printed) if either is bad."""
    loaded = _load(args.campaign)
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
            return 2
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(report.table(summary, args.doctrine, args.poles))
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    """``entente simulate``: a scripted policy plays; print per-turn records."""
    from game.engine import headless_summary, make_policy, new_game, play_headless

    chosen = _load_to_play(args)
    if chosen is None:
        return 2
    loaded, player = chosen
    game = new_game(loaded, args.seed, player, args.doctrine)
    policy = make_policy(args.policy, args.seed)
    for record in play_headless(game, policy, args.turns):
        if args.json:
            print(json.dumps(record, sort_keys=True, separators=(",", ":")))
        else:
            print(readable_turn(record, game))
    final = headless_summary(game, args.policy)
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
    names = game.view.names()
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
