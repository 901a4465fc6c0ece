"""`entente` and `entente play`: arguments, errors (exit 2, no traceback), and a start-up
that does not wait for the engine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game import cli
from game.ui.app import EntenteApp


@pytest.fixture
def launched(monkeypatch):
    """Record how the app would be started instead of running it."""
    seen: list[EntenteApp] = []
    monkeypatch.setattr(EntenteApp, "run", lambda self, **kw: seen.append(self))
    return seen


def test_no_argument_opens_the_title_screen(launched):
    assert cli.main([]) == 0
    app = launched[0]
    assert app.start == "title" and app.loaded is None


def test_play_starts_a_game_with_the_choices(launched):
    argv = ["play", "tutorial", "--as", "KAR", "--seed", "7", "--doctrine", "bandwagon"]
    assert cli.main(argv) == 0
    app = launched[0]
    assert (app.start, app.player, app.seed, app.doctrine) == ("new", "KAR", "7", "bandwagon")
    assert app.loaded.campaign.id == "tutorial"


def test_play_continue(launched):
    assert cli.main(["play", "--continue"]) == 0
    assert launched[0].start == "continue" and launched[0].player is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["play", "no_such_campaign"], "no such file"),
        (["play", "tutorial", "--as", "AUR"], "--as AUR: not a playable state of 'tutorial'"),
        (["play", "--doctrine", "anarchy"], "invalid choice: 'anarchy'"),
    ],
)
def test_bad_play_arguments_exit_2_with_a_message(argv, message):
    result = subprocess.run(
        [sys.executable, "-m", "game", *argv], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_line_and_title_screen_do_not_import_the_engine():
    probe = (
        "import json, sys; import game.cli, game.ui.app; "
        "print(json.dumps(sorted(m for m in ('numpy', 'pydantic', 'game.engine') "
        "if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(result.stdout) == []
