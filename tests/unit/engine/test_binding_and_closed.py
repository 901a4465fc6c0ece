"""Binding alliances (the computer never leaves them) and closed ones (no one joins on its
own): a campaign's way of keeping a pact as scenery (NATO through a Middle East campaign)
or a league's membership as it was (the Arab League)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_walt_hypotheses import client_world, context, play

from game.campaign.effects import Doctrine, FormAlliance
from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import new_game
from game.engine.alignment import join, seek
from game.engine.apply import apply_effect
from game.engine.evaluate import WorldContext
from game.engine.report import ChangeKind, Grounds, Motive
from game.engine.world import Act, AllianceRecord, fold_twins

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"


def invaded_every_year(game, turns: int = 10) -> None:
    for _ in range(turns):
        game.world.acts.append(Act("KRK", "MON", 1.0, game.world.turn, "the invasion"))
        play(game, 1)


def test_a_binding_pact_holds_where_a_free_one_breaks():
    free = client_world()
    play(free, 3)
    assert free.world.allied("MON", "KRK")
    invaded_every_year(free)
    assert not free.world.allied("MON", "KRK")  # the theory: it leaves its attacker

    bound = client_world()
    play(bound, 3)
    (pact,) = bound.world.alliances_of("MON")
    pact.binding = True
    invaded_every_year(bound)
    assert bound.world.alliances[pact.id].members == sorted(["KRK", "MON"])


def test_no_one_joins_a_closed_pact_on_its_own():
    game = client_world()
    game.world.alliances["league"] = AllianceRecord(
        "league", "The League", ["KRK", "MON"], "defense", 0, closed=True
    )
    join(context(game), "OBS", "KRK", ChangeKind.joined, "RIV", Motive.balancing, Grounds())
    assert game.world.alliances["league"].members == ["KRK", "MON"]
    assert game.world.allied("OBS", "KRK")  # a pact of its own with the member it chose


def test_an_open_pact_takes_the_same_state():
    game = client_world()
    game.world.alliances["league"] = AllianceRecord(
        "league", "The League", ["KRK", "MON"], "defense", 0
    )
    join(context(game), "OBS", "KRK", ChangeKind.joined, "RIV", Motive.balancing, Grounds())
    assert game.world.alliances["league"].members == ["KRK", "MON", "OBS"]


def test_an_effect_adds_members_to_a_closed_pact_and_can_make_one_binding():
    game = client_world()
    game.world.alliances["league"] = AllianceRecord(
        "league", "The League", ["KRK", "MON"], "defense", 0, closed=True
    )
    effect = FormAlliance(kind="form_alliance", alliance="league", members=["OBS"], binding=True)
    ctx = WorldContext(game.campaign, game.world, lambda: game.matrix, game.player)
    apply_effect(effect, ctx, game.player)
    league = game.world.alliances["league"]
    assert league.members == ["KRK", "MON", "OBS"]
    assert league.binding and league.closed


def test_a_folded_twin_keeps_the_tie_that_binds():
    game = client_world()
    game.world.alliances["a"] = AllianceRecord("a", "A", ["KRK", "MON"], "defense", 0)
    game.world.alliances["b"] = AllianceRecord(
        "b", "B", ["KRK", "MON"], "defense", 1, binding=True, closed=True
    )
    fold_twins(game.world)
    (survivor,) = game.world.alliances_of("MON")
    assert survivor.id == "a" and survivor.binding and survivor.closed


def test_the_campaign_terms_need_version_2_and_reach_the_world(tmp_path):
    text = MINIMAL.read_text().replace("    members: [", "    binding: true\n    members: [", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text)
    with pytest.raises(CampaignInvalid) as refused:
        load_campaign(path)
    assert "binding" in str(refused.value) and "schema_version: 2" in str(refused.value)
    path.write_text(text.replace("schema_version: 1", "schema_version: 2", 1))
    game = new_game(load_campaign(path), "s", "AAA")
    (pact,) = game.world.alliances.values()
    assert pact.binding and not pact.closed
    assert game.world.snapshot()["alliances"][pact.id]["binding"] is True


def test_a_world_without_them_hashes_as_before():
    game = new_game(load_campaign(MINIMAL), "s", "AAA")
    for alliance in game.world.snapshot()["alliances"].values():
        assert "binding" not in alliance and "closed" not in alliance


@pytest.mark.parametrize("binding", [False, True])
def test_a_bandwagoner_does_not_leave_a_binding_pact_for_its_rival(binding):
    # Montane, under the bandwagon doctrine, sides with the strongest threat: Karrak. A
    # free pact against Karrak it leaves to do so; a binding one holds it.
    game = client_world()
    game.world.alliances["watch"] = AllianceRecord(
        "watch", "The Watch", ["MON", "OBS"], "defense", 0, against="KRK", binding=binding
    )
    game.world.states["MON"].doctrine = Doctrine.bandwagon
    changes = seek(context(game), "MON") or []
    bandwagoned = [c for c in changes if c.change == ChangeKind.bandwagoned]
    assert bool(bandwagoned) is not binding
    assert ("watch" in game.world.alliances) is binding
