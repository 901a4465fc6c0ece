"""A condition on ``score`` reads the score as the check began: an objective achieved
earlier in the same pass does not lift a later objective over its bar that turn."""

from __future__ import annotations

from pathlib import Path

from game.campaign.loader import parse_campaign
from game.engine import new_game

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"

OBJECTIVES = """\
    objectives:
      - id: easy
        text: Be there.
        when: {easy}
        points: 30
      - id: by_score
        text: Score well.
        when: score >= {bar}
        points: 5
      - id: hold
"""


def first_turn(bar: int, easy: str = "year >= 1900") -> tuple[set[str], int]:
    """The objectives achieved and the score after the first turn, with ``by_score``'s bar
    and ``easy``'s condition."""
    text = MINIMAL.read_text().replace(
        "    objectives:\n      - id: hold\n", OBJECTIVES.format(bar=bar, easy=easy), 1
    )
    game = new_game(parse_campaign(text.encode(), "<test>"), seed="s", player="AAA")
    game.end_turn([])
    achieved = {o.id for o in game.objectives() if o.status.value == "achieved"}
    return achieved, game.score.total


def test_an_objective_on_score_sees_the_score_as_the_check_began():
    achieved, after = first_turn(10**6)  # a bar no score meets: only `easy` counts
    assert achieved == {"easy"}
    # `easy` was achieved in this very check: the score it adds is not yet there for a
    # bar set at the score with it.
    achieved, total = first_turn(after)
    assert achieved == {"easy"} and total == after
    # Without `easy`, the score is what it was as the check began; a bar there is met.
    _, before = first_turn(10**6, easy="year >= 3000")
    assert before < after
    achieved, _ = first_turn(before)
    assert achieved == {"easy", "by_score"}
