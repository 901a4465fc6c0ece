"""Effects that depend on what happened (``when`` on any effect), renaming an alliance,
and a change of course (``adjust`` on a personality trait)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import new_game

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
VERSION_2 = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
"""The minimal campaign in the format version these parts need."""
RAID = "      - id: raid\n"


def with_events(tmp_path: Path, events: str) -> Path:
    path = tmp_path / "campaign.yaml"
    path.write_text(VERSION_2.replace(RAID, events + RAID, 1))
    return path


def played_to(path: Path, year: int):
    game = new_game(load_campaign(path), "s", "AAA")
    while game.world.year < year:
        game.end_turn([])
    return game


CONDITIONAL = """\
      - id: crisis
        title: Crisis
        text: A crisis.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: set_flag, flag: crisis_over}
          - {kind: adjust, state: ON, stat: military, by: 100, when: 'flag("crisis_over")'}
          - {kind: adjust, state: NO, stat: military, by: 100, when: 'not flag("crisis_over")'}
          - kind: narrative
            text: The crisis made the news.
            when: 'allied(AAA, NO)'
"""


def test_an_effect_applies_only_when_its_condition_holds_then(tmp_path) -> None:
    before = new_game(load_campaign(MINIMAL), "s", "AAA").world.states
    game = played_to(with_events(tmp_path, CONDITIONAL), 1901)
    states = game.world.states
    # The condition reads the world as the effects before it left it: the flag is set.
    assert states["ON"].military == pytest.approx(before["ON"].military + 100)
    assert states["NO"].military == pytest.approx(before["NO"].military)


def test_a_conditional_era_change_follows_the_game_played(tmp_path) -> None:
    text = VERSION_2.replace(
        "    briefing: The second era.\n",
        "    briefing: The second era.\n    changes:\n"
        "      - {kind: set_flag, flag: remembered, when: 'fired(\"raid\")'}\n"
        "      - {kind: set_flag, flag: forgotten, when: 'not fired(\"raid\")'}\n",
        1,
    )
    path = tmp_path / "campaign.yaml"
    path.write_text(text)
    game = played_to(path, 1905)
    assert game.world.flags.get("remembered") is True
    assert "forgotten" not in game.world.flags


def test_an_effects_condition_is_checked_when_the_file_loads(tmp_path) -> None:
    bad = CONDITIONAL.replace("when: 'flag(\"crisis_over\")'", "when: 'flag(\"crisis_ovr\")'")
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(with_events(tmp_path, bad))
    assert "effects[1].when" in str(caught.value)
    assert "did you mean 'crisis_over'" in str(caught.value)


RENAME = """\
      - id: renamed
        title: Renamed
        text: The pact takes a new name.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: rename_alliance, alliance: pact, name: The Northern League}
"""


def test_renaming_an_alliance_keeps_its_members_and_says_so(tmp_path) -> None:
    game = new_game(load_campaign(with_events(tmp_path, RENAME)), "s", "AAA")
    members = list(game.world.alliances["pact"].members)
    formed = game.world.alliances["pact"].formed_turn
    game.end_turn([])  # 1900; 1901 opens with the event
    pact = game.world.alliances["pact"]
    assert pact.name == "The Northern League"
    assert pact.members == members and pact.formed_turn == formed
    news = [n.text for n in game.reports[-1].news]
    assert "The Pact becomes The Northern League." in news


def test_renaming_an_unknown_alliance_is_refused(tmp_path) -> None:
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(with_events(tmp_path, RENAME.replace("alliance: pact", "alliance: pakt")))
    assert "unknown alliance 'pakt'; did you mean 'pact'?" in str(caught.value)


def test_a_change_of_course_adjusts_a_personality_trait(tmp_path) -> None:
    course = """\
      - id: new_leader
        title: A New Leader
        text: Onland's new leader is a cautious man.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: adjust, state: ON, stat: caution, to: 0.9}
          - {kind: adjust, state: ON, stat: aggression, by: -5}
"""
    game = played_to(with_events(tmp_path, course), 1901)
    assert game.world.states["ON"].caution == pytest.approx(0.9)
    assert game.world.states["ON"].aggression == 0.0  # kept within 0 to 1
