"""Options with conditions and costs: an option open only while its condition holds (shown
closed, with the campaign's reason), an option that takes action points from the turn's
orders, every policy keeping to the open options, and the loader wanting one option always
open."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import ChoiceOrder, make_policy, new_game, play_headless
from game.engine.game import EngineError
from game.engine.policies import POLICIES

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
VERSION_2 = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
RAID = "      - id: raid\n"

OPTIONS = """\
      - id: summit
        title: Summit
        text: A summit is called.
        trigger: {kind: scheduled, year: 1900}
        choices:
          - label: Walk out
            hint: Refusal keeps the threat.
          - label: Sign with Onland
            when: 'allied(AAA, ON)'
            unavailable: Onland is no ally of yours
            hint: An ally's word.
          - label: Send the whole cabinet
            cost: 2
            hint: Attention spent here is not spent on orders.
          - label: Send the fleet as well
            cost: 9
            hint: More than a turn holds.
"""


def game_with(tmp_path: Path, events: str = OPTIONS, seed: str = "s"):
    path = tmp_path / "campaign.yaml"
    path.write_text(VERSION_2.replace(RAID, events + RAID, 1))
    return new_game(load_campaign(path), seed, "AAA")


def test_closed_options_are_shown_with_the_reason(tmp_path) -> None:
    game = game_with(tmp_path)
    options = game.pending[0].choices
    assert [o.open for o in options] == [True, False, True, False]
    assert options[1].closed_because == "Onland is no ally of yours"
    assert options[3].closed_because == "it takes 9 action points and 3 are left"
    assert options[2].cost == 2
    assert game.pending[0].open_options() == [0, 2]


def test_a_closed_option_is_refused(tmp_path) -> None:
    game = game_with(tmp_path)
    with pytest.raises(EngineError, match="option 2 of 'summit' is closed: Onland is no ally"):
        game.choose(ChoiceOrder("summit", 1))


def test_a_costly_option_takes_points_from_this_turns_orders_only(tmp_path) -> None:
    game = game_with(tmp_path)
    full = game.action_points
    game.choose(ChoiceOrder("summit", 2))
    assert game.action_points == full - 2
    game.end_turn([])
    assert game.action_points == full  # a new turn: its points are whole again


def test_every_policy_takes_only_open_options(tmp_path) -> None:
    for policy in POLICIES:
        for seed in ("a", "b", "c"):
            game = game_with(tmp_path, seed=seed)
            for _ in play_headless(game, make_policy(policy, seed), turns=1):
                pass
            taken = game.log[0].choices[0].choice
            assert taken in (0, 2), (policy, seed, taken)


def test_the_loader_wants_an_option_always_open(tmp_path) -> None:
    only_closed = """\
      - id: summit
        title: Summit
        text: A summit is called.
        trigger: {kind: scheduled, year: 1900}
        choices:
          - label: Sign
            when: 'allied(AAA, ON)'
            hint: An ally's word.
          - label: Pay
            cost: 1
            hint: It costs.
"""
    with pytest.raises(CampaignInvalid) as caught:
        game_with(tmp_path, only_closed)
    assert "give at least one option neither" in str(caught.value)


def test_unavailable_without_when_is_refused(tmp_path) -> None:
    bad = OPTIONS.replace(
        "            cost: 9\n", "            cost: 9\n            unavailable: Too dear\n"
    )
    with pytest.raises(CampaignInvalid) as caught:
        game_with(tmp_path, bad)
    assert "has no 'when' that could close it" in str(caught.value)
