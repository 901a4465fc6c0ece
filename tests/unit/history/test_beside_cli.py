"""``entente simulate``: each state's bloc per turn in ``--json``, and ``--history`` (the
game's blocs beside the real ones), run in-process."""

from __future__ import annotations

import json
from pathlib import Path

from game.campaign.loader import load_campaign
from game.cli import main
from game.engine import blocs_at, make_policy, new_game, play_headless
from game.history import beside

CAMPAIGN = str(Path(__file__).resolve().parents[2] / "data" / "cow_campaign.yaml")


def simulate(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["simulate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_gives_each_states_bloc_per_turn(capsys) -> None:
    status, out, err = simulate(capsys, CAMPAIGN, "--json", "--seed", "j", "--policy", "hawk")
    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    turns, summary = records[:-1], records[-1]
    assert summary["summary"] is True and summary["poles"] == ["USA", "USSR"]
    # The same game in-process: the blocs printed are the engine's.
    game = new_game(load_campaign(CAMPAIGN), "j")
    for record, _ in zip(turns, play_headless(game, make_policy("hawk", "j")), strict=True):
        expected = {
            line.state: {"bloc": line.bloc, "alliances": list(line.alliances)}
            for line in blocs_at(game, record["turn"])
        }
        assert record["blocs"] == expected
        assert record["blocs"]["USA"]["bloc"] == "USA"
        for state, bloc in record["blocs"].items():
            for alliance in bloc["alliances"]:
                assert state in record["alliances"][alliance]["members"]


def test_history_adds_the_agreement_per_year(capsys) -> None:
    status, out, err = simulate(capsys, CAMPAIGN, "--json", "--history", "--seed", "h")
    assert status == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[-2]["summary"] is True
    history = lines[-1]
    assert history["history"] is True and history["poles"] == ["USA", "USSR"]
    assert "ATOP 5.1" in history["source"]
    game = new_game(load_campaign(CAMPAIGN), "h")
    for _ in play_headless(game, make_policy("passive", "h")):
        pass
    agreements = beside.agreement_by_year(game)
    assert history["score"] == beside.overall_score(agreements)
    assert [y["year"] for y in history["years"]] == [1950, 1951, 1952, 1953, 1954, 1955]
    for year, entry in zip(history["years"], agreements, strict=True):
        assert year["score"] == entry.score
        assert {r["state"]: (r["game"], r["real"]) for r in year["rows"]} == {
            r.state: (r.game, r.real) for r in entry.rows
        }
        for row in year["rows"]:
            assert row["agrees"] == (row["game"] == row["real"])
            assert (row["reason"] is None) == row["agrees"]
    turkey = next(r for r in history["years"][2]["rows"] if r["state"] == "TUR")
    assert turkey["real"] == "USA" and turkey["cow"] == 640 and turkey["counted"]
    assert history["years"][2]["notes"] == ["Greece and Turkey join NATO."]


def test_history_as_text(capsys) -> None:
    status, out, err = simulate(capsys, CAMPAIGN, "--history", "--seed", "h")
    assert status == 0, err
    assert "Beside history." in out and "ATOP 5.1" in out
    assert "1952: Agreement" in out and "History: Greece and Turkey join NATO." in out


def test_history_on_a_campaign_without_cow_codes_is_refused(capsys) -> None:
    status, out, err = simulate(capsys, "tutorial", "--history", "--json")
    assert status == 2 and out == ""
    assert err.startswith("entente simulate: --history: ")
    assert "cow:" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_help_names_history(capsys) -> None:
    assert main(["simulate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--history" in out and "ATOP" in out
