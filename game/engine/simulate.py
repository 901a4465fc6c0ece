"""Headless play: a scripted policy plays a campaign; each turn becomes a plain record."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from game.engine.blocs import blocs_at, poles_of
from game.engine.game import Game
from game.engine.orders import ChoiceOrder
from game.engine.policies import Policy
from game.engine.report import TurnReport
from game.engine.threat import FACTORS
from game.engine.wording import change_text, problem_text

TOP_THREATS = 3


def _r(value: float) -> float:
    return round(value, 4)


def turn_record(game: Game, report: TurnReport) -> dict[str, Any]:
    """One JSON-ready line per turn: alliances, each state's bloc and top threats, changes,
    score, as the turn closed (before the next turn's events)."""
    closed = game.history[-1]
    names = game.view.names()
    threats = {
        state: [
            {
                "rival": line.rival,
                "threat": _r(line.threat),
                **{f: _r(getattr(line, f)) for f in FACTORS},
            }
            for line in game.closing_threats(state)[:TOP_THREATS]
        ]
        for state in game.states_at_close()
    }
    return {
        "turn": report.turn,
        "year": report.year,
        "era": report.era,
        "alliances": {
            a.id: {"name": a.name, "members": list(a.members), "against": a.against}
            for a in closed.alliances
        },
        # Each state's bloc (the pole it stands with, or null) and its alliances.
        "blocs": {
            line.state: {"bloc": line.bloc, "alliances": list(line.alliances)}
            for line in blocs_at(game, closed.turn)
        },
        "threats": threats,
        "changes": [
            {**asdict(c), "reason": change_text(c, names)} for c in report.alignment_changes
        ],
        # The order in its written form ("aid TUR military 2"), as the replay's readers know it.
        "refusals": [
            {
                "order": str(r.order),
                "problem": r.problem.kind.value,
                "reason": problem_text(r.problem, names),
            }
            for r in report.refusals
        ],
        "score": asdict(report.score),
    }


def run(game: Game, policy: Policy, turns: int | None = None) -> Iterator[dict[str, Any]]:
    """Play until the end (or ``turns`` turns), yielding a record per turn."""
    played = 0
    while not game.over and (turns is None or played < turns):
        while game.pending and not game.over:
            pending = game.pending[0]
            game.choose(ChoiceOrder(pending.event, policy.choose(game, pending)))
        if game.over:  # a choice can end the campaign
            break
        report = game.end_turn(policy.orders(game))
        played += 1
        yield turn_record(game, report)


def summary(game: Game, policy_name: str) -> dict[str, Any]:
    """The final line of a headless run."""
    return {
        "summary": True,
        "campaign": game.campaign.id,
        "seed": game.seed,
        "player": game.player,
        "doctrine": game.doctrine.value if game.doctrine else None,
        "policy": policy_name,
        "turn": game.world.turn,
        "year": game.world.year,
        "over": game.over,
        "outcome": game.world.outcome,
        "ended": game.world.ended,
        "score": asdict(game.score),
        "alliances": {key: list(a.members) for key, a in sorted(game.world.alliances.items())},
        "poles": poles_of(game.campaign),
        "events_fired": dict(sorted(game.world.fired.items())),
        "objectives": {o.id: o.status.value for o in game.objectives()},
        "state_hash": game.world.state_hash(),
    }
