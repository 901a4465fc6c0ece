"""The player's orders: each action is legal and applied with a visible effect; refusals say
why and are reported, never dropped; submissions the game cannot take raise EngineError.

The world is ``tests/data/scenarios/orders.yaml``: Pelion (the player) and Filia both fear
Agron; far-off Othra fears Rogan; Rogan itself feels no threat worth arming against, so only
the player's orders change it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.loader import load_campaign
from game.engine.game import EngineError, Game, new_game
from game.engine.orders import ACTIONS, ChoiceOrder, Order
from game.engine.report import Refusal, ScoreNote, ScoreNoteKind, TurnReport
from game.engine.wording import change_text, problem_text

SCENARIO = Path(__file__).resolve().parents[2] / "data" / "scenarios" / "orders.yaml"


@pytest.fixture(scope="module")
def loaded():
    return load_campaign(SCENARIO)


@pytest.fixture
def game(loaded) -> Game:
    return new_game(loaded, "orders", "PEL")


def submit(game: Game, *orders: Order) -> TurnReport:
    return game.end_turn(list(orders))


def why(game: Game, refusal: Refusal) -> str:
    """The refusal's reason as the game words it."""
    return problem_text(refusal.problem, game.view.names())


def refusal_reasons(report: TurnReport, game: Game) -> list[str]:
    return [why(game, r) for r in report.refusals]


def to_turn(game: Game, turn: int) -> None:
    """Play empty turns until ``turn`` begins."""
    while game.world.turn < turn:
        submit(game)


# -- legal orders and their effects ------------------------------------------------------


def test_the_world_is_as_the_orders_tests_need(game):
    m = game.matrix
    assert m.principal("PEL") == "AGR" and m.principal("FIL") == "AGR"
    assert m.principal("OTH") == "ROG"
    # Rogan faces no threat high enough to arm, and has no allies: only orders move it.
    assert max(t for _, t in m.ranked("ROG")) < 0.4
    assert game.pending == []


def test_legal_orders_list_each_action_with_its_targets(game):
    options = {o.action: o for o in game.legal_orders()}
    assert set(options) <= set(ACTIONS)
    assert "break" not in options  # no ally to break with yet
    assert options["ally"].targets == ["FIL"]
    assert options["ally"].cost == 2
    for action in ("guarantee", "threaten", "intel", "reassure"):
        assert "PEL" not in options[action].targets
        assert "GHO" not in options[action].targets  # not present yet
        assert {"AGR", "FIL", "OTH", "ROG"} <= set(options[action].targets)
    assert options["buildup"].targets == []
    assert options["aid"].options == ["economic", "military"]
    assert options["aid"].max_amount == 3


def test_ally_signs_an_alliance_with_a_state_that_shares_the_threat(game):
    report = submit(game, Order("ally", "FIL"))
    assert report.refusals == []
    assert game.world.allied("PEL", "FIL")
    change = next(c for c in report.alignment_changes if c.state == "PEL")
    assert change.change == "formed"
    assert change.partners == ["FIL"]
    assert change.against == "AGR"
    assert "Filia accepts: its principal threat is Agron" in change_text(change, game.view.names())
    assert any(n.category == "alliance" and "Filia" in n.text for n in report.news)
    assert game.replay.turns[0].orders == [Order("ally", "FIL")]


def test_break_leaves_the_alliance_and_counts_an_abandoned_ally(game):
    submit(game, Order("ally", "FIL"))
    assert game.world.allied("PEL", "FIL")
    report = submit(game, Order("break", "FIL"))
    assert report.refusals == []
    assert not game.world.allied("PEL", "FIL")
    kinds = [(c.change, c.state) for c in report.alignment_changes]
    assert ("left", "PEL") in kinds
    assert any(kind == "dissolved" for kind, _ in kinds)
    # Filia still faces Agron: breaking with it costs credibility.
    assert game.world.abandoned == 1
    assert game.score.penalties > 0
    assert ScoreNote(ScoreNoteKind.allies_abandoned, 1) in game.score.notes


def test_guarantee_counts_the_players_strength_against_the_targets_threats(game):
    before = {line.rival: line for line in game.threats("FIL")}["AGR"]
    assert before.net == pytest.approx(before.threat)  # no one helps Filia yet
    report = submit(game, Order("guarantee", "FIL"))
    assert report.refusals == []
    assert ("PEL", "FIL") in game.world.guarantees
    after = {line.rival: line for line in game.threats("FIL")}["AGR"]
    assert after.net < after.threat


def test_economic_aid_raises_stability_power_and_goodwill(game):
    rogan = game.world.states["ROG"]
    stability, power = rogan.stability, rogan.power
    submit(game, Order("aid", "ROG", 2, "economic"))
    assert rogan.stability == pytest.approx(stability + 0.06)
    assert rogan.power == pytest.approx(power * 1.02)
    assert rogan.aid_from["PEL"] > 0


