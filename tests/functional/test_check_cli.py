"""``entente check`` and ``entente simulate --choose`` from the command line: exit codes,
the JSON layout the docs give, the reproducible line, and bad arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MINIMAL = Path(__file__).parents[1] / "data" / "minimal_campaign.yaml"


def entente(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_check_json_has_the_documented_fields_and_exit_0_when_all_is_reachable():
    result = entente("check", "tutorial", "--runs", "20", "--json")
    assert result.returncode == 0, result.stdout[-2000:]
    report = json.loads(result.stdout)
    assert report["format"] == "entente-check" and report["version"] == 1
    assert set(report) >= {
        "campaign", "plan", "unreachable", "never_fired", "never_taken", "never_achieved",
        "events", "objectives", "scores", "doctrine_gap", "warnings",
    }  # fmt: skip
    assert report["unreachable"] is False
    assert (
        report["plan"]["total_runs"]
        == report["plan"]["runs"] + report["plan"]["quick_pass_runs"] + 3 * 4
    )  # one probe per playable state under each doctrine and the campaign's own
    assert result.stderr == ""  # no progress bar into a pipe


def test_check_exits_1_with_a_replayable_line_when_something_never_happens(tmp_path):
    text = MINIMAL.read_text().replace(
        "      - id: raid\n",
        "      - id: elsewhere\n        title: Elsewhere\n        text: Never here.\n"
        "        trigger: {kind: condition, when: 'in_era(\"second\")'}\n"
        "      - id: raid\n",
        1,
    )
    path = tmp_path / "campaign.yaml"
    path.write_text(text)
    result = entente("check", str(path), "--runs", "6")
    assert result.returncode == 1
    assert "Never fired (1):" in result.stdout
    assert f"{path}:" in result.stdout  # the warning's FILE:LINE:COL


def test_check_refuses_bad_arguments_with_status_2(tmp_path):
    assert entente("check", "tutorial", "--as", "XYZ").returncode == 2
    assert entente("check", "tutorial", "--runs", "0").returncode == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: [\n")
    result = entente("check", str(bad))
    assert result.returncode == 2 and f"{bad}:" in result.stderr


def test_simulate_choose_forces_an_option_and_names_a_wrong_event(tmp_path):
    replay = tmp_path / "game.json"
    forced = entente("simulate", "tutorial", "--seed", "x", "--choose", "smoke_over_skerries=3",
                     "--json", "--save", str(replay))  # fmt: skip
    assert forced.returncode == 0
    first = json.loads(replay.read_text())["turns"][0]["choices"][0]
    assert first == {"event": "smoke_over_skerries", "choice": 2}  # option 3, 0-based
    last = json.loads(forced.stdout.splitlines()[-1])
    assert last["events_fired"]["smoke_over_skerries"] == 1
    assert set(last["objectives"]) >= {"clear_the_skerries", "peace_holds"}
    wrong = entente("simulate", "tutorial", "--choose", "smoke=1")
    assert wrong.returncode == 2
    assert "did you mean 'smoke_over_skerries'?" in wrong.stderr
    assert entente("simulate", "tutorial", "--choose", "smoke_over_skerries=9").returncode == 2


def test_new_writes_a_campaign_that_validates_strictly_and_passes_its_check(tmp_path):
    result = entente("new", "Cold Snap", "--dir", str(tmp_path))
    assert result.returncode == 0
    path = tmp_path / "Cold Snap.yaml"
    first = path.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=campaign.schema.json"
    assert json.loads((tmp_path / "campaign.schema.json").read_text())["title"]
    strict = entente("validate", "--strict", str(path))
    assert strict.returncode == 0 and strict.stderr == "", strict.stderr
    assert entente("check", str(path), "--runs", "10").returncode == 0
    again = entente("new", "Cold Snap", "--dir", str(tmp_path))
    assert again.returncode == 2 and "left as it is" in again.stderr
    assert entente("new", "../elsewhere").returncode == 2
