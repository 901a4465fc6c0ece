"""Theory scenarios: the behaviour of balance-of-threat theory a teacher relies on.

Each scenario is a small campaign in ``tests/data/scenarios`` built to set up exactly the
conditions the theory names (see the comment at the top of each file). The tests play it
with a passive player and assert what Walt's theory says must follow, including the
reason each alignment change gives, in the theory's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.campaign.loader import LoadedCampaign, load_campaign
from game.campaign.models import Campaign, Weights
from game.engine import alignment
from game.engine import constants as k
from game.engine.game import Game, new_game
from game.engine.geography import Geography
from game.engine.orders import ChoiceOrder
from game.engine.replay import resimulate
from game.engine.report import AlignmentChange, Motive, TurnReport
from game.engine.wording import change_text

SCENARIOS = Path(__file__).resolve().parents[2] / "data" / "scenarios"
SEEDS = ["entente", "1", "walt"]
NAMES = {
    state.id: state.name
    for path in sorted(SCENARIOS.glob("*.yaml"))
    for state in load_campaign(path).campaign.states
}
"""Every scenario state's name, by id (the scenarios do not reuse an id for another name)."""


def start(name: str, player: str | None = None, doctrine: str | None = None, seed="entente"):
    """A new game of the scenario ``name``."""
    return new_game(load_campaign(SCENARIOS / f"{name}.yaml"), seed, player, doctrine)


def play(game: Game, turns: int) -> list[TurnReport]:
    """Play up to ``turns`` turns without orders (first option of every event)."""
    reports = []
    for _ in range(turns):
        if game.over:
            break
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        report = game.end_turn([])
        assert isinstance(report, TurnReport)
        reports.append(report)
    return reports


def all_changes(reports: list[TurnReport]) -> list[AlignmentChange]:
    return [c for r in reports for c in r.alignment_changes]


def words(change: AlignmentChange) -> str:
    """The change as the game words it (the one renderer, with every scenario state's name)."""
    return change_text(change, NAMES)


def name(game: Game, state: str) -> str:
    return game.world.states[state].name


def assert_threat_reason(game: Game, change: AlignmentChange, rival: str) -> None:
    """The change is a balancing one against ``rival``, carrying the threat and the four
    factors as fields, and its words say the same.

    Aggregate power and proximity cannot move under a passive player (no aid, sanctions or
    era changes in these scenarios), so their values must equal today's matrix.
    """
    observer = change.state
    assert change.motive == Motive.balancing, change
    assert change.threat is not None and change.threat.rival == rival, change
    m = game.matrix
    assert change.threat.power == pytest.approx(m.factor("power", observer, rival))
    assert change.threat.proximity == pytest.approx(m.factor("proximity", observer, rival))
    for factor in ("offense", "intentions"):
        assert 0.0 <= getattr(change.threat, factor) <= 1.0
    reason = words(change)
    assert reason.startswith(name(game, observer)), reason
    assert f"its principal threat is {name(game, rival)}" in reason, reason
    assert f"aggregate power {change.threat.power:.2f}" in reason, reason
    assert f"(proximity {change.threat.proximity:.2f})" in reason, reason


def threshold(game: Game, state: str) -> float:
    return k.SEEK_THRESHOLD - k.SEEK_CAUTION * game.world.states[state].caution


# -- 1. The Canada case ----------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_canada_strong_peaceful_neighbour_is_not_the_principal_threat(seed):
    game = start("canada", seed=seed)
    world, geo = game.world, Geography(game.campaign)
    # The set-up: Borealis is the most powerful state and shares a land border with
    # Homeland; Rivalia is weaker, far away, but armed to attack and hostile.
    assert game.matrix.by_power[0] == "BOR"
    assert geo.border("HOM", "BOR") == "land"
    assert geo.border("HOM", "RIV") is None
    assert game.matrix.factor("power", "HOM", "BOR") > game.matrix.factor("power", "HOM", "RIV")
    assert world.states["BOR"].aggression == 0.0 and world.states["BOR"].offense <= 0.1
    assert world.states["RIV"].aggression > 0.8 and world.states["RIV"].reach >= 5000

    for turn in range(5):
        lines = {line.rival: line for line in game.threats("HOM")}
        assert game.matrix.principal("HOM") == "RIV", f"turn {turn}"
        assert game.threats("HOM")[0].rival == "RIV"
        assert lines["BOR"].threat < lines["RIV"].threat
        # Not merely second: a strong peaceful neighbour is no threat worth an alliance.
        assert lines["BOR"].threat < threshold(game, "HOM")
        assert lines["BOR"].proximity == 1.0
        assert lines["BOR"].power > 0.5
        # Nobody allies against the peaceful giant.
        assert all(a.against != "BOR" for a in game.world.alliances.values())
        play(game, 1)


