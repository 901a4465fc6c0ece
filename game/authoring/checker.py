"""``entente check``: play a campaign many times, in parallel, and add the runs up.

The plan has three parts, all seeded from one seed so a check can be repeated exactly:

- the **quick pass**: for each playable state, a few runs that between them force every
  option of every event with choices the state can see (run *r* forces option *r* of each
  event at once); then, for any option still not taken, one run that forces it alone (an
  earlier forced choice can keep a later event from firing), so each option is taken at
  least once where the event fires at all;
- **N auto-plays**, cycling over the playable states, the policies and the doctrines;
- **doctrine probes**: one seed per playable state under each doctrine, whose alignment
  timelines are compared.

Runs go to worker processes (one per core); each worker loads the campaign once.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from game.authoring.coverage import Coverage
from game.authoring.runs import RunRecord, RunSpec, play_run
from game.campaign.loader import LoadedCampaign, load_campaign
from game.campaign.models import Campaign

AUTO_POLICIES = ("passive", "random", "hawk", "dove", "statesman")
"""The policies the auto-plays cycle through by default."""


@dataclass(frozen=True)
class CheckPlan:
    """What to run."""

    seed: str
    runs: int
    players: tuple[str, ...]
    policies: tuple[str, ...]
    doctrines: tuple[str | None, ...]
    """None: the campaign's own doctrines."""


def _choice_events(campaign: Campaign, player: str) -> list[tuple[str, int]]:
    """The events with choices ``player`` can see, with their numbers of options."""
    return [
        (event.id, len(event.choices))
        for era in campaign.eras
        for event in era.events
        if event.choices and (not event.players or player in event.players)
    ]


def quick_pass(campaign: Campaign, plan: CheckPlan) -> list[RunSpec]:
    """The quick pass's packed runs: for each of the plan's states, run *r* forces option
    *r* of every event with choices it can see (events with fewer options are left to the
    policy), so a state with events of at most *n* options needs *n* runs."""
    specs = []
    for player in plan.players:
        events = _choice_events(campaign, player)
        for r in range(max((n for _, n in events), default=0)):
            forced = tuple((event, r) for event, n in events if r < n)
            specs.append(
                RunSpec(
                    f"{plan.seed}-quick-{player}-{r + 1}",
                    player,
                    "statesman",
                    None,
                    forced,
                    quick=True,
                )
            )
    return specs


def second_pass(campaign: Campaign, plan: CheckPlan, taken: set[tuple[str, int]]) -> list[RunSpec]:
    """One run forcing each option the packed runs did not take (``taken``), alone, for the
    first of the plan's states that can see its event."""
    specs = []
    for era in campaign.eras:
        for event in era.events:
            players = [p for p in plan.players if not event.players or p in event.players]
            if not event.choices or not players:
                continue
            for index in range(len(event.choices)):
                if (event.id, index) in taken:
                    continue
                specs.append(
                    RunSpec(
                        f"{plan.seed}-{event.id}-{index + 1}",
                        players[index % len(players)],
                        "statesman",
                        None,
                        ((event.id, index),),
                        quick=True,
                    )
                )
    return specs


def auto_plays(plan: CheckPlan) -> Iterator[RunSpec]:
    """The plan's N auto-plays: every combination of state, policy and doctrine in turn,
    each with its own seed."""
    combos = list(itertools.product(plan.players, plan.policies, plan.doctrines))
    for n in range(plan.runs):
        player, policy, doctrine = combos[n % len(combos)]
        yield RunSpec(f"{plan.seed}-{n + 1}", player, policy, doctrine)


def doctrine_probes(plan: CheckPlan) -> list[RunSpec]:
    """Each playable state, one seed, under every doctrine (and the campaign's own)."""
    doctrines: list[str | None] = [None, *sorted(d for d in plan.doctrines if d is not None)]
    if len(doctrines) < 2:
        from game.vocabulary import DOCTRINES

        doctrines = [None, *DOCTRINES]
    return [
        RunSpec(f"{plan.seed}-probe", player, "statesman", doctrine, timeline=True)
        for player in plan.players
        for doctrine in doctrines
    ]


_LOADED: LoadedCampaign | None = None


def _start_worker(source: str) -> None:
    global _LOADED  # one campaign per worker, loaded once
    _LOADED = load_campaign(source)


def _run_in_worker(spec: RunSpec) -> RunRecord:
    assert _LOADED is not None
    return play_run(_LOADED, spec)


def run_check(
    loaded: LoadedCampaign,
    plan: CheckPlan,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Coverage:
    """Play the plan (in ``jobs`` processes; default one per core) and add it up.

    ``progress(done, total)`` is called as runs finish (the total grows once the packed
    quick-pass runs are in and the options they missed are known). Results are counted in
    the order the specs were made, whatever order the workers finish in, so the report is
    the same from one check to the next.
    """
    packed = quick_pass(loaded.campaign, plan)
    specs: list[RunSpec] = [*packed, *auto_plays(plan), *doctrine_probes(plan)]
    coverage = Coverage(loaded.campaign)
    jobs = min(jobs or os.cpu_count() or 1, max(1, len(specs)))  # no idle workers
    taken: set[tuple[str, int]] = set()
    done = 0
    total = len(specs)

    def count(record: RunRecord) -> None:
        nonlocal done
        coverage.add(record)
        done += 1
        if record.spec.quick:
            taken.update(record.taken)
        if progress:
            progress(done, total)

    if jobs == 1 or total < 8:
        for spec in specs[: len(packed)]:
            count(play_run(loaded, spec))
        # The second pass is known now: play it first, so the total is whole before the
        # bar moves on, but count it last, in the order the parallel path counts it.
        second = second_pass(loaded.campaign, plan, taken)
        total += len(second)
        held = [play_run(loaded, spec) for spec in second]
        for spec in specs[len(packed) :]:
            count(play_run(loaded, spec))
        for record in held:
            count(record)
        return coverage
    context = multiprocessing.get_context("spawn" if os.name != "posix" else "fork")
    with context.Pool(jobs, _start_worker, (loaded.source,)) as pool:
        # imap keeps the specs' order; a chunk of a few runs keeps the pipes quiet. The
        # packed runs come first, so the options they missed are known (and queued) while
        # the auto-plays still run (with no packed runs there is nothing to force).
        later: Iterator[RunRecord] = iter(())
        for n, record in enumerate(pool.imap(_run_in_worker, specs, chunksize=4), 1):
            count(record)
            if n == len(packed):
                second = second_pass(loaded.campaign, plan, taken)
                total += len(second)
                later = pool.imap(_run_in_worker, second, chunksize=1)
        for record in later:
            count(record)
    return coverage


def default_plan(
    campaign: Campaign,
    seed: str,
    runs: int,
    players: Sequence[str] = (),
    policies: Sequence[str] = (),
    doctrines: Sequence[str] = (),
) -> CheckPlan:
    """The plan for the command line's choices (empty: every playable state, the auto-play
    policies, the campaign's own doctrines)."""
    return CheckPlan(
        seed,
        runs,
        tuple(players) or tuple(campaign.playable),
        tuple(policies) or AUTO_POLICIES,
        tuple(doctrines) or (None,),
    )