def test_military_aid_raises_military(game):
    rogan = game.world.states["ROG"]
    military = rogan.military
    submit(game, Order("aid", "ROG", 3, "military"))
    assert rogan.military == pytest.approx(military * 1.12)
    assert rogan.aid_from["PEL"] > 0


def test_buildup_raises_military_and_neighbours_take_note(game):
    pelion = game.world.states["PEL"]
    military = pelion.military
    report = submit(game, Order("buildup"))
    assert report.refusals == []
    assert pelion.military == pytest.approx(military * 1.08)
    noted = {a.target for a in game.world.acts if a.actor == "PEL" and "build-up" in a.description}
    assert "AGR" in noted  # a land neighbour reads it as a (mild) signal
    assert "OTH" not in noted  # a distant state does not


@pytest.mark.parametrize(("option", "offense"), [("defensive", 0.3), ("offensive", 0.8)])
def test_posture_sets_offensive_orientation(game, option, offense):
    submit(game, Order("posture", option=option))
    assert game.world.states["PEL"].offense == pytest.approx(offense)


def test_reassure_lowers_how_hostile_the_player_looks(game):
    submit(game, Order("threaten", "ROG"))
    threatened = game.matrix.factor("intentions", "ROG", "PEL")
    report = submit(game, Order("reassure", "ROG"))
    assert report.refusals == []
    assert any(a.actor == "PEL" and a.target == "ROG" and a.reassurance for a in game.world.acts)
    assert game.matrix.factor("intentions", "ROG", "PEL") < threatened


def test_threaten_is_a_remembered_hostile_act(game):
    before = game.matrix.factor("intentions", "ROG", "PEL")
    submit(game, Order("threaten", "ROG"))
    act = next(a for a in game.world.acts if a.actor == "PEL" and a.target == "ROG")
    assert (act.severity, act.reassurance) == (0.3, False)
    assert game.matrix.factor("intentions", "ROG", "PEL") > before
    remembered = game.explain("ROG", "PEL").factors[3].facts
    assert any("threats (against you" in fact for fact in remembered)


def test_sanction_lowers_power_and_stability(game):
    rogan = game.world.states["ROG"]
    power, stability = rogan.power, rogan.stability
    submit(game, Order("sanction", "ROG"))
    assert rogan.power == pytest.approx(power * 0.98)
    assert rogan.stability == pytest.approx(stability - 0.03)
    assert any(
        a.actor == "PEL" and a.target == "ROG" and a.severity == 0.2 for a in game.world.acts
    )


def test_intervene_lowers_military_and_counts_a_war(game):
    rogan = game.world.states["ROG"]
    military, stability = rogan.military, rogan.stability
    submit(game, Order("intervene", "ROG"))
    assert rogan.military == pytest.approx(military * 0.9)
    assert rogan.stability == pytest.approx(stability - 0.1)
    assert game.world.wars == 1
    assert ScoreNote(ScoreNoteKind.wars_started, 1) in game.score.notes


def test_intel_reports_the_targets_principal_threat_and_its_answer(game):
    report = submit(game, Order("intel", "OTH"))
    intel = [n.text for n in report.news if n.category == "intel"]
    assert len(intel) == 1
    assert "Intelligence on Othra: its principal threat is Rogan" in intel[0]
    assert "would be refused" in intel[0]


def test_orders_spend_action_points_in_turn(game):
    report = submit(game, Order("ally", "FIL"), Order("threaten", "AGR"))
    assert report.refusals == []
    assert game.world.allied("PEL", "FIL")
    assert any(a.actor == "PEL" and a.target == "AGR" for a in game.world.acts)


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (Order("annex", "FIL"), "unknown action 'annex'"),
        (Order("threaten"), "needs a target state"),
        (Order("threaten", "XX"), "there is no state 'XX'"),
        (Order("threaten", "GHO"), "Ghostia is not in the world now"),
        (Order("threaten", "PEL"), "you cannot target yourself"),
        (Order("ally", "OTH"), "Rogan, which you do not share"),
        (Order("ally", "PIR"), "a non-state actor cannot sign an alliance"),
        (Order("break", "FIL"), "you are not allied with Filia"),
        (Order("aid", "FIL"), "aid needs one of: economic, military"),
        (Order("aid", "FIL", 4, "economic"), "amount must be 1 to 3"),
        (Order("threaten", "AGR", 2), "threaten takes no amount"),
        (Order("buildup", "AGR"), "buildup takes no target"),
        (Order("threaten", "AGR", option="military"), "threaten takes no option"),
        (Order("posture", option="sideways"), "posture needs one of: defensive, offensive"),
    ],
)
def test_a_refused_order_is_reported_with_its_reason(game, order, reason):
    before = game.world.snapshot()
    report = submit(game, order)
    assert len(report.refusals) == 1
    refusal = report.refusals[0]
    assert refusal.order == order
    assert reason in why(game, refusal)
    news = [n.text for n in report.news if n.category == "refusal"]
    assert news == [f"Refused: {order}: {why(game, refusal)}."]
    # The refused order did nothing: no act, no alliance, no guarantee by the player.
    assert not any(a.actor == "PEL" for a in game.world.acts)
    assert not game.world.allies_of("PEL")
    assert game.world.guarantees == before["guarantees"]


