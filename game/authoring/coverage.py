"""What many runs of a campaign add up to: how often each event fired and in which years,
how often each choice was taken, how each objective ended, the scores per state and policy,
and the alignment timeline that differs most between doctrines.

:class:`Coverage` takes the runs one at a time and keeps only counts (and the doctrine
probes' timelines), so its memory does not grow with the number of runs.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from game.authoring.runs import RunRecord, RunSpec
from game.campaign.models import Campaign


@dataclass
class EventTally:
    """One event across the runs."""

    id: str
    era: str
    title: str
    runs: int = 0
    """Runs in which it fired at least once."""
    years: Counter[int] = field(default_factory=Counter)
    choices: list[int] = field(default_factory=list)
    """How often each option was taken (0-based), over every time it was answered."""
    example: RunSpec | None = None
    """A run in which it fired: the line to reproduce it."""
    example_path: tuple[tuple[str, int], ...] = ()
    late: Counter[int] = field(default_factory=Counter)
    """For a condition event: year -> runs in which its condition first held that year,
    after its era had ended (the era ended first)."""
    late_example: RunSpec | None = None
    late_path: tuple[tuple[str, int], ...] = ()


@dataclass
class ObjectiveTally:
    """One objective across the runs (of the states it counts for)."""

    id: str
    era: str
    outcomes: Counter[str] = field(default_factory=Counter)
    """achieved, failed, not_reached."""


@dataclass
class DoctrineGap:
    """The two doctrines whose worlds differed most, for one probe (seed, state, policy)."""

    seed: str
    player: str
    policy: str
    first: str
    second: str
    differences: int
    """State-years whose allies differ between the two."""
    years: list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]
    """The first differences: year, state, its allies under the first doctrine and the
    second."""


class Coverage:
    """The sum of the runs of one campaign."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.events: dict[str, EventTally] = {}
        for era in campaign.eras:
            for event in era.events:
                self.events[event.id] = EventTally(
                    event.id, era.id, event.title, choices=[0] * len(event.choices)
                )
        self.objectives = {
            o.id: ObjectiveTally(o.id, era.id) for era in campaign.eras for o in era.objectives
        }
        self.runs = 0
        self.quick_runs = 0
        self.scores: dict[tuple[str, str], list[int]] = {}
        self.grades: dict[tuple[str, str], Counter[str]] = {}
        self.attempts: dict[tuple[str, int], RunSpec] = {}
        """The quick-pass run that tried to force each choice."""
        self._timelines: dict[tuple[str, str, str], dict[str, dict]] = {}

    def add(self, record: RunRecord) -> None:
        """Count one run."""
        spec = record.spec
        self.runs += 1
        self.quick_runs += spec.quick
        for event, years in sorted(record.fired.items()):
            tally = self.events.get(event)
            if tally is None:
                continue
            tally.runs += 1
            tally.years.update(years)
            if tally.example is None or (tally.example.quick and not spec.quick):
                tally.example, tally.example_path = spec, tuple(record.taken)
        for event, year in sorted(record.late.items()):
            tally = self.events.get(event)
            if tally is None:
                continue
            tally.late[year] += 1
            if tally.late_example is None:
                tally.late_example, tally.late_path = spec, tuple(record.taken)
        for event, index in record.taken:
            tally = self.events.get(event)
            if tally is not None and 0 <= index < len(tally.choices):
                tally.choices[index] += 1
        for forced in spec.forced:
            if len(spec.forced) == 1:  # a run forcing it alone shows the attempt best
                self.attempts[forced] = spec
            else:
                self.attempts.setdefault(forced, spec)
        for objective, outcome in sorted(record.objectives.items()):
            if objective in self.objectives:
                self.objectives[objective].outcomes[outcome] += 1
        if not spec.quick and not spec.timeline:  # the scores are the auto-plays' alone
            key = (spec.player, spec.policy)
            self.scores.setdefault(key, []).append(record.score)
            self.grades.setdefault(key, Counter())[record.grade] += 1
        if spec.timeline:
            probe = (spec.seed, spec.player, spec.policy)
            self._timelines.setdefault(probe, {})[spec.doctrine or "campaign"] = record.timeline

    # -- what the report shows -------------------------------------------------------
    def never_fired(self) -> list[EventTally]:
        """Events that fired in no run, in file order."""
        return [t for t in self.events.values() if t.runs == 0]

    def never_taken(self) -> list[tuple[EventTally, int]]:
        """Options never taken of events that did fire, in file order."""
        return [
            (t, i)
            for t in self.events.values()
            if t.runs
            for i, count in enumerate(t.choices)
            if count == 0
        ]

    def never_achieved(self) -> list[ObjectiveTally]:
        """Objectives that counted in some run and were achieved in none, in file order."""
        return [t for t in self.objectives.values() if t.outcomes and not t.outcomes["achieved"]]

    def score_rows(self) -> list[dict]:
        """Per state and policy: runs, mean, min, max, median and the commonest grade."""
        rows = []
        for (player, policy), scores in sorted(self.scores.items()):
            grades = self.grades[(player, policy)]
            rows.append(
                {
                    "state": player,
                    "policy": policy,
                    "runs": len(scores),
                    "mean": round(statistics.fmean(scores), 1),
                    "min": min(scores),
                    "max": max(scores),
                    "median": statistics.median(scores),
                    "grade": min(grades, key=lambda g: (-grades[g], g)),
                }
            )
        return rows

    def doctrine_gap(self) -> DoctrineGap | None:
        """Of the doctrine probes, the one whose worlds differ most between two doctrines."""
        best: DoctrineGap | None = None
        for (seed, player, policy), by_doctrine in sorted(self._timelines.items()):
            names = sorted(by_doctrine)
            for i, first in enumerate(names):
                for second in names[i + 1 :]:
                    a, b = by_doctrine[first], by_doctrine[second]
                    diffs = [
                        (year, state, a[year][state], b[year].get(state, ()))
                        for year in sorted(set(a) & set(b))
                        for state in sorted(a[year])
                        if a[year][state] != b[year].get(state, ())
                    ]
                    if best is None or len(diffs) > best.differences:
                        best = DoctrineGap(
                            seed, player, policy, first, second, len(diffs), diffs[:8]
                        )
        return best
