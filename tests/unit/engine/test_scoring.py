"""The score a teacher relies on: it adds up, its grades say what they need, its weights
apply, security moves with play, a provoked coalition costs more than it gains, and an
intervention the campaign asks for is not charged as a war (docs/scoring.md)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from game.campaign.loader import load_campaign
from game.campaign.models import Scoring
from game.engine import constants as k
from game.engine import scoring
from game.engine.game import Game, new_game
from game.engine.orders import ChoiceOrder, Order
from game.engine.policies import make_policy
from game.engine.report import PENALTY_PARTS, ScoreCard, ScoreNote, ScoreNoteKind, ScorePart
from game.engine.simulate import run
from game.engine.wording import grades_text, score_line_text

TUTORIAL = Path(__file__).resolve().parents[3] / "campaigns" / "tutorial.yaml"


@pytest.fixture(scope="module")
def loaded():
    return load_campaign(TUTORIAL)


def played(loaded, state: str, policy: str, seed: str = "1") -> Game:
    game = new_game(loaded, seed, state)
    for _ in run(game, make_policy(policy, seed)):
        pass
    return game


def begun(loaded, state: str = "VAL", seed: str = "1") -> Game:
    """A new game with its opening events answered (first option)."""
    game = new_game(loaded, seed, state)
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    return game


@pytest.fixture(scope="module")
def games(loaded) -> dict[tuple[str, str], Game]:
    """One finished game per playable state and policy (seed 1)."""
    return {
        (state, policy): played(loaded, state, policy)
        for state in ("VAL", "KAR", "ON")
        for policy in ("passive", "hawk", "random", "statesman")
    }


# -- the breakdown ---------------------------------------------------------------------


def assert_adds_up(card: ScoreCard) -> None:
    points = {line.part: line.points for line in card.lines}
    assert [line.part for line in card.lines] == list(ScorePart)
    assert card.total == sum(points.values())
    assert card.total == card.security + card.influence + card.objectives - card.penalties
    assert card.penalties == -sum(points[p] for p in PENALTY_PARTS)
    assert (card.security, card.influence, card.objectives) == (
        points[ScorePart.security],
        points[ScorePart.influence],
        points[ScorePart.objectives],
    )
    assert card.best == sum(line.maximum for line in card.lines)
    for line in card.lines:
        if line.part in PENALTY_PARTS:
            assert line.maximum == 0 and line.points <= 0
        else:
            assert 0 <= line.points <= line.maximum


def test_the_breakdown_sums_to_the_total(games):
    for game in games.values():
        assert_adds_up(game.score)
        for report in game.reports:  # every turn's card too
            assert_adds_up(report.score)


def test_the_breakdown_is_plain_data_a_front_end_renders(games):
    card = games["VAL", "statesman"].score
    security = card.line("security")
    assert security.maximum == k.SECURITY_POINTS and 0 < security.measure <= 1
    assert score_line_text(security) == f"security {security.points} of {security.maximum}"
    assert score_line_text(card.line(ScorePart.coalition)).startswith("coalition against you ")
    assert card.baseline == games["VAL", "statesman"].world.opening_threat > 0
    with pytest.raises(KeyError):
        card.line("luck")


# -- grades ------------------------------------------------------------------------------


def test_grade_thresholds_are_consistent(games):
    for game in games.values():
        card = game.score
        shares = [share for share, _ in k.GRADES]
        assert [f.grade for f in card.grades] == [letter for _, letter in k.GRADES]
        assert [f.share for f in card.grades] == shares
        needed = [f.points for f in card.grades]
        assert needed[-1] is None  # the lowest grade takes any total
        numbers = [n for n in needed if n is not None]
        assert numbers == sorted(numbers, reverse=True)
        for floor in card.grades[:-1]:
            assert floor.points == math.ceil(round(floor.share * card.best, 6))
        # The card's grade is exactly the one its thresholds give (no defeat here).
        assert game.world.outcome != "defeat"
        assert card.grade == scoring.grade_of(card.total, card.grades)
        assert grades_text(card).startswith(f"A from {card.grades[0].points}, ")


def test_each_threshold_is_the_least_total_that_earns_its_grade():
    floors = scoring.grade_floors(2000)
    assert [(f.grade, f.points) for f in floors] == [
        ("A", 1600),
        ("B", 1300),
        ("C", 1000),
        ("D", 700),
        ("F", None),
    ]
    for higher, lower in itertools.pairwise(floors):
        assert higher.points is not None
        assert scoring.grade_of(higher.points, floors) == higher.grade
        assert scoring.grade_of(higher.points - 1, floors) == lower.grade
    assert scoring.grade_of(-500, floors) == "F"
    # With nothing to earn, every grade above the lowest still needs a point.
    assert scoring.grade_of(0, scoring.grade_floors(0)) == "F"


def test_a_defeat_is_the_lowest_grade_whatever_the_points(loaded):
    game = begun(loaded)
    game.world.outcome = "defeat"
    card = game.score
    assert card.grade == "F"
    assert ScoreNote(ScoreNoteKind.defeat) in card.notes


# -- weights -----------------------------------------------------------------------------


def test_the_campaigns_weights_apply_to_every_part(games):
    game = games["VAL", "hawk"]  # a game with points in every kind of part
    plain = game.score
    weights = Scoring(security=2.0, influence=0.0, objectives=0.5, penalties=3.0)
    reweighted = game.campaign.model_copy(update={"scoring": weights})
    card = scoring.score_card(reweighted, game.world, game.player)
    assert card == scoring.score_card(game.campaign, game.world, game.player, weights)
    for line, base in zip(card.lines, plain.lines, strict=True):
        weight = getattr(weights, "penalties" if line.part in PENALTY_PARTS else line.part.value)
        assert line.weight == weight
        assert line.points == pytest.approx(base.points * weight, abs=1)
        assert line.maximum == pytest.approx(base.maximum * weight, abs=1)
        assert line.measure == base.measure
    assert card.influence == 0 and card.line("influence").maximum == 0
    assert card.penalties == pytest.approx(3 * plain.penalties, abs=3)
    assert card.best == pytest.approx(2 * 1000 + 0.5 * k.OBJECTIVE_POINTS, abs=1)
    assert_adds_up(card)


# -- security ----------------------------------------------------------------------------


def test_security_is_measured_against_the_opening_threat(loaded):
    world = new_game(loaded, "1", "VAL").world
    opening = world.opening_threat
    assert opening > k.SECURITY_SPAN_FLOOR / k.SECURITY_SPAN  # the span, not the floor
    span = k.SECURITY_SPAN * opening
    assert scoring.security_rating(world, opening) == pytest.approx(0.5)
    assert scoring.security_rating(world, opening - span) == pytest.approx(1.0)
    assert scoring.security_rating(world, opening + span) == pytest.approx(0.0)
    assert scoring.security_rating(world, 0.0) == 1.0  # capped
    assert scoring.security_rating(world, 1.0) == 0.0


def test_security_moves_with_good_and_bad_play(games):
    for state in ("VAL", "KAR", "ON"):
        good = games[state, "statesman"].score.security
        idle = games[state, "passive"].score.security
        assert good - idle >= 150, (state, good, idle)


# -- coalitions --------------------------------------------------------------------------


def test_the_same_power_costs_more_against_you_than_it_gains_with_you():
    for share in (0.05, 0.1, 0.25, 0.5, 0.75, 1.0):
        gained = k.INFLUENCE_POINTS * min(1.0, 2 * share)
        assert k.COALITION_POINTS * share > gained


def test_provoking_a_coalition_costs_more_than_it_gains(games):
    """The hawk allies with whoever will have it and threatens its principal threat: it
    wins allies (influence) but draws a coalition that costs more."""
    hawk, idle = games["VAL", "hawk"].score, games["VAL", "passive"].score
    gained = sum(
        max(0, hawk.line(p).points - idle.line(p).points)
        for p in (ScorePart.security, ScorePart.influence, ScorePart.objectives)
    )
    cost = idle.line("coalition").points - hawk.line("coalition").points
    assert hawk.line("influence").points > idle.line("influence").points
    assert cost > gained > 0
    assert hawk.total < idle.total


def test_only_a_coalition_beyond_the_opening_one_is_charged(loaded):
    karvath = new_game(loaded, "1", "KAR").world
    assert karvath.opening_opposition > 0  # the Strait League already stands against it
    assert new_game(loaded, "1", "VAL").world.opening_opposition == 0
    world = begun(loaded, "KAR").world
    world.opposition = [world.opening_opposition] * 5
    card = scoring.score_card(loaded.campaign, world, "KAR")
    assert card.line("coalition").points == 0
    world.opposition = [world.opening_opposition + 0.25] * 5
    card = scoring.score_card(loaded.campaign, world, "KAR")
    assert card.line("coalition").points == -round(k.COALITION_POINTS * 0.25)
    assert card.line("coalition").measure == pytest.approx(0.25)


# -- objectives and wars -------------------------------------------------------------------


def test_objectives_share_the_objective_points(loaded):
    for state in ("VAL", "KAR", "ON"):
        counted = scoring.objectives_for(loaded.campaign, state)
        worth = [scoring.objective_points(loaded.campaign, state, o) for o in counted]
        assert sum(worth) == pytest.approx(k.OBJECTIVE_POINTS, abs=len(worth))
    game = begun(loaded)
    card = game.score
    assert card.line("objectives").maximum == k.OBJECTIVE_POINTS


def test_an_objective_names_the_states_it_asks_to_be_removed(loaded):
    by_id = {o.id: o for era in loaded.campaign.eras for o in era.objectives}
    assert scoring.objective_targets(by_id["clear_the_skerries"]) == ["COR"]
    assert scoring.objective_targets(by_id["peace_holds"]) == []  # it wants them to exist
    assert scoring.objective_targets(by_id["contain_karvath"]) == []


def test_an_intervention_the_campaign_asks_for_is_not_charged_as_a_war(loaded):
    asked = begun(loaded)
    report = asked.end_turn([Order("intervene", "COR")])
    assert report.refusals == []
    assert asked.world.wars == 1 and asked.world.sanctioned == 1
    card = asked.score
    assert card.line("wars").points == 0 and card.line("wars").measure == 0
    assert ScoreNote(ScoreNoteKind.sanctioned_interventions, 1) in card.notes
    assert not any(n.kind == ScoreNoteKind.wars_started for n in card.notes)

    chosen = begun(loaded)
    chosen.end_turn([Order("intervene", "NO")])
    card = chosen.score
    assert chosen.world.wars == 1 and chosen.world.sanctioned == 0
    assert card.line("wars").points == -k.WAR_PENALTY
    assert ScoreNote(ScoreNoteKind.wars_started, 1) in card.notes


def test_an_objective_past_its_deadline_no_longer_asks_for_it(loaded):
    world = begun(loaded).world
    assert scoring.sanctioned(loaded.campaign, world, "VAL", "COR")
    assert not scoring.sanctioned(loaded.campaign, world, "KAR", "COR")  # not its objective
    world.year = 1908  # clear_the_skerries' deadline is 1907
    assert not scoring.sanctioned(loaded.campaign, world, "VAL", "COR")
    world.year = 1901
    world.achieved["clear_the_skerries"] = 1
    assert not scoring.sanctioned(loaded.campaign, world, "VAL", "COR")
