"""``entente history run`` as a user runs it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys


def entente(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=300
    )


def test_json_summary_and_rows(tmp_path) -> None:
    out = tmp_path / "rows.csv"
    done = entente(
        "history",
        "run",
        "--start",
        "1960",
        "--end",
        "1963",
        "--poles",
        "2,365",
        "--json",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert set(summary) == {"n", "model", "baselines"}
    assert set(summary["baselines"]) == {
        "majority",
        "balance_of_power",
        "bandwagon",
        "disputes",
        "nearest",
    }
    assert set(summary["model"]["periods"]) == {"1960-1961", "1962-1963"}
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == summary["n"]
    assert {"ccode", "year", "actual", "predicted", "threat_2", "proximity_365"} <= set(rows[0])
    assert {row["region"] for row in rows if row["ccode"] == "290"} == {"Europe"}
    # Each prediction carries the engine's reason in the theory's words.
    poland = next(row for row in rows if row["ccode"] == "290")
    # Poland sides with the USSR by Walt's bandwagoning: weak, beside it, no able ally.
    assert poland["how"] == "bandwagoning", poland
    assert poland["reason"].startswith("Poland bandwagoned with Russia: too weak"), poland
    regions = summary["model"]["regions"]["1960-1961"]
    assert regions["Europe"]["365"]["n"] == sum(
        row["year"] in ("1960", "1961") and row["region"] == "Europe" and row["actual"] == "365"
        for row in rows
    )


def test_readable_table_cites_the_data() -> None:
    done = entente("history", "run", "--start", "1890", "--end", "1895", "--poles", "255,220")
    assert done.returncode == 0, done.stderr
    assert "nearest pole" in done.stdout
    assert "by COW region and the pole joined" in done.stdout
    assert any(line.startswith("Europe") and "GMY" in line for line in done.stdout.splitlines())
    assert "Singer, Bremer & Stuckey 1972" in done.stdout
    assert "Leeds, Ritter, Mitchell & Long 2002" in done.stdout


def test_bad_arguments_exit_2_without_a_traceback() -> None:
    for args in (
        ["--start", "1700", "--end", "1710", "--poles", "2,365"],
        ["--start", "1950", "--end", "1960", "--poles", "2"],
        ["--start", "1950", "--end", "1960", "--poles", "2,abc"],
        ["--start", "1950", "--end", "1960", "--poles", "2,365", "--split", "1990"],
    ):
        done = entente("history", "run", *args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr
        assert done.stderr.strip(), args


def test_help() -> None:
    done = entente("history", "run", "--help")
    assert done.returncode == 0
    assert "--poles" in done.stdout


def test_a_period_without_aligned_states_is_null_not_nan() -> None:
    done = entente(
        "history", "run", "--start", "1817", "--end", "1830", "--poles", "2,365", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert "NaN" not in done.stdout
    summary = json.loads(done.stdout)
    assert summary["model"]["periods"]["1824-1830"]["balanced_accuracy"] is None


def test_a_one_year_run_has_one_period() -> None:
    done = entente(
        "history", "run", "--start", "1990", "--end", "1990", "--poles", "2,365", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert list(json.loads(done.stdout)["model"]["periods"]) == ["1990-1990"]
