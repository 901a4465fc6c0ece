"""``entente check``'s report: as text for the author, or as one JSON object whose fields
``docs/authoring.md`` (section 10) documents. Never-fired events and never-taken choices
come first, each with a command that replays a run where it could have happened."""

from __future__ import annotations

import shlex
from typing import Any

from game.authoring.checker import CheckPlan
from game.authoring.coverage import Coverage, EventTally
from game.authoring.lint import LintKind, LintWarning
from game.authoring.runs import RunSpec
from game.campaign.errors import CampaignError
from game.campaign.models import After

JSON_VERSION = 1
"""The version of the ``--json`` object's layout."""


def replay_line(source: str, spec: RunSpec, path: tuple[tuple[str, int], ...] = ()) -> str:
    """The command that plays ``spec`` again (the forced choices, or the run's ``path`` of
    choices, as ``--choose``)."""
    words = ["entente", "simulate", source, "--as", spec.player, "--seed", spec.seed]
    words += ["--policy", spec.policy]
    if spec.doctrine:
        words += ["--doctrine", spec.doctrine]
    forced = dict(spec.forced)
    for event, index in path:
        forced.setdefault(event, index)
    for event, index in forced.items():
        words += ["--choose", f"{event}={index + 1}"]
    return shlex.join(words)


def _why_never_fired(tally: EventTally, warnings: list[LintWarning], coverage: Coverage) -> str:
    """Why an event never fired, as far as the lint or the runs can tell."""
    reasons = [w.message for w in warnings if w.event == tally.id]
    if reasons:
        return reasons[0]
    event = next(e for era in coverage.campaign.eras for e in era.events if e.id == tally.id)
    trigger = event.trigger
    if isinstance(trigger, After):
        leader = coverage.events.get(trigger.event)
        if leader is not None and not leader.runs:
            return f"it follows '{trigger.event}', which never fired either"
        if leader is not None and trigger.choice is not None:
            taken = (
                leader.choices[trigger.choice - 1] if trigger.choice <= len(leader.choices) else 0
            )
            if not taken:
                return f"it follows option {trigger.choice} of '{trigger.event}', never taken"
    if tally.late:
        era = next(e for e in coverage.campaign.eras if e.id == tally.era)
        first, runs = min(tally.late), sum(tally.late.values())
        return (
            f"the era ended first: its condition held only after its era ({era.start}-"
            f"{era.end}), first in {first}, in {runs} of {coverage.runs} runs"
        )
    when = getattr(trigger, "when", None)
    for use in when.calls() if when is not None else []:
        if use.sign <= 0 or not use.args:
            continue
        name = use.args[0]
        objective = coverage.objectives.get(name)
        if use.function == "achieved" and objective and not objective.outcomes["achieved"]:
            return f'its condition needs achieved("{name}"), and no run achieved that objective'
        other = coverage.events.get(name)
        if use.function == "fired" and other and not other.runs:
            return f'its condition needs fired("{name}"), and that event never fired either'
    return (
        "its trigger never held in these runs (see its condition, and whether its era ends first)"
    )


def _example(source: str, tally: EventTally) -> str | None:
    """The line that replays a run where the event fired, or, for one that never did, a
    run where its condition came to hold too late."""
    if tally.example:
        return replay_line(source, tally.example, tally.example_path)
    if tally.late_example:
        return replay_line(source, tally.late_example, tally.late_path)
    return None


def unreachable(coverage: Coverage, warnings: list[LintWarning]) -> bool:
    """Whether anything cannot be reached: an event never fired, an option never taken, an
    objective never achieved, or a condition the lint shows can never hold."""
    return bool(
        coverage.never_fired()
        or coverage.never_taken()
        or coverage.never_achieved()
        or any(w.kind == LintKind.unreachable for w in warnings)
    )


def as_json(
    coverage: Coverage,
    plan: CheckPlan,
    source: str,
    warnings: list[LintWarning],
    placed: list[CampaignError],
) -> dict[str, Any]:
    """The report as one JSON-ready object (layout version :data:`JSON_VERSION`)."""
    campaign = coverage.campaign
    events = []
    for tally in coverage.events.values():
        event = next(e for era in campaign.eras for e in era.events if e.id == tally.id)
        events.append(
            {
                "id": tally.id,
                "era": tally.era,
                "fired_runs": tally.runs,
                "years": {str(y): n for y, n in sorted(tally.years.items())},
                "choices": [
                    {"option": i + 1, "label": c.label, "taken": tally.choices[i]}
                    for i, c in enumerate(event.choices)
                ],
                "example": _example(source, tally),
                "why_never": None if tally.runs else _why_never_fired(tally, warnings, coverage),
            }
        )
    never_taken = [
        {
            "event": t.id,
            "option": i + 1,
            "fired_runs": t.runs,
            "try": replay_line(source, coverage.attempts[(t.id, i)])
            if (t.id, i) in coverage.attempts
            else None,
        }
        for t, i in coverage.never_taken()
    ]
    gap = coverage.doctrine_gap()
    return {
        "format": "entente-check",
        "version": JSON_VERSION,
        "campaign": {"id": campaign.id, "version": campaign.version, "source": source},
        "plan": {
            "seed": plan.seed,
            "runs": plan.runs,
            "quick_pass_runs": coverage.quick_runs,
            "total_runs": coverage.runs,
            "states": list(plan.players),
            "policies": list(plan.policies),
            "doctrines": [d or "campaign" for d in plan.doctrines],
        },
        "unreachable": unreachable(coverage, warnings),
        "never_fired": [t.id for t in coverage.never_fired()],
        "never_taken": never_taken,
        "never_achieved": [t.id for t in coverage.never_achieved()],
        "events": events,
        "objectives": [
            {"id": t.id, "era": t.era, **{k: t.outcomes.get(k, 0) for k in OUTCOMES}}
            for t in coverage.objectives.values()
        ],
        "scores": coverage.score_rows(),
        "doctrine_gap": None
        if gap is None
        else {
            "seed": gap.seed,
            "state": gap.player,
            "policy": gap.policy,
            "doctrines": [gap.first, gap.second],
            "differences": gap.differences,
            "first": [
                {"year": y, "state": s, gap.first: list(a), gap.second: list(b)}
                for y, s, a, b in gap.years
            ],
        },
        "warnings": [
            {
                "kind": w.kind.value,
                "file": e.file,
                "line": e.line,
                "column": e.column,
                "message": w.message,
            }
            for w, e in zip(warnings, placed, strict=True)
        ],
    }


