"""The static lint beyond events' triggers: options that can never be taken, objectives
that can never be achieved, conditions that are always false and events with no chance,
each at its place in the file (what ``validate --strict`` and ``check`` warn of)."""

from __future__ import annotations

from pathlib import Path

from game.authoring.lint import LintKind, lint, located
from game.campaign.loader import load_campaign

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"

EVENTS = """\
      - id: never_chance
        title: No chance
        text: It has no chance at all.
        trigger: {kind: chance, probability: 0}
      - id: always_false
        title: Always false
        text: One is never more than two.
        trigger: {kind: condition, when: '1 > 2'}
      - id: dear
        title: Too dear
        text: An option dearer than a turn.
        trigger: {kind: scheduled, year: 1901}
        choices:
          - label: Everything
            hint: Power.
            cost: 9
          - label: Later
            hint: Proximity.
            when: 'year >= 1950'
          - label: Now
            hint: Offense.
"""


def campaign(tmp_path: Path, objective_when: str = "exists(AAA) and year >= 1902") -> Path:
    text = MINIMAL.read_text().replace("      - id: raid\n", EVENTS + "      - id: raid\n", 1)
    text = text.replace("when: exists(AAA) and year >= 1902", f"when: {objective_when}", 1)
    text = text.replace("schema_version: 1", "schema_version: 2", 1)  # options' cost and when
    path = tmp_path / "campaign.yaml"
    path.write_text(text)
    return path


def unreachable(path: Path) -> dict[str, str]:
    """The unreachable warnings' messages (joined by " | " where a line has several), by
    the YAML text at their line."""
    loaded = load_campaign(path)
    warnings = [w for w in lint(loaded.campaign) if w.kind == LintKind.unreachable]
    lines = path.read_text().splitlines()
    found: dict[str, str] = {}
    for error, warning in zip(located(loaded, warnings), warnings, strict=True):
        line = lines[error.line - 1].strip()
        found[line] = f"{found[line]} | {warning.message}" if line in found else warning.message
    return found


def test_events_without_a_chance_and_options_never_open(tmp_path):
    found = unreachable(campaign(tmp_path))
    assert found["trigger: {kind: chance, probability: 0}"] == (
        "a probability of 0: the event can never fire"
    )
    assert found["trigger: {kind: condition, when: '1 > 2'}"] == (
        "it is always false: the event can never fire"
    )
    assert found["cost: 9"] == (
        "the option costs 9 action points and a turn has 3: it can never be taken"
    )
    assert found["when: 'year >= 1950'"].endswith(": the option is never open")
    assert len(found) == 4  # the option without a condition, and the objective, are fine


def test_an_objective_read_only_before_its_condition_can_hold(tmp_path):
    # The objective's era starts in 1900 and its deadline is 1904.
    found = unreachable(campaign(tmp_path, "exists(AAA) and year >= 1905"))
    assert found["when: exists(AAA) and year >= 1905"] == (
        "year >= 1905 never holds here: the objective is read only in 1900-1904: the "
        "objective can never be achieved"
    )
    found = unreachable(campaign(tmp_path, 'flag("ready") and not flag("ready")'))
    both = found['when: flag("ready") and not flag("ready")']
    assert "both true and false" in both and "no set_flag clears it" in both
