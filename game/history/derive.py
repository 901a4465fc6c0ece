"""Derive the compact data files the history check reads from the shared research data.

Run once by developers (the outputs are committed):

    python -m game.history.derive ../shared/data/history

Each output keeps only the columns and rows the check needs; see ``data/README.md`` for the
sources and their citations.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

OUT = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener: Callable[..., IO[str]] = open
    if path.suffix == ".gz":
        opener = gzip.open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _write(name: str, header: list[str], rows: Iterable[list[object]]) -> int:
    """Write a gzipped CSV deterministically (no timestamp in the gzip header)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    with (
        open(OUT / name, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle,
    ):
        handle.write(buffer.getvalue().encode())
    return count


def _int(text: str) -> int:
    return int(float(text))


def derive(source: Path) -> dict[str, int]:
    """Write every compact file; returns the row count of each."""
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    counts["states.csv.gz"] = _write(
        "states.csv.gz",
        ["ccode", "abbrev", "name", "start", "end"],
        (
            [_int(r["ccode"]), r["stateabb"], r["statenme"], _int(r["styear"]), _int(r["endyear"])]
            for r in _rows(source / "cow_states.csv")
        ),
    )
    counts["capabilities.csv.gz"] = _write(
        "capabilities.csv.gz",
        ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"],
        (
            [_int(r["ccode"]), _int(r["year"])]
            + [r[k] for k in ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")]
            for r in _rows(source / "cow_nmc.csv")
            if r["cinc"] not in ("", "NA")
        ),
    )
    counts["capitals.csv.gz"] = _write(
        "capitals.csv.gz",
        ["ccode", "capital", "start", "end", "lat", "lon"],
        (
            [_int(r["ccode"]), r["capital"], r["stdate"][:4], r["enddate"][:4], r["lat"], r["lng"]]
            for r in _rows(source / "cow_capitals.csv")
        ),
    )
    counts["contiguity.csv.gz"] = _write(
        "contiguity.csv.gz",
        ["ccode1", "ccode2", "type", "start", "end"],
        (
            [
                _int(r["ccode1"]),
                _int(r["ccode2"]),
                _int(r["conttype"]),
                r["stdate"][:4],
                r["enddate"][:4],
            ]
            for r in _rows(source / "cow_contdir.csv")
        ),
    )
    counts["disputes.csv.gz"] = _write(
        "disputes.csv.gz",
        ["dispute", "actor", "target", "year", "hostility", "initiator"],
        (
            [
                _int(r["dispnum"]),
                _int(r["ccode1"]),
                _int(r["ccode2"]),
                _int(r["year"]),
                _int(r["hostlev1"]),
                _int(r["sidea1"]),
            ]
            for r in _rows(source / "cow_mid_dirdisps.csv")
        ),
    )
    counts["arms_races.csv.gz"] = _write(
        "arms_races.csv.gz",
        ["ccode1", "ccode2", "start", "end"],
        (
            [_int(r["ccode1"]), _int(r["ccode2"]), _int(r["styear"]), _int(r["endyear"])]
            for r in _rows(source / "grh_arms_races.csv")
        ),
    )
    counts["wars.csv.gz"] = _write(
        "wars.csv.gz",
        ["war", "ccode1", "ccode2", "year"],
        (
            [_int(r["warnum"]), _int(r["ccode1"]), _int(r["ccode2"]), _int(r["year"])]
            for r in _rows(source / "cow_war_inter.csv")
        ),
    )
    counts["alliances.csv.gz"] = _write(
        "alliances.csv.gz",
        ["ccode1", "ccode2", "year"],
        (
            [_int(r["ccode1"]), _int(r["ccode2"]), _int(r["year"])]
            for r in _rows(source / "atop_alliance.csv.gz")
            if (r["atop_defense"] == "1" or r["atop_offense"] == "1")
            and _int(r["ccode1"]) < _int(r["ccode2"])
        ),
    )
    counts["ideal_points.csv.gz"] = _write(
        "ideal_points.csv.gz",
        ["ccode", "year", "ideal_point"],
        (
            [_int(r["ccode"]), _int(r["year"]), r["idealpointfp"]]
            for r in _rows(source / "un_idealpoints.csv")
            if r["idealpointfp"] not in ("", "NA")
        ),
    )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="the shared data/history folder")
    args = parser.parse_args()
    for name, count in derive(args.source).items():
        print(f"{name}: {count:,} rows")


if __name__ == "__main__":
    main()
