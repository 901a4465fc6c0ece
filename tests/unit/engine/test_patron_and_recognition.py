"""Patron-client pacts (``patron``), states that never ally (``never_allies``) and a state
leaving every alliance at once (``break_alliance`` without an alliance): the format's
ways of saying what the threat engine alone would get wrong (the Warsaw Pact's satellites,
the two Koreas, a revolution)."""

from __future__ import annotations

from test_walt_hypotheses import OBSERVER, client_world, context, hostile, play, state, world

from game.campaign.effects import BreakAlliance, FormAlliance
from game.engine import constants as k
from game.engine.alignment import consent, join
from game.engine.apply import apply_effect
from game.engine.evaluate import WorldContext
from game.engine.report import ChangeKind, Grounds, Motive, Verdict
from game.engine.world import Act, AllianceRecord, fold_twins


def client_pact_world():
    """Montane is Karrak's client from the start (the client world of the Walt tests)."""
    game = client_world()
    game.world.alliances["occupation"] = AllianceRecord(
        "occupation", "The Occupation Treaty", ["KRK", "MON"], "defense", 0, patron="KRK"
    )
    return game


def test_a_client_stays_with_a_patron_that_invades_it():
    game = client_pact_world()
    worst = 0.0
    for _ in range(8):
        for front in ("the invasion", "the occupation"):
            game.world.acts.append(Act("KRK", "MON", 1.0, game.world.turn, front))
        play(game, 1)
        worst = max(worst, game.matrix.factor("grievance", "MON", "KRK"))
        assert game.world.alliances["occupation"].members == ["KRK", "MON"]
    # A free bandwagoner would have left long before (the Walt tests show it).
    assert worst >= k.APPEASE_LIMIT


def test_a_client_makes_no_alliance_of_its_own_and_refuses_offers():
    game = client_pact_world()
    answer = consent(context(game), "MON", "RIV")
    assert not answer.accepted and answer.verdict == Verdict.has_patron
    assert answer.grounds.patron == "KRK"
    changes = play(game, 6)
    assert not [c for c in changes if c.state == "MON" and c.change != ChangeKind.left]
    assert [a.id for a in game.world.alliances_of("MON")] == ["occupation"]


def test_no_one_joins_a_patron_pact_uninvited():
    game = client_pact_world()
    ctx = context(game)
    join(ctx, "OBS", "KRK", ChangeKind.joined, "RIV", Motive.balancing, Grounds())
    assert game.world.alliances["occupation"].members == ["KRK", "MON"]
    assert game.world.allied("OBS", "KRK")  # in a pact of its own with the patron


def test_a_patron_pact_has_no_inferred_purpose_and_outlives_twins():
    game = client_pact_world()
    play(game, 1)
    assert game.world.alliances["occupation"].against is None
    twin = AllianceRecord("older", "Older Treaty", ["KRK", "MON"], "defense", -1)
    game.world.alliances["older"] = twin
    fold_twins(game.world)
    (survivor,) = game.world.alliances_of("MON")
    assert survivor.patron == "KRK"


def test_becoming_a_client_takes_a_state_out_of_its_other_pacts():
    game = client_world()
    game.world.alliances["hill"] = AllianceRecord(
        "hill", "The Hill League", ["MON", "OBS"], "defense", 0
    )
    effect = FormAlliance(
        kind="form_alliance", alliance="occupation", members=["KRK", "MON"], patron="KRK"
    )
    ctx = WorldContext(game.campaign, game.world, lambda: game.matrix, game.player)
    apply_effect(effect, ctx, game.player)
    assert "hill" not in game.world.alliances
    assert [a.id for a in game.world.alliances_of("MON")] == ["occupation"]


def two_koreas(never: bool):
    """North and South, both threatened by an aggressive giant beside them: they would ally
    against it, unless they do not recognise each other."""
    giant = state("GNT", 40.0, 120.0, 0.5, 500, offense=0.9, reach=1500, aggression=0.6)
    north = state("NTH", 39.0, 125.7, 0.1, 100, reach=600, borders=[{"state": "STH"}])
    south = state("STH", 37.6, 127.0, 0.1, 100, reach=600)
    if never:
        north["never_allies"] = ["STH"]
    return world(
        [giant, north, south, OBSERVER],
        "OBS",
        changes=[hostile("GNT", "NTH", 0.8), hostile("GNT", "STH", 0.8)],
    )


def test_states_that_never_ally_do_not_ally_even_against_a_shared_threat():
    free = two_koreas(never=False)
    assert free.matrix.principal("NTH") == "GNT" == free.matrix.principal("STH")
    play(free, 4)
    assert free.world.allied("NTH", "STH")
    apart = two_koreas(never=True)
    answer = consent(context(apart), "STH", "NTH")
    assert not answer.accepted and answer.verdict == Verdict.never_allies
    play(apart, 4)
    assert not apart.world.allied("NTH", "STH")


def test_a_revolution_leaves_every_alliance():
    game = client_world()
    for ident, members in (("a", ["MON", "OBS"]), ("b", ["MON", "RIV", "KRK"])):
        game.world.alliances[ident] = AllianceRecord(ident, ident, members, "defense", 0)
    ctx = WorldContext(game.campaign, game.world, lambda: game.matrix, game.player)
    apply_effect(BreakAlliance(kind="break_alliance", state="MON"), ctx, game.player)
    assert game.world.alliances_of("MON") == []
    assert sorted(game.world.alliances["b"].members) == ["KRK", "RIV"]
