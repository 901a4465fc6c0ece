"""Helpers for the competition tests: a competition of the tutorial, and students playing it
headless (``simulate --competition``), through the command line's own entry point."""

from __future__ import annotations

from pathlib import Path

from game.cli import main


def new_competition(out: str | Path, seed: str, *options: str) -> Path:
    """``entente competition new`` of the tutorial as VAL, with ``options``; the file."""
    argv = ["competition", "new", "--campaign", "tutorial", "--as", "VAL", "--seed", seed]
    assert main([*argv, *options, "--out", str(out)]) == 0
    return Path(out)


def play_student(competition: str | Path, name: str, handin: str | Path, *options: str) -> None:
    """A scripted student plays the competition to its end (``options``: ``--policy``,
    ``--team``...), handing in to ``handin``."""
    argv = ["simulate", "--competition", str(competition), "--name", name, "--handin", str(handin)]
    assert main([*argv, *options]) == 0
