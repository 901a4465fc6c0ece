"""The one renderer for names, articles, possessives and numbers, and the phrases players
found broken: "Skerries's", "a offensive posture", "military 349.92", "0.17, below 0.17",
"Kingdom of Valmora's intervene against", intelligence about the player in the third
person, and hostile orders whose result was never shown."""

from __future__ import annotations

import pytest

from game.campaign.loader import load_campaign
from game.engine import ChoiceOrder, Order, new_game
from game.engine import constants as k
from game.engine.wording import compared, figure, possessive, with_article


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kingdom of Valmora", "Kingdom of Valmora's"),
        ("Brethren of the Skerries", "Brethren of the Skerries'"),
        ("you", "your"),
        ("You", "Your"),
    ],
)
def test_possessive(name, expected):
    assert possessive(name) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("offensive posture", "an offensive posture"),
        ("defensive posture", "a defensive posture"),
        ("8% build-up", "an 8% build-up"),
        ("union", "an union"),  # by letter, not by sound: the game's own phrases only
    ],
)
def test_with_article(phrase, expected):
    assert with_article(phrase) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(349.92, "350"), (1234.5, "1,234"), (12.5, "12.5"), (12.0, "12"), (0.173, "0.17")],
)
def test_figures_read_as_a_player_reads_them(value, expected):
    assert figure(value) == expected


def test_compared_figures_are_never_shown_equal_when_they_differ():
    assert compared(0.1712, 0.1749) == ("0.171", "0.175")
    assert compared(0.17001, 0.17004) == ("0.1700", "0.1700")  # at most four decimals
    assert compared(0.12, 0.2) == ("0.12", "0.20")
    assert compared(0.2, 0.2) == ("0.20", "0.20")


@pytest.fixture
def tutorial_game():
    loaded = load_campaign("campaigns/tutorial.yaml")
    game = new_game(loaded, "phrases", "VAL")
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    return game


def test_an_intervention_shows_what_it_did_and_is_remembered_as_a_noun(tutorial_game):
    game = tutorial_game
    before = game.world.states["COR"].military
    report = game.end_turn([Order("intervene", "COR")])
    line = next(n.text for n in report.news if n.text.startswith("You intervene against"))
    after = figure(before * (1 - k.INTERVENE_MILITARY_LOSS))
    assert f"Brethren of the Skerries' military {figure(before)} -> {after}" in line
    assert ", stability " in line
    acts = [a.description for a in game.world.acts if a.actor == "VAL"]
    assert "Kingdom of Valmora's armed intervention" in acts
    assert not any("intervene against" in a for a in acts)


def test_a_posture_order_takes_the_right_article(tutorial_game):
    report = tutorial_game.end_turn([Order("posture", option="offensive")])
    assert any("adopt an offensive posture" in n.text for n in report.news)


def test_intelligence_speaks_to_the_player_as_you(tutorial_game):
    report = tutorial_game.end_turn([Order("intel", "KAR")])
    line = next(n.text for n in report.news if n.text.startswith("Intelligence on"))
    assert "Kingdom of Valmora" not in line
    assert "an alliance offer from you would be" in line
