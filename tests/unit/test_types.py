"""The package type-checks: mypy with the project's configuration passes.

``[tool.mypy]`` in pyproject.toml holds ``game.campaign`` and ``game.engine`` to mypy's
``--strict`` checks and the rest of ``game`` to its default ones. The check runs
``python -m mypy`` from the checkout's root, as a developer would, with its cache in a
temporary folder: a cold run, about 15 to 60 seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "pyproject.toml"


def run_mypy(cwd: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPY_FORCE_COLOR": "0", "TERM": "dumb"}
    env.pop("MYPYPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", CONFIG, "--cache-dir", cache, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_package_type_checks(tmp_path: Path) -> None:
    result = run_mypy(ROOT, tmp_path / "cache")
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
    # Not vacuous: the configuration's `files` is the whole package.
    modules = len(list((ROOT / "game").rglob("*.py")))
    # "Success: no issues found in N source files", or on failure "(checked N source files)"
    assert f" {modules} source files" in result.stdout, result.stdout


def test_strict_only_where_configured(tmp_path: Path) -> None:
    """An untyped function is an error in game.campaign and game.engine, and fine elsewhere."""
    for package in ("campaign", "engine", "history"):
        folder = tmp_path / "game" / package
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("")
        (folder / "probe.py").write_text("def double(x):\n    return x * 2\n")
    (tmp_path / "game" / "__init__.py").write_text("")
    result = run_mypy(tmp_path, tmp_path / "cache", "game")
    flagged = {
        Path(line.split(":", 1)[0]).as_posix()
        for line in result.stdout.splitlines()
        if line.endswith("[no-untyped-def]")
    }
    assert flagged == {"game/campaign/probe.py", "game/engine/probe.py"}, result.stdout
