"""``entente validate`` run as a real command: exit codes, what goes where, no traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from console_script import entente_script

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "campaigns" / "tutorial.yaml"
MINIMAL = ROOT / "tests" / "data" / "minimal_campaign.yaml"
CORPUS = ROOT / "tests" / "data" / "bad_campaigns"

ERROR_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")
TUTORIAL_OK = (
    "tutorial.yaml: ok: 'The Corvantic Sea, 1900-1915' tutorial v1.1, 1900-1915, "
    "8 states, 2 eras, 12 events"
)
MINIMAL_OK = "minimal.yaml: ok: 'Minimal' minimal v1.0, 1900-1910, 3 states, 2 eras, 2 events"


def validate(
    *files: str | Path, cwd: Path, command: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m game validate FILE...`` (or ``command``) in ``cwd``."""
    argv = command or [sys.executable, "-m", "game"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run(
        [*argv, "validate", *map(str, files)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    return result


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with the tutorial, the minimal campaign and some bad files, by short names."""
    shutil.copy(TUTORIAL, tmp_path / "tutorial.yaml")
    shutil.copy(MINIMAL, tmp_path / "minimal.yaml")
    text = MINIMAL.read_text(encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(
        text.replace("    military: 100", "    militray: 100"), encoding="utf-8"
    )
    (tmp_path / "severity.yaml").write_text(
        text.replace("severity: 0.5", "severity: 2"), encoding="utf-8"
    )
    (tmp_path / "binary.yaml").write_bytes(b"schema_version: 1\n\x00\x01\x02")
    shutil.copy(CORPUS / "alias_bomb.yaml", tmp_path / "bomb.yaml")
    shutil.copy(CORPUS / "tab_indentation.yaml", tmp_path / "tabs.yaml")
    (tmp_path / "folder").mkdir()
    return tmp_path


def test_a_valid_file(work: Path) -> None:
    result = validate("tutorial.yaml", cwd=work)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [TUTORIAL_OK]
    assert result.stderr == ""


def test_several_valid_files(work: Path) -> None:
    result = validate("tutorial.yaml", "minimal.yaml", cwd=work)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [TUTORIAL_OK, MINIMAL_OK]
    assert result.stderr == ""


def test_the_shipped_campaign_by_its_path(tmp_path: Path) -> None:
    result = validate(TUTORIAL, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == f"{TUTORIAL}: ok: {TUTORIAL_OK.split(': ok: ')[1]}\n"


def test_an_invalid_file_lists_every_error_then_a_summary(work: Path) -> None:
    result = validate("typo.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "typo.yaml:13:5: states[0].military: required field 'military' is missing",
        "typo.yaml:20:5: states[0].militray: unknown field 'militray'; did you mean 'military'?",
        "typo.yaml: invalid (2 errors)",
    ]


def test_a_value_error_in_a_tagged_effect(work: Path) -> None:
    result = validate("severity.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "severity.yaml:57:23: eras[0].events[0].effects[0].severity: must be at most 1, got 2",
        "severity.yaml: invalid (1 error)",
    ]


def test_a_mix_of_valid_and_invalid_files(work: Path) -> None:
    result = validate(
        "tutorial.yaml", "typo.yaml", "minimal.yaml", "missing.yaml", "folder", cwd=work
    )
    assert result.returncode == 2
    # Valid files still get their summary line, and every file is checked.
    assert result.stdout.splitlines() == [TUTORIAL_OK, MINIMAL_OK]
    assert result.stderr.splitlines() == [
        "typo.yaml:13:5: states[0].military: required field 'military' is missing",
        "typo.yaml:20:5: states[0].militray: unknown field 'militray'; did you mean 'military'?",
        "typo.yaml: invalid (2 errors)",
        "missing.yaml:1:1: no such file",
        "missing.yaml: invalid (1 error)",
        "folder:1:1: is a folder without a campaign.yaml, not a campaign (a campaign folder "
        "holds its main file as campaign.yaml)",
        "folder: invalid (1 error)",
    ]


def test_the_exit_code_is_2_even_when_the_last_file_is_valid(work: Path) -> None:
    result = validate("missing.yaml", "minimal.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [MINIMAL_OK]


def test_a_missing_file(work: Path) -> None:
    result = validate("nowhere/missing.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "nowhere/missing.yaml:1:1: no such file",
        "nowhere/missing.yaml: invalid (1 error)",
    ]


def test_a_directory(work: Path) -> None:
    result = validate("folder", cwd=work)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "folder:1:1: is a folder without a campaign.yaml, not a campaign (a campaign folder "
        "holds its main file as campaign.yaml)",
        "folder: invalid (1 error)",
    ]


def test_a_path_through_a_file(work: Path) -> None:
    result = validate("minimal.yaml/inside.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "minimal.yaml/inside.yaml:1:1: cannot read the file: not a directory",
        "minimal.yaml/inside.yaml: invalid (1 error)",
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused_at_once(work: Path) -> None:
    result = validate("/dev/zero", cwd=work)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "/dev/zero:1:1: cannot read the file: not a regular file (a pipe, a device or a socket)",
        "/dev/zero: invalid (1 error)",
    ]


def test_an_oversized_file_is_refused_from_its_size(work: Path) -> None:
    big = work / "big.yaml"
    with big.open("wb") as file:
        file.truncate(5 * 1024 * 1024)  # sparse: nothing is written
    result = validate("big.yaml", cwd=work)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "big.yaml:1:1: file is 5242880 bytes; the limit is 4194304 bytes",
        "big.yaml: invalid (1 error)",
    ]


def test_hostile_and_broken_files(work: Path) -> None:
    result = validate("binary.yaml", "bomb.yaml", "tabs.yaml", cwd=work)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[:2] == [
        "binary.yaml:2:1: file looks binary (NUL byte at line 2, column 1)",
        "binary.yaml: invalid (1 error)",
    ]
    assert lines[2:4] == [
        "bomb.yaml:2:4: anchors and aliases are not allowed (found anchor '&a')",
        "bomb.yaml: invalid (1 error)",
    ]
    assert lines[4].startswith("tabs.yaml:5:1: YAML syntax error: ")
    assert lines[5] == "tabs.yaml: invalid (1 error)"
    assert len(lines) == 6


def test_every_error_line_has_the_documented_shape(work: Path) -> None:
    names = sorted(path.name for path in CORPUS.glob("*.yaml"))
    for name in names:
        shutil.copy(CORPUS / name, work / name)
    result = validate(*names, cwd=work)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    summaries = [line for line in lines if line.endswith(("error)", "errors)"))]
    assert [line.split(":")[0] for line in summaries] == names
    for line in lines:
        if line in summaries:
            continue
        match = ERROR_LINE.match(line)
        assert match, line
        assert match["file"] in names
        assert int(match["line"]) >= 1 and int(match["col"]) >= 1


def test_no_file_is_a_usage_error(work: Path) -> None:
    result = validate(cwd=work)
    assert result.returncode == 2
    assert "usage: entente validate" in result.stderr
    assert "FILE" in result.stderr


def test_the_console_script(work: Path) -> None:
    # The quick start installs the package, and with it the `entente` command.
    command = [str(entente_script())]
    result = validate("minimal.yaml", "typo.yaml", cwd=work, command=command)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [MINIMAL_OK]
    assert result.stderr.splitlines()[-1] == "typo.yaml: invalid (2 errors)"
