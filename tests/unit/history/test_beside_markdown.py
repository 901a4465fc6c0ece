"""The hand-in debrief (Markdown) carries the "Beside history" section for a campaign whose
states carry COW codes, and not for the tutorial."""

from __future__ import annotations

from pathlib import Path

from game.campaign.library import resolve_campaign
from game.campaign.loader import load_campaign
from game.competition.debrief_text import debrief_markdown
from game.engine import make_policy, new_game, play_headless
from game.history import beside

DATA = Path(__file__).resolve().parents[2] / "data"


def finished(path: Path, seed: str):
    game = new_game(load_campaign(path), seed)
    for _ in play_headless(game, make_policy("statesman", seed)):
        pass
    return game


def test_the_markdown_debrief_sets_the_blocs_beside_history() -> None:
    game = finished(DATA / "cow_campaign.yaml", "m")
    text = debrief_markdown(game)
    assert "\n## Beside history\n" in text
    section = text.split("\n## Beside history\n", 1)[1]
    assert "ATOP 5.1 (Leeds" in section
    names = game.view.names()
    for entry in beside.agreement_by_year(game):
        assert f"### {entry.year}: {beside.score_text(entry)}" in section
        for row in entry.divergences:
            assert names[row.state] in section
    assert "*History:* Greece and Turkey join NATO." in section


def test_the_tutorials_markdown_debrief_has_no_such_section() -> None:
    game = finished(resolve_campaign("tutorial"), "m")
    text = debrief_markdown(game)
    assert "Beside history" not in text and "ATOP" not in text
