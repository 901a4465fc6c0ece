"""Effect groups: effects written once under a name (``effect_groups``) and applied
wherever an effect says ``kind: group``; the loader checks the name and refuses a group
within a group; the computer's policies weigh a group's effects as their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import ChoiceOrder, new_game

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
VERSION_2 = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
RAID = "      - id: raid\n"

GROUPS = """\
effect_groups:
  border_war:
    - {kind: hostile_act, actor: ON, target: NO, severity: 0.8, description: the border war}
    - {kind: adjust, state: ON, stat: military, by: 10}
    - {kind: set_flag, flag: war_fought}
"""

EVENTS = """\
      - id: first_war
        title: War
        text: War breaks out.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: group, group: border_war}
      - id: second_war
        title: War again
        text: War again, if the first was not enough.
        trigger: {kind: scheduled, year: 1902}
        choices:
          - label: Join in
            effects:
              - {kind: group, group: border_war, when: 'not flag("war_fought")'}
            hint: The act is remembered.
          - label: Stay out
            hint: Nothing is done.
"""


def campaign(tmp_path: Path, groups: str = GROUPS, events: str = EVENTS) -> Path:
    text = VERSION_2.replace(RAID, events + RAID, 1).replace("eras:\n", groups + "eras:\n", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text)
    return path


def test_a_group_applies_its_effects_in_order_wherever_it_is_used(tmp_path) -> None:
    game = new_game(load_campaign(campaign(tmp_path)), "s", "AAA")
    military = game.world.states["ON"].military
    game.end_turn([])  # 1901 opens with the first war
    assert game.world.flags.get("war_fought") is True
    assert game.world.states["ON"].military == pytest.approx(military + 10)
    assert any(a.description == "the border war" for a in game.world.acts)
    game.end_turn([])  # 1902: the group's own 'when' keeps it from applying twice
    game.choose(ChoiceOrder("second_war", 0))
    assert game.world.states["ON"].military == pytest.approx(military + 10)


@pytest.mark.parametrize(
    ("groups", "events", "message"),
    [
        (
            GROUPS,
            EVENTS.replace("group: border_war}", "group: border_wr}", 1),
            "unknown effect group 'border_wr'; did you mean 'border_war'?",
        ),
        (
            GROUPS + "  nested:\n    - {kind: group, group: border_war}\n",
            EVENTS,
            "a group cannot use another group",
        ),
        (GROUPS.replace("actor: ON", "actor: OM"), EVENTS, "unknown state 'OM'"),
    ],
)
def test_the_loader_checks_groups(tmp_path, groups, events, message) -> None:
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(campaign(tmp_path, groups, events))
    assert message in str(caught.value)


def test_groups_need_version_2(tmp_path) -> None:
    path = campaign(tmp_path)
    path.write_text(path.read_text().replace("schema_version: 2", "schema_version: 1", 1))
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(path)
    assert "an effect group (kind 'group') is new in schema_version 2" in str(caught.value)


def test_the_policies_weigh_a_groups_effects(tmp_path) -> None:
    from game.engine.policies import _hostility

    game = new_game(
        load_campaign(campaign(tmp_path, GROUPS.replace("actor: ON", "actor: player"))), "s", "AAA"
    )
    game.end_turn([])
    game.end_turn([])
    pending = game.pending[0]
    assert _hostility(game, pending, 0) > _hostility(game, pending, 1)
