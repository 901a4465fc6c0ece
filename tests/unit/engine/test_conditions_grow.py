"""What a condition can ask, beyond threat and alliances: membership of a named
alliance, a state's principal threat, the smaller and larger of two numbers; and an
objective that must hold for several turns in a row (``hold``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.expressions import parse_expression
from game.campaign.loader import load_campaign
from game.engine import ObjectiveStatus, new_game

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
VERSION_2 = MINIMAL.read_text().replace("schema_version: 1", "schema_version: 2", 1)
"""The minimal campaign in the format version these parts need."""


def with_objective(tmp_path: Path, objective: str) -> Path:
    text = VERSION_2
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace("    objectives:\n", "    objectives:\n" + objective, 1))
    return path


def evaluate(game, text: str) -> bool | float:
    expect = "number" if text.startswith("=") else "bool"
    return parse_expression(text.lstrip("="), expect).evaluate(game._evaluator())


def test_member_names_an_alliance_by_its_id(tmp_path) -> None:
    game = new_game(load_campaign(MINIMAL), "s", "AAA")
    assert evaluate(game, 'member(AAA, "pact") and member(NO, "pact")') is True
    assert evaluate(game, 'member(ON, "pact")') is False


def test_principal_threat_is_the_rival_the_state_reads_as_most_threatening() -> None:
    game = new_game(load_campaign(MINIMAL), "s", "AAA")
    lines = sorted(((game.matrix.get("NO", rival), rival) for rival in ("AAA", "ON")), reverse=True)
    top, other = lines[0][1], lines[1][1]
    assert evaluate(game, f"principal_threat(NO, {top})") is True
    assert evaluate(game, f"principal_threat(NO, {other})") is False


def test_min_and_max() -> None:
    game = new_game(load_campaign(MINIMAL), "s", "AAA")
    assert evaluate(game, "=min(military(AAA), military(NO))") == 50.0
    assert evaluate(game, "=max(allies(AAA), 3) * 2") == 6.0


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ('member(AAA, "pcat")', "unknown alliance 'pcat'"),
        ("member(AAA, pact)", 'must be a quoted alliance id such as "nato"'),
        ("min(1)", "min() takes 2 arguments"),
    ],
)
def test_bad_calls_are_refused_when_the_file_loads(tmp_path, condition, message) -> None:
    objective = (
        f"      - id: probe\n        text: Probe.\n        when: '{condition}'\n        points: 5\n"
    )
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(with_objective(tmp_path, objective))
    assert message in str(caught.value)


HELD = """\
      - id: keep_it
        text: Keep the pact for three turns.
        when: allied(AAA, NO)
        hold: 3
        points: 10
"""


def objective(game, key: str):
    return next(o for o in game.objectives() if o.id == key)


def test_an_objective_to_keep_up_is_achieved_after_its_turns_in_a_row(tmp_path) -> None:
    game = new_game(load_campaign(with_objective(tmp_path, HELD)), "s", "AAA")
    game.end_turn([])
    assert objective(game, "keep_it").status is ObjectiveStatus.pending
    assert objective(game, "keep_it").held == 1 and objective(game, "keep_it").hold == 3
    game.end_turn([])
    assert objective(game, "keep_it").held == 2
    game.end_turn([])
    found = objective(game, "keep_it")
    assert found.status is ObjectiveStatus.achieved and found.year == 1902


def test_a_broken_run_starts_the_count_again(tmp_path) -> None:
    # The pact breaks in 1903 and is re-formed in 1904: the count starts again then.
    events = """\
      - id: rupture
        title: Rupture
        text: The pact breaks.
        trigger: {kind: scheduled, year: 1901}
        effects:
          - {kind: break_alliance, alliance: pact}
      - id: mended
        title: Mended
        text: The pact is mended.
        trigger: {kind: scheduled, year: 1902}
        effects:
          - {kind: form_alliance, alliance: pact2, name: The Pact Again, members: [AAA, NO]}
"""
    path = with_objective(tmp_path, HELD)
    raid = "      - id: raid\n"
    path.write_text(path.read_text().replace(raid, events + raid, 1))
    game = new_game(load_campaign(path), "s", "AAA")
    game.end_turn([])  # 1900: held 1
    assert objective(game, "keep_it").held == 1
    game.end_turn([])  # 1901: broken
    assert objective(game, "keep_it").held == 0
    for _ in range(2):
        game.end_turn([])
    assert objective(game, "keep_it").status is ObjectiveStatus.pending
    assert objective(game, "keep_it").held == 2


def test_a_hold_longer_than_its_window_is_refused(tmp_path) -> None:
    too_long = HELD.replace("hold: 3", "hold: 9").replace(
        "        points: 10\n", "        points: 10\n        deadline: 1904\n"
    )
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(with_objective(tmp_path, too_long))
    assert "must hold for 9 turns in a row, but only 5 turns fall in 1900-1904" in str(caught.value)


def test_a_campaign_without_hold_keeps_its_saves_hashes() -> None:
    game = new_game(load_campaign(MINIMAL), "s", "AAA")
    assert "held" not in game.world.snapshot()
