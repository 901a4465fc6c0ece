"""The game as pip installs it: what a wheel carries, how the game finds its files, and CI.

A wheel built from the checkout carries the shipped campaigns (the checkout's
``campaigns/`` folder, installed as the package ``game.campaigns``), the history check's
data and the Textual styles; the game finds them through ``importlib.resources``; and
``.ci/run`` runs the README's quick-start test command exactly as it is written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from game.campaign.library import resolve_campaign, shipped_campaigns, shipped_dir
from game.history import sources

ROOT = Path(__file__).resolve().parents[2]
BUILD_INPUTS = ("pyproject.toml", "README.md", "game", "campaigns")
"""What a build reads: copied to a temporary folder, so no build/ in the checkout leaks in."""
HISTORY_DATA = sorted(p.name for p in (ROOT / "game" / "history" / "data").iterdir())


def shipped_files() -> set[str]:
    """Every file of game/ and campaigns/ by its name in the wheel (``game/...``)."""
    names = set()
    for folder, prefix in ((ROOT / "game", "game"), (ROOT / "campaigns", "game/campaigns")):
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                names.add(f"{prefix}/{path.relative_to(folder).as_posix()}")
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """A wheel built from a copy of the checkout with ``pip wheel --no-deps``."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(source), "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [path] = out.glob("entente-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def test_the_wheel_carries_the_tutorial_as_game_campaigns(wheel: zipfile.ZipFile) -> None:
    tutorial = (ROOT / "campaigns" / "tutorial.yaml").read_bytes()
    assert wheel.read("game/campaigns/tutorial.yaml") == tutorial
    cold_war = (ROOT / "campaigns" / "cold_war.yaml").read_bytes()
    assert wheel.read("game/campaigns/cold_war.yaml") == cold_war
    assert "game/campaigns/__init__.py" in wheel.namelist()


def test_the_wheel_carries_every_history_data_file(wheel: zipfile.ZipFile) -> None:
    assert {"README.md", "states.csv.gz", "alliances.csv.gz"} <= set(HISTORY_DATA)
    for name in HISTORY_DATA:
        made = (ROOT / "game" / "history" / "data" / name).read_bytes()
        assert wheel.read(f"game/history/data/{name}") == made, name


def test_the_wheel_carries_the_styles(wheel: zipfile.ZipFile) -> None:
    styles = sorted((ROOT / "game" / "ui" / "styles").glob("*.tcss"))
    assert styles
    for path in styles:
        assert f"game/ui/styles/{path.name}" in wheel.namelist()


def test_the_wheel_carries_every_file_of_the_package(wheel: zipfile.ZipFile) -> None:
    # Catches a subpackage missing from pyproject's packages list, or a new kind of data file.
    missing = sorted(shipped_files() - set(wheel.namelist()))
    assert not missing, f"not in the wheel: {missing}"


def test_the_wheel_installs_the_entente_command(wheel: zipfile.ZipFile) -> None:
    [entry_points] = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "entente = game.cli:entry" in wheel.read(entry_points).decode()


def test_importlib_resources_finds_the_shipped_campaigns() -> None:
    tutorial = files("game.campaigns") / "tutorial.yaml"
    assert tutorial.is_file()
    assert shipped_dir() / "tutorial.yaml" == tutorial
    assert tutorial in shipped_campaigns()
    assert resolve_campaign("tutorial") == tutorial
    cold_war = files("game.campaigns") / "cold_war.yaml"
    assert cold_war.is_file() and cold_war in shipped_campaigns()
    assert resolve_campaign(None) == cold_war  # the default game


def test_an_editable_install_reads_the_checkouts_campaigns() -> None:
    # The README installs with -e: an edit to campaigns/ shows at once.
    assert shipped_dir().resolve() == (ROOT / "campaigns").resolve()


def test_importlib_resources_finds_the_history_data() -> None:
    data = files("game.history") / "data"
    assert data == sources.DATA
    for name in HISTORY_DATA:
        assert (data / name).is_file(), name
    assert sources.state_names()[2] == ("USA", "United States of America")


def readme_test_command() -> str:
    """The test command of the README's quick start."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    [command] = re.findall(r"^Test:\n+```sh\n(.+)\n```$", quick_start, re.MULTILINE)
    return command


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = readme_test_command()
    assert command == 'python3 -m pip install -e ".[test]" && python3 -m pytest'
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in [line.strip() for line in script.splitlines()]


def test_ci_pins_every_direct_dependency_at_its_lower_bound() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "lowest.py"), "test"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = done.stdout.splitlines()
    assert len(pins) == len(wanted)
    for requirement, pin in zip(wanted, pins, strict=True):
        name, version = pin.split("==")
        assert requirement.startswith(f"{name}>={version}"), (requirement, pin)
