"""The history check is played by the game's own alliance AI, and by nothing else.

Each prediction must be what ``align_turn`` (the pass ``Game.end_turn`` runs) did in the
simulated world: these tests replay a simulated year by hand and compare.
"""

from __future__ import annotations

import copy

import pytest

from game.engine import Context, align_turn, assess
from game.engine import alignment as engine_alignment
from game.history import check
from game.history.worldbuild import build, ccode_of, sid


@pytest.fixture(scope="module")
def seasons() -> list[check.Season]:
    return check.play(1960, 1963)


def test_the_play_starts_from_no_alliances_before_the_period(seasons) -> None:
    assert seasons[0].year == 1960 - check.BURN_IN
    first = build(seasons[0].year).world
    assert first.alliances == {}  # the data never give alliances


def test_each_year_is_the_game_ai_applied_to_the_year_before(seasons) -> None:
    # Rebuild 1962 from the data, give it the alliances the AI had made by the end of
    # 1961, run the game's own alignment pass: the alliances must be those the check saw.
    before = {s.year: s for s in seasons}[1961].world.world
    built = build(1962)
    world = built.world
    for key, record in sorted(copy.deepcopy(before.alliances).items()):
        record.members = [m for m in record.members if m in world.states]
        if record.against is not None and record.against not in world.states:
            record.against = None
        if len(record.members) >= 2:
            world.alliances[key] = record
    world.receded = {k: v for k, v in before.receded.items() if k.split("|")[1] in world.alliances}
    matrix = assess(world, built.geo, built.loaded.campaign.eras[0].weights, 1.0)
    changes = align_turn(Context(world, built.geo, matrix, "", 1.0))
    season = {s.year: s for s in seasons}[1962]
    assert [(c.change, c.state, c.alliance) for c in changes] == [
        (c.change, c.state, c.alliance) for c in season.changes
    ]
    mine = {k: sorted(a.members) for k, a in world.alliances.items()}
    theirs = {k: sorted(a.members) for k, a in season.world.world.alliances.items()}
    assert mine == theirs


def test_a_prediction_is_the_pole_the_state_is_allied_with(seasons) -> None:
    result = check.run(1962, 1963, [2, 365])
    by_year = {s.year: s for s in check.play(1962, 1963)}
    poles = [sid(2), sid(365)]
    for row in result.rows:
        blocs = list(by_year[row.year].world.world.alliances.values())
        side = check.side_of(blocs, sid(row.ccode), poles, row.chose)
        assert row.predicted == (check.NEITHER if side is None else ccode_of(side))
        direct = [
            p for p in poles if any(sid(row.ccode) in a.members and p in a.members for a in blocs)
        ]
        if len(direct) == 1:
            assert row.predicted == ccode_of(direct[0])


def test_the_game_runs_the_same_alignment_pass(monkeypatch) -> None:
    from game.campaign.library import shipped_dir
    from game.campaign.loader import load_campaign
    from game.engine.game import new_game
    from game.engine.orders import ChoiceOrder

    calls = []
    real = engine_alignment.align_turn

    def spy(ctx):
        calls.append(ctx.world.turn)
        return real(ctx)

    monkeypatch.setattr(engine_alignment, "align_turn", spy)
    game = new_game(load_campaign(shipped_dir() / "tutorial.yaml"), "history", None)
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    game.end_turn([])
    assert calls == [1]


def test_side_of_follows_the_bloc() -> None:
    from game.engine import AllianceRecord

    def pact(ident, *members):
        return AllianceRecord(ident, ident, list(members), "defense", 1)

    blocs = [
        pact("a", "x", "y"),
        pact("b", "y", "P"),
        pact("c", "z", "Q"),
        pact("d", "w", "P", "Q"),
    ]
    assert check.side_of(blocs, "x", ["P", "Q"]) == "P"  # through its ally y
    assert check.side_of(blocs, "z", ["P", "Q"]) == "Q"
    assert check.side_of(blocs, "w", ["P", "Q"]) is None  # with both: neither
    assert check.side_of(blocs, "v", ["P", "Q"]) is None  # with no one
