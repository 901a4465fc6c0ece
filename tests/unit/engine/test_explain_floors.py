"""The "why" screen's proximity fact says which floor holds the figure up, so that the
figure shown follows from what the screen says (a sea border, or a global reach)."""

from __future__ import annotations

import math
from pathlib import Path

from game.campaign.loader import load_campaign
from game.engine import constants as k
from game.engine import new_game

ROOT = Path(__file__).resolve().parents[3]


def proximity(game, observer: str, rival: str):
    explanation = game.explain(observer, rival)
    (factor,) = [f for f in explanation.factors if f.name == "proximity"]
    return factor


def test_a_sea_border_floor_is_named_where_it_holds_the_figure_up():
    game = new_game(load_campaign(ROOT / "campaigns" / "tutorial.yaml"), "why", "VAL")
    km, reach = game.geo.distance("VAL", "KAR"), game.world.states["KAR"].reach
    assert math.exp(-km / reach) < k.SEA_BORDER_PROXIMITY  # the distance alone gives less
    factor = proximity(game, "VAL", "KAR")
    assert factor.value == k.SEA_BORDER_PROXIMITY
    assert f"a sea border keeps it at least {k.SEA_BORDER_PROXIMITY:.2f}" in factor.facts[0]
    # A land neighbour's proximity needs no floor, and none is named.
    assert "keeps it at least" not in proximity(game, "VAL", "NO").facts[0]


def test_a_global_reach_floor_is_named_where_it_holds_the_figure_up():
    game = new_game(load_campaign(ROOT / "campaigns" / "cold_war.yaml"), "why", "TUR")
    facts = proximity(game, "IND", "USA").facts[0]
    assert f"its global reach keeps it at least {k.GLOBAL_PROXIMITY:.2f}" in facts