def test_canada_explanation_names_land_border_and_remembered_hostile_acts():
    game = start("canada")
    neighbour = game.explain("HOM", "BOR")
    rival = game.explain("HOM", "RIV")
    assert (rival.rank, neighbour.rank) == (1, 2)
    assert rival.threat > neighbour.threat

    facts = {f.name: f for f in neighbour.factors}
    assert facts["proximity"].value == 1.0
    assert "shares a land border" in facts["proximity"].facts
    assert "no hostile act remembered" in facts["intentions"].facts
    assert any("offensive orientation 0.10" in fact for fact in facts["offense"].facts)
    assert "Borealis" in neighbour.summary and "Homeland" in neighbour.summary

    facts = {f.name: f for f in rival.factors}
    remembered = " | ".join(facts["intentions"].facts)
    assert "the Rivalian naval raids (against you, this year)" in remembered
    assert "the Ironport ultimatum (against you, this year)" in remembered
    proximity = " ".join(facts["proximity"].facts)
    assert "km apart" in proximity and "reach is 6,000 km" in proximity
    assert "land border" not in proximity
    assert "rank 1" in rival.summary


# -- 2. Bandwagoning is the exception ------------------------------------------------------


def test_weak_state_with_no_able_ally_in_reach_bandwagons():
    game = start("bandwagon_alone")
    world, m = game.world, game.matrix
    geo = Geography(game.campaign)
    # Walt's conditions, as the campaign sets them up: weak (under a quarter of the
    # threat's power), a land border with an overwhelming, aggressive threat, and no other
    # state near enough to help.
    assert world.states["MON"].power < k.WEAK_RATIO * world.states["KRK"].power
    assert geo.border("MON", "KRK") == "land"
    assert m.principal("MON") == "KRK"
    assert m.get("MON", "KRK") > 0.5
    for other in ("OBS", "VEL"):
        assert m.factor("proximity", "MON", other) <= 0.02
        assert m.factor("proximity", "KRK", other) <= 0.02

    changes = all_changes(play(game, 4))
    bandwagoned = [c for c in changes if c.change == "bandwagoned" and c.state == "MON"]
    ctx = alignment.Context(game.world, game.geo, game.matrix, game.player, game.years)
    assert bandwagoned, (
        "Montane never bandwagoned; changes: "
        + repr([(c.change, c.state, words(c)) for c in changes])
        + f"; Montane's threats: {game.threats('MON')[:2]}"
        + f"; Karrak's answer to Montane: {alignment.consent(ctx, 'KRK', 'MON')}"
    )
    change = bandwagoned[0]
    assert "KRK" in change.partners
    reason = words(change)
    assert "Karrak" in reason
    assert "weak" in reason
    assert "near" in reason
    assert "no able ally" in reason
    ratio = world.states["MON"].power / world.states["KRK"].power
    assert change.motive == Motive.bandwagoning
    assert change.threat is not None and change.threat.rival == "KRK"
    assert change.threat.proximity == 1.0
    assert f"power {ratio:.2f} of" in reason and "(proximity 1.00)" in reason, reason
    assert game.world.allied("MON", "KRK")


@pytest.mark.parametrize("seed", SEEDS)
def test_weak_state_with_able_ally_near_balances_instead(seed):
    game = start("bandwagon_ally", seed=seed)
    world, m = game.world, game.matrix
    # The same weak state and the same overwhelming threat ...
    assert world.states["MON"].power < k.WEAK_RATIO * world.states["KRK"].power
    assert m.principal("MON") == "KRK"
    # ... but an able ally next door that fears the same threat.
    assert m.factor("proximity", "MON", "ALD") == 1.0
    assert m.principal("ALD") == "KRK"
    # Able: Aldova alone can bring as much as the striking power Karrak can bring to Montane.
    karrak = world.states["KRK"]
    strike = karrak.military * karrak.offense * m.factor("proximity", "MON", "KRK")
    help_ = world.states["ALD"].military * m.factor("proximity", "MON", "ALD")
    assert help_ >= k.ABLE_HELP * strike

    changes = all_changes(play(game, 4))
    assert not [c for c in changes if c.change == "bandwagoned"], changes
    assert world.allied("MON", "ALD")
    assert not world.allied("MON", "KRK")
    pact = next(a for a in world.alliances.values() if "MON" in a.members)
    assert pact.against == "KRK"
    formed = next(c for c in changes if c.alliance == pact.id)
    assert formed.change in ("formed", "joined")
    assert formed.against == "KRK"
    assert_threat_reason(game, formed, "KRK")


