"""What several ``entente`` commands share: loading a campaign argument, the state to play,
and headless play printed as text or JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from game.campaign.library import resolve_campaign

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.campaign.models import Campaign
    from game.engine import Game


def load_argument(name: str | None) -> LoadedCampaign | None:
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


def unknown_choice(campaign: Campaign, choices: Sequence[tuple[str, int]]) -> str | None:
    """Why a ``--choose EVENT=N`` cannot be taken in ``campaign`` (no such event, or no
    option N), with a did-you-mean; None when every one can."""
    import difflib

    events = {e.id: e for era in campaign.eras for e in era.events}
    for event, index in choices:
        found = events.get(event)
        if found is None:
            lowered = event.lower()
            close = [e for e in events if lowered in e.lower()][:1] or difflib.get_close_matches(
                lowered, list(events), n=1
            )
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"--choose {event}={index + 1}: there is no event '{event}'{hint}"
        if not found.choices:
            return f"--choose {event}={index + 1}: event '{event}' has no choices"
        if index >= len(found.choices):
            count = len(found.choices)
            return f"--choose {event}={index + 1}: event '{event}' has options 1 to {count}"
    return None


def print_headless(
    game: Game, args: argparse.Namespace, after_turn: Callable[[Game], object] | None = None
) -> None:
    """Let ``args.policy`` play ``game`` (``args.turns`` turns, or to the end), printing each
    turn and the summary as text or JSON Lines; ``after_turn`` runs after each turn."""
    from game.engine import (
        ForcedChoices,
        grades_text,
        headless_summary,
        make_policy,
        play_headless,
        score_line_text,
    )

    entry = game.entry
    # A scripted student plays their own game: the policy's seed adds the name and attempt.
    seed = game.seed if entry is None else f"{game.seed}|{entry.name}|{entry.attempt}"
    policy = ForcedChoices(make_policy(args.policy, seed), dict(getattr(args, "choose", [])))
    for record in play_headless(game, policy, args.turns):
        if after_turn is not None:
            after_turn(game)
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
        fired = [f"{e} (x{n})" if n > 1 else e for e, n in final["events_fired"].items()]
        print(f"Events fired: {', '.join(fired) or 'none'}.")
        objectives = [f"{o} {status}" for o, status in final["objectives"].items()]
        print(f"Objectives: {', '.join(objectives) or 'none'}.")
        card = game.score
        print("Score: " + "; ".join(score_line_text(line) for line in card.lines) + ".")
        print(f"Grades (best {card.best}): {grades_text(card)}.")
        print(
            f"Final score {score['total']} (grade {score['grade']}): security "
            f"{score['security']}, influence {score['influence']}, objectives "
            f"{score['objectives']}, penalties {score['penalties']}."
        )


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
