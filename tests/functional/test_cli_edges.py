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


# -- files that are not what a command expects (found by an examiner's hostile files) ----


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (
            ["schema", "--out", "{tmp}/missing/schema.json"],
            "the folder {tmp}/missing does not exist",
        ),
        (["schema", "--out", "{tmp}/"], "names a folder (it ends with a separator)"),
        (["schema", "--out", "{tmp}"], "is a folder: give a file name"),
        (["simulate", "tutorial", "--turns", "1", "--save", "{tmp}/"], "names a folder"),
        (["history", "run", "--out", "{tmp}/nowhere/rows.csv"], "does not exist"),
    ],
)
def test_a_file_argument_that_is_no_file_to_write_is_refused_before_the_work(
    tmp_path, argv, problem
):
    argv = [a.format(tmp=tmp_path) for a in argv]
    status, _, err = run(*argv)
    flag = next(a for a in argv if a.startswith("--") and a not in ("--turns",))
    assert status == 2, err
    assert f"argument {flag}: " in err and problem.format(tmp=tmp_path) in err, err
    assert list(tmp_path.iterdir()) == []  # nothing written, no folder made


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_what_is_not_a_regular_file_is_never_replaced_by_a_save(tmp_path):
    pipe = tmp_path / "pipe.json"  # a pipe, not a device: a failure here destroys nothing
    os.mkfifo(pipe)
    status, _, err = run("simulate", "tutorial", "--turns", "1", "--save", str(pipe))
    assert status == 2 and "is not a regular file" in err
    assert pipe.is_fifo()


def test_a_save_through_a_link_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    status, _, err = run("simulate", "tutorial", "--turns", "1", "--save", str(link))
    assert status == 0, err
    assert link.is_symlink() and json.loads(real.read_text())["campaign"]["id"] == "tutorial"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("command", [["validate"], ["simulate"], ["verify"]])
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path, command):
    pipe = tmp_path / ("pipe.replay.json" if command == ["verify"] else "pipe.yaml")
    os.mkfifo(pipe)
    status, out, err = run(*command, str(pipe))  # run() gives up after 120 s
    assert status in (1, 2), err
    assert "not a regular file" in err + out.decode(), err


def test_check_refuses_thousands_of_workers():
    status, _, err = run("check", "tutorial", "--runs", "2", "--jobs", "5000")
    assert status == 2 and "argument --jobs: must be from 0 (one per core) to 61" in err


@pytest.mark.parametrize("name", ["true", "null", "Ünïon", "War & Peace"])
def test_new_writes_a_campaign_that_validates_whatever_its_name(tmp_path, name):
    status, _, err = run("new", name, "--dir", str(tmp_path))
    assert status == 0, err
    (written,) = tmp_path.glob("*.yaml")
    status, out, err = run("validate", "--strict", str(written))
    assert status == 0, err + out.decode()


@pytest.mark.parametrize(
    ("name", "problem"),
    [("a" * 250, "choose a shorter one"), ("war\x1bgame", "a control character")],
)
def test_new_refuses_a_name_that_makes_no_file_name(tmp_path, name, problem):
    status, _, err = run("new", name, "--dir", str(tmp_path))
    assert status == 2 and problem in err, err
    assert list(tmp_path.iterdir()) == []
