"""The history check: the game's own alliance AI plays the period, year by year.

Each year's world is rebuilt from the data of the year before (``worldbuild``: power,
military, borders, reach, disputes as remembered acts), but its alliances are whatever the
game's alignment pass (``align_turn``, the one ``Game.end_turn`` runs each turn) made of
them the year before, starting from none BURN_IN years before the period. For every
state-year in which the state has an ATOP defense or offense pact with exactly one of the
poles (the answer key, never an input), the prediction is the pole the state is allied
with in the simulated world, directly or through its bloc; a state the AI left out of
both blocs is predicted "neither" and counts as wrong. Baselines use the same state-years.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from game.campaign.effects import Doctrine
from game.engine import (
    AlignmentChange,
    AllianceRecord,
    ChangeKind,
    Context,
    align_turn,
    assess,
    change_text,
    side_of,  # the bloc reading the game's debrief shares (game.engine.blocs)
)
from game.history import sources
from game.history.metrics import accuracy, auc, balanced_accuracy
from game.history.regions import region_names, region_of
from game.history.worldbuild import YearWorld, build, ccode_of, distance_km, sid

BASELINES = ("majority", "balance_of_power", "bandwagon", "disputes", "nearest")
DISPUTE_YEARS = 10
BURN_IN = 5
"""Years the AI plays before the period starts, from a world without alliances, so that
the period opens on blocs the AI built rather than on an empty map."""
NEITHER = 0
"""The prediction for a state the AI left allied with no pole."""


class HistoryError(ValueError):
    """A period or set of poles the data cannot support; the message says why."""


@dataclass
class Row:
    """One state-year: what it did, what the model and the baselines predicted, and why."""

    ccode: int
    year: int
    actual: int
    predicted: int
    how: str
    reason: str
    """The engine's reason, in the theory's words (as the game's AI gives it)."""
    factors: dict[str, float]
    baselines: dict[str, int] = field(default_factory=dict)
    chose: str | None = None
    """The engine id of the state it last allied or bandwagoned with by its own choice
    (it decides between two poles that share a bloc)."""


@dataclass
class Result:
    """Every row, and the aligned-versus-not sample for the AUC."""

    rows: list[Row]
    aligned: list[tuple[bool, float]]


def partners(year: int, poles: list[int]) -> dict[int, set[int]]:
    """State -> the poles it shares a defense or offense pact with in ``year`` (answer key)."""
    out: dict[int, set[int]] = {}
    for a, b in sources.alliance_pairs().get(year, ()):
        for state, other in ((a, b), (b, a)):
            if other in poles and state not in poles:
                out.setdefault(state, set()).add(other)
    return out


def validate(start: int, end: int, poles: list[int]) -> None:
    """Refuse a period or poles outside what the data cover."""
    if start > end:
        raise HistoryError(f"--start {start} is after --end {end}")
    if start < sources.FIRST_YEAR + 1 or end > sources.LAST_YEAR:
        raise HistoryError(
            f"the data cover {sources.FIRST_YEAR + 1}-{sources.LAST_YEAR} "
            f"(each year is predicted from the year before); got {start}-{end}"
        )
    if len(poles) < 2 or len(set(poles)) != len(poles):
        raise HistoryError("give two or more different poles, e.g. --poles 2,365")
    names = sources.state_names()
    for pole in poles:
        if pole not in names:
            raise HistoryError(f"{pole} is not a COW state code")
        missing = [
            y
            for y in range(start, end + 1)
            if not sources.member(pole, y - 1) or pole not in sources.capabilities().get(y - 1, {})
        ]
        if missing:
            raise HistoryError(
                f"pole {pole} ({names[pole][1]}) is not in the data for {_years(missing)}"
            )


def _years(years: list[int]) -> str:
    return f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]} ({len(years)} years)"


