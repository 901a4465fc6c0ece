"""The history check: no peeking at year t, baselines, metrics, and the Cold War result."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

from game.engine.constants import GLOBAL_REACH_KM
from game.history import check, sources, worldbuild
from game.history.metrics import accuracy, auc, balanced_accuracy


def test_metrics_on_a_small_example() -> None:
    actual = [1, 1, 1, 2]
    assert accuracy(actual, [1, 1, 1, 1]) == 0.75
    assert balanced_accuracy(actual, [1, 1, 1, 1]) == 0.5
    assert balanced_accuracy(actual, [1, 1, 2, 2]) == pytest.approx((2 / 3 + 1) / 2)
    assert auc([True, False, True, False], [0.9, 0.1, 0.8, 0.2]) == 1.0
    assert auc([True, False], [0.5, 0.5]) == 0.5
    assert auc([True, False, True, False], [0.1, 0.9, 0.2, 0.8]) == 0.0


def test_the_world_of_year_t_uses_no_data_from_year_t(monkeypatch) -> None:
    before = worldbuild.build(1960).world.state_hash()
    # Rewrite everything the data say about 1960 itself: the world of 1960 must not change.
    caps = copy.deepcopy(sources.capabilities())
    caps[1960] = {c: sources.Capability(1.0, 1.0, 0.5) for c in caps[1960]}
    disputes = [
        *sources.disputes(),
        sources.DisputeYear(999_999, 2, 365, 1960, 5, True),
        sources.DisputeYear(999_999, 365, 2, 1960, 5, False),
    ]
    monkeypatch.setattr(sources, "capabilities", lambda: caps)
    monkeypatch.setattr(sources, "disputes", lambda: disputes)
    assert worldbuild.build(1960).world.state_hash() == before
    # ... while the same change to 1959 does change it.
    caps[1959] = {c: sources.Capability(1.0, 1.0, 0.5) for c in caps[1959]}
    assert worldbuild.build(1960).world.state_hash() != before


def test_alliances_are_never_an_input() -> None:
    world = worldbuild.build(1965).world
    assert world.alliances == {}


def test_baselines_for_known_cases() -> None:
    poland = check.baseline_predictions(1960, 290, [2, 365], majority=2)
    assert poland["nearest"] == 365
    assert poland["bandwagon"] == 2  # the US had the higher CINC in 1959
    assert poland["balance_of_power"] == 365
    assert poland["majority"] == 2
    later = check.baseline_predictions(1980, 290, [2, 365], majority=2)
    assert later["bandwagon"] == 365  # the USSR's CINC passed the US's in 1971
    brazil = check.baseline_predictions(1960, 140, [2, 365], majority=2)
    assert brazil["nearest"] == 2


def test_bad_periods_and_poles_are_refused() -> None:
    with pytest.raises(check.HistoryError, match="data cover"):
        check.validate(1700, 1750, [2, 365])
    with pytest.raises(check.HistoryError, match="two or more"):
        check.validate(1950, 1960, [2])
    with pytest.raises(check.HistoryError, match="not a COW state code"):
        check.validate(1950, 1960, [2, 9999])
    with pytest.raises(check.HistoryError, match="not in the data"):
        check.validate(1950, 1960, [2, 265])  # the GDR entered the system in 1954
    with pytest.raises(check.HistoryError, match="after"):
        check.validate(1960, 1950, [2, 365])


@pytest.fixture(scope="module")
def cold_war_rows() -> check.Result:
    return check.run(1950, 1989, [2, 365])


@pytest.fixture(scope="module")
def cold_war(cold_war_rows) -> dict:
    return check.summary(cold_war_rows, 1950, 1989, 1971)


def test_the_cold_war_sample(cold_war) -> None:
    assert 2150 <= cold_war["n"] <= 2200  # about 2,190 state-years of 67 states
    assert set(cold_war["model"]["periods"]) == {"1950-1970", "1971-1989"}


def test_the_engine_predicts_cold_war_alignments(cold_war) -> None:
    """The game's own AI, playing 1950-1989 from the data: above every baseline in both
    halves, and at least 0.84 in each (docs/theory.md section 9 gives the figures; the
    issue's target of 0.85 is met in the second half only)."""
    model = cold_war["model"]
    first, second = (model["periods"][p]["balanced_accuracy"] for p in ("1950-1970", "1971-1989"))
    assert first >= 0.84 and second >= 0.84
    for name in check.BASELINES:
        for period in ("1950-1970", "1971-1989"):
            baseline = cold_war["baselines"][name]["periods"][period]["balanced_accuracy"]
            assert model["periods"][period]["balanced_accuracy"] > baseline, (name, period)


def test_the_theory_switch_shows_the_theory() -> None:
    """Balance of power and bandwagoning, played by the same AI, predict 1950-1989 far worse
    than balance of threat (the bandwagon doctrine by more than 0.20)."""
    threat = check.summary(check.run(1960, 1969, [2, 365]), 1960, 1969, 1965)
    for doctrine in ("balance_of_power", "bandwagon"):
        other = check.summary(check.run(1960, 1969, [2, 365], doctrine), 1960, 1969, 1965)
        assert other["model"]["balanced_accuracy"] < threat["model"]["balanced_accuracy"] - 0.1


def test_baselines_reproduce_the_reference_figures(cold_war) -> None:
    base = cold_war["baselines"]
    assert base["majority"]["balanced_accuracy"] == 0.5
    for name in ("balance_of_power", "bandwagon"):
        for period in base[name]["periods"].values():
            assert period["balanced_accuracy"] == pytest.approx(0.5, abs=0.01)
    assert base["disputes"]["balanced_accuracy"] == pytest.approx(0.62, abs=0.02)
    assert 0.76 <= base["nearest"]["balanced_accuracy"] <= 0.79


def test_the_blocs_form_as_walt_says(cold_war_rows) -> None:
    """Latin America bandwagons with the United States and Eastern Europe with the USSR in
    both periods (docs/theory.md's table by region), for the reasons the theory gives."""

    def share_right(rows) -> float:
        return sum(r.actual == r.predicted for r in rows) / len(rows)

    for first, last in ((1950, 1970), (1971, 1989)):
        period = [r for r in cold_war_rows.rows if first <= r.year <= last]
        americas = [r for r in period if r.ccode < 200]
        soviet_europe = [r for r in period if 200 <= r.ccode < 400 and r.actual == 365]
        assert share_right(americas) > 0.85
        assert share_right(soviet_europe) > 0.85
        # Walt's bandwagoning, not an accident of the other rules, puts most of them there.
        assert Counter(r.how for r in americas).most_common(1)[0][0] == "bandwagoning"
        assert Counter(r.how for r in soviet_europe).most_common(1)[0][0] == "bandwagoning"
    poland_1985 = next(r for r in cold_war_rows.rows if (r.ccode, r.year) == (290, 1985))
    assert (poland_1985.predicted, poland_1985.how) == (365, "bandwagoning")


def test_reach_is_where_a_state_typically_projects_force() -> None:
    """The United States projects force across the world in every year from 1955, the USSR
    near its borders (its far disputes with Japan and the United States do not make it a
    global power), and a state whose forceful disputes were all with land neighbours reaches
    only its neighbourhood."""
    china = []
    for year in range(1955, 1990):
        states = worldbuild.build(year).world.states
        assert states["c2"].reach >= GLOBAL_REACH_KM, year
        assert states["c365"].reach < GLOBAL_REACH_KM, year
        # Reach is two numbers: both superpowers' strike is global all the same, from
        # their superpower-scale forces, and Britain's and France's is not.
        assert states["c2"].global_reach and states["c365"].global_reach, year
        assert not states["c200"].global_reach and not states["c220"].global_reach, year
        china.append(states["c710"].global_reach)
    # China's mass army is no strike anywhere: global reach is read from spending, which
    # puts China at a tenth of the world's in one year only (1970's data, for 1971).
    assert sum(china) == 1 and china[1971 - 1955]
    assert not any(s.global_reach for s in worldbuild.build(1930).world.states.values())
    # West Germany in 1975: its one forceful dispute it began was with the GDR, next door.
    assert worldbuild.build(1975).world.states["c260"].reach == worldbuild.REACH_MIN_KM


def test_the_median_is_interpolated() -> None:
    assert worldbuild._quantile([0.0, 2085.0], 0.5) == 1042.5
    assert worldbuild._quantile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert worldbuild._quantile([5.0], 0.9) == 5.0


def test_the_theory_doc_shows_the_regions_as_the_command_prints_them(cold_war) -> None:
    """docs/theory.md's table by region is the command's own output for 1950-1989."""
    text = (Path(__file__).parents[3] / "docs" / "theory.md").read_text(encoding="utf-8")
    poles = {"United States": "2", "USSR": "365"}
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ") and line.split("|")[2].strip() in poles
    ]
    regions = cold_war["model"]["regions"]
    expected = {
        (region, pole, period): count
        for period, by_region in regions.items()
        for region, by_pole in by_region.items()
        for pole, count in by_pole.items()
    }
    seen = set()
    for region, joined, first, second in rows:
        for period, cell in (("1950-1970", first), ("1971-1989", second)):
            count = expected[(region, poles[joined], period)]
            share = count["correct"] / count["n"]
            assert cell == f"{count['correct']}/{count['n']} ({share:.2f})", (region, joined)
            seen.add((region, poles[joined], period))
    assert seen == set(expected)