# -- 3. Alliances dissolve when their threat recedes -------------------------------------


def test_alliance_dissolves_after_its_threat_is_removed():
    game = start("dissolve_removed")
    assert game.world.alliances["twin_pact"].against == "TRN"
    reports = play(game, 6)
    # Tarn collapses in the briefing of turn 2; the pact holds through turn 2 ...
    assert not game.world.states["TRN"].present
    early = [c for r in reports[:2] for c in r.alignment_changes if c.alliance == "twin_pact"]
    assert early == []

    # ... and then its members leave: the threat is gone.
    changes = [c for c in all_changes(reports) if c.alliance == "twin_pact"]
    left = [c for c in changes if c.change == "left"]
    assert left, changes
    assert left[0].state in ("ARD", "BRI")
    assert left[0].against == "TRN"
    assert "Kingdom of Tarn is gone" in words(left[0])
    assert words(left[0]).startswith(f"{name(game, left[0].state)} left The Twin Pact")
    dissolved = [c for c in changes if c.change == "dissolved"]
    assert dissolved and "dissolved" in words(dissolved[0])
    assert "twin_pact" not in game.world.alliances
    assert not game.world.allied("ARD", "BRI")


def test_alliance_dissolves_when_its_threats_intentions_fade():
    game = start("dissolve_faded")
    threat_at_start = game.matrix.get("ARD", "TRN")
    assert threat_at_start > threshold(game, "ARD")
    assert game.matrix.principal("ARD") == "TRN" and game.matrix.principal("BRI") == "TRN"

    reports = play(game, 12)
    # Tarn commits no new hostile act: its intentions fade with memory.
    assert all(a.turn == 1 for a in game.world.acts if a.actor == "TRN" and not a.reassurance)
    changes = [c for c in all_changes(reports) if c.alliance == "twin_pact"]
    left = [c for c in changes if c.change == "left"]
    assert left, (
        f"the Twin Pact never dissolved; Arden rates Tarn {game.matrix.get('ARD', 'TRN'):.3f}, "
        f"Brisa {game.matrix.get('BRI', 'TRN'):.3f}"
    )
    change = left[0]
    assert change.motive == Motive.threat_receded
    assert change.threat is not None and change.threat.rival == "TRN"
    limit = k.RECEDE_RATIO * threshold(game, change.state)
    assert change.threat.net < limit  # what it now faces from Tarn, its allies counted
    assert "the threat from Kingdom of Tarn has receded" in words(change), words(change)
    assert f"below {limit:.2f} for" in words(change), words(change)
    assert any(c.change == "dissolved" for c in changes)
    assert "twin_pact" not in game.world.alliances


def test_alliance_dissolves_when_its_threats_intentions_fade_with_the_default_weights():
    """The same pact in an era that sets no weights: the default weights (intentions 2)
    still let a quiet enemy's threat recede, and the pact breaks up."""
    data = yaml.safe_load((SCENARIOS / "dissolve_faded.yaml").read_text())
    del data["eras"][0]["weights"]
    game = new_game(LoadedCampaign(Campaign.model_validate(data), "test", "test"), "entente")
    reports = play(game, 12)
    left = [c for c in all_changes(reports) if c.alliance == "twin_pact" and c.change == "left"]
    assert left and left[0].motive == Motive.threat_receded, all_changes(reports)
    assert "twin_pact" not in game.world.alliances


