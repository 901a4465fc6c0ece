"""The world of year t, built from the data of years up to t-1 only.

Each state becomes an engine state: its COW capability score is its aggregate power, its
military expenditure and personnel its military strength, its record of militarized
disputes its offensive orientation, reach and remembered hostile acts, and the COW
contiguity data its borders. Alliances are never an input. The result is an ordinary
campaign and world that the engine's own threat assessment reads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.campaign.loader import LoadedCampaign
from game.campaign.models import Campaign
from game.engine import (
    Act,
    Geography,
    ThreatMatrix,
    World,
    assess,
    build_world,
    great_circle_km,
)
from game.history import sources

SEVERITY = {2: 0.15, 3: 0.3, 4: 0.6, 5: 1.0}
"""A dispute-year's weight as a hostile act, by the actor's hostility level (threat, display,
use of force, war); 1 (no militarized action) is no act."""

MEMORY_YEARS = 15
"""Disputes older than this are not remembered (their weight would be below the engine's
memory cut-off anyway)."""

RECORD_YEARS = 10
"""The window over which a state's offensive record (initiations, arms races) is read."""

REACH_YEARS = 20
"""The window over which a state's reach is read from the distances it fought at."""

REACH_INITIATED = True
"""Reach counts only disputes the state's side began: where it chose to project force, not
where others came to fight it."""

REACH_MIN_KM = 800.0
"""A state that has projected no force is assumed to reach its own neighbourhood."""

REACH_QUANTILE = 0.5
"""Reach: this quantile (the median), over the disputes it began, of the distance to the
nearest opponent in each (a dispute with a coalition is fought near its closest member).
The median is where a state typically projects force, so its far disputes do not make a
regional power global (with the 0.9 quantile the USSR's disputes with Japan and the United
States gave it the American reach; calibrated on the history check, docs/theory.md)."""

REACH_LAND_KM = False
"""How far a state projects force against a land neighbour: False counts it as 0 km (they
fight at their border), True as the distance between capitals (its forces still travel
from its centre: a continental power's reach shows in its land wars)."""

REACH_HOSTILITY = 3
"""Only disputes in which the state displayed or used force show its reach."""

GLOBAL_MILITARY = 100.0
"""Superpower-scale forces: a state whose measure on GLOBAL_BASIS (x 1000) is at least this
has global reach in the history world: what it can strike is not bounded by how far it
has fought. Reach in km (from its disputes) still measures the forces it can send to
invade."""

GLOBAL_BASIS = "expenditure"
"""What global reach is read from: ``"expenditure"``, the state's world share of military
expenditure, or ``"strength"``, its military strength (the mean of its shares of
expenditure and personnel). Striking anywhere is bought, not manned: bombers, missiles,
carriers and bases are what a share of the world's military spending measures, while a
mass army fights near home (in 1960 China had a sixth of the world's soldiers and a
seventeenth of its spending, COW NMC). Chosen by the calibration, over both (docs/theory.md
section 9)."""

NUCLEAR_AGE = 1950
"""Global reach needs the nuclear age: from the year after the second power's first test
(1949) intercontinental strike makes distance matter less. Before it, no state has it."""

WEIGHTS: dict[str, float] = {"intentions": 2.0, "global_proximity": 0.5}
"""The weights of the four elements in the history world (the campaign format's era
``weights``; a weight left out keeps the format's default). Chosen by the calibration
(benchmarks/calibrate.py); the intentions weight chosen is also the format's default (a
test keeps the two equal), so a campaign that sets no weights plays with them."""

SEA_TYPES = (2, 3)
"""COW contiguity types counted as a sea border (at most 12 or 24 miles of water)."""

OFFENSE_BASE, OFFENSE_RANGE, ARMS_RACE_BONUS = 0.3, 0.5, 0.15
"""Offensive orientation = base + range x share of its dispute-years it initiated, plus a
bonus while in an arms race."""

AGGRESSION_SCALE = 10.0
"""Initiated dispute-years (use of force or war) in the record window that make a state
fully aggressive."""


