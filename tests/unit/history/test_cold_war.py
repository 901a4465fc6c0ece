"""The Cold War campaign's data: what the file says is what the shipped COW, MID and ATOP
data give, and the stage real history sets is the only scripted alignment."""

from __future__ import annotations

from itertools import combinations

import pytest

from game.campaign import effects as fx
from game.campaign.library import DEFAULT_CAMPAIGN, resolve_campaign
from game.campaign.loader import load_campaign
from game.campaign.models import Campaign, PowerComponents
from game.engine import great_circle_km
from game.history import cold_war, sources
from game.history.cold_war_states import PLAYABLE, STATES


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(resolve_campaign("cold_war")).campaign


def world_share(code: int, year: int, column: str) -> float:
    """The state's share of the world total of one NMC column, computed here on its own."""
    values = {
        c: getattr(cap, column)
        for c, cap in sources.capabilities()[year].items()
        if getattr(cap, column) is not None and getattr(cap, column) >= 0
    }
    return values.get(code, 0.0) / sum(values.values())


def test_it_is_the_default_campaign(campaign: Campaign) -> None:
    assert DEFAULT_CAMPAIGN == "cold_war"
    assert campaign.id == "cold_war"
    assert (campaign.start_year, campaign.end_year) == (1947, 1991)
    assert [e.id for e in campaign.eras] == [
        "iron_curtain",
        "brinkmanship",
        "detente",
        "second_cold_war",
        "endgame",
    ]
    assert campaign.playable == list(PLAYABLE)
    assert campaign.poles == ["USA", "USSR"]


def test_the_generated_regions_are_what_the_data_derive() -> None:
    text = cold_war.CAMPAIGN.read_text(encoding="utf-8")
    assert cold_war.rewrite(text) == text


def test_every_state_carries_its_cow_code(campaign: Campaign) -> None:
    names = sources.state_names()
    assert len(campaign.states) >= 35
    codes = [s.cow for s in campaign.states]
    assert None not in codes
    assert len(set(codes)) == len(codes)
    assert all(code in names for code in codes)
    assert {s.id: s.cow for s in campaign.states}["USSR"] == 365


@pytest.mark.parametrize("state_id", ["USA", "USSR", "IND", "EGY", "FRG", "ANG"])
def test_power_and_military_are_cow_nmc_of_the_first_year(
    campaign: Campaign, state_id: str
) -> None:
    spec = next(s for s in STATES if s.id == state_id)
    year = spec.enters or 1947
    state = campaign.state(state_id)
    assert isinstance(state.power, PowerComponents)
    for field, column in cold_war.COMPONENTS.items():
        assert getattr(state.power, field) == pytest.approx(
            world_share(spec.cow, year, column), abs=1e-5
        )
    # The six shares' mean is COW's own composite index.
    assert state.power.value == pytest.approx(
        sources.capabilities()[year][spec.cow].cinc, abs=0.003
    )
    strength = [world_share(spec.cow, year, c) for c in ("milex", "milper")]
    assert state.military == pytest.approx(1000 * sum(strength) / 2, abs=0.01)


def test_capitals_and_borders_come_from_cow(campaign: Campaign) -> None:
    for spec in STATES:
        town = sources.capital(spec.cow, spec.enters or 1947)
        capital = campaign.state(spec.id).capital
        assert capital is not None and town is not None
        assert great_circle_km(capital.lat, capital.lon, town.lat, town.lon) < 2
    borders = {s.id: {b.state: b.type for b in s.borders} for s in campaign.states}
    assert borders["USA"]["CAN"] == "land"
    assert borders["USSR"]["FIN"] == "land"
    assert borders["UK"]["FRA"] == "sea"  # the Strait of Dover: at most 24 miles of water
    assert "AUS" not in borders["USA"]


def test_each_later_era_takes_power_from_its_first_year(campaign: Campaign) -> None:
    for era in campaign.eras[1:]:
        power = {
            e.state: float(e.to.text)
            for e in era.changes
            if isinstance(e, fx.Adjust) and e.stat.value == "power" and e.to is not None
        }
        assert power["USA"] == pytest.approx(sources.capabilities()[era.start][2].cinc, abs=1e-5)
        assert power["USSR"] == pytest.approx(sources.capabilities()[era.start][365].cinc, abs=1e-5)


def test_the_remembered_disputes_leave_out_the_world_war(campaign: Campaign) -> None:
    acts = [e for e in campaign.eras[0].changes if isinstance(e, fx.HostileAct)]
    assert acts, "the disputes of 1937-1946 seed intentions"
    assert not any(a.description.startswith(f"MID {cold_war.WORLD_WAR}:") for a in acts)
    # The Winter War (MID 179) and the Soviet demands on Turkey (MID 252) are remembered.
    described = {(a.actor, a.target, a.description.split(":")[0]) for a in acts}
    assert ("USSR", "FIN", "MID 179") in described
    assert ("USSR", "TUR", "MID 252") in described


def test_the_alliances_of_1947_are_atop_pacts(campaign: Campaign) -> None:
    by_id = {s.id: s.cow for s in campaign.states}
    pairs = sources.alliance_pairs()[1947]
    for alliance in campaign.alliances:
        for a, b in combinations(alliance.members, 2):
            x, y = sorted((by_id[a], by_id[b]))
            assert (x, y) in pairs, f"{alliance.id}: {a}-{b} has no ATOP pact in 1947"


def test_no_bloc_is_scripted_for_computer_run_states(campaign: Campaign) -> None:
    """NATO, the Warsaw Pact, SEATO, CENTO, ANZUS and the Sino-Soviet alliance come from
    the AI or from a player's choice: an event that every player sees forms only the stage
    real history set (the treaties of 1948 and the patron-client pacts of occupation)."""
    stage = {
        "soviet_romanian",
        "soviet_hungarian",
        "soviet_bulgarian",
        "soviet_finnish",
        "soviet_czech_1948",
        "soviet_gdr",
    }
    for era in campaign.eras:
        for event in era.events:
            formed = [e for e in event.effects if isinstance(e, fx.FormAlliance)]
            if event.players:
                continue
            for effect in formed:
                assert effect.alliance in stage, f"{event.id} forms {effect.alliance}"
                assert effect.patron == "USSR"
            for choice in event.choices:
                assert not any(isinstance(e, fx.FormAlliance) for e in choice.effects)
