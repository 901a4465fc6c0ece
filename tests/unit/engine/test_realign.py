"""The matrix after the alignment pass is judged again from the standing of the one before
(``realign``): it must be exactly the matrix a full assessment of the world would give,
whatever alliances the pass made or broke."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.campaign.loader import load_campaign
from game.engine import alignment
from game.engine.game import new_game
from game.engine.orders import ChoiceOrder
from game.engine.reading import Context
from game.engine.threat import FACTORS, assess, realign

ROOT = Path(__file__).resolve().parents[3]
TABLES = (*FACTORS, "threat", "net", "grievance", "conventional")


def answer_events(game) -> None:
    """Take the first open option of every event that waits (the historical one)."""
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, game.pending[0].open_options()[0]))


def same(a, b) -> None:
    assert a.ids == b.ids and a.principals == b.principals and a.by_power == b.by_power
    for name in TABLES:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


@pytest.mark.parametrize("campaign", ["cold_war", "tutorial"])
def test_realign_equals_a_full_assessment_after_the_alignment_pass(campaign):
    game = new_game(load_campaign(ROOT / "campaigns" / f"{campaign}.yaml"), seed="r")
    changed = 0
    for _ in range(12):
        answer_events(game)
        world = game.world
        before = assess(world, game.geo, game.era.weights, game.years)
        ctx = Context(world, game.geo, before, game.player, game.years)
        changes = alignment.align_turn(ctx)
        changed += len(changes)
        same(realign(before, world), assess(world, game.geo, game.era.weights, game.years))
        game.end_turn([])
        if game.over:
            break
    assert changed > 0  # the pass did move alliances: the check compared something


def test_realign_refuses_a_matrix_of_another_turn():
    game = new_game(load_campaign(ROOT / "campaigns" / "tutorial.yaml"), seed="r")
    answer_events(game)
    old = game.matrix
    game.end_turn([])
    with pytest.raises(ValueError):
        realign(old, game.world)
