"""Scripted text follows what happened: an event's and a narrative's variants are chosen by
their conditions, and each playable state can have its own era briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import load_campaign
from game.engine import new_game

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
TUTORIAL = Path(__file__).parents[3] / "campaigns" / "tutorial.yaml"

EVENT = """\
      - id: herald
        title: Herald
        text: The pact stands.
        trigger: {kind: scheduled, year: 1900}
        variants:
          - when: 'not allied(AAA, NO)'
            title: Lone herald
            text: The pact is gone.
          - when: 'allied(AAA, NO)'
            text: The pact still stands, and it says so.
        effects:
          - kind: narrative
            text: Plain words.
            variants:
              - when: 'exists(ON)'
                text: Ondria is still there.
"""


def with_text(tmp_path: Path, added: str, before: str = "      - id: raid\n") -> Path:
    text = MINIMAL.read_text()
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace(before, added + before, 1))
    return path


def test_the_first_variant_whose_condition_holds_gives_the_words(tmp_path):
    game = new_game(load_campaign(with_text(tmp_path, EVENT)), "s", "AAA")
    texts = [n.text for n in game.opening]
    assert "Herald: The pact still stands, and it says so." in texts
    assert "Ondria is still there." in texts
    assert "Plain words." not in texts


def test_without_a_matching_variant_the_events_own_words_are_used(tmp_path):
    plain = EVENT.replace("'allied(AAA, NO)'", "'year > 3000'").replace(
        "'exists(ON)'", "'not exists(ON)'"
    )
    game = new_game(load_campaign(with_text(tmp_path, plain)), "s", "AAA")
    texts = [n.text for n in game.opening]
    assert "Herald: The pact stands." in texts
    assert "Plain words." in texts


def test_a_variant_can_retitle_the_event(tmp_path):
    broken = EVENT.replace("'not allied(AAA, NO)'", "'allied(AAA, NO)'")
    game = new_game(load_campaign(with_text(tmp_path, broken)), "s", "AAA")
    assert "Lone herald: The pact is gone." in [n.text for n in game.opening]


def test_a_variants_condition_is_checked_like_any_other(tmp_path):
    bad = EVENT.replace("'exists(ON)'", "'exists(ZZZ)'")
    with pytest.raises(CampaignInvalid) as raised:
        load_campaign(with_text(tmp_path, bad))
    message = str(raised.value.errors[0])
    assert "variants" in message and "ZZZ" in message


def test_a_briefing_for_a_state_that_cannot_be_played_is_refused(tmp_path):
    added = "    briefings:\n      ON: Not playable.\n"
    with pytest.raises(CampaignInvalid) as raised:
        load_campaign(with_text(tmp_path, added, before="    events:\n"))
    assert "'ON' is not a playable state" in str(raised.value.errors[0])


def test_each_playable_state_reads_its_own_briefing_in_the_tutorial():
    campaign = load_campaign(TUTORIAL).campaign
    for era in campaign.eras:
        texts = {player: era.briefing_for(player) for player in campaign.playable}
        assert len(set(texts.values())) == len(campaign.playable), era.id
        assert texts["VAL"] == era.briefing


def test_playing_tells_who_the_player_runs(tmp_path):
    event = """\
      - id: news
        title: News
        text: A raid in the east.
        trigger: {kind: scheduled, year: 1900}
        variants:
          - when: 'playing(NO)'
            text: A raid on your own coast.
"""
    path = with_text(tmp_path, event)
    as_aaa = new_game(load_campaign(path), "s", "AAA")
    as_no = new_game(load_campaign(path), "s", "NO")
    assert "News: A raid in the east." in [n.text for n in as_aaa.opening]
    assert "News: A raid on your own coast." in [n.text for n in as_no.opening]
