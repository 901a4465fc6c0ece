"""Walt's hypotheses, each as a scenario the game's own alliance AI must play out.

The worlds are built here, state by state, so that each sets up exactly the conditions a
hypothesis names (The Origins of Alliances, ch. 2 and 5; DESIGN.md section 2). Every test
plays the game as a player would (``end_turn`` with no orders) and asserts what the
theory says must follow, through the change's data (kind, motive, threat, grounds), not
its words.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from one_era import one_era_campaign

from game.campaign.effects import RemoveState
from game.campaign.loader import LoadedCampaign
from game.campaign.models import Campaign
from game.engine import constants as k
from game.engine.alignment import consent
from game.engine.explain import explain
from game.engine.game import Game, new_game
from game.engine.reading import Context
from game.engine.report import AlignmentChange, ChangeKind, Motive, Verdict
from game.engine.threat import assess
from game.engine.world import Act


def state(ident: str, lat: float, lon: float, power: float, military: float, **more) -> dict:
    """One state of a test world; ``more`` sets any other campaign field."""
    personality = {
        "aggression": more.pop("aggression", 0.1),
        "caution": more.pop("caution", 0.5),
    }
    return {
        "id": ident,
        "name": f"State {ident}",
        "region": "Test",
        "capital": {"name": f"{ident} city", "lat": lat, "lon": lon},
        "power": {"kind": "share", "value": power},
        "military": military,
        "personality": personality,
        **more,
    }


def hostile(actor: str, target: str, severity: float, what: str = "a border raid") -> dict:
    return {
        "kind": "hostile_act",
        "actor": actor,
        "target": target,
        "severity": severity,
        "description": what,
    }


def world(
    states: list[dict],
    player: str,
    changes: list[dict] = (),
    alliances: list[dict] = (),
    years: int = 8,
    weights: dict | None = None,
) -> Game:
    """A new game of a test world: one era of ``years`` one-year turns."""
    data = one_era_campaign(
        "walt_test",
        "A test of the theory",
        player=player,
        states=states,
        alliances=alliances,
        start=1950,
        years=years,
        era={"changes": list(changes), **({"weights": weights} if weights else {})},
    )
    loaded = LoadedCampaign(Campaign.model_validate(data), "test", "test")
    return new_game(loaded, "walt", player)


def play(game: Game, turns: int) -> list[AlignmentChange]:
    """End ``turns`` turns with no orders; every alignment change, in order."""
    out: list[AlignmentChange] = []
    for _ in range(turns):
        if game.over:
            break
        out += game.end_turn([]).alignment_changes
    return out


def context(game: Game) -> Context:
    return Context(game.world, game.geo, game.matrix, game.player, game.years)


# A far, passive observer for the player, so that every state that matters is AI-run.
OBSERVER = state("OBS", -40.0, 100.0, 0.05, 10, reach=300)


# -- Bandwagoning: weak, near an overwhelming power, no able ally in reach -------------


def client_world() -> Game:
    """Montane (weak) borders Karrak (overwhelming, aggressive, already pressing it).
    Karrak's own principal threat is Rivalia, its great rival on its far side, which is
    too far from Montane to help it. Karrak feels no threat from Montane at all."""
    return world(
        [
            state("MON", 10.0, -140.0, 0.02, 20, reach=300, borders=[{"state": "KRK"}]),
            state(
                "KRK",
                12.0,
                -137.0,
                0.40,
                400,
                offense=0.85,
                reach=900,
                aggression=0.6,
                borders=[{"state": "MON"}, {"state": "RIV"}],
            ),
            state(
                "RIV",
                16.0,
                -115.0,
                0.35,
                350,
                offense=0.8,
                reach=800,
                aggression=0.6,
                borders=[{"state": "KRK"}],
            ),
            OBSERVER,
        ],
        "OBS",
        changes=[
            hostile("KRK", "MON", 0.6, "the Drumhold claims"),
            hostile("RIV", "KRK", 1.0, "the frontier war"),
            hostile("KRK", "RIV", 1.0, "the frontier war"),
        ],
        years=16,
    )


def test_a_weak_state_bandwagons_and_the_strong_state_takes_it_as_a_client():
    game = client_world()
    # The set-up: Montane's threat is Karrak; Karrak's threat is Rivalia, not Montane.
    assert game.matrix.principal("MON") == "KRK"
    assert game.matrix.principal("KRK") == "RIV"
    assert game.matrix.factor("proximity", "MON", "RIV") < k.HELP_PROXIMITY
    answer = consent(context(game), "KRK", "MON")
    assert answer.accepted and answer.verdict == Verdict.client

    changes = play(game, 3)
    sided = [c for c in changes if c.state == "MON" and c.change == ChangeKind.bandwagoned]
    assert sided, changes
    assert sided[0].motive == Motive.bandwagoning
    assert sided[0].partner == "KRK"
    assert sided[0].grounds.ratio < k.WEAK_RATIO
    assert sided[0].grounds.help < k.ABLE_HELP * sided[0].grounds.strike
    assert game.world.allied("MON", "KRK")


def test_a_bandwagoner_leaves_a_patron_that_keeps_attacking_it():
    game = client_world()
    play(game, 3)
    assert game.world.allied("MON", "KRK")
    # Karrak now invades Montane every year: a war's worth of acts each turn.
    left: list[AlignmentChange] = []
    for _ in range(10):
        game.world.acts.append(Act("KRK", "MON", 1.0, game.world.turn, "the invasion"))
        left += [c for c in play(game, 1) if c.state == "MON" and c.change == ChangeKind.left]
        if left:
            break
    assert left, "Montane stayed with the state that invades it every year"
    assert left[0].motive == Motive.partner_attacked
    assert left[0].rival == "KRK"
    assert left[0].grounds.grievance >= k.APPEASE_LIMIT
    assert not game.world.allied("MON", "KRK")


def test_remembered_invasions_can_reach_the_appeasement_limit():
    # One war's worth of acts (severity 1) stays below the limit; yearly invasions, whose
    # remembered weight settles at 1 / (1 - decay), pass it within a few years.
    assert 1.0 < k.APPEASE_LIMIT < 1.0 / (1.0 - k.INTENT_DECAY_PER_YEAR)
    weight, years = 0.0, 0
    while weight < k.APPEASE_LIMIT:
        weight, years = weight * k.INTENT_DECAY_PER_YEAR + 1.0, years + 1
    assert years <= 8


# -- Partners are chosen for the help they can bring where the threat is ---------------


def partners_world() -> Game:
    """Aster is threatened by Tyran. Three states share that threat: Bastion (strong,
    near Aster), Coda (Aster's ideological twin, far away with a short reach) and Dell (a
    weak neighbour, already Aster's ally by treaty)."""
    return world(
        [
            state("AST", 0.0, 0.0, 0.06, 40, reach=800, ideology=0.8, borders=[{"state": "TYR"}]),
            state(
                "TYR",
                3.0,
                3.0,
                0.30,
                300,
                offense=0.85,
                reach=8000,
                aggression=0.7,
                borders=[{"state": "AST"}, {"state": "BAS"}, {"state": "DEL"}],
            ),
            state(
                "BAS", 6.0, -3.0, 0.28, 260, reach=2500, ideology=-0.8, borders=[{"state": "TYR"}]
            ),
            state("COD", -30.0, 60.0, 0.10, 90, reach=500, ideology=0.8),
            state(
                "DEL", 2.0, -4.0, 0.01, 8, reach=300, borders=[{"state": "TYR"}, {"state": "AST"}]
            ),
            OBSERVER,
        ],
        "OBS",
        changes=[
            hostile("TYR", "AST", 0.8),
            hostile("TYR", "BAS", 0.8),
            hostile("TYR", "COD", 0.8),
            hostile("TYR", "DEL", 0.8),
        ],
        alliances=[{"id": "small", "name": "The Small Pact", "members": ["AST", "DEL"]}],
    )


def test_a_weak_ally_does_not_stop_a_state_seeking_a_strong_one():
    game = partners_world()
    assert game.world.allied("AST", "DEL")
    changes = play(game, 4)
    joined = [
        c
        for c in changes
        if c.state == "AST" and c.change in (ChangeKind.joined, ChangeKind.formed)
    ]
    assert joined, changes
    assert joined[0].partner == "BAS"  # the most help where the threat is
    assert joined[0].motive == Motive.balancing
    assert joined[0].rival == "TYR"


def test_a_distant_sympathiser_is_no_partner():
    game = partners_world()
    ctx = context(game)
    # Coda shares the threat and Aster's ideology, but cannot reach it.
    assert ctx.shares("COD", "TYR")
    assert game.matrix.factor("proximity", "AST", "COD") < k.HELP_PROXIMITY
    play(game, game.turns - 1)
    assert not game.world.allied("AST", "COD")


def test_ideology_is_weaker_than_threat():
    game = partners_world()
    # Bastion is Aster's ideological opposite, Coda its twin: Aster still allies with the
    # state that shares its threat and can help, and Coda never.
    assert game.world.states["BAS"].ideology == -game.world.states["AST"].ideology
    play(game, 4)
    assert game.world.allied("AST", "BAS")
    assert not game.world.allied("AST", "COD")


# -- A conqueror's record outlives its victims -----------------------------------------


def test_a_conquerors_record_outlives_its_victims():
    game = world(
        [
            state("CON", 0.0, 0.0, 0.3, 300, offense=0.9, borders=[{"state": "VIC"}]),
            state("VIC", 2.0, 2.0, 0.02, 10, borders=[{"state": "CON"}]),
            state("WIT", 8.0, 8.0, 0.1, 60),
            OBSERVER,
        ],
        "OBS",
        changes=[hostile("CON", "VIC", 1.0, "the annexation")],
    )
    before = game.matrix.factor("intentions", "WIT", "CON")
    game.world.states["VIC"].present = False  # the victim is gone from the map
    after = assess(game.world, game.geo, game.era.weights, game.years)
    assert after.factor("intentions", "WIT", "CON") >= before


def test_the_victims_ally_feels_the_conquest_as_done_to_an_ally():
    """The victim's ally read the invasion as an act against an ally; once the victim is
    conquered (taken out of the world), the ally still does: the conqueror looks no less
    hostile to it for having finished the job."""
    alliance = {"id": "pact", "name": "The Pact", "members": ["VIC", "ALY"]}
    game = world(
        [
            state("CON", 0.0, 0.0, 0.3, 300, offense=0.9, borders=[{"state": "VIC"}]),
            state("VIC", 2.0, 2.0, 0.02, 10, borders=[{"state": "CON"}]),
            state("ALY", 4.0, 3.0, 0.1, 60),
            state("WIT", 8.0, 8.0, 0.1, 60),
            OBSERVER,
        ],
        "OBS",
        changes=[hostile("CON", "VIC", 1.0, "the invasion")],
        alliances=[alliance],
    )
    ally, bystander = (game.matrix.factor("intentions", s, "CON") for s in ("ALY", "WIT"))
    assert ally > bystander  # an act against an ally weighs more than one against anyone
    game._apply([RemoveState(kind="remove_state", state="VIC")])  # the conquest
    after = assess(game.world, game.geo, game.era.weights, game.years)
    assert after.factor("intentions", "ALY", "CON") >= ally
    assert after.factor("intentions", "WIT", "CON") >= bystander
    game._apply([RemoveState(kind="remove_state", state="VIC")])  # removed again: no change
    again = assess(game.world, game.geo, game.era.weights, game.years)
    assert again.factor("intentions", "ALY", "CON") == after.factor("intentions", "ALY", "CON")


def reassure(actor: str, target: str, amount: float = 0.3) -> dict:
    return {
        "kind": "reassure",
        "actor": actor,
        "target": target,
        "amount": amount,
        "description": "a state visit",
    }


def test_a_reassurance_offsets_what_was_done_to_the_reassured_state_in_full_and_the_rest_little():
    """An invader's assurances to the next neighbour soften what it reads of the invader
    only as much as the invasion counts for it (INTENT_REPUTATION), never undo it; what
    the invader did to that neighbour itself, a reassurance offsets in full."""
    states = [
        state("CON", 0.0, 0.0, 0.3, 300, offense=0.9, borders=[{"state": "VIC"}]),
        state("VIC", 2.0, 2.0, 0.02, 10, borders=[{"state": "CON"}]),
        state("WIT", 3.0, -2.0, 0.1, 60),
        OBSERVER,
    ]

    def raw(game: Game) -> float:  # the remembered hostility behind the intentions read
        n = game.matrix.factor("intentions", "WIT", "CON")
        return -math.log(1 - n) / k.INTENT_SCALE

    invasion = hostile("CON", "VIC", 1.0, "the invasion")
    seen = world(states, "OBS", changes=[invasion])
    calmed = world(states, "OBS", changes=[invasion, reassure("CON", "WIT", 0.3)])
    assert raw(seen) > 2 * k.INTENT_BASE  # the invasion is on CON's record for WIT
    assert raw(calmed) == pytest.approx(raw(seen) - k.INTENT_REPUTATION * 0.3)
    # What CON did to WIT itself is what a reassurance to WIT offsets in full.
    raid = hostile("CON", "WIT", 0.2, "a border raid")
    raided = world(states, "OBS", changes=[raid])
    forgiven = world(states, "OBS", changes=[raid, reassure("CON", "WIT", 0.1)])
    assert raw(forgiven) == pytest.approx(raw(raided) - 0.1)


# -- Alliances dissolve when a partner becomes the threat -------------------------------


def test_a_state_leaves_an_ally_that_becomes_its_principal_threat():
    game = world(
        [
            state("AST", 0.0, 0.0, 0.15, 80, reach=800, borders=[{"state": "PAR"}]),
            state("PAR", 2.0, 2.0, 0.25, 250, offense=0.8, reach=1500, borders=[{"state": "AST"}]),
            state("HLP", -3.0, 3.0, 0.28, 280, reach=3000),
            OBSERVER,
        ],
        "OBS",
        alliances=[{"id": "old", "name": "The Old Treaty", "members": ["AST", "PAR"]}],
    )
    game.world.acts.append(Act("PAR", "AST", 0.9, game.world.turn, "the frontier claims"))
    game.matrix = game._assess()
    assert game.matrix.principal("AST") == "PAR"
    changes = play(game, 3)
    left = [c for c in changes if c.state == "AST" and c.change == ChangeKind.left]
    assert left, changes
    assert left[0].motive == Motive.partner_is_threat
    assert left[0].rival == "PAR"
    assert left[0].threat is not None and left[0].threat.rival == "PAR"


# -- The "why" numbers multiply to the threat shown, global reach included -------------


@st.composite
def threat_worlds(draw) -> Game:
    n = draw(st.integers(2, 5))
    states = [
        state(
            f"S{i}",
            draw(st.floats(-60, 60)),
            draw(st.floats(-170, 170)),
            draw(st.floats(0.01, 0.5)),
            draw(st.floats(1, 500)),
            offense=draw(st.floats(0, 1)),
            reach=draw(st.sampled_from([200.0, 1500.0, 5999.0, 6000.0, 12000.0])),
            global_reach=draw(st.sampled_from([None, True, False])),
        )
        for i in range(n)
    ]
    weights = {
        "power": draw(st.sampled_from([0.5, 1.0, 2.0])),
        "proximity": draw(st.sampled_from([0.5, 1.0, 2.0])),
        "offense": draw(st.sampled_from([0.0, 1.0])),
        "intentions": draw(st.sampled_from([1.0, 2.5])),
        "global_proximity": draw(st.sampled_from([None, 0.0, 0.3, 1.0])),
    }
    changes = [hostile("S0", "S1", draw(st.floats(0.1, 1.0)))]
    return world(states, "S0", changes=changes, weights=weights)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threat_worlds())
def test_the_contributions_multiply_to_the_threat_for_every_pair(game):
    m = game.matrix
    for observer in m.ids:
        for rival in m.ids:
            if observer == rival:
                continue
            why = explain(m, game.world, game.geo, observer, rival, game.years)
            product = math.prod(f.contribution for f in why.factors)
            assert product == pytest.approx(why.threat, rel=1e-9), (observer, rival)
            assert why.threat == pytest.approx(m.get(observer, rival), rel=1e-12)
