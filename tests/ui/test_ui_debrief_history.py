"""The debrief's "Beside history" section: shown for a campaign whose states carry COW
codes (the game's blocs beside the real ones, ATOP), hidden for the tutorial."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from ui_pilot import played, screen_is, until

from game.campaign.loader import load_campaign
from game.engine import make_policy, new_game, play_headless
from game.history import beside, contrast
from game.ui.app import EntenteApp

CAMPAIGN = Path(__file__).resolve().parents[1] / "data" / "cow_campaign.yaml"


def texts(app: EntenteApp) -> list[str]:
    return [str(w.render()) for w in app.screen.query(Static)]


async def test_the_debrief_sets_the_blocs_beside_history() -> None:
    loaded = load_campaign(CAMPAIGN)
    game = new_game(loaded, "ui")
    for _ in play_headless(game, make_policy("statesman", "ui")):
        pass
    app = EntenteApp(loaded, game=game, start="game")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, screen_is(pilot, "DebriefScreen"))
        shown = texts(app)
        assert "Beside history" in shown
        method = str(app.screen.query_one("#beside-method").render())
        assert "ATOP 5.1" in method and "Leeds" in method
        years = app.screen.query(".beside-row")
        agreements = beside.agreement_by_year(game)
        assert len(years) == len(beside.checkpoints(agreements)) == 6  # a short game: every year
        names = game.view.names()
        body = "\n".join(str(w.render()) for w in app.screen.query(".beside-text"))
        for entry in agreements:
            assert beside.score_text(entry) in body
            for row in entry.divergences:
                assert names[row.state] in body
        assert "History: Greece and Turkey join NATO." in body
        # The theory's contrast: the same world left to the AI alone under each doctrine,
        # played in a worker while the debrief is read, scored as the player's world is.
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "contrast", None) is not None, timeout=60)
        shown = str(screen.query_one("#beside-contrast").render())
        assert "The theory's contrast" in shown
        for found in screen.contrast:
            assert found.years == len(agreements)
            alone = contrast.ai_alone(game, found.doctrine)
            assert found.score == beside.overall_score(beside.agreement_by_year(alone))
        assert contrast.contrast_lines(screen.contrast)[1] in shown


async def test_the_tutorials_debrief_has_no_such_section() -> None:
    game = played()
    app = EntenteApp(game.loaded, game=game, start="game")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, screen_is(pilot, "DebriefScreen"))
        assert "Beside history" not in texts(app)
        assert not app.screen.query("#beside-method")
        assert not app.screen.query("#beside-contrast")
        assert "History beside your game" in texts(app)