@pytest.mark.parametrize("seed", SEEDS)
def test_a_peaceful_giant_with_an_expeditionary_army_alarms_no_weak_neighbour(seed):
    """The Canada case with the default weights and a giant armed to attack overseas:
    neither weak neighbour is alarmed by it, none bandwagons with it, and the balance of
    power reading (the contrast) makes it the principal threat of both."""
    game = start("canada_expeditionary", seed=seed)
    assert game.campaign.eras[0].weights == Weights()  # the era sets none
    reports = play(game, 4)
    for weak in ("NRT", "MXC"):
        assert game.matrix.get(weak, "CLM") < threshold(game, weak), weak
        assert not any(
            c.state == weak and c.motive == Motive.bandwagoning for c in all_changes(reports)
        ), [words(c) for c in all_changes(reports)]
    power = start("canada_expeditionary", doctrine="balance_of_power", seed=seed)
    context = power._alignment_context()
    assert context.view("NRT").principal == "CLM" and context.view("MXC").principal == "CLM"


# -- 4. An aggressive small state draws a coalition ----------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_aggressive_small_state_draws_a_coalition_a_peaceful_large_one_does_not(seed):
    game = start("coalition", seed=seed)
    world = game.world
    assert world.states["GRM"].power < world.states["HAL"].power
    assert game.matrix.by_power[0] == "HAL"

    changes = all_changes(play(game, 3))
    against_gorm = [a for a in world.alliances.values() if a.against == "GRM"]
    assert against_gorm, world.alliances
    members = {m for a in against_gorm for m in a.members}
    assert "GRM" not in members
    assert len(members) >= 2
    assert {"IST", "JOR", "KES"} <= members
    # The peaceful, more powerful state draws no coalition.
    assert all(a.against != "HAL" for a in world.alliances.values())
    assert not any(world.allied(s, "GRM") for s in world.ids() if s != "GRM")
    for change in changes:
        assert change.change in ("formed", "joined")
        assert change.against == "GRM"
        assert_threat_reason(game, change, "GRM")


# -- 5. Doctrines compared ------------------------------------------------------------------


def memberships(game: Game) -> set[frozenset[str]]:
    return {frozenset(a.members) for a in game.world.alliances.values()}


def test_balance_of_power_aligns_differently_from_balance_of_threat():
    threat_game = start("coalition", doctrine="balance_of_threat")
    power_game = start("coalition", doctrine="balance_of_power")
    play(threat_game, 3)
    changes = all_changes(play(power_game, 3))
    assert memberships(threat_game) != memberships(power_game)

    # Balance of power: allies against the most powerful state, whatever its intentions,
    # even alongside the aggressor.
    world = power_game.world
    against_hal = [a for a in world.alliances.values() if a.against == "HAL"]
    assert against_hal, world.alliances
    members = {m for a in against_hal for m in a.members}
    assert {"IST", "JOR", "KES"} <= members
    assert "HAL" not in members
    assert all(a.against != "GRM" for a in world.alliances.values())
    assert changes
    for change in changes:
        assert change.against == "HAL"
        assert "Halcyon is the most powerful state" in words(change)
        assert "whatever its intentions" in words(change)
        share = power_game.matrix.factor("power", change.state, "HAL")
        assert change.motive == Motive.most_powerful
        assert change.threat is not None and change.threat.power == pytest.approx(share)
        assert f"power share {share:.2f}" in words(change)


def test_bandwagon_doctrine_joins_the_strongest():
    game = start("coalition", doctrine="bandwagon")
    strongest = game.matrix.by_power[0]
    assert strongest == "HAL"
    changes = all_changes(play(game, 3))
    bandwagoned = [c for c in changes if c.change == "bandwagoned"]
    assert {c.state for c in bandwagoned} >= {"GRM", "IST", "JOR", "KES"}
    for change in bandwagoned:
        assert "HAL" in change.partners
        assert f"bandwagoned with {name(game, strongest)}" in words(change)
        share = game.matrix.factor("power", change.state, "HAL")
        assert change.motive == Motive.strongest
        assert change.threat is not None and change.threat.power == pytest.approx(share)
        assert f"power share {share:.2f}" in words(change)
    for state in ("GRM", "IST", "JOR", "KES"):
        assert game.world.allied(state, "HAL")


def test_the_doctrine_switch_is_recorded_and_replayable():
    game = start("coalition", doctrine="balance_of_power")
    play(game, 2)
    assert game.doctrine is not None and game.doctrine.value == "balance_of_power"
    replayed = resimulate(game.replay, game.loaded)
    assert replayed.world.state_hash() == game.world.state_hash()
    assert memberships(replayed) == memberships(game)
