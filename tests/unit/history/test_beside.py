"""The game's blocs beside the real ones (``game.history.beside``), on a small campaign of
real states with COW codes (tests/data/cow_campaign.yaml, 1950-1955)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.campaign.library import resolve_campaign
from game.campaign.loader import LoadedCampaign, load_campaign
from game.engine import (
    ChoiceOrder,
    Game,
    blocs_at,
    load_game,
    make_policy,
    new_game,
    play_headless,
    poles_of,
    save,
)
from game.history import beside
from game.history.metrics import balanced_accuracy

DATA = Path(__file__).resolve().parents[2] / "data"


@cache
def fixture() -> LoadedCampaign:
    return load_campaign(DATA / "cow_campaign.yaml")


def played(policy: str = "statesman", seed: str = "b") -> Game:
    game = new_game(fixture(), seed)
    for _ in play_headless(game, make_policy(policy, seed)):
        pass
    return game


def test_the_poles_are_the_campaigns_or_the_two_most_powerful_states() -> None:
    campaign = fixture().campaign
    assert poles_of(campaign) == ["USA", "USSR"]
    # Without poles: the two states with the greatest aggregate power at the start.
    assert poles_of(campaign.model_copy(update={"poles": []})) == ["USA", "USSR"]
    assert poles_of(campaign.model_copy(update={"poles": ["USSR", "GBR"]})) == ["USSR", "GBR"]


def test_real_sides_of_a_hand_checked_year() -> None:
    """ATOP 1952 (the shipped data): Canada (20) and Turkey (640, NATO from 1952) share a
    pact with the United States (2) only, Poland (290) with the USSR (365) only, the United
    Kingdom (200) with both (the 1942 Anglo-Soviet treaty, annulled in 1955), India (750)
    with neither."""
    campaign = fixture().campaign
    assert beside.real_partners(campaign, 1952) == {
        "CAN": ("USA",),
        "GBR": ("USA", "USSR"),
        "IND": (),
        "POL": ("USSR",),
        "TUR": ("USA",),
    }
    assert beside.real_sides(campaign, 1952) == {
        "CAN": "USA",
        "GBR": None,
        "IND": None,
        "POL": "USSR",
        "TUR": "USA",
    }
    # Before NATO took Turkey in, it had a pact with neither pole.
    assert beside.real_sides(campaign, 1950)["TUR"] is None
    # A year outside the data has no answer.
    assert beside.real_sides(campaign, 2100) == {}


def test_a_campaign_without_cow_codes_has_no_history() -> None:
    tutorial = load_campaign(resolve_campaign("tutorial")).campaign
    problem = beside.history_problem(tutorial)
    assert problem is not None and "cow:" in problem
    assert not beside.has_history(tutorial)
    assert beside.has_history(fixture().campaign)
    game = new_game(load_campaign(resolve_campaign("tutorial")), "t")
    with pytest.raises(beside.NoHistory):
        beside.agreement_by_year(game)


def test_a_pole_without_a_cow_code_is_named() -> None:
    campaign = fixture().campaign
    states = [s.model_copy(update={"cow": None}) if s.id == "USSR" else s for s in campaign.states]
    problem = beside.history_problem(campaign.model_copy(update={"states": states}))
    assert problem is not None and "USSR" in problem


def test_the_game_side_is_the_bloc_the_engine_had() -> None:
    """Turn by turn, the side recorded for each state is a pole its alliances really reach
    in the live world as the turn closed (the only one, when only one is reachable), and
    None when none is."""
    game = new_game(fixture(), "g")
    policy = make_policy("random", "g")
    poles = poles_of(game.campaign)
    while not game.over:
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        if game.over:
            break
        game.end_turn(policy.orders(game))
        turn = game.history[-1].turn
        world = game.world  # the fixture has no event that changes alliances between turns
        assert game.history[-1].present == tuple(world.ids())
        sides = beside.game_sides(game, turn)
        assert set(sides) == {"CAN", "GBR", "IND", "POL", "TUR"}
        for state, side in sides.items():
            reached, frontier = {state}, [state]
            while frontier:
                frontier = sorted({a for s in frontier for a in world.allies_of(s)} - reached)
                reached.update(frontier)
            reachable = [p for p in poles if p in reached]
            if not reachable:
                assert side is None, (turn, state)
            elif len(reachable) == 1:
                assert side == reachable[0], (turn, state)
            else:
                assert side in (*reachable, None)
        by_state = {line.state: line for line in blocs_at(game, turn)}
        for state, line in by_state.items():
            assert line.alliances == tuple(
                sorted(k for k, a in world.alliances.items() if state in a.members)
            )
        assert by_state["USA"].bloc == "USA" and by_state["USSR"].bloc == "USSR"


def test_the_agreement_year_by_year() -> None:
    game = played()
    agreements = beside.agreement_by_year(game)
    assert [a.year for a in agreements] == [1950, 1951, 1952, 1953, 1954, 1955]
    assert [a.turn for a in agreements] == [h.turn for h in game.history]
    names = game.view.names()
    for entry in agreements:
        real = beside.real_sides(game.campaign, entry.year)
        sides = beside.game_sides(game, entry.turn)
        assert {r.state: r.real for r in entry.rows} == real
        assert {r.state: r.game for r in entry.rows} == sides
        counted = [r for r in entry.rows if r.real is not None]
        expected = balanced_accuracy([r.real for r in counted], [r.game for r in counted])
        assert entry.score == round(expected, 4)
        assert entry.counted == len(counted)
        assert entry.hits == sum(r.game == r.real for r in counted)
        for row in entry.divergences:
            assert row.game != row.real
            text = beside.divergence_text(row, names)
            assert text.startswith(names[row.state])
            if row.reason is not None:  # its latest change in the game, up to that year
                assert row.reason_year is not None and row.reason_year <= entry.year
                assert row.state == row.reason.state or row.state in row.reason.partners
        assert [r for r in entry.rows if r.agrees and r.reason is not None] == []
    # 1952: Canada, Poland and Turkey count; the United Kingdom (both) and India do not.
    year = next(a for a in agreements if a.year == 1952)
    assert {r.state for r in year.rows if r.counted} == {"CAN", "POL", "TUR"}
    assert year.notes == ("Greece and Turkey join NATO.",)
    assert "ATOP 5.1" in beside.method_text(year.poles, names)
    pooled = [r for a in agreements for r in a.rows if r.counted]
    overall = balanced_accuracy([r.real for r in pooled], [r.game for r in pooled])
    assert beside.overall_score(agreements) == round(overall, 4)


def test_a_state_left_in_neither_bloc_counts_as_wrong() -> None:
    row = beside.SideRow("TUR", 640, None, "USA", ("USA",), ())
    right = beside.SideRow("CAN", 20, "USA", "USA", ("USA",), ("nato",))
    assert not row.agrees and row.counted
    assert beside.score_of([row, right]) == 0.5
    assert beside.score_of([beside.SideRow("IND", 750, None, None, (), ())]) is None


def test_the_agreement_is_rebuilt_from_a_replay(tmp_path) -> None:
    game = played("random", "r")
    path = save(game, tmp_path / "game.json")
    again = load_game(path, fixture())
    assert beside.agreement_by_year(again) == beside.agreement_by_year(game)


def test_checkpoints_of_a_long_game() -> None:
    def year(y: int) -> beside.YearAgreement:
        return beside.YearAgreement(y, y - 1946, ("A", "B"), (), ())

    short = [year(y) for y in range(1950, 1956)]
    assert beside.checkpoints(short) == short
    long = [year(y) for y in range(1947, 1992)]
    assert [a.year for a in beside.checkpoints(long)] == [
        *range(1947, 1991, 5),
        1991,
    ]
    # Two-year turns: one at least five years after the one before.
    biennial = [year(y) for y in range(1947, 1992, 2)]
    assert [a.year for a in beside.checkpoints(biennial)] == [
        1947,
        1953,
        1959,
        1965,
        1971,
        1977,
        1983,
        1989,
        1991,
    ]
