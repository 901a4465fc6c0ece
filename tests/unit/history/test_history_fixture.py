"""The loaders and the baselines' figures on a small hand-made data set, worked out by hand.

Five states on the equator: the poles Aland (1, at 0 E) and Borduria (2, at 40 E), and
Carpania (3, at 5 E), Dalmia (4, at 35 E) and Estia (5, at 15 E). Carpania allies with
Aland; Dalmia and Estia with Borduria. Aland has the higher CINC in 1900, Borduria in 1901.
In 1900 Carpania had a dispute with Borduria and Estia one with Aland; in 1901 Dalmia had one
with Borduria, which only the predictions for 1902 may see.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from game.history import check, sources

STATES = [(1, "ALA", "Aland"), (2, "BOR", "Borduria"), (3, "CAR", "Carpania")]
STATES += [(4, "DAL", "Dalmia"), (5, "EST", "Estia")]
LONGITUDE = {1: 0.0, 2: 40.0, 3: 5.0, 4: 35.0, 5: 15.0}
CINC = {1900: {1: 0.4, 2: 0.3}, 1901: {1: 0.3, 2: 0.4}, 1902: {1: 0.3, 2: 0.4}}
ANSWER = [(1, 3), (2, 4), (2, 5)]


def _write(folder: Path, name: str, header: list[str], rows: list[tuple]) -> None:
    with gzip.open(folder / name, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def small_world(tmp_path, monkeypatch) -> None:
    """Point the loaders at the hand-made files, with their caches emptied before and after."""
    _write(
        tmp_path,
        "states.csv.gz",
        ["ccode", "abbrev", "name", "start", "end"],
        [(c, abbrev, name, 1899, 1910) for c, abbrev, name in STATES],
    )
    _write(
        tmp_path,
        "capabilities.csv.gz",
        ["year", "ccode", "milex", "milper", "cinc"],
        [(year, c, 1000, 100, CINC[year].get(c, 0.1)) for year in CINC for c, _, _ in STATES],
    )
    _write(
        tmp_path,
        "capitals.csv.gz",
        ["ccode", "capital", "start", "end", "lat", "lon"],
        [(c, f"{name} City", 1899, 1910, 0.0, LONGITUDE[c]) for c, _, name in STATES],
    )
    _write(tmp_path, "contiguity.csv.gz", ["ccode1", "ccode2", "type", "start", "end"], [])
    _write(
        tmp_path,
        "disputes.csv.gz",
        ["dispute", "actor", "target", "year", "hostility", "initiator"],
        [
            (1, 3, 2, 1900, 3, 1),
            (1, 2, 3, 1900, 3, 0),
            (2, 5, 1, 1900, 3, 1),
            (2, 1, 5, 1900, 1, 0),
            (3, 4, 2, 1901, 2, 1),
            (3, 2, 4, 1901, 1, 0),
        ],
    )
    _write(tmp_path, "arms_races.csv.gz", ["ccode1", "ccode2", "start", "end"], [])
    _write(
        tmp_path,
        "alliances.csv.gz",
        ["year", "ccode1", "ccode2"],
        [(year, a, b) for year in (1901, 1902) for a, b in ANSWER],
    )
    _write(tmp_path, "ideal_points.csv.gz", ["year", "ccode", "ideal_point"], [])
    # Every cached loader, so one added later cannot keep the real data in this test.
    cached = [f for f in vars(sources).values() if hasattr(f, "cache_clear")]
    for loader in cached:
        loader.cache_clear()
    monkeypatch.setattr(sources, "DATA", tmp_path)
    yield
    for loader in cached:
        loader.cache_clear()


def test_the_loaders_read_the_files(small_world) -> None:
    assert sources.state_names()[5] == ("EST", "Estia")
    assert sources.member(3, 1905) and not sources.member(3, 1911)
    assert sources.capabilities()[1901][2].cinc == 0.4
    assert sources.capital(4, 1900).lon == 35.0
    assert [d.dispute for d in sources.disputes_between(1900, 1900)] == [1, 1, 2, 2]
    assert [d.dispute for d in sources.disputes_between(1901, 1910)] == [3, 3]
    assert sources.alliance_pairs()[1902] == set(ANSWER)
    assert check.partners(1901, [1, 2]) == {3: {1}, 4: {2}, 5: {2}}


def test_each_baseline_predicts_as_it_says(small_world) -> None:
    # Borduria is the majority pole: four of the six state-years joined it.
    picks = {
        (year, state): check.baseline_predictions(year, state, [1, 2], majority=2)
        for year in (1901, 1902)
        for state in (3, 4, 5)
    }
    for year, stronger, weaker in ((1901, 1, 2), (1902, 2, 1)):
        for state in (3, 4, 5):
            assert picks[year, state]["majority"] == 2
            assert picks[year, state]["bandwagon"] == stronger
            assert picks[year, state]["balance_of_power"] == weaker
    # Carpania disputed Borduria, Estia Aland (1900). Dalmia disputed no one before 1901, so
    # it gets the majority pole in 1901; its 1901 dispute with Borduria counts from 1902.
    assert [picks[1901, s]["disputes"] for s in (3, 4, 5)] == [1, 2, 2]
    assert [picks[1902, s]["disputes"] for s in (3, 4, 5)] == [1, 1, 2]
    for year in (1901, 1902):
        # Estia is 15 degrees from Aland and 25 from Borduria.
        assert [picks[year, s]["nearest"] for s in (3, 4, 5)] == [1, 2, 1]


def test_the_baselines_figures(small_world) -> None:
    summary = check.summary(check.run(1901, 1902, [1, 2]), 1901, 1902, 1902)
    assert summary["n"] == 6
    base = summary["baselines"]
    # Always Borduria: four of six right, but no Aland state-year (balanced 0.5).
    assert (base["majority"]["accuracy"], base["majority"]["balanced_accuracy"]) == (0.6667, 0.5)
    # Against, or with, the higher CINC: right for one side each year, so 0.5 either way.
    for name in ("balance_of_power", "bandwagon"):
        assert (base[name]["accuracy"], base[name]["balanced_accuracy"]) == (0.5, 0.5)
    assert base["balance_of_power"]["periods"]["1901-1901"]["accuracy"] == 0.6667
    assert base["balance_of_power"]["periods"]["1902-1902"]["accuracy"] == 0.3333
    assert base["bandwagon"]["periods"]["1901-1901"]["accuracy"] == 0.3333
    # Disputes: all right but Dalmia in 1902; Aland's recall 1, Borduria's 3/4.
    assert (base["disputes"]["accuracy"], base["disputes"]["balanced_accuracy"]) == (0.8333, 0.875)
    # Nearest: Estia goes wrong; Aland's recall 1, Borduria's 1/2.
    assert (base["nearest"]["accuracy"], base["nearest"]["balanced_accuracy"]) == (0.6667, 0.75)
    assert set(summary["model"]["periods"]) == {"1901-1901", "1902-1902"}
    # All five are in the Americas by their codes: one Aland and two Borduria state-years a year.
    for period in ("1901-1901", "1902-1902"):
        regions = summary["model"]["regions"][period]
        assert set(regions) == {"Americas"}
        assert {pole: count["n"] for pole, count in regions["Americas"].items()} == {"1": 1, "2": 2}
