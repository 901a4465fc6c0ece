"""``entente check``: the runs add up to what happened, the quick pass takes every option,
what never happens is reported first with a way to replay it, and the static lint finds
conditions that can never hold, with their place in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.check_report import as_json, as_text, replay_line, unreachable
from game.authoring.checker import default_plan, quick_pass, run_check, second_pass
from game.authoring.lint import LintKind, lint, located
from game.authoring.runs import play_run
from game.campaign.loader import load_campaign

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
TUTORIAL = Path(__file__).parents[3] / "campaigns" / "tutorial.yaml"

CHOICE_EVENT = """\
      - id: crossroads
        title: Crossroads
        text: Which way?
        trigger: {kind: scheduled, year: 1901}
        players: [AAA]
        choices:
          - label: Left
            hint: Proximity.
          - label: Right
            hint: Power.
"""

NEVER = """\
      - id: elsewhere
        title: Elsewhere
        text: In another era.
        trigger: {kind: condition, when: 'in_era("second")'}
      - id: too_early
        title: Too early
        text: After a later event.
        trigger: {kind: condition, when: 'fired("split")'}
      - id: no_flag
        title: No flag
        text: A flag nobody raises (only cleared, below).
        trigger: {kind: condition, when: 'flag("ghost")'}
        choices:
          - label: Only option
      - id: far_future
        title: Far future
        text: Past the campaign's end.
        trigger: {kind: condition, when: 'year >= 1990 and exists(AAA)'}
      - id: clear_ghost
        title: Clear
        text: The flag is cleared, never raised.
        trigger: {kind: scheduled, year: 1902}
        effects:
          - {kind: set_flag, flag: ghost, value: false}
"""


def campaign_with(tmp_path: Path, added: str) -> Path:
    text = MINIMAL.read_text()
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace("      - id: raid\n", added + "      - id: raid\n", 1))
    return path


def test_the_runs_add_up_and_the_quick_pass_takes_every_option(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, CHOICE_EVENT))
    plan = default_plan(loaded.campaign, "t", 12, policies=["passive"])
    assert [s.forced for s in quick_pass(loaded.campaign, plan)] == [
        (("crossroads", 0),),
        (("crossroads", 1),),
    ]
    coverage = run_check(loaded, plan, jobs=1)
    crossroads = coverage.events["crossroads"]
    # Every AAA run meets it in 1901; passive takes option 1, the quick pass forces 2.
    assert crossroads.years == {1901: crossroads.runs}
    assert crossroads.choices[1] >= 1 and crossroads.choices[0] >= 1
    assert coverage.events["raid"].runs == coverage.runs  # scheduled for everyone
    hold = coverage.objectives["hold"].outcomes
    assert sum(hold.values()) == coverage.runs
    assert not coverage.never_taken()
    rows = {(r["state"], r["policy"]): r for r in coverage.score_rows()}
    assert sum(r["runs"] for r in rows.values()) == 12  # the auto-plays only


def test_parallel_and_serial_checks_report_the_same(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, CHOICE_EVENT))
    plan = default_plan(loaded.campaign, "same", 16)
    one = as_json(run_check(loaded, plan, jobs=1), plan, "c.yaml", [], [])
    two = as_json(run_check(loaded, plan, jobs=2), plan, "c.yaml", [], [])
    assert one == two


def test_what_never_happens_comes_first_with_its_reason_and_place(tmp_path):
    path = campaign_with(tmp_path, NEVER)
    loaded = load_campaign(path)
    warnings = lint(loaded.campaign)
    unreachable_ids = [w.event for w in warnings if w.kind == LintKind.unreachable]
    assert unreachable_ids == ["elsewhere", "too_early", "no_flag", "far_future"]
    placed = located(loaded, warnings)
    text = path.read_text().splitlines()
    for error in placed[:3]:
        assert error.file == str(path)
        assert "when:" in text[error.line - 1]  # the line of the condition itself
    assert any("no hint" in w.message for w in warnings if w.kind == LintKind.checklist)
    plan = default_plan(loaded.campaign, "n", 6, policies=["passive"])
    coverage = run_check(loaded, plan, jobs=1)
    assert [t.id for t in coverage.never_fired()] == [
        "elsewhere",
        "too_early",
        "no_flag",
        "far_future",
    ]
    assert unreachable(coverage, warnings)
    report = as_text(coverage, plan, str(path), warnings, placed)
    first = report.split("\n\n")[1]
    assert first.startswith("Never fired (4):")
    assert (
        "far_future (era first): year >= 1990 never holds here: the event fires only in " in first
    )
    assert 'elsewhere (era first): in_era("second") never holds here' in first
    assert 'too_early (era first): fired("split") never holds here' in first
    assert 'flag("ghost") is never true' in first


def test_the_replay_line_plays_the_same_run(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, CHOICE_EVENT))
    plan = default_plan(loaded.campaign, "r", 2)
    spec = quick_pass(loaded.campaign, plan)[1]
    line = replay_line("c.yaml", spec)
    assert line == (
        f"entente simulate c.yaml --as {spec.player} --seed {spec.seed} --policy statesman "
        "--choose crossroads=2"
    )


@pytest.mark.parametrize("campaign", [TUTORIAL])
def test_every_shipped_campaign_can_reach_everything(campaign):
    loaded = load_campaign(campaign)
    plan = default_plan(loaded.campaign, "ship", 40)
    coverage = run_check(loaded, plan)
    warnings = lint(loaded.campaign)
    assert not coverage.never_fired()
    assert not coverage.never_taken()
    assert not coverage.never_achieved()
    assert [w.message for w in warnings] == []


def test_a_condition_that_needs_a_call_both_ways_is_unreachable(tmp_path):
    both = """\
      - id: both_ways
        title: Both ways
        text: Never.
        trigger: {kind: condition, when: 'year > 1900 and flag("ready") and not flag("ready")'}
      - id: either_way
        title: Either way
        text: Always (an 'or' is no contradiction).
        trigger: {kind: condition, when: 'allied(AAA, NO) or not allied(AAA, NO)'}