def baseline_predictions(year: int, state: int, poles: list[int], majority: int) -> dict[str, int]:
    """The baselines' picks for one state-year, from data up to ``year - 1``.

    - majority: always the pole most aligned states joined over the period;
    - balance_of_power: join the side opposite the pole with the higher CINC (with more
      than two poles: the strongest of the others);
    - bandwagon: join the pole with the higher CINC;
    - disputes: join the side opposite the pole the state had more militarized disputes with
      in the last ten years (counted once per dispute); with no difference, the majority pole;
    - nearest: join the pole whose capital is closest.
    """
    caps = sources.capabilities()[year - 1]
    by_power = sorted(poles, key=lambda p: (-caps[p].cinc, p))
    seen: dict[int, set[int]] = {p: set() for p in poles}
    for d in sources.disputes_between(year - DISPUTE_YEARS, year - 1):
        if d.actor == state and d.target in seen:
            seen[d.target].add(d.dispute)
        elif d.target == state and d.actor in seen:
            seen[d.actor].add(d.dispute)
    counts = {p: len(seen[p]) for p in poles}
    most = max(counts.values())
    foes = [p for p in poles if counts[p] == most]
    if len(foes) == len(poles):
        friend = majority
    else:
        foe = max(foes, key=lambda p: (caps[p].cinc, -p))
        friend = next(p for p in by_power if p != foe)
    return {
        "majority": majority,
        "balance_of_power": by_power[1],
        "bandwagon": by_power[0],
        "disputes": friend,
        "nearest": min(poles, key=lambda p: (distance_km(year, state, p), p)),
    }


@dataclass
class Season:
    """One simulated year: the world the AI saw and the changes it made."""

    year: int
    world: YearWorld
    changes: list[AlignmentChange]


