"""The scripted players against the score: the statesman outscores the passive player by a
grade and the hawk on the tutorial; the dove is not the passive player; each policy says
how it chooses; and they play deterministically through the front end's calls."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from game.campaign.loader import load_campaign
from game.cli import main
from game.engine.game import new_game
from game.engine.policies import POLICIES, make_policy
from game.engine.simulate import run
from game.vocabulary import POLICY_HELP

TUTORIAL = Path(__file__).resolve().parents[3] / "campaigns" / "tutorial.yaml"
SEEDS = ("1", "2", "3")
GRADES = "ABCDF"


@pytest.fixture(scope="module")
def loaded():
    return load_campaign(TUTORIAL)


def play(loaded, state: str, policy: str, seed: str):
    game = new_game(loaded, seed, state)
    orders = []
    for _ in run(game, make_policy(policy, seed)):
        orders += game.replay.turns[-1].orders or []
    return game, orders


@pytest.fixture(scope="module")
def scores(loaded):
    """(state, policy) -> the finished games' score cards over SEEDS."""
    return {
        (state, policy): [play(loaded, state, policy, seed)[0].score for seed in SEEDS]
        for state in ("VAL", "KAR", "ON")
        for policy in ("passive", "hawk", "statesman")
    }


@pytest.mark.parametrize("state", ["VAL", "KAR", "ON"])
def test_the_statesman_outscores_the_hawk(scores, state):
    statesman = statistics.fmean(c.total for c in scores[state, "statesman"])
    hawk = statistics.fmean(c.total for c in scores[state, "hawk"])
    assert statesman > hawk


@pytest.mark.parametrize("state", ["VAL", "KAR", "ON"])
def test_the_statesman_beats_the_passive_player_by_a_grade(scores, state):
    pairs = zip(scores[state, "statesman"], scores[state, "passive"], strict=True)
    for statesman, passive in pairs:
        assert GRADES.index(statesman.grade) <= GRADES.index(passive.grade) - 1
        assert statesman.total > passive.total


def test_the_statesman_provokes_no_one_and_keeps_its_allies(loaded):
    for state in ("VAL", "KAR", "ON"):
        game, orders = play(loaded, state, "statesman", "1")
        assert {o.action for o in orders} <= {"ally", "aid", "reassure", "posture", "buildup"}
        assert all(o.option == "defensive" for o in orders if o.action == "posture")
        assert game.world.abandoned == 0 and game.world.wars == 0
        assert game.score.line("coalition").points == 0


def test_the_statesman_plays_the_same_game_from_the_same_seed(loaded):
    first, _ = play(loaded, "VAL", "statesman", "7")
    again, _ = play(loaded, "VAL", "statesman", "7")
    assert first.world.state_hash() == again.world.state_hash()
    assert first.score == again.score


def test_the_dove_is_not_the_passive_player_where_it_has_options(loaded):
    """Ondria has no record to reassure anyone about, yet the dove still plays its own
    game: economic aid to the weakest state, never to the corsairs."""
    for state in ("ON", "VAL"):
        dove, orders = play(loaded, state, "dove", "1")
        passive, _ = play(loaded, state, "passive", "1")
        assert dove.world.state_hash() != passive.world.state_hash()
        aided = {o.target for o in orders if o.action == "aid"}
        assert aided and "COR" not in aided
        assert all(o.option == "economic" for o in orders if o.action == "aid")


def test_every_policy_is_made_and_says_how_it_chooses():
    assert tuple(POLICY_HELP) == POLICIES
    assert "statesman" in POLICIES
    for name in POLICIES:
        assert make_policy(name, "s") is not None
        assert POLICY_HELP[name]
    with pytest.raises(ValueError, match="statesman"):
        make_policy("diplomat", "s")


def test_simulate_help_lists_every_policy_on_its_own_line(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["simulate", "--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    text = " ".join(line.strip() for line in lines)
    for name, how in POLICY_HELP.items():
        assert f"{name}: {how}" in text
        assert any(line.strip().startswith(f"{name}: ") for line in lines), name