"""
    loaded = load_campaign(campaign_with(tmp_path, both))
    found = [w for w in lint(loaded.campaign) if w.kind == LintKind.unreachable]
    assert {w.event for w in found} == {"both_ways"}
    assert any('it needs flag("ready") both true and false' in w.message for w in found)


CHAIN = """\
      - id: last_year
        title: Last year
        text: The era's last year.
        trigger: {kind: scheduled, year: 1904}
      - id: too_late
        title: Too late
        text: A step of a chain that runs past its era.
        trigger: {kind: condition, when: 'fired("last_year")'}
"""


def test_an_event_its_era_outran_is_diagnosed(tmp_path):
    path = campaign_with(tmp_path, CHAIN)
    loaded = load_campaign(path)
    warnings = lint(loaded.campaign)
    assert not [w for w in warnings if w.event == "too_late"]  # the lint cannot tell
    plan = default_plan(loaded.campaign, "late", 4, policies=["passive"])
    coverage = run_check(loaded, plan, jobs=1)
    (never,) = coverage.never_fired()
    assert never.id == "too_late" and never.late == {1905: coverage.runs}
    report = as_text(coverage, plan, str(path), warnings, located(loaded, warnings))
    assert (
        "too_late (era first): the era ended first: its condition held only after its era "
        f"(1900-1904), first in 1905, in {coverage.runs} of {coverage.runs} runs; "
        "see: entente simulate" in report
    )
    (event,) = [
        e
        for e in as_json(coverage, plan, str(path), warnings, located(loaded, warnings))["events"]
        if e["id"] == "too_late"
    ]
    assert event["why_never"].startswith("the era ended first")
    assert event["example"].startswith("entente simulate")


GATE_AND_DOOR = """\
      - id: gate
        title: Gate
        text: Open the gate?
        trigger: {kind: scheduled, year: 1901}
        players: [AAA]
        choices:
          - label: Keep it shut
            hint: Nothing changes.
          - label: Open it
            hint: The door becomes reachable.
            effects:
              - {kind: set_flag, flag: open, value: true}
      - id: door
        title: Door
        text: Through the door?
        trigger: {kind: condition, when: 'flag("open")'}
        players: [AAA]
        choices:
          - label: Stay
            hint: Stay.
          - label: Go through
            hint: Go.
"""


def test_the_quick_pass_packs_its_runs_and_forces_alone_what_they_missed(tmp_path):
    loaded = load_campaign(campaign_with(tmp_path, GATE_AND_DOOR))
    plan = default_plan(loaded.campaign, "g", 4, players=["AAA"], policies=["passive"])
    packed = quick_pass(loaded.campaign, plan)
    # Two options at most: two runs, each forcing its option of both events at once.
    assert [s.forced for s in packed] == [
        (("gate", 0), ("door", 0)),
        (("gate", 1), ("door", 1)),
    ]
    taken = {pair for spec in packed for pair in play_run(loaded, spec).taken}
    # Shutting the gate kept the door from asking: its first option is still untried.
    assert ("door", 1) in taken and ("door", 0) not in taken
    missed = second_pass(loaded.campaign, plan, taken)
    assert [s.forced for s in missed] == [(("door", 0),)]
    coverage = run_check(loaded, plan, jobs=1)
    assert coverage.quick_runs == len(packed) + len(missed)
    # The attempt a report names is the run that forced the option alone.
    assert coverage.attempts[("door", 0)].forced == (("door", 0),)
    assert coverage.attempts[("gate", 0)] == packed[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_progress_total_is_whole_before_the_bar_reaches_it(tmp_path, jobs):
    """The second pass grows the total once, before any run after it is counted: the bar
    never shows a finished check and then starts again."""
    loaded = load_campaign(campaign_with(tmp_path, GATE_AND_DOOR))
    plan = default_plan(loaded.campaign, "g", 8, players=["AAA"], policies=["passive"])
    seen: list[tuple[int, int]] = []
    coverage = run_check(loaded, plan, jobs=jobs, progress=lambda d, t: seen.append((d, t)))
    packed = len(quick_pass(loaded.campaign, plan))
    assert seen[-1] == (coverage.runs, coverage.runs)
    assert all(done < total for done, total in seen[:-1])
    assert {total for _, total in seen[packed:]} == {coverage.runs}
    # Serial or parallel, the report is the same.
    assert coverage.quick_runs == packed + 1


def test_doctrines_that_never_differ_are_said_so_not_left_half_said(tmp_path):
    """A campaign over before any alliance can move: the report says no doctrine probe
    differs, rather than announcing a first difference and listing none."""
    text = MINIMAL.read_text().replace(
        "    briefing: The first era.\n",
        "    briefing: The first era.\n    changes:\n      - {kind: end_game, text: Over.}\n",
        1,
    )
    path = tmp_path / "over.yaml"
    path.write_text(text)
    loaded = load_campaign(path)
    plan = default_plan(loaded.campaign, "d", 2, policies=["passive"])
    coverage = run_check(loaded, plan, jobs=1)
    report = as_text(coverage, plan, str(path), [], [])
    assert "Doctrines: no probe differs:" in report
    assert "the first:" not in report
