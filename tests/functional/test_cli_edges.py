"""The command line at its edges: arguments that are not UTF-8, output to a full disk,
empty or lower-case state ids, campaign ids for validate, numbers thousands of digits
long, and --help/--version that answer without importing the engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MODULE = [sys.executable, "-m", "game"]


def run(*argv: str | bytes, stdout=subprocess.PIPE, cwd: Path | None = None):
    """Run ``python -m game ARGV`` (arguments may be raw bytes): (status, stdout, stderr)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    done = subprocess.run(
        [*MODULE, *argv], stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=cwd, timeout=120
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return done.returncode, done.stdout or b"", err


@pytest.mark.skipif(os.name != "posix", reason="POSIX passes arguments as bytes")
@pytest.mark.parametrize("command", ["simulate", "play"])
def test_a_seed_that_is_not_utf8_is_refused_in_one_line(command):
    status, out, err = run(command, "tutorial", "--seed", b"\xff\xfe-seed")
    assert status == 2 and out == b""
    assert err == "entente: --seed: not valid UTF-8 text\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX passes arguments as bytes")
def test_an_option_value_with_equals_that_is_not_utf8():
    status, _, err = run("simulate", "tutorial", b"--seed=\xff")
    assert status == 2 and err == "entente: --seed: not valid UTF-8 text\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "argv",
    [
        ("simulate", "tutorial", "--turns", "2", "--json"),
        ("simulate", "tutorial", "--turns", "2"),
        ("schema",),
        ("validate", "tutorial"),
        ("--help",),
    ],
)
def test_output_to_a_full_disk_is_one_line_and_status_1(argv):
    with open("/dev/full", "wb") as full:
        status, _, err = run(*argv, stdout=full)
    assert status == 1
    assert err == "entente: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", ["simulate", "play"])
@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_state_is_refused(command, empty):
    status, out, err = run(command, "tutorial", "--as", empty)
    assert status == 2 and out == b""
    assert "argument --as: name a state, e.g. --as KAR" in err


@pytest.mark.parametrize("typed", ["kar", "Kar", "KAR"])
def test_state_ids_are_case_insensitive(typed):
    status, out, _ = run("simulate", "tutorial", "--as", typed, "--turns", "1", "--json")
    assert status == 0
    summary = json.loads(out.decode().splitlines()[-1])
    assert summary["player"] == "KAR"


def test_an_unknown_state_in_any_case_lists_the_playable_ones():
    status, _, err = run("simulate", "tutorial", "--as", "aur")
    assert status == 2
    assert "--as aur: not a playable state of 'tutorial' (playable: " in err


def test_validate_takes_a_shipped_campaigns_id(tmp_path):
    status, out, err = run("validate", "tutorial", cwd=tmp_path)
    assert status == 0 and err == ""
    assert out.decode().startswith("tutorial: ok: 'The Corvantic Sea, 1900-1915' tutorial v1.1")


def test_validate_a_file_named_like_a_shipped_id_prefers_the_file(tmp_path):
    (tmp_path / "tutorial").write_text("not: a campaign\n", encoding="utf-8")
    status, _, err = run("validate", "tutorial", cwd=tmp_path)
    assert status == 2
    assert err.splitlines()[-1].startswith("tutorial: invalid (")


@pytest.mark.parametrize(
    "argv",
    [
        ("simulate", "tutorial", "--turns", "9" * 5000),
        ("history", "run", "--start", "1" * 5000, "--end", "1952", "--poles", "2,365"),
        ("history", "run", "--start", "1950", "--end", "1952", "--poles", "2," + "3" * 5000),
        (
            "history",
            "run",
            "--start",
            "1950",
            "--end",
            "1952",
            "--poles",
            "2,365",
            "--split",
            "-" + "7" * 5000,
        ),
    ],
)
def test_a_number_of_5000_digits_gets_a_short_message_that_does_not_echo_it(argv):
    status, out, err = run(*argv)
    assert status == 2 and out == b""
    assert len(err.splitlines()[-1]) < 200
    assert "9" * 30 not in err and "1" * 30 not in err and "3" * 30 not in err
    assert "7" * 30 not in err
    assert "too large" in err or "not a comma-separated list" in err


def test_a_long_word_for_a_number_is_shortened_in_the_message():
    status, _, err = run("simulate", "tutorial", "--turns", "x" * 5000)
    assert status == 2
    assert "argument --turns: 'xxxxxxxxxxxxxxxxxxxxxxx…' is not a whole number" in err


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_the_engine(flag):
    probe = (
        "import json, sys\n"
        "from game import cli\n"
        "try:\n"
        f"    cli.main([{flag!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('numpy', 'pydantic', 'yaml', 'textual', 'game.engine', 'game.campaign.models')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
