"""Objectives are pending, achieved or failed, and a failed one is reported; an event's
change to the player's own state is never silent; the log's past decisions and the trend's
baseline survive a reload."""

from __future__ import annotations

from pathlib import Path

from game.campaign.loader import load_campaign
from game.engine import ChoiceOrder, ObjectiveStatus, Order, new_game, resimulate

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"


def campaign_with(tmp_path, before: str, added: str) -> Path:
    """The minimal campaign with ``added`` (YAML, indented for its place) put just before
    the line ``before``. Text, not a YAML round trip: ``NO`` must stay Norhaven's id."""
    text = MINIMAL.read_text()
    assert before in text
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace(before, added + before, 1))
    return path


UNREACHABLE = (
    "      - id: hold\n",
    """\
      - id: never
        text: Rule the waves.
        when: year >= 3000
        points: 12
        deadline: 1902
""",
)

PLAYER_ADJUSTED = (
    "      - id: raid\n",
    """\
      - id: drill
        title: Drill
        text: A new doctrine.
        trigger: {kind: scheduled, year: 1900}
        choices:
          - label: Attack
            effects:
              - {kind: adjust, state: player, stat: offense, to: 0.9}
          - label: Wait
            effects: []
""",
)


def test_an_objective_past_its_deadline_fails_and_the_news_says_so(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, *UNREACHABLE))
    game = new_game(loaded, "s", "AAA")
    states = {o.id: o.status for o in game.objectives()}
    assert states == {"hold": ObjectiveStatus.pending, "never": ObjectiveStatus.pending}
    failed_news = []
    while game.world.year <= 1903:
        report = game.end_turn([])
        failed_news += [n.text for n in report.news if n.text.startswith("Objective failed")]
        assert report.objectives == game.objectives()
    worth = next(o.worth for o in game.objectives() if o.id == "never")
    assert worth > 0
    assert failed_news == [f"Objective failed: Rule the waves. (its {worth} points are lost)."]
    states = {o.id: (o.status, o.year) for o in game.objectives()}
    assert states["never"] == (ObjectiveStatus.failed, 1902)
    assert states["hold"][0] == ObjectiveStatus.achieved


def test_at_the_end_every_open_objective_has_failed(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, "", ""))
    game = new_game(loaded, "s", "AAA")
    while not game.over:
        game.end_turn([])
    assert all(o.status != ObjectiveStatus.pending for o in game.objectives())


def test_an_event_choice_that_changes_the_players_state_says_so(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, *PLAYER_ADJUSTED))
    game = new_game(loaded, "s", "AAA")
    before = game.world.states["AAA"].offense
    news = game.choose(ChoiceOrder("drill", 0))
    assert f"Your offensive orientation: {before:.2f} -> 0.90." in [n.text for n in news]
    assert game.answers[-1].news == news


def test_past_answers_and_the_trend_baseline_survive_a_reload(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, *PLAYER_ADJUSTED))
    game = new_game(loaded, "s", "AAA")
    game.choose(ChoiceOrder("drill", 1))
    game.end_turn([Order("buildup")])
    game.end_turn([])
    game.queued.append(Order("buildup"))
    again = resimulate(game.replay, loaded)
    assert again.answers == game.answers
    assert [h.ordered for h in again.history] == [h.ordered for h in game.history]
    assert again.queued == [Order("buildup")]
    game.end_turn(game.queued)
    assert game.queued == []  # submitted: the draft is cleared