def play(
    start: int,
    end: int,
    doctrine: str = "balance_of_threat",
    ideology: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[Season]:
    """Play ``start - BURN_IN`` .. ``end`` with the game's alignment pass, one turn a year,
    carrying the AI's alliances (and its patience with receded threats) from year to year."""
    # The burn-in starts where the data allow it (each year is built from the one before).
    first = start - BURN_IN
    while first < start and first - 1 not in sources.capabilities():
        first += 1
    alliances: dict[str, AllianceRecord] = {}
    receded: dict[str, int] = {}
    out = []
    for year in range(first, end + 1):
        if progress and year >= start:
            progress(year)
        built = build(year, ideology=ideology)
        world = built.world
        for ident in world.states:
            world.states[ident].doctrine = Doctrine(doctrine).value
        # Each year's world gets its own copies, so every Season keeps the alliances as
        # that year ended.
        for key in sorted(alliances):
            record = copy.deepcopy(alliances[key])
            record.members = [m for m in record.members if m in world.states]
            if record.against is not None and record.against not in world.states:
                record.against = None  # its rival left the system: the pact must find a purpose
            if len(record.members) >= 2:
                world.alliances[key] = record
        world.receded = {k: v for k, v in receded.items() if k.split("|")[1] in world.alliances}
        weights = built.loaded.campaign.eras[0].weights
        built.matrix = assess(world, built.geo, weights, 1.0)
        ctx = Context(world, built.geo, built.matrix, "", 1.0)
        changes = align_turn(ctx)
        alliances, receded = world.alliances, dict(world.receded)
        out.append(Season(year, built, changes))
    return out


def run(
    start: int,
    end: int,
    poles: list[int],
    doctrine: str = "balance_of_threat",
    ideology: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Predict every qualifying state-year of the period from the AI's simulated world."""
    validate(start, end, poles)
    rows: list[Row] = []
    aligned: list[tuple[bool, float]] = []
    sides = [sid(p) for p in poles]
    last: dict[str, AlignmentChange] = {}
    """Each state's own last move into an alliance (joined, formed or bandwagoned)."""
    chose: dict[str, str | None] = {}
    for season in play(start, end, doctrine, ideology, progress):
        world = season.world
        names = {s: r.name for s, r in world.world.states.items()}
        for change in season.changes:
            if change.change in (ChangeKind.joined, ChangeKind.formed, ChangeKind.bandwagoned):
                last[change.state] = change
                chose[change.state] = change.partner
        if season.year < start:
            continue
        answer = partners(season.year, poles)
        blocs = list(world.world.alliances.values())
        for state in world.ccodes:
            if state in poles:
                continue
            with_ = answer.get(state, set())
            # Alarm: the threat from the most threatening pole; states a pole threatens align
            # (against it, or with it).
            aligned.append((bool(with_), max(world.matrix.get(sid(state), s) for s in sides)))
            if len(with_) != 1:
                continue
            side = side_of(blocs, sid(state), sides, chose.get(sid(state)))
            found = last.get(sid(state))
            # How it came to its side: the motive of its own last move into an alliance.
            how = "neither" if side is None else found.motive.value if found else "bloc"
            if side is None:
                reason = "allied with no pole"
            elif found is None:
                reason = f"in the bloc of {names[side]}, which others brought it into"
            else:
                reason = change_text(found, names)
            rows.append(
                Row(
                    state,
                    season.year,
                    next(iter(with_)),
                    NEITHER if side is None else ccode_of(side),
                    how,
                    reason,
                    factors(world, sid(state), sides),
                    chose=chose.get(sid(state)),
                )
            )
    if not rows:
        raise HistoryError(f"no state has a pact with exactly one of the poles in {start}-{end}")
    counts = {p: sum(r.actual == p for r in rows) for p in poles}
    majority = max(poles, key=lambda p: (counts[p], -p))
    for row in rows:
        row.baselines = baseline_predictions(row.year, row.ccode, poles, majority)
    return Result(rows, aligned)


def factors(world: YearWorld, state: str, sides: list[str]) -> dict[str, float]:
    """The four elements of threat each pole poses to the state, and the threat itself."""
    m = world.matrix
    out = {}
    for side in sides:
        tag = side[1:]
        for name in ("power", "proximity", "offense", "intentions"):
            out[f"{name}_{tag}"] = round(m.factor(name, state, side), 4)
        out[f"threat_{tag}"] = round(m.get(state, side), 4)
    return out


def scores(rows: list[Row], pick: Callable[[Row], int]) -> dict[str, float | None]:
    """Accuracy and balanced accuracy of one predictor over ``rows``."""
    actual = [r.actual for r in rows]
    predicted = [pick(r) for r in rows]
    return {
        "n": len(rows),
        "accuracy": _rounded(accuracy(actual, predicted)),
        "balanced_accuracy": _rounded(balanced_accuracy(actual, predicted)),
    }


def _rounded(value: float) -> float | None:
    """Four decimals; None (JSON null) for a period with no state-year."""
    return None if math.isnan(value) else round(value, 4)


def by_region(rows: list[Row]) -> dict[str, dict[str, dict[str, int]]]:
    """Region -> pole joined -> state-years and how many the engine predicted correctly."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for name in region_names():
        here = [r for r in rows if region_of(r.ccode) == name]
        for pole in sorted({r.actual for r in here}):
            joined = [r for r in here if r.actual == pole]
            out.setdefault(name, {})[str(pole)] = {
                "n": len(joined),
                "correct": sum(r.predicted == pole for r in joined),
            }
    return out


def _baseline(name: str) -> Callable[[Row], int]:
    """What the baseline called ``name`` predicted for a row."""
    return lambda r: r.baselines[name]


def summary(result: Result, start: int, end: int, split: int) -> dict:
    """The JSON object ``entente history run --json`` prints."""
    # The rows of each period, filtered once for the model, every baseline and the regions.
    periods = {
        f"{a}-{b}": [r for r in result.rows if a <= r.year <= b]
        for a, b in ((start, split - 1), (split, end))
        if a <= b
    }

    def block(pick: Callable[[Row], int]) -> dict:
        out: dict[str, object] = dict(scores(result.rows, pick))
        out["periods"] = {label: scores(rows, pick) for label, rows in periods.items()}
        return out

    model = block(lambda r: r.predicted)
    labels = [a for a, _ in result.aligned]
    model["aligned_auc"] = _rounded(auc(labels, [s for _, s in result.aligned]))
    model["regions"] = {label: by_region(rows) for label, rows in periods.items()}
    return {
        "n": len(result.rows),
        "model": model,
        "baselines": {name: block(_baseline(name)) for name in BASELINES},
    }