def test_ally_refusal_says_the_target_does_not_share_the_threat(game):
    report = submit(game, Order("ally", "OTH"))
    (refusal,) = report.refusals
    rated = game.matrix.get("PEL", "ROG")
    assert why(game, refusal).startswith(
        "Othra's principal threat is Rogan, which you do not share"
    )
    assert why(game, refusal).endswith(", so it refuses")
    assert "it rates it 0." in why(game, refusal)
    assert rated < 0.5
    assert not game.world.allied("PEL", "OTH")


def test_not_enough_action_points(game):
    report = submit(game, Order("intervene", "ROG"), Order("threaten", "AGR"))
    (refusal,) = report.refusals
    assert refusal.order == Order("threaten", "AGR")
    assert why(game, refusal) == "needs 1 action point, you have 0 left"
    assert game.world.wars == 1  # the first order went through
    assert not any(a.target == "AGR" and a.actor == "PEL" for a in game.world.acts)


def test_guarantee_twice_is_refused(game):
    assert submit(game, Order("guarantee", "FIL")).refusals == []
    report = submit(game, Order("guarantee", "FIL"))
    assert refusal_reasons(report, game) == ["you already guarantee Filia"]
    assert game.world.guarantees.count(("PEL", "FIL")) == 1


def test_ally_twice_is_refused(game):
    submit(game, Order("ally", "FIL"))
    report = submit(game, Order("ally", "FIL"))
    assert refusal_reasons(report, game) == ["you are already allied with Filia"]


def test_every_order_is_either_applied_or_refused_never_dropped(game):
    orders = [
        Order("annex", "FIL"),
        Order("threaten", "ROG"),
        Order("threaten"),
        Order("reassure", "OTH"),
        Order("ally", "OTH"),
        Order("intel", "AGR"),
        Order("intel", "FIL"),  # no action points left
    ]
    report = submit(game, *orders)
    refused = [str(r.order) for r in report.refusals]
    assert refused == ["annex FIL", "threaten", "ally OTH", "intel FIL"]
    assert len([n for n in report.news if n.category == "refusal"]) == 4
    applied = [a for a in game.world.acts if a.actor == "PEL"]
    assert {(a.target, a.reassurance) for a in applied} == {("ROG", False), ("OTH", True)}
    assert len([n for n in report.news if n.category == "intel"]) == 1
    # The replay records every order as submitted, refused ones included.
    assert game.replay.turns[0].orders == orders


# -- submissions the game cannot take ------------------------------------------------------


def test_orders_while_an_event_awaits_a_choice_raise(game):
    to_turn(game, 3)
    assert [p.event for p in game.pending] == ["council"]
    turn = game.world.turn
    with pytest.raises(EngineError, match="'council' awaits your choice"):
        game.end_turn([Order("threaten", "AGR")])
    assert game.world.turn == turn
    assert not any(a.actor == "PEL" for a in game.world.acts)
    news = game.choose(ChoiceOrder("council", 1))
    assert "Refuse" in news[0].text
    assert game.world.flags["agreed"] is False
    assert game.pending == []
    submit(game, Order("threaten", "AGR"))
    assert game.world.turn == turn + 1


@pytest.mark.parametrize("index", [-1, 2, 99])
def test_a_bad_choice_index_raises(game, index):
    to_turn(game, 3)
    with pytest.raises(EngineError, match="choose 1 to 2 for 'council'"):
        game.choose(ChoiceOrder("council", index))
    assert [p.event for p in game.pending] == ["council"]
    assert game.log[-1].choices == []


def test_a_choice_for_another_event_raises(game):
    to_turn(game, 3)
    with pytest.raises(EngineError, match="awaiting a choice is 'council', not 'other'"):
        game.choose(ChoiceOrder("other", 0))


def test_a_choice_with_no_event_waiting_raises(game):
    with pytest.raises(EngineError, match="no event awaits a choice"):
        game.choose(ChoiceOrder("council", 0))


def test_submitting_after_the_game_is_over_raises(game):
    while not game.over:
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        submit(game)
    with pytest.raises(EngineError, match="the game is over"):
        game.end_turn([])


def test_an_unplayable_player_and_bad_explain_arguments_raise(loaded):
    with pytest.raises(EngineError, match="not a playable state"):
        new_game(loaded, "x", "AGR")
    game = new_game(loaded, "x", "PEL")
    with pytest.raises(EngineError, match="no threat to itself"):
        game.explain("PEL", "PEL")
    with pytest.raises(EngineError, match="'GHO' is not a state in the world now"):
        game.explain("PEL", "GHO")


def test_penalties_beyond_the_score_give_the_lowest_grade_not_a_crash(game):
    """Wars can cost more than everything else earns: the total goes below zero and the
    grade is the lowest one (found by the property tests as a crash)."""
    game.world.wars = 50
    card = game.score
    assert card.total < 0
    assert card.grade == "F"
