"""``entente simulate`` as a real command: the same seed gives the same bytes in any process
under any ``PYTHONHASHSEED``; bad arguments exit 2 with a message and no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from console_script import entente_script

ROOT = Path(__file__).resolve().parents[2]
MODULE = [sys.executable, "-m", "game"]


def environment(hash_seed: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env.pop("PYTHONHASHSEED", None)
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return env


def start(*args: str, cwd: Path, hash_seed: str | None = None, command=None) -> subprocess.Popen:
    return subprocess.Popen(
        [*(command or MODULE), "simulate", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(hash_seed),
    )


def finish(process: subprocess.Popen) -> tuple[int, bytes, str]:
    out, err = process.communicate(timeout=120)
    text = err.decode("utf-8")
    assert "Traceback" not in text, text
    assert b"Traceback" not in out
    return process.returncode, out, text


def simulate(*args: str, cwd: Path, hash_seed: str | None = None, command=None):
    """Run ``entente simulate ARGS``: (exit status, stdout bytes, stderr text)."""
    return finish(start(*args, cwd=cwd, hash_seed=hash_seed, command=command))


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    """Run from an unrelated folder: the shipped campaign is found by its id."""
    return tmp_path


@pytest.mark.parametrize("seed", ["1", "teacher-2024"])
def test_same_seed_gives_identical_bytes_under_any_hash_seed(cwd, seed):
    args = ("tutorial", "--json", "--policy", "random", "--seed", seed)
    processes = [start(*args, cwd=cwd, hash_seed=h) for h in ("0", "1", "2", "3")]
    results = [finish(p) for p in processes]
    assert [code for code, _, _ in results] == [0, 0, 0, 0]
    outputs = [out for _, out, _ in results]
    assert outputs[0]
    assert all(out == outputs[0] for out in outputs[1:])
    records = lines(outputs[0])
    assert records[-1]["summary"] is True
    assert records[-1]["seed"] == seed and records[-1]["policy"] == "random"


def test_another_doctrine_is_deterministic_too(cwd):
    args = ("tutorial", "--json", "--policy", "hawk", "--doctrine", "balance_of_power")
    first, second = (start(*args, cwd=cwd, hash_seed=h) for h in ("5", "6"))
    (code_a, out_a, _), (code_b, out_b, _) = finish(first), finish(second)
    assert code_a == code_b == 0
    assert out_a == out_b
    assert lines(out_a)[-1]["doctrine"] == "balance_of_power"


def test_different_seeds_give_different_output(cwd):
    runs = [
        start("tutorial", "--json", "--policy", "random", "--seed", seed, cwd=cwd)
        for seed in ("1", "2")
    ]
    (code_a, out_a, _), (code_b, out_b, _) = (finish(p) for p in runs)
    assert code_a == code_b == 0
    assert out_a != out_b
    assert lines(out_a)[-1]["state_hash"] != lines(out_b)[-1]["state_hash"]


def test_turns_limits_the_run_and_the_last_line_is_the_summary(cwd):
    code, out, err = simulate("tutorial", "--json", "--turns", "3", cwd=cwd)
    assert code == 0 and err == ""
    assert out.endswith(b"\n")
    records = lines(out)
    assert len(records) == 4
    assert [r["turn"] for r in records[:3]] == [1, 2, 3]
    assert all("summary" not in r for r in records[:3])
    for record in records[:3]:
        assert {"year", "era", "alliances", "threats", "changes", "refusals", "score"} <= set(
            record
        )
    summary = records[-1]
    assert summary["summary"] is True
    assert summary["turn"] == 4 and summary["over"] is False
    assert summary["campaign"] == "tutorial" and summary["player"] == "VAL"
    assert len(summary["state_hash"]) == 64


def test_a_full_run_ends_with_the_summary(cwd):
    code, out, _ = simulate("tutorial", "--json", "--as", "KAR", "--policy", "dove", cwd=cwd)
    assert code == 0
    records = lines(out)
    assert [r.get("summary") for r in records].count(True) == 1
    assert records[-1]["summary"] is True
    assert records[-1]["over"] is True
    assert records[-1]["player"] == "KAR"


def test_readable_output_without_json(cwd):
    code, out, _ = simulate("tutorial", "--turns", "2", cwd=cwd)
    assert code == 0
    text = out.decode("utf-8")
    assert text.startswith("Turn 1 (1900")
    assert text.rstrip().splitlines()[-1].startswith("Final score")


def test_the_console_script_gives_the_same_bytes(cwd):
    command = [str(entente_script())]
    args = ("tutorial", "--json", "--policy", "random", "--seed", "7", "--turns", "4")
    via_script = simulate(*args, cwd=cwd, hash_seed="11", command=command)
    via_module = simulate(*args, cwd=cwd, hash_seed="12")
    assert via_script[0] == via_module[0] == 0
    assert via_script[1] == via_module[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("no_such_campaign",), "no such file"),
        (("tutorial", "--as", "XX"), "--as XX: not a playable state of 'tutorial'"),
        (("tutorial", "--as", "AUR"), "--as AUR: not a playable state of 'tutorial'"),
        (("tutorial", "--turns", "0"), "must be at least 1, got 0"),
        (("tutorial", "--turns", "-3"), "must be at least 1"),
        (("tutorial", "--turns", "many"), "'many' is not a whole number"),
        (("tutorial", "--policy", "nope"), "invalid choice: 'nope'"),
        (("tutorial", "--doctrine", "anarchy"), "invalid choice: 'anarchy'"),
        ((), "name a campaign (an id, e.g. tutorial, or a file)"),
    ],
)
def test_bad_arguments_exit_2_with_a_message_and_no_traceback(cwd, args, message):
    code, out, err = simulate(*args, cwd=cwd)
    assert code == 2
    assert out == b""
    assert message in err
    assert err.strip()


def test_a_bad_campaign_file_reports_its_location(cwd):
    bad = cwd / "bad.yaml"
    bad.write_text("schema_version: 1\nid: [unclosed\n", encoding="utf-8")
    code, out, err = simulate(str(bad), "--json", cwd=cwd)
    assert code == 2 and out == b""
    assert err.startswith(f"{bad}:")


@pytest.mark.parametrize(
    "argv",
    [["simulate", "--help"], ["--help"], ["validate", "--help"]],
)
def test_help_works(cwd, argv):
    result = subprocess.run(
        [*MODULE, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: entente")
    assert result.stderr == ""
    if argv[0] == "simulate":
        for option in ("--as", "--seed", "--policy", "--doctrine", "--turns", "--json"):
            assert option in result.stdout
        for policy in ("passive", "random", "hawk", "dove"):
            assert policy in result.stdout


def test_simulate_into_a_closed_pipe_stops_quietly() -> None:
    """`entente simulate ... | head -1` must not end in a BrokenPipeError traceback."""
    import subprocess
    import sys

    done = subprocess.run(
        f"{sys.executable} -m game simulate tutorial --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
