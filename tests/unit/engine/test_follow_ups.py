"""Follow-up events (``trigger: {kind: after, event: X}``): a chain told in one turn. A
follow-up fires right after its event is resolved (its effects applied and, if it offers
options, the player's choice made), reads the world as that event left it, and with
``choice: N`` fires only when option N was taken. The loader refuses follow-ups of another
era's event, of an option that does not exist, and circles."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.lint import reachability
from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import ChoiceOrder, make_policy, new_game, play_headless, resimulate

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
VERSION_2 = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
"""The minimal campaign in the format version these parts need."""

CHAIN = """\
      - id: war
        title: War
        text: Onland strikes.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: hostile_act, actor: ON, target: NO, severity: 1.0, description: the war}
          - {kind: form_alliance, alliance: front, name: The Front, members: [AAA, ON]}
      - id: summit
        title: Summit
        text: The summit meets.
        trigger: {kind: after, event: war, when: 'allied(AAA, ON)'}
        choices:
          - label: Talk
            hint: Reassurance lowers intentions.
          - label: Refuse
            hint: Refusal keeps the threat.
      - id: talks
        title: Talks
        text: The talks begin.
        trigger: {kind: after, event: summit, choice: 1}
        effects:
          - {kind: set_flag, flag: talked}
      - id: walkout
        title: Walkout
        text: The talks fail.
        trigger: {kind: after, event: summit, choice: 2}
        choices:
          - label: Arm
            hint: Arms raise capabilities.
          - label: Wait
            hint: Waiting changes nothing.
      - id: late
        title: Late news
        text: Another matter waits.
        trigger: {kind: scheduled, year: 1901}
        choices:
          - label: Fine
            hint: Nothing is at stake.
"""


def campaign_with(tmp_path: Path, events: str) -> Path:
    path = tmp_path / "campaign.yaml"
    path.write_text(VERSION_2.replace("      - id: raid\n", events + "      - id: raid\n", 1))
    return path


def to_1901(tmp_path: Path, events: str = CHAIN):
    game = new_game(load_campaign(campaign_with(tmp_path, events)), "s", "AAA")
    while game.world.year < 1901:
        game.end_turn([])
    return game


def test_a_follow_up_fires_in_the_same_turn_reading_the_world_its_event_left(tmp_path):
    game = to_1901(tmp_path)
    # summit's condition needs the alliance war formed this very turn.
    assert game.world.fired.get("war") == 1 and game.world.fired.get("summit") == 1
    assert [p.event for p in game.pending] == ["summit", "late"]


def test_the_option_taken_picks_the_follow_up_and_its_options_come_next(tmp_path):
    game = to_1901(tmp_path)
    news = game.choose(ChoiceOrder("summit", 1))  # Refuse
    assert "walkout" in game.world.fired and "talks" not in game.world.fired
    assert any(n.text.startswith("Walkout: ") for n in news)
    # The follow-up's options come before the event that was already waiting.
    assert [p.event for p in game.pending] == ["walkout", "late"]


def test_an_option_without_follow_up_options_resolves_the_chain_at_once(tmp_path):
    game = to_1901(tmp_path)
    game.choose(ChoiceOrder("summit", 0))  # Talk
    assert game.world.flags.get("talked") is True
    assert "walkout" not in game.world.fired
    assert [p.event for p in game.pending] == ["late"]


def test_a_condition_that_fails_then_stops_the_chain(tmp_path):
    # Without the alliance, summit's condition fails when war is resolved; it never fires
    # later on its own (a follow-up fires only right after its event).
    events = CHAIN.replace(
        "          - {kind: form_alliance, alliance: front, name: The Front, members: [AAA, ON]}\n",
        "",
    )
    game = to_1901(tmp_path, events)
    assert "summit" not in game.world.fired
    for _ in range(3):
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        game.end_turn([])
    assert "summit" not in game.world.fired


def test_a_game_with_follow_ups_replays_to_the_same_world(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, CHAIN))
    game = new_game(loaded, "replay", "AAA")
    for _ in play_headless(game, make_policy("random", "replay")):
        pass
    again = resimulate(game.replay, loaded)
    assert again.world.state_hash() == game.world.state_hash()
    assert again.world.fired == game.world.fired


@pytest.mark.parametrize(
    ("trigger", "message"),
    [
        ("{kind: after, event: wat}", "unknown event 'wat'"),
        ("{kind: after, event: split}", "'split' is an event of another era"),
        ("{kind: after, event: raid, choice: 2}", "option 2 of 'raid' does not exist"),
        ("{kind: after, event: loop}", "go round in a circle (loop -> loop)"),
    ],
)
def test_the_loader_refuses_follow_ups_that_can_never_fire(tmp_path, trigger, message):
    events = (
        f"      - id: loop\n        title: Loop\n        text: Loops.\n        trigger: {trigger}\n"
    )
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(campaign_with(tmp_path, events))
    text = str(caught.value)
    assert message in text
    assert "campaign.yaml:" in text  # the place, as FILE:LINE:COL


def test_a_two_event_circle_is_refused(tmp_path):
    events = """\
      - id: one
        title: One
        text: One.
        trigger: {kind: after, event: two}
      - id: two
        title: Two
        text: Two.
        trigger: {kind: after, event: one}
"""
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(campaign_with(tmp_path, events))
    assert "go round in a circle (one -> two -> one)" in str(caught.value)


def test_the_lint_warns_of_a_follow_up_for_players_its_event_never_fires_for(tmp_path):
    events = CHAIN.replace(
        "        trigger: {kind: scheduled, year: 1901}\n        effects:\n"
        "          - {kind: hostile_act",
        "        trigger: {kind: scheduled, year: 1901}\n        players: [NO]\n        effects:\n"
        "          - {kind: hostile_act",
        1,
    ).replace(
        "        trigger: {kind: after, event: war, when: 'allied(AAA, ON)'}\n",
        "        trigger: {kind: after, event: war, when: 'allied(AAA, ON)'}\n"
        "        players: [AAA]\n",
    )
    warnings = reachability(load_campaign(campaign_with(tmp_path, events)).campaign)
    found = [w for w in warnings if w.event == "summit"]
    assert found and "'war' fires only for NO" in found[0].message
