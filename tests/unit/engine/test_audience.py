"""Hostile acts with a limited audience: only the states that know of an act (its target,
its actor and the audience the author names) read it into the actor's intentions; to the
rest it never happened (a covert operation, a raid only the region hears of)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_walt_hypotheses import hostile, state, world

from game.campaign.effects import HostileAct
from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine.apply import apply_effect
from game.engine.evaluate import WorldContext
from game.engine.explain import heaviest_acts
from game.engine.threat import assess
from game.engine.world import Act

STATES = [
    state("ACT", 0.0, 0.0, 0.3, 100, reach=3000),
    state("TGT", 0.0, 10.0, 0.1, 30),
    state("KNW", 10.0, 0.0, 0.1, 30),
    state("UNA", -10.0, 0.0, 0.1, 30),
]
PACTS = [
    {"id": "knowing", "name": "The Knowing Pact", "members": ["KNW", "TGT"]},
    {"id": "unaware", "name": "The Unaware Pact", "members": ["TGT", "UNA"]},
]


def intentions(game, observer: str) -> float:
    matrix = assess(game.world, game.geo, game.era.weights, game.years)
    return matrix.factor("intentions", observer, "ACT")


def covert(audience: list[str] | None, alliances=()) -> object:
    act = hostile("ACT", "TGT", 1.0, "a covert raid")
    if audience is not None:
        act["audience"] = audience
    return world(STATES, "UNA", changes=[act], alliances=list(alliances))


def test_only_those_who_know_read_the_act_into_intentions():
    quiet = world(STATES, "UNA")
    game = covert(["KNW"])
    assert intentions(game, "TGT") > intentions(quiet, "TGT")  # the target always knows
    assert intentions(game, "KNW") > intentions(quiet, "KNW")
    assert intentions(game, "UNA") == pytest.approx(intentions(quiet, "UNA"))
    # Everyone knows an act without an audience.
    loud = covert(None)
    assert intentions(loud, "UNA") == pytest.approx(intentions(game, "KNW"))


def test_an_act_against_an_ally_counts_only_for_allies_who_know_of_it():
    game = covert(["KNW"], PACTS)
    loud = covert(None, PACTS)
    assert intentions(game, "KNW") == pytest.approx(intentions(loud, "KNW"))
    assert intentions(game, "UNA") < intentions(loud, "UNA")
    assert intentions(game, "UNA") == pytest.approx(
        intentions(world(STATES, "UNA", alliances=PACTS), "UNA")
    )


def test_the_why_cites_only_acts_the_observer_knows():
    game = covert(["KNW"])
    assert [a.description for a in heaviest_acts(game.world, "KNW", "ACT", game.years)] == [
        "a covert raid"
    ]
    assert heaviest_acts(game.world, "UNA", "ACT", game.years) == []


@pytest.mark.parametrize(("player", "told"), [("UNA", False), ("KNW", True), ("TGT", True)])
def test_the_act_is_news_only_to_a_player_who_knows(player, told):
    game = world(STATES, player)
    effect = HostileAct.model_validate(
        {**hostile("ACT", "TGT", 1.0, "a covert raid"), "audience": ["KNW"]}
    )
    ctx = WorldContext(game.campaign, game.world, lambda: game.matrix, game.player)
    news = apply_effect(effect, ctx, player)
    assert bool(news) == told
    assert game.world.acts[-1].description == "a covert raid"  # it happened all the same


def test_the_record_keeps_who_knows():
    game = covert(["KNW"])
    assert game.world.acts[0].audience == ("KNW",)
    assert game.world.acts[0].known_to("TGT") and not game.world.acts[0].known_to("UNA")
    # The act with no audience leaves the snapshot as it was before audiences existed.
    assert "audience" not in covert(None).world.snapshot()["acts"][0]
    assert covert(["KNW"]).world.snapshot()["acts"][0]["audience"] == ["KNW"]


def test_an_act_known_to_all_and_one_known_to_few_mix():
    game = covert(["KNW"])
    game.world.acts.append(Act("ACT", "UNA", 0.2, game.world.turn, "a border incident"))
    quiet = world(STATES, "UNA")
    assert intentions(game, "UNA") > intentions(quiet, "UNA")
    assert intentions(game, "KNW") > intentions(game, "UNA") - 1e-12


MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
COVERT = """\
      - id: covert
        title: A covert raid
        text: Few hear of it.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: hostile_act, actor: ON, target: NO, description: a raid, audience: [%s]}
"""


def written(tmp_path: Path, audience: str, version: int) -> Path:
    text = MINIMAL.read_text().replace("schema_version: 1", f"schema_version: {version}", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace("      - id: raid\n", COVERT % audience + "      - id: raid\n", 1))
    return path


def test_the_loader_checks_the_audience(tmp_path):
    load_campaign(written(tmp_path, "AAA", 2))
    with pytest.raises(CampaignInvalid, match="schema_version: 2"):
        load_campaign(written(tmp_path, "AAA", 1))
    with pytest.raises(CampaignInvalid) as unknown:
        load_campaign(written(tmp_path, "AAB", 2))
    assert "audience" in str(unknown.value) and "AAA" in str(unknown.value)
    with pytest.raises(CampaignInvalid, match="listed twice"):
        load_campaign(written(tmp_path, "AAA, AAA", 2))
