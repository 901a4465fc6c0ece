"""The calibrated constants are the game's defaults (DESIGN.md section 5): the intentions
weight the history check chose is the one a campaign era gets when it sets none."""

from __future__ import annotations

from game.campaign.models import Weights
from game.history.worldbuild import WEIGHTS


def test_the_format_default_intentions_weight_is_the_calibrated_one():
    assert Weights().intentions == WEIGHTS["intentions"]
    # The others the calibration left at the format's default.
    for name in ("power", "proximity", "offense"):
        assert WEIGHTS.get(name, getattr(Weights(), name)) == 1.0