def sid(ccode: int) -> str:
    """The engine id of a COW state."""
    return f"c{ccode}"


def ccode_of(ident: str) -> int:
    """The COW code of an engine id."""
    return int(ident[1:])


@dataclass
class YearWorld:
    """The engine's view of the world in ``year``, from data up to ``year - 1``."""

    year: int
    loaded: LoadedCampaign
    world: World
    geo: Geography
    matrix: ThreatMatrix
    ccodes: list[int]


def included(year: int) -> list[int]:
    """States in the system in ``year`` with capabilities and a capital for ``year - 1``."""
    base = year - 1
    caps = sources.capabilities().get(base, {})
    return sorted(
        c
        for c in caps
        if sources.member(c, base)
        and sources.member(c, year)
        and sources.capital(c, base) is not None
    )


def _shares(values: dict[int, float | None]) -> dict[int, float | None]:
    known = {c: v for c, v in values.items() if v is not None and v >= 0}
    total = sum(known.values())
    return {c: (known[c] / total if c in known and total > 0 else None) for c in values}


def military(year: int, codes: list[int]) -> dict[int, float]:
    """Military strength: the mean of the world shares of expenditure and personnel (x 1000)."""
    caps = sources.capabilities()[year - 1]
    milex = _shares({c: caps[c].milex for c in codes})
    milper = _shares({c: caps[c].milper for c in codes})
    out = {}
    for c in codes:
        parts = [v for v in (milex[c], milper[c]) if v is not None]
        out[c] = 1000.0 * (sum(parts) / len(parts) if parts else caps[c].cinc)
    return out


def _quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile, interpolated between the two nearest values (for 0.5 and an even
    count, the mean of the two middle values: the usual median)."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def record(year: int, codes: list[int]) -> dict[int, dict[str, float]]:
    """Each state's offensive orientation, aggression and reach from its dispute record."""
    base = year - 1
    members = set(codes)
    where = {c: sources.capital(c, base) for c in codes}
    initiated = dict.fromkeys(codes, 0)
    forceful = dict.fromkeys(codes, 0)
    involved = dict.fromkeys(codes, 0)
    nearest: dict[tuple[int, int], float] = {}  # (state, dispute) -> closest opponent, km
    land = {
        (min(a, b), max(a, b))
        for a, b, kind, start, end in sources.contiguity()
        if kind == 1 and start <= base <= end
    }
    window = max(RECORD_YEARS, REACH_YEARS)
    for d in sources.disputes_between(base - window + 1, base):
        if d.actor not in members or d.target not in members or d.hostility < 2:
            continue
        if d.year > base - RECORD_YEARS:
            involved[d.actor] += 1
            initiated[d.actor] += d.initiator
            forceful[d.actor] += d.initiator and d.hostility >= 4
        if (
            d.year > base - REACH_YEARS
            and d.hostility >= REACH_HOSTILITY
            and (d.initiator or not REACH_INITIATED)
        ):
            a, b = where[d.actor], where[d.target]
            assert a is not None and b is not None  # build() passes included(): all have one
            # Land neighbours fight at their border: no force is projected to reach them.
            km = great_circle_km(a.lat, a.lon, b.lat, b.lon)
            if not REACH_LAND_KM and (min(d.actor, d.target), max(d.actor, d.target)) in land:
                km = 0.0
            key = (d.actor, d.dispute)
            nearest[key] = min(nearest.get(key, km), km)
    distances: dict[int, list[float]] = {c: [] for c in codes}
    for (state, _), km in sorted(nearest.items()):
        distances[state].append(km)
    racing = {
        c
        for c1, c2, start, end in sources.arms_races()
        if start <= base and end > base - RECORD_YEARS
        for c in (c1, c2)
    }
    out = {}
    for c in codes:
        offense = OFFENSE_BASE + OFFENSE_RANGE * initiated[c] / (involved[c] + 1)
        offense += ARMS_RACE_BONUS if c in racing else 0.0
        reach = max(REACH_MIN_KM, _quantile(distances[c], REACH_QUANTILE) if distances[c] else 0.0)
        out[c] = {
            "offense": min(1.0, offense),
            "reach": min(40_000.0, reach),
            "aggression": min(1.0, forceful[c] / AGGRESSION_SCALE),
        }
    return out


