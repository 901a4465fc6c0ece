"""An event's closed options in the event window: shown, greyed, with the reason and the
cost; their number key says why instead of choosing; an open one chooses."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from ui_pilot import screen_is, until

from game.campaign.loader import load_campaign
from game.ui.app import EntenteApp

MINIMAL = Path(__file__).parents[1] / "data" / "minimal_campaign.yaml"
EVENT = """\
      - id: summit
        title: Summit
        text: A summit is called.
        trigger: {kind: scheduled, year: 1900}
        choices:
          - label: Sign with Onland
            when: 'allied(AAA, ON)'
            unavailable: Onland is no ally of yours
            hint: An ally's word.
          - label: Send the whole cabinet
            cost: 2
            hint: Attention spent here is not spent on orders.
          - label: Walk out
            hint: Refusal keeps the threat.
"""


async def test_a_closed_option_says_why_and_an_open_one_chooses(tmp_path) -> None:
    text = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace("      - id: raid\n", EVENT + "      - id: raid\n", 1))
    app = EntenteApp(load_campaign(path), seed="options", start="new")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, screen_is(pilot, "BriefingScreen"))
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, "EventModal"))
        options = app.screen.query_one("#event-choices", OptionList)
        first = options.get_option_at_index(0)
        assert first.disabled and "Closed: Onland is no ally of yours." in str(first.prompt)
        assert "(costs 2 action points of this turn's)" in str(
            options.get_option_at_index(1).prompt
        )
        assert options.highlighted == 1  # the first open option
        await pilot.press("1")
        await pilot.pause()
        assert type(app.screen).__name__ == "EventModal"  # closed: nothing chosen
        await pilot.press("2")
        await until(pilot, lambda: not app.game.pending and not app.busy)
        assert app.game.log[0].choices[0].choice == 1
        assert app.game.action_points == app.game.campaign.action_points - 2