OUTCOMES = ("achieved", "failed", "not_reached")
"""How an objective can end a run."""


def as_text(
    coverage: Coverage,
    plan: CheckPlan,
    source: str,
    warnings: list[LintWarning],
    placed: list[CampaignError],
) -> str:
    """The report for a person: what cannot be reached first, then the tables."""
    c = coverage.campaign
    doctrines = ", ".join(d or "campaign doctrines" for d in plan.doctrines)
    lines = [
        f"{source}: {coverage.runs} runs of '{c.title}' ({coverage.quick_runs} quick-pass runs "
        f"forcing every choice, {plan.runs} auto-plays over {', '.join(plan.players)} x "
        f"{', '.join(plan.policies)} x {doctrines}, and doctrine probes), seed {plan.seed}",
        "",
    ]
    never = coverage.never_fired()
    lines.append(f"Never fired ({len(never)}):" if never else "Every event fired in some run.")
    for tally in never:
        example = _example(source, tally)
        lines.append(
            f"  {tally.id} (era {tally.era}): {_why_never_fired(tally, warnings, coverage)}"
            + (f"; see: {example}" if example else "")
        )
    untaken = coverage.never_taken()
    lines.append(
        f"Options never taken ({len(untaken)}):"
        if untaken
        else "Every option of every event that fired was taken."
    )
    for tally, index in untaken:
        attempt = coverage.attempts.get((tally.id, index))
        how = f"; tried: {replay_line(source, attempt)}" if attempt else ""
        lines.append(
            f"  {tally.id} option {index + 1}: the event fired in {tally.runs} runs, "
            f"never with this option{how}"
        )
    missed = coverage.never_achieved()
    lines.append(
        f"Objectives never achieved ({len(missed)}):"
        if missed
        else "Every objective was achieved in some run."
    )
    for objective in missed:
        runs = sum(objective.outcomes.values())
        lines.append(f"  {objective.id} (era {objective.era}): counted in {runs} runs, met in none")
    if placed:
        lines += ["", f"Warnings ({len(placed)}):"]
        lines += [f"  {e}" for e in placed]
    lines += ["", "Events (runs fired in, years):"]
    for tally in coverage.events.values():
        years = sorted(tally.years)
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0]) if years else "-"
        share = tally.runs / coverage.runs if coverage.runs else 0.0
        taken = " / ".join(str(n) for n in tally.choices)
        options = f"; options taken {taken}" if tally.choices else ""
        lines.append(f"  {tally.id:<32} {tally.runs:>5} ({share:4.0%})  {span}{options}")
    lines += ["", "Objectives (achieved / failed / not reached):"]
    for objective in coverage.objectives.values():
        counts = " / ".join(str(objective.outcomes.get(k, 0)) for k in OUTCOMES)
        lines.append(f"  {objective.id:<32} {counts}")
    lines += ["", "Scores by state and policy (runs, mean, min-max, median, commonest grade):"]
    for row in coverage.score_rows():
        lines.append(
            f"  {row['state']:<6} {row['policy']:<10} {row['runs']:>5} {row['mean']:>8} "
            f"{row['min']:>6}-{row['max']:<6} {row['median']:>7} {row['grade']}"
        )
    gap = coverage.doctrine_gap()
    if gap is not None and not gap.differences:
        lines += [
            "",
            f"Doctrines: no probe differs: {gap.first} and {gap.second} left every state "
            f"with the same allies in every year (seed {gap.seed}, {gap.policy} and the "
            "others).",
        ]
    elif gap is not None:
        lines += [
            "",
            f"Doctrines: {gap.first} and {gap.second} differ most for {gap.player} "
            f"(seed {gap.seed}, {gap.policy}): {gap.differences} state-years allied "
            "differently; the first:",
        ]
        for year, state, a, b in gap.years:
            lines.append(
                f"  {year} {state}: {', '.join(a) or 'no allies'} ({gap.first}) / "
                f"{', '.join(b) or 'no allies'} ({gap.second})"
            )
    return "\n".join(lines)
