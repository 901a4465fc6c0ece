"""Reading the history check's compact data files (``game/history/data``).

The files ship inside the package (in a wheel too) and are read through
``importlib.resources``. Every loader returns plain, sorted Python structures and is cached:
the files are small and read once per process.
"""

from __future__ import annotations

import csv
import gzip
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

DATA = files("game.history") / "data"
"""The data folder, as importlib.resources gives it (a ``pathlib.Path`` in a pip install)."""
FIRST_YEAR, LAST_YEAR = 1816, 2014
"""The years every source covers (disputes end in 2014)."""


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (
        (DATA / name).open("rb") as raw,
        gzip.open(raw, "rt", encoding="utf-8", newline="") as handle,
    ):
        yield from csv.DictReader(handle)


def _float(text: str) -> float | None:
    return None if text in ("", "NA") else float(text)


@dataclass(frozen=True)
class Capability:
    """A state's material capabilities in one year (COW NMC)."""

    milex: float | None
    milper: float | None
    cinc: float
    irst: float | None = None
    """Iron and steel production, thousand tons."""
    pec: float | None = None
    """Primary energy consumption, thousand coal-ton equivalents."""
    tpop: float | None = None
    """Total population, thousands."""
    upop: float | None = None
    """Urban population, thousands."""


@dataclass(frozen=True)
class Capital:
    """A capital city and the years it was the capital."""

    name: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True)
class DisputeYear:
    """One side's part in a militarized interstate dispute in one year (MID, directed)."""

    dispute: int
    actor: int
    target: int
    year: int
    hostility: int
    """1 no militarized action, 2 threat, 3 display, 4 use of force, 5 war."""
    initiator: bool


@cache
def state_names() -> dict[int, tuple[str, str]]:
    """COW code -> (abbreviation, name)."""
    return {int(r["ccode"]): (r["abbrev"], r["name"]) for r in _rows("states.csv.gz")}


@cache
def membership() -> dict[int, list[tuple[int, int]]]:
    """COW code -> the spells (first year, last year) it was a member of the state system."""
    out: dict[int, list[tuple[int, int]]] = {}
    for r in _rows("states.csv.gz"):
        out.setdefault(int(r["ccode"]), []).append((int(r["start"]), int(r["end"])))
    return out


def member(ccode: int, year: int) -> bool:
    """True when ``ccode`` was a member of the state system in ``year``."""
    return any(a <= year <= b for a, b in membership().get(ccode, ()))


@cache
def capabilities() -> dict[int, dict[int, Capability]]:
    """Year -> COW code -> capabilities."""
    out: dict[int, dict[int, Capability]] = {}
    for r in _rows("capabilities.csv.gz"):
        out.setdefault(int(r["year"]), {})[int(r["ccode"])] = Capability(
            _float(r["milex"]),
            _float(r["milper"]),
            float(r["cinc"]),
            *(_float(r[k]) if k in r else None for k in ("irst", "pec", "tpop", "upop")),
        )
    return out


@cache
def capitals() -> dict[int, list[Capital]]:
    """COW code -> its capitals over time."""
    out: dict[int, list[Capital]] = {}
    for r in _rows("capitals.csv.gz"):
        out.setdefault(int(r["ccode"]), []).append(
            Capital(r["capital"], int(r["start"]), int(r["end"]), float(r["lat"]), float(r["lon"]))
        )
    return out


def capital(ccode: int, year: int) -> Capital | None:
    """The capital of ``ccode`` in ``year`` (the latest-starting one if spells overlap)."""
    spells = [c for c in capitals().get(ccode, ()) if c.start <= year <= c.end]
    return max(spells, key=lambda c: c.start) if spells else None


@cache
def contiguity() -> list[tuple[int, int, int, int, int]]:
    """(ccode1, ccode2, type, first year, last year); type 1 is a land border, 2-5 water."""
    return [
        (int(r["ccode1"]), int(r["ccode2"]), int(r["type"]), int(r["start"]), int(r["end"]))
        for r in _rows("contiguity.csv.gz")
    ]


@cache
def disputes() -> list[DisputeYear]:
    """Every directed dispute-year, sorted by year."""
    rows = [
        DisputeYear(
            int(r["dispute"]),
            int(r["actor"]),
            int(r["target"]),
            int(r["year"]),
            int(r["hostility"]),
            r["initiator"] == "1",
        )
        for r in _rows("disputes.csv.gz")
    ]
    return sorted(rows, key=lambda d: (d.year, d.dispute, d.actor, d.target))


def disputes_between(first: int, last: int) -> list[DisputeYear]:
    """The dispute-years from ``first`` to ``last`` (inclusive), found by bisection."""
    rows = disputes()
    lo = bisect_left(rows, first, key=lambda d: d.year)
    return rows[lo : bisect_right(rows, last, lo=lo, key=lambda d: d.year)]


@cache
def arms_races() -> list[tuple[int, int, int, int]]:
    """(ccode1, ccode2, first year, last year) of each arms race."""
    return [
        (int(r["ccode1"]), int(r["ccode2"]), int(r["start"]), int(r["end"]))
        for r in _rows("arms_races.csv.gz")
    ]


@cache
def war_pairs() -> dict[int, set[tuple[int, int, int]]]:
    """COW inter-state war number -> the (state, enemy, year) it was at war in (directed)."""
    out: dict[int, set[tuple[int, int, int]]] = {}
    for r in _rows("wars.csv.gz"):
        out.setdefault(int(r["war"]), set()).add(
            (int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))
        )
    return out


@cache
def alliance_pairs() -> dict[int, set[tuple[int, int]]]:
    """Year -> pairs (low code, high code) sharing an ATOP defense or offense pact.

    The answer key only: never an input to a prediction.
    """
    out: dict[int, set[tuple[int, int]]] = {}
    for r in _rows("alliances.csv.gz"):
        out.setdefault(int(r["year"]), set()).add((int(r["ccode1"]), int(r["ccode2"])))
    return out


@cache
def ideal_points() -> dict[int, dict[int, float]]:
    """Year -> COW code -> UN General Assembly foreign-policy ideal point."""
    out: dict[int, dict[int, float]] = {}
    for r in _rows("ideal_points.csv.gz"):
        out.setdefault(int(r["year"]), {})[int(r["ccode"])] = float(r["ideal_point"])
    return out