def borders(year: int, codes: list[int]) -> dict[int, list[dict]]:
    """Land and sea borders in force in ``year - 1``."""
    base = year - 1
    members = set(codes)
    out: dict[int, list[dict]] = {c: [] for c in codes}
    seen = set()
    for a, b, kind, start, end in sources.contiguity():
        if not (start <= base <= end) or a not in members or b not in members:
            continue
        if kind != 1 and kind not in SEA_TYPES:
            continue
        key = (min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        out[a].append({"state": sid(b), "type": "land" if kind == 1 else "sea"})
    return out


def build(year: int, ideology: bool = False) -> YearWorld:
    """The world of ``year`` from data up to ``year - 1``; ``ideology`` adds UN ideal points
    (a separate variant: alliances partly cause them)."""
    base = year - 1
    codes = included(year)
    caps = sources.capabilities()[base]
    strength = military(year, codes)
    spending = _shares({c: caps[c].milex for c in codes})
    deeds = record(year, codes)
    edges = borders(year, codes)
    points = sources.ideal_points().get(base, {}) if ideology else {}
    names = sources.state_names()
    states = []

    def global_measure(c: int) -> float:
        if GLOBAL_BASIS == "strength":
            return strength[c]
        return 1000.0 * (spending[c] or 0.0)  # no expenditure known: no global reach

    for c in codes:
        town = sources.capital(c, base)
        assert town is not None
        states.append(
            {
                "id": sid(c),
                "name": names.get(c, (str(c), str(c)))[1][:200],
                "capital": {"name": town.name[:200] or "capital", "lat": town.lat, "lon": town.lon},
                "region": "world",
                "borders": edges[c],
                "power": {"kind": "share", "value": min(1.0, caps[c].cinc)},
                "military": strength[c],
                "offense": deeds[c]["offense"],
                "reach": deeds[c]["reach"],
                "global_reach": year >= NUCLEAR_AGE and global_measure(c) >= GLOBAL_MILITARY,
                "ideology": max(-1.0, min(1.0, points.get(c, 0.0) / 3.0)),
                "personality": {"aggression": deeds[c]["aggression"], "caution": 0.5},
            }
        )
    data = {
        "schema_version": 1,
        "id": f"history_{year}",
        "version": "1",
        "title": f"The world of {year}",
        "description": "Built from COW and MID data.",
        "authors": ["Entente history check"],
        "start_year": year,
        "playable": [states[0]["id"]],
        "default_player": states[0]["id"],
        "states": states,
        "eras": [
            {
                "id": "year",
                "title": str(year),
                "start": year,
                "end": year,
                "briefing": "History check.",
                "weights": dict(WEIGHTS),
            }
        ],
    }
    campaign = Campaign.model_validate(data)
    loaded = LoadedCampaign(campaign, f"history:{year}", f"history-{year}")
    world = build_world(campaign)
    world.turn = year  # so an act's age in turns is its age in years
    members = set(codes)
    world.acts = [
        Act(
            sid(d.actor),
            sid(d.target),
            SEVERITY[d.hostility],
            d.year,
            f"militarized dispute {d.dispute}",
        )
        for d in sources.disputes_between(base - MEMORY_YEARS + 1, base)
        if d.hostility in SEVERITY
        and d.actor in members
        and d.target in members
        and d.actor != d.target
    ]
    geo = Geography(campaign)
    matrix = assess(world, geo, campaign.eras[0].weights, 1.0)
    return YearWorld(year, loaded, world, geo, matrix, codes)


def distance_km(year: int, a: int, b: int) -> float:
    """Capital-to-capital distance in ``year - 1``."""
    x, y = sources.capital(a, year - 1), sources.capital(b, year - 1)
    if x is None or y is None:
        return math.inf
    return great_circle_km(x.lat, x.lon, y.lat, y.lon)
