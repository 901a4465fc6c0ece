"""The debrief's theory contrast: the same world left to the AI alone under each doctrine,
scored beside the real blocs exactly as the player's world is."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.library import resolve_campaign
from game.campaign.loader import load_campaign
from game.engine import make_policy, new_game, play_headless
from game.history import beside
from game.history.contrast import (
    CONTRASTED,
    DoctrineAgreement,
    ai_alone,
    contrast_lines,
    contrast_verdict,
    doctrine_contrast,
)
from game.vocabulary import Doctrine

CAMPAIGN = Path(__file__).resolve().parents[2] / "data" / "cow_campaign.yaml"


@pytest.fixture(scope="module")
def finished():
    game = new_game(load_campaign(CAMPAIGN), "contrast")
    for _ in play_headless(game, make_policy("hawk", "contrast")):
        pass
    return game


def test_the_ai_alone_replays_the_same_game_length_passively(finished) -> None:
    alone = ai_alone(finished, Doctrine.balance_of_power)
    assert alone.player == finished.player and alone.seed == finished.seed
    assert alone.doctrine is Doctrine.balance_of_power
    assert len(alone.history) == len(finished.history)
    # A passive player: no orders, and each event's first option.
    assert all(not turn.orders for turn in alone.log)
    assert all(choice.choice == 0 for turn in alone.log for choice in turn.choices)


def test_each_doctrine_is_scored_as_the_players_world_is(finished) -> None:
    contrast = doctrine_contrast(finished)
    assert [c.doctrine for c in contrast] == list(CONTRASTED)
    for found in contrast:
        agreements = beside.agreement_by_year(ai_alone(finished, found.doctrine))
        assert found.score == beside.overall_score(agreements)
        assert found.years == len(agreements)
    assert doctrine_contrast(finished) == contrast  # deterministic: seeded replays


def test_a_campaign_without_cow_codes_has_no_contrast() -> None:
    game = new_game(load_campaign(resolve_campaign("tutorial")), "contrast")
    for _ in play_headless(game, make_policy("passive", "contrast"), turns=2):
        pass
    with pytest.raises(beside.NoHistory):
        doctrine_contrast(game)


def agreement(doctrine: Doctrine, score: float | None) -> DoctrineAgreement:
    return DoctrineAgreement(doctrine, score, 10)


def test_the_verdict_follows_the_gap() -> None:
    threat, power = Doctrine.balance_of_threat, Doctrine.balance_of_power
    wide = contrast_verdict((agreement(threat, 0.9), agreement(power, 0.55)))
    assert wide is not None and wide.startswith("Threat explains the real blocs 0.35 better")
    reverse = contrast_verdict((agreement(threat, 0.5), agreement(power, 0.7)))
    assert reverse is not None and "power alone explains the real blocs 0.20 better" in reverse
    even = contrast_verdict((agreement(threat, 0.70), agreement(power, 0.68)))
    assert even == "Threat and power explain the real blocs about as well here."
    assert contrast_verdict((agreement(threat, None), agreement(power, 0.6))) is None


def test_the_lines_name_each_doctrine_and_its_score() -> None:
    lines = contrast_lines(
        (agreement(Doctrine.balance_of_threat, 0.876), agreement(Doctrine.balance_of_power, None))
    )
    assert (
        lines[0] == "The AI alone under balance of threat (the four elements): 0.88 over 10 years."
    )
    assert "balance of power" in lines[1] and "no state to compare" in lines[1]
