"""Watch mode's replay of a game on an edited campaign (``game.ui.watch``): to the same
turn when every decision fits; where one no longer does, as far as they go, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.loader import LoadedCampaign, parse_campaign
from game.engine import ChoiceOrder, EngineError, Game, Order, new_game
from game.ui.watch import CampaignWatch, record_of, replay_onto

MINIMAL = (Path(__file__).parents[2] / "data" / "minimal_campaign.yaml").read_text()
CAMPAIGN = (Path(__file__).parents[2] / "data" / "summit_campaign.yaml").read_text()
"""The minimal campaign with a summit in 1901 that asks a choice (Sign, Walk out)."""
SUMMIT_WHEN = "trigger: {kind: scheduled, year: 1901}\n        choices:"


def campaign(text: str = CAMPAIGN) -> LoadedCampaign:
    return parse_campaign(text.encode(), "campaign.yaml")


def played() -> Game:
    """Three turns: break the pact, walk out of the summit, an order refused all along
    (there is no alliance with Onland to break)."""
    game = new_game(campaign(), "watch")
    game.end_turn([Order("break", "NO")])
    game.choose(ChoiceOrder("summit", 1))
    game.end_turn([Order("break", "ON")])
    game.end_turn([Order("buildup")])
    assert game.reports[1].refusals  # the order on Onland was refused in the game itself
    return game


def test_an_edit_that_every_decision_fits_replays_to_the_same_turn():
    game = played()
    replayed = replay_onto(campaign(CAMPAIGN.replace("Norland", "Nordmark")), record_of(game))
    assert replayed.stop is None
    assert (replayed.turns, replayed.recorded) == (3, 3)
    new = replayed.game
    assert new.world.turn == game.world.turn == 4
    assert new.replay.turns == game.replay.turns  # the same decisions, taken the same way
    assert new.view.names()["NO"] == "Nordmark"
    assert replayed.note("campaign.yaml") == "Reloaded campaign.yaml: replayed 3 turns."


def test_the_draft_of_the_turn_in_progress_comes_along():
    game = played()
    game.queued[:] = [Order("reassure", "ON")]
    new = replay_onto(campaign(), record_of(game)).game
    assert new.queued == [Order("reassure", "ON")]


def test_an_option_that_moved_is_followed_by_its_label():
    game = played()
    text = CAMPAIGN.replace(
        "          - label: Sign\n",
        "          - label: Hesitate\n            hint: Wait.\n          - label: Sign\n",
    )
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is None
    assert replayed.game.log[1].choices == [ChoiceOrder("summit", 2)]  # "Walk out", now 3rd


def test_a_reworded_option_keeps_its_place():
    game = played()
    text = CAMPAIGN.replace("label: Walk out", "label: Leave the table")
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is None
    assert replayed.game.log[1].choices == [ChoiceOrder("summit", 1)]


def test_an_option_gone_stops_the_replay_at_its_turn():
    """Walk out was replaced by two other options: no option of that label, and no longer
    as many options as before (a reworded label keeps its place only then)."""
    game = played()
    text = CAMPAIGN.replace("          - label: Walk out\n            hint: Leave.\n", "")
    text = text.replace(
        "            hint: Sign it.\n",
        "            hint: Sign it.\n"
        "          - label: Delay\n            hint: Later.\n"
        "          - label: Protest\n            hint: Loudly.\n",
    )
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is not None
    assert (replayed.stop.turn, replayed.stop.year) == (2, 1901)
    assert "the option 'Walk out' of the event 'summit' is gone" in replayed.stop.reason
    new = replayed.game
    assert new.world.turn == 2 and len(new.reports) == 1
    assert [p.event for p in new.pending] == ["summit"]  # the player answers it anew
    assert new.queued == [Order("break", "ON")]  # that turn's orders, queued again
    assert replayed.note("campaign.yaml") == (
        "Reloaded campaign.yaml: replayed 1 of 3 turns; stopped at turn 2 (1901): "
        "the option 'Walk out' of the event 'summit' is gone."
    )


def test_a_stop_in_the_turn_in_progress_keeps_its_draft():
    game = new_game(campaign(), "watch")
    game.end_turn([Order("break", "NO")])
    game.choose(ChoiceOrder("summit", 1))
    game.queued[:] = [Order("reassure", "ON")]
    text = CAMPAIGN.replace("          - label: Walk out\n            hint: Leave.\n", "")
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is not None and replayed.stop.turn == 2
    assert replayed.game.queued == [Order("reassure", "ON")]


def test_an_event_removed_stops_the_replay_where_it_was_answered():
    game = played()
    replayed = replay_onto(campaign(MINIMAL), record_of(game))
    assert replayed.stop is not None
    assert replayed.stop.turn == 2
    assert replayed.stop.reason == "there is no event 'summit' any more"
    assert replayed.turns == 1


def test_an_event_that_no_longer_fires_then_stops_the_replay():
    game = played()
    text = CAMPAIGN.replace(SUMMIT_WHEN, SUMMIT_WHEN.replace("1901", "1903"))
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is not None
    assert replayed.stop.reason == "the event 'summit' no longer asks for a choice here"


def test_a_new_event_asking_first_stops_the_replay_before_the_turns_orders():
    game = played()
    text = CAMPAIGN.replace(SUMMIT_WHEN, SUMMIT_WHEN.replace("1901", "1900"))
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is not None
    assert (replayed.stop.turn, replayed.turns) == (1, 0)
    assert replayed.stop.reason == "the event 'summit' now asks for a choice"
    assert replayed.game.queued == [Order("break", "NO")]


def test_an_order_refused_now_stops_the_replay_before_its_turn():
    """Breaking with Norland fitted; in a campaign where no pact binds the two it is
    refused, so the replay stops before that turn's orders and queues them again. An
    order the game refused all along (the break with Onland) never stops it."""
    game = played()
    text = CAMPAIGN.replace("members: [AAA, NO]", "members: [NO, ON]")
    replayed = replay_onto(campaign(text), record_of(game))
    assert replayed.stop is not None
    assert replayed.stop.turn == 1
    assert replayed.stop.reason == "your order 'break NO' is refused now: " + (
        "you are not allied with Norland"
    )
    new = replayed.game
    assert new.world.turn == 1 and not new.reports  # played again up to there
    assert new.queued == [Order("break", "NO")]


def test_a_state_that_is_no_longer_playable_cannot_be_replayed():
    game = played()
    with pytest.raises(EngineError):
        replay_onto(
            campaign(
                CAMPAIGN.replace("playable: [AAA, NO]", "playable: [NO]").replace(
                    "default_player: AAA", "default_player: NO"
                )
            ),
            record_of(game),
        )


def test_the_watch_sees_a_save_and_a_missing_file(tmp_path):
    path = tmp_path / "campaign.yaml"
    path.write_text(CAMPAIGN)
    watch = CampaignWatch(LoadedCampaign(campaign().campaign, str(path), "x"))
    assert watch.changed() == []
    path.write_text(CAMPAIGN + "\n")
    assert watch.changed() == [str(path)]
    watch.begin()
    assert watch.changed() == []
    path.unlink()
    assert watch.changed() == [str(path)]
    watch.again()
    path.write_text(CAMPAIGN)
    watch.begin()
    assert watch.changed() == []
    watch.again()
    assert watch.changed() == [str(path)]


def test_the_watch_follows_every_file_the_campaign_was_read_from(tmp_path):
    main, part = tmp_path / "main.yaml", tmp_path / "part.yaml"
    main.write_text(CAMPAIGN)
    part.write_text("x: 1\n")
    loaded = campaign()
    watch = CampaignWatch(LoadedCampaign(loaded.campaign, str(main), "x"))
    assert watch.files == (str(main),)
    watch.follow(LoadedCampaign(loaded.campaign, str(main), "x", (str(main), str(part))))
    assert watch.files == (str(main), str(part))
    part.write_text("x: 2\n")
    assert watch.changed() == [str(part)]


def test_the_files_of_a_failed_reload_are_watched_until_it_loads(tmp_path):
    main, missing = tmp_path / "main.yaml", tmp_path / "missing.yaml"
    main.write_text(CAMPAIGN)
    loaded = campaign()
    watch = CampaignWatch(LoadedCampaign(loaded.campaign, str(main), "x"))
    watch.add([str(missing)])  # an included file the errors said is missing
    assert watch.changed() == []
    missing.write_text("x: 1\n")
    assert watch.changed() == [str(missing)]
    watch.follow(LoadedCampaign(loaded.campaign, str(main), "x"))  # it loads without it
    assert watch.files == (str(main),)
