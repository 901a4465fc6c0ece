"""The Cold War campaign meets history: the AI alone, with passive players, puts most
aligned states on their real side, and the balance-of-power switch puts far fewer there
(the classroom contrast). benchmarks/cold_war_history.py prints the full figures (ten
seeds per player); this test plays one seed per player."""

from __future__ import annotations

import pytest

from game.campaign.library import resolve_campaign
from game.campaign.loader import load_campaign
from game.engine import make_policy, new_game, play_headless
from game.history.contrast import contrast_verdict, doctrine_contrast
from game.history.fidelity import CHECKPOINTS, fidelity
from game.vocabulary import Doctrine

TARGET = 0.80
GAP = 0.15


@pytest.fixture(scope="module")
def results():
    loaded = load_campaign(resolve_campaign("cold_war"))
    return (
        fidelity(loaded, seeds=1),
        fidelity(loaded, seeds=1, doctrine="balance_of_power"),
    )


def test_the_ai_reproduces_the_real_blocs(results) -> None:
    threat, _ = results
    assert threat.overall is not None and threat.overall >= TARGET
    # Every playable state's games meet it, and no checkpoint falls far below it.
    assert all(v is not None and v >= TARGET - 0.05 for v in threat.by_player.values())
    assert all(threat.by_year[y] is not None and threat.by_year[y] >= 0.7 for y in CHECKPOINTS)


def test_balance_of_power_reproduces_far_less(results) -> None:
    threat, power = results
    assert threat.overall is not None and power.overall is not None
    assert threat.overall - power.overall >= GAP


def test_the_blocs_are_the_two_superpowers(results) -> None:
    threat, _ = results
    sides = {row.state: row.game for player, _, year, row in threat.rows if year == 1955}
    assert sides["POL"] == "USSR" and sides["UK"] == "USA" and sides["CAN"] == "USA"


def test_the_debriefs_contrast_shows_the_theory() -> None:
    """The debrief's contrast for a finished Cold War game: the same world left to the AI
    alone agrees with the real blocs far better under balance of threat than under
    balance of power, and says so."""
    loaded = load_campaign(resolve_campaign("cold_war"))
    game = new_game(loaded, "contrast", "IND")
    for _ in play_headless(game, make_policy("random", "contrast")):
        pass
    found = {c.doctrine: c for c in doctrine_contrast(game)}
    threat, power = found[Doctrine.balance_of_threat], found[Doctrine.balance_of_power]
    assert threat.years == power.years == len(game.history)
    assert threat.score is not None and power.score is not None
    assert threat.score >= TARGET and threat.score - power.score >= GAP
    verdict = contrast_verdict(tuple(found.values()))
    assert verdict is not None and verdict.startswith("Threat explains the real blocs")
