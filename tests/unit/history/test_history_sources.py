"""The history check's compact data: loaders, and that they are what derive.py makes."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from game.history import derive, sources

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "history"


def test_capabilities_capitals_and_membership() -> None:
    us = sources.capabilities()[1950][2]
    assert 0.2 < us.cinc < 0.35
    assert us.milper is not None and us.milper > 1000
    assert sources.capital(2, 1950).name == "Washington D.C."
    assert sources.capital(365, 1960).name == "Moscow"
    assert sources.member(265, 1960) and not sources.member(265, 1995)  # the GDR
    assert sources.state_names()[365][0] == "RUS"


def test_disputes_are_sorted_and_directed() -> None:
    rows = sources.disputes()
    assert [d.year for d in rows] == sorted(d.year for d in rows)
    assert all(1 <= d.hostility <= 5 for d in rows)
    assert any(d.actor == 365 and d.target == 2 for d in rows)


def test_alliances_are_the_answer_key() -> None:
    pairs = sources.alliance_pairs()
    assert (2, 20) in pairs[1960]  # the United States and Canada
    assert (290, 365) in pairs[1960]  # Poland and the USSR (Warsaw Pact)
    assert all(a < b for a, b in pairs[1960])


def test_contiguity_has_land_borders() -> None:
    land = {
        (a, b)
        for a, b, kind, start, end in sources.contiguity()
        if kind == 1 and start <= 1960 <= end
    }
    assert (290, 365) in land or (365, 290) in land


def test_committed_files_are_what_derive_makes(tmp_path, monkeypatch) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the shared research data is not beside the checkout ({SHARED})")
    monkeypatch.setattr(derive, "OUT", tmp_path)
    derive.derive(SHARED)
    for made in sorted(tmp_path.iterdir()):
        assert filecmp.cmp(made, sources.DATA / made.name, shallow=False), made.name
